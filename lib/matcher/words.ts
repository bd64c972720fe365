/**
 * Looking at the words around a candidate, on folded text: evidence words within a window (prefix matches at word
 * starts, so "drone" finds "drones" and "беспилот" finds "беспилотник"), and the word right before a name.
 */
import { caseOfUnit, LOWER } from './char-kinds';
import { DROPPED_UNIT, foldAlias, foldedUnit, searchableString, type FoldedCodes } from './fold';

const isLetterCode = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c >= 0xc0; // folded text is lowercase

/** Evidence words, folded, in the order the data lists them (the first found is the one a card names). */
export interface WordList {
  words: readonly string[];
  /** The first units of the words, by unit mod 128, as bits: most word starts of a window start none of them. */
  firstUnits: Uint32Array;
  /** Per first unit, the indexes of the words that start with it, ascending. */
  byFirst: Map<number, number[]>;
}

export function wordList(words: readonly string[]): WordList {
  const kept = words.filter((w) => w !== '');
  const firstUnits = new Uint32Array(4);
  const byFirst = new Map<number, number[]>();
  kept.forEach((word, i) => {
    const unit = word.charCodeAt(0);
    firstUnits[(unit >>> 5) & 3]! |= 1 << (unit & 31);
    const list = byFirst.get(unit);
    if (list) list.push(i);
    else byFirst.set(unit, [i]);
  });
  return { words: kept, firstUnits, byFirst };
}

/** A text of a batch as the rules read it: the original and its folded codes. */
export interface SearchedText {
  text: string;
  folded: FoldedCodes;
}

/** The folded codes [from, to) of a text as a string, `from` and `to` within its folded length. */
export function foldedSlice(t: SearchedText, from: number, to: number): string {
  return from >= to ? '' : searchableString(t.folded.codes.subarray(from), to - from);
}

/**
 * The first word of `list` (in list order) that starts a word in the folded codes [from, to) outside [skipFrom,
 * skipTo) and ends inside the window, with its folded position (its first such place); null if none. One pass over
 * the word starts the fold listed: searching a string of the codes meant decoding the page around every window (on a
 * long page, all of it), a search per word of a list of up to fifty, and a test of every place of the window.
 */
export function findWordIn(
  t: SearchedText,
  from: number,
  to: number,
  list: WordList,
  skipFrom: number,
  skipTo: number,
): { word: string; at: number } | null {
  const { codes, length, starts, startCount } = t.folded;
  const a = Math.max(0, from);
  const b = Math.min(length, to);
  const { words, firstUnits, byFirst } = list;
  let best = words.length;
  let bestAt = -1;
  // Places in order, so a word's first place is the one kept; a later place only for a word earlier in the list.
  for (let s = firstStartAtOrAfter(starts, startCount, a); s < startCount && best > 0; s++) {
    const at = starts[s]!;
    if (at >= b) break;
    // A start of the page's word ("µdrone" has none inside) that follows no letter of the folded text (nor "anti­drone").
    if (at > 0 && isLetterCode(codes[at - 1]!)) continue;
    const unit = codes[at]!;
    if (((firstUnits[(unit >>> 5) & 3]! >>> (unit & 31)) & 1) === 0 || (at >= skipFrom && at < skipTo)) continue;
    const candidates = byFirst.get(unit) ?? NO_WORDS;
    for (let i = 0; i < candidates.length; i++) {
      const w = candidates[i]!;
      if (w >= best) break;
      const word = words[w]!;
      if (at + word.length > b) continue;
      let k = 1;
      while (k < word.length && codes[at + k] === word.charCodeAt(k)) k++;
      if (k < word.length) continue;
      best = w;
      bestAt = at;
      break;
    }
  }
  return bestAt < 0 ? null : { word: words[best]!, at: bestAt };
}

/** The index of the first of the ascending `starts` at or after `at`. */
function firstStartAtOrAfter(starts: Uint32Array, count: number, at: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const NO_WORDS: readonly number[] = [];

/** How many letters a case ending adds at most ("belgesel" → "belgeselde", "görüş" → "görüşdə"). */
const MAX_ENDING = 4;
/** A shorter stem says too little: "bu" is not "Bugün". */
const MIN_STEM = 4;

/**
 * Whether the folded codes [from, to) of a text write `word`, or a stem of it, as a whole word in lowercase ("then"
 * for "Then", "belgesel" for "Belgeselde").
 */
export function writtenLowercaseIn(t: SearchedText, word: string, from: number, to: number): boolean {
  if (!word) return false;
  const shortest = Math.min(word.length, Math.max(MIN_STEM, word.length - MAX_ENDING));
  const { text } = t;
  const { codes, length, map } = t.folded;
  const a = Math.max(0, from);
  const stop = Math.min(length, to);
  // Places where the stem starts inside the window (the rest of the word may run past it), read off the codes: a
  // string of a window of eight thousand units, made to search in, was most of what a page's rules allocated. The
  // engine's own search finds the first unit: a loop here cost some seventy instructions per unit of the window.
  const first = word.charCodeAt(0);
  const last = stop - shortest;
  if (last < a) return false;
  const window = codes.subarray(0, last + 1);
  for (let at = window.indexOf(first, a); at >= 0; at = window.indexOf(first, at + 1)) {
    let k = 1;
    while (k < shortest && codes[at + k] === word.charCodeAt(k)) k++;
    if (k < shortest) continue;
    if (at > 0 && isLetterCode(codes[at - 1]!)) continue;
    while (k < word.length && at + k < length && codes[at + k] === word.charCodeAt(k)) k++;
    const end = at + k;
    if (end < length && isLetterCode(codes[end]!)) continue;
    if (caseOfUnit(text.charCodeAt(map[at]!)) === LOWER) return true;
  }
  return false;
}

/**
 * Words of the batch being read, as written → folded: the words around names repeat (President, Mr, said,
 * Airport). Emptied after each batch (`forgetFoldedWords`), so no page's words outlive its reading.
 */
const foldedWords = new Map<string, string>();
/** A long page's distinct words; the map starts again beyond it. */
const FOLDED_WORDS_KEPT = 4096;

/**
 * A word of the page folded as an alias is (`foldAlias`), remembered for the batch: the rules fold the word before
 * or after every candidate of some names, and folding one builds a typed array view and two strings.
 */
export function foldWord(word: string): string {
  let folded = foldedWords.get(word);
  if (folded === undefined) {
    if (foldedWords.size >= FOLDED_WORDS_KEPT) foldedWords.clear();
    folded = foldAlias(word);
    foldedWords.set(word, folded);
  }
  return folded;
}

/**
 * Whether text[from, to), folded as `foldWord` folds it, starts with the folded `prefix` (`to`: the end of a word).
 * Reads unit by unit and stops at the first difference, nearly always the first or second letter: folding every word
 * after a name into a string, to compare a few letters, cost thousands of instructions per name.
 */
export function foldedStartsWith(text: string, from: number, to: number, prefix: string): boolean {
  let i = from;
  for (let j = 0; j < prefix.length; i++) {
    if (i >= to) return false;
    const unit = foldedUnit(text.charCodeAt(i));
    if (unit === DROPPED_UNIT) continue;
    // The fold keeps or drops an apostrophe by the letters around it: the whole word, folded as it is, decides.
    if (unit === APOSTROPHE) return foldWord(text.slice(from, to)).startsWith(prefix);
    if (unit !== prefix.charCodeAt(j)) return false;
    j++;
  }
  return true;
}

const APOSTROPHE = 0x27;
const FULL_STOP = 0x2e;

export function forgetFoldedWords(): void {
  foldedWords.clear();
}

/** The whole word of `text` that starts at original offset `start` (letters and marks), as the page writes it. */
export function wordAt(text: string, start: number): string {
  return text.slice(start, wordEnd(text, start));
}

/** Where the word that starts at `start` ends (`start` itself when no letter or mark is there): see `wordAt`. */
export function wordEnd(text: string, start: number): number {
  let end = start;
  while (end < text.length && isLetterAt(text, end)) end++;
  return end;
}

/** Where the word right after original offset `end` starts, past white space only; -1 when no word follows so. */
export function wordAfterStart(text: string, end: number): number {
  let i = end;
  while (i < text.length && isSpaceAt(text, i)) i++;
  return i === end || i >= text.length || !isLetterAt(text, i) ? -1 : i;
}

/** The word right after original offset `end` past white space only (punctuation between: none), as written. */
export function wordAfter(text: string, end: number): string {
  const at = wordAfterStart(text, end);
  return at < 0 ? '' : wordAt(text, at);
}

export interface WordBefore {
  /** The word right before, folded, or '' when punctuation or the start of the text comes first. */
  word: string;
  /** The original word, to see its case. */
  original: string;
  /**
   * True when that word starts a sentence (nothing but white space, quotes or sentence punctuation before it); never
   * for an initial.
   */
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

/** Where the word before `start` ends: past the white space right before `start`; -1 when none, or nothing before. */
function spaceBefore(text: string, start: number): number {
  let i = start;
  while (i > 0 && isSpaceAt(text, i - 1)) i--;
  return i === start || i === 0 ? -1 : i;
}

/**
 * The units of an initial that ends at original offset `i` with its dot, or 0 when none ends there: one letter and a
 * dot ("R.", "С."; a code unit: `text[i]` made a string), or a Latin capital and "h", the digraphs the region's Latin
 * alphabets and transliterations write for one sound (Uzbek "Sh. Mirziyoyev", "Ch.", English "Zh.", "Kh.", "Gh.").
 */
function initialBefore(text: string, i: number): number {
  if (i < 2 || text.charCodeAt(i - 1) !== FULL_STOP || !isLetterAt(text, i - 2)) return 0;
  if (i < 3 || !isLetterAt(text, i - 3)) return 2;
  return digraphInitialAt(text, i - 3) && (i < 4 || !isLetterAt(text, i - 4)) ? 3 : 0;
}

/**
 * Whether a two-letter initial starts at `at`: a Latin capital and "h" (Sh, Ch, Zh, Kh, Gh), never "Dr.", "Mr." or
 * "St.", whose second letter is no "h".
 */
export const digraphInitialAt = (text: string, at: number) =>
  text.charCodeAt(at + 1) === LOWER_H && DIGRAPH_FIRST.includes(text.charAt(at));
const LOWER_H = 0x68;
const DIGRAPH_FIRST = 'SCZKG';

/** An initial's letters as written, `at` its start: its one letter, or its digraph ("Sh"). */
const initialAt = (text: string, at: number) => (digraphInitialAt(text, at) ? text.slice(at, at + 2) : text.charAt(at));

/**
 * Where the word before original offset `start` begins (white space only between), -1 when there is none: the
 * word `wordBefore` reads, which is `wordAt` there. Rules that need only its first letter read no string. An
 * initial may be written solid with the name ("R.Əliyev", "И.Алиев"): it is the word before too.
 */
export function wordBeforeStart(text: string, start: number): number {
  const end = spaceBefore(text, start);
  if (end < 0) {
    const solid = initialBefore(text, start);
    return solid ? start - solid : -1;
  }
  const initial = initialBefore(text, end);
  if (initial) return end - initial;
  let i = end;
  while (i > 0 && isLetterAt(text, i - 1)) i--;
  return i === end ? -1 : i;
}

/** The word before original offset `start` in `text`, separated from it by white space only. */
export function wordBefore(text: string, start: number): WordBefore | null {
  const i = wordBeforeStart(text, start);
  if (i < 0) return null;
  const end = spaceBefore(text, start);
  const initial = initialBefore(text, end < 0 ? start : end) > 0;
  const original = initial ? initialAt(text, i) : wordAt(text, i);
  let j = i;
  while (j > 0 && isSpaceAt(text, j - 1)) j--;
  // An initial is part of a name wherever it stands: never an ordinary word that opens a sentence.
  const sentenceStart = !initial && (j === 0 || SENTENCE_END.test(text[j - 1]!));
  return { word: foldWord(original), original, sentenceStart, initial };
}
