/**
 * The passage a "Save snippet" keeps: the sentence around a mark, with a little text either side so the passage can
 * be found on the page again (a text quote selector). Pure: the page hands in the block's text and the mark's offsets.
 */
import type { QuoteSelector } from '~/lib/messaging/messages';

/** Enough context to tell two identical sentences on one page apart, little enough to stay readable. */
const AFFIX_CHARS = 32;
/** A sentence longer than this (a run-on list, a page without punctuation) is cut around the mark. */
const MAX_SENTENCE_CHARS = 600;

export function sentenceAround(text: string, start: number, end: number, locale = 'en'): QuoteSelector {
  let from = 0;
  let to = text.length;
  const Segmenter = (Intl as { Segmenter?: typeof Intl.Segmenter }).Segmenter;
  if (Segmenter) {
    // A line break in the page's source is white space on screen, but a sentence break to the segmenter: segment the
    // text with every white-space character as a space (same length, so offsets still point into `text`).
    const spaced = text.replace(/\s/g, ' ');
    for (const seg of new Segmenter(locale, { granularity: 'sentence' }).segment(spaced)) {
      const segEnd = seg.index + seg.segment.length;
      if (segEnd <= start) continue;
      from = seg.index;
      to = Math.max(segEnd, end);
      break;
    }
  }
  if (to - from > MAX_SENTENCE_CHARS) {
    const half = Math.floor((MAX_SENTENCE_CHARS - (end - start)) / 2);
    from = Math.max(from, start - half);
    to = Math.min(to, end + half);
  }
  // Trim white space at the edges without moving the passage off the text.
  while (from < start && /\s/.test(text[from]!)) from++;
  while (to > end && /\s/.test(text[to - 1]!)) to--;
  return {
    exact: text.slice(from, to),
    prefix: text.slice(Math.max(0, from - AFFIX_CHARS), from),
    suffix: text.slice(to, to + AFFIX_CHARS),
  };
}
