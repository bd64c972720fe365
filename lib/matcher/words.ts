/**
 * Looking at the words around a candidate, on folded text: evidence words within a window (prefix matches at word
 * starts, so "drone" finds "drones" and "беспилот" finds "беспилотник"), and the word right before a name.
 */
import { caseOfUnit, LOWER } from './char-kinds';
import { codesToString, foldAlias, type FoldedCodes } from './fold';

const isLetterCode = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c >= 0xc0; // folded text is lowercase

/** Evidence words (folded), by their first code unit: a window is read once, trying only words that can start there. */
export interface WordList {
  words: readonly string[];
  /** Indexes into `words`, in list order, by first code unit. */
  byUnit: Map<number, number[]>;
}

export function wordList(words: readonly string[]): WordList {
  const byUnit = new Map<number, number[]>();
  words.forEach((w, i) => {
    if (!w) return;
    const u = w.charCodeAt(0);
    const at = byUnit.get(u);
    if (at) at.push(i);
    else byUnit.set(u, [i]);
  });
  return { words, byUnit };
}

/**
 * The first word of `list` (in list order) that starts a word in the folded codes [from, to) outside [skipFrom,
 * skipTo) and ends inside the window, with its folded position; null if none. Reads the codes in place: no strings.
 */
export function findWordIn(
  folded: FoldedCodes,
  from: number,
  to: number,
  list: WordList,
  skipFrom: number,
  skipTo: number,
): { word: string; at: number } | null {
  const { codes } = folded;
  const a = Math.max(0, from);
  const b = Math.min(folded.length, to);
  let best = -1;
  let bestAt = -1;
  for (let at = a; at < b; at++) {
    if (at >= skipFrom && at < skipTo) {
      at = skipTo - 1;
      continue;
    }
    if (at > 0 && isLetterCode(codes[at - 1]!)) continue;
    const candidates = list.byUnit.get(codes[at]!);
    if (!candidates) continue;
    for (const k of candidates) {
      if (best >= 0 && k >= best) break; // an earlier word of the list is already found
      if (spellsAt(codes, at, b, list.words[k]!)) {
        best = k;
        bestAt = at;
        break;
      }
    }
    if (best === 0) break;
  }
  return best < 0 ? null : { word: list.words[best]!, at: bestAt };
}

/** Whether `word` is spelled by codes[at, at + word.length), within `end`. */
function spellsAt(codes: Uint16Array, at: number, end: number, word: string): boolean {
  if (at + word.length > end) return false;
  for (let i = 1; i < word.length; i++) if (codes[at + i] !== word.charCodeAt(i)) return false;
  return true;
}

/** How many letters a case ending adds at most ("belgesel" → "belgeselde", "görüş" → "görüşdə"). */
const MAX_ENDING = 4;
/** A shorter stem says too little: "bu" is not "Bugün". */
const MIN_STEM = 4;

/**
 * Whether the folded codes [from, to) of a text write `word`, or a stem of it, as a whole word in lowercase ("then"
 * for "Then", "belgesel" for "Belgeselde"). Reads the codes in place.
 */
export function writtenLowercaseIn(
  { text, folded }: { text: string; folded: FoldedCodes },
  word: string,
  from: number,
  to: number,
): boolean {
  if (!word) return false;
  const first = word.charCodeAt(0);
  const shortest = Math.min(word.length, Math.max(MIN_STEM, word.length - MAX_ENDING));
  const { codes, length, map } = folded;
  const stop = Math.min(length, to);
  for (let at = Math.max(0, from); at + shortest <= stop; at++) {
    if (codes[at] !== first || (at > 0 && isLetterCode(codes[at - 1]!))) continue;
    let k = 1;
    while (k < word.length && at + k < length && codes[at + k] === word.charCodeAt(k)) k++;
    const end = at + k;
    if (k < shortest || (end < length && isLetterCode(codes[end]!))) continue;
    if (caseOfUnit(text.charCodeAt(map[at]!)) === LOWER) return true;
  }
  return false;
}

/** Folded text of codes[from, to), clamped. */
export function foldedSlice(folded: FoldedCodes, from: number, to: number): string {
  const a = Math.max(0, from);
  const b = Math.min(folded.length, to);
  return a < b ? codesToString(folded.codes.subarray(a, b), b - a) : '';
}

/** The whole word of `text` that starts at original offset `start` (letters and marks), as the page writes it. */
export function wordAt(text: string, start: number): string {
  let end = start;
  while (end < text.length && isLetterAt(text, end)) end++;
  return text.slice(start, end);
}

interface WordBefore {
  /** The word right before, folded, or '' when punctuation or the start of the text comes first. */
  word: string;
  /** The original word, to see its case. */
  original: string;
  /** True when that word starts a sentence (nothing but white space, quotes or sentence punctuation before it). */
  sentenceStart: boolean;
  /** An initial ("R.", "С.") rather than a word. */
  initial: boolean;
}

const SENTENCE_END = /[.!?:;«»"“”„—–\-(|·•]/u;
const LETTER = /[\p{L}\p{M}]/u;
const SPACE = /\s/u;

/** Per code unit, learned on first sight: 1 letter or mark, 2 white space, 3 other. Keeps regexes off the hot path. */
const unitKinds = new Uint8Array(0x10000);
function kindOf(unit: number): number {
  let kind = unitKinds[unit]!;
  if (kind === 0) {
    const ch = String.fromCharCode(unit);
    kind = LETTER.test(ch) ? 1 : SPACE.test(ch) ? 2 : 3;
    unitKinds[unit] = kind;
  }
  return kind;
}
const isLetterAt = (text: string, i: number) => kindOf(text.charCodeAt(i)) === 1;
const isSpaceAt = (text: string, i: number) => kindOf(text.charCodeAt(i)) === 2;

/** The word before original offset `start` in `text`, separated from it by white space only. */
export function wordBefore(text: string, start: number): WordBefore | null {
  let i = start;
  while (i > 0 && isSpaceAt(text, i - 1)) i--;
  if (i === start || i === 0) return null;
  let initial = false;
  let end = i;
  if (text[i - 1] === '.' && i >= 2 && isLetterAt(text, i - 2) && (i < 3 || !isLetterAt(text, i - 3))) {
    initial = true;
    end = i - 1;
    i = end - 1;
  } else {
    while (i > 0 && isLetterAt(text, i - 1)) i--;
    if (i === end) return null;
  }
  const original = text.slice(i, end);
  let j = i;
  while (j > 0 && isSpaceAt(text, j - 1)) j--;
  const sentenceStart = j === 0 || SENTENCE_END.test(text[j - 1]!);
  return { word: foldAlias(original), original, sentenceStart, initial };
}
