/**
 * Page text and matches as they travel between a page and the background's matcher. Chromium converts every value of
 * an extension message on the page's main thread, and each string costs far more than its length: a batch of 229
 * paragraph strings took 1.5-11 ms to send where the same text as one string took 0.8 ms. So a batch travels as one
 * string with the end offset of each text, and the matches come back as one flat array.
 */
import type { Match } from './index';

/**
 * A text shorter than this (a list item, a weather line, a caption) reads with the short texts around it in the same
 * batch, as one context for `near` (lib/matcher/index.ts); the page keeps such a run in one batch (page/scan-page.ts).
 */
export const NEAR_RUN_CHARS = 100;

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

/**
 * What a mark's card says beyond its entity, for the few marks a disambiguation rule decided: the evidence it used
 * ("after “President”"), and the namesakes the page did not tell apart (the card offers them all).
 */
interface MarkNote {
  /** Which mark: its number among the quadruples. */
  mark: number;
  why?: string;
  /** Other entity indexes the words may mean. */
  or?: number[];
}

/** The matcher's answer: flat [text index, start, end, entity] quadruples, and notes for a few of them. */
export interface PackedMatches {
  marks: number[];
  notes: MarkNote[];
}

/** Matches per text as flat quadruples, offsets within each text, with their notes. */
export function packMatches(perText: readonly (readonly Match[])[]): PackedMatches {
  const marks: number[] = [];
  const notes: MarkNote[] = [];
  perText.forEach((matches, i) => {
    for (const m of matches) {
      if (m.why || m.or?.length)
        notes.push({ mark: marks.length / 4, ...(m.why ? { why: m.why } : {}), ...(m.or?.length ? { or: m.or } : {}) });
      marks.push(i, m.start, m.end, m.entity);
    }
  });
  return { marks, notes };
}

export interface WireMatch {
  start: number;
  end: number;
  entity: number;
  why?: string;
  or?: number[];
}

/** Longest evidence text a note may carry to the card. */
const MAX_WHY = 200;

/** Matches per text; never throws: anything but whole quadruples of indexes with start < end is dropped. */
export function unpackMatches(packed: unknown, textCount: number): WireMatch[][] {
  const perText: WireMatch[][] = Array.from({ length: textCount }, () => []);
  const flat = isRecord(packed) ? packed.marks : packed;
  if (!Array.isArray(flat)) return perText;
  const notes = new Map<number, MarkNote>();
  if (isRecord(packed) && Array.isArray(packed.notes))
    for (const n of packed.notes as unknown[])
      if (isRecord(n) && isIndex(n.mark)) notes.set(n.mark, n as unknown as MarkNote);
  // Read by index, not destructured: this runs for every mark of a page, mostly before the engine optimises it.
  for (let i = 0; i + 3 < flat.length; i += 4) {
    const text: unknown = flat[i];
    const start: unknown = flat[i + 1];
    const end: unknown = flat[i + 2];
    const entity: unknown = flat[i + 3];
    if (!(isIndex(text) && text < textCount && isIndex(start) && isIndex(end) && isIndex(entity) && start < end))
      continue;
    const m: WireMatch = { start, end, entity };
    const note = notes.size ? notes.get(i / 4) : undefined;
    if (note && typeof note.why === 'string' && note.why.length <= MAX_WHY) m.why = note.why;
    if (note && Array.isArray(note.or)) {
      const or = note.or.filter(isIndex).filter((e) => e !== entity);
      if (or.length) m.or = or;
    }
    perText[text]!.push(m);
  }
  return perText;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
