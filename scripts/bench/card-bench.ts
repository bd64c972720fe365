/**
 * Hover-card speed in the built extension (Chromium), measured from outside the product: from the end of the dwell
 * (the pointer's last move, as the page saw it, plus the dwell) to the first animation frame with the card on screen,
 * and to the first with the full card (a placeholder may come first), read by a probe the bench puts in the page, not
 * by the product's own timestamps. With the background warm, and with every service worker just stopped (as Chromium
 * does to idle workers). The baseline, measured in the same run on the same page at the same points, hover for hover:
 * a floor extension whose content script shows a plain box with text from its background after the same dwell
 * (scripts/bench/card-floor-extension.ts). Also the layout shift the page records while cards open (it must stay 0).
 *
 *   npm run build:test && npx tsx scripts/bench/card-bench.ts
 *   (LENS_CARD_SAMPLES marks per condition, default 5, at most ~7 on the fixture page, since every sample needs a
 *   mark not hovered before: the page caches details it has seen)
 *
 * `runCardBench` and `formatCardBench` are exported for an overall `npm run bench`. A hover with no card fails the run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { findBrowser, launchLensBrowser } from '../../automation/browsers';
import { launchChromiumContext } from '../../automation/chromium';
import { pageExpression, sleep, type LensPage } from '../../automation/lens-browser';
import { startStaticServer } from '../../automation/static-server';
import { GRACE_MS } from '../../lib/hover/machine';
import { DEFAULT_DWELL_MS } from '../../lib/settings/settings';
import { FLOOR_CARD_HOST, writeCardFloorExtension } from './card-floor-extension';

/** The budget: a card on screen within 50 ms of the dwell ending, warm or cold. */
const CARD_BUDGET_MS = 50;

interface CardSample {
  text: string;
  /** Dwell end → first animation frame with a card on screen (the placeholder when the details were late). */
  onScreenMs: number;
  /** Dwell end → first animation frame with the full card. */
  completeMs: number;
}

type Condition = 'warm' | 'cold';

interface CardBenchResult {
  browser: string;
  ours: Record<Condition, CardSample[]>;
  floor: Record<Condition, CardSample[]>;
  /** Sum of layout-shift values of the page's own elements while our cards opened and closed (must be 0). */
  layoutShift: number;
  /** The same for the card's own elements (a visible card moving, e.g. growing while placed above its mark). */
  cardShift: number;
  coldWorkerStopped: boolean;
}

interface CardBenchOptions {
  /** Marks hovered per condition (distinct entities, so the page's details cache never answers). */
  samples?: number;
  /** The fixture page, relative to tests/e2e/fixtures. */
  path?: string;
}

/**
 * The probe, registered before the page's first script: the last trusted pointer move's time, and a watcher that
 * notes the first animation frame showing a card (ours or the floor's: a shown child of the host's shadow root with
 * a laid-out card in it) and the first showing it complete (no loading placeholder). Plus a layout-shift observer.
 */
const PROBE = (floorHost: string) => {
  const w = window as unknown as { __cardProbe?: unknown };
  if (w.__cardProbe) return;
  const probe = { move: 0, shownAt: 0, completeAt: 0, shift: 0, cardShift: 0, watch: () => undefined as void };
  w.__cardProbe = probe;
  addEventListener('pointermove', (e) => e.isTrusted && (probe.move = e.timeStamp), true);
  const hosts = `lens-card-host, ${floorHost}`;
  const state = () => {
    for (const host of document.querySelectorAll(hosts)) {
      const root = host.shadowRoot;
      if (!root) continue;
      for (const el of root.children) {
        const card = (el as HTMLElement).hidden ? null : el.firstElementChild;
        if (card && card.getBoundingClientRect().height > 0)
          return root.querySelector('.lens-loading') ? 'placeholder' : 'complete';
      }
    }
    return null;
  };
  probe.watch = () => {
    probe.shownAt = 0;
    probe.completeAt = 0;
    const tick = () => {
      const s = state();
      if (s && !probe.shownAt) probe.shownAt = performance.now();
      if (s === 'complete') probe.completeAt = performance.now();
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };
  const ours = (node: Node | null) => {
    const root = node?.getRootNode() as ShadowRoot | undefined;
    return node?.nodeName === 'LENS-CARD-HOST' || root?.host?.nodeName === 'LENS-CARD-HOST';
  };
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const shift = entry as unknown as { value: number; sources?: { node: Node | null }[] };
        const sources = shift.sources ?? [];
        if (sources.length && sources.every((s) => ours(s.node))) probe.cardShift += shift.value;
        else probe.shift += shift.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  } catch {
    // No layout-shift entries in this browser: reported as 0.
  }
};

interface Probe {
  move: number;
  shownAt: number;
  completeAt: number;
  shift: number;
  cardShift: number;
}

const readProbe = (page: Page) => page.evaluate('({ ...window.__cardProbe, watch: undefined })') as Promise<Probe>;

interface MarkPoint {
  text: string;
  x: number;
  y: number;
}

/** Marks in the viewport, one per distinct text, for hovering (a point near each one's start). */
const VISIBLE_MARKS = `(() => {
  const seen = new Set();
  const out = [];
  for (const [name, h] of CSS.highlights ?? []) {
    if (!name.startsWith('lens-mention')) continue;
    for (const r of h) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      const b = range.getClientRects()[0];
      const text = range.toString().replace(/\\s+/g, ' ');
      if (!b || seen.has(text) || b.top < 40 || b.bottom > innerHeight - 40) continue;
      seen.add(text);
      out.push({ text, x: b.left + Math.min(b.width / 2, 12), y: b.top + b.height / 2 });
    }
  }
  return out;
})()`;

/** Rests the pointer on `mark` (from a blank point) and times the card from outside; null when none came. */
async function hoverAndTime(page: Page, mark: MarkPoint, blank: { x: number; y: number }): Promise<CardSample | null> {
  await page.evaluate('window.__cardProbe.watch()');
  await page.mouse.move(mark.x, mark.y);
  const deadline = Date.now() + 10_000;
  let probe = await readProbe(page);
  while (!probe.completeAt && Date.now() < deadline) {
    await sleep(50);
    probe = await readProbe(page);
  }
  await page.mouse.move(blank.x, blank.y);
  await sleep(GRACE_MS + 400); // past the grace period: the card closes
  if (!probe.completeAt) return null;
  const dwellEnd = probe.move + DEFAULT_DWELL_MS;
  return { text: mark.text, onScreenMs: probe.shownAt - dwellEnd, completeMs: probe.completeAt - dwellEnd };
}

/** A tab on the fixture page with the probe in it, and a DevTools session to stop service workers. */
async function openProbedTab(context: BrowserContext, open: () => Promise<Page>) {
  await context.addInitScript(pageExpression(PROBE as (arg: never) => unknown, FLOOR_CARD_HOST));
  const page = await open();
  await page.waitForLoadState('load');
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  return { page, cdp };
}

export async function runCardBench(options: CardBenchOptions = {}): Promise<CardBenchResult> {
  const samples = options.samples ?? (Number(process.env.LENS_CARD_SAMPLES) || 5);
  const server = await startStaticServer();
  const dir = mkdtempSync(join(tmpdir(), 'lens-card-floor-'));
  const closers: (() => Promise<unknown>)[] = [];
  try {
    const url = server.url(options.path ?? '/cards-news.html');
    const lens = await launchLensBrowser('chromium');
    closers.push(() => lens.close());
    const floorContext = await launchChromiumContext({
      extensionDir: writeCardFloorExtension(dir, DEFAULT_DWELL_MS, GRACE_MS),
      executablePath: findBrowser('chromium'),
    });
    closers.push(() => floorContext.close());
    let lensPage: LensPage | null = null;
    const ours = await openProbedTab(lens.context, async () => lens.pageOf((lensPage = await lens.openPage(url))));
    await lens.scanReport(lensPage!);
    const floor = await openProbedTab(floorContext, async () => {
      const page = await floorContext.newPage();
      await page.goto(url);
      return page;
    });
    const blank = { x: 8, y: ((await ours.page.evaluate('innerHeight')) as number) - 20 };
    // A reader moves the pointer over the page before resting on a name; that first move lets the content script
    // warm the card up at idle (page/hover-card.ts), as it would in real use.
    for (const tab of [ours, floor]) await tab.page.mouse.move(blank.x, blank.y);
    await sleep(1_000);
    // The same points on both pages (the marks are highlights: they change no layout).
    const marks = (await ours.page.evaluate(VISIBLE_MARKS)) as MarkPoint[];
    if (marks.length < samples * 2) throw new Error(`the page shows ${marks.length} marks, ${samples * 2} needed`);

    const result: CardBenchResult = {
      browser: 'chromium',
      ours: { warm: [], cold: [] },
      floor: { warm: [], cold: [] },
      layoutShift: 0,
      cardShift: 0,
      coldWorkerStopped: false,
    };
    let stopped = false;
    ours.cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions)
        if (v.scriptURL.startsWith('chrome-extension://') && v.runningStatus === 'stopped') stopped = true;
    });
    // Every hover must give a sample: a hover with no card is a failure to report, not a sample to drop.
    const missed: string[] = [];
    for (const [condition, list] of [
      ['warm', marks.slice(0, samples)],
      ['cold', marks.slice(samples, samples * 2)],
    ] as const)
      for (const mark of list)
        // Hover for hover, ours then the floor, so both see the same moment of a noisy machine.
        for (const [name, tab] of [
          ['ours', ours],
          ['floor', floor],
        ] as const) {
          if (condition === 'cold') {
            // Cold: stop the extension's service worker before the hover, as Chromium does after 30 s idle.
            stopped = false;
            await tab.cdp.send('ServiceWorker.stopAllWorkers');
            await sleep(300);
            if (name === 'ours') result.coldWorkerStopped ||= stopped;
          }
          const sample = await hoverAndTime(tab.page, mark, blank);
          if (sample) result[name][condition].push(sample);
          else missed.push(`${name} ${condition} "${mark.text}"`);
        }
    if (missed.length) throw new Error(`no card appeared for ${missed.length} hovers: ${missed.join(', ')}`);
    const probe = await readProbe(ours.page);
    result.layoutShift = probe.shift;
    result.cardShift = probe.cardShift;
    return result;
  } finally {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : NaN;
};
const max = (xs: number[]) => (xs.length ? Math.max(...xs) : NaN);
const f = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : 'NaN');
/** ours ÷ floor; both are ms after the same dwell end, so the dwell itself is not in either. */
const ratio = (ours: number, floor: number) => (floor > 0 ? `${(ours / floor).toFixed(2)}×` : 'NaN');

export function formatCardBench(r: CardBenchResult): string {
  const med = (xs: CardSample[], key: 'onScreenMs' | 'completeMs') => median(xs.map((x) => x[key]));
  const row = (condition: Condition) => {
    const ours = r.ours[condition];
    const floor = r.floor[condition];
    const label =
      condition === 'warm' ? 'background warm' : `service worker just stopped${r.coldWorkerStopped ? '' : ' (?)'}`;
    return [
      label.padEnd(30),
      String(ours.length).padStart(3),
      f(med(ours, 'onScreenMs')).padStart(10),
      f(max(ours.map((x) => x.onScreenMs))).padStart(8),
      f(med(ours, 'completeMs')).padStart(10),
      f(med(floor, 'completeMs')).padStart(10),
      ratio(med(ours, 'completeMs'), med(floor, 'completeMs')).padStart(8),
      String(ours.filter((x) => x.completeMs > x.onScreenMs).length).padStart(12),
    ].join(' ');
  };
  return [
    `Hover card, dwell end → card on screen, read in the page from outside (${r.browser}; budget ${CARD_BUDGET_MS} ms; load average ${loadavg()[0]!.toFixed(1)})`,
    `baseline: a floor extension showing a plain box with its background's text after the same dwell, same points, hover for hover`,
    `${'condition'.padEnd(30)}   n  on screen    max  full card  floor card  ÷ floor  placeholder`,
    row('warm'),
    row('cold'),
    `medians in ms; "full card" and "floor card" are the first frames with the complete card; ÷ floor compares them`,
    `layout shift while cards opened: page ${r.layoutShift.toFixed(4)}, card itself ${r.cardShift.toFixed(4)} (CLS units; 0 = none)`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runCardBench()
    .then((r) => console.log(formatCardBench(r)))
    .catch((err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    });
}
