/**
 * Matcher throughput: our fold + Aho-Corasick matcher against the obvious alternative, one big case-insensitive
 * RegExp alternation of the escaped aliases with Unicode word-boundary lookarounds, measured in the same run on the
 * corpus documents and a 10 MB synthetic page, with the real alias list and 10x / 100x synthetic ones.
 *
 *   npx tsx scripts/bench/matcher-bench.ts [path/to/alias-index.json]
 *
 * `runMatcherBench` and `formatMatcherTable` are exported for an overall `npm run bench`.
 */

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { AliasIndex } from '../../lib/factbase/types';
import { createMatcher } from '../../lib/matcher/index';
import { syntheticAliasIndex, syntheticText } from './synthetic-matcher-data';

export interface MatcherBenchOptions {
  aliasIndexPath?: string;
  corpusDir?: string;
  /** Size of the synthetic page, in characters. */
  syntheticChars?: number;
  /** Timed runs per measurement, after one warm-up; the median is reported. */
  runs?: number;
}

export interface MatcherBenchRow {
  text: string;
  megabytes: number;
  aliasSet: string;
  aliases: number;
  buildMs: number;
  oursMBps: number;
  ourMatches: number;
  /** Null when the RegExp could not be built (too large for the engine). */
  regexMBps: number | null;
  regexMatches: number | null;
  /** The RegExp is slow on big inputs, so it may be timed on a prefix; throughput is still per byte. */
  regexSampleMB: number | null;
  /** ours / regex throughput. */
  speedup: number | null;
}

const DEFAULT_INDEX = 'data/alias-index.json';
const DEFAULT_CORPUS = '../shared/corpus';
const SYNTHETIC_REAL_SIZE = 1_500;
/** Keep one RegExp run under about this long by timing it on a prefix of big texts. */
const REGEX_RUN_BUDGET_MS = 400;

const megabytes = (text: string) => Buffer.byteLength(text, 'utf8') / 1e6;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Median wall time in ms of `work`, after one warm-up call (which also lets the JIT settle). */
function timeMedian(work: () => number, runs: number): { ms: number; result: number } {
  let result = work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = work();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), result };
}

function loadAliasIndex(path: string): { index: AliasIndex; label: string } {
  if (existsSync(path)) {
    const index = JSON.parse(readFileSync(path, 'utf8')) as AliasIndex;
    return { index, label: `real (${basename(path)})` };
  }
  return { index: syntheticAliasIndex(SYNTHETIC_REAL_SIZE), label: 'synthetic 1.5k (no index file)' };
}

function loadCorpus(dir: string): { name: string; text: string }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => ({ name: file, text: readFileSync(join(dir, file), 'utf8') }));
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

function countRegExpMatches(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let count = 0;
  while (re.exec(text) !== null) count++;
  return count;
}

/** Grows a prefix of `text` until one RegExp run takes about the budget, so 100x aliases on 10 MB stay bearable. */
function regexSample(re: RegExp, text: string): string {
  let size = Math.min(text.length, 32_768);
  for (;;) {
    const sample = text.slice(0, size);
    const t0 = performance.now();
    countRegExpMatches(re, sample);
    const ms = performance.now() - t0;
    if (size >= text.length || ms * 4 > REGEX_RUN_BUDGET_MS) return sample;
    size = Math.min(text.length, size * 4);
  }
}

function measure(text: string, name: string, index: AliasIndex, aliasSet: string, runs: number): MatcherBenchRow {
  const t0 = performance.now();
  const matcher = createMatcher(index);
  const buildMs = performance.now() - t0;
  const mb = megabytes(text);
  const ours = timeMedian(() => matcher.find(text).length, runs);
  const row: MatcherBenchRow = {
    text: name,
    megabytes: mb,
    aliasSet,
    aliases: index.aliases.length,
    buildMs,
    oursMBps: mb / (ours.ms / 1000),
    ourMatches: ours.result,
    regexMBps: null,
    regexMatches: null,
    regexSampleMB: null,
    speedup: null,
  };
  const re = buildAliasRegExp(index);
  if (re === null) return row;
  const sample = regexSample(re, text);
  const regex = timeMedian(() => countRegExpMatches(re, sample), Math.min(runs, 3));
  row.regexSampleMB = megabytes(sample);
  row.regexMBps = row.regexSampleMB / (regex.ms / 1000);
  row.regexMatches = regex.result;
  row.speedup = row.oursMBps / row.regexMBps;
  return row;
}

export async function runMatcherBench(options: MatcherBenchOptions = {}): Promise<MatcherBenchRow[]> {
  const runs = options.runs ?? 5;
  const real = loadAliasIndex(options.aliasIndexPath ?? DEFAULT_INDEX);
  const base = real.index.aliases.length;
  const aliasSets = [
    { label: real.label, index: real.index },
    { label: 'synthetic 10x', index: syntheticAliasIndex(base * 10, 10) },
    { label: 'synthetic 100x', index: syntheticAliasIndex(base * 100, 100) },
  ];
  const texts = loadCorpus(options.corpusDir ?? DEFAULT_CORPUS);
  texts.push({ name: 'synthetic page', text: syntheticText(options.syntheticChars ?? 10_000_000, real.index) });
  const rows: MatcherBenchRow[] = [];
  for (const set of aliasSets) {
    for (const { name, text } of texts) rows.push(measure(text, name, set.index, set.label, runs));
  }
  return rows;
}

const fixed = (value: number | null, digits: number) => (value === null ? 'n/a' : value.toFixed(digits));

export function formatMatcherTable(rows: readonly MatcherBenchRow[]): string {
  const header = ['text', 'MB', 'aliases', 'set', 'build ms', 'ours MB/s', 'matches', 'regex MB/s', 'regex matches', 'regex on MB', 'ours/regex'];
  const lines = rows.map((r) => [
    r.text, fixed(r.megabytes, 3), String(r.aliases), r.aliasSet, fixed(r.buildMs, 1), fixed(r.oursMBps, 1),
    String(r.ourMatches), fixed(r.regexMBps, 2), r.regexMatches === null ? 'n/a' : String(r.regexMatches),
    fixed(r.regexSampleMB, 3), r.speedup === null ? 'n/a' : `${r.speedup.toFixed(1)}x`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [format(header), format(widths.map((w) => '-'.repeat(w))), ...lines.map(format)].join('\n');
}

// No top-level await: importers that load this module synchronously (tsx from CommonJS) must still be able to.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runMatcherBench({ aliasIndexPath: process.argv[2], progress: true }).then(
    (rows) => console.log(formatMatcherTable(rows)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
