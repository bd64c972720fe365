/**
 * Matcher throughput: our fold + Aho-Corasick matcher against the obvious alternative, one big RegExp alternation
 * of the folded, escaped aliases with Unicode word-boundary lookarounds over the same text folded the same way
 * (regex-baseline.ts), measured in the same run on the whole of each corpus document and a 10 MB synthetic page,
 * with the real alias list and its matching rules (data/matching-rules.json: morphology and disambiguation, as the
 * background builds it) and 10x / 100x synthetic lists (no rules: the rules are per alias of the real index).
 *
 *   npx tsx scripts/bench/matcher-bench.ts [path/to/alias-index.json]
 *
 * `runMatcherBench` and `formatMatcherTable` are exported for an overall `npm run bench`.
 */

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { AliasIndex } from '../../lib/factbase/types';
import type { MatchingRules } from '../../lib/factbase/matching-rules';
import { createMatcher } from '../../lib/matcher/index';
import { buildAliasRegExp, countRegExpMatches, median, timeRegExp } from './regex-baseline';
import { syntheticAliasIndex, syntheticText } from './synthetic-matcher-data';
import { CORPUS_DIR } from '../build-factbase';

interface MatcherBenchOptions {
  aliasIndexPath?: string;
  corpusDir?: string;
  /** Size of the synthetic page, in characters. */
  syntheticChars?: number;
  /** Timed runs per measurement, after one warm-up; the median is reported. */
  runs?: number;
  /** Print a line to stderr before each measurement. */
  progress?: boolean;
}

interface MatcherBenchRow {
  text: string;
  megabytes: number;
  aliasSet: string;
  aliases: number;
  /** The first build in the process, as in a content script; then the median of warm rebuilds. */
  coldBuildMs: number;
  buildMs: number;
  oursMBps: number;
  ourMatches: number;
  /** Null when the RegExp could not be built (too large for the engine). */
  regexMBps: number | null;
  regexMatches: number | null;
  /** When the RegExp would take too long on the whole text: its estimated time, and it was not run. */
  regexEstimateS: number | null;
  /** ours / regex throughput. */
  speedup: number | null;
}

const DEFAULT_INDEX = 'data/alias-index.json';
const SYNTHETIC_REAL_SIZE = 1_500;
/** Our matcher is timed on at least this many characters per sample (small documents are repeated). */
const MIN_TIMED_CHARS = 1_000_000;

const megabytes = (text: string) => Buffer.byteLength(text, 'utf8') / 1e6;

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

/** The index, with the matching rules built beside it (data/matching-rules.json) when they are there. */
function loadAliasIndex(path: string): AliasSet {
  if (existsSync(path)) {
    const index = JSON.parse(readFileSync(path, 'utf8')) as AliasIndex;
    const rulesPath = join(dirname(path), 'matching-rules.json');
    if (!existsSync(rulesPath)) return { index, label: `real (${basename(path)}, no rules)` };
    const rules = JSON.parse(readFileSync(rulesPath, 'utf8')) as MatchingRules;
    return { index, rules, label: `real (${basename(path)} + rules)` };
  }
  return { index: syntheticAliasIndex(SYNTHETIC_REAL_SIZE), label: 'synthetic 1.5k (no index file)' };
}

interface BenchText {
  name: string;
  text: string;
}

function loadCorpus(dir: string): BenchText[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => ({ name: file, text: readFileSync(join(dir, file), 'utf8') }));
}

interface AliasSet {
  label: string;
  index: AliasIndex;
  rules?: MatchingRules;
}

function measureSet(set: AliasSet, texts: readonly BenchText[], runs: number, log: (line: string) => void) {
  const t0 = performance.now();
  const options = { rules: set.rules };
  const matcher = createMatcher(set.index, options);
  const coldBuildMs = performance.now() - t0;
  // The background builds once, cold; the warm median says what the code costs once the JIT has seen it.
  const buildMs = timeMedian(
    () => createMatcher(set.index, options) && 0,
    set.index.aliases.length > 50_000 ? 1 : runs,
  ).ms;
  const re = buildAliasRegExp(set.index);
  // V8 compiles a RegExp at its first exec and tiers it up to native code at the second: keep both out of timings.
  if (re !== null) for (let i = 0; i < 2; i++) countRegExpMatches(re, texts[0]?.text.slice(0, 64) ?? '');
  return texts.map(({ name, text }): MatcherBenchRow => {
    log(`${set.label}: ${name}`);
    const mb = megabytes(text);
    // Small documents take well under a millisecond: repeat them so each timed sample is long enough to trust.
    const repeats = Math.max(1, Math.round(MIN_TIMED_CHARS / Math.max(1, text.length)));
    const ours = timeMedian(() => {
      let found = 0;
      for (let r = 0; r < repeats; r++) found = matcher.find(text).length;
      return found;
    }, runs);
    const row: MatcherBenchRow = {
      text: name,
      megabytes: mb,
      aliasSet: set.label,
      aliases: set.index.aliases.length,
      coldBuildMs,
      buildMs,
      oursMBps: (mb * repeats) / (ours.ms / 1000),
      ourMatches: ours.result,
      regexMBps: null,
      regexMatches: null,
      regexEstimateS: null,
      speedup: null,
    };
    if (re === null) return row;
    const regex = timeRegExp(re, text, runs);
    if (regex.ms === null) {
      // Not run on the whole text: the ratio is against the time estimated from a sample of it, and marked so.
      row.regexEstimateS = regex.estimateMs / 1000;
      row.speedup = row.oursMBps / (mb / row.regexEstimateS);
      return row;
    }
    row.regexMBps = mb / (regex.ms / 1000);
    row.regexMatches = regex.count;
    row.speedup = row.oursMBps / row.regexMBps;
    return row;
  });
}

export async function runMatcherBench(options: MatcherBenchOptions = {}): Promise<MatcherBenchRow[]> {
  const runs = options.runs ?? 5;
  const log = options.progress ? (line: string) => console.error(`matcher bench: ${line}`) : () => {};
  const real = loadAliasIndex(options.aliasIndexPath ?? DEFAULT_INDEX);
  const base = real.index.aliases.length;
  const aliasSets: AliasSet[] = [
    real,
    { label: 'synthetic 10x', index: syntheticAliasIndex(base * 10, 10) },
    { label: 'synthetic 100x', index: syntheticAliasIndex(base * 100, 100) },
  ];
  const texts = loadCorpus(options.corpusDir ?? CORPUS_DIR);
  texts.push({ name: 'synthetic page', text: syntheticText(options.syntheticChars ?? 10_000_000, real.index) });
  return aliasSets.flatMap((set) => measureSet(set, texts, runs, log));
}

const fixed = (value: number | null, digits: number) => (value === null ? 'n/a' : value.toFixed(digits));
/** The RegExp's figures span orders of magnitude: keep three significant digits. */
const precise = (value: number | null) => (value === null ? 'n/a' : value.toPrecision(3));

export function formatMatcherTable(rows: readonly MatcherBenchRow[]): string {
  const header = [
    'text',
    'MB',
    'aliases',
    'set',
    'build ms cold',
    'build ms warm',
    'ours MB/s',
    'matches',
    'regex MB/s',
    'regex matches',
    'regex not run (est. s)',
    'ours/regex',
  ];
  const lines = rows.map((r) => [
    r.text,
    fixed(r.megabytes, 3),
    String(r.aliases),
    r.aliasSet,
    fixed(r.coldBuildMs, 1),
    fixed(r.buildMs, 1),
    fixed(r.oursMBps, 1),
    String(r.ourMatches),
    precise(r.regexMBps),
    r.regexMatches === null ? 'n/a' : String(r.regexMatches),
    r.regexEstimateS === null ? '' : precise(r.regexEstimateS),
    r.speedup === null ? 'n/a' : `${r.regexEstimateS === null ? '' : '≈'}${r.speedup.toFixed(r.speedup < 10 ? 1 : 0)}x`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [
    format(header),
    format(widths.map((w) => '-'.repeat(w))),
    ...lines.map(format),
    'regex: the aliases folded as ours folds them, run on the whole text folded as ours folds it (folding timed in ' +
      'both), without our disambiguation rules (a lower bound for the RegExp route); ≈: the RegExp would take ' +
      'longer than 20 s on the whole text, so the ratio is against its time estimated from a sample',
  ].join('\n');
}

// No top-level await: importers that load this module synchronously (tsx from CommonJS) must still be able to.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runMatcherBench({ aliasIndexPath: process.argv[2], progress: true }).then(
    (rows) => {
      // Wall-clock figures mean little on a busy machine: say how busy it was.
      console.log(
        `load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} CPUs, node ${process.version}`,
      );
      console.log(formatMatcherTable(rows));
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
