/**
 * The background's one handler object: every request from content scripts lands here after validation.
 * No browser globals: the entrypoint hands in what it needs, so this is testable in Node.
 */
import type { AliasIndex } from '../factbase/types';
import type { FactBaseStore } from '../factbase/factbase-store';
import type { Matcher } from '../matcher';
import { packMatches, splitTexts } from '../matcher/wire';
import { createPageContexts } from '../matcher/page-contexts';
import type { QuoteSelector, ScanReport, SnippetDraft, SnippetSaved } from '../messaging/messages';
import { parseContentMessage } from '../messaging/validate';
import { siteOf, withHiddenEntity, withSiteEnabled, type Settings } from '../settings/settings';
import { createRateLimit, HIDES_BEFORE_CONFIRM, TAB_OPENS_PER_MINUTE, UNDO_HIDE_MS } from './guards';
import type { OwnBackground } from '../own/own-background';

export interface MessageSender {
  id?: string;
  tab?: { id?: number };
  /** The sending frame in its tab (0: the top frame). */
  frameId?: number;
  url?: string;
  /** The frame's real origin (Chromium reports it; `null` for sandboxed frames). */
  origin?: string;
}

/** The snippets store as pages may use it (lib/snippets/page-saves.ts): save, and undo the tab's own fresh save. */
export interface SnippetSink {
  /** Resolves with the receipt; rejects with a sentence for the reader (quota full, too many saves). */
  save(snippet: SnippetDraft, sender: MessageSender): Promise<SnippetSaved>;
  undo(id: string, undoToken: string, sender: MessageSender): Promise<boolean>;
  /** The quote selectors saved from the sender's page (sender.url, never a URL the page names). */
  pageQuotes?(sender: MessageSender): Promise<QuoteSelector[]>;
}

export interface BackgroundDeps {
  store: FactBaseStore;
  aliasIndex: AliasIndex;
  /** The matcher built from aliasIndex, once per session (the entrypoint memoises it). */
  matcher: () => Matcher;
  /** Read-modify-write of the settings record (browser/settings-storage.ts in the extension). */
  updateSettings?: (change: (s: Settings) => Settings) => Promise<unknown>;
  /** The snippets store; until it exists, drafts are accepted and kept in memory for this session only. */
  snippets?: SnippetSink;
  /** Opens the extension's search with a query. */
  openSearch?: (query: string) => Promise<unknown>;
  /** Injects the content script's second stage (the card) into one frame of a tab. */
  injectCardStage?: (tabId: number, frameId: number) => Promise<unknown>;
  /** Opens the explore page around an entity the fact base knows. */
  openExplore?: (id: string, view: 'map' | 'timeline') => Promise<unknown>;
  /** Tells one frame of a tab to close its card (the Esc relay between frames). */
  closeCardIn?: (tabId: number, frameId: number) => Promise<unknown>;
  now?: () => Date;
  /** The reader's own names, notes and sources (lib/own/own-background.ts): cards and the index gain them. */
  own?: OwnBackground;
  /** Writes the reader's note on an entity (empty removes it). */
  setNote?: (id: string, text: string) => Promise<unknown>;
  /** Opens the library filtered to an entity. */
  openLibrary?: (id: string) => Promise<unknown>;
}

const MINUTE_MS = 60_000;

/** Drafts kept while no snippets store exists; a bound keeps a misbehaving page from filling memory. */
const MAX_PENDING_SNIPPETS = 200;

export function createBackgroundHandlers({
  store,
  aliasIndex,
  matcher,
  updateSettings,
  snippets,
  openSearch,
  openExplore,
  closeCardIn,
  injectCardStage,
  now,
  own,
  setNote,
  openLibrary,
}: BackgroundDeps) {
  const isKnown = (id: string) => (own ? own.isKnownEntity(id) : store.entity(id) !== undefined);
  const reports = new Map<number, ScanReport>();
  // Evidence a page gave in earlier batches (a full name, an acronym spelled out) counts for its later ones.
  const pages = createPageContexts();
  const pendingSnippets: (SnippetDraft & { savedAt: string })[] = [];
  const clock = now ?? (() => new Date());
  const ms = () => clock().getTime();
  const tabOpens = createRateLimit(TAB_OPENS_PER_MINUTE, MINUTE_MS, ms);
  const hides = createRateLimit(HIDES_BEFORE_CONFIRM, MINUTE_MS, ms);
  /** Undo tokens of recent hides: token → entity id and when. */
  const hideUndo = new Map<string, { id: string; at: number }>();
  /** Frames that have a card open, per tab: where an Esc pressed in another frame of the tab is relayed. */
  const framesWithCard = new Map<number, Set<number>>();
  const openTab = (sender: MessageSender, open: () => Promise<unknown>): Promise<undefined> =>
    tabOpens.take(sender.tab?.id ?? -1) ? open().then(() => undefined) : Promise.resolve(undefined);

  return {
    reports,
    pendingSnippets,
    /** A tab closed: forget which of its frames had a card. */
    forgetTab(tabId: number): void {
      framesWithCard.delete(tabId);
    },
    /** Answers a content-script message, or returns undefined so other listeners may answer. */
    onContentMessage(raw: unknown, sender: MessageSender, ownId: string): Promise<unknown> | undefined {
      if (sender.id !== ownId) return undefined;
      const message = parseContentMessage(raw);
      if (!message) return undefined;
      switch (message.type) {
        case 'get-entity-table':
          // With the reader's own names after the fact base's (lib/own/own-background.ts).
          return own ? own.aliasIndex().then((index) => index.entities) : Promise.resolve(aliasIndex.entities);
        case 'load-card-stage':
          // Only ever the sender's own frame, and only our own file (the stage has no other entry).
          if (sender.tab?.id === undefined || sender.frameId === undefined || !injectCardStage)
            return Promise.reject(new Error('no frame to load the card into'));
          return injectCardStage(sender.tab.id, sender.frameId).then(() => undefined);
        case 'find-mentions': {
          const found = matcher();
          const texts = splitTexts(message.batch) ?? [];
          return Promise.resolve(packMatches(found.findInPage(texts, pages.for(sender))));
        }
        case 'get-entity':
          return own ? own.details(message.id) : Promise.resolve(store.details(message.id));
        case 'scan-report':
          if (sender.tab?.id !== undefined) reports.set(sender.tab.id, message.report);
          return Promise.resolve();
        case 'save-snippet': {
          // A snippet must name the page it was sent from: a page cannot file passages under another site.
          if (!sameOrigin(message.snippet.url, sender.url))
            return Promise.reject(new Error('snippet url is not the sender'));
          const snippet = {
            ...message.snippet,
            entityIds: message.snippet.entityIds.filter(isKnown),
            savedAt: clock().toISOString(),
          };
          if (snippets) return snippets.save(snippet, sender);
          pendingSnippets.push(snippet);
          if (pendingSnippets.length > MAX_PENDING_SNIPPETS) pendingSnippets.shift();
          return Promise.resolve({ saved: true, stored: false });
        }
        case 'get-page-snippets':
          return snippets?.pageQuotes ? snippets.pageQuotes(sender) : Promise.resolve([]);
        case 'undo-save-snippet':
          return snippets ? snippets.undo(message.id, message.undoToken, sender) : Promise.resolve(false);
        case 'open-search':
          if (!openSearch) return Promise.resolve();
          return openTab(sender, () => openSearch(message.query.trim()));
        case 'open-explore':
          if (!store.entity(message.id) || !openExplore) return Promise.resolve();
          return openTab(sender, () => openExplore(message.id, message.view));
        case 'hide-entity': {
          if (!store.entity(message.id) || !updateSettings) return Promise.resolve({ hidden: false });
          // Unusually many hides within a minute: this one waits for the reader's confirmation.
          if (!message.confirmed && hides.count('all') >= HIDES_BEFORE_CONFIRM)
            return Promise.resolve({ hidden: false, confirm: true });
          hides.take('all');
          const undoToken = token();
          for (const [t, h] of hideUndo) if (ms() - h.at > UNDO_HIDE_MS) hideUndo.delete(t);
          hideUndo.set(undoToken, { id: message.id, at: ms() });
          return updateSettings((s) => withHiddenEntity(s, message.id)).then(() => ({ hidden: true, undoToken }));
        }
        case 'unhide-entity': {
          // Only the undo of a recent hide: content scripts cannot show hidden names otherwise.
          const hide = hideUndo.get(message.undoToken);
          if (!hide || hide.id !== message.id || ms() - hide.at > UNDO_HIDE_MS || !updateSettings)
            return Promise.resolve(false);
          hideUndo.delete(message.undoToken);
          return updateSettings((s) => ({
            ...s,
            hiddenEntities: s.hiddenEntities.filter((id) => id !== message.id),
          })).then(() => true);
        }
        case 'card-state': {
          const tab = sender.tab?.id;
          if (tab === undefined || sender.frameId === undefined) return Promise.resolve();
          const frames = framesWithCard.get(tab) ?? new Set<number>();
          if (message.open) frames.add(sender.frameId);
          else frames.delete(sender.frameId);
          if (frames.size) framesWithCard.set(tab, frames);
          else framesWithCard.delete(tab);
          return Promise.resolve();
        }
        case 'escape-pressed': {
          // Only to the frames of the same tab that have a card open: no other frame hears of it.
          const tab = sender.tab?.id;
          const frames = tab === undefined ? undefined : framesWithCard.get(tab);
          if (tab === undefined || !frames || !closeCardIn) return Promise.resolve();
          for (const frame of frames) if (frame !== sender.frameId) void closeCardIn(tab, frame).catch(() => {});
          return Promise.resolve();
        }
        case 'set-note':
          if (!isKnown(message.id) || !setNote) return Promise.resolve(false);
          return setNote(message.id, message.text).then(() => true);
        case 'open-library':
          if (!isKnown(message.id) || !openLibrary) return Promise.resolve();
          return openTab(sender, () => openLibrary(message.id));
        case 'disable-site': {
          // The site comes from the sender, never from the message, so a page can only switch itself off.
          const site = sender.url ? siteOf(sender.url) : null;
          if (!site || !updateSettings) return Promise.resolve();
          // Whichever mode is on: added to the exceptions, or taken off the allow-list.
          return updateSettings((s) => withSiteEnabled(s, site, false)).then(() => undefined);
        }
      }
    },
  };
}

/** An unguessable token (Web Crypto is in every browser and in Node). */
function token(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function sameOrigin(a: string, b: string | undefined): boolean {
  if (!b) return false;
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
