/**
 * The background's side of saving from a page: what a content script may do with snippets, and nothing more.
 * A page can run code next to our content script, so this trusts only what the browser says about the sender:
 * it saves (rate-limited per tab), and it lets the same tab undo its own save for a short while with a one-time
 * token. It never lists, reads or deletes anything else. Storage is injected, so this is testable in Node.
 */
import type { QuoteSelector, SnippetDraft, SnippetSaved } from '../messaging/messages';
import type { NewSnippet, Snippet } from './types';
import { phrase, PhraseError } from '../i18n/translator';

interface PageSaveDeps {
  save(input: NewSnippet): Promise<Snippet>;
  remove(ids: string[]): Promise<Snippet[]>;
  /** Snippets saved from this page address (any #fragment). */
  forPage(url: string): Promise<Snippet[]>;
  /** Entity ids the fact-base matcher finds in a text. */
  findEntities(text: string): string[];
  isKnownEntity(id: string): boolean;
  now?: () => number;
  /** A fresh unguessable token (crypto.randomUUID in the background). */
  token?: () => string;
}

interface SaveSender {
  tab?: { id?: number };
  /** The sending frame's URL, as the browser reports it. */
  url?: string;
  /** The sending frame's real origin, as the browser reports it (Chromium; `null` for sandboxed frames). */
  origin?: string;
}

/** The toast offers Undo for about 8 s; the token lives a little longer for slow clicks and message latency. */
export const UNDO_WINDOW_MS = 30_000;
/** More highlights than anyone reads on one page; bounds the work a page can cause. */
const MAX_PAGE_QUOTES = 500;
/** A person saves a few passages a minute; a page spamming saves through a hijacked renderer gets cut off here. */
export const MAX_SAVES_PER_MINUTE = 30;

export function createPageSaves(deps: PageSaveDeps) {
  const now = deps.now ?? Date.now;
  const token = deps.token ?? (() => crypto.randomUUID());
  const undo = new Map<string, { token: string; tabId: number; until: number }>();
  const recent = new Map<number, number[]>();

  const allowRate = (tabId: number): boolean => {
    const t = now();
    const times = (recent.get(tabId) ?? []).filter((x) => t - x < 60_000);
    if (times.length >= MAX_SAVES_PER_MINUTE) {
      recent.set(tabId, times);
      return false;
    }
    times.push(t);
    recent.set(tabId, times);
    return true;
  };

  return {
    /** Stores a validated draft; resolves with the receipt, rejects with a sentence for the reader. */
    async save(draft: SnippetDraft, sender: SaveSender): Promise<SnippetSaved> {
      const tabId = sender.tab?.id;
      if (tabId === undefined) throw new PhraseError(phrase('snippetFromPageOnly'));
      if (!allowRate(tabId)) throw new PhraseError(phrase('snippetTooManySaves'));
      const entityIds = new Set(draft.entityIds.filter(deps.isKnownEntity));
      for (const id of deps.findEntities(draft.text)) entityIds.add(id);
      const saved = await deps.save({
        text: draft.text,
        url: trustedUrl(draft.url, sender.url),
        title: draft.title,
        selector: draft.quote,
        entityIds: [...entityIds],
        note: draft.note ?? '',
      });
      const t = token();
      for (const [id, u] of undo) if (u.until < now()) undo.delete(id);
      undo.set(saved.id, { token: t, tabId, until: now() + UNDO_WINDOW_MS });
      return { saved: true, id: saved.id, undoToken: t, entityIds: saved.entityIds };
    },

    /**
     * Selectors (page text only) of the snippets saved from the sender's page, as the browser names it: only for a
     * web page whose real origin is its URL's (paintablePage), never for about:blank, data: or sandboxed frames, whose
     * address any site can give a frame of its own.
     */
    async pageQuotes(sender: SaveSender): Promise<QuoteSelector[]> {
      const page = sender.tab?.id === undefined ? null : paintablePage(sender.url, sender.origin);
      if (!page) return [];
      const found = await deps.forPage(page);
      return found
        .slice(0, MAX_PAGE_QUOTES)
        .map(({ selector: { exact, prefix, suffix } }) => ({ exact, prefix, suffix }));
    },

    /** Deletes a snippet this tab saved moments ago, given the token the save returned. True when removed. */
    async undo(id: string, undoToken: string, sender: SaveSender): Promise<boolean> {
      const entry = undo.get(id);
      if (!entry || entry.token !== undoToken || entry.tabId !== sender.tab?.id || entry.until < now()) return false;
      undo.delete(id);
      const removed = await deps.remove([id]);
      return removed.length === 1;
    },
  };
}

/**
 * The address whose saved passages a frame may see painted again, or null: an http(s) page whose origin, when the
 * browser reports the frame's real one, is the URL's own. about:blank, about:srcdoc, data:, blob: and file: frames,
 * and sandboxed (opaque-origin) ones, get nothing: any site can make such a frame and would receive the passages
 * saved in another site's frames of the same address.
 */
export function paintablePage(url: string | undefined, origin?: string): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (origin !== undefined && origin !== parsed.origin) return null;
  return url;
}

/**
 * The page URL to store. A frame reports its own location; if that disagrees with the browser's record of the
 * sender by origin, the browser's record wins, so a page cannot file snippets under another site's name.
 */
export function trustedUrl(claimed: string, senderUrl: string | undefined): string {
  if (!senderUrl) return claimed;
  try {
    return new URL(claimed).origin === new URL(senderUrl).origin ? claimed : senderUrl;
  } catch {
    return senderUrl;
  }
}
