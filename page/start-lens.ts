/** Wires the content script's parts for one document and ties them to the content script's lifetime. */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { AliasIndex } from '~/lib/factbase/types';
import type { PopupToContent, ScanReport } from '~/lib/messaging/messages';
import { createMatcher } from '~/lib/matcher';
import { MentionStore } from './mention-store';
import { PageScanner, defaultYield } from './scan-page';
import { watchMutations } from './watch-mutations';
import { announceScanReport, answerReportRequests } from './report-event';
import { firstVisibleText } from './viewport';
import { revealEntity } from './reveal';

export async function startLens(ctx: ContentScriptContext): Promise<void> {
  const doc = document;
  const win = window;
  // The browser's own viewers (PDF, JSON, images) are not articles: stay quiet there.
  if (!doc.body || doc.contentType !== 'text/html') return;

  const aliasIndex = (await browser.runtime.sendMessage({ type: 'get-alias-index' })) as AliasIndex;
  if (ctx.isInvalid) return;
  const matcher = createMatcher(aliasIndex);
  const store = new MentionStore(doc, aliasIndex);
  const scanner = new PageScanner(matcher, store, defaultYield(win), ctx.signal);
  ctx.onInvalidated(() => store.destroy());

  let latest: ScanReport | null = null;
  answerReportRequests(doc, () => latest, ctx.signal);
  const publish = () => {
    latest = {
      url: location.href,
      mentions: store.counts(),
      scanMs: round(scanner.stats.scanMs),
      longestSliceMs: round(scanner.stats.longestSliceMs),
    };
    announceScanReport(doc, latest);
    browser.runtime.sendMessage({ type: 'scan-report', report: latest }).catch(() => {});
  };

  // Scans run one after another so two never interleave their changes to the store.
  let queue = scanner.scan(doc.body, firstVisibleText(doc)).then(publish);
  const enqueue = (work: () => Promise<void>) => {
    queue = queue.then(work).then(publish, (err) => console.debug('[lens] scan failed', err));
  };

  watchMutations(
    doc.documentElement,
    {
      rescan: (roots) => enqueue(async () => {
        for (const root of roots) await scanner.scan(root);
      }),
      rescanAll: () => enqueue(() => scanner.scan(doc.body)),
      dropDisconnected: () => enqueue(async () => store.dropDisconnected()),
    },
    ctx.signal,
    win,
  );

  browser.runtime.onMessage.addListener((raw: unknown) => {
    const message = raw as PopupToContent;
    // Only the top frame answers the popup, so a page with iframes gives one answer.
    if (win !== win.top) return undefined;
    if (message?.type === 'get-scan-report') return Promise.resolve(latest);
    if (message?.type === 'reveal-entity') return Promise.resolve(revealEntity(doc, store, aliasIndex, message.entityId));
    return undefined;
  });
}

const round = (ms: number) => Math.round(ms * 100) / 100;
