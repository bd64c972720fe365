/** One line of context around the first match of a long text, cut at word boundaries. Pure. */

interface Excerpt {
  text: string;
  /** Half-open ranges into `text`. */
  ranges: [number, number][];
  /** Whether text was cut before / after the excerpt (the view shows an ellipsis). */
  clippedStart: boolean;
  clippedEnd: boolean;
}

/** About two lines of the 380 px popup at 12.5 px (some 55 characters a line): the match, read in its sentence. */
export const EXCERPT_CHARS = 100;
/** How much text to keep before the first match, so it reads as a sentence rather than starting on the match. */
const LEAD_CHARS = 28;

export function excerpt(text: string, ranges: readonly (readonly [number, number])[], max = EXCERPT_CHARS): Excerpt {
  if (text.length <= max)
    return { text, ranges: ranges.map(([s, e]) => [s, e]), clippedStart: false, clippedEnd: false };
  const first = ranges[0]?.[0] ?? 0;
  let start = first <= LEAD_CHARS ? 0 : wordStart(text, first - LEAD_CHARS);
  let end = Math.min(text.length, start + max);
  if (end < text.length) end = wordEnd(text, end);
  if (end - start < max && start > 0) start = wordStart(text, Math.max(0, end - max));
  const clipped = ranges
    .map(([s, e]): [number, number] => [Math.max(s, start) - start, Math.min(e, end) - start])
    .filter(([s, e]) => e > s);
  return { text: text.slice(start, end), ranges: clipped, clippedStart: start > 0, clippedEnd: end < text.length };
}

/** The start of the word at or after `i` (so the excerpt never opens mid-word). */
function wordStart(text: string, i: number): number {
  if (i <= 0) return 0;
  const space = text.indexOf(' ', i);
  return space < 0 ? i : space + 1;
}

/** The end of the word at or before `i`. */
function wordEnd(text: string, i: number): number {
  const space = text.lastIndexOf(' ', i);
  return space <= 0 ? i : space;
}
