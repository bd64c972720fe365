/**
 * Search latency as a reader types: every query below is typed one keystroke at a time ("m", "mi", "mir", ...) and
 * each keystroke's search is timed, over the real fact base and over a synthetic one 50 times larger. Reported:
 * p50/p95/max per keystroke, and the same for fuse.js alone (one Fuse over every field, no prefilter) so the
 * prefilter's worth is measured, not assumed.
 *
 *   npx tsx scripts/bench/search-bench.ts [--scale 50] [--rounds 5] [--no-fuse-only] [--paint [--paint-runs 20] [--paint-compare DIR[,DIR]]]
 *     [--paint-firefox] [--paint-only]
 *
 * Floors (issue 6): p95 under 5 ms at 1x and under 16 ms (one frame) at 50x; the popup's first paint within 100 ms.
 * `--paint` opens the built popup in Chromium (the build in LENS_OUT_DIR, default .output) beside a bare extension
 * page (the floor: what any extension page costs on this machine) and popup.html without its script, in the same
 * rounds, and reports first contentful paint, when the cursor is in the box, when a query typed at that moment has
 * results, and Enter to card; `--paint-compare` adds other builds' popups (an earlier commit's, or the same build
 * again to see the noise). `--paint-firefox` measures first paint and the ready marks in Firefox. The search and
 * paint tables are exported for the overall `npm run bench` (`search` and `popup`).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import Fuse from 'fuse.js';
import type { Entity, FactBase } from '../../lib/factbase/types';
import { allFields } from '../../lib/search/fields';
import { parseQuery } from '../../lib/search/normalize';
import { createSearch } from '../../lib/search/search';

/** What a reader types: names in several spellings, typos, facts, multi-word names. */
export const BENCH_QUERIES = [
  'mirziyoev',
  'tokaev',
  'Токаев',
  'erdgoan',
  'turkic states',
  'shusha decl',
  'tanap',
  '16 bcm',
  'golden eagle',
  'kuryk',
  'baku tbilisi ceyhan',
  'middle corridor',
  'nazarbaev',
  'Şuşa',
];

interface LatencyStats {
  p50: number;
  p95: number;
  max: number;
  samples: number;
}

interface SearchBenchRow {
  base: string;
  entities: number;
  fields: number;
  buildMs: number;
  ours: KeystrokeStats;
  /** fuse.js over every field with the same options, the same queries and rounds; null when skipped. */
  fuseOnly: KeystrokeStats | null;
  /**
   * The first keystroke a reader types once the index data is there, on a fresh instance: ours builds parts of its
   * index lazily on first use (lib/search/search.ts), fuse.js in its constructor, so each figure includes building.
   */
  firstKeystroke: { ours: Cost; fuse: Cost | null };
  floorMs: number;
}

interface SearchBenchOptions {
  factBasePath?: string;
  scale?: number;
  rounds?: number;
  fuseOnly?: boolean;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function stats(samples: number[]): LatencyStats {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1] ?? NaN,
    samples: sorted.length,
  };
}

/** Every prefix of every query, as typed. */
export function keystrokes(queries: readonly string[]): string[] {
  return queries.flatMap((q) => [...q].map((_, i) => q.slice(0, i + 1)));
}

export interface KeystrokeStats {
  /** Wall time: what a reader waits. */
  wall: LatencyStats;
  /** CPU time of this process: the same work without the waits a busy machine adds (a shared CI box, say). */
  cpu: LatencyStats;
}

/**
 * Times `search` on every keystroke of every query, `rounds` times after one untimed warm-up round, and takes each
 * keystroke's median over the rounds: a keystroke's own cost, without the odd round where the OS ran something else.
 * p50/p95/max are then over keystrokes.
 */
export function measureKeystrokes(
  search: (q: string) => unknown,
  queries: readonly string[],
  rounds: number,
): KeystrokeStats {
  const typed = keystrokes(queries);
  for (const q of typed) search(q);
  const wall: number[][] = typed.map(() => []);
  const cpu: number[][] = typed.map(() => []);
  for (let r = 0; r < rounds; r++)
    typed.forEach((q, i) => {
      const c = process.cpuUsage();
      const t = performance.now();
      search(q);
      wall[i]!.push(performance.now() - t);
      const used = process.cpuUsage(c);
      cpu[i]!.push((used.user + used.system) / 1000);
    });
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { wall: stats(wall.map(median)), cpu: stats(cpu.map(median)) };
}

/** fuse.js alone: every field in one Fuse, the query in the same search form, the same options. */
function fuseOnly(base: FactBase): (q: string) => unknown {
  const { fields } = allFields(base);
  const fuse = new Fuse(
    fields.map((f) => f.form),
    { isCaseSensitive: true, ignoreLocation: true, threshold: 0.4, includeScore: true, useExtendedSearch: true },
  );
  return (q) => fuse.search(parseQuery(q).tokens.join(' '), { limit: 40 });
}

interface Cost {
  wallMs: number;
  cpuMs: number;
}

/** Wall and CPU time of one call. */
function cost(work: () => unknown): Cost {
  const c = process.cpuUsage();
  const t = performance.now();
  work();
  const wallMs = performance.now() - t;
  const used = process.cpuUsage(c);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

// ---- a synthetic fact base N times larger -------------------------------------------------------------------------

function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

const VOWELS = 'aeiouаеиоуыэюя';
const LATIN_V = 'aeiou';
const LATIN_C = 'bdfgklmnprstvzhy';
const CYR_V = 'аеиоу';
const CYR_C = 'бвгдклмнпрстзх';

/**
 * Another name like this one: 15 to 50 % of its letters swapped for others of the same kind (vowel, consonant,
 * script), the same for every copy `k` of one word, so copies are new names with the real names' letter statistics
 * and some are near-duplicates that fuzzy matching has to wade through.
 */
function mutateWord(word: string, k: number): string {
  const random = seededRandom(hash(word) ^ Math.imul(k, 0x9e3779b1));
  const rate = 0.15 + 0.35 * random();
  let out = '';
  let changed = false;
  for (const ch of word) {
    const lower = ch.toLowerCase();
    const cyrillic = lower >= 'а' && lower <= 'я';
    if (!/\p{L}/u.test(ch) || random() > rate) {
      out += ch;
      continue;
    }
    const pool = VOWELS.includes(lower) ? (cyrillic ? CYR_V : LATIN_V) : cyrillic ? CYR_C : LATIN_C;
    const next = pool[Math.floor(random() * pool.length)]!;
    changed ||= next !== lower;
    out += ch === lower ? next : next.toUpperCase();
  }
  return changed ? out : out + LATIN_V[k % LATIN_V.length];
}

/** Names change; capitalised words in summaries and quotes follow; ordinary words stay, so common words are common. */
const mutateName = (text: string, k: number) => text.replace(/[\p{L}\p{N}]+/gu, (w) => mutateWord(w, k));
const mutateProse = (text: string, k: number) => text.replace(/\p{Lu}[\p{L}]*/gu, (w) => mutateWord(w, k));

export function syntheticFactBase(base: FactBase, scale: number): FactBase {
  const entities: Entity[] = [...base.entities];
  for (let k = 1; k < scale; k++)
    for (const e of base.entities)
      entities.push({
        ...e,
        id: `${e.id}~${k}`,
        name: mutateName(e.name, k),
        aliases: e.aliases.map((a) => ({ ...a, text: mutateName(a.text, k) })),
        summary: mutateProse(e.summary, k),
        summarySentences: e.summarySentences.map((s) => ({ ...s, text: mutateProse(s.text, k) })),
        facts: e.facts.map((f) => ({ ...f, quote: mutateProse(f.quote, k) })),
      });
  return { ...base, entities };
}

// ---- the run -------------------------------------------------------------------------------------------------------

export function runSearchBench(options: SearchBenchOptions = {}): SearchBenchRow[] {
  const real = JSON.parse(readFileSync(options.factBasePath ?? 'data/factbase.json', 'utf8')) as FactBase;
  const scale = options.scale ?? 50;
  const rounds = options.rounds ?? 5;
  const rows: SearchBenchRow[] = [];
  for (const [label, base, floorMs] of [
    ['real (1x)', real, 5],
    [`synthetic (${scale}x)`, syntheticFactBase(real, scale), 16],
  ] as const) {
    const first = keystrokes(BENCH_QUERIES)[0]!;
    // The first keystroke on a fresh instance, before any warm-up: what a reader pays once the popup has the data.
    let search: ReturnType<typeof createSearch> | null = null;
    const built = cost(() => (search = createSearch(base)));
    const buildMs = built.wallMs;
    const oursFirst = cost(() => search!.search(first));
    const ours = measureKeystrokes((q) => search!.search(q), BENCH_QUERIES, rounds);
    // The baseline gets the same queries and the same rounds (it is slow at scale: the run takes minutes).
    let fuseFirst: Cost | null = null;
    let fuse: KeystrokeStats | null = null;
    if (options.fuseOnly !== false) {
      let fuseSearch: ((q: string) => unknown) | null = null;
      const fuseBuilt = cost(() => (fuseSearch = fuseOnly(base)));
      const fuseKey = cost(() => fuseSearch!(first));
      fuseFirst = { wallMs: fuseBuilt.wallMs + fuseKey.wallMs, cpuMs: fuseBuilt.cpuMs + fuseKey.cpuMs };
      fuse = measureKeystrokes(fuseSearch!, BENCH_QUERIES, rounds);
    }
    rows.push({
      base: label,
      entities: base.entities.length,
      fields: allFields(base).fields.length,
      buildMs,
      ours,
      fuseOnly: fuse,
      firstKeystroke: {
        ours: { wallMs: built.wallMs + oursFirst.wallMs, cpuMs: built.cpuMs + oursFirst.cpuMs },
        fuse: fuseFirst,
      },
      floorMs,
    });
  }
  return rows;
}

/** ours ÷ baseline, as a factor (below 1: ours is faster). */
const ratio = (ours: number, base: number) => (base > 0 ? `${(ours / base).toFixed(2)}×` : 'NaN');

export function formatSearchTable(rows: SearchBenchRow[]): string {
  const ms = (v: number) => v.toFixed(2).padStart(7);
  const triple = (s: LatencyStats) => `${ms(s.p50)} ${ms(s.p95)} ${ms(s.max)}`;
  const lines = [
    'search, ms per keystroke (median of rounds)   wall p50    p95     max |  cpu p50    p95     max | fuse.js alone, wall p50  p95  max',
  ];
  for (const r of rows) {
    const f = r.fuseOnly;
    lines.push(
      `${r.base.padEnd(18)} ${String(r.entities).padStart(6)} ent ${String(r.fields).padStart(7)} fields ` +
        `${triple(r.ours.wall)} | ${triple(r.ours.cpu)} | ${f ? triple(f.wall) : '(skipped)'}`,
    );
    const verdict = (v: number) => (v < r.floorMs ? 'ok' : 'OVER');
    lines.push(
      `${''.padEnd(18)} floor p95 < ${r.floorMs} ms: wall ${verdict(r.ours.wall.p95)}, cpu ${verdict(r.ours.cpu.p95)}; ` +
        `index built in ${r.buildMs.toFixed(0)} ms; ${r.ours.wall.samples} keystrokes (fuse.js alone: ${f?.wall.samples ?? 0})`,
    );
    if (f)
      lines.push(
        `${''.padEnd(18)} ours ÷ fuse.js alone: cpu p50 ${ratio(r.ours.cpu.p50, f.cpu.p50)}, p95 ${ratio(r.ours.cpu.p95, f.cpu.p95)}; ` +
          `wall p50 ${ratio(r.ours.wall.p50, f.wall.p50)}, p95 ${ratio(r.ours.wall.p95, f.wall.p95)}`,
      );
    const k = r.firstKeystroke;
    const c = (x: Cost) => `wall ${x.wallMs.toFixed(1)} ms, cpu ${x.cpuMs.toFixed(1)} ms`;
    lines.push(
      `${''.padEnd(18)} first keystroke on a fresh index, building included: ours ${c(k.ours)}; ` +
        `fuse.js alone ${k.fuse ? `${c(k.fuse)} (ours ÷ fuse.js: cpu ${ratio(k.ours.cpuMs, k.fuse.cpuMs)})` : '(skipped)'}`,
    );
  }
  lines.push(
    `machine: ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(2)} (wall time suffers when it is above the core count)`,
  );
  return lines.join('\n');
}

// ---- the popup in Chromium ----------------------------------------------------------------------------------------

/**
 * The floor: the smallest extension page with the popup's first paint in it (a text box with the cursor in it, and
 * nothing else: no stylesheet, no script). Written only into a copy of the build made for this benchmark, never
 * shipped. Whatever the popup takes beyond this page is the popup's own cost; the rest is the browser's.
 */
const FLOOR_PAGE = 'bench-floor.html';
/**
 * The popup's static shell: popup.html as built, without its script (and module preloads), so the difference to the
 * floor is what the popup's own HTML and CSS cost, and the difference from it to the popup what its script costs.
 */
const STATIC_PAGE = 'bench-static.html';
const staticShell = (popupHtml: string) =>
  popupHtml.replace(/<script\b[^>]*>\s*<\/script>/g, '').replace(/<link rel="modulepreload"[^>]*>/g, '');
const FLOOR_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8" /><title>floor</title></head>
<body><input type="text" aria-label="Search" placeholder="Search names, places, facts…" autofocus /></body></html>
`;

/** What a reader types as soon as the cursor is in the box (before the app has taken over, on a fast enough hand). */
const PAINT_QUERY = 'tokaev';

/** A reader reads the results this long before pressing Enter on the first. */
const READ_RESULTS_MS = 300;

/**
 * Runs in every page before its own scripts (a DevTools init script): records when an input first gets the focus,
 * "types" PAINT_QUERY into it at that moment, records when the first search result appears and whether the typed
 * text is then in the app's focused box; READ_RESULTS_MS later presses Enter and records how long the card takes.
 */
function paintProbe({ query, readMs }: { query: string; readMs: number }): void {
  if (!location.protocol.endsWith('-extension:')) return;
  const probe = { focus: -1, results: -1, typed: false, kept: false, card: -1 };
  (window as unknown as { __lensProbe: typeof probe }).__lensProbe = probe;
  document.addEventListener(
    'focusin',
    (e) => {
      const input = e.target as HTMLInputElement;
      if (input.localName !== 'input') return;
      if (probe.focus < 0) probe.focus = performance.now();
      if (probe.typed || !location.pathname.endsWith('/popup.html')) return;
      probe.typed = true;
      input.value = query;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, data: query, inputType: 'insertText' }));
    },
    true,
  );
  new MutationObserver((_, observer) => {
    if (!document.querySelector('.result')) return;
    probe.results = performance.now();
    observer.disconnect();
    const box = document.querySelector<HTMLInputElement>('#app .search-input');
    probe.kept = !!box && box.value === query && document.activeElement === box;
    setTimeout(() => {
      const pressed = performance.now();
      new MutationObserver((__, cards) => {
        if (!document.querySelector('.card-view .lens-card')) return;
        probe.card = performance.now() - pressed;
        cards.disconnect();
      }).observe(document, { childList: true, subtree: true });
      box?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    }, readMs);
  }).observe(document, { childList: true, subtree: true });
}

interface PageTimes {
  /** First contentful paint. */
  fcp: number;
  /** The cursor in the box: the first focus on an input. */
  focus: number;
  domContentLoaded: number;
  /** Popup only: the app took over the static box (mount.tsx's mark). */
  takeover: number;
  /** Popup only: the search artefact (or, before it, the fact base) evaluated, and names and aliases indexed. */
  indexLoaded: number;
  searchBuilt: number;
  /** Popup only: results for the query typed at focus are in the page. */
  results: number;
  textReady: number;
  /** Popup only: the query's text is in the app's box and the box has the focus, after the takeover. */
  kept: boolean;
  /** Popup only: Enter on the first result to its card on screen. */
  card: number;
}

interface PageStats {
  label: string;
  popup: boolean;
  paint: LatencyStats;
  focus: LatencyStats;
  domContentLoaded: LatencyStats;
  takeover: LatencyStats;
  indexLoaded: LatencyStats;
  searchBuilt: LatencyStats;
  results: LatencyStats;
  textReady: LatencyStats;
  card: LatencyStats;
  /** Opens where the typed query was in the app's box, focused, after the takeover. */
  kept: number;
  /** Per round, this page's first paint / the floor's in the same round; p50 and p95 of those. */
  ratio: LatencyStats;
}

interface PaintStats {
  runs: number;
  /** Load average (1, 5, 15 min) before and after. */
  loadBefore: number[];
  loadAfter: number[];
  /** The floor, the static shell, the popup, then the popups of the builds to compare with, if any. */
  pages: PageStats[];
}

/** The id Chromium gives an unpacked extension: the SHA-256 of its absolute path, first 32 hex digits as a-p. */
function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(dir).digest('hex').slice(0, 32);
  return [...hex].map((h) => String.fromCharCode(97 + parseInt(h, 16))).join('');
}

/**
 * Opens the built popup and the floor page in turn, `runs` times each (after one uncounted warm-up round, which starts
 * the extension's process and compiles its code), each in a new tab as the e2e tests do, and reads their timings,
 * all in ms from navigation start. With `compareDirs` (other chrome-mv3 builds, e.g. of an earlier commit) their popups
 * are opened in the same rounds, in the same browser. The order within a round rotates, so no page always follows
 * another's teardown. A toolbar click also creates the popup's window; that part is the browser's and is not measured
 * here (automation cannot click the toolbar).
 */
export async function measurePopupPaint(runs = 20, compareDirs: readonly string[] = []): Promise<PaintStats> {
  const { mkdtempSync, cpSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join, resolve } = await import('node:path');
  const { extensionDir, findBrowser } = await import('../../automation/browsers');
  const { launchChromium } = await import('../../automation/chromium');
  const { pageExpression } = await import('../../automation/lens-browser');
  const loadBefore = loadavg();
  // Copies of the builds, with the floor page added to the first: the builds themselves are left as they are.
  const tmp = mkdtempSync(join(tmpdir(), 'lens-paint-'));
  const dirs = [extensionDir('chromium'), ...compareDirs.map((d) => resolve(d))].map((from, i) => {
    const to = join(tmp, `build-${i}`);
    cpSync(from, to, { recursive: true });
    return to;
  });
  writeFileSync(join(dirs[0]!, FLOOR_PAGE), FLOOR_HTML);
  writeFileSync(join(dirs[0]!, STATIC_PAGE), staticShell(readFileSync(join(dirs[0]!, 'popup.html'), 'utf8')));
  // Chromium takes a comma-separated list for both flags launchChromium passes.
  const lens = await launchChromium({ extensionDir: dirs.join(','), executablePath: findBrowser('chromium') });
  await lens.context.addInitScript(
    pageExpression(paintProbe as (arg: never) => unknown, { query: PAINT_QUERY, readMs: READ_RESULTS_MS }),
  );
  const [ours, ...others] = dirs.map((d) => `chrome-extension://${unpackedExtensionId(d)}`);
  const targets = [
    { label: 'floor (bare extension page)', url: `${ours}/${FLOOR_PAGE}`, popup: false },
    { label: "popup.html's static shell, no script", url: `${ours}/${STATIC_PAGE}`, popup: false },
    { label: 'popup (this build)', url: `${ours}/popup.html`, popup: true },
    ...others.map((o, i) => ({ label: `popup (${compareDirs[i]})`, url: `${o}/popup.html`, popup: true })),
  ];

  const open = async (url: string, popup: boolean): Promise<PageTimes> => {
    const tab = await lens.context.newPage();
    try {
      await tab.goto(url, { waitUntil: 'load' });
      const read = () => {
        // The page's own performance (this function runs in the page), not node:perf_hooks'.
        const perf = globalThis.performance as unknown as Performance;
        const fcp = perf.getEntriesByName('first-contentful-paint')[0]?.startTime;
        const probe = (
          window as unknown as { __lensProbe: { focus: number; results: number; kept: boolean; card: number } }
        ).__lensProbe;
        const nav = perf.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        const d = document.documentElement.dataset;
        return {
          fcp: fcp ?? -1,
          focus: probe.focus,
          domContentLoaded: nav?.domContentLoadedEventEnd ?? -1,
          takeover: Number(d.takeover ?? -1),
          // PopupApp's performance marks (lens-factbase-loaded: builds before the search artefact).
          indexLoaded:
            (perf.getEntriesByName('lens-index-loaded')[0] ?? perf.getEntriesByName('lens-factbase-loaded')[0])
              ?.startTime ?? -1,
          searchBuilt: perf.getEntriesByName('lens-search-built')[0]?.startTime ?? -1,
          results: probe.results,
          textReady: Number(d.textReady ?? -1),
          kept: probe.kept,
          card: probe.card,
        };
      };
      const done = (t: PageTimes) =>
        t.fcp >= 0 &&
        t.focus >= 0 &&
        (!popup || (t.results >= 0 && t.textReady >= 0 && t.domContentLoaded >= 0 && t.card >= 0));
      const readNow = async () =>
        (await tab.evaluate(pageExpression(read as (arg: never) => unknown, null))) as PageTimes;
      let t = await readNow();
      const started = Date.now();
      while (!done(t) && Date.now() - started < 30_000) {
        await new Promise((r) => setTimeout(r, 50));
        t = await readNow();
      }
      if (!done(t)) throw new Error(`${url} did not finish: ${JSON.stringify(t)}`);
      return t;
    } finally {
      await tab.close();
    }
  };

  const times: PageTimes[][] = targets.map(() => []);
  try {
    for (let i = 0; i <= runs; i++) {
      const round: PageTimes[] = [];
      for (let k = 0; k < targets.length; k++) {
        const j = (i + k) % targets.length;
        round[j] = await open(targets[j]!.url, targets[j]!.popup);
      }
      if (i > 0) round.forEach((t, j) => times[j]!.push(t));
    }
  } finally {
    await lens.close();
    rmSync(tmp, { recursive: true, force: true });
  }
  const floor = times[0]!;
  const pages = targets.map(({ label, popup }, j): PageStats => {
    const of = (key: keyof PageTimes) => stats(times[j]!.map((t) => Number(t[key])));
    return {
      label,
      popup,
      paint: of('fcp'),
      focus: of('focus'),
      domContentLoaded: of('domContentLoaded'),
      takeover: of('takeover'),
      indexLoaded: of('indexLoaded'),
      searchBuilt: of('searchBuilt'),
      results: of('results'),
      textReady: of('textReady'),
      card: of('card'),
      kept: times[j]!.filter((t) => t.kept).length,
      ratio: stats(times[j]!.map((t, r) => t.fcp / floor[r]!.fcp)),
    };
  });
  return { runs, loadBefore, loadAfter: loadavg(), pages };
}

export function formatPaintTable(p: PaintStats): string {
  const n = (v: number) => (v < 0 || Number.isNaN(v) ? '—' : v.toFixed(0)).padStart(5);
  const cell = (s: LatencyStats) => `${n(s.p50)} ${n(s.p95)}`;
  const row = (label: string, pick: (s: PageStats) => LatencyStats) =>
    `${label.padEnd(38)} ${p.pages.map((s) => `| ${cell(pick(s))} `).join('')}`;
  const floor = p.pages[0]!;
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  return [
    `Chromium, ${p.runs} rounds; each round opens every page below once, in a new tab, in rotating order.`,
    ...p.pages.map((s, i) => `  [${i}] ${s.label}`),
    `ms from navigation start, p50 p95         ${p.pages.map((_, i) => `|   [${i}]     `).join('')}`,
    row('first contentful paint', (s) => s.paint),
    row('cursor in the box (first focus)', (s) => s.focus),
    row('DOMContentLoaded', (s) => s.domContentLoaded),
    row('app took over the static box', (s) => s.takeover),
    row('search data evaluated', (s) => s.indexLoaded),
    row('names and aliases indexed', (s) => s.searchBuilt),
    row(`results for "${PAINT_QUERY}" typed at focus`, (s) => s.results),
    row('summaries and quotes searchable', (s) => s.textReady),
    row(`Enter (${READ_RESULTS_MS} ms after results): card in`, (s) => s.card),
    ...p.pages
      .slice(1)
      .map(
        (s, i) =>
          `[${i + 1}] first paint / floor's in the same round: p50 ${s.ratio.p50.toFixed(2)}, p95 ${s.ratio.p95.toFixed(2)}; ` +
          `minus floor at p50: ${(s.paint.p50 - floor.paint.p50).toFixed(0)} ms` +
          (s.popup ? `; typed text kept, focused, after the takeover: ${s.kept}/${p.runs}` : ''),
      ),
    `issue 6 floor: first paint within 100 ms. machine: ${cpus().length} cores, load average ${load(p.loadBefore)} before, ${load(p.loadAfter)} after`,
  ].join('\n');
}

interface FirefoxPaintStats {
  runs: number;
  load: number[];
  /** First contentful paint of the floor, the static shell and the popup; the popup's search-ready marks. */
  floor: LatencyStats;
  shell: LatencyStats;
  popup: LatencyStats;
  ratio: LatencyStats;
  searchReady: LatencyStats;
  textReady: LatencyStats;
  /** Opens where the popup's box had the focus once it had loaded. */
  focused: number;
}

/**
 * The same three pages in Firefox (through the e2e harness: puppeteer over WebDriver BiDi), fewer figures: BiDi
 * runs no script in extension pages before their own, so there is no typing at focus and no focus time, only first
 * paint, the popup's own ready marks, and whether the box had the focus.
 */
async function measureFirefoxPaint(runs = 20): Promise<FirefoxPaintStats> {
  const { mkdtempSync, cpSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { extensionDir, findBrowser } = await import('../../automation/browsers');
  const { launchFirefox } = await import('../../automation/firefox');
  const { waitInPage } = await import('../../automation/lens-browser');
  type PageName = Parameters<Awaited<ReturnType<typeof launchFirefox>>['openExtensionPage']>[0];
  const dir = join(mkdtempSync(join(tmpdir(), 'lens-paint-ff-')), 'build');
  cpSync(extensionDir('firefox'), dir, { recursive: true });
  writeFileSync(join(dir, FLOOR_PAGE), FLOOR_HTML);
  writeFileSync(join(dir, STATIC_PAGE), staticShell(readFileSync(join(dir, 'popup.html'), 'utf8')));
  const lens = await launchFirefox({ extensionDir: dir, executablePath: findBrowser('firefox') });
  const pages = [FLOOR_PAGE, STATIC_PAGE, 'popup.html'] as const;
  const fcp: number[][] = pages.map(() => []);
  const searchReady: number[] = [];
  const textReady: number[] = [];
  let focused = 0;
  try {
    for (let i = 0; i <= runs; i++)
      for (let k = 0; k < pages.length; k++) {
        const j = (i + k) % pages.length;
        const page = await lens.openExtensionPage(pages[j] as PageName);
        const popup = pages[j] === 'popup.html';
        const t = await waitInPage(
          page,
          (popup) => {
            const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
            const d = document.documentElement.dataset;
            if (paint === undefined || (popup && !d.textReady)) return null;
            const focus = document.activeElement?.classList.contains('search-input') ?? false;
            return { paint, search: Number(d.searchReady ?? -1), text: Number(d.textReady ?? -1), focus };
          },
          `${pages[j]} to paint`,
          30_000,
          popup,
        );
        await page.close();
        if (i === 0) continue;
        fcp[j]!.push(t.paint);
        if (!popup) continue;
        searchReady.push(t.search);
        textReady.push(t.text);
        if (t.focus) focused++;
      }
  } finally {
    await lens.close();
    rmSync(join(dir, '..'), { recursive: true, force: true });
  }
  return {
    runs,
    load: loadavg(),
    floor: stats(fcp[0]!),
    shell: stats(fcp[1]!),
    popup: stats(fcp[2]!),
    ratio: stats(fcp[2]!.map((p, r) => p / fcp[0]![r]!)),
    searchReady: stats(searchReady),
    textReady: stats(textReady),
    focused,
  };
}

function formatFirefoxPaintTable(p: FirefoxPaintStats): string {
  const cell = (s: LatencyStats) => `${s.p50.toFixed(0).padStart(5)} ${s.p95.toFixed(0).padStart(5)}`;
  return [
    `Firefox, ${p.runs} rounds, ms from navigation start     p50   p95`,
    `first contentful paint, floor (bare page)      ${cell(p.floor)}`,
    `first contentful paint, static shell           ${cell(p.shell)}`,
    `first contentful paint, popup                  ${cell(p.popup)}`,
    `popup: names and aliases searchable            ${cell(p.searchReady)}`,
    `popup: summaries and quotes searchable         ${cell(p.textReady)}`,
    `popup first paint / floor's in the same round: p50 ${p.ratio.p50.toFixed(2)}, p95 ${p.ratio.p95.toFixed(2)}; ` +
      `box focused once loaded: ${p.focused}/${p.runs}; load average ${p.load.map((l) => l.toFixed(2)).join(' ')}`,
  ].join('\n');
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (!process.argv.includes('--paint-only')) {
    const rows = runSearchBench({
      scale: Number(argValue('--scale') ?? 50),
      rounds: Number(argValue('--rounds') ?? 5),
      fuseOnly: !process.argv.includes('--no-fuse-only'),
    });
    console.log(formatSearchTable(rows));
  }
  if (process.argv.includes('--paint-firefox'))
    console.log('\n' + formatFirefoxPaintTable(await measureFirefoxPaint(Number(argValue('--paint-runs') ?? 20))));
  if (process.argv.includes('--paint'))
    console.log(
      '\n' +
        formatPaintTable(
          await measurePopupPaint(
            Number(argValue('--paint-runs') ?? 20),
            argValue('--paint-compare')?.split(',') ?? [],
          ),
        ),
    );
}
