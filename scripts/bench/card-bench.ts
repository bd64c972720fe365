/**
 * Hover-card speed in the built extension (Chromium): from the moment the dwell ends to the frame the card is painted
 * in, with the background warm and with its service worker just stopped (as Chromium does to idle workers), plus the
 * layout shift the page records while cards open (PerformanceObserver 'layout-shift'; it must stay 0).
 *
 *   npx wxt build && npx tsx scripts/bench/card-bench.ts
 *   (LENS_OUT_DIR picks another build folder; LENS_CARD_SAMPLES marks per condition, default 5, at most ~7 on the
 *   fixture page, since every sample needs a mark not hovered before)
 *
 * `runCardBench` and `formatCardBench` are exported for an overall `npm run bench`. Figures, not pass/fail.
 * The page side is the `lens-card-shown` event (page/hover-timing.ts), read by a listener in the page's world.
 */
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { launchLensBrowser } from '../../automation/browsers';
import { sleep, waitInPage, type LensPage } from '../../automation/lens-browser';
import { startStaticServer } from '../../automation/static-server';

/** The budget: a card on screen within 50 ms of the dwell ending, warm or cold. */
export const CARD_BUDGET_MS = 50;

export interface CardSample {
  entityId: string;
  /** Dwell end → first painted frame with a card in it (the placeholder when the details were late). */
  onScreenMs: number;
  /** Dwell end → painted frame with the full card. */
  completeMs: number;
  /** Dwell end → card rendered into the shadow root (before paint). */
  renderMs: number;
  /** Request → details from the background; hidden by the dwell unless it is longer. */
  detailsMs: number;
  placeholderFirst: boolean;
}

export interface CardBenchResult {
  browser: string;
  warm: CardSample[];
  cold: CardSample[];
  /** Sum of layout-shift values of the page's own elements while cards opened and closed (must be 0). */
  layoutShift: number;
  /** The same for the card's own elements (a visible card moving, e.g. growing while placed above its mark). */
  cardShift: number;
  coldWorkerStopped: boolean;
}

export interface CardBenchOptions {
  /** Marks hovered per condition (distinct entities, so the page's details cache never answers). */
  samples?: number;
  /** The fixture page, relative to tests/e2e/fixtures. */
  path?: string;
}

const PAGE_LISTENERS = () => {
  const w = window as unknown as { __lensCard?: { timings: string[]; shift: number; cardShift: number } };
  if (w.__lensCard) return true;
  const store = { timings: [] as string[], shift: 0, cardShift: 0 };
  w.__lensCard = store;
  document.addEventListener('lens-card-shown', (e) => store.timings.push(String((e as CustomEvent).detail)));
  const ours = (node: Node | null) => {
    const root = node?.getRootNode() as ShadowRoot | undefined;
    return node?.nodeName === 'LENS-CARD-HOST' || root?.host?.nodeName === 'LENS-CARD-HOST';
  };
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const shift = entry as unknown as { value: number; sources?: { node: Node | null }[] };
        const sources = shift.sources ?? [];
        if (sources.length && sources.every((s) => ours(s.node))) store.cardShift += shift.value;
        else store.shift += shift.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  } catch {
    // No layout-shift entries in this browser: reported as 0.
  }
  return true;
};

interface MarkPoint {
  text: string;
  x: number;
  y: number;
  key: string;
}

/** Marks in the viewport, one per distinct text, for hovering. */
function visibleMarks(page: LensPage): Promise<MarkPoint[]> {
  return page.evaluate(() => {
    const seen = new Set<string>();
    const out: MarkPoint[] = [];
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
        out.push({ text, x: b.left + Math.min(b.width / 2, 12), y: b.top + b.height / 2, key: text });
      }
    return out;
  });
}

interface TimingDetail {
  entityId: string;
  complete: boolean;
  dwellEndedAt: number;
  renderedAt: number;
  paintedAt: number;
  detailsMs: number | null;
}

async function hoverAndTime(
  page: LensPage,
  mark: MarkPoint,
  blank: { x: number; y: number },
): Promise<CardSample | null> {
  const read = (n: number) =>
    page.evaluate(
      (from) => (window as unknown as { __lensCard: { timings: string[] } }).__lensCard.timings.slice(from),
      n,
    );
  const before = (await read(0)).length;
  await page.hover(mark.x, mark.y);
  // Until the full card has been painted (a placeholder may come first).
  const details = await waitInPage(
    page,
    (n) => {
      const list = (window as unknown as { __lensCard: { timings: string[] } }).__lensCard.timings.slice(n);
      return list.some((t) => (JSON.parse(t) as { complete: boolean }).complete) ? list : null;
    },
    `the card for ${mark.text}`,
    10_000,
    before,
  ).catch(() => null);
  await page.hover(blank.x, blank.y);
  await sleep(700); // past the grace period: the card closes
  if (!details) return null;
  const events = details.map((t) => JSON.parse(t) as TimingDetail);
  const first = events[0]!;
  const full = events.find((e) => e.complete)!;
  return {
    entityId: full.entityId,
    onScreenMs: first.paintedAt - first.dwellEndedAt,
    completeMs: full.paintedAt - full.dwellEndedAt,
    renderMs: first.renderedAt - first.dwellEndedAt,
    detailsMs: full.detailsMs ?? 0,
    placeholderFirst: !first.complete,
  };
}

export async function runCardBench(options: CardBenchOptions = {}): Promise<CardBenchResult> {
  const samples = options.samples ?? (Number(process.env.LENS_CARD_SAMPLES) || 5);
  const server = await startStaticServer();
  const lens = await launchLensBrowser('chromium').catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  try {
    const page = await lens.openPage(server.url(options.path ?? '/cards-news.html'));
    await lens.scanReport(page);
    await page.evaluate(PAGE_LISTENERS);
    const blank = { x: 8, y: (await page.evaluate(() => innerHeight)) - 20 };
    // A reader moves the pointer over the page before resting on a name; that first move lets the content script
    // warm the card up at idle (page/hover-card.ts), as it would in real use.
    await page.hover(blank.x, blank.y);
    await sleep(1_000);
    const marks = await visibleMarks(page);
    const warmMarks = marks.slice(0, samples);
    const coldMarks = marks.slice(samples, samples * 2);

    // Every hover must give a sample: a hover with no card is a failure to report, not a sample to drop.
    const missed: string[] = [];
    if (warmMarks.length < samples || coldMarks.length < samples)
      throw new Error(`the page shows ${marks.length} marks, ${samples * 2} needed`);
    const warm: CardSample[] = [];
    for (const m of warmMarks) {
      const s = await hoverAndTime(page, m, blank);
      if (s) warm.push(s);
      else missed.push(`warm "${m.text}"`);
    }

    // Cold: stop the extension's service worker before each hover, as Chromium does after 30 s idle.
    const tab = lens.context.pages().find((p) => p.url().startsWith(server.origin));
    const cdp = tab ? await lens.context.newCDPSession(tab) : null;
    let coldWorkerStopped = false;
    const cold: CardSample[] = [];
    if (cdp) {
      let stopped = false;
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        for (const v of versions)
          if (v.scriptURL.startsWith('chrome-extension://') && v.runningStatus === 'stopped') stopped = true;
      });
      await cdp.send('ServiceWorker.enable');
      for (const m of coldMarks) {
        stopped = false;
        await cdp.send('ServiceWorker.stopAllWorkers');
        await sleep(300);
        coldWorkerStopped ||= stopped;
        const s = await hoverAndTime(page, m, blank);
        if (s) cold.push(s);
        else missed.push(`cold "${m.text}"`);
      }
    }
    if (!cdp) throw new Error('no DevTools session for the page: cold hovers not measured');
    if (missed.length) throw new Error(`no card appeared for ${missed.length} hovers: ${missed.join(', ')}`);
    const shifts = await page.evaluate(
      () => (window as unknown as { __lensCard: { shift: number; cardShift: number } }).__lensCard,
    );
    return {
      browser: 'chromium',
      warm,
      cold,
      layoutShift: shifts.shift,
      cardShift: shifts.cardShift,
      coldWorkerStopped,
    };
  } finally {
    await lens.close();
    await server.close();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : NaN;
};
const max = (xs: number[]) => (xs.length ? Math.max(...xs) : NaN);
const f = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');

export function formatCardBench(r: CardBenchResult): string {
  const row = (label: string, xs: CardSample[]) =>
    [
      label.padEnd(30),
      String(xs.length).padStart(3),
      f(median(xs.map((x) => x.onScreenMs))).padStart(10),
      f(max(xs.map((x) => x.onScreenMs))).padStart(8),
      f(median(xs.map((x) => x.completeMs))).padStart(13),
      f(median(xs.map((x) => x.detailsMs))).padStart(11),
      String(xs.filter((x) => x.placeholderFirst).length).padStart(12),
    ].join(' ');
  return [
    `Hover card, dwell end → card painted (${r.browser}; budget ${CARD_BUDGET_MS} ms on screen; load average ${loadavg()[0]!.toFixed(1)})`,
    `${'condition'.padEnd(30)}   n  on screen    max  full card med  details med  placeholder`,
    row('background warm', r.warm),
    row(`service worker just stopped${r.coldWorkerStopped ? '' : ' (?)'}`, r.cold),
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
