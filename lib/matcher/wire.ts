/**
 * Matches as they travel from the background's matcher to a page: flat [start, end, entity] triples, a third of the
 * JSON of objects with keys (Chromium serialises extension messages as JSON).
 */
import type { Match } from './index';

export function packMatches(matches: readonly Match[]): number[] {
  const flat: number[] = [];
  for (const m of matches) flat.push(m.start, m.end, m.entity);
  return flat;
}

export interface WireMatch {
  start: number;
  end: number;
  entity: number;
}

/** Never throws: anything but whole triples of non-negative integers with start < end is dropped. */
export function unpackMatches(flat: unknown): WireMatch[] {
  if (!Array.isArray(flat)) return [];
  const out: WireMatch[] = [];
  for (let i = 0; i + 2 < flat.length; i += 3) {
    const [start, end, entity] = [flat[i], flat[i + 1], flat[i + 2]];
    if (isIndex(start) && isIndex(end) && isIndex(entity) && start < end) out.push({ start, end, entity });
  }
  return out;
}

const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
