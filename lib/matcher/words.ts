/**
 * Looking at the words around a candidate, on folded text: evidence words within a window (prefix matches at word
 * starts, so "drone" finds "drones" and "беспилот" finds "беспилотник"), and the word right before a name.
 */
import { codesToString, foldAlias, type FoldedCodes } from './fold';

const isLetterCode = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c >= 0xc0; // folded text is lowercase

/** Folded text of codes[from, to), clamped. */
export function foldedSlice(folded: FoldedCodes, from: number, to: number): string {
  const a = Math.max(0, from);
  const b = Math.min(folded.length, to);
  return a < b ? codesToString(folded.codes.subarray(a, b), b - a) : '';
}

/** The first of `words` (folded) that starts a word in `window` outside [skipFrom, skipTo), and where; or null. */
export function findWordAt(
  window: string,
  words: readonly string[],
  skipFrom = -1,
  skipTo = -1,
): { word: string; at: number } | null {
  for (const w of words) {
    if (!w) continue;
    for (let at = window.indexOf(w); at >= 0; at = window.indexOf(w, at + 1)) {
      if (at >= skipFrom && at < skipTo) continue;
      if (at > 0 && isLetterCode(window.charCodeAt(at - 1))) continue;
      return { word: w, at };
    }
  }
  return null;
}

/** The whole word of `text` that starts at original offset `start` (letters and marks), as the page writes it. */
export function wordAt(text: string, start: number): string {
  let end = start;
  while (end < text.length && LETTER.test(text[end]!)) end++;
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

/** The word before original offset `start` in `text`, separated from it by white space only. */
export function wordBefore(text: string, start: number): WordBefore | null {
  let i = start;
  while (i > 0 && /\s/u.test(text[i - 1]!)) i--;
  if (i === start || i === 0) return null;
  let initial = false;
  let end = i;
  if (text[i - 1] === '.' && i >= 2 && LETTER.test(text[i - 2]!) && (i < 3 || !LETTER.test(text[i - 3]!))) {
    initial = true;
    end = i - 1;
    i = end - 1;
  } else {
    while (i > 0 && LETTER.test(text[i - 1]!)) i--;
    if (i === end) return null;
  }
  const original = text.slice(i, end);
  let j = i;
  while (j > 0 && /\s/u.test(text[j - 1]!)) j--;
  const sentenceStart = j === 0 || SENTENCE_END.test(text[j - 1]!);
  return { word: foldAlias(original), original, sentenceStart, initial };
}
