/**
 * Shape checks for messages that arrive at the background from content scripts (and from extension pages). A page
 * can run code next to our content script (and in a compromised renderer, forge messages), so nothing it sends is
 * trusted until it passes here. Each switch is exhaustive: a message type without a case is a type error.
 */
import {
  FIND_LIMITS,
  GATE_TEXT_CHARS,
  type ContentToBackground,
  type ExtensionPageToBackground,
  type QuoteSelector,
  type SnippetDraft,
} from './messages';
import { SNIPPET_LIMITS } from '../snippets/types';
import { OWN_LIMITS } from '../own/types';
import { parseSourceDraft } from '../own/own-messages';
import { splitTexts, type TextBatch } from '../matcher/wire';
import { isRecord } from '../record-checks';
import { MAX_CORRECTION_TEXT } from '../settings/settings';

const MAX_ID = 200;
const MAX_TEXT = 2_000;

const isShortString = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

function isTextBatch(v: unknown): v is TextBatch {
  return (
    isRecord(v) &&
    typeof v.text === 'string' &&
    v.text.length <= FIND_LIMITS.chars &&
    Array.isArray(v.ends) &&
    v.ends.length <= FIND_LIMITS.texts &&
    splitTexts(v as unknown as TextBatch) !== null
  );
}

/** Which full scan of its page a batch belongs to (find-mentions, start-lens). */
const isScanNumber = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/** An article's date as the page states it: a calendar day, nothing else. */
const isIsoDay = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

const MAX_URL = 8_192;
/** A long selection (several paragraphs) fits; see SNIPPET_LIMITS. */
const MAX_SNIPPET = SNIPPET_LIMITS.text;
const MAX_AFFIX = 200;
const MAX_ENTITY_IDS = 100;

function isQuote(v: unknown): v is QuoteSelector {
  return (
    isRecord(v) &&
    isShortString(v.exact, MAX_SNIPPET) &&
    v.exact.length > 0 &&
    isShortString(v.prefix, MAX_AFFIX) &&
    isShortString(v.suffix, MAX_AFFIX)
  );
}

function parseSnippet(v: unknown): SnippetDraft | null {
  if (
    !isRecord(v) ||
    !isShortString(v.text, MAX_SNIPPET) ||
    !v.text.trim() ||
    !isShortString(v.url, MAX_URL) ||
    !isShortString(v.title, MAX_TEXT) ||
    !Array.isArray(v.entityIds) ||
    v.entityIds.length > MAX_ENTITY_IDS ||
    !v.entityIds.every((id) => isShortString(id, MAX_ID)) ||
    !isQuote(v.quote) ||
    (v.note !== undefined && !isShortString(v.note, SNIPPET_LIMITS.note))
  )
    return null;
  const q = v.quote;
  // Copy only the known fields, so nothing else a page slipped in reaches storage.
  return {
    text: v.text,
    url: v.url,
    title: v.title,
    entityIds: [...(v.entityIds as string[])],
    quote: { exact: q.exact, prefix: q.prefix, suffix: q.suffix },
    ...(typeof v.note === 'string' ? { note: v.note } : {}),
  };
}

/** Returns the message when its shape is one we handle, otherwise null. */
export function parseContentMessage(raw: unknown): ContentToBackground | null {
  if (!isRecord(raw) || typeof raw.type !== 'string') return null;
  // Typed as the known types so the compiler checks that every one has a case; any other string reaches `default`.
  const type = raw.type as ContentToBackground['type'];
  switch (type) {
    case 'start-lens': {
      if (raw.batch === undefined) return { type: 'start-lens' };
      if (!isTextBatch(raw.batch) || (raw.date !== undefined && !isIsoDay(raw.date))) return null;
      const batch = { text: raw.batch.text, ends: [...raw.batch.ends] };
      // Without a scan number only a small frame's text, checked for a name; with one, a page's text to be matched.
      if (raw.scan === undefined) return raw.batch.text.length > GATE_TEXT_CHARS ? null : { type: 'start-lens', batch };
      if (!isScanNumber(raw.scan)) return null;
      return { type: 'start-lens', batch, scan: raw.scan, ...(raw.date !== undefined ? { date: raw.date } : {}) };
    }
    case 'load-card-stage':
      return { type: 'load-card-stage' };
    case 'find-mentions':
      if (!isTextBatch(raw.batch) || (raw.date !== undefined && !isIsoDay(raw.date))) return null;
      if (raw.scan !== undefined && !isScanNumber(raw.scan)) return null;
      return {
        type: 'find-mentions',
        batch: { text: raw.batch.text, ends: [...raw.batch.ends] },
        ...(raw.date !== undefined ? { date: raw.date } : {}),
        ...(raw.scan !== undefined ? { scan: raw.scan as number } : {}),
      };
    case 'get-entity':
      if (!isShortString(raw.id, MAX_ID) || (raw.asOf !== undefined && !isIsoDay(raw.asOf))) return null;
      return { type: 'get-entity', id: raw.id, ...(raw.asOf !== undefined ? { asOf: raw.asOf } : {}) };
    case 'save-snippet': {
      const snippet = parseSnippet(raw.snippet);
      return snippet ? { type: 'save-snippet', snippet } : null;
    }
    case 'open-search':
      return isShortString(raw.query, MAX_TEXT) ? { type: 'open-search', query: raw.query } : null;
    case 'open-explore':
      return isShortString(raw.id, MAX_ID) && (raw.view === 'map' || raw.view === 'timeline')
        ? { type: 'open-explore', id: raw.id, view: raw.view }
        : null;
    case 'hide-entity':
      if (!isShortString(raw.id, MAX_ID) || (raw.confirmed !== undefined && raw.confirmed !== true)) return null;
      return raw.confirmed ? { type: 'hide-entity', id: raw.id, confirmed: true } : { type: 'hide-entity', id: raw.id };
    case 'unhide-entity':
      return isShortString(raw.id, MAX_ID) && isShortString(raw.undoToken, 100)
        ? { type: 'unhide-entity', id: raw.id, undoToken: raw.undoToken }
        : null;
    case 'card-state':
      return typeof raw.open === 'boolean' ? { type: 'card-state', open: raw.open } : null;
    case 'escape-pressed':
      return { type: 'escape-pressed' };
    case 'disable-site':
      return { type: 'disable-site' };
    case 'undo-disable-site':
      return isShortString(raw.undoToken, 100) ? { type: 'undo-disable-site', undoToken: raw.undoToken } : null;
    case 'correct-mark':
      return isShortString(raw.id, MAX_ID) &&
        isShortString(raw.text, MAX_CORRECTION_TEXT) &&
        raw.text.trim() !== '' &&
        typeof raw.everywhere === 'boolean'
        ? { type: 'correct-mark', id: raw.id, text: raw.text, everywhere: raw.everywhere }
        : null;
    case 'uncorrect-mark':
      return isShortString(raw.undoToken, 100) ? { type: 'uncorrect-mark', undoToken: raw.undoToken } : null;
    case 'get-page-snippets':
      return { type: 'get-page-snippets' };
    case 'set-note':
      return isShortString(raw.id, MAX_ID) && isShortString(raw.text, OWN_LIMITS.note)
        ? { type: 'set-note', id: raw.id, text: raw.text }
        : null;
    case 'open-library':
      return isShortString(raw.id, MAX_ID) ? { type: 'open-library', id: raw.id } : null;
    case 'get-card-text':
      return { type: 'get-card-text' };
    case 'undo-save-snippet':
      return isShortString(raw.id, SNIPPET_LIMITS.id) && isShortString(raw.undoToken, 100)
        ? { type: 'undo-save-snippet', id: raw.id, undoToken: raw.undoToken }
        : null;
    default:
      return unknownType(type);
  }
}

/**
 * Returns a request from an extension page (checked like any message, though only the extension's own pages may
 * send it: lib/background/extension-page-handlers.ts checks the sender), or the problems of a source draft it
 * refuses, or null for a shape it does not know.
 */
export function parseExtensionPageMessage(raw: unknown): ExtensionPageToBackground | { problems: string[] } | null {
  if (!isRecord(raw) || typeof raw.type !== 'string') return null;
  const type = raw.type as ExtensionPageToBackground['type'];
  switch (type) {
    case 'own-add-source': {
      const source = parseSourceDraft(raw.source);
      return Array.isArray(source) ? { problems: source } : { type: 'own-add-source', source };
    }
    case 'own-reindex':
      return { type: 'own-reindex' };
    default:
      return unknownType(type);
  }
}

/** A type no case handles: at run time any other string a page sends; at compile time `never`, or a missing case. */
function unknownType(type: never): null {
  void type;
  return null;
}
