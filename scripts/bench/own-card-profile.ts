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
import { BENCH_PAGE, benchPage, cardPage, measureCard, ownNames } from './own-bench';
import { functionTimes, seededLibrary, type Profile } from './own-profiling';
import type { TraceEvent } from './trace-main-thread';

const ROUNDS = Number(process.env.LENS_PROFILE_ROUNDS) || 3;
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
      includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink'],
      excludedCategories: ['*'],
    },
  });
  await cdp.send('Profiler.start');
  const cards: { entityId: string; card: number; renderMs: number }[] = [];
  for (let round = 0; round < ROUNDS; round++)
    for (const m of at.marks) {
      const c = await measureCard(at, m);
      if (c) cards.push({ entityId: c.entityId, card: c.card, renderMs: c.renderMs });
    }
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: Profile;
  };
  await cdp.send('Tracing.end');
  await complete;
  await at.page.close();
  return { cards, events, profile };
}

/** Main-thread ms by kind, counting only outermost events of each kind (nested ones are inside their parents). */
function byKind(events: TraceEvent[]) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const onMain = events.filter((e) => e.ph === 'X' && (!main || (e.pid === main.pid && e.tid === main.tid)));
  const out: Record<string, number> = {};
  for (const kind of new Set(Object.values(KINDS))) {
    const spans = onMain
      .filter((e) => KINDS[e.name] === kind)
      .map((e) => [e.ts, e.ts + (e.dur ?? 0)] as const)
      .sort((a, b) => a[0] - b[0]);
    let total = 0;
    let end = -Infinity;
    for (const [s, e] of spans) {
      if (e <= end) continue;
      total += e - Math.max(s, end);
      end = e;
    }
    out[kind] = total / 1000;
  }
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
  for (const [side, r] of Object.entries(sides)) {
    const n = r.cards.length || 1;
    const kinds = byKind(r.events);
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
