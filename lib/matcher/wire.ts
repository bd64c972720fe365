/**
 * Page text and matches as they travel between a page and the background's matcher. Chromium converts every value of
 * an extension message on the page's main thread, and each string costs far more than its length: a batch of 229
 * paragraph strings took 1.5-11 ms to send where the same text as one string took 0.8 ms. So a batch travels as one
 * string with the end offset of each text, and the matches come back as one flat array.
 */
import type { Match } from './index';

export interface TextBatch {
  /** The texts, concatenated. */
  text: string;
  /** Where each text ends in `text`, ascending. */
  ends: number[];
}

export function joinTexts(texts: readonly string[]): TextBatch {
  const ends: number[] = [];
  let length = 0;
  for (const t of texts) ends.push((length += t.length));
  return { text: texts.join(''), ends };
}

/** The texts back, or null when `ends` does not describe `text` (ascending, within it, ending at its end). */
export function splitTexts({ text, ends }: TextBatch): string[] | null {
  const texts: string[] = [];
  let from = 0;
  for (const end of ends) {
    if (!Number.isInteger(end) || end < from || end > text.length) return null;
    texts.push(text.slice(from, end));
    from = end;
  }
  return from === text.length ? texts : null;
}

/** Matches per text as flat [text index, start, end, entity] quadruples, offsets within each text. */
export function packMatches(perText: readonly (readonly Match[])[]): number[] {
  const flat: number[] = [];
  perText.forEach((matches, i) => {
    for (const m of matches) flat.push(i, m.start, m.end, m.entity);
  });
  return flat;
}

export interface WireMatch {
  start: number;
  end: number;
  entity: number;
}

/** Matches per text; never throws: anything but whole quadruples of indexes with start < end is dropped. */
export function unpackMatches(flat: unknown, textCount: number): WireMatch[][] {
  const perText: WireMatch[][] = Array.from({ length: textCount }, () => []);
  if (!Array.isArray(flat)) return perText;
  for (let i = 0; i + 3 < flat.length; i += 4) {
    const [text, start, end, entity] = [flat[i], flat[i + 1], flat[i + 2], flat[i + 3]];
    if (isIndex(text) && text < textCount && isIndex(start) && isIndex(end) && isIndex(entity) && start < end)
      perText[text]!.push({ start, end, entity });
  }
  return perText;
}

const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
