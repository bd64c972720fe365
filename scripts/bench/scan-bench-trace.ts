/**
 * Where the extension's script tasks spend their time on one of the scan bench's pages, read from Chromium's trace:
 * for ours and for the floor, each task in which an extension's script ran (as scan-bench.ts counts them), and inside
 * those tasks the self time of each traced event (compiling a script, running it, a function called back, style,
 * layout, paint, garbage collection, a message's decoding), summed per name, medians over loads. A tool for finding
 * where the cost is, beside the bench that measures it.
 *
 *   npx tsx scripts/bench/scan-bench-trace.ts [page: article | article-ads | corpus | quiet] [loads] [extension dir...]
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extensionDir } from '../../automation/browsers';
import { startStaticServer } from '../../automation/static-server';
import { launchChromiumWith, tracedLoad, writePages } from './scan-bench';
import { writeFloorExtension } from './floor-extension';
import { outermost, type TraceEvent } from './trace-main-thread';

const [pageName = 'article', loadsArg = '3', ...dirs] = process.argv.slice(2);
const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.compile',
  'blink',
  'blink.user_timing',
  'loading',
  'ipc',
  'mojom',
  'extensions',
  '__metadata',
];
const TASKS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
const cpu = (e: TraceEvent) => e.tdur ?? e.dur!;

const isExtensionUrl = (e: TraceEvent) => {
  const data = e.args?.data as { url?: unknown; scriptName?: unknown } | undefined;
  const url = data?.url ?? data?.scriptName ?? (e.args as { fileName?: unknown } | undefined)?.fileName;
  return typeof url === 'string' && /^chrome-extension:/.test(url);
};

/** Self time (thread time where given) per event name inside the extension's tasks of the page's main threads. */
function breakdown(events: TraceEvent[]): {
  tasks: number;
  taskMs: number;
  self: Map<string, number>;
  compiles: string[];
} {
  const mains = new Set<string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name' && (e.args as { name?: string })?.name === 'CrRendererMain')
      mains.add(`${e.pid}:${e.tid}`);
  const self = new Map<string, number>();
  let taskMs = 0;
  let count = 0;
  for (const key of mains) {
    const onThread = events.filter((e) => `${e.pid}:${e.tid}` === key && e.ph === 'X' && e.dur !== undefined);
    const tasks = outermost(onThread.filter((e) => TASKS.has(e.name)));
    for (const t of tasks) {
      const inside = onThread.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur! <= t.ts + t.dur!);
      // A microtask checkpoint is an extension's too: the bench's pages run no script (trace-main-thread.ts).
      if (!inside.some((e) => isExtensionUrl(e) || e.name === 'RunMicrotasks')) continue;
      count++;
      taskMs += (t.tdur ?? t.dur!) / 1000;
      // Self time: an event's thread time (wall time where the trace gives none) minus its direct children's, nesting
      // read from the wall-clock intervals. Thread time, so a busy machine's waits for a core are not counted.
      const all = [t, ...inside].sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
      const stack: { e: TraceEvent; child: number }[] = [];
      const close = (until: number) => {
        while (stack.length && stack.at(-1)!.e.ts + stack.at(-1)!.e.dur! <= until) {
          const { e, child } = stack.pop()!;
          const name = e === t ? '(task itself)' : label(e);
          self.set(name, (self.get(name) ?? 0) + Math.max(0, cpu(e) - child) / 1000);
          if (stack.length) stack.at(-1)!.child += cpu(e);
        }
      };
      for (const e of all) {
        close(e.ts);
        stack.push({ e, child: 0 });
      }
      close(Infinity);
    }
  }
  return { tasks: count, taskMs, self, compiles: compiles(events) };
}

/**
 * Each compile of an extension's script on the page's main threads, with what V8 says of its code cache (whether the
 * browser handed it a cache to consume, and how big), to tell whether an injected script is served from the cache.
 */
function compiles(events: TraceEvent[]): string[] {
  return events
    .filter((e) => e.ph === 'X' && /compile/i.test(e.name) && isExtensionUrl(e))
    .map((e) => {
      const { url, ...data } = (e.args?.data ?? {}) as Record<string, unknown>;
      const file = String(url ?? (e.args as { fileName?: unknown })?.fileName).replace(/^.*\//, '');
      return `${e.name} [${file}] ${(cpu(e) / 1000).toFixed(2)} ms ${JSON.stringify(data)}`;
    });
}

function label(e: TraceEvent): string {
  const data = e.args?.data as { url?: string; functionName?: string; type?: string } | undefined;
  const file = data?.url?.replace(/^.*\//, '');
  if (e.name === 'EventDispatch' && data?.type) return `EventDispatch ${data.type}`;
  return file && /^chrome-extension:/.test(data?.url ?? '') ? `${e.name} [${file}]` : e.name;
}

const dir = mkdtempSync(join(tmpdir(), 'lens-trace-'));
const site = join(dir, 'site');
mkdirSync(site);
const server = await startStaticServer({ roots: [site] });
writePages(site, server);
const setups: Record<string, string> = {
  floor: writeFloorExtension(join(dir, 'floor'), 'chromium'),
  'message floor': writeFloorExtension(join(dir, 'message-floor'), 'chromium', { roundTrip: true }),
};
for (const d of dirs.length ? dirs : [extensionDir('chromium')]) setups[d] = d;
try {
  for (const [name, extension] of Object.entries(setups)) {
    const context = await launchChromiumWith(extension);
    const runs: ReturnType<typeof breakdown>[] = [];
    try {
      for (let load = -1; load < Number(loadsArg); load++) {
        const result = breakdown(
          await tracedLoad(context, server.url(`/${pageName}.html`), 2_500, undefined, CATEGORIES),
        );
        if (load >= 0) runs.push(result);
      }
    } finally {
      await context.close();
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? 0;
    const names = new Set(runs.flatMap((r) => [...r.self.keys()]));
    const rows = [...names]
      .map((n) => [n, median(runs.map((r) => r.self.get(n) ?? 0))] as const)
      .filter(([, ms]) => ms >= 0.05)
      .sort((a, b) => b[1] - a[1]);
    console.log(
      `\n${name}: ${median(runs.map((r) => r.tasks))} tasks, ${median(runs.map((r) => r.taskMs)).toFixed(1)} ms (thread time, median of ${runs.length})`,
    );
    for (const [n, ms] of rows) console.log(`  ${ms.toFixed(2).padStart(7)} ms  ${n}`);
    for (const [i, r] of runs.entries()) for (const c of r.compiles) console.log(`  load ${i + 1}: ${c}`);
  }
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
