/**
 * The scan report as a DOM event on the document, for the scan command and end-to-end tests: in the test build only
 * (`__LENS_TEST_BUILD__`, see wxt.config.ts), never in what users install.
 * The detail is a JSON string because Firefox does not let page code read objects made by a content script.
 */
import type { ScanReport } from '~/lib/messaging/messages';

const SCAN_DONE_EVENT = 'lens-scan-done';
const REPORT_REQUEST_EVENT = 'lens-report-request';

export function announceScanReport(doc: Document, report: ScanReport): void {
  doc.dispatchEvent(new CustomEvent(SCAN_DONE_EVENT, { detail: JSON.stringify(report) }));
}

/** Answers late listeners: a page-side `lens-report-request` event gets the latest report again. */
export function answerReportRequests(doc: Document, latest: () => ScanReport | null, signal: AbortSignal): void {
  doc.addEventListener(
    REPORT_REQUEST_EVENT,
    () => {
      const report = latest();
      if (report) announceScanReport(doc, report);
    },
    { signal },
  );
}
