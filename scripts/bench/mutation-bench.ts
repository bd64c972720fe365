/**
 * The extension's share of a page's main thread while the page mutates its DOM every 10 ms for a minute
 * (tests/e2e/fixtures/hostile/mutation-storm.html), in the built extension in Chromium. Floor from issue 8: < 10%.
 *
 *   npx wxt build && npx tsx scripts/bench/mutation-bench.ts [--seconds 60]     (LENS_OUT_DIR picks another build)
 *
 * How it is measured: a V8 CPU profile of the page's renderer (CDP Profiler, 250 µs sampling) for the whole storm.
 * Content scripts run on the page's main thread in the same V8 isolate, so their samples are in the profile; a sample
 * counts as the extension's when any frame of its stack is in a chrome-extension:// script (that includes the DOM
 * and Highlight calls it makes). Share = extension samples' time / wall time of the storm. Style, layout and paint
 * caused by the marks are not JavaScript and are not in it: the second figure, the page's task time (CDP
 * Performance.getMetrics TaskDuration) with and without the extension, bounds that from above.
 *
 * `runMutationBench` and `formatMutationBench` are exported for an overall `npm run bench`. Figures, not verdicts.
 */
import { pathToFileURL } from 'node:url';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { findBrowser, launchLensBrowser } from '../../automation/browsers';
import { launchChromiumContext } from '../../automation/chromium';
import { startStaticServer } from '../../automation/static-server';

/** Issue 8: the extension's share of main-thread time during the storm stays under this. */
const MAIN_THREAD_SHARE_FLOOR = 0.1;
const SAMPLING_INTERVAL_US = 250;

interface MutationBenchOptions {
  /** How long the page mutates; the issue asks for a minute. */
  seconds?: number;
}

interface StormRun {
  /** Ticks of the page's 10 ms timer that fired (100 per second is ideal). */
  ticks: number;
  wallMs: number;
  /** Page main-thread task time over the storm (script, style, layout, paint), from CDP. */
  taskMs: number;
  /** Of the profiled JavaScript: time in stacks holding extension code, and all non-idle time. */
  extensionMs?: number;
  busyMs?: number;
  /** Where the extension's time went: the innermost extension function of each sample, top few. */
  topFunctions?: [string, number][];
}

interface MutationBenchResult {
  seconds: number;
  withExtension: StormRun;
  withoutExtension: StormRun;
  /** extensionMs / wallMs. */
  extensionShare: number;
  /** (taskMs with − taskMs without) / wallMs: an upper bound that includes style and paint for the marks. */
  taskShareDelta: number;
}

interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { url: string; functionName: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
}

export async function runMutationBench(options: MutationBenchOptions = {}): Promise<MutationBenchResult> {
  const seconds = options.seconds ?? 60;
  const server = await startStaticServer();
  const url = server.url(`/hostile/mutation-storm.html?s=${seconds}`);
  try {
    const lens = await launchLensBrowser('chromium');
    let withExtension: StormRun;
    try {
      withExtension = await stormRun(lens.context, url, true);
    } finally {
      await lens.close();
    }
    const plain = await launchChromiumContext({ extensionDir: null, executablePath: findBrowser('chromium') });
    let withoutExtension: StormRun;
    try {
      withoutExtension = await stormRun(plain, url, false);
    } finally {
      await plain.close();
    }
    return {
      seconds,
      withExtension,
      withoutExtension,
      extensionShare: (withExtension.extensionMs ?? 0) / withExtension.wallMs,
      taskShareDelta: (withExtension.taskMs - withoutExtension.taskMs) / withExtension.wallMs,
    };
  } finally {
    await server.close();
  }
}

async function stormRun(context: BrowserContext, url: string, profile: boolean): Promise<StormRun> {
  const page: Page = await context.newPage();
  const cdp: CDPSession = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  if (profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
    await cdp.send('Profiler.start');
  }
  const taskBefore = await taskDuration(cdp);
  const started = Date.now();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => (window as unknown as { __stormDone?: number }).__stormDone, null, {
    timeout: 0,
    polling: 1_000,
  });
  const wallMs = Date.now() - started;
  const taskMs = (await taskDuration(cdp)) - taskBefore;
  const ticks = await page.evaluate(() => (window as unknown as { __stormDone: number }).__stormDone);
  const run: StormRun = { ticks, wallMs, taskMs };
  if (profile) {
    const { profile: cpu } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    Object.assign(run, attribute(cpu));
  }
  await page.close();
  return run;
}

async function taskDuration(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
}

/** Sums sample time for stacks that hold extension code, and for all stacks but idle. */
function attribute(profile: CpuProfile): { extensionMs: number; busyMs: number; topFunctions: [string, number][] } {
  const parent = new Map<number, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  /** The innermost extension frame at or above a node, or null. */
  const owner = new Map<number, number | null>();
  const extensionFrame = (id: number): number | null => {
    const known = owner.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id)!;
    const up = parent.get(id);
    const result = node.callFrame.url.startsWith('chrome-extension://')
      ? id
      : up !== undefined
        ? extensionFrame(up)
        : null;
    owner.set(id, result);
    return result;
  };
  let extensionUs = 0;
  let busyUs = 0;
  const perFunction = new Map<string, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    const delta = profile.timeDeltas[i + 1] ?? 0; // the time until the next sample belongs to this one
    if (byId.get(id)?.callFrame.functionName === '(idle)') continue;
    busyUs += delta;
    const frame = extensionFrame(id);
    if (frame === null) continue;
    extensionUs += delta;
    const f = byId.get(frame)!.callFrame;
    const name = `${f.functionName || '(anonymous)'} ${f.url.replace(/^chrome-extension:\/\/[^/]+\//, '')}:${f.lineNumber + 1}`;
    perFunction.set(name, (perFunction.get(name) ?? 0) + delta);
  }
  const topFunctions = [...perFunction]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([name, us]) => [name, Math.round(us / 1000)] as [string, number]);
  return { extensionMs: extensionUs / 1000, busyMs: busyUs / 1000, topFunctions };
}

export function formatMutationBench(r: MutationBenchResult): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const w = r.withExtension;
  const o = r.withoutExtension;
  return [
    `Mutation storm: the page changes its DOM every 10 ms for ${r.seconds} s (Chromium, built extension)`,
    `  extension JavaScript on the main thread: ${w.extensionMs?.toFixed(0)} ms of ${w.wallMs} ms = ${pct(r.extensionShare)}` +
      `  (floor < ${pct(MAIN_THREAD_SHARE_FLOOR)}: ${r.extensionShare < MAIN_THREAD_SHARE_FLOOR ? 'met' : 'NOT met'})`,
    `  all JavaScript on the main thread (page + extension): ${w.busyMs?.toFixed(0)} ms`,
    `  page task time with / without the extension: ${w.taskMs.toFixed(0)} / ${o.taskMs.toFixed(0)} ms` +
      ` → difference ${pct(r.taskShareDelta)} of wall time (includes style and paint of the marks, and noise)`,
    `  page timer ticks with / without the extension: ${w.ticks} / ${o.ticks} of ${r.seconds * 100} ideal`,
    `  where the extension's time went (ms, innermost extension function):`,
    ...(w.topFunctions ?? []).map(([name, ms]) => `    ${String(ms).padStart(6)}  ${name}`),
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--seconds');
  const seconds = at > 0 ? Number(process.argv[at + 1]) : undefined;
  runMutationBench({ seconds }).then(
    (r) => console.log(formatMutationBench(r)),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
