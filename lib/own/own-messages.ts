/**
 * The shape check of a source an extension page sends to the background (`own-add-source`, in
 * lib/messaging/messages.ts; lib/messaging/validate.ts checks the rest of the message).
 */
import type { SourceDraft } from './own-background';
import { sourceProblems } from './validate-own';
import { isRecord } from '../record-checks';

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
