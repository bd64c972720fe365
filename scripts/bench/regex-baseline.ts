/**
 * The baseline the matcher benchmark compares against: one big case-insensitive RegExp alternation of the escaped
 * aliases, with Unicode word-boundary lookarounds. It is what one would write first, and it slows down with every
 * alias added, which is why the matcher is an Aho-Corasick automaton.
 */

import { performance } from 'node:perf_hooks';
import type { AliasIndex } from '../../lib/factbase/types';

/** Keep one RegExp run under about this long by timing it on a prefix of big texts. */
const REGEX_RUN_BUDGET_MS = 400;
/** Characters of the first RegExp sample: small, because with 100x aliases it runs at a few hundred bytes/s. */
const REGEX_FIRST_SAMPLE = 256;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const BOUNDARY = '[\\p{L}\\p{M}\\p{N}]';

/** The baseline: longest alternatives first so the alternation prefers them, as our matcher does. */
export function buildAliasRegExp(index: AliasIndex): RegExp | null {
  const escaped = index.aliases
    .map(([text]) => text.trim())
    .filter((text) => text.length > 0)
    .sort((a, b) => b.length - a.length)
    // In a `u` RegExp only syntax characters may be escaped (an escaped '-' is an error).
    .map((text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  try {
    return new RegExp(`(?<!${BOUNDARY})(?:${escaped.join('|')})(?!${BOUNDARY})`, 'giu');
  } catch {
    return null;
  }
}

export function countRegExpMatches(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let count = 0;
  while (re.exec(text) !== null) count++;
  return count;
}

/**
 * Times the RegExp on a prefix of `text` grown until one run takes about the budget: with 10x and 100x aliases it
 * manages only kilobytes per second, so whole pages would take hours. The first run (which also compiles the
 * RegExp) is the warm-up; a run already over the budget is used as the measurement.
 */
export function timeRegExp(re: RegExp, text: string, runs: number): { ms: number; count: number; sample: string } {
  let sample = text.slice(0, Math.min(text.length, REGEX_FIRST_SAMPLE));
  let t0 = performance.now();
  let count = countRegExpMatches(re, sample);
  let ms = performance.now() - t0;
  while (sample.length < text.length && ms * 4 < REGEX_RUN_BUDGET_MS) {
    sample = text.slice(0, Math.min(text.length, sample.length * 4));
    t0 = performance.now();
    count = countRegExpMatches(re, sample);
    ms = performance.now() - t0;
  }
  if (ms > REGEX_RUN_BUDGET_MS) return { ms, count, sample };
  const times: number[] = [];
  for (let i = 0; i < Math.min(runs, 3); i++) {
    t0 = performance.now();
    count = countRegExpMatches(re, sample);
    times.push(performance.now() - t0);
  }
  return { ms: median(times), count, sample };
}
