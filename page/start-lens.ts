/** Wires the content script's parts for one document and ties them to the content script's lifetime. */
import { answerExtension, sendToBackground } from '~/browser/messages';
import type { LensStart, QuoteSelector, ScanReport } from '~/lib/messaging/messages';
import type { GateHandOver, StageHandle } from './lens-stage';
import type { AliasIndex } from '~/lib/factbase/types';
import { takeEntityRows } from '~/lib/own/known-entities';
import { MentionStore } from './mention-store';
import { PageScanner, defaultYield, type MentionFinder } from './scan-page';
import { watchMutations } from './watch-mutations';
import { announceScanReport, answerReportRequests } from './report-event';
import { firstVisibleText } from './viewport';
import { revealEntity } from './reveal';
import { listenForSaveSelection, type SaveSelectionAnswer } from './save-selection';
import { startSnippetHighlights, type SnippetHighlights } from './snippet-highlights';
import { startCardTriggers } from './card-triggers';
import { onFirstInput } from './first-input';
import { SettingsApplier, pageHostname } from './apply-settings';
import type { Lifetime } from './lifetime';
import { pageDate } from './hover-page';

/**
 * The scanner stage's start, once the gate (page/frame-gate.ts) has let this document through and the background has
 * injected this stage and answered with the settings and the page's saved passages, and, for the top page, the
 * matches in the text its gate walked (page/top-gate.ts).
 */
export function startLens(ctx: Lifetime, { settings, quotes, found }: LensStart, handOver?: GateHandOver): StageHandle {
  const doc = document;
  const win = window;
  // Saved passages are painted again on later visits when the setting says so, the first time from the passages that
  // came with the start. A page with none (most pages) sets nothing up until one is saved here or the setting turns on.
  let snippetsOn = settings.highlightSnippets;
  /** Paints this page's saved passages, asking for them unless `first` brings them. */
  const paintSnippets = (first?: QuoteSelector[]) => {
    const painted = startSnippetHighlights(doc, sendToBackground, ctx.signal, first);
    painted.setEnabled(true);
    return painted;
  };
  let snippets: SnippetHighlights | null = snippetsOn && quotes.length ? paintSnippets(quotes) : null;
  const showSnippets = (on: boolean) => {
    if (on === snippetsOn) return;
    snippetsOn = on;
    if (snippets) snippets.setEnabled(on);
    else if (on) snippets = paintSnippets();
  };
  const snippetSaved = () => {
    if (snippets) snippets.refresh();
    else if (snippetsOn) snippets = paintSnippets();
  };

  // The entity table ([id, name, type] by entity number) holds only the rows of the names found here: each answer of
  // the matcher carries the rows it names, so a frame that names nothing (an ad, an embed) holds none.
  const entityIndex: Pick<AliasIndex, 'entities'> = { entities: [] };
  // The article's date tells namesakes apart (lib/matcher/disambiguate.ts); read once per address (a single-page app
  // that navigates gets a new page context in the background, so it is read again there). Only the top page is read:
  // frames are ads, embeds and widgets far more often than the article, and each read runs selectors over the DOM.
  let dated: { url: string; date: string | undefined } | null = null;
  const articleDate = () =>
    win !== win.top
      ? undefined
      : (dated?.url === location.href ? dated : (dated = { url: location.href, date: pageDate(doc) })).date;
  // The background's matcher, built once per browser session, does the matching for every page and frame.
  // Each full scan of the document is numbered, so the background reads it afresh: the evidence a scan gathers (who a
  // bare surname meant, which namesakes the page named) must not carry into the next scan of the same text, or a
  // rescan after the lens is switched back on would decide names differently. A subtree's rescan keeps its scan's.
  let scanNumber = handOver?.scans ?? 0;
  const findMentions: MentionFinder = async (batch) => {
    const date = articleDate();
    const found = await sendToBackground({
      type: 'find-mentions',
      batch,
      scan: scanNumber,
      ...(date ? { date } : {}),
    });
    return takeEntityRows(found, entityIndex.entities);
  };
  const store = new MentionStore(doc, entityIndex);
  ctx.onInvalidated(() => store.destroy());

  // The text the top page's gate walked, with the matches in it: painted by the first scan, not read again.
  let walked = found ? handOver?.walked : undefined;

  // One scanner per period the lens is on (see apply-settings.ts); its stats are what the report shows.
  let scanner: PageScanner | null = null;

  // The report (what the popup shows) is counted when the popup asks, not after every batch: counting sorts every
  // mention, and most frames are never asked (only the top frame answers). None before the first scan has ended.
  let scanned = false;
  const report = (): ScanReport => ({
    url: location.href,
    mentions: applier.reportCounts(store.counts()),
    scanMs: round(scanner?.stats.scanMs ?? 0),
    longestSliceMs: round(scanner?.stats.longestSliceMs ?? 0),
    wallMs: round(scanner?.stats.wallMs ?? 0),
  });
  // Test build only: the report as a page event after scans, at most one per PUBLISH_EVERY_MS while mutations keep
  // coming, the last one always sent (page/report-event.ts), for tests, `npm run scan` and benches.
  let latest: ScanReport | null = null;
  if (__LENS_TEST_BUILD__) answerReportRequests(doc, () => latest, ctx.signal);
  let lastPublish = -Infinity;
  let publishPending = false;
  const publishSoon = () => {
    if (!__LENS_TEST_BUILD__ || publishPending) return;
    const wait = lastPublish + PUBLISH_EVERY_MS - performance.now();
    if (wait <= 0) return publish();
    publishPending = true;
    ctx.setTimeout(() => {
      publishPending = false;
      publish();
    }, wait);
  };
  const publish = () => {
    if (!__LENS_TEST_BUILD__) return;
    lastPublish = performance.now();
    latest = report();
    announceScanReport(doc, latest);
  };

  // Scans run one after another so two never interleave their changes to the store.
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (work: () => Promise<void>) => {
    queue = queue.then(work).then(
      () => {
        applier.afterScan();
        scanned = true;
        publishSoon();
      },
      (err) => console.debug('[lens] scan failed', err),
    );
  };

  // Settings decide when the lens runs: `start` is called when it turns on (and again after every off → on).
  const applier = new SettingsApplier(
    doc,
    store,
    entityIndex,
    pageHostname(win),
    {
      start: (signal) => {
        const current = new PageScanner(findMentions, store, defaultYield(win), signal);
        scanner = current;
        // The gate's walk and its matches make the first scan; once only (the lens switched off and on scans anew).
        // A page whose matches offer namesakes and that states its date is scanned again with it: the date decides
        // between namesakes (lib/matcher/disambiguate.ts), and the gate, which carries no date reader, sent none.
        const gate = walked && !(offersNamesakes(found) && articleDate()) ? walked : undefined;
        walked = undefined;
        if (gate) {
          current.addScanMs(gate.ms);
          enqueue(() => current.paintWalked(doc.body, gate.blocks, takeEntityRows(found!, entityIndex.entities)));
        } else
          enqueue(() => {
            scanNumber++;
            return current.scan(doc.body, firstVisibleText(doc));
          });
        watchMutations(
          doc.documentElement,
          {
            rescan: (roots) => enqueue(() => current.scanAll(roots)),
            rescanAll: () =>
              enqueue(() => {
                scanNumber++;
                return current.scan(doc.body);
              }),
            dropDisconnected: () => enqueue(async () => store.dropDisconnected()),
          },
          signal,
          win,
          gate?.changes,
        );
      },
      stopped: () => {
        scanned = true;
        publish();
      },
    },
    ctx.signal,
  );

  // Cards follow the same settings: closed when the lens turns off or their entity is hidden (see apply-settings.ts).
  // Their code is the content script's second stage, loaded on the reader's first approach to a mark; their triggers,
  // and saving a selection (which works wherever the lens runs, whatever the settings say about marks), are set up on
  // the reader's first input in this frame (page/first-input.ts), or by the keyboard command's first card.
  const send = sendToBackground;
  let cards: ReturnType<typeof startCardTriggers> | null = null;
  let saveSelection: SaveSelectionAnswer | null = null;
  const startInput = onFirstInput(win, ctx.signal, () => {
    saveSelection = listenForSaveSelection(doc, ctx.signal, snippetSaved, send, handOver?.reader);
    cards = startCardTriggers(
      {
        doc,
        win,
        store,
        index: entityIndex,
        signal: ctx.signal,
        settings: () => applier.current ?? settings,
        active: () => applier.enabled,
        send,
      },
      () => send({ type: 'load-card-stage' }),
    );
  });
  applier.apply(settings);
  // Changes come from the background, which watches storage for every frame (entrypoints/background.ts).
  answerExtension(
    {
      'settings-changed': ({ settings: next }) => {
        applier.apply(next);
        showSnippets(next.highlightSnippets);
        cards?.refresh();
        return undefined;
      },
    },
    ctx.signal,
  );

  // Only the top frame answers the popup (its report is the page's), so a page with iframes gives one answer; the
  // background sends next-mention to the top frame only.
  if (win === win.top)
    answerExtension(
      {
        'get-scan-report': () => Promise.resolve(scanned ? report() : null),
        'next-mention': () => {
          startInput();
          return Promise.resolve(cards?.next('command'));
        },
        'reveal-entity': (message) => Promise.resolve(revealEntity(doc, store, entityIndex, message.entityId)),
      },
      ctx.signal,
    );
  return {
    saveSelection: (message) => {
      startInput();
      return saveSelection?.(message);
    },
  };
}

/** Reports are published at most this often while mutations keep coming; the popup reads the latest. */
const PUBLISH_EVERY_MS = 500;

const round = (ms: number) => Math.round(ms * 100) / 100;

/** Whether some match leaves namesakes to the reader: the only case in which the article's date changes a match. */
const offersNamesakes = (found: LensStart['found']) => !!found?.notes?.some((note) => note.or?.length);
