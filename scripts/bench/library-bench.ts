/**
 * The snippets library at 10,000 snippets, every figure beside a baseline measured in the same run:
 * - the pure parts in Node (search, facets, exports, import validation), each beside the least the same job can cost
 *   (a substring scan over the same prepared text, one counting pass, JSON.stringify and JSON.parse of the records);
 * - the real library page in Chromium with the built extension, timed from outside its code: navigation start to the
 *   first animation frame with rows on screen, read by a probe the bench puts first in the page (on a copy of the
 *   build), beside a blank extension page opened the same way; a search keystroke and a scroll step to the next
 *   frame, beside the same wait with nothing changed (the frame floor of this machine at this moment).
 *
 *   npm run build:test && npx tsx scripts/bench/library-bench.ts [count]
 *
 * `runLibraryBench` and `formatLibraryTable` are exported for an overall `npm run bench`. Figures, not verdicts.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { pageExpression, sleep } from '../../automation/lens-browser';
import type { AliasIndex } from '../../lib/factbase/types';
import { exportSnippetsCsv } from '../../lib/snippets/csv-codec';
import { entityLookupFromRows } from '../../lib/snippets/entity-names';
import { facets, filterSnippets, foldForSearch, queryTerms, searchHaystack } from '../../lib/snippets/filter';
import { exportSnippetsJson, parseImportFile } from '../../lib/snippets/json-codec';
import { exportSnippetsMarkdown } from '../../lib/snippets/markdown-codec';
import type { Snippet } from '../../lib/snippets/types';
import { BLANK_PAGE, copyBuild, extensionOrigin, inNewTab, launchOnCopy } from './build-copy';
import { realisticSnippets } from './library-snippets';

const root = fileURLToPath(new URL('../../', import.meta.url));
const QUERIES = ['baku', 'gas pipeline', 'erdogan', 'middle corridor kazakhstan', 'zzzz-nothing'];

interface LibraryBenchOptions {
  count?: number;
  /** Timed repetitions of each Node measurement; the median is reported. */
  runs?: number;
  /** Page loads of the library and the blank page each; the first of each is a warm-up and is dropped. */
  loads?: number;
}

/** A figure and its baseline from the same run (null: the figure is a size or a count, with nothing to divide). */
interface Figure {
  value: number;
  baseline: number | null;
  baselineLabel: string;
  unit: 'ms' | 'MB' | '';
}

interface LibraryBenchResult {
  count: number;
  figures: Record<string, Figure>;
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

const ms = (value: number, baseline: number | null, baselineLabel: string): Figure => ({
  value,
  baseline,
  baselineLabel,
  unit: 'ms',
});

export async function runLibraryBench(options: LibraryBenchOptions = {}): Promise<LibraryBenchResult> {
  const count = options.count ?? 10_000;
  const runs = options.runs ?? 7;
  const snippets = realisticSnippets(count);
  const aliasIndex = JSON.parse(readFileSync(`${root}data/alias-index.json`, 'utf8')) as AliasIndex;
  const lookup = entityLookupFromRows(aliasIndex.entities);

  const cache = new Map<Snippet, string>();
  const hay = (s: Snippet) => cache.get(s) ?? (cache.set(s, searchHaystack(s, lookup)), cache.get(s)!);
  const figures: Record<string, Figure> = {};
  // Baseline: folding the text alone, which any case- and accent-blind search must do once.
  const plain = snippets.map((s) => `${s.text} ${s.note} ${s.title} ${s.url} ${s.tags.join(' ')}`);
  const buildMs = time(1, () => {
    cache.clear();
    for (const s of snippets) hay(s);
  });
  figures.buildSearchText = ms(
    buildMs,
    time(1, () => plain.map(foldForSearch)),
    'folding the same fields alone',
  );
  // Baseline: every query word looked for with includes() in the same prepared text, no ranking or filters.
  const prepared = snippets.map(hay);
  figures.search = ms(
    median(QUERIES.map((q) => time(runs, () => filterSnippets(snippets, { text: q }, hay)))),
    median(
      QUERIES.map((q) =>
        time(runs, () => {
          const terms = queryTerms(q);
          return prepared.filter((h) => terms.every((t) => h.includes(t)));
        }),
      ),
    ),
    'includes() of each query word over the same text',
  );
  // Baseline: one pass counting entities, tags and sites into maps.
  figures.facets = ms(
    time(runs, () => facets(snippets)),
    time(runs, () => {
      const m = new Map<string, number>();
      for (const s of snippets) {
        for (const k of s.entityIds) m.set(k, (m.get(k) ?? 0) + 1);
        for (const k of s.tags) m.set(k, (m.get(k) ?? 0) + 1);
        m.set(s.url.slice(0, 30), (m.get(s.url.slice(0, 30)) ?? 0) + 1);
      }
      return m;
    }),
    'one counting pass into a Map',
  );
  const stringify = time(runs, () => JSON.stringify(snippets));
  let json = '';
  figures.exportJson = ms(
    time(runs, () => (json = exportSnippetsJson(snippets))),
    stringify,
    'JSON.stringify of the records',
  );
  figures.exportJsonSize = { value: json.length / 1024 / 1024, baseline: null, baselineLabel: '', unit: 'MB' };
  figures.validateImport = ms(
    time(runs, () => parseImportFile(json)),
    time(runs, () => JSON.parse(json)),
    'JSON.parse of the same file',
  );
  figures.exportMarkdown = ms(
    time(runs, () => exportSnippetsMarkdown(snippets, lookup)),
    stringify,
    'JSON.stringify of the records',
  );
  figures.exportCsv = ms(
    time(runs, () => exportSnippetsCsv(snippets, lookup)),
    stringify,
    'JSON.stringify of the records',
  );
  Object.assign(figures, await measureInChromium(snippets, Math.max(2, options.loads ?? 6)));
  return { count, figures };
}

/**
 * The probe put first in the library and the blank page: notes the first animation frame whose document shows a
 * library row (or the blank page's text), from navigation start.
 */
const PROBE_SCRIPT = `(() => {
  const probe = (window.__benchProbe = { shownAt: 0 });
  const tick = () => {
    if (document.querySelector('.vrow, .bench-blank')) probe.shownAt = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();
`;

/** Polls the page (an extension page's CSP forbids the eval that waitForFunction's own polling uses). */
async function poll<T>(page: Page, what: string, expression: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = (await page.evaluate(expression).catch(() => null)) as T | null;
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`no ${what} within ${timeoutMs / 1000} s`);
    await sleep(20);
  }
}

const inPage = <R, A>(page: Page, fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> =>
  page.evaluate(pageExpression(fn as (arg: never) => unknown, arg)) as Promise<R>;

/** The library page itself, with `snippets` written straight into its database first. */
async function measureInChromium(snippets: Snippet[], loads: number): Promise<Record<string, Figure>> {
  const copy = copyBuild('chromium', { probe: { script: PROBE_SCRIPT, pages: ['library.html'] } });
  const lens = await launchOnCopy('chromium', copy);
  try {
    const origin = await extensionOrigin(lens);
    const libraryUrl = `${origin}/library.html`;
    await inNewTab(lens, libraryUrl, async (tab) => {
      await poll(tab, 'library', 'document.documentElement.dataset.libraryCount !== undefined');
      await inPage(
        tab,
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
    });
    const shown = (tab: Page) => poll<number>(tab, 'first frame with content', 'window.__benchProbe.shownAt');
    const library: number[] = [];
    const blank: number[] = [];
    // Loads alternate between the pages, each in a tab of its own; the first round compiles the code and is dropped.
    for (let i = 0; i < loads; i++) {
      const b = await inNewTab(lens, `${origin}/${BLANK_PAGE}`, shown);
      const l = await inNewTab(lens, libraryUrl, async (tab) => {
        const at = await shown(tab);
        const rows = await inPage(tab, () => document.documentElement.dataset.libraryCount ?? '');
        if (rows !== String(snippets.length))
          throw new Error(`the library showed ${rows} snippets, not ${snippets.length}`);
        return at;
      });
      if (i === 0) continue;
      blank.push(b);
      library.push(l);
    }
    const out: Record<string, Figure> = {};
    out.firstRender = ms(median(library), median(blank), 'a blank extension page opened the same way');

    const page = await lens.context.newPage();
    await page.goto(libraryUrl);
    await poll(page, 'the library', `document.documentElement.dataset.libraryCount === '${snippets.length}'`);
    out.rowsInDom = {
      value: await inPage(page, () => document.querySelectorAll('.vrow').length),
      baseline: null,
      baselineLabel: '',
      unit: '',
    };
    const keystrokes: number[] = [];
    const floor: number[] = [];
    for (const q of ['b', 'ba', 'bak', 'baku', '', 'gas', 'gas p', 'gas pipe', '']) {
      const [k, f] = await inPage(
        page,
        async (q) => {
          // The next frame and the task after it: when the page has painted what the keystroke changed.
          const toNext = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          const input = document.querySelector('input.search') as HTMLInputElement;
          let t = performance.now();
          input.value = q;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await toNext();
          const keystroke = performance.now() - t;
          t = performance.now();
          await toNext();
          return [keystroke, performance.now() - t];
        },
        q,
      );
      keystrokes.push(k);
      floor.push(f);
    }
    out.keystrokeMedian = ms(median(keystrokes), median(floor), 'the same wait for a frame, nothing typed');
    out.keystrokeMax = ms(Math.max(...keystrokes), Math.max(...floor), 'the same wait for a frame, nothing typed');

    const [frames, still] = await inPage(page, async () => {
      const list = document.querySelector('.vlist') as HTMLElement;
      const next = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const xs: number[] = [];
      const ys: number[] = [];
      for (let i = 0; i < 60; i++) {
        let t = performance.now();
        list.scrollTop = (list.scrollHeight * i) / 60;
        list.dispatchEvent(new Event('scroll'));
        await next();
        xs.push(performance.now() - t);
        t = performance.now();
        await next();
        ys.push(performance.now() - t);
      }
      return [xs, ys];
    });
    out.scrollMedian = ms(median(frames), median(still), 'the same wait for a frame, no scroll');
    out.scrollP95 = ms(p95(frames), p95(still), 'the same wait for a frame, no scroll');
    out.jsHeap = {
      value: await inPage(
        page,
        () =>
          ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) /
          1024 /
          1024,
      ),
      baseline: null,
      baselineLabel: '',
      unit: 'MB',
    };
    await page.close();
    return out;
  } finally {
    await lens.close();
    copy.dispose();
  }
}

const LABELS: Record<string, string> = {
  buildSearchText: 'build search text (all)',
  search: 'search, median of queries',
  facets: 'facet counts',
  exportJson: 'export JSON',
  exportJsonSize: 'JSON size',
  validateImport: 'validate + upgrade import',
  exportMarkdown: 'export Markdown',
  exportCsv: 'export CSV',
  firstRender: 'library: navigation → first frame with rows',
  rowsInDom: 'library: rows in the DOM',
  keystrokeMedian: 'library: search keystroke → next frame, median',
  keystrokeMax: 'library: search keystroke → next frame, max',
  scrollMedian: 'library: scroll step → next frame, median',
  scrollP95: 'library: scroll step → next frame, p95',
  jsHeap: 'library: JS heap',
};

export function formatLibraryTable(result: LibraryBenchResult): string {
  const rows = Object.entries(result.figures);
  const width = Math.max(...rows.map(([k]) => (LABELS[k] ?? k).length));
  const num = (v: number, unit: string) => `${v.toFixed(unit === '' ? 0 : 1)}${unit ? ` ${unit}` : ''}`;
  const lines = [
    `Snippets library, ${result.count.toLocaleString('en')} snippets (load average ${loadavg()[0]!.toFixed(1)}: times scale with it; ratios matter)`,
    `  ${'figure'.padEnd(width)}  ${'ours'.padStart(10)}  ${'baseline'.padStart(10)}  ${'ratio'.padStart(7)}  baseline (same run)`,
  ];
  for (const [k, f] of rows) {
    const ratio = f.baseline === null ? '' : f.baseline > 0 ? `${(f.value / f.baseline).toFixed(1)}×` : 'NaN';
    lines.push(
      `  ${(LABELS[k] ?? k).padEnd(width)}  ${num(f.value, f.unit).padStart(10)}  ${(f.baseline === null ? '' : num(f.baseline, f.unit)).padStart(10)}  ${ratio.padStart(7)}  ${f.baselineLabel}`,
    );
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
