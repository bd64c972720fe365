/**
 * The background's handlers for content scripts: one per request type, typed by the request→reply map
 * (lib/messaging/messages.ts), reached only after validation (lib/messaging/validate.ts). No browser globals: the
 * entrypoint hands in what it needs, so this is testable in Node (tests/unit/background-handlers.test.ts).
 */
import type { AliasIndex } from '../factbase/types';
import type { FactBaseStore } from '../factbase/factbase-store';
import type { Match, Matcher } from '../matcher';
import { packMatches, splitTexts, type TextBatch } from '../matcher/wire';
import { createPageContexts } from '../matcher/page-contexts';
import { newPageContext } from '../matcher/page-context';
import {
  dispatch,
  type ContentToBackground,
  type FoundMentions,
  type HandlerMap,
  type QuoteSelector,
  type ReplyTo,
  type SnippetDraft,
  type SnippetSaved,
} from '../messaging/messages';
import { parseContentMessage } from '../messaging/validate';
import {
  isSiteEnabled,
  siteListChange,
  siteOf,
  undoSiteListChange,
  withCorrection,
  withHiddenEntity,
  withoutCorrection,
  withSiteEnabled,
  type Correction,
  type Settings,
  type SiteListChange,
} from '../settings/settings';
import {
  CORRECTIONS_PER_MINUTE,
  createRateLimit,
  HIDES_BEFORE_CONFIRM,
  TAB_OPENS_PER_MINUTE,
  UNDO_HIDE_MS,
  UNDO_SITE_OFF_MS,
} from './guards';
import type { OwnBackground } from '../own/own-background';
import { phrase, PhraseError, type InterfaceText } from '../i18n/translator';
import { cardFormats } from '../i18n/card-text';

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
interface SnippetSink {
  /** Resolves with the receipt; rejects with a sentence for the reader (quota full, too many saves). */
  save(snippet: SnippetDraft, sender: MessageSender): Promise<SnippetSaved>;
  undo(id: string, undoToken: string, sender: MessageSender): Promise<boolean>;
  /** The quote selectors saved from the sender's page (sender.url, never a URL the page names). */
  pageQuotes?(sender: MessageSender): Promise<QuoteSelector[]>;
}

interface BackgroundDeps {
  store: FactBaseStore;
  aliasIndex: AliasIndex;
  /** The matcher built from aliasIndex, once per session (the entrypoint memoises it). */
  matcher: () => Matcher;
  /** Read-modify-write of the settings record (browser/settings-storage.ts in the extension). */
  updateSettings?: (change: (s: Settings) => Settings) => Promise<unknown>;
  /** The snippets store (the entrypoint always hands it in; without it a save is refused). */
  snippets?: SnippetSink;
  /** Opens the extension's search with a query. */
  openSearch?: (query: string) => Promise<unknown>;
  /** Injects the content script's scanner stage into one frame of a tab (page/lens-stage.ts). */
  injectLensStage?: (tabId: number, frameId: number) => Promise<unknown>;
  /** The reader's settings as stored (browser/settings-storage.ts). */
  loadSettings?: () => Promise<Settings>;
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
  /** The card's words in the interface language (lib/i18n/card-text.ts). */
  cardText?: () => Promise<InterfaceText>;
}

const MINUTE_MS = 60_000;

type ContentHandlers = HandlerMap<ContentToBackground, MessageSender>;

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
  injectLensStage,
  loadSettings,
  now,
  own,
  setNote,
  openLibrary,
  cardText,
}: BackgroundDeps) {
  const isKnown = (id: string) => (own ? own.isKnownEntity(id) : store.entity(id) !== undefined);
  // Evidence a page gave in earlier batches (a full name, an acronym spelled out) counts for its later ones.
  const pages = createPageContexts();
  const clock = now ?? (() => new Date());
  const ms = () => clock().getTime();
  const tabOpens = createRateLimit(TAB_OPENS_PER_MINUTE, MINUTE_MS, ms);
  const hides = createRateLimit(HIDES_BEFORE_CONFIRM, MINUTE_MS, ms);
  /** Undo tokens of recent hides: token → entity id and when. */
  const hideUndo = new Map<string, { id: string; at: number }>();
  /** Undo tokens of recent "Off on this site": token → the site and what the switch changed. */
  const siteUndo = new Map<string, { site: string; change: SiteListChange; at: number }>();
  const corrections = createRateLimit(CORRECTIONS_PER_MINUTE, MINUTE_MS, ms);
  /** Undo tokens of recent corrections: token → the correction and when. */
  const correctionUndo = new Map<string, { correction: Correction; at: number }>();
  /** Frames that have a card open, per tab: where an Esc pressed in another frame of the tab is relayed. */
  const framesWithCard = new Map<number, Set<number>>();
  /** Whether the matcher finds a name in a frame's text, read on its own (a fresh page context keeps nothing of it). */
  const namesAnything = (batch: TextBatch) =>
    matcher()
      .findInPage(splitTexts(batch) ?? [], newPageContext())
      .some((found) => found.length > 0);
  /**
   * The entity table's rows the matches name, namesakes included, with the reader's own names after the fact base's:
   * a page learns only the rows of the names it holds, in the same answer as its marks.
   */
  const entityRows = (found: readonly (readonly Match[])[]): FoundMentions['entities'] => {
    const rows: FoundMentions['entities'] = [];
    const seen = new Set<number>();
    for (const ms of found)
      for (const m of ms)
        for (const e of [m.entity, ...(m.or ?? [])]) {
          const row = seen.has(e) ? undefined : own ? own.entityAt(e) : aliasIndex.entities[e];
          seen.add(e);
          if (row) rows.push([e, ...row]);
        }
    return rows;
  };
  /** A page's text matched as part of its scan `scan` (evidence carries between the scan's batches). */
  const findMentions = (batch: TextBatch, sender: MessageSender, scan?: number, date?: string): FoundMentions => {
    const page = pages.for(sender, scan);
    if (date) page.date = date;
    const found = matcher().findInPage(splitTexts(batch) ?? [], page);
    // The reader's material for these names is read ahead, so their cards wait for no database read.
    if (own) void own.prefetch(found.flatMap((ms) => ms.map((m) => own.entityIdAt(m.entity) ?? '')).filter(Boolean));
    return { ...packMatches(found), entities: entityRows(found) };
  };
  const pageQuotes = (sender: MessageSender): Promise<QuoteSelector[]> =>
    snippets?.pageQuotes ? snippets.pageQuotes(sender) : Promise.resolve([]);
  const openTab = (sender: MessageSender, open: () => Promise<unknown>): Promise<void> =>
    tabOpens.take(sender.tab?.id ?? -1) ? open().then(() => undefined) : done;

  const handlers: ContentHandlers = {
    'start-lens': async (message, sender) => {
      // Only ever the sender's own frame, and only our own file; the settings travel with the answer, one message
      // instead of a storage read in every frame.
      if (sender.tab?.id === undefined || sender.frameId === undefined || !injectLensStage || !loadSettings)
        throw new Error('no frame to start the lens in');
      const { id: tab } = sender.tab;
      const frame = sender.frameId;
      // A small frame that names nothing gets no stage: its gate asks again when its text changes.
      if (message.batch && message.scan === undefined && !namesAnything(message.batch)) return null;
      const settings = await loadSettings();
      // The top page's text, matched here as its first scan: the stage comes only when there is something to paint.
      // Not where the lens is off for the page (paused, the site switched off or not allowed): its text is not read,
      // and the stage comes without matches, to scan once the lens is switched on there.
      const found =
        message.batch && message.scan !== undefined && isSiteEnabled(settings, hostOf(sender.url))
          ? findMentions(message.batch, sender, message.scan, message.date)
          : undefined;
      const named = !found || found.marks.length > 0;
      // The page's saved passages only when they are to be painted, read while the stage is being injected.
      const injected = named ? injectLensStage(tab, frame) : undefined;
      const quotes = settings.highlightSnippets ? await pageQuotes(sender) : [];
      // A page that names nothing and has no passage to paint gets no stage: its gate watches for text to come.
      if (!named && !quotes.length) return null;
      await (injected ?? injectLensStage(tab, frame));
      return { settings, quotes, ...(found ? { found } : {}) };
    },
    'load-card-stage': (_message, sender) => {
      // Only ever the sender's own frame, and only our own file (the stage has no other entry).
      if (sender.tab?.id === undefined || sender.frameId === undefined || !injectCardStage)
        return Promise.reject(new Error('no frame to load the card into'));
      return injectCardStage(sender.tab.id, sender.frameId).then(() => undefined);
    },
    'find-mentions': (message, sender) =>
      Promise.resolve(findMentions(message.batch, sender, message.scan, message.date)),
    // With its dates, lists and language names formatted here, where Intl is warm: the card's first render in a page
    // then makes no Intl object (lib/i18n/card-text.ts).
    'get-entity': (message) =>
      (own ? own.details(message.id) : Promise.resolve(store.details(message.id))).then(
        (details) => details && { ...details, formats: cardFormats(details, message.asOf) },
      ),
    'save-snippet': (message, sender) => {
      // A snippet must name the page it was sent from: a page cannot file passages under another site.
      if (!sameOrigin(message.snippet.url, sender.url))
        return Promise.reject(new Error('snippet url is not the sender'));
      if (!snippets) return Promise.reject(new PhraseError(phrase('snippetNoStore')));
      return snippets.save({ ...message.snippet, entityIds: message.snippet.entityIds.filter(isKnown) }, sender);
    },
    'get-page-snippets': (_message, sender) => pageQuotes(sender),
    'undo-save-snippet': (message, sender) =>
      snippets ? snippets.undo(message.id, message.undoToken, sender) : Promise.resolve(false),
    'open-search': (message, sender) => (openSearch ? openTab(sender, () => openSearch(message.query.trim())) : done),
    'open-explore': (message, sender) =>
      store.entity(message.id) && openExplore ? openTab(sender, () => openExplore(message.id, message.view)) : done,
    'hide-entity': (message) => {
      if (!store.entity(message.id) || !updateSettings) return Promise.resolve({ hidden: false });
      // Unusually many hides within a minute: this one waits for the reader's confirmation.
      if (!message.confirmed && hides.count('all') >= HIDES_BEFORE_CONFIRM)
        return Promise.resolve({ hidden: false, confirm: true });
      hides.take('all');
      const undoToken = token();
      for (const [t, h] of hideUndo) if (ms() - h.at > UNDO_HIDE_MS) hideUndo.delete(t);
      hideUndo.set(undoToken, { id: message.id, at: ms() });
      return updateSettings((s) => withHiddenEntity(s, message.id)).then(() => ({ hidden: true, undoToken }));
    },
    'unhide-entity': (message) => {
      // Only the undo of a recent hide: content scripts cannot show hidden names otherwise.
      const hide = hideUndo.get(message.undoToken);
      if (!hide || hide.id !== message.id || ms() - hide.at > UNDO_HIDE_MS || !updateSettings)
        return Promise.resolve(false);
      hideUndo.delete(message.undoToken);
      return updateSettings((s) => ({
        ...s,
        hiddenEntities: s.hiddenEntities.filter((id) => id !== message.id),
      })).then(() => true);
    },
    'card-state': (message, sender) => {
      const tab = sender.tab?.id;
      if (tab === undefined || sender.frameId === undefined) return done;
      const frames = framesWithCard.get(tab) ?? new Set<number>();
      if (message.open) frames.add(sender.frameId);
      else frames.delete(sender.frameId);
      if (frames.size) framesWithCard.set(tab, frames);
      else framesWithCard.delete(tab);
      return done;
    },
    'escape-pressed': (_message, sender) => {
      // Only to the frames of the same tab that have a card open: no other frame hears of it.
      const tab = sender.tab?.id;
      const frames = tab === undefined ? undefined : framesWithCard.get(tab);
      if (tab === undefined || !frames || !closeCardIn) return done;
      for (const frame of frames) if (frame !== sender.frameId) void closeCardIn(tab, frame).catch(() => {});
      return done;
    },
    'set-note': (message) =>
      isKnown(message.id) && setNote ? setNote(message.id, message.text).then(() => true) : Promise.resolve(false),
    'open-library': (message, sender) =>
      isKnown(message.id) && openLibrary ? openTab(sender, () => openLibrary(message.id)) : done,
    'get-card-text': () => (cardText ? cardText() : Promise.reject(new Error('no interface text'))),
    'correct-mark': (message, sender) => {
      // The site is the sender's own (its real origin where the browser reports it), never one the page names.
      const from = sender.origin && sender.origin !== 'null' ? sender.origin : (sender.url ?? '');
      const site = message.everywhere ? '' : siteOf(from);
      if (!store.entity(message.id) || site === null || !updateSettings || !corrections.take(sender.tab?.id ?? -1))
        return Promise.resolve({ corrected: false as const });
      const correction = { entity: message.id, text: message.text, site };
      const undoToken = token();
      for (const [t, u] of correctionUndo) if (ms() - u.at > UNDO_HIDE_MS) correctionUndo.delete(t);
      correctionUndo.set(undoToken, { correction, at: ms() });
      return updateSettings((s) => withCorrection(s, correction)).then(() => ({ corrected: true as const, undoToken }));
    },
    'uncorrect-mark': (message) => {
      // Only the undo of a recent correction: content scripts cannot remove the reader's corrections otherwise.
      const undo = correctionUndo.get(message.undoToken);
      if (!undo || ms() - undo.at > UNDO_HIDE_MS || !updateSettings) return Promise.resolve(false);
      correctionUndo.delete(message.undoToken);
      return updateSettings((s) => withoutCorrection(s, undo.correction)).then(() => true);
    },
    'disable-site': (_message, sender) => {
      // The site comes from the sender, never from the message, so a page can only switch itself off.
      const site = sender.url ? siteOf(sender.url) : null;
      if (!site || !updateSettings) return Promise.resolve({ disabled: false });
      // Whichever mode is on: added to the exceptions, or taken off the allow-list. Undone exactly, from its toast.
      let change: SiteListChange = { mode: 'everywhere', added: [], removed: [] };
      return updateSettings((s) => {
        const next = withSiteEnabled(s, site, false);
        change = siteListChange(s, next);
        return next;
      }).then(() => {
        const undoToken = token();
        for (const [t, u] of siteUndo) if (ms() - u.at > UNDO_SITE_OFF_MS) siteUndo.delete(t);
        siteUndo.set(undoToken, { site, change, at: ms() });
        return { disabled: true as const, site, undoToken };
      });
    },
    'undo-disable-site': (message, sender) => {
      // Only the undo of a recent switch, asked from the same site: content scripts cannot switch sites on otherwise.
      const entry = siteUndo.get(message.undoToken);
      const site = sender.url ? siteOf(sender.url) : null;
      if (!entry || entry.site !== site || ms() - entry.at > UNDO_SITE_OFF_MS || !updateSettings)
        return Promise.resolve(false);
      siteUndo.delete(message.undoToken);
      return updateSettings((s) => undoSiteListChange(s, entry.change)).then(() => true);
    },
  };

  return {
    handlers,
    /** Answers a validated request with its typed reply. */
    answer: <M extends ContentToBackground>(message: M, sender: MessageSender): Promise<ReplyTo<M>> =>
      dispatch(handlers, message, sender),
    /** A tab closed: forget which of its frames had a card. */
    forgetTab(tabId: number): void {
      framesWithCard.delete(tabId);
    },
    /** Answers a content-script message, or returns undefined so other listeners may answer. */
    onContentMessage(raw: unknown, sender: MessageSender, ownId: string): Promise<unknown> | undefined {
      if (sender.id !== ownId) return undefined;
      const message = parseContentMessage(raw);
      return message ? dispatch(handlers, message, sender) : undefined;
    },
  };
}

const done: Promise<void> = Promise.resolve();

/** An unguessable token (Web Crypto is in every browser and in Node). */
function token(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The host name the per-site switch reads for a sender's URL, as the page itself reads it (page/apply-settings.ts). */
function hostOf(url: string | undefined): string {
  try {
    return url ? new URL(url).hostname : '';
  } catch {
    return '';
  }
}

function sameOrigin(a: string, b: string | undefined): boolean {
  if (!b) return false;
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
