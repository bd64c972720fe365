/**
 * Every message between the extension's parts, as discriminated unions by direction, and one request→reply map
 * (MessageReplies) that gives each message type its reply. Sends return that reply (browser/messages.ts), handlers
 * must answer it (lib/background/), so neither side casts. Content scripts run next to page code, so the background
 * validates what they send (see validate.ts).
 */
import type { AliasIndex, Entity, Source, TimelineEvent } from '../factbase/types';
import type { PackedMatches, TextBatch } from '../matcher/wire';
import type { AddedSource, SourceDraft } from '../own/own-background';
import type { OwnOnCard } from '../own/types';
import type { InterfaceText, PreparedFormats } from '../i18n/translator';
import type { Settings } from '../settings/settings';

/** Mentions of one entity under one surface text, as the scanner counted them. */
export interface MentionCount {
  entityId: string;
  name: string;
  text: string;
  count: number;
}

/** What one find-mentions message may carry; the page batches its text within these, the background checks them. */
export const FIND_LIMITS = { texts: 4_096, chars: 262_144 } as const;
/**
 * Text of an embedded frame that the gate sends with start-lens for the background to check for names first
 * (page/frame-gate.ts): an ad or a widget holds far less; a frame with more takes the stage without the check.
 */
export const GATE_TEXT_CHARS = 8_192;

export interface ScanReport {
  url: string;
  mentions: MentionCount[];
  /** Main-thread milliseconds the scan took, summed over its slices. */
  scanMs: number;
  /** The longest single slice of scanning work, in milliseconds. */
  longestSliceMs: number;
  /** Wall-clock milliseconds from scan start to the last mark painted (waits for the background included). */
  wallMs?: number;
}

/** What a card needs to render an entity: the entity plus everything it points at, resolved. */
export interface EntityDetails {
  entity: Entity;
  sources: Source[];
  /** Names and types of the entities its relations point at. */
  related: Record<string, { name: string; type: string }>;
  /** The entity's dated events, oldest first. */
  events: TimelineEvent[];
  /** The reader's own material on this entity (notes, snippets, quotes from their sources), shown apart. */
  own?: OwnOnCard;
  /** The entity is one of the reader's own names, not the fact base's. */
  ownName?: boolean;
  /** Its dates, lists and language names formatted by the background, for a card in a page (lib/i18n/card-text.ts). */
  formats?: PreparedFormats;
}

/** W3C Web Annotation TextQuoteSelector parts: the exact text with a little context either side. */
export interface QuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

/**
 * A passage to save, as a content script captures it: the hover card (the sentence around a mark) or a selection
 * (keyboard command, context menu). The background adds id, time and the entities its matcher finds in the text;
 * `url` must be on the sending frame's own origin.
 */
export interface SnippetDraft {
  text: string;
  url: string;
  title: string;
  /** Entities the sender knows the passage is about; ids not in the fact base are dropped. */
  entityIds: string[];
  quote: QuoteSelector;
  note?: string;
}

/**
 * A save's answer. `undoToken` lets the same tab take back that one save for a short while (the toast's Undo);
 * content scripts can never list, read or delete snippets otherwise. A failed save rejects with a sentence for
 * the reader (quota full, too many saves).
 */
export interface SnippetSaved {
  saved: true;
  id: string;
  undoToken: string;
  entityIds: string[];
}

/** A correction's answer: done, with a token for the toast's Undo, or refused (unknown entity, too many at once). */
export type MarkCorrected = { corrected: true; undoToken: string } | { corrected: false };

/** A hide's answer: done (with a token for its Undo), or waiting for the reader to confirm an unusual burst. */
export type EntityHidden = { hidden: true; undoToken: string } | { hidden: false; confirm?: true };

/** "Off on this site"'s answer: the site switched off (the sender's own), with a token for its Undo. */
export type SiteSwitchedOff = { disabled: true; site: string; undoToken: string } | { disabled: false };

/** What the first stage says after saving a selection, in the interface language (page/save-selection.ts). */
export interface SaveSelectionText {
  /** The locale for the plural rules and the count's digits. */
  locale: string;
  /** "Saved to Caspian Lens." */
  saved: string;
  /** "Saved to Caspian Lens, with # linked entities.", per plural category of the count (`#`). */
  savedLinked: Partial<Record<Intl.LDMLPluralRule, string>>;
  undo: string;
  dismiss: string;
  removed: string;
  tooLate: string;
  undoFailed: string;
  /** Says the limit. */
  tooLong: string;
  noAnswer: string;
  notSaved: string;
}

/**
 * What the background answers a frame's start-lens with: the settings, and the passages saved from the frame's page
 * when the settings paint them again (page/snippet-highlights.ts), so no frame asks for them at scan.
 */
export interface LensStart {
  settings: Settings;
  quotes: QuoteSelector[];
  /** The matches in the text sent with a scan number (the top page's, page/top-gate.ts), as find-mentions answers. */
  found?: FoundMentions;
}

/**
 * What find-mentions answers: the matches, and the entity table's rows they name ([entity number, id, name, type]),
 * so a page holds only the rows of the names it has, and its first marks wait for no second message.
 */
export interface FoundMentions extends PackedMatches {
  entities: [entity: number, ...row: AliasIndex['entities'][number]][];
}

export type ContentToBackground =
  /**
   * The content script's gate (page/frame-gate.ts) found text worth scanning in the sender's frame: inject the
   * scanner stage there (page/lens-stage.ts) and answer with the settings, so no frame reads storage on its own.
   * `batch`: a small embedded frame's whole text (at most GATE_TEXT_CHARS), sent so that the stage is injected only
   * if the matcher finds a name in it. With `scan` (and `date`, as find-mentions has them): the top page's text, walked
   * once by its gate (page/top-gate.ts), matched as that scan's text; the stage is injected only when there is
   * something to paint, and the matches come with its start.
   */
  | { type: 'start-lens'; batch?: TextBatch; scan?: number; date?: string }
  /** Inject the content script's second stage (the card) into the sender's frame (page/card-stage.ts). */
  | { type: 'load-card-stage' }
  /**
   * Page text for the background's matcher (lib/matcher/wire.ts): one automaton serves every page and frame. `date`:
   * the article's date (ISO day) when the page states one, which tells namesakes apart by who held office then.
   * `scan`: which full scan of the page the batch belongs to; a new number reads the page afresh, so a rescan (the lens
   * switched off and on, a page that replaced its body) does not find the evidence of the last one already there.
   */
  | { type: 'find-mentions'; batch: TextBatch; date?: string; scan?: number }
  /** A card's details; `asOf`: the article's date (ISO day), which the card's timeline is headed with. */
  | { type: 'get-entity'; id: string; asOf?: string }
  | { type: 'save-snippet'; snippet: SnippetDraft }
  | { type: 'undo-save-snippet'; id: string; undoToken: string }
  | { type: 'get-page-snippets' }
  /** A card's "Open in search": the extension's search opens with this query. */
  | { type: 'open-search'; query: string }
  | { type: 'open-explore'; id: string; view: 'map' | 'timeline' }
  /**
   * A card's "Hide this name": never mark this entity again, on any site. `confirmed` after the reader confirmed an
   * unusual burst of hides (lib/background/guards.ts).
   */
  | { type: 'hide-entity'; id: string; confirmed?: boolean }
  /** The Undo of a hide, with the token its reply gave. */
  | { type: 'unhide-entity'; id: string; undoToken: string }
  /** This frame's card opened or closed: the background relays Esc only to frames with a card. */
  | { type: 'card-state'; open: boolean }
  /** The reader pressed Esc in this frame: cards open in the tab's other frames close. */
  | { type: 'escape-pressed' }
  /** A card's "Off on this site": the background takes the site from the sender, never from the message. */
  | { type: 'disable-site' }
  /** The Undo of "Off on this site", from the same site, with the token its reply gave. */
  | { type: 'undo-disable-site'; undoToken: string }
  /**
   * A card's "Not this": the words of the mark are not this entity, on the sender's site (taken from the sender,
   * never from the message) or everywhere.
   */
  | { type: 'correct-mark'; id: string; text: string; everywhere: boolean }
  /** The Undo of a correction, with the token its reply gave. */
  | { type: 'uncorrect-mark'; undoToken: string }
  /** The reader's note on an entity, written on its card; an empty text removes it. */
  | { type: 'set-note'; id: string; text: string }
  /** A card's "Your snippets" link: the library, filtered to the entity. */
  | { type: 'open-library'; id: string }
  /** The card's words in the interface language, asked again when the reader changes it (lib/i18n/card-text.ts). */
  | { type: 'get-card-text' };

interface ContentToBackgroundReplies {
  /**
   * What the scanner stage starts with, once it has run in the sender's frame; null when the text sent names nothing
   * (and, for the top page, no saved passage is to be painted there).
   */
  'start-lens': LensStart | null;
  /** Resolves once the stage has run in the sender's frame. */
  'load-card-stage': void;
  /** Flat [text index, start, end, entity index] quadruples, their notes (lib/matcher/wire.ts) and their entities. */
  'find-mentions': FoundMentions;
  'get-entity': EntityDetails | null;
  'save-snippet': SnippetSaved;
  /** True when the snippet was removed. */
  'undo-save-snippet': boolean;
  /**
   * Quote selectors of the snippets saved from the sender's own page (the browser's record of its URL), to paint
   * them when the page is visited again. Only page text the page already has: no notes, tags, ids or other pages.
   */
  'get-page-snippets': QuoteSelector[];
  'open-search': void;
  'open-explore': void;
  'hide-entity': EntityHidden;
  /** True when the name is shown again. */
  'unhide-entity': boolean;
  'card-state': void;
  'escape-pressed': void;
  'disable-site': SiteSwitchedOff;
  /** True when the site is on again. */
  'undo-disable-site': boolean;
  'correct-mark': MarkCorrected;
  /** True when the correction was taken back. */
  'uncorrect-mark': boolean;
  /** True when the note was stored. */
  'set-note': boolean;
  'open-library': void;
  'get-card-text': InterfaceText;
}

/**
 * The background asks a tab's content script to save the reader's selection (keyboard command, context menu).
 * Frames without a selection stay silent, so the frame holding it answers.
 */
export type BackgroundToContent =
  /** `text`: the toast's words in the interface language (the first stage carries no catalog). */
  | { type: 'save-selection'; via: 'command' | 'context-menu'; text: SaveSelectionText }
  | { type: 'next-mention' }
  /** Esc was pressed in another frame of the tab: close the card here. */
  | { type: 'close-card' }
  /**
   * The settings changed (options, popup, a card's action, another tab): the background, which watches storage,
   * tells every frame whose scanner stage runs, so no frame builds the storage API to watch for itself.
   */
  | { type: 'settings-changed'; settings: Settings };

interface BackgroundToContentReplies {
  /** Null when nothing was selected in the frame that answered; rejects with the reason when the save failed. */
  'save-selection': SnippetSaved | null;
  'next-mention': void;
  'close-card': void;
  'settings-changed': void;
}

/** The popup asks the top frame of a tab about its page (frames stay silent, so a page gives one answer). */
export type PopupToContent = { type: 'get-scan-report' } | { type: 'reveal-entity'; entityId: string };

interface PopupToContentReplies {
  'get-scan-report': ScanReport | null;
  /** True when a mark of the entity was scrolled into view. */
  'reveal-entity': boolean;
}

/**
 * Requests from the extension's own pages (library, popup) about the reader's sources: only the background holds the
 * matcher that reads a source into quotes. The background answers them only for senders on the extension's own
 * origin, and checks their shape like any message (validate.ts). The popup also asks for card details with the
 * content scripts' `get-entity`.
 */
export type ExtensionPageToBackground =
  | { type: 'own-add-source'; source: SourceDraft }
  /** Derive every source's quotes again (after an import or a restore). */
  | { type: 'own-reindex' };

interface ExtensionPageToBackgroundReplies {
  /** Rejects with the problems of a draft it refuses. */
  'own-add-source': AddedSource;
  /** How many sources were read again. */
  'own-reindex': number;
}

/** Messages the background answers, and messages a tab's content script answers. */
export type ToBackground = ContentToBackground | ExtensionPageToBackground;
export type ToContent = BackgroundToContent | PopupToContent;

/**
 * The one request→reply map: every message type of every direction, with the reply its sender receives. Message
 * types are unique across directions (an interface that extends two maps with one key of different types does not
 * compile).
 */
export interface MessageReplies
  extends
    ContentToBackgroundReplies,
    ExtensionPageToBackgroundReplies,
    BackgroundToContentReplies,
    PopupToContentReplies {}

/** The message of one type. */
export type MessageOf<M extends { type: string }, K extends M['type']> = Extract<M, { type: K }>;

/** The reply to a message (a type error for a message type without a reply in the map). */
export type ReplyTo<M extends ToBackground | ToContent> = MessageReplies[M['type']];

/** Sends one of a direction's messages and resolves with its reply. */
export type Send<M extends ToBackground | ToContent> = <T extends M>(message: T) => Promise<ReplyTo<T>>;

/**
 * A content script's send to the background (browser/messages.ts in the extension, a fake in tests). A draft to save
 * resolves with the receipt, or rejects with a sentence for the reader.
 */
export type SendToBackground = Send<ContentToBackground>;

/**
 * One handler per message type of a direction, answering exactly the reply the map gives that type: a handler that
 * answers anything else (the old `{saved: true, stored: false}` for a SnippetSaved) is a type error, and so is a
 * missing one.
 */
export type HandlerMap<M extends ToBackground | ToContent, Sender> = {
  [K in M['type']]: (message: MessageOf<M, K>, sender: Sender) => Promise<MessageReplies[K]>;
};

/** Answers a (validated) message with the handler of its type. */
export function dispatch<M extends ToBackground | ToContent, Sender>(
  handlers: HandlerMap<M, Sender>,
  message: M,
  sender: Sender,
): Promise<ReplyTo<M>> {
  // TypeScript cannot relate a lookup by a generic key to that key's reply; HandlerMap checks each handler instead.
  const handler = handlers[message.type as M['type']] as unknown as (message: M, sender: Sender) => Promise<ReplyTo<M>>;
  return handler(message, sender);
}
