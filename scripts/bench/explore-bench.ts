/**
 * Explore page speed in the built extension (Chromium): how long the timeline (every event of the fact base) and the
 * map take to first render, and frame times while the views are zoomed and panned — by the page's own animated
 * zoom (d3-zoom transitions behind the +/− buttons and arrow keys) and by real wheel and drag input.
 *
 *   npx wxt build && npx tsx scripts/bench/explore-bench.ts        (LENS_OUT_DIR picks another build folder)
 *   npx tsx scripts/bench/explore-bench.ts --screenshots            (docs/explore-timeline.png, docs/explore-map.png)
 *
 * `runExploreBench` and `formatExploreBench` are exported for an overall `npm run bench`. Figures, not pass/fail.
 * First render is read from the page's performance marks (entrypoints/explore/main.tsx, ExploreApp): navigation →
 * chart laid out, and script start → chart laid out (the part the page's own code decides). Frame times are the
 * intervals between requestAnimationFrame callbacks while the gestures run (16.7 ms = every frame at 60 Hz).
 */
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { launchLensBrowser } from '../../tests/e2e/harness/browsers';
import type { ChromiumLensBrowser } from '../../tests/e2e/harness/chromium';
import { pageExpression, sleep } from '../../tests/e2e/harness/lens-browser';

/** Runs `fn(arg)` in the page from its source text (tsx's `__name` helper does not exist there). */
const inPage = <R, A>(page: Page, fn: (arg: A) => R, arg?: A): Promise<R> =>
  page.evaluate(pageExpression(fn as (arg: never) => unknown, arg)) as Promise<R>;

/** The budget for the first render of a view. */
export const FIRST_RENDER_BUDGET_MS = 200;
/** One frame at 60 Hz. */
const FRAME_MS = 1000 / 60;

export interface RenderSample {
  /** Navigation start → chart laid out (includes loading and parsing the bundled fact base). */
  fromNavigationMs: number;
  /** The explore script's first line → chart laid out. */
  fromScriptMs: number;
}

export interface FrameStats {
  frames: number;
  p50: number;
  p95: number;
  max: number;
  /** Share of intervals longer than one 60 Hz frame (a frame was skipped). */
  over16: number;
  /** Share of intervals longer than two frames (visible stutter). */
  over33: number;
}

export interface ExploreBenchResult {
  browser: string;
  events: number;
  timeline: RenderSample[];
  map: RenderSample[];
  /** Frame intervals per gesture. */
  frames: Record<string, FrameStats>;
}

export interface ExploreBenchOptions {
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

async function extensionOrigin(lens: ChromiumLensBrowser): Promise<string> {
  const worker = lens.context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (!worker) throw new Error('the extension service worker is not running');
  return `chrome-extension://${new URL(worker.url()).host}`;
}

async function firstRender(page: Page, url: string, view: 'timeline' | 'map'): Promise<RenderSample> {
  await page.goto(url, { waitUntil: 'load' });
  const mark = `lens-explore-${view}-ready`;
  await page.waitForFunction(`performance.getEntriesByName(${JSON.stringify(mark)}).length > 0`, undefined, {
    timeout: 20_000,
  });
  return inPage(
    page,
    (m: string) => {
      const ready = performance.getEntriesByName(m)[0]!.startTime;
      const start = performance.getEntriesByName('lens-explore-start')[0]!.startTime;
      return { fromNavigationMs: ready, fromScriptMs: ready - start };
    },
    mark,
  );
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

export async function runExploreBench(options: ExploreBenchOptions = {}): Promise<ExploreBenchResult> {
  const loads = Math.max(2, options.loads ?? 8);
  const lens = (await launchLensBrowser('chromium')) as ChromiumLensBrowser;
  try {
    const origin = await extensionOrigin(lens);
    const page = await lens.context.newPage();
    const timeline: RenderSample[] = [];
    const map: RenderSample[] = [];
    for (let i = 0; i < loads; i++) {
      const t = await firstRender(page, `${origin}/explore.html?view=timeline`, 'timeline');
      const m = await firstRender(page, `${origin}/explore.html?view=map&entity=tanap`, 'map');
      if (i === 0) continue; // warm-up: the first load compiles the bundle
      timeline.push(t);
      map.push(m);
    }

    const frames: Record<string, FrameStats> = {};
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
    await sleep(500);
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
    return { browser: 'chromium', events, timeline, map, frames };
  } finally {
    await lens.close();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

export function formatExploreBench(r: ExploreBenchResult): string {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const pct = (n: number) => `${(n * 100).toFixed(0)}%`;
  const render = (name: string, samples: RenderSample[]) => {
    const nav = samples.map((s) => s.fromNavigationMs);
    const script = samples.map((s) => s.fromScriptMs);
    return `  ${name.padEnd(9)} median ${ms(median(nav)).padStart(9)} from navigation (max ${ms(Math.max(...nav))}), ${ms(median(script))} from script start (max ${ms(Math.max(...script))})`;
  };
  const lines = [
    `Explore page (${r.browser}, ${r.events} timeline events; budget ${FIRST_RENDER_BUDGET_MS} ms first render)`,
    'First render:',
    render('timeline', r.timeline),
    render('map', r.map),
    'Frame intervals while zooming and panning (60 Hz = 16.7 ms):',
    `  ${'gesture'.padEnd(40)} ${'frames'.padStart(6)} ${'p50'.padStart(9)} ${'p95'.padStart(9)} ${'max'.padStart(9)} ${'>16.7'.padStart(6)} ${'>33.3'.padStart(6)}`,
    ...Object.entries(r.frames).map(
      ([name, s]) =>
        `  ${name.padEnd(40)} ${String(s.frames).padStart(6)} ${ms(s.p50).padStart(9)} ${ms(s.p95).padStart(9)} ${ms(s.max).padStart(9)} ${pct(s.over16).padStart(6)} ${pct(s.over33).padStart(6)}`,
    ),
  ];
  return lines.join('\n');
}

/**
 * The README's screenshots of both views (docs/explore-timeline.png, docs/explore-map.png), taken from the built
 * extension: the timeline with the Shusha Declaration selected, the map around TANAP with BOTAŞ expanded.
 */
export async function screenshotExplore(outDir: string, scheme: 'light' | 'dark' = 'light'): Promise<string[]> {
  const lens = (await launchLensBrowser('chromium', { colorScheme: scheme })) as ChromiumLensBrowser;
  try {
    const origin = await extensionOrigin(lens);
    const page = await lens.context.newPage();
    const suffix = scheme === 'dark' ? '-dark' : '';
    await firstRender(
      page,
      `${origin}/explore.html?view=timeline&event=shusha-declaration-2021-06-15&from=2015-06&to=2024-06`,
      'timeline',
    );
    await sleep(600);
    const timeline = `${outDir}/explore-timeline${suffix}.png`;
    await page.screenshot({ path: timeline });
    await firstRender(page, `${origin}/explore.html?view=map&entity=tanap`, 'map');
    await page.locator('svg.ex-chart [data-node-id="botas"]').dispatchEvent('click');
    await sleep(1200);
    const map = `${outDir}/explore-map${suffix}.png`;
    await page.screenshot({ path: map });
    await page.close();
    return [timeline, map];
  } finally {
    await lens.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const screenshots = process.argv.includes('--screenshots');
  (screenshots
    ? screenshotExplore('docs').then((paths) => paths.join('\n'))
    : runExploreBench().then(formatExploreBench)
  ).then(
    (out) => console.log(out),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
