/**
 * The top page's gate and start (issue 17), a content script of its own (entrypoints/top.content.ts), so that the
 * frames' gate (page/frame-gate.ts), which every frame parses, does not carry it. It walks the page's text once and sends it with start-lens, so the matcher
 * has it in the round trip that fetches the stage; the background injects the scanner stage only when there is
 * something to paint, with the matches in its start, and the stage paints them over the blocks walked here
 * (PageScanner.paintWalked): nothing is read or sent twice.
 *
 * A page that names nothing gets no stage, and its gate stays, small:
 * - it reads the page's changes as the stage's watcher would (page/watch-mutations.ts), walks only what changed and
 *   sends that as more text of the same scan; once something is named the stage comes and scans the page;
 * - it answers the popup's get-scan-report (no names), and in the test build announces that report to the page;
 * - it watches the reader's selection, so that saving one (the command, the menu) brings the stage in to save it.
 */
import { answerExtension, sendToBackground } from '~/browser/messages';
import { joinTexts } from '~/lib/matcher/wire';
import { FIND_LIMITS, type LensStart, type ScanReport } from '~/lib/messaging/messages';
import { defaultYield, SLICE_MS } from './scan-page';
import { textBlocks, type TextBlock } from './text-blocks';
import { outermost, readChanges, STORM_THRESHOLD } from './watch-mutations';
import { watchReaderSelection } from './reader-selection';
import { announceScanReport, answerReportRequests } from './report-event';
import { lensStageEntry, type StageHandle } from './lens-stage';
import { lensLifetime, type Lifetime } from './lifetime';

/** The number the gate's text goes to the matcher under (find-mentions' `scan`); the stage's scans follow it. */
const GATE_SCAN = 1;
/** A page that named nothing is read again this long after its first change since, so a burst costs one read. */
const RECHECK_MS = 300;
/** A page changing all over (more containers than the watcher rescans one by one) is read whole, at most this often. */
const FULL_RECHECK_MS = 2_000;
const OBSERVED: MutationObserverInit = { childList: true, subtree: true, characterData: true };

interface Walked {
  blocks: TextBlock[];
  /** Main-thread milliseconds of the walk, summed over its slices. */
  ms: number;
}

/** The top page's gate: lets an HTML page through, then starts the lens in it (startTopPage). */
export function openTopGate(): Promise<void> {
  const doc = document;
  // The browser's own viewers (PDF, JSON, images) are not articles: stay quiet there.
  if (!doc.body || doc.contentType !== 'text/html') return Promise.resolve();
  // Not WXT's context: a page can end that one (page/lifetime.ts).
  return startTopPage(doc, window, doc.body, lensLifetime());
}

/** Starts the lens in the top page: one walk, one message; the stage only where there is something to paint. */
async function startTopPage(doc: Document, win: Window, body: HTMLElement, ctx: Lifetime): Promise<void> {
  // What changes from the walk on is read later, by the stage's watcher or this gate's: none slips in between.
  const changes: MutationRecord[] = [];
  let changed = () => {};
  const watch = new MutationObserver((records) => {
    changes.push(...records);
    changed();
  });
  watch.observe(doc.documentElement, OBSERVED);
  const stopWatching = () => {
    changes.push(...watch.takeRecords());
    watch.disconnect();
  };
  ctx.onInvalidated(stopWatching);

  const walked = await walk([body], win, ctx.signal);
  if (ctx.signal.aborted) return;
  // Without the article's date, which only tells namesakes apart: the stage reads it when the matches offer some.
  const start = await sendToBackground(
    walked ? { type: 'start-lens', batch: batchOf(walked.blocks), scan: GATE_SCAN } : { type: 'start-lens' },
  ).catch(() => undefined);
  if (start === undefined || ctx.isInvalid) return stopWatching();
  if (start) {
    stopWatching();
    // More text than one message carries: the stage scans the page itself, in batches, as in a frame.
    lensStageEntry()?.(ctx, start, walked ? { scans: GATE_SCAN, walked: { ...walked, changes } } : { scans: 0 });
    return;
  }

  // Nothing named: wait for text that names something, and answer for the page meanwhile.
  const waiting = new AbortController();
  ctx.onInvalidated(() => waiting.abort());
  const reader = watchReaderSelection(doc, ctx.signal);
  const report = (): ScanReport => {
    const ms = Math.round((walked?.ms ?? 0) * 100) / 100;
    return { url: location.href, mentions: [], scanMs: ms, longestSliceMs: ms, wallMs: ms };
  };
  let stage: StageHandle | undefined;
  /**
   * Brings the stage in with `start` (once): it scans the page afresh, its changes included, as after a navigation,
   * and saves with the selection this gate saw the reader make.
   */
  const bring = (start: LensStart | null | undefined): StageHandle | undefined => {
    if (start && !stage && !waiting.signal.aborted && !ctx.isInvalid) {
      waiting.abort();
      stopWatching();
      stage = lensStageEntry()?.(ctx, start, { scans: GATE_SCAN, reader });
    }
    return stage;
  };
  answerExtension(
    {
      'get-scan-report': () => Promise.resolve(report()),
      // Saving needs the stage's code: it comes without text (the page named nothing), then saves.
      'save-selection': (message) => {
        if (!reader.isReaderMade()) return message.via === 'context-menu' ? Promise.resolve(null) : undefined;
        return sendToBackground({ type: 'start-lens' })
          .then(bring, () => undefined)
          .then((handle) => handle?.saveSelection(message) ?? null);
      },
    },
    waiting.signal,
  );
  // An Esc pressed here still closes a card open in one of the page's frames (page/hover-frames.ts): the lens is on
  // here, or the stage would have come to stay idle.
  doc.addEventListener(
    'keydown',
    (e) => void (e.isTrusted && e.key === 'Escape' && sendToBackground({ type: 'escape-pressed' }).catch(() => {})),
    { capture: true, signal: waiting.signal },
  );
  if (__LENS_TEST_BUILD__) {
    answerReportRequests(doc, report, waiting.signal);
    announceScanReport(doc, report());
  }

  // Text added or changed later (a page that renders its article after load) is read and sent on its own.
  let lastFull = -Infinity;
  const recheck = async () => {
    const pending = new Set<Node>();
    readChanges(changes.splice(0), pending);
    const storm = pending.size > STORM_THRESHOLD;
    if (storm) lastFull = performance.now();
    const roots = storm ? [body] : outermost(pending);
    if (!roots.length) return;
    const read = await walk(roots, win, waiting.signal);
    if (waiting.signal.aborted || read?.blocks.length === 0) return;
    // More text than one message carries: the stage comes without the check and scans.
    const batch = read ? { batch: batchOf(read.blocks), scan: GATE_SCAN } : {};
    bring(await sendToBackground({ type: 'start-lens', ...batch }).catch(() => undefined));
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    if (timer !== undefined || waiting.signal.aborted || !changes.length) return;
    // After a whole-page read the next read waits longer: a page changing all over keeps changing.
    const wait = Math.max(RECHECK_MS, lastFull + FULL_RECHECK_MS - now());
    timer = setTimeout(
      () =>
        void recheck().finally(() => {
          timer = undefined;
          schedule();
        }),
      wait,
    );
  };
  changed = schedule;
  waiting.signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  schedule();
}

const now = () => performance.now();

/** The blocks under `roots`, walked in slices; null when they hold more text than one message may carry. */
async function walk(roots: readonly Node[], win: Window, signal: AbortSignal): Promise<Walked | null> {
  const yieldToPage = defaultYield(win);
  const blocks: TextBlock[] = [];
  let chars = 0;
  let ms = 0;
  let sliceStart = performance.now();
  for (const root of roots)
    for (const block of textBlocks(root)) {
      if ((chars += block.text.length) > FIND_LIMITS.chars || blocks.length === FIND_LIMITS.texts) return null;
      blocks.push(block);
      if (performance.now() - sliceStart < SLICE_MS) continue;
      ms += performance.now() - sliceStart;
      await yieldToPage();
      if (signal.aborted) return null;
      sliceStart = performance.now();
    }
  return { blocks, ms: ms + performance.now() - sliceStart };
}

const batchOf = (blocks: readonly TextBlock[]) => joinTexts(blocks.map((block) => block.text));
