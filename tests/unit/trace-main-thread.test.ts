import { describe, expect, it } from 'vitest';
import { mainThreadBusy, outermost, type TraceEvent } from '../../scripts/bench/trace-main-thread';

const PAGE = 'http://127.0.0.1:8000/article.html';
const AD = 'http://localhost:8000/ad.html';
const EXT = 'chrome-extension://abc/content-scripts/content.js';

const thread = (pid: number, tid: number, name: string): TraceEvent => ({
  name: 'thread_name',
  ph: 'M',
  pid,
  tid,
  ts: 0,
  args: { name },
});
const task = (pid: number, tid: number, ts: number, dur: number, tdur = dur, name = 'RunTask'): TraceEvent => ({
  name,
  ph: 'X',
  pid,
  tid,
  ts,
  dur,
  tdur,
});

describe('main-thread time from a Chromium trace', () => {
  const events: TraceEvent[] = [
    thread(1, 10, 'CrRendererMain'),
    thread(1, 11, 'Compositor'),
    thread(2, 20, 'CrRendererMain'),
    thread(3, 30, 'CrRendererMain'),
    { name: 'TracingStartedInBrowser', ph: 'I', pid: 0, tid: 0, ts: 0, args: { data: { frames: [] } } },
    { name: 'FrameCommittedInBrowser', ph: 'I', pid: 0, tid: 0, ts: 1, args: { data: { url: PAGE, processId: 1 } } },
    // The ad frame commits in a process not started yet: named by a pseudo id, then made real.
    {
      name: 'FrameCommittedInBrowser',
      ph: 'I',
      pid: 0,
      tid: 0,
      ts: 2,
      args: { data: { url: AD, processPseudoId: '0x7' } },
    },
    {
      name: 'ProcessReadyInBrowser',
      ph: 'I',
      pid: 0,
      tid: 0,
      ts: 3,
      args: { data: { processPseudoId: '0x7', processId: 2 } },
    },
    // Page process: one task recorded under both names (nested), one with the extension's script, one off-thread.
    task(1, 10, 100, 50, 40),
    task(1, 10, 101, 48, 39, 'ThreadControllerImpl::RunTask'),
    task(1, 10, 200, 30, 20),
    { name: 'FunctionCall', ph: 'X', pid: 1, tid: 10, ts: 205, dur: 5, args: { data: { url: EXT } } },
    task(1, 11, 100, 500, 500),
    // Code resumed after an await: a microtask checkpoint in a task that names no script.
    task(1, 10, 300, 12, 8),
    { name: 'RunMicrotasks', ph: 'X', pid: 1, tid: 10, ts: 301, dur: 10 },
    // Ad process.
    task(2, 20, 100, 10, 5),
    // A process that hosted no frame of the page (another tab, the extension's own pages).
    task(3, 30, 100, 999, 999),
  ];

  it('sums the CPU time of outermost tasks on the main thread of each process that hosted the page', () => {
    const byPid = new Map(mainThreadBusy(events, (url) => url.startsWith('http')).map((p) => [p.pid, p]));
    expect([...byPid.keys()].sort()).toEqual([1, 2]);
    expect(byPid.get(1)).toMatchObject({
      urls: [PAGE],
      busyMs: 0.068,
      longestTaskMs: 0.04,
      tasks: 3,
      extensionMs: 0.028,
    });
    expect(byPid.get(2)).toMatchObject({ urls: [AD], busyMs: 0.005, extensionMs: 0 });
  });

  it('keeps only processes whose frames the filter accepts', () => {
    expect(mainThreadBusy(events, (url) => url === AD).map((p) => p.pid)).toEqual([2]);
  });

  it('drops tasks nested in another', () => {
    const kept = outermost([task(1, 1, 0, 10), task(1, 1, 2, 3), task(1, 1, 10, 5), task(1, 1, 12, 1)]);
    expect(kept.map((t) => t.ts)).toEqual([0, 10]);
  });
});
