/**
 * The content script's scan in real Chromium, against references measured in the same run:
 * - the page's own load script (a typical article page renders its body from data) without the extension;
 * - mark.js, what most highlighter extensions use, marking the same alias list on the same page.
 * Pages: the largest corpus document rendered as an article, and the bundled demo news article.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { extensionDir, findBrowser, PROJECT_ROOT } from '../../tests/e2e/harness/browsers';
import { startStaticServer } from '../../tests/e2e/harness/static-server';
import { pageExpression } from '../../tests/e2e/harness/lens-browser';
import type { AliasIndex } from '../../lib/factbase/types';
import { CORPUS_DIR } from '../build-factbase';
import type { ScanReport } from '../../lib/messaging/messages';

export interface ScanBenchRow {
  page: string;
  kilobytes: number;
  words: number;
  pageScriptMs: number;
  scanMs: number;
  longestSliceMs: number;
  longTasksDuringScan: number;
  /** Wall-clock time from scan start to the last mark painted (the background's matching included). */
  wallMs: number;
  mentions: number;
  markJsMs: number;
  markJsMarks: number;
}

const CORPUS = join(CORPUS_DIR, '003_0e9e0b34be52310f.txt');
const RUNS = 3;

/** An article page whose own script renders the paragraphs from embedded data, timing itself, as news sites do. */
function articlePage(title: string, paragraphs: string[]): string {
  const data = JSON.stringify(paragraphs).replace(/</g, '\\u003c');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>
<main id="root"></main>
<script>
  const t0 = performance.now();
  const root = document.getElementById('root');
  for (const text of ${data}) {
    const p = document.createElement(text.startsWith('#') ? 'h2' : 'p');
    // \u0001 marks bold runs (names split from their sentence by inline tags, as on real pages).
    text.replace(/^#+\\s*/, '').replace(/\\*/g, '').split('\\u0001').forEach((part, i) => {
      if (i % 2) p.append(Object.assign(document.createElement('b'), { textContent: part }));
      else p.append(part);
    });
    root.append(p);
  }
  document.body.offsetHeight; // include layout, as a real page's first render would
  window.__pageScriptMs = performance.now() - t0;
  window.__pageScriptEnd = performance.now();
</script></body></html>`;
}

/** About 5 MB in 25,000 paragraphs of five text nodes each (names in bold), one name of the fact base per 25. */
function largeParagraphs(): string[] {
  const names = ['Tokayev', 'Erdoğan', 'TANAP', 'the Middle Corridor'];
  return Array.from({ length: 25_000 }, (_, i) => {
    const name = i % 25 === 0 ? names[(i / 25) % names.length]! : 'the minister';
    return (
      `Paragraph ${i}: \u0001${name}\u0001 said the talks on transit tariffs went on \u0001late into the night\u0001, ` +
      'and the delegations agreed to meet again next month after consulting their capitals and their partners.'
    );
  });
}

function demoParagraphs(): string[] {
  const html = readFileSync(join(PROJECT_ROOT, 'data', 'demo', 'article.html'), 'utf8');
  return [...html.matchAll(/<(p|h1|h2)[^>]*>([\s\S]*?)<\/\1>/g)].map((m) =>
    m[2]!
      .replace(/<[^>]+>/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function runScanBench(): Promise<ScanBenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'lens-scan-bench-'));
  const pages = [
    {
      name: 'corpus 003 (largest document)',
      file: 'corpus.html',
      paragraphs: readFileSync(CORPUS, 'utf8')
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean),
    },
    { name: 'demo news article', file: 'demo.html', paragraphs: demoParagraphs() },
    // mark.js would take many minutes here: its column is left empty.
    { name: '5 MB page, 125,000 text nodes', file: 'large.html', paragraphs: largeParagraphs(), markJs: false },
  ];
  for (const p of pages) writeFileSync(join(dir, p.file), articlePage(p.name, p.paragraphs));
  const markJs = readFileSync(join(PROJECT_ROOT, 'node_modules', 'mark.js', 'dist', 'mark.min.js'), 'utf8');
  const index = JSON.parse(readFileSync(join(PROJECT_ROOT, 'data', 'alias-index.json'), 'utf8')) as AliasIndex;
  const aliases = index.aliases.map(([text]) => text);
  const server = await startStaticServer({ roots: [dir] });
  const ext = extensionDir('chromium');
  const executablePath = findBrowser('chromium');
  const args = [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ];
  const withExt = await chromium.launchPersistentContext('', {
    executablePath,
    headless: true,
    args: [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`, ...args],
  });
  const plain = await chromium.launchPersistentContext('', { executablePath, headless: true, args });
  const rows: ScanBenchRow[] = [];
  try {
    for (const p of pages) {
      const scans: ScanReport[] = [];
      const longTasks: number[] = [];
      const pageScript: number[] = [];
      const markMs: number[] = [];
      let marks = 0;
      for (let run = 0; run < RUNS; run++) {
        // With the extension: the scan report, and long tasks from the page's first paint to the report.
        const page = await withExt.newPage();
        await page.addInitScript(
          pageExpression(() => {
            const w = window as unknown as { __report?: string; __long: number; __pageScriptEnd?: number };
            w.__long = 0;
            // Long tasks after the page's own render script (itself one long task on a big page) until the report.
            new PerformanceObserver((list) => {
              for (const e of list.getEntries())
                if (e.duration > 50 && !w.__report && e.startTime >= (w.__pageScriptEnd ?? Infinity)) w.__long++;
            }).observe({ type: 'longtask' });
            document.addEventListener('lens-scan-done', (e) => (w.__report ??= String((e as CustomEvent).detail)));
          }, null),
        );
        await page.goto(server.url(`/${p.file}`));
        await page.waitForFunction('window.__report', null, { timeout: 60_000 });
        const r: { report: string; long: number } = await page.evaluate(
          '({ report: window.__report, long: window.__long })',
        );
        scans.push(JSON.parse(r.report) as ScanReport);
        longTasks.push(r.long);
        await page.close();
        // Without the extension: the page's own script, then mark.js over the same aliases.
        const bare = await plain.newPage();
        await bare.goto(server.url(`/${p.file}`));
        pageScript.push(await bare.evaluate<number>('window.__pageScriptMs'));
        if ('markJs' in p) {
          await bare.close();
          continue;
        }
        await bare.addScriptTag({ content: markJs });
        // As a string: tsx's name-keeping helper (__name) does not exist inside the page.
        const mark: { ms: number; marks: number } = await bare.evaluate(
          pageExpression(async (list: string[]) => {
            type MarkJs = { mark: (k: string[], o: object) => void };
            const MarkCtor = (window as unknown as { Mark: new (el: Element) => MarkJs }).Mark;
            const t0 = performance.now();
            let count = 0;
            // mark.js recurses once per keyword; batches keep 1,800 aliases under the stack limit.
            for (let i = 0; i < list.length; i += 100)
              await new Promise<void>((done) =>
                new MarkCtor(document.body).mark(list.slice(i, i + 100), {
                  separateWordSearch: false,
                  accuracy: 'exactly',
                  diacritics: true,
                  each: () => count++,
                  done: () => done(),
                }),
              );
            return { ms: performance.now() - t0, marks: count };
          }, aliases),
        );
        markMs.push(mark.ms);
        marks = mark.marks;
        await bare.close();
      }
      const last = scans.at(-1)!;
      rows.push({
        page: p.name,
        kilobytes: Math.round(Buffer.byteLength(p.paragraphs.join('\n')) / 1024),
        words: p.paragraphs.join(' ').split(/\s+/).length,
        pageScriptMs: median(pageScript),
        scanMs: median(scans.map((s) => s.scanMs)),
        longestSliceMs: Math.max(...scans.map((s) => s.longestSliceMs)),
        longTasksDuringScan: Math.max(...longTasks),
        wallMs: median(scans.map((s) => s.wallMs ?? 0)),
        mentions: last.mentions.reduce((n, m) => n + m.count, 0),
        markJsMs: markMs.length ? median(markMs) : Number.NaN,
        markJsMarks: marks,
      });
    }
  } finally {
    await withExt.close();
    await plain.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

export function formatScanTable(rows: readonly ScanBenchRow[]): string {
  const header = [
    'page',
    'KB',
    'words',
    'page script ms',
    'scan ms',
    'scan/page',
    'longest slice ms',
    'wall ms to last mark',
    'long tasks after page script',
    'mentions',
    'mark.js ms',
    'mark.js marks',
    'mark.js/scan',
  ];
  const lines = rows.map((r) => [
    r.page,
    String(r.kilobytes),
    String(r.words),
    r.pageScriptMs.toFixed(1),
    r.scanMs.toFixed(1),
    `${(r.scanMs / r.pageScriptMs).toFixed(2)}x`,
    r.longestSliceMs.toFixed(1),
    r.wallMs.toFixed(0),
    String(r.longTasksDuringScan),
    String(r.mentions),
    Number.isNaN(r.markJsMs) ? '–' : r.markJsMs.toFixed(0),
    Number.isNaN(r.markJsMs) ? '–' : String(r.markJsMarks),
    Number.isNaN(r.markJsMs) ? '–' : `${(r.markJsMs / r.scanMs).toFixed(0)}x`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [fmt(header), fmt(widths.map((w) => '-'.repeat(w))), ...lines.map(fmt)].join('\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatScanTable(await runScanBench()));
}
