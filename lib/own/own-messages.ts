/**
 * Requests from the extension's own pages (library, popup) to the background about the reader's sources: only the
 * background holds the matcher that reads a source into quotes. Content scripts never send these: the background
 * answers them only for senders on the extension's own origin, and checks their shape like any message.
 */
import type { AddedSource, OwnBackground, SourceDraft } from './own-background';
import { sourceProblems } from './validate-own';

export type ExtensionPageToBackground =
  | { type: 'own-add-source'; source: SourceDraft }
  /** Derive every source's quotes again (after an import or a restore). */
  | { type: 'own-reindex' };

export interface ExtensionPageToBackgroundReplies {
  'own-add-source': AddedSource;
  'own-reindex': number;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The draft with known fields only, or the problems (empty title or text, oversized fields). */
export function parseSourceDraft(raw: unknown): SourceDraft | string[] {
  if (!isRecord(raw)) return ['is not an object'];
  const draft = {
    id: typeof raw.id === 'string' ? raw.id : 'new',
    title: raw.title,
    author: raw.author,
    date: raw.date,
    url: raw.url,
    stance: raw.stance,
    text: raw.text,
    origin: raw.origin,
    fileName: raw.fileName,
    createdAt: 0,
    updatedAt: 0,
  };
  const problems = sourceProblems(draft);
  if (problems.length) return problems;
  const d = draft as unknown as SourceDraft;
  return {
    ...(typeof raw.id === 'string' ? { id: raw.id } : {}),
    title: d.title,
    author: d.author,
    date: d.date,
    url: d.url,
    stance: d.stance,
    text: d.text,
    origin: d.origin,
    fileName: d.fileName,
  };
}

/**
 * Answers a request from an extension page, or returns undefined for anything else (content-script messages go to
 * the background's other handler). `extensionOrigin` is `runtime.getURL('')`.
 */
export function answerExtensionPage(
  raw: unknown,
  sender: { id?: string; url?: string; tab?: unknown },
  ownId: string,
  extensionOrigin: string,
  own: OwnBackground,
): Promise<unknown> | undefined {
  if (sender.id !== ownId || !sender.url?.startsWith(extensionOrigin)) return undefined;
  if (!isRecord(raw)) return undefined;
  if (raw.type === 'own-add-source') {
    const draft = parseSourceDraft(raw.source);
    if (Array.isArray(draft)) return Promise.reject(new Error(`Not added: ${draft.join('; ')}.`));
    return own.addSource(draft);
  }
  if (raw.type === 'own-reindex') return own.reindex();
  return undefined;
}
