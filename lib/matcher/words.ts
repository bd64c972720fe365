/**
 * Looking at the words around a candidate, on folded text: evidence words within a window (prefix matches at word
 * starts, so "drone" finds "drones" and "беспилот" finds "беспилотник"), and the word right before a name.
 */
import { caseOfUnit, LOWER } from './char-kinds';
import { foldAlias, searchableString, type FoldedCodes } from './fold';

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

/** A text of a batch as the rules read it: the original, its folded codes, and parts of those codes as strings. */
export interface SearchedText {
  text: string;
  folded: FoldedCodes;
  /** The folded codes decoded, SLICE_CHUNK units each, as the rules first read in them. */
  chunks?: (string | undefined)[];
}

/**
 * Folded text is decoded into strings of this many units, each the first time a rule searches in it: the engine's
 * own substring search then finds evidence words, where a loop over every position of a window cost more than the
 * rest of the rules. Only the parts around evidence are decoded: decoding a long page whole cost a tenth of its scan.
 */
const SLICE_CHUNK = 1 << 12;

function chunkOf(t: SearchedText, chunks: (string | undefined)[], c: number): string {
  const start = c * SLICE_CHUNK;
  return (chunks[c] ??= searchableString(
    t.folded.codes.subarray(start),
    Math.min(SLICE_CHUNK, t.folded.length - start),
  ));
}

/** The folded codes [from, to) of a text as a string, `from` and `to` within its folded length. */
export function foldedSlice(t: SearchedText, from: number, to: number): string {
  if (from >= to) return '';
  const chunks = (t.chunks ??= []);
  const first = Math.floor(from / SLICE_CHUNK);
  const last = Math.floor((to - 1) / SLICE_CHUNK);
  const offset = first * SLICE_CHUNK;
  if (first === last) return chunkOf(t, chunks, first).slice(from - offset, to - offset);
  let slice = chunkOf(t, chunks, first).slice(from - offset);
  for (let c = first + 1; c < last; c++) slice += chunkOf(t, chunks, c);
  return slice + chunkOf(t, chunks, last).slice(0, to - last * SLICE_CHUNK);
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
    for (const w of byFirst.get(unit) ?? NO_WORDS) {
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
  if (a + shortest > stop) return false;
  // Places where the stem starts inside the window; the rest of the word may run past it.
  const window = foldedSlice(t, a, stop);
  const stem = word.slice(0, shortest);
  for (let i = window.indexOf(stem); i >= 0; i = window.indexOf(stem, i + 1)) {
    const at = a + i;
    if (at > 0 && isLetterCode(codes[at - 1]!)) continue;
    let k = shortest;
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

export function forgetFoldedWords(): void {
  foldedWords.clear();
}

/** The whole word of `text` that starts at original offset `start` (letters and marks), as the page writes it. */
export function wordAt(text: string, start: number): string {
  let end = start;
  while (end < text.length && isLetterAt(text, end)) end++;
  return text.slice(start, end);
}

/** The word right after original offset `end` past white space only (punctuation between: none), as written. */
export function wordAfter(text: string, end: number): string {
  let i = end;
  while (i < text.length && isSpaceAt(text, i)) i++;
  return i === end ? '' : wordAt(text, i);
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
  return { word: foldWord(original), original, sentenceStart, initial };
}
