/**
 * What the extension costs a page that is only read, measured from outside: the page's main-thread time in Chromium's
 * own trace (every renderer process that hosted one of its frames), with our extension minus without any, beside the
 * same for a floor extension (scripts/bench/floor-extension.ts: a content script that only walks the text once).
 * Browsers are launched through automation/, as every test launches them. Loads of the set-ups are interleaved and each
 * figure is a median. Then, with ours only: the time from the end
 * of the dwell to the card on screen, for the first card after a page load, later cards, and the keyboard shortcut,
 * read in the page from the pointer's and key's own event times and the first animation frame showing the card with
 * its details (a placeholder shown while they are on the way does not count). The shortcut's three keys are sent
 * together (LensPage.chord), so "in one go" means the same few milliseconds between Alt and M in every run.
 *
 * The page cost is that of the production build (what a reader installs): the test build also announces a scan report
 * to the page after every scan (page/report-event.ts), work no reader's browser does. The card timings need the test
 * build (its card-timing events).
 *
 *   npm run build && npm run build:test && npx tsx scripts/bench/scan-bench.ts   (LENS_PAGE_LOADS: loads per set-up and page, default 5;
 *   LENS_SCAN_BENCH_PARTS=cost or cards: one part only; LENS_BROWSERS=chromium: the card timings in one browser;
 *   LENS_SCAN_BENCH_PAGES=article,article-ads,corpus,quiet: the cost part on these pages only, so that a before-and-after
 *   run of one page fits an exclusive slot's few minutes: four set-ups on all three pages take about five at 3 loads)
 *
 * Firefox: no trace is open to automation (no CDP since Firefox 129; WebDriver BiDi has no tracing or performance
 * domain) and it has no Long Tasks API, so page cost is Chromium only there; the card timings, read in the page, are
 * taken in Firefox too. Exits non-zero when a measure could not be taken.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { browsersUnderTest, extensionDir, findBrowser, PROJECT_ROOT } from '../../automation/browsers';
import { launchChromium, launchChromiumContext } from '../../automation/chromium';
import { launchFirefox } from '../../automation/firefox';
import { startStaticServer, type StaticServer } from '../../automation/static-server';
import {
  pageExpression,
  sleep,
  type BrowserName,
  type LensBrowser,
  type LensPage,
} from '../../automation/lens-browser';
import { DEFAULT_DWELL_MS } from '../../lib/settings/settings';
import { NEXT_MENTION_KEY } from '../../page/keyboard-nav';
import { CORPUS_DIR } from '../build-factbase';
import { writeFloorExtension } from './floor-extension';
import { mainThreadBusy, type TraceEvent } from './trace-main-thread';

/** The budgets: within this factor of the floor, and a card on screen this soon after the dwell. */
const FLOOR_FACTOR_BUDGET = 2;
const CARD_BUDGET_MS = 50;
const AD_FRAMES = 10;
/**
 * How long a person holds Alt and Shift before pressing the shortcut's M (a chord typed in one go: keys of one chord
 * go down some 100-200 ms apart); the first shortcut's card is timed from the M, as always.
 */
const CHORD_LEAD_MS = 120;
/**
 * `before`: another build of ours measured in the same run, for before/after figures (LENS_BASELINE_BUILD: a folder
 * holding its test build's chrome-mv3 and firefox-mv2 for the card timings, and its production build's chrome-mv3 in
 * `production/` for the page cost).
 */
type Setup = 'bare' | 'floor' | 'message floor' | 'before' | 'ours';
const BASELINE_BUILD = process.env.LENS_BASELINE_BUILD;
const SETUPS: readonly Setup[] = BASELINE_BUILD
  ? ['bare', 'floor', 'message floor', 'before', 'ours']
  : ['bare', 'floor', 'message floor', 'ours'];

interface BenchPage {
  name: string;
  path: string;
  /** Long enough after `load` for our scan and paint to finish; idle time is not counted, so it only has to be enough. */
  settleMs: number;
  frames: number;
  /** Whether the page names anything the fact base knows (a page that names nothing must get no marks). */
  names: boolean;
}

interface PageCostRow {
  page: string;
  frames: number;
  /** Median main-thread ms per set-up, over every process that hosted the page's frames. */
  busyMs: Record<Setup, number>;
  /** Median main-thread ms of the ad frames' process alone (the page with iframes). */
  adFramesMs?: Record<Setup, number>;
  /** Longest task on the page's main threads, median over loads. */
  longestTaskMs: Record<Setup, number>;
  /** Median CPU ms of the tasks in which the extension's script ran (see trace-main-thread.ts). */
  extensionMs: Record<Setup, number>;
  loads: number;
}

interface CardRow {
  browser: BrowserName;
  /** Which build: ours, or the baseline build (LENS_BASELINE_BUILD). */
  build: 'ours' | 'before';
  case: string;
  /** ms from the dwell's end (or the key press) to the first animation frame with the card in it. */
  samples: number[];
}

interface PageCostResult {
  rows: PageCostRow[];
  cards: CardRow[];
  /** What could not be measured; the command exits non-zero when this is not empty. */
  missing: string[];
}

/** The first ~1,000 words of the demo news article, as a static page. */
function articleBody(): string {
  const html = readFileSync(join(PROJECT_ROOT, 'data', 'demo', 'article.html'), 'utf8');
  const paragraphs = [...html.matchAll(/<(p|h1|h2)[^>]*>([\s\S]*?)<\/\1>/g)].map(
    (m) =>
      [
        m[1]!,
        m[2]!
          .replace(/<[^>]+>/g, '')
          .replace(/\s+/g, ' ')
          .trim(),
      ] as const,
  );
  const out: string[] = [];
  let words = 0;
  for (const [tag, text] of paragraphs) {
    if (words >= 1_000) break;
    words += text.split(/\s+/).length;
    out.push(`<${tag}>${escapeHtml(text)}</${tag}>`);
  }
  return out.join('\n');
}

/**
 * About 1,000 words of a garden column that names nothing the fact base knows (no place, person or body: checked by
 * the bench itself, which counts the marks our extension paints there), in paragraphs of varied length.
 */
function quietBody(): string {
  const sentences = QUIET_SENTENCES;
  const out = ['<h1>What the garden asks of us in the cold months</h1>'];
  let words = 0;
  for (let p = 0; words < 1_000; p++) {
    const length = 3 + (p % 4);
    const picked = Array.from({ length }, (_, i) => sentences[(p * 5 + i * 3) % sentences.length]!);
    words += picked.join(' ').split(/\s+/).length;
    out.push(`<p>${escapeHtml(picked.join(' '))}</p>`);
  }
  return out.join('\n');
}

const QUIET_SENTENCES = [
  'The soil stays workable until the first hard frost, so there is still time to lift the last of the potatoes.',
  'Mulch the beds with shredded leaves rather than bare bark, which robs the top layer of nitrogen as it rots.',
  'A cold frame made of old windows will keep lettuce going for weeks longer than anyone expects.',
  'Garlic cloves go in now, pointed end up, about a hand deep and a hand apart.',
  'Prune the roses only lightly before winter; the hard cut waits until the buds begin to swell in spring.',
  'Rainwater barrels should be emptied and turned over before the nights drop below freezing.',
  'If the lawn is still growing, give it one last high cut and leave the clippings where they fall.',
  'Compost heaps slow down in the cold, but turning them once a month keeps the middle warm.',
  'Tender herbs such as basil will not survive outside, while thyme and sage shrug off a light frost.',
  'Clean and oil the tools before they go into the shed, or the rust will be waiting for you in the spring.',
  'Birds will thank you for the seed heads left standing on the sunflowers and the teasels.',
  'Bulbs planted in pots can sit in a sheltered corner and be brought to the doorstep when they flower.',
  'Our reader asked whether coffee grounds help the blueberries; a little does no harm, but it is no cure for chalk.',
  'The greenhouse glass needs a wash to let in what little light the short days give.',
  'Leeks and parsnips taste sweeter after the frost has touched them, so there is no hurry to dig them up.',
  'Netting over the brassicas keeps the pigeons off when other food runs short.',
];

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function pageHtml(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:17px/1.6 Georgia,serif;max-width:44rem;margin:2rem auto;padding:0 1rem}iframe{display:block;border:0;margin:1rem 0}</style>
</head><body><nav><a href="#">World</a> · <a href="#">Business</a> · <a href="#">Opinion</a></nav><article>
${body}
</article><footer>© The Daily Example</footer></body></html>`;
}

/** A small display ad: a label, a picture box, a line of copy and a button, naming nothing the fact base knows. */
const AD_HTML = `<!doctype html><html><head><meta charset="utf-8"><style>
body{margin:0;font:13px sans-serif;background:#fafafa}.pic{height:150px;background:linear-gradient(#8ac,#cde)}
small{color:#888}button{margin:6px;padding:4px 10px}</style></head><body>
<small>Advertisement</small><div class="pic"></div><p><b>Summer sale:</b> 20% off running shoes this week only.</p>
<button type="button">Shop now</button></body></html>`;

export function writePages(dir: string, server: StaticServer): BenchPage[] {
  const article = articleBody();
  const port = new URL(server.origin).port;
  // Cross-site, as ads are: another host name for the same server, so each ad runs in its own site's process.
  const ad = (i: number) =>
    `<iframe src="http://localhost:${port}/ad.html?slot=${i}" width="300" height="250" title="Advertisement"></iframe>`;
  const parts = article.split('\n');
  const withAds = parts.map((p, i) => (i > 0 && i % Math.ceil(parts.length / AD_FRAMES) === 0 ? `${ad(i)}\n${p}` : p));
  let placed = withAds.filter((p) => p.startsWith('<iframe')).length;
  while (placed < AD_FRAMES) withAds.push(ad(100 + placed++));
  const corpus = readFileSync(join(CORPUS_DIR, '003_0e9e0b34be52310f.txt'), 'utf8')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n');
  writeFileSync(join(dir, 'article.html'), pageHtml('A 1,000-word article', article));
  writeFileSync(join(dir, 'article-ads.html'), pageHtml('The article with ten ad frames', withAds.join('\n')));
  writeFileSync(join(dir, 'ad.html'), AD_HTML);
  writeFileSync(join(dir, 'corpus.html'), pageHtml('Corpus 003, the largest document', corpus));
  writeFileSync(join(dir, 'quiet.html'), pageHtml('A 1,000-word article that names nothing', quietBody()));
  return [
    { name: 'article, 1,000 words', path: '/article.html', settleMs: 2_000, frames: 1, names: true },
    {
      name: `article + ${AD_FRAMES} ad frames`,
      path: '/article-ads.html',
      settleMs: 2_500,
      frames: 1 + AD_FRAMES,
      names: true,
    },
    { name: 'corpus 003 (170 KB)', path: '/corpus.html', settleMs: 4_000, frames: 1, names: true },
    // Most pages a reader opens name nothing the fact base knows: what the lens costs there (issue 17).
    { name: '1,000 words naming nothing', path: '/quiet.html', settleMs: 2_000, frames: 1, names: false },
  ];
}

/** A Chromium with one extension (ours, the floor, the baseline build) or none, the way every test launches one. */
export function launchChromiumWith(extension: string | null): Promise<BrowserContext> {
  return launchChromiumContext({ extensionDir: extension, executablePath: findBrowser('chromium') });
}

// v8.execute: the microtask checkpoints in which an extension's awaited code resumes (trace-main-thread.ts).
const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  '__metadata',
];

/**
 * Loads `url` in a new tab under a trace of `categories` (default: the main thread's tasks) and returns the trace's
 * events once `settleMs` have passed after `load`.
 */
export async function tracedLoad(
  context: BrowserContext,
  url: string,
  settleMs: number,
  check?: (tab: Page) => Promise<void>,
  categories: readonly string[] = TRACE_CATEGORIES,
): Promise<TraceEvent[]> {
  const tab = await context.newPage();
  try {
    const cdp = await context.newCDPSession(tab);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.start', {
      transferMode: 'ReportEvents',
      traceConfig: { includedCategories: [...categories], excludedCategories: ['*'] },
    });
    await tab.goto(url, { waitUntil: 'load' });
    await tab.waitForTimeout(settleMs);
    await cdp.send('Tracing.end');
    await complete;
    await check?.(tab);
    return events;
  } finally {
    await tab.close();
  }
}

/** How many marks the top frame shows (the highlight registry is the page's own). */
function markCount(): number {
  let n = 0;
  for (const [name, h] of CSS.highlights ?? []) if (name.startsWith('lens-mention')) n += h.size;
  return n;
}
const MARK_COUNT = pageExpression(markCount, null);

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : Number.NaN;
};

async function measurePageCost(
  server: StaticServer,
  pages: BenchPage[],
  dirs: Partial<Record<Setup, string | null>>,
  loads: number,
  missing: string[],
): Promise<PageCostRow[]> {
  const contexts = {} as Record<Setup, BrowserContext>;
  for (const s of SETUPS) contexts[s] = await launchChromiumWith(dirs[s] ?? null);
  const isPage = (url: string) => url.startsWith(server.origin) || url.startsWith('http://localhost:');
  const isAd = (url: string) => url.startsWith('http://localhost:');
  type Sample = { busy: number; ads: number; longest: number; ext: number };
  const samples = pages.map(
    () => Object.fromEntries(SETUPS.map((s) => [s, [] as Sample[]])) as Record<Setup, Sample[]>,
  );
  try {
    // One warm-up load per set-up and page (first compile, the background starting), then interleaved loads, the
    // set-ups' order rotated each time so none always runs first.
    for (let load = -1; load < loads; load++)
      for (const [p, page] of pages.entries())
        for (let k = 0; k < SETUPS.length; k++) {
          const setup = SETUPS[(k + load + 1) % SETUPS.length]!;
          const events = await tracedLoad(contexts[setup], server.url(page.path), page.settleMs, async (tab) => {
            if (setup !== 'ours' && setup !== 'before') return;
            const marks = await tab.evaluate<number>(MARK_COUNT);
            if (page.names && marks === 0) missing.push(`${page.name}: our extension painted no marks (load ${load})`);
            if (!page.names && marks > 0) missing.push(`${page.name}: ${setup} painted ${marks} marks (load ${load})`);
          });
          const processes = mainThreadBusy(events, isPage);
          if (!processes.length) {
            missing.push(`${page.name} (${setup}): the trace named no renderer process for the page`);
            continue;
          }
          if (page.frames > 1 && !processes.some((pr) => pr.urls.some(isAd)))
            missing.push(`${page.name} (${setup}): no process for the ad frames in the trace`);
          if (load < 0) continue;
          samples[p]![setup].push({
            busy: processes.reduce((n, pr) => n + pr.busyMs, 0),
            ads: processes.filter((pr) => pr.urls.every(isAd)).reduce((n, pr) => n + pr.busyMs, 0),
            longest: Math.max(...processes.map((pr) => pr.longestTaskMs)),
            ext: processes.reduce((n, pr) => n + pr.extensionMs, 0),
          });
        }
  } finally {
    for (const s of SETUPS) await contexts[s].close();
  }
  const pick = (xs: Record<Setup, Sample[]>, f: (s: Sample) => number) =>
    Object.fromEntries(SETUPS.map((s) => [s, median(xs[s].map(f))])) as Record<Setup, number>;
  return pages.map((page, p) => ({
    page: page.name,
    frames: page.frames,
    busyMs: pick(samples[p]!, (s) => s.busy),
    ...(page.frames > 1 ? { adFramesMs: pick(samples[p]!, (s) => s.ads) } : {}),
    longestTaskMs: pick(samples[p]!, (s) => s.longest),
    extensionMs: pick(samples[p]!, (s) => s.ext),
    loads: samples[p]!.ours.length,
  }));
}

/**
 * Page-side probe for card timings, installed once the page has loaded (before any pointer move or key press): the
 * last pointer move's and key press's event times, and a watcher resolving at the first animation frame whose card
 * host shows a card. Sent as source (LensPage.evaluate), so it closes over nothing.
 */
function installCardProbe(nextKey: string): void {
  type Probe = { move: number; key: number; alt: number; shownAt: number; opened: number; watch?: () => void };
  const probe: Probe = { move: 0, key: 0, alt: 0, shownAt: 0, opened: 0 };
  (window as unknown as { __lensProbe: Probe }).__lensProbe = probe;
  addEventListener('pointermove', (e) => (probe.move = e.timeStamp), true);
  addEventListener(
    'keydown',
    (e) => {
      if (e.code === nextKey) probe.key = e.timeStamp;
      if (e.key === 'Alt') probe.alt = e.timeStamp;
    },
    true,
  );
  // The test build's card timing (page/hover-timing.ts): when the card stage asked to open the card (for the first
  // shortcut, key press → that is the card stage's load).
  document.addEventListener('lens-card-shown', (e) => {
    const t = JSON.parse((e as CustomEvent<string>).detail) as { dwellEndedAt: number };
    if (!probe.opened) probe.opened = t.dwellEndedAt;
  });
  // The card itself, with its details: the placeholder shown while they are on the way (.lens-loading) is not the
  // card's first screen, and does not count.
  const visible = () => {
    const root = document.querySelector('lens-card-host')?.shadowRoot;
    if (!root) return false;
    for (const el of root.children) {
      const card = (el as HTMLElement).hidden ? null : el.firstElementChild;
      if (card && !card.classList.contains('lens-loading') && card.getBoundingClientRect().height > 0) return true;
    }
    return false;
  };
  probe.watch = () => {
    probe.shownAt = 0;
    probe.opened = 0;
    const tick = () => void (visible() ? (probe.shownAt = performance.now()) : requestAnimationFrame(tick));
    requestAnimationFrame(tick);
  };
}

/** Marks in the viewport, one per distinct text, with a point on each. */
function visibleMarks(): { text: string; x: number; y: number }[] {
  const seen = new Set<string>();
  const out: { text: string; x: number; y: number }[] = [];
  for (const [name, h] of CSS.highlights ?? []) {
    if (!name.startsWith('lens-mention')) continue;
    for (const r of h as unknown as Iterable<AbstractRange>) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      const b = range.getClientRects()[0];
      const text = range.toString();
      if (!b || seen.has(text) || b.top < 40 || b.bottom > innerHeight - 40) continue;
      seen.add(text);
      out.push({ text, x: b.left + Math.min(b.width / 2, 12), y: b.top + b.height / 2 });
    }
  }
  return out;
}

/** Reads of the probe, sent as source (so each names the page's global itself). */
type Probed = {
  __lensProbe: { move: number; key: number; alt: number; shownAt: number; opened: number; watch(): void };
};
const watchForCard = () => (window as unknown as Probed).__lensProbe.watch();
const cardShownAt = () => (window as unknown as Probed).__lensProbe.shownAt;
const lastMoveAt = () => (window as unknown as Probed).__lensProbe.move;
const lastKeyAt = () => (window as unknown as Probed).__lensProbe.key;
const lastAltAt = () => (window as unknown as Probed).__lensProbe.alt;
const openedAt = () => (window as unknown as Probed).__lensProbe.opened;

/** A page of the card bench: opened through automation/, loaded, with the probe in it. */
async function openProbed(lens: LensBrowser, url: string): Promise<LensPage> {
  const page = await lens.openPage(url);
  await page.evaluate(
    () => new Promise<void>((r) => (document.readyState === 'complete' ? r() : addEventListener('load', () => r()))),
  );
  await page.evaluate(installCardProbe, NEXT_MENTION_KEY);
  return page;
}

async function waitFor<T>(page: LensPage, read: () => T, timeoutMs: number): Promise<T | null> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await page.evaluate(read);
    if (value) return value;
    if (Date.now() > until) return null;
    await sleep(50);
  }
}

/** Dwell end → card on screen: the first card after a load, three later ones; and the shortcut on a fresh load. */
async function measureCards(
  lens: LensBrowser,
  url: string,
  loads: number,
  missing: string[],
): Promise<Omit<CardRow, 'build'>[]> {
  const browser = lens.name;
  const first: number[] = [];
  const later: number[] = [];
  const keyFirst: number[] = [];
  const keyFirstOpen: number[] = [];
  const chordSpread: number[] = [];
  const keyLater: number[] = [];
  const keyChord: number[] = [];
  const blank = { x: 4, y: 890 };
  const shown = (page: LensPage) => waitFor(page, cardShownAt, 5_000);
  for (let load = 0; load < loads; load++) {
    let page = await openProbed(lens, url);
    if (!(await waitFor(page, markCount, 10_000))) {
      missing.push(`cards (${browser}): no marks on the article`);
      await page.close();
      continue;
    }
    const marks = await page.evaluate(visibleMarks);
    await page.hover(blank.x, blank.y);
    await sleep(300);
    for (const [i, mark] of marks.slice(0, 4).entries()) {
      await page.evaluate(watchForCard);
      await page.hover(mark.x, mark.y);
      const at = await shown(page);
      if (at === null) {
        missing.push(`cards (${browser}): no card for "${mark.text}"`);
        continue;
      }
      const move = await page.evaluate(lastMoveAt);
      (i === 0 ? first : later).push(at - (move + DEFAULT_DWELL_MS));
      await page.hover(blank.x, blank.y);
      await sleep(800); // past the grace period
    }
    await page.close();
    // The shortcut pressed in one go, on a fresh load: its first card, then the next name's. The three keys are sent
    // together (LensPage.chord), so the M follows the Alt by the same few milliseconds every run (printed below).
    page = await openProbed(lens, url);
    if (await waitFor(page, markCount, 10_000))
      for (const list of [keyFirst, keyLater]) {
        await page.evaluate(watchForCard);
        await page.chord(['Alt', 'Shift', NEXT_MENTION_KEY]);
        const at = await shown(page);
        if (at === null) {
          missing.push(`cards (${browser}): no card for the shortcut`);
          break;
        }
        const key = await page.evaluate(lastKeyAt);
        list.push(at - key);
        const opened = await page.evaluate(openedAt);
        if (list === keyFirst && opened) keyFirstOpen.push(opened - key);
        if (list === keyFirst) chordSpread.push(key - (await page.evaluate(lastAltAt)));
        // Closed before the next press, so the watcher sees the next card arrive (Esc keeps the keyboard's place).
        await page.press('Escape');
        await sleep(300);
      }
    await page.close();
    // The shortcut as a person presses it, on a fresh load: Alt and Shift down first, the M CHORD_LEAD_MS later.
    page = await openProbed(lens, url);
    if (await waitFor(page, markCount, 10_000)) {
      await page.evaluate(watchForCard);
      await page.keyDown('Alt');
      await page.keyDown('Shift');
      await sleep(CHORD_LEAD_MS);
      await page.press(NEXT_MENTION_KEY);
      await page.keyUp('Shift');
      await page.keyUp('Alt');
      const at = await shown(page);
      if (at === null) missing.push(`cards (${browser}): no card for the shortcut pressed as a person does`);
      else keyChord.push(at - (await page.evaluate(lastKeyAt)));
    }
    await page.close();
  }
  return [
    { browser, case: 'first card after load (pointer)', samples: first },
    { browser, case: 'later cards (pointer)', samples: later },
    { browser, case: 'first card after load (Alt+Shift+M in one go)', samples: keyFirst },
    { browser, case: '  of which key → card stage opens it', samples: keyFirstOpen },
    { browser, case: '  (Alt → M in the chord, not a card time)', samples: chordSpread },
    { browser, case: `  Alt+Shift down ${CHORD_LEAD_MS} ms before M`, samples: keyChord },
    { browser, case: 'next card (Alt+Shift+M)', samples: keyLater },
  ];
}

export async function runPageCostBench(options: { loads?: number } = {}): Promise<PageCostResult> {
  const loads = options.loads ?? (Number(process.env.LENS_PAGE_LOADS) || 5);
  const dir = mkdtempSync(join(tmpdir(), 'lens-page-cost-'));
  const site = join(dir, 'site');
  mkdirSync(site);
  const server = await startStaticServer({ roots: [site] });
  const missing: string[] = [];
  try {
    const only = process.env.LENS_SCAN_BENCH_PAGES?.split(',')
      .map((name) => name.trim())
      .filter(Boolean);
    const written = writePages(site, server);
    const pageName = (page: BenchPage) => page.path.replace(/^\/|\.html$/g, '');
    for (const name of only ?? [])
      if (!written.some((page) => pageName(page) === name)) missing.push(`LENS_SCAN_BENCH_PAGES: no page ${name}`);
    const pages = only?.length ? written.filter((page) => only.includes(pageName(page))) : written;
    const dirs: Partial<Record<Setup, string | null>> = {
      bare: null,
      floor: writeFloorExtension(join(dir, 'floor-chromium'), 'chromium'),
      'message floor': writeFloorExtension(join(dir, 'message-floor-chromium'), 'chromium', { roundTrip: true }),
      ours: extensionDir('chromium', 'production'),
      ...(BASELINE_BUILD ? { before: join(BASELINE_BUILD, 'production', 'chrome-mv3') } : {}),
    };
    // LENS_SCAN_BENCH_PARTS=cards: the card timings only (while working on the card's path).
    const parts = process.env.LENS_SCAN_BENCH_PARTS ?? 'cost,cards';
    const rows = parts.includes('cost') ? await measurePageCost(server, pages, dirs, loads, missing) : [];
    const cards: CardRow[] = [];
    const builds = BASELINE_BUILD ? (['before', 'ours'] as const) : (['ours'] as const);
    for (const browser of parts.includes('cards') ? browsersUnderTest() : [])
      for (const build of builds) {
        const ext =
          build === 'ours'
            ? extensionDir(browser)
            : join(BASELINE_BUILD!, browser === 'chromium' ? 'chrome-mv3' : 'firefox-mv2');
        const launch = { extensionDir: ext, executablePath: findBrowser(browser) };
        const lens = browser === 'chromium' ? await launchChromium(launch) : await launchFirefox(launch);
        try {
          const rows = await measureCards(lens, server.url('/article.html'), loads, missing);
          cards.push(...rows.map((r) => ({ ...r, build })));
        } finally {
          await lens.close();
        }
      }
    for (const c of cards) if (!c.samples.length) missing.push(`cards (${c.browser}): no sample for ${c.case}`);
    return { rows, cards, missing };
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const f = (n: number | undefined) => (n !== undefined && Number.isFinite(n) ? n.toFixed(1) : '–');

function table(header: string[], lines: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [fmt(header), fmt(widths.map((w) => '-'.repeat(w))), ...lines.map(fmt)].join('\n');
}

export function formatPageCost(r: PageCostResult): string {
  const extensions = SETUPS.filter((x) => x !== 'bare');
  const cost = table(
    [
      'page (Chromium)',
      'set-up',
      'main thread +ms',
      '/floor',
      `≤${FLOOR_FACTOR_BUDGET}x`,
      '/msg floor',
      'per ad frame +ms',
      'script tasks ms',
      '/floor',
      '/msg floor',
      'longest task ms',
      'loads',
    ],
    r.rows.flatMap((row) => [
      // The bare browser's script tasks: none, as the pages run no script (what the script-task column relies on).
      [
        row.page,
        'bare',
        f(row.busyMs.bare),
        '',
        '',
        '',
        '',
        f(row.extensionMs.bare),
        '',
        '',
        f(row.longestTaskMs.bare),
        String(row.loads),
      ],
      ...extensions.map((x) => {
        const extra = row.busyMs[x] - row.busyMs.bare;
        const ratio = extra / (row.busyMs.floor - row.busyMs.bare);
        const messageRatio = extra / (row.busyMs['message floor'] - row.busyMs.bare);
        const scriptRatio = row.extensionMs[x] / row.extensionMs.floor;
        const scriptMessageRatio = row.extensionMs[x] / row.extensionMs['message floor'];
        const perFrame = row.adFramesMs ? (row.adFramesMs[x] - row.adFramesMs.bare) / (row.frames - 1) : Number.NaN;
        const floor = x === 'floor';
        const ours = x === 'ours' || x === 'before';
        return [
          '',
          x,
          f(extra),
          floor ? '' : `${ratio.toFixed(1)}x`,
          floor ? '' : ratio <= FLOOR_FACTOR_BUDGET ? 'yes' : 'no',
          ours ? `${messageRatio.toFixed(1)}x` : '',
          f(perFrame),
          f(row.extensionMs[x]),
          floor ? '' : `${scriptRatio.toFixed(1)}x`,
          ours ? `${scriptMessageRatio.toFixed(1)}x` : '',
          f(row.longestTaskMs[x]),
          '',
        ];
      }),
    ]),
  );
  const cards = table(
    [
      'card: dwell end (or key press) → on screen',
      'browser',
      'build',
      'n',
      'median ms',
      'max ms',
      `≤${CARD_BUDGET_MS} ms`,
    ],
    r.cards.map((c) => {
      const max = c.samples.length ? Math.max(...c.samples) : Number.NaN;
      return [
        c.case,
        c.browser,
        c.build,
        String(c.samples.length),
        f(median(c.samples)),
        f(max),
        max <= CARD_BUDGET_MS ? 'yes' : 'no',
      ];
    }),
  );
  const notes = [
    'Main-thread time: CPU time of the top-level tasks on the main thread of every renderer process that hosted the',
    "page or its frames (Chromium trace), from navigation to the page's settle time; +ms = minus the bare browser's.",
    'Floor: an extension whose content script only walks the text once; msg floor: the same walk, then the text in one',
    'runtime.sendMessage to a background that answers at once (the least a design that asks the background can cost).',
    "Script tasks: CPU time of the tasks in which the extension's own script ran (no page noise, but blind to what it",
    "causes outside its script, such as painting its marks). Per frame: the ad frames' process, minus bare, over the",
    'ten frames. CPU time, so a busy machine does not inflate them; the card timings are wall clock.',
    'Firefox: no main-thread trace is open to automation (no CDP, nothing in WebDriver BiDi, no Long Tasks API), so',
    'page cost is measured in Chromium only.',
  ];

  const missing = r.missing.length ? ['', 'NOT MEASURED:', ...r.missing.map((m) => `  ${m}`)] : [];
  return [cost, '', cards, '', ...notes, ...missing].join('\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await runPageCostBench();
  console.log(formatPageCost(result));
  // LENS_SCAN_BENCH_SAMPLES=1: every card sample too, to compare builds run by run.
  if (process.env.LENS_SCAN_BENCH_SAMPLES)
    for (const c of result.cards)
      console.log(`${c.browser} ${c.build} ${c.case.trim()}: ${c.samples.map(f).join(' ')}`);
  if (result.missing.length) process.exitCode = 1;
}
