/**
 * The baseline the matcher benchmark compares against: one big RegExp alternation of the escaped aliases, with Unicode
 * word-boundary lookarounds, run on the page text folded exactly as our matcher folds it (so both do the folding, on
 * the same whole text). It is what one would write first, and it slows down with every alias added, which is why the
 * matcher is an Aho-Corasick automaton. (It does not apply the matcher's disambiguation rules: a lower bound on what
 * the RegExp route would cost.)
 */

import { performance } from 'node:perf_hooks';
import type { AliasIndex } from '../../lib/factbase/types';
import { foldAlias, foldText } from '../../lib/matcher/fold';

/**
 * A whole-text RegExp run is skipped (and its time estimated) past this: with 100x aliases it manages kilobytes per
 * second, so a 10 MB page would take hours.
 */
const REGEX_WHOLE_TEXT_BUDGET_MS = 20_000;
/** The sample a run's time is estimated from starts this small (100x aliases: a few hundred bytes per second)... */
const REGEX_FIRST_SAMPLE = 256;
/** ...and grows until one run of it takes this long, enough to estimate from. */
const REGEX_ESTIMATE_MS = 50;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const BOUNDARY = '[\\p{L}\\p{M}\\p{N}]';

/**
 * The baseline: the aliases folded exactly as our matcher folds them (lib/matcher/fold.ts: case, diacritics,
 * apostrophes, Cyrillic and Latin variants), longest first so the alternation prefers them, as our matcher does.
 */
export function buildAliasRegExp(index: AliasIndex): RegExp | null {
  const folded = new Set(index.aliases.map(([text]) => foldAlias(text)).filter((text) => text.length > 0));
  const escaped = [...folded]
    .sort((a, b) => b.length - a.length)
    // In a `u` RegExp only syntax characters may be escaped (an escaped '-' is an error).
    .map((text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  try {
    return new RegExp(`(?<!${BOUNDARY})(?:${escaped.join('|')})(?!${BOUNDARY})`, 'gu');
  } catch {
    return null;
  }
}

/** The baseline's whole job on a text: fold it as the matcher does, then find every alias in it. */
export function countRegExpMatches(re: RegExp, text: string): number {
  const { folded } = foldText(text);
  re.lastIndex = 0;
  let count = 0;
  while (re.exec(folded) !== null) count++;
  return count;
}

type RegExpTiming = { ms: number; count: number } | { ms: null; count: null; estimateMs: number };

/**
 * Times the RegExp baseline on the whole text, folding included: the same text and the same work as our matcher
 * (never a prefix). When a run would take longer than the budget (estimated from a small sample), it is not run and
 * the estimate is returned instead: the ratio is then not printed rather than computed from a prefix.
 */
export function timeRegExp(re: RegExp, text: string, runs: number): RegExpTiming {
  let sample = text.slice(0, REGEX_FIRST_SAMPLE);
  let t0 = performance.now();
  countRegExpMatches(re, sample);
  let sampleMs = performance.now() - t0;
  while (sampleMs < REGEX_ESTIMATE_MS && sample.length < text.length) {
    sample = text.slice(0, sample.length * 4);
    t0 = performance.now();
    countRegExpMatches(re, sample);
    sampleMs = performance.now() - t0;
  }
  const estimateMs = (sampleMs * text.length) / Math.max(1, sample.length);
  if (estimateMs > REGEX_WHOLE_TEXT_BUDGET_MS) return { ms: null, count: null, estimateMs };
  // Warm-up on the whole text, then the median of up to three runs (one when a run is long).
  let count = countRegExpMatches(re, text);
  const times: number[] = [];
  for (let i = 0; i < (estimateMs > 2_000 ? 1 : Math.min(runs, 3)); i++) {
    t0 = performance.now();
    count = countRegExpMatches(re, text);
    times.push(performance.now() - t0);
  }
  return { ms: median(times), count };
}
