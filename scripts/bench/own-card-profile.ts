/**
 * Where a card's time goes with and without the reader's own material (issue 18): the own bench's two profiles
 * (empty, and seeded with 10,000 snippets, 200 sources and 500 names), the same cards opened on both, under a
 * Chromium trace and V8's sampling profiler. Prints, per card, the renderer main thread's time by kind (script,
 * style, layout, paint) and the functions with the most self time on each side. A profiling aid, not a bench: its
 * figures are totals over the cards opened, side by side in the same run.
 *
 *   npm run build:test && LENS_CORPUS=… npx tsx scripts/bench/own-card-profile.ts
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession } from 'playwright-core';
import { launchLensBrowser } from '../../automation/browsers';
import type { ChromiumLensBrowser } from '../../automation/chromium';
import type { LensBrowser } from '../../automation/lens-browser';
import { FIXTURES_DIR, startStaticServer } from '../../automation/static-server';
import { BENCH_PAGE, benchPage, cardPage, measureCard, ownNames, timedMessage, type CardSample } from './own-bench';
import { functionTimes, seededLibrary, type Profile } from './own-profiling';
import type { TraceEvent } from './trace-main-thread';

const ROUNDS = Number(process.env.LENS_PROFILE_ROUNDS) || 3;
/** The slowest cards on each side whose functions are listed one by one. */
const SLOWEST = 4;
/** Trace event names summed per kind of work on the renderer's main thread. */
const KINDS: Record<string, string> = {
  FunctionCall: 'script',
  TimerFire: 'script',
  EventDispatch: 'script',
  FireAnimationFrame: 'script',
  RunMicrotasks: 'script',
  'v8.callFunction': 'script',
  UpdateLayoutTree: 'style',
  ParseAuthorStyleSheet: 'style',
  Layout: 'layout',
  Paint: 'paint',
  PrePaint: 'paint',
  Layerize: 'paint',
  Commit: 'paint',
};

async function profiled(lens: ChromiumLensBrowser, url: string) {
  const at = await cardPage(lens, url);
  const cdp: CDPSession = await lens.context.newCDPSession(lens.pageOf(at.page));
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'v8',
        'blink',
        'blink.user_timing',
      ],
      excludedCategories: ['*'],
    },
  });
  await cdp.send('Profiler.start');
  // The page's performance.now() at a mark whose trace event carries the trace's clock: maps each card's times onto it.
  const syncedAt = await at.page.evaluate(() => performance.mark('lens-profile-sync').startTime);
  const cards: CardSample[] = [];
  for (let round = 0; round < ROUNDS; round++)
    for (const m of at.marks) {
      const c = await measureCard(at, m);
      if (c) cards.push(c);
    }
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: Profile;
  };
  await cdp.send('Tracing.end');
  await complete;
  await at.page.close();
  const sync = events.find((e) => e.name === 'lens-profile-sync');
  const main = mainThread(events, sync);
  const traceUsAt = (ms: number) => (sync ? sync.ts + (ms - syncedAt) * 1000 : NaN);
  const windows = cards.map((c) => ({
    card: c,
    span: [traceUsAt(c.dwellEndedAt), traceUsAt(c.paintedAt)] as [number, number],
    ...inWindow(main, traceUsAt(c.dwellEndedAt), traceUsAt(c.paintedAt)),
  }));
  return { cards, main, profile, windows };
}

/** Trace event names of garbage collection on the main thread (inside script or between tasks). */
const GC = /^(MinorGC|MajorGC|V8\.GC|BlinkGC)/;
const TASKS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/**
 * The page's renderer main thread's complete events (`ph: 'X'`): the thread of `on` (an event the page made), else
 * the first renderer main thread named (the trace is the browser's: other pages' renderers are in it too).
 */
function mainThread(events: TraceEvent[], on?: TraceEvent) {
  const main = on ?? events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  return events.filter((e) => e.ph === 'X' && (!main || (e.pid === main.pid && e.tid === main.tid)));
}

/** Ms covered by the union of `spans` ([start, end] in µs), clipped to [from, to]. */
function covered(spans: (readonly [number, number])[], from = -Infinity, to = Infinity) {
  let total = 0;
  let end = -Infinity;
  for (const [s0, e0] of [...spans].sort((a, b) => a[0] - b[0])) {
    const s = Math.max(s0, from, end);
    const e = Math.min(e0, to);
    if (e > s) total += e - s;
    end = Math.max(end, e0);
  }
  return total / 1000;
}

/**
 * What the main thread did between one card's dwell end and its first paint (trace µs): busy in tasks or waiting
 * (for the next frame, mostly), and by kind; GC is counted apart and also inside the kind it interrupted.
 */
function inWindow(main: TraceEvent[], from: number, to: number) {
  const onMain = main.filter((e) => e.ts < to && e.ts + (e.dur ?? 0) > from);
  const spans = (pick: (e: TraceEvent) => boolean) =>
    covered(
      onMain.filter(pick).map((e) => [e.ts, e.ts + (e.dur ?? 0)] as const),
      from,
      to,
    );
  const kinds: Record<string, number> = { busy: spans((e) => TASKS.has(e.name)) };
  for (const kind of new Set(Object.values(KINDS))) kinds[kind] = spans((e) => KINDS[e.name] === kind);
  kinds.gc = spans((e) => GC.test(e.name));
  return { windowMs: (to - from) / 1000, kinds };
}

/**
 * Main-thread ms by kind (`onMain`: the page's main thread's events), counting only outermost events of each kind
 * (nested ones are inside their parents).
 */
function byKind(onMain: TraceEvent[]) {
  const out: Record<string, number> = {};
  for (const kind of new Set(Object.values(KINDS))) {
    out[kind] = covered(onMain.filter((e) => KINDS[e.name] === kind).map((e) => [e.ts, e.ts + (e.dur ?? 0)] as const));
  }
  out.gc = covered(onMain.filter((e) => GC.test(e.name)).map((e) => [e.ts, e.ts + (e.dur ?? 0)] as const));
  return out;
}

const names = ownNames();
const pageDir = mkdtempSync(join(tmpdir(), 'lens-own-profile-'));
writeFileSync(join(pageDir, BENCH_PAGE), benchPage(names));
const server = await startStaticServer({ roots: [pageDir, FIXTURES_DIR] });
const browsers: LensBrowser[] = [];
try {
  const bare = (await launchLensBrowser('chromium')) as ChromiumLensBrowser;
  browsers.push(bare);
  const seeded = (await launchLensBrowser('chromium')) as ChromiumLensBrowser;
  browsers.push(seeded);
  await seededLibrary(seeded, names);
  const url = server.url(`/${BENCH_PAGE}`);
  const sides = { without: await profiled(bare, url), with: await profiled(seeded, url) };
  // How much each card's details weigh as they cross from the background (JSON characters), with own data.
  const lib = await seeded.openExtensionPage('library.html');
  const sizes: string[] = [];
  for (const id of new Set(sides.with.cards.map((c) => c.entityId))) {
    const { reply } = await timedMessage(lib, { type: 'get-entity', id });
    const own = (reply as { own?: unknown } | null)?.own;
    sizes.push(`${id} ${JSON.stringify(reply).length} (own ${own ? JSON.stringify(own).length : 0})`);
  }
  console.log(`details crossing the message, JSON characters with own data: ${sizes.join(', ')}`);
  for (const [side, r] of Object.entries(sides)) {
    const n = r.cards.length || 1;
    const kinds = byKind(r.main);
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? NaN;
    console.log(
      `\n## ${side} own data: ${r.cards.length} cards (${[...new Set(r.cards.map((c) => c.entityId))].join(', ')})`,
    );
    console.log(
      `card on screen median ${med(r.cards.map((c) => c.card)).toFixed(1)} ms, rendered+placed median ${med(r.cards.map((c) => c.renderMs)).toFixed(1)} ms`,
    );
    console.log(
      `main thread per card: ${Object.entries(kinds)
        .map(([k, ms]) => `${k} ${(ms / n).toFixed(1)} ms`)
        .join(', ')}`,
    );
    console.log('each card, slowest first: dwell end → first paint, and what the main thread did meanwhile (ms):');
    for (const w of [...r.windows].sort((a, b) => b.card.card - a.card.card))
      console.log(
        `  ${w.card.card.toFixed(1).padStart(6)}  ${w.card.entityId.padEnd(28)} rendered+placed ${w.card.renderMs.toFixed(1).padStart(5)}  ${Object.entries(
          w.kinds,
        )
          .map(([k, ms]) => `${k} ${ms.toFixed(1)}`)
          .join(', ')}, waiting ${(w.windowMs - w.kinds.busy!).toFixed(1)}`,
      );
    for (const w of [...r.windows].sort((a, b) => b.card.card - a.card.card).slice(0, SLOWEST))
      console.log(
        `  in the ${w.card.card.toFixed(1)} ms card (${w.card.entityId}), self ms: ${functionTimes(r.profile, {
          within: w.span,
        })
          .slice(0, 12)
          .map(([fn, ms]) => `${fn} ${ms.toFixed(1)}`)
          .join('; ')}`,
      );
    console.log('self time per card (ms), top 30:');
    for (const [fn, ms] of functionTimes(r.profile).slice(0, 30))
      console.log(`  ${(ms / n).toFixed(2).padStart(7)}  ${fn}`);
    console.log('total time per card (ms) of our functions, top 40:');
    for (const [fn, ms] of functionTimes(r.profile, { total: true, files: /card-(stage|extras)/ }).slice(0, 40))
      console.log(`  ${(ms / n).toFixed(2).padStart(7)}  ${fn}`);
  }
} finally {
  for (const b of browsers) await b.close();
  await server.close();
  rmSync(pageDir, { recursive: true, force: true });
}
