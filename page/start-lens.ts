/** Wires the content script's parts for one document and ties them to the content script's lifetime. */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { AliasIndex } from '~/lib/factbase/types';
import type { ScanReport } from '~/lib/messaging/messages';
import { announceScanReport, answerReportRequests } from './report-event';

export async function startLens(ctx: ContentScriptContext): Promise<void> {
  const aliasIndex = (await browser.runtime.sendMessage({ type: 'get-alias-index' })) as AliasIndex;
  let latest: ScanReport | null = null;
  answerReportRequests(document, () => latest, ctx.signal);
  const started = performance.now();
  latest = { url: location.href, mentions: [], scanMs: performance.now() - started, longestSliceMs: 0 };
  void aliasIndex;
  announceScanReport(document, latest);
  void browser.runtime.sendMessage({ type: 'scan-report', report: latest });
}
