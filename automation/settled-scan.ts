/**
 * What a reader sees on a page, read from outside: the scan reports of the top document and of every same-origin
 * frame, taken once the page has settled. The content script reports per document, and the first report of a page
 * that renders itself after load (a client-side app, an article fetched by script) counts what was there before the
 * render; a page whose names are in an iframe has them in the frame's report only. Used by `npm run scan` and by the
 * e2e tests that check it; the reports are the test build's page events (page/report-event.ts).
 */
import type { MentionCount, ScanReport } from '../lib/messaging/messages';
import { sleep, waitForScanReport, type LensPage } from './lens-browser';

export interface SettledScan {
  /** The top document's URL. */
  url: string;
  /** Every document's mentions added up, by entity and text as written on the page. */
  mentions: MentionCount[];
  /** Main-thread milliseconds of every document's scans. */
  scanMs: number;
  /** The documents that reported: the top one first, then its same-origin frames in document order. */
  frames: { url: string; mentions: number }[];
  /** False when the page was still changing (or still loading) at the deadline: the counts are what it had then. */
  settled: boolean;
}

/** Nothing changed on the page (no DOM mutation, no new report) for this long: it has settled. */
const QUIET_MS = 1_500;
/** A page that never stops changing (a ticking clock, a live feed) is reported as it is after this long. */
const SETTLE_TIMEOUT_MS = 15_000;
const POLL_MS = 100;

interface FrameState {
  url: string;
  report: string | null;
  complete: boolean;
}

/**
 * Runs in the page's own world: in the top document and every same-origin frame (recursively), keeps the latest
 * `lens-scan-done` report and the time of the last DOM change, asks a document that has not reported yet to
 * announce again (`lens-report-request`), and returns each document's state with the latest change anywhere.
 * Installed again in a frame that navigated (its document is new). Cross-origin frames are not readable: skipped.
 */
function watchDocuments(): { frames: FrameState[]; quietForMs: number } {
  interface Watch {
    report: string | null;
    lastChange: number;
  }
  type Watched = Document & { __lensSettle?: Watch };
  const frames: FrameState[] = [];
  let lastChange = 0;
  const visit = (doc: Watched) => {
    let watch = doc.__lensSettle;
    if (!watch) {
      const fresh: Watch = { report: null, lastChange: Date.now() };
      watch = fresh;
      doc.__lensSettle = fresh;
      doc.addEventListener('lens-scan-done', (event) => {
        fresh.report = String((event as CustomEvent<unknown>).detail);
        fresh.lastChange = Date.now();
      });
      new MutationObserver(() => (fresh.lastChange = Date.now())).observe(doc, {
        childList: true,
        subtree: true,
        characterData: true,
      });
      doc.dispatchEvent(new CustomEvent('lens-report-request'));
    }
    frames.push({ url: doc.location?.href ?? '', report: watch.report, complete: doc.readyState === 'complete' });
    lastChange = Math.max(lastChange, watch.lastChange);
    for (const frame of doc.querySelectorAll('iframe, frame')) {
      let inner: Document | null;
      try {
        inner = (frame as HTMLIFrameElement).contentDocument;
      } catch {
        inner = null; // cross-origin
      }
      if (inner) visit(inner as Watched);
    }
  };
  visit(document as Watched);
  // Milliseconds since the last change, so the page's clock and ours never need to agree.
  return { frames, quietForMs: Math.max(0, Date.now() - lastChange) };
}

/**
 * Waits for the top document's first report, then until nothing has changed for `quietMs` in any document (every one
 * loaded), and adds up what each document reported. Never waits longer than `timeoutMs` after the first report.
 */
export async function settledScan(
  page: LensPage,
  { quietMs = QUIET_MS, timeoutMs = SETTLE_TIMEOUT_MS }: { quietMs?: number; timeoutMs?: number } = {},
): Promise<SettledScan> {
  const first = await waitForScanReport(page);
  const started = Date.now();
  let state = await page.evaluate(watchDocuments);
  let settled: boolean;
  for (;;) {
    const quietFor = state.quietForMs;
    settled = quietFor >= quietMs && state.frames.every((f) => f.complete);
    if (settled || Date.now() - started >= timeoutMs) break;
    await sleep(Math.min(POLL_MS, Math.max(10, quietMs - quietFor)));
    state = await page.evaluate(watchDocuments);
  }
  // Documents that never reported are left out: frames the content script leaves alone (tiny, hidden, our own).
  const reported = state.frames.flatMap((f, i) => {
    const report = f.report ? (JSON.parse(f.report) as ScanReport) : i === 0 ? first : null;
    return report ? [{ url: f.url, report }] : [];
  });
  return {
    url: first.url,
    ...addUp(reported.map((r) => r.report)),
    frames: reported.map((r) => ({ url: r.url, mentions: r.report.mentions.reduce((n, m) => n + m.count, 0) })),
    settled,
  };
}

function addUp(reports: readonly ScanReport[]): { mentions: MentionCount[]; scanMs: number } {
  const byKey = new Map<string, MentionCount>();
  let scanMs = 0;
  for (const report of reports) {
    scanMs += report.scanMs;
    for (const m of report.mentions) {
      const key = `${m.entityId}\u0000${m.text}`;
      const row = byKey.get(key);
      if (row) row.count += m.count;
      else byKey.set(key, { entityId: m.entityId, name: m.name, text: m.text, count: m.count });
    }
  }
  return { mentions: [...byKey.values()], scanMs: Math.round(scanMs * 100) / 100 };
}
