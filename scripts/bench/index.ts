/**
 * `npm run bench`: every benchmark in one run, each printing figures beside a baseline measured in the same run
 * (a big RegExp and mark.js for the matcher, the page's own script for the scan, fuse.js alone for search...).
 * Benchmarks print figures, not verdicts; but a run exits 1 when any measure could not be taken (a crash, a missing
 * sample, a NaN), and 2 for an unknown benchmark name. `npm run bench -- matcher scan` runs a subset.
 * The browser benchmarks use the test build in .output-test (run `npm run build:test` first; automation/browsers.ts).
 */
import { cpus, loadavg } from 'node:os';

interface Bench {
  name: string;
  what: string;
  run: () => Promise<string>;
}

const BENCHES: Bench[] = [
  {
    name: 'matcher',
    what: 'matcher with its matching rules vs the pre-issue-15 matcher from git (interleaved, English corpus and eval pages), and throughput (MB/s) vs one big RegExp alternation, real and synthetic alias lists',
    run: async () => {
      const pre = await import('./matcher-pre-issue');
      const m = await import('./matcher-bench');
      const vsPreIssue = pre.formatPreIssue(await pre.runPreIssueBench());
      return `${vsPreIssue}\n\n${m.formatMatcherTable(await m.runMatcherBench({ aliasIndexPath: 'data/alias-index.json' }))}`;
    },
  },
  {
    name: 'scan',
    what: 'what a page that is only read pays: main-thread time (Chromium trace) vs no extension and a floor extension; dwell to card',
    run: async () => {
      const m = await import('./scan-bench');
      const result = await m.runPageCostBench();
      if (result.missing.length) process.exitCode = 1;
      return m.formatPageCost(result);
    },
  },
  {
    name: 'mutations',
    what: "a page mutating its DOM every 10 ms: the extension's share of main-thread time",
    run: async () => {
      const m = await import('./mutation-bench');
      return m.formatMutationBench(await m.runMutationBench());
    },
  },
  {
    name: 'card',
    what: "hover card: dwell end to card on screen, read from outside, vs a floor extension's card (warm and cold background); layout shift",
    run: async () => {
      const m = await import('./card-bench');
      return m.formatCardBench(await m.runCardBench());
    },
  },
  {
    name: 'search',
    what: 'popup search latency per keystroke and the first on a fresh index, real fact base and 50x synthetic, vs fuse.js alone (same queries, same rounds)',
    run: async () => {
      const m = await import('./search-bench');
      return m.formatSearchTable(m.runSearchBench());
    },
  },
  {
    name: 'popup',
    what: 'popup first paint, cursor in the box and search ready in Chromium vs a bare extension page (the floor)',
    run: async () => {
      const m = await import('./search-bench');
      return m.formatPaintTable(await m.measurePopupPaint());
    },
  },
  {
    name: 'library',
    what: 'library page with 10,000 snippets: search, export, render and scroll, each vs the least the same job costs',
    run: async () => {
      const m = await import('./library-bench');
      return m.formatLibraryTable(await m.runLibraryBench());
    },
  },
  {
    name: 'own',
    what: "the reader's own material at scale (10,000 snippets, 200 sources of 50 KB, 500 names): search, scan, card, adding a source",
    run: async () => {
      const m = await import('./own-bench');
      const result = await m.runOwnBench();
      if (result.missing.length) process.exitCode = 1;
      return m.formatOwnBench(result);
    },
  },
  {
    name: 'explore',
    what: 'explore page: first render vs a blank page, jank while the rest loads, frame times while zooming and panning',
    run: async () => {
      const m = await import('./explore-bench');
      return m.formatExploreBench(await m.runExploreBench());
    },
  },
];

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((name) => !BENCHES.some((b) => b.name === name));
if (unknown.length) {
  console.error(`unknown benchmark ${unknown.join(', ')} (one of: ${BENCHES.map((b) => b.name).join(', ')})`);
  process.exit(2);
}
const selected = wanted.length ? BENCHES.filter((b) => wanted.includes(b.name)) : BENCHES;
const notMeasured: string[] = [];
console.log(`Caspian Lens benchmarks · ${cpus().length} cores · load average ${loadavg()[0]!.toFixed(2)} at start`);
for (const bench of selected) {
  console.log(`\n## ${bench.name}: ${bench.what}\n`);
  const started = performance.now();
  try {
    const table = await bench.run();
    console.log(table);
    // A figure that could not be taken must not pass for one: NaN comes from a median of no samples.
    if (/\bNaN\b/.test(table)) notMeasured.push(`${bench.name} (a figure is NaN)`);
  } catch (error) {
    console.log(`(not measured: ${(error as Error).message.split('\n')[0]})`);
    notMeasured.push(bench.name);
  }
  console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
// A benchmark that could not measure fails the run (exit code 1), so a script or CI cannot mistake it for figures.
if (notMeasured.length) {
  console.log(`\nNot measured: ${notMeasured.join(', ')}`);
  process.exitCode = 1;
}
// Out now, whatever a failed benchmark left open (a server, a browser it could not close).
process.exit();
