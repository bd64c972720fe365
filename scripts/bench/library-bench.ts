/**
 * The snippets library at 10,000 snippets: how long the pure parts take in Node (search, facets, exports, import
 * validation), and how the real library page behaves in Chromium with the built extension (time to first render
 * with data, rows in the DOM, a search keystroke to the next frame, scroll frames).
 *
 *   npx tsx scripts/bench/library-bench.ts [count]        (needs a build: npx wxt build, or LENS_OUT_DIR=...)
 *
 * `runLibraryBench` and `formatLibraryTable` are exported for an overall `npm run bench`. Figures, not verdicts.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { exportSnippetsCsv } from '../../lib/snippets/csv-codec';
import { entityLookupFromRows } from '../../lib/snippets/entity-names';
import { facets, filterSnippets, searchHaystack } from '../../lib/snippets/filter';
import { exportSnippetsJson, parseImportFile } from '../../lib/snippets/json-codec';
import { exportSnippetsMarkdown } from '../../lib/snippets/markdown-codec';
import type { Snippet } from '../../lib/snippets/types';
import type { AliasIndex } from '../../lib/factbase/types';
import { launchLensBrowser } from '../../automation/browsers';
import { realisticSnippets } from './library-snippets';
import { readFileSync } from 'node:fs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const QUERIES = ['baku', 'gas pipeline', 'erdogan', 'middle corridor kazakhstan', 'zzzz-nothing'];

export interface LibraryBenchOptions {
  count?: number;
  /** Timed repetitions of each Node measurement; the median is reported. */
  runs?: number;
}

export interface LibraryBenchResult {
  count: number;
  node: Record<string, number>;
  browser: Record<string, number>;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const p95 = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] ?? NaN;

function time(runs: number, fn: () => unknown): number {
  fn();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    xs.push(performance.now() - t);
  }
  return median(xs);
}

export async function runLibraryBench(options: LibraryBenchOptions = {}): Promise<LibraryBenchResult> {
  const count = options.count ?? 10_000;
  const runs = options.runs ?? 7;
  const snippets = realisticSnippets(count);
  const aliasIndex = JSON.parse(readFileSync(`${root}data/alias-index.json`, 'utf8')) as AliasIndex;
  const lookup = entityLookupFromRows(aliasIndex.entities);

  const cache = new Map<Snippet, string>();
  const hay = (s: Snippet) => cache.get(s) ?? (cache.set(s, searchHaystack(s, lookup)), cache.get(s)!);
  const node: Record<string, number> = {};
  node.buildSearchTextMs = time(1, () => {
    cache.clear();
    for (const s of snippets) hay(s);
  });
  node.searchMedianMs = median(QUERIES.map((q) => time(runs, () => filterSnippets(snippets, { text: q }, hay))));
  node.facetsMs = time(runs, () => facets(snippets));
  let json = '';
  node.exportJsonMs = time(runs, () => (json = exportSnippetsJson(snippets)));
  node.exportJsonMB = json.length / 1024 / 1024;
  node.validateImportMs = time(runs, () => parseImportFile(json));
  node.exportMarkdownMs = time(runs, () => exportSnippetsMarkdown(snippets, lookup));
  node.exportCsvMs = time(runs, () => exportSnippetsCsv(snippets, lookup));

  return { count, node, browser: await measureInChromium(snippets) };
}

/** The library page itself, with `snippets` written straight into its database first. */
async function measureInChromium(snippets: Snippet[]): Promise<Record<string, number>> {
  const lens = await launchLensBrowser('chromium');
  try {
    const page = lens.pageOf(await lens.openExtensionPage('library.html'));
    await page.waitForFunction(() => document.documentElement.dataset.libraryCount !== undefined);
    await page.evaluate(
      (records) =>
        new Promise<void>((done, fail) => {
          const open = indexedDB.open('caspian-lens-snippets');
          open.onsuccess = () => {
            const tx = open.result.transaction('snippets', 'readwrite');
            for (const r of records) tx.objectStore('snippets').put(r);
            tx.oncomplete = () => (open.result.close(), done());
            tx.onerror = () => fail(tx.error);
          };
        }),
      snippets,
    );
    const out: Record<string, number> = {};
    const loads: number[] = [];
    for (let i = 0; i < 3; i++) {
      await page.reload();
      await page.waitForFunction((n) => document.documentElement.dataset.libraryCount === String(n), snippets.length);
      // Mark set in the effect after the first render with data; measured from navigation start.
      loads.push(await page.evaluate(() => performance.getEntriesByName('lens-library-ready')[0]!.startTime));
    }
    out.firstRenderMs = median(loads);
    out.rowsInDom = await page.evaluate(() => document.querySelectorAll('.vrow').length);

    const keystrokes: number[] = [];
    for (const q of ['b', 'ba', 'bak', 'baku', '', 'gas', 'gas p', 'gas pipe', '']) {
      keystrokes.push(
        await page.evaluate(async (q) => {
          const input = document.querySelector('input.search') as HTMLInputElement;
          const t = performance.now();
          input.value = q;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          return performance.now() - t;
        }, q),
      );
    }
    out.keystrokeToFrameMedianMs = median(keystrokes);
    out.keystrokeToFrameMaxMs = Math.max(...keystrokes);

    const frames = await page.evaluate(async () => {
      const list = document.querySelector('.vlist') as HTMLElement;
      const xs: number[] = [];
      for (let i = 0; i < 60; i++) {
        const t = performance.now();
        list.scrollTop = (list.scrollHeight * i) / 60;
        list.dispatchEvent(new Event('scroll'));
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        xs.push(performance.now() - t);
      }
      return xs;
    });
    out.scrollFrameMedianMs = median(frames);
    out.scrollFrameP95Ms = p95(frames);
    out.jsHeapMB = await page.evaluate(
      () =>
        ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 1024 / 1024,
    );
    return out;
  } finally {
    await lens.close();
  }
}

const LABELS: Record<string, string> = {
  buildSearchTextMs: 'build search text (all)',
  searchMedianMs: 'search, median of queries',
  facetsMs: 'facet counts',
  exportJsonMs: 'export JSON',
  exportJsonMB: 'JSON size (MB)',
  validateImportMs: 'validate + upgrade import',
  exportMarkdownMs: 'export Markdown',
  exportCsvMs: 'export CSV',
  firstRenderMs: 'library: navigation → first render with data',
  rowsInDom: 'library: rows in the DOM',
  keystrokeToFrameMedianMs: 'library: search keystroke → next frame, median',
  keystrokeToFrameMaxMs: 'library: search keystroke → next frame, max',
  scrollFrameMedianMs: 'library: scroll step → next frame, median',
  scrollFrameP95Ms: 'library: scroll step → next frame, p95',
  jsHeapMB: 'library: JS heap (MB)',
};

export function formatLibraryTable(result: LibraryBenchResult): string {
  const lines = [
    `Snippets library, ${result.count.toLocaleString('en')} snippets (machine load average ${loadavg()[0]!.toFixed(1)}: times scale with it)`,
    '',
  ];
  const rows = [...Object.entries(result.node), ...Object.entries(result.browser)];
  const width = Math.max(...rows.map(([k]) => (LABELS[k] ?? k).length));
  for (const [k, v] of rows) {
    const unit = /MB$/.test(k) || k === 'rowsInDom' ? '' : ' ms';
    lines.push(`  ${(LABELS[k] ?? k).padEnd(width)}  ${v.toFixed(k === 'rowsInDom' ? 0 : 1).padStart(8)}${unit}`);
  }
  return lines.join('\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const count = Number(process.argv[2] ?? 10_000);
  runLibraryBench({ count }).then(
    (result) => console.log(formatLibraryTable(result)),
    (err) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
