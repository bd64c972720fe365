/**
 * The reader's own material at scale (issue 18): 10,000 snippets, 200 own sources of 50 KB and 500 own names, in
 * the built extension (Chromium, test build) and in Node for search. Every figure is printed beside the same
 * measure without own material, taken in the same run on the same machine:
 *   - popup search per keystroke (p50/p95/max): the fact base's search alone vs merged with 500 own names;
 *   - page scan: the content script's main-thread ms and wall ms for the same page, before and after seeding;
 *   - card: dwell end to card on screen, before and after (the budget is 50 ms);
 *   - adding one 50 KB source (background matcher + one IndexedDB transaction), with 200 sources stored;
 *   - a 300 KB source through the library's form: whether the progress indicator shows, and how long it takes.
 * Exits non-zero (through index.ts) when a measure could not be taken.
 *
 *   npm run build:test && npm run bench -- own
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchLensBrowser } from '../../automation/browsers';
import { sleep, waitInPage, type LensBrowser, type LensPage } from '../../automation/lens-browser';
import { startStaticServer } from '../../automation/static-server';
import type { SearchIndexData } from '../../lib/search/search-index';
import { createSearch, DEFAULT_LIMIT } from '../../lib/search/search';
import { mergeHits, ownSearchIndex } from '../../lib/own/own-search';
import type { OwnName } from '../../lib/own/types';
import { realisticSnippets } from './library-snippets';
import { BENCH_QUERIES, measureKeystrokes, percentile, type KeystrokeStats } from './search-bench';

export const SCALE = { snippets: 10_000, sources: 200, sourceBytes: 50 * 1024, names: 500 } as const;
/** The issue's budgets. */
export const CARD_BUDGET_MS = 50;
export const SCAN_OVERHEAD_BUDGET = 0.1;
export const ADD_SOURCE_BUDGET_MS = 1_000;
const PAGE_LOADS = Number(process.env.LENS_OWN_LOADS) || 5;
const CARD_SAMPLES = Number(process.env.LENS_CARD_SAMPLES) || 5;
const ADD_SAMPLES = 5;
const PROGRESS_CHARS = 300_000;

export interface OwnBenchResult {
  search: { base: KeystrokeStats; withOwn: KeystrokeStats };
  scanMs: { base: number[]; own: number[] };
  wallMs: { base: number[]; own: number[] };
  cardMs: { base: number[]; own: number[] };
  /** Dwell end to the full card (with the reader's material) painted. */
  cardCompleteMs: { base: number[]; own: number[] };
  seeded: { snippets: number; sources: number; names: number; quotes: number; seedMs: number; reindexMs: number };
  addSourceMs: number[];
  progress: { chars: number; shown: boolean; ms: number };
  missing: string[];
}

// ---- the reader's material, made up but deterministic ----------------------------------------------------------

const FIRST = ['Tarlan', 'Ulvi', 'Nigar', 'Samir', 'Aynur', 'Elvin', 'Gulnara', 'Rauf', 'Leyla', 'Orxan'];
const FIRST2 = ['', 'a', 'o', 'e', 'i'];
const LAST = ['Qasimli', 'Rzayeva', 'Hasanli', 'Babayev', 'Kerimova', 'Sadiqov', 'Nuriyeva', 'Valiyev', 'Ismayil'];
const LAST2 = ['', 'zade', 'ogly', 'beyli', 'khan'];

/** 500 distinct two-word names with no fact-base counterpart, each with one other spelling. */
export function ownNames(n: number = SCALE.names): OwnName[] {
  const out: OwnName[] = [];
  for (let i = 0; out.length < n; i++) {
    const first = `${FIRST[i % FIRST.length]}${FIRST2[Math.floor(i / FIRST.length) % FIRST2.length]}`;
    const last = `${LAST[Math.floor(i / 50) % LAST.length]}${LAST2[Math.floor(i / 450) % LAST2.length]}`;
    const name = `${first} ${last}`;
    if (out.some((o) => o.name === name)) continue;
    out.push({
      id: `own-name-bench-${out.length}`,
      name,
      aliases: [`${last} ${first}`],
      type: out.length % 3 ? 'person' : 'company',
      summary: `Bench name ${out.length}.`,
      createdAt: 1_700_000_000_000 + out.length,
      updatedAt: 1_700_000_000_000 + out.length,
    });
  }
  return out;
}

function corpusText(): string {
  const dir = process.env.LENS_CORPUS;
  if (!dir) throw new Error('LENS_CORPUS is not set (the sources are made from the corpus)');
  const text = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n\n');
  if (text.length < 100_000) throw new Error(`the corpus in ${dir} is too small to make 50 KB sources`);
  return text;
}

// ---- in the browser ---------------------------------------------------------------------------------------------

/** Writes the material straight into the extension's database, then tells the background (as an import does). */
function seed(
  page: LensPage,
  arg: { snippets: unknown[]; names: OwnName[]; corpus: string; sources: number; bytes: number },
): Promise<number> {
  return page.evaluate(async ({ snippets, names, corpus, sources, bytes }) => {
    const started = performance.now();
    const open = () =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('caspian-lens-snippets');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const db = await open();
    const tx = db.transaction(['snippets', 'names', 'sources'], 'readwrite');
    for (const s of snippets) tx.objectStore('snippets').put(s);
    for (const n of names) tx.objectStore('names').put(n);
    for (let i = 0; i < sources; i++) {
      // A 50 KB window of the corpus, with a few of the reader's names in it.
      let text = '';
      let at = (i * 7919) % corpus.length;
      while (text.length < bytes) {
        const next = corpus.slice(at, at + 2_000);
        const who = names[(i * 13 + text.length) % names.length]!.name;
        text += `${next}\n\n${who} was quoted on this in ${2000 + (i % 25)}.\n\n`;
        at = (at + 2_000) % corpus.length;
      }
      text = text.slice(0, bytes);
      tx.objectStore('sources').put({
        id: `bench-source-${i}`,
        title: `Bench source ${i}`,
        author: 'Bench',
        date: '2025',
        url: '',
        stance: 'bench',
        text,
        origin: 'paste',
        fileName: '',
        createdAt: 1_700_000_000_000 + i,
        updatedAt: 1_700_000_000_000 + i,
      });
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    // What importOwn announces: the background reloads the names and reads every source again.
    const channel = new BroadcastChannel('caspian-lens-own');
    channel.postMessage('all');
    channel.close();
    return performance.now() - started;
  }, arg);
}

function count(page: LensPage, store: string): Promise<number> {
  return page.evaluate(
    (store) =>
      new Promise<number>((resolve, reject) => {
        const r = indexedDB.open('caspian-lens-snippets');
        r.onsuccess = () => {
          const c = r.result.transaction(store).objectStore(store).count();
          c.onsuccess = () => (r.result.close(), resolve(c.result));
          c.onerror = () => reject(c.error);
        };
        r.onerror = () => reject(r.error);
      }),
    store,
  );
}

type Send = (message: unknown) => Promise<unknown>;
/** Sends a message to the background from the library page (the extension's own origin) and times the answer. */
function timedMessage(page: LensPage, message: unknown): Promise<{ ms: number; reply: unknown }> {
  return page.evaluate(async (message) => {
    const g = globalThis as unknown as {
      browser?: { runtime: { sendMessage: Send } };
      chrome: { runtime: { sendMessage: Send } };
    };
    const t = performance.now();
    const reply = await (g.browser ?? g.chrome).runtime.sendMessage(message);
    return { ms: performance.now() - t, reply };
  }, message);
}

const LISTEN = () => {
  const w = window as unknown as { __lensOwnBench?: string[] };
  if (w.__lensOwnBench) return true;
  const timings: string[] = [];
  w.__lensOwnBench = timings;
  document.addEventListener('lens-card-shown', (e) => timings.push(String((e as CustomEvent).detail)));
  return true;
};

/** Marks in the viewport, one per distinct text. */
function marks(page: LensPage): Promise<{ text: string; x: number; y: number }[]> {
  return page.evaluate(() => {
    const seen = new Set<string>();
    const out: { text: string; x: number; y: number }[] = [];
    const registry = (CSS as unknown as { highlights?: Map<string, Iterable<AbstractRange>> }).highlights;
    for (const [, h] of registry ?? [])
      for (const r of h) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const b = range.getClientRects()[0];
        const text = range.toString().replace(/\s+/g, ' ');
        if (!b || seen.has(text) || b.top < 0 || b.bottom > innerHeight) continue;
        seen.add(text);
        out.push({ text, x: b.left + Math.min(b.width / 2, 12), y: b.top + b.height / 2 });
      }
    return out;
  });
}

/** Opens the page `loads` times: the scan's main-thread and wall ms each time, then card timings on the last. */
async function measurePage(lens: LensBrowser, url: string, loads: number, missing: string[], label: string) {
  const scan: number[] = [];
  const wall: number[] = [];
  const card: number[] = [];
  const complete: number[] = [];
  for (let i = 0; i < loads; i++) {
    const page = await lens.openPage(url);
    const report = await lens.scanReport(page).catch(() => null);
    if (report) {
      scan.push(report.scanMs);
      wall.push(report.wallMs ?? NaN);
    } else missing.push(`${label}: scan report ${i + 1}`);
    if (i < loads - 1) {
      await page.close();
      continue;
    }
    await page.evaluate(LISTEN);
    const blank = { x: 8, y: (await page.evaluate(() => innerHeight)) - 20 };
    await page.hover(blank.x, blank.y);
    await sleep(1_000);
    for (const m of (await marks(page)).slice(0, CARD_SAMPLES)) {
      const before = await page.evaluate(
        () => (window as unknown as { __lensOwnBench: string[] }).__lensOwnBench.length,
      );
      await page.hover(m.x, m.y);
      // Until the full card is painted (a placeholder may come first, while the details are on their way).
      const shown = await waitInPage(
        page,
        (n) => {
          const list = (window as unknown as { __lensOwnBench: string[] }).__lensOwnBench.slice(n);
          return list.some((t) => (JSON.parse(t) as { complete: boolean }).complete) ? list : null;
        },
        `the card for ${m.text}`,
        10_000,
        before,
      ).catch(() => null);
      if (shown) {
        const events = shown.map(
          (t) => JSON.parse(t) as { dwellEndedAt: number; paintedAt: number; complete: boolean },
        );
        const full = events.find((e) => e.complete)!;
        card.push(events[0]!.paintedAt - events[0]!.dwellEndedAt);
        complete.push(full.paintedAt - full.dwellEndedAt);
      } else missing.push(`${label}: card for "${m.text}"`);
      await page.hover(blank.x, blank.y);
      await sleep(700);
    }
    if (!card.length) missing.push(`${label}: no card timings`);
    await page.close();
  }
  return { scan, wall, card, complete };
}

export async function runOwnBench(): Promise<OwnBenchResult> {
  const missing: string[] = [];
  const names = ownNames();
  const corpus = corpusText();

  // Search in Node: the fact base's search alone, then merged with the own names' search, on the same keystrokes.
  const index = JSON.parse(readFileSync('data/search-index.json', 'utf8')) as SearchIndexData;
  const base = createSearch(index);
  const own = createSearch(ownSearchIndex(names));
  const queries = [...BENCH_QUERIES, 'tarlan qas', 'kerimova', 'Babayev Rauf', 'nigara hasan'];
  const search = {
    base: measureKeystrokes((q) => base.search(q), queries, 15),
    withOwn: measureKeystrokes((q) => mergeHits(base.search(q), own.search(q), DEFAULT_LIMIT), queries, 15),
  };

  const server = await startStaticServer();
  const lens = await launchLensBrowser('chromium').catch(async (err: unknown) => {
    await server.close();
    throw err;
  });
  try {
    // The same page as the card bench, with one paragraph naming some of the reader's names (plain text without
    // own data).
    const url = server.url('/cards-news.html');
    const before = await measurePage(lens, url, PAGE_LOADS, missing, 'without own data');

    const lib = await lens.openExtensionPage('library.html');
    await waitInPage(lib, () => document.documentElement.dataset.libraryCount !== undefined, 'the library', 30_000);
    const snippets = realisticSnippets(SCALE.snippets);
    const seedMs = await seed(lib, {
      snippets,
      names,
      corpus,
      sources: SCALE.sources,
      bytes: SCALE.sourceBytes,
    });
    // The background reloads the names and reads 10 MB of sources; then one more reindex, timed.
    await sleep(2_000);
    const reindex = await timedMessage(lib, { type: 'own-reindex' });
    const quotes = await count(lib, 'sourceQuotes');
    const seeded = {
      snippets: await count(lib, 'snippets'),
      sources: await count(lib, 'sources'),
      names: await count(lib, 'names'),
      quotes,
      seedMs,
      reindexMs: reindex.ms,
    };
    if (seeded.snippets < SCALE.snippets || seeded.sources < SCALE.sources || seeded.names < SCALE.names)
      missing.push(`seeding: ${JSON.stringify(seeded)}`);
    if (!quotes) missing.push('the sources gave no quotes');

    const after = await measurePage(lens, url, PAGE_LOADS, missing, 'with own data');

    // One 50 KB source at a time, with 200 stored.
    const addSourceMs: number[] = [];
    const text = corpus.slice(0, SCALE.sourceBytes);
    for (let i = 0; i < ADD_SAMPLES; i++) {
      const added = await timedMessage(lib, {
        type: 'own-add-source',
        source: {
          title: `Added ${i}`,
          author: '',
          date: '',
          url: '',
          stance: '',
          text: `${names[i]!.name} in the news.\n\n${text}`,
          origin: 'paste',
          fileName: '',
        },
      }).catch(() => null);
      if (added && (added.reply as { quotes?: number } | undefined)?.quotes) addSourceMs.push(added.ms);
      else missing.push(`adding 50 KB source ${i + 1}`);
    }

    // A larger source through the form: the progress indicator must show while it is added.
    await lib.evaluate(() => {
      location.search = '?view=sources';
    });
    await waitInPage(lib, () => !!document.querySelector('[data-own-form="source"]'), 'the sources form', 30_000);
    const progress = await lib.evaluate(async (chars) => {
      const form = document.querySelector('[data-own-form="source"]')!;
      const set = (name: string, value: string) => {
        const el = form.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
        el.value = value;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      };
      set('title', 'A long report');
      const para = 'Tarlan Qasimli spoke about TANAP and the Middle Corridor at length in Baku. ';
      set(
        'text',
        Array.from({ length: Math.ceil(chars / 600) }, () => para.repeat(8))
          .join('\n\n')
          .slice(0, chars),
      );
      await new Promise((r) => setTimeout(r, 100));
      let shown = false;
      const seen = new MutationObserver(() => {
        if (form.querySelector('.own-progress progress')) shown = true;
      });
      seen.observe(form, { childList: true, subtree: true });
      const started = performance.now();
      [...form.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Add source')!.click();
      while (performance.now() - started < 30_000) {
        await new Promise((r) => setTimeout(r, 20));
        if (document.querySelector('.banner')?.textContent?.includes('A long report')) break;
      }
      seen.disconnect();
      return { chars, shown, ms: performance.now() - started };
    }, PROGRESS_CHARS);
    if (progress.ms >= 30_000) missing.push('the 300 KB source was not added within 30 s');

    return {
      search,
      scanMs: { base: before.scan, own: after.scan },
      wallMs: { base: before.wall, own: after.wall },
      cardMs: { base: before.card, own: after.card },
      cardCompleteMs: { base: before.complete, own: after.complete },
      seeded,
      addSourceMs,
      progress,
      missing,
    };
  } finally {
    await lens.close();
    await server.close();
  }
}

const median = (xs: readonly number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );
const maxOf = (xs: readonly number[]) => (xs.length ? Math.max(...xs) : NaN);
const f = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
const pct = (a: number, b: number) => (Number.isFinite(a / b) ? `${((a / b - 1) * 100).toFixed(0)}%` : '–');

export function formatOwnBench(r: OwnBenchResult): string {
  const s = r.search;
  const scanB = median(r.scanMs.base);
  const scanO = median(r.scanMs.own);
  const lines = [
    `Own material: ${r.seeded.snippets} snippets, ${r.seeded.sources} sources of ${SCALE.sourceBytes / 1024} KB, ${r.seeded.names} names → ${r.seeded.quotes} quotes (seeded in ${f(r.seeded.seedMs)} ms; re-reading every source: ${f(r.seeded.reindexMs)} ms)`,
    '',
    'measure                                   without own data   with own data   change   budget',
    `popup search per keystroke p50 (ms)      ${f(s.base.wall.p50).padStart(16)} ${f(s.withOwn.wall.p50).padStart(15)} ${pct(s.withOwn.wall.p50, s.base.wall.p50).padStart(8)}`,
    `popup search per keystroke p95 (ms)      ${f(s.base.wall.p95).padStart(16)} ${f(s.withOwn.wall.p95).padStart(15)} ${pct(s.withOwn.wall.p95, s.base.wall.p95).padStart(8)}   p95 < 5 ms (search floor)`,
    `popup search per keystroke p95 CPU (ms)  ${f(s.base.cpu.p95).padStart(16)} ${f(s.withOwn.cpu.p95).padStart(15)} ${pct(s.withOwn.cpu.p95, s.base.cpu.p95).padStart(8)}`,
    `page scan, main thread, median (ms)      ${f(scanB).padStart(16)} ${f(scanO).padStart(15)} ${pct(scanO, scanB).padStart(8)}   ≤ +${SCAN_OVERHEAD_BUDGET * 100}%`,
    `page scan, wall, median (ms)             ${f(median(r.wallMs.base)).padStart(16)} ${f(median(r.wallMs.own)).padStart(15)} ${pct(median(r.wallMs.own), median(r.wallMs.base)).padStart(8)}`,
    `card on screen after dwell, median (ms)  ${f(median(r.cardMs.base)).padStart(16)} ${f(median(r.cardMs.own)).padStart(15)} ${pct(median(r.cardMs.own), median(r.cardMs.base)).padStart(8)}   < ${CARD_BUDGET_MS} ms`,
    `card on screen after dwell, max (ms)     ${f(maxOf(r.cardMs.base)).padStart(16)} ${f(maxOf(r.cardMs.own)).padStart(15)} ${''.padStart(8)}   < ${CARD_BUDGET_MS} ms`,
    `full card painted after dwell, median    ${f(median(r.cardCompleteMs.base)).padStart(16)} ${f(median(r.cardCompleteMs.own)).padStart(15)} ${pct(median(r.cardCompleteMs.own), median(r.cardCompleteMs.base)).padStart(8)}`,
    `add one 50 KB source, median / max (ms)  ${'–'.padStart(16)} ${`${f(median(r.addSourceMs))} / ${f(maxOf(r.addSourceMs))}`.padStart(15)} ${''.padStart(8)}   < ${ADD_SOURCE_BUDGET_MS} ms`,
    `add a ${r.progress.chars / 1000} KB source via the form (ms)  ${'–'.padStart(13)} ${f(r.progress.ms).padStart(15)} ${''.padStart(8)}   progress shown: ${r.progress.shown ? 'yes' : 'NO'}`,
    '',
    `samples: ${r.scanMs.base.length}+${r.scanMs.own.length} page loads, ${r.cardMs.base.length}+${r.cardMs.own.length} cards, ${s.base.wall.samples} keystrokes, ${r.addSourceMs.length} adds`,
  ];
  if (r.missing.length) lines.push(`NOT MEASURED: ${r.missing.join('; ')}`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runOwnBench();
  console.log(formatOwnBench(r));
  if (r.missing.length) process.exitCode = 1;
}
