/**
 * The background's one handler object: every request from content scripts lands here after validation.
 * No browser globals: the entrypoint hands in what it needs, so this is testable in Node.
 */
import type { AliasIndex } from '../factbase/types';
import type { FactBaseStore } from '../factbase/factbase-store';
import type { Matcher } from '../matcher';
import { packMatches, splitTexts } from '../matcher/wire';
import type { QuoteSelector, ScanReport, SnippetDraft, SnippetSaved } from '../messaging/messages';
import { parseContentMessage } from '../messaging/validate';
import { siteOf, withHiddenEntity, withSiteEnabled, type Settings } from '../settings/settings';

export interface MessageSender {
  id?: string;
  tab?: { id?: number };
  url?: string;
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
  /** Opens the explore page around an entity the fact base knows. */
  openExplore?: (id: string, view: 'map' | 'timeline') => Promise<unknown>;
  now?: () => Date;
}

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
  now,
}: BackgroundDeps) {
  const reports = new Map<number, ScanReport>();
  const pendingSnippets: (SnippetDraft & { savedAt: string })[] = [];
  const clock = now ?? (() => new Date());

  return {
    reports,
    pendingSnippets,
    /** Answers a content-script message, or returns undefined so other listeners may answer. */
    onContentMessage(raw: unknown, sender: MessageSender, ownId: string): Promise<unknown> | undefined {
      if (sender.id !== ownId) return undefined;
      const message = parseContentMessage(raw);
      if (!message) return undefined;
      switch (message.type) {
        case 'get-alias-index':
          // A page asks for the index just before it sends text: build the matcher now, after this reply.
          setTimeout(matcher, 0);
          return Promise.resolve(aliasIndex);
        case 'find-mentions': {
          const found = matcher();
          const texts = splitTexts(message.batch) ?? [];
          return Promise.resolve(packMatches(texts.map((text) => found.find(text))));
        }
        case 'get-entity':
          return Promise.resolve(store.details(message.id));
        case 'scan-report':
          if (sender.tab?.id !== undefined) reports.set(sender.tab.id, message.report);
          return Promise.resolve();
        case 'save-snippet': {
          // A snippet must name the page it was sent from: a page cannot file passages under another site.
          if (!sameOrigin(message.snippet.url, sender.url))
            return Promise.reject(new Error('snippet url is not the sender'));
          const snippet = {
            ...message.snippet,
            entityIds: message.snippet.entityIds.filter((id) => store.entity(id)),
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
          return openSearch ? openSearch(message.query.trim()).then(() => undefined) : Promise.resolve();
        case 'open-explore':
          if (!store.entity(message.id) || !openExplore) return Promise.resolve();
          return openExplore(message.id, message.view).then(() => undefined);
        case 'hide-entity':
          if (!store.entity(message.id) || !updateSettings) return Promise.resolve();
          return updateSettings((s) => withHiddenEntity(s, message.id)).then(() => undefined);
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

function sameOrigin(a: string, b: string | undefined): boolean {
  if (!b) return false;
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
