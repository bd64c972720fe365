/**
 * Main-thread time of the renderer processes that hosted a page's frames, read from a Chromium trace (the browser's
 * own record, not the product's stopwatch): the thread (CPU) time of the top-level tasks on each process's main
 * thread. Thread time, not wall time, because a busy machine stretches wall time with waits for a core.
 * Pure: takes the trace's events, so it is unit-tested with hand-made ones.
 */

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  /** Microseconds, wall clock. */
  ts: number;
  dur?: number;
  /** Microseconds of the thread's CPU time. */
  tdur?: number;
  args?: Record<string, unknown>;
}

interface ProcessBusy {
  pid: number;
  /** The URLs of the frames this process committed (a cross-site iframe gets its own process). */
  urls: string[];
  /** CPU milliseconds the main thread spent in tasks. */
  busyMs: number;
  longestTaskMs: number;
  tasks: number;
  /**
   * CPU milliseconds of the tasks in which an extension's script ran: compiled, evaluated, called back from the page
   * (a NodeFilter, a timer, an event listener), or resumed in a microtask (an awaited message's reply, a
   * `scheduler.yield()`), which the trace names by no script. The last counts only because the bench's pages run no
   * script of their own, so any microtask on their main threads is an extension's (the bare browser's column shows
   * it: none). Less noisy than a difference of totals, but blind to work the extension causes outside its script
   * (painting its highlights, decoding its messages).
   */
  extensionMs: number;
}

/** Names of a top-level task in the trace (the devtools category's and the scheduler's; both are read, once). */
const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
const RENDERER_MAIN = 'CrRendererMain';
/**
 * A microtask checkpoint that ran script (category v8.execute). Code an extension resumes after an `await` runs in
 * one, in a task the trace otherwise ties to no script: the gate's reply starting the scanner stage, a scan resumed
 * after yielding, a batch of marks painted when the matcher answers. Counting only tasks with a named script missed
 * those (issue 17: 10-15 ms a load on the article once the walk stopped calling back through a NodeFilter).
 */
const MICROTASKS = 'RunMicrotasks';

interface FrameData {
  url?: string;
  processId?: number;
  processPseudoId?: string | number;
}

/** Per process whose frames' URLs `isPage` accepts: main-thread busy time and its longest task. */
export function mainThreadBusy(events: readonly TraceEvent[], isPage: (url: string) => boolean): ProcessBusy[] {
  const pseudo = new Map<string, number>();
  for (const e of events)
    if (e.name === 'ProcessReadyInBrowser') {
      const d = (e.args?.data ?? {}) as { processPseudoId?: string | number; processId?: number };
      if (d.processPseudoId !== undefined && d.processId !== undefined)
        pseudo.set(String(d.processPseudoId), d.processId);
    }
  const urls = new Map<number, Set<string>>();
  const note = (f: FrameData) => {
    const pid = f.processId ?? (f.processPseudoId !== undefined ? pseudo.get(String(f.processPseudoId)) : undefined);
    if (pid === undefined || !f.url || !isPage(f.url)) return;
    const set = urls.get(pid) ?? new Set<string>();
    set.add(f.url);
    urls.set(pid, set);
  };
  for (const e of events) {
    const data = e.args?.data as ({ frames?: FrameData[] } & FrameData) | undefined;
    if (!data) continue;
    if (e.name === 'TracingStartedInBrowser') for (const f of data.frames ?? []) note(f);
    else if (e.name === 'FrameCommittedInBrowser') note(data);
  }
  const mainThread = new Map<number, number>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name' && (e.args as { name?: string })?.name === RENDERER_MAIN)
      mainThread.set(e.pid, e.tid);

  const out: ProcessBusy[] = [];
  for (const [pid, frameUrls] of urls) {
    const tid = mainThread.get(pid);
    const tasks = outermost(
      events.filter(
        (e) => e.pid === pid && e.tid === tid && e.ph === 'X' && TASK_NAMES.has(e.name) && e.dur !== undefined,
      ),
    );
    const scriptAt = events
      .filter((e) => e.pid === pid && e.tid === tid && (isExtensionScript(e) || e.name === MICROTASKS))
      .map((e) => e.ts)
      .sort((a, b) => a - b);
    let busy = 0;
    let longest = 0;
    let extension = 0;
    for (const t of tasks) {
      const cpu = t.tdur ?? t.dur!;
      busy += cpu;
      longest = Math.max(longest, cpu);
      if (anyWithin(scriptAt, t.ts, t.ts + t.dur!)) extension += cpu;
    }
    out.push({
      pid,
      urls: [...frameUrls],
      busyMs: busy / 1000,
      longestTaskMs: longest / 1000,
      tasks: tasks.length,
      extensionMs: extension / 1000,
    });
  }
  return out;
}

/**
 * The tasks not inside another (the same task is recorded under two names, one inside the other, and a nested run
 * loop runs tasks inside a task), in order.
 */
export function outermost(tasks: readonly TraceEvent[]): TraceEvent[] {
  const sorted = [...tasks].sort((x, y) => x.ts - y.ts || y.dur! - x.dur!);
  const out: TraceEvent[] = [];
  let end = -Infinity;
  for (const t of sorted) {
    if (t.ts < end) continue;
    out.push(t);
    end = t.ts + t.dur!;
  }
  return out;
}

function isExtensionScript(e: TraceEvent): boolean {
  const url = (e.args?.data as { url?: unknown } | undefined)?.url;
  return typeof url === 'string' && /^(chrome|moz)-extension:/.test(url);
}

/** Whether a sorted list holds a value in [from, to]. */
function anyWithin(sorted: readonly number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo]! <= to;
}
