/**
 * Explore page speed in the built extension (Chromium): how long the timeline (every event of the fact base) and the
 * map take to first render, and frame times while the views are zoomed and panned — by the page's own animated
 * zoom (d3-zoom transitions behind the +/− buttons and arrow keys) and by real wheel and drag input.
 *
 *   npx wxt build && npx tsx scripts/bench/explore-bench.ts        (LENS_OUT_DIR picks another build folder)
 *   npx tsx scripts/bench/explore-bench.ts --loads=24               (more page loads for steadier figures)
 *   npx tsx scripts/bench/explore-bench.ts --compare=DIR            (this build and the one in DIR, same run, both browsers)
 *
 * `runExploreBench` and `formatExploreBench` are exported for an overall `npm run bench`. Figures, not pass/fail.
 *
 * First render is measured from navigation start (the page's `performance.timeOrigin`) to the moment the first frame
 * with the chart (every event on the timeline, every node of the map) is on screen: the page's first contentful
 * paint, whose time is the frame's presentation. The page draws nothing before the chart (shell and chart come in one
 * task), which each sample checks: the chart's `-ready` mark (laid out in the DOM) must come before that paint.
 * The main thread's part is reported beside it: ExploreApp's `-painted` mark, from a task queued in the next
 * animation frame, runs once the main thread has handed that frame over; raster and display come after it.
 * The baseline is a blank extension page (one module script and one word of text) opened the same way in the same
 * browser: the part of the figure no page code can remove (navigation, process and extension-protocol overhead,
 * presenting a frame). The bench runs on a copy of the build with that page added, so it never ships. Each load is
 * in a new tab, as the popup and the cards open the page; loads alternate between the pages; the first round is a
 * warm-up and is dropped.
 * Frame times are the intervals between requestAnimationFrame callbacks while the gestures run (16.7 ms = every
 * frame at 60 Hz).
 */
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import {
  pageExpression,
  sleep,
  waitInPage,
  type BrowserName,
  type ExtensionPageName,
  type LensPage,
} from '../../automation/lens-browser';
import { BLANK_PAGE, copyBuild, extensionOrigin, launchOnCopy, type BuildCopy } from './build-copy';

/** Runs `fn(arg)` in the page from its source text (tsx's `__name` helper does not exist there). */
const inPage = <R, A>(page: Page, fn: (arg: A) => R, arg?: A): Promise<R> =>
  page.evaluate(pageExpression(fn as (arg: never) => unknown, arg)) as Promise<R>;

/** The issue's budget for the first render of a view. */
const FIRST_RENDER_BUDGET_MS = 200;
/** One frame at 60 Hz. */
const FRAME_MS = 1000 / 60;

interface RenderSample {
  /** Navigation start → the first frame with the chart is on screen (the figure the budget is about). */
  onScreenMs: number;
  /** Navigation start → the main thread has handed that frame over (raster and display still to come). */
  paintedMs: number;
  /** Navigation start → the page's script starts (loading and evaluating the page's modules and data). */
  scriptStartMs: number;
  /** Navigation start → chart laid out (in the DOM, before style, layout and paint). */
  laidOutMs: number;
  /** From that first frame until the page has loaded the full fact base and the card (the 1.5 MB after-load). */
  postLoad: Jank;
}

interface BlankSample {
  /** Navigation start → the blank page's script starts. */
  scriptStartMs: number;
  /** Navigation start → the blank page's first frame is on screen. */
  onScreenMs: number;
  /** The same frame watch on the blank page, for BLANK_WATCH_MS after its first frame: the machine's own jank. */
  idle: Jank;
}

interface FrameStats {
  frames: number;
  p50: number;
  p95: number;
  max: number;
  /** Share of intervals longer than one 60 Hz frame (a frame was skipped). */
  over16: number;
  /** Share of intervals longer than two frames (visible stutter). */
  over33: number;
}

interface ExploreBenchResult {
  browser: string;
  events: number;
  timeline: RenderSample[];
  map: RenderSample[];
  /** The blank extension page, loaded between the explore pages in the same browser. */
  blank: BlankSample[];
  /**
   * The timeline opened while a map page opened just before is still loading its full fact base (not waited for):
   * what the after-load costs the next page a reader opens (extension pages share one renderer).
   */
  timelineAfterMap: RenderSample[];
  /** Frame intervals per gesture. */
  frames: Record<string, FrameStats>;
  /** The same first renders in Firefox. */
  firefox?: Pick<ExploreBenchResult, 'timeline' | 'map' | 'blank'>;
}

type FirstRenders = Pick<ExploreBenchResult, 'timeline' | 'map' | 'blank'> & {
  timelineAfterMap?: RenderSample[];
};

interface ExploreBenchOptions {
  /** Page loads per view for the first-render figures; the first is a warm-up and is dropped. */
  loads?: number;
}

function stats(deltas: number[]): FrameStats {
  const sorted = [...deltas].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  const share = (limit: number) => (sorted.length ? sorted.filter((d) => d > limit * 1.1).length / sorted.length : 0);
  return {
    frames: sorted.length,
    p50: at(0.5),
    p95: at(0.95),
    max: sorted[sorted.length - 1] ?? 0,
    over16: share(FRAME_MS),
    over33: share(2 * FRAME_MS),
  };
}

/**
 * The probe put first in the explore page and the blank page (on a copy of the build): every animation frame's time
 * from navigation start, the frame in which the page says its after-render loading is done (the full fact base and
 * the card), and, in Chromium, every long task (over 50 ms) the page's main thread ran.
 */
const PROBE_SCRIPT = `(() => {
  const probe = (window.__benchProbe = { frames: [], detailsAt: 0, longTasks: [] });
  const tick = (t) => {
    probe.frames.push(t);
    if (!probe.detailsAt && document.documentElement.dataset.detailsReady === 'true') probe.detailsAt = t;
    if (probe.frames.length < 20000) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask' });
  } catch {
    // Firefox has no Long Tasks API: frame intervals only.
  }
})();
`;

function buildWithProbe(browser: BrowserName): BuildCopy {
  return copyBuild(browser, { probe: { script: PROBE_SCRIPT, pages: ['explore.html'] } });
}

/**
 * Jank in a window of a page's life, read from the probe: the longest interval between animation frames, how many
 * intervals exceeded 50 ms (a reader's click or scroll waits that long), and the blocking time (the part of each long
 * task beyond 50 ms; Chromium only, null elsewhere).
 */
interface Jank {
  windowMs: number;
  maxFrameMs: number;
  over50: number;
  blockingMs: number | null;
}

/** In the page: jank between `from` and `to` (ms from navigation start; `to` null: the details-ready frame). */
const readJank = ({ from, to }: { from: number; to: number | null }) => {
  const probe = (
    window as unknown as {
      __benchProbe?: { frames: number[]; detailsAt: number; longTasks: [number, number][] };
    }
  ).__benchProbe;
  if (!probe) return null;
  const end = to ?? probe.detailsAt;
  if (!end) return null;
  let maxFrameMs = 0;
  let over50 = 0;
  for (let i = 1; i < probe.frames.length; i++) {
    const [a, b] = [probe.frames[i - 1]!, probe.frames[i]!];
    if (b <= from || a >= end) continue;
    maxFrameMs = Math.max(maxFrameMs, b - a);
    if (b - a > 50) over50++;
  }
  const supported = PerformanceObserver.supportedEntryTypes?.includes('longtask') ?? false;
  const blockingMs = supported
    ? probe.longTasks
        .filter(([start, duration]) => start < end && start + duration > from)
        .reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0)
    : null;
  return { windowMs: end - from, maxFrameMs, over50, blockingMs };
};

/** How long the blank page is watched after its first frame: about as long as the explore page's own window. */
const BLANK_WATCH_MS = 1_500;

/** Polls the page (the extension page's CSP forbids the eval that page.waitForFunction's own polling uses). */
async function poll<A, R>(page: Page, what: string, read: (arg: A) => R | null, arg: A): Promise<R> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const at = await inPage(page, read, arg).catch(() => null); // the page is still between documents
    if (at !== null) return at;
    if (Date.now() > deadline) throw new Error(`no ${what} within 20 s`);
    await sleep(20);
  }
}

/** In the page: a performance mark's time from navigation start. */
const readMark = (m: string) => performance.getEntriesByName(m)[0]?.startTime ?? null;
/** In the page: its first contentful paint, when the first frame with content was presented. */
const readFirstContentfulPaint = () =>
  performance.getEntriesByType('paint').find((p) => p.name === 'first-contentful-paint')?.startTime ?? null;

const markTime = (page: Page, mark: string) => poll(page, `${mark} mark`, readMark, mark);
const firstContentfulPaint = (page: Page) => poll(page, 'first contentful paint', readFirstContentfulPaint, null);

/**
 * Opens an explore view and reads its marks, then watches the page while it loads the rest after its first frame
 * (the full fact base and the card, 1.5 MB): the jank a reader meets who reaches for the chart at once.
 */
async function firstRender(page: Page, url: string, view: 'timeline' | 'map'): Promise<RenderSample> {
  await page.goto(url, { waitUntil: 'commit' });
  const paintedMs = await markTime(page, `lens-explore-${view}-painted`);
  const onScreenMs = await firstContentfulPaint(page);
  const laidOutMs = await markTime(page, `lens-explore-${view}-ready`);
  if (onScreenMs < laidOutMs)
    throw new Error(`the ${view} page painted content (${onScreenMs} ms) before its chart (${laidOutMs} ms)`);
  return {
    onScreenMs,
    paintedMs,
    laidOutMs,
    scriptStartMs: await markTime(page, 'lens-explore-start'),
    postLoad: await poll(page, 'after-load (details ready)', readJank, { from: onScreenMs, to: null }).finally(() =>
      sleep(300),
    ),
  };
}

async function blankRender(page: Page, origin: string): Promise<BlankSample> {
  await page.goto(`${origin}/${BLANK_PAGE}`, { waitUntil: 'commit' });
  const onScreenMs = await firstContentfulPaint(page);
  const scriptStartMs = await markTime(page, 'lens-blank-start');
  await sleep(BLANK_WATCH_MS);
  const idle = await poll(page, 'blank page frames', readJank, { from: onScreenMs, to: onScreenMs + BLANK_WATCH_MS });
  return { onScreenMs, scriptStartMs, idle };
}

/** Runs `gesture` while recording requestAnimationFrame intervals in the page. */
async function recordFrames(page: Page, gesture: () => Promise<void>): Promise<FrameStats> {
  await inPage(page, () => {
    const w = window as unknown as { __lensFrames?: { deltas: number[]; last: number; on: boolean } };
    const store = { deltas: [] as number[], last: 0, on: true };
    w.__lensFrames = store;
    const loop = (t: number) => {
      if (store.last) store.deltas.push(t - store.last);
      store.last = t;
      if (store.on) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
  await gesture();
  const deltas = await inPage(page, () => {
    const store = (window as unknown as { __lensFrames: { deltas: number[]; on: boolean } }).__lensFrames;
    store.on = false;
    return store.deltas;
  });
  return stats(deltas);
}

async function clickButton(page: Page, label: string): Promise<void> {
  await page.getByRole('button', { name: label, exact: true }).first().click();
}

/**
 * First renders in Firefox, measured as in Chromium (first contentful paint, the page's marks) on pages opened through
 * the test harness (a new tab each; WebDriver BiDi). Firefox has no frame-time figures here: its gestures would need
 * their own input plumbing, and the issue's budget is about the first render.
 */
async function firefoxFirstRenders(loads: number): Promise<FirstRenders> {
  const copy = buildWithProbe('firefox');
  const lens = await launchOnCopy('firefox', copy);
  const mark = (page: LensPage, name: string) => waitInPage(page, readMark, `${name} mark`, 20_000, name);
  const fcp = (page: LensPage) => waitInPage(page, readFirstContentfulPaint, 'first contentful paint', 20_000);
  const open = (name: string) => lens.openExtensionPage(name as ExtensionPageName);
  const explore = async (query: string, view: 'timeline' | 'map'): Promise<RenderSample> => {
    const page = await open(`explore.html?${query}`);
    try {
      const paintedMs = await mark(page, `lens-explore-${view}-painted`);
      const onScreenMs = await fcp(page);
      return {
        paintedMs,
        onScreenMs,
        laidOutMs: await mark(page, `lens-explore-${view}-ready`),
        scriptStartMs: await mark(page, 'lens-explore-start'),
        postLoad: await waitInPage(page, readJank, 'the details', 20_000, { from: onScreenMs, to: null }),
      };
    } finally {
      await page.close();
      await sleep(150);
    }
  };
  try {
    const timeline: RenderSample[] = [];
    const map: RenderSample[] = [];
    const blank: BlankSample[] = [];
    for (let i = 0; i < loads; i++) {
      const page = await open(BLANK_PAGE);
      const onScreenMs = await fcp(page);
      const scriptStartMs = await mark(page, 'lens-blank-start');
      await sleep(BLANK_WATCH_MS);
      const window = { from: onScreenMs, to: onScreenMs + BLANK_WATCH_MS };
      const b = { onScreenMs, scriptStartMs, idle: await waitInPage(page, readJank, 'blank frames', 5_000, window) };
      await page.close();
      await sleep(150);
      const t = await explore('view=timeline', 'timeline');
      const m = await explore('view=map&entity=tanap', 'map');
      if (i === 0) continue; // warm-up
      blank.push(b);
      timeline.push(t);
      map.push(m);
    }
    return { timeline, map, blank };
  } finally {
    await lens.close();
    copy.dispose();
  }
}

/**
 * First renders and after-load jank for this build and another (`compareOutDir`, a build folder as LENS_OUT_DIR names
 * it: a build of main, say), in the same run, in both browsers: blocks of `loads` page loads alternate between the two
 * builds (other, this, other, this), each block with its own blank-page baseline, so both see the same machine.
 */
export async function compareBuilds(compareOutDir: string, loads = 6, blocks = 2): Promise<string> {
  const outDir = process.env.LENS_OUT_DIR;
  const useBuild = (which: 'other' | 'this') => {
    if (which === 'other') process.env.LENS_OUT_DIR = compareOutDir;
    else if (outDir === undefined) delete process.env.LENS_OUT_DIR;
    else process.env.LENS_OUT_DIR = outDir;
  };
  const merged = (xs: FirstRenders[]): FirstRenders => ({
    timeline: xs.flatMap((x) => x.timeline),
    map: xs.flatMap((x) => x.map),
    blank: xs.flatMap((x) => x.blank),
    ...(xs.every((x) => x.timelineAfterMap) ? { timelineAfterMap: xs.flatMap((x) => x.timelineAfterMap ?? []) } : {}),
  });
  const n = blocks * (loads - 1);
  const out = [
    `Explore, two builds in one run (${blocks} alternating blocks of ${loads} loads per browser, the first of each a warm-up: ${n} loads each)`,
  ];
  try {
    for (const browser of ['chromium', 'firefox'] as const) {
      const runs: Record<'other' | 'this', FirstRenders[]> = { other: [], this: [] };
      for (let b = 0; b < blocks; b++)
        for (const which of ['other', 'this'] as const) {
          useBuild(which);
          runs[which].push(
            browser === 'chromium' ? await chromiumFirstRenders(loads) : await firefoxFirstRenders(loads),
          );
        }
      out.push(
        `${browser}, the other build (${compareOutDir}):`,
        ...formatFirstRenders(merged(runs.other)),
        `${browser}, this build (${outDir ?? 'the default build folder'}):`,
        ...formatFirstRenders(merged(runs.this)),
      );
    }
  } finally {
    useBuild('this');
  }
  return out.join('\n');
}

export async function runExploreBench(options: ExploreBenchOptions = {}): Promise<ExploreBenchResult> {
  const loads = Math.max(2, options.loads ?? 12);
  const renders = await chromiumFirstRenders(loads);
  const { events, frames } = await chromiumGestures();
  return { browser: 'chromium', events, ...renders, frames, firefox: await firefoxFirstRenders(loads) };
}

/** First renders (and the after-load jank of each) in Chromium, with the timeline opened behind a loading map. */
async function chromiumFirstRenders(loads: number): Promise<FirstRenders & { timelineAfterMap: RenderSample[] }> {
  const copy = buildWithProbe('chromium');
  const lens = await launchOnCopy('chromium', copy);
  try {
    const origin = await extensionOrigin(lens);
    const timeline: RenderSample[] = [];
    const map: RenderSample[] = [];
    const blank: BlankSample[] = [];
    const timelineAfterMap: RenderSample[] = [];
    // Each load in a tab of its own, as the popup and the cards open the page (tabs.create); the tab is closed once
    // the page has loaded everything, so no load pays for tearing down the one before it (extension pages share a
    // renderer). The after-load is measured as it happens (postLoad), and once more as the next page's cost:
    // a timeline opened while a map page, not waited for, still loads.
    const inNewTab = async <T>(load: (tab: Page) => Promise<T>): Promise<T> => {
      const tab = await lens.context.newPage();
      try {
        return await load(tab);
      } finally {
        await tab.close();
        await sleep(150);
      }
    };
    for (let i = 0; i < loads; i++) {
      const b = await inNewTab((tab) => blankRender(tab, origin));
      const t = await inNewTab((tab) => firstRender(tab, `${origin}/explore.html?view=timeline`, 'timeline'));
      const m = await inNewTab((tab) => firstRender(tab, `${origin}/explore.html?view=map&entity=tanap`, 'map'));
      const next = await inNewTab(async (before) => {
        await before.goto(`${origin}/explore.html?view=map&entity=tanap`, { waitUntil: 'commit' });
        await firstContentfulPaint(before);
        return inNewTab((tab) => firstRender(tab, `${origin}/explore.html?view=timeline`, 'timeline'));
      });
      if (i === 0) continue; // warm-up: the first load compiles the bundle
      blank.push(b);
      timeline.push(t);
      map.push(m);
      timelineAfterMap.push(next);
    }
    return { timeline, map, blank, timelineAfterMap };
  } finally {
    await lens.close();
    copy.dispose();
  }
}

/** Frame times while zooming and panning both views (Chromium: real wheel and drag input). */
async function chromiumGestures(): Promise<{ events: number; frames: Record<string, FrameStats> }> {
  const copy = buildWithProbe('chromium');
  const lens = await launchOnCopy('chromium', copy);
  try {
    const origin = await extensionOrigin(lens);
    const page = await lens.context.newPage();
    const frames: Record<string, FrameStats> = {};
    // Frame times once the page has settled (firstRender waits): the full fact base, loaded after the first render, is in.
    await firstRender(page, `${origin}/explore.html?view=timeline`, 'timeline');
    const events = await page.locator('svg.ex-chart [data-event-id]').count();
    const stage = page.locator('.ex-stage');
    const box = (await stage.boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;

    frames['timeline: animated zoom in/out (buttons)'] = await recordFrames(page, async () => {
      for (const label of ['Zoom in', 'Zoom in', 'Zoom in', 'Zoom out', 'Zoom out', 'Zoom out']) {
        await clickButton(page, label);
        await sleep(380);
      }
    });
    frames['timeline: animated pan (arrow keys)'] = await recordFrames(page, async () => {
      await stage.focus();
      for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft']) {
        await page.keyboard.press(key);
        await sleep(360);
      }
    });
    frames['timeline: wheel zoom'] = await recordFrames(page, async () => {
      await page.mouse.move(cx, cy);
      for (let i = 0; i < 24; i++) {
        await page.mouse.wheel(0, i < 12 ? -120 : 120);
        await sleep(16);
      }
      await sleep(300);
    });
    frames['timeline: drag pan'] = await recordFrames(page, async () => {
      await page.mouse.move(cx, cy);
      await page.mouse.down();
      for (let i = 0; i <= 40; i++) {
        await page.mouse.move(cx + Math.sin((i / 40) * Math.PI * 2) * box.width * 0.35, cy, { steps: 1 });
        await sleep(16);
      }
      await page.mouse.up();
      await sleep(300);
    });

    await firstRender(page, `${origin}/explore.html?view=map&entity=tanap&hops=2`, 'map');
    const mapBox = (await page.locator('.ex-stage').boundingBox())!;
    const mx = mapBox.x + mapBox.width / 2;
    const my = mapBox.y + mapBox.height / 2;
    frames['map (two hops): wheel zoom'] = await recordFrames(page, async () => {
      await page.mouse.move(mx, my);
      for (let i = 0; i < 24; i++) {
        await page.mouse.wheel(0, i < 12 ? -120 : 120);
        await sleep(16);
      }
      await sleep(300);
    });
    frames['map (two hops): drag pan'] = await recordFrames(page, async () => {
      await page.mouse.move(mx, my);
      await page.mouse.down();
      for (let i = 0; i <= 40; i++) {
        await page.mouse.move(
          mx + Math.sin((i / 40) * Math.PI * 2) * mapBox.width * 0.3,
          my + Math.cos((i / 40) * Math.PI * 2) * 60,
          { steps: 1 },
        );
        await sleep(16);
      }
      await page.mouse.up();
      await sleep(300);
    });
    frames['map: expand a node (layout + glide)'] = await recordFrames(page, async () => {
      await page.locator('svg.ex-chart [data-node-id="botas"]').dispatchEvent('click');
      await sleep(900);
    });
    await page.close();
    return { events, frames };
  } finally {
    await lens.close();
    copy.dispose();
  }
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};
const median = (values: number[]) => quantile(values, 0.5);

const ms = (n: number) => `${n.toFixed(1)} ms`;

/** First renders against the same run's blank page, then the jank after the first frame (medians over loads). */
function formatFirstRenders(runs: FirstRenders): string[] {
  const blank = median(runs.blank.map((s) => s.onScreenMs));
  const row = (name: string, onScreen: number[], rest: string) =>
    `  ${name.padEnd(14)} ${ms(median(onScreen)).padStart(9)} ${ms(quantile(onScreen, 0.9)).padStart(9)} ${`${(median(onScreen) / blank).toFixed(2)}×`.padStart(7)}   ${rest}`;
  const render = (name: string, samples: RenderSample[]) => {
    const m = (f: (s: RenderSample) => number) => ms(median(samples.map(f)));
    return row(
      name,
      samples.map((s) => s.onScreenMs),
      `script starts at ${m((s) => s.scriptStartMs)}, laid out at ${m((s) => s.laidOutMs)}, ` +
        `main thread done at ${m((s) => s.paintedMs)}`,
    );
  };
  return [
    `  ${'page'.padEnd(14)} ${'median'.padStart(9)} ${'p90'.padStart(9)} ${'÷ blank'.padStart(7)}`,
    row(
      'blank page',
      runs.blank.map((s) => s.onScreenMs),
      `baseline: a blank extension page; script starts at ${ms(median(runs.blank.map((s) => s.scriptStartMs)))}`,
    ),
    render('timeline', runs.timeline),
    render('map (TANAP)', runs.map),
    ...(runs.timelineAfterMap
      ? [
          render('timeline next', runs.timelineAfterMap),
          `  ${''.padEnd(14)} (timeline next: opened while a map page opened just before still loads its 1.5 MB)`,
        ]
      : []),
    ...jank(runs),
  ];
}

/** After the first frame, while the page loads the rest: medians over loads, the blank page's idle as baseline. */
function jank(runs: FirstRenders): string[] {
  const row = (name: string, xs: Jank[], base: number) => {
    const m = (f: (j: Jank) => number) => median(xs.map(f));
    const blocking = xs.every((j) => j.blockingMs !== null) ? ms(m((j) => j.blockingMs!)) : 'n/a';
    return `  ${name.padEnd(14)} ${ms(m((j) => j.windowMs)).padStart(9)} ${ms(m((j) => j.maxFrameMs)).padStart(10)} ${ms(
      quantile(
        xs.map((j) => j.maxFrameMs),
        0.9,
      ),
    ).padStart(
      9,
    )} ${`${(m((j) => j.maxFrameMs) / base).toFixed(1)}×`.padStart(7)} ${String(m((j) => j.over50)).padStart(7)} ${blocking.padStart(10)}`;
  };
  const idle = runs.blank.map((b) => b.idle);
  const base = median(idle.map((j) => j.maxFrameMs));
  return [
    '  After the first frame, until the full fact base and the card are loaded (medians over loads):',
    `  ${'page'.padEnd(14)} ${'window'.padStart(9)} ${'max frame'.padStart(10)} ${'p90'.padStart(9)} ${'÷ blank'.padStart(7)} ${'>50 ms'.padStart(7)} ${'blocking'.padStart(10)}`,
    row('blank page', idle, base),
    row(
      'timeline',
      runs.timeline.map((s) => s.postLoad),
      base,
    ),
    row(
      'map (TANAP)',
      runs.map.map((s) => s.postLoad),
      base,
    ),
    `  ${''.padEnd(14)} (blank page: its first ${BLANK_WATCH_MS / 1000} s, the machine's own frame jank; blocking: long tasks beyond 50 ms, Chromium only)`,
  ];
}

export function formatExploreBench(r: ExploreBenchResult): string {
  const pct = (n: number) => `${(n * 100).toFixed(0)}%`;
  const firstRenders = formatFirstRenders;
  const lines = [
    `Explore page (${r.browser}, ${r.events} timeline events; budget ${FIRST_RENDER_BUDGET_MS} ms first render)`,
    `First render: navigation start → first frame with the chart on screen (first contentful paint; ${r.timeline.length} loads each, each in a new tab)`,
    ...firstRenders(r),
    ...(r.firefox
      ? [`The same in Firefox (${r.firefox.timeline.length} loads each):`, ...firstRenders(r.firefox)]
      : []),
    'Frame intervals while zooming and panning (60 Hz = 16.7 ms):',
    `  ${'gesture'.padEnd(40)} ${'frames'.padStart(6)} ${'p50'.padStart(9)} ${'p95'.padStart(9)} ${'max'.padStart(9)} ${'>16.7'.padStart(6)} ${'>33.3'.padStart(6)}`,
    ...Object.entries(r.frames).map(
      ([name, s]) =>
        `  ${name.padEnd(40)} ${String(s.frames).padStart(6)} ${ms(s.p50).padStart(9)} ${ms(s.p95).padStart(9)} ${ms(s.max).padStart(9)} ${pct(s.over16).padStart(6)} ${pct(s.over33).padStart(6)}`,
    ),
  ];
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const compare = /--compare=(\S+)/.exec(process.argv.join(' '))?.[1];
  const loads = Number(/--loads=(\d+)/.exec(process.argv.join(' '))?.[1] ?? 12);
  (compare ? compareBuilds(compare, Math.min(loads, 6)) : runExploreBench({ loads }).then(formatExploreBench)).then(
    (out) => console.log(out),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
