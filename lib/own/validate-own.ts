/**
 * Shape checks for the reader's own records, on import and restore (every record, before anything is written).
 * Pure: returns the problems as readable text.
 */
import { ENTITY_TYPES, type EntityType } from '../factbase/types';
import { checkText, checkTime, isRecord } from '../record-checks';
import { OWN_LIMITS as L, isOwnNameId, type EntityNote, type OwnMaterial, type OwnName, type OwnSource } from './types';

const ID = /^[A-Za-z0-9_-]{1,100}$/;

function noteProblems(raw: unknown): string[] {
  if (!isRecord(raw)) return ['is not an object'];
  const out: string[] = [];
  checkText(raw, 'entityId', L.entityId, out, true);
  checkText(raw, 'text', L.note, out);
  checkTime(raw, 'createdAt', out);
  checkTime(raw, 'updatedAt', out);
  return out;
}

export function sourceProblems(raw: unknown): string[] {
  if (!isRecord(raw)) return ['is not an object'];
  const out: string[] = [];
  if (typeof raw.id !== 'string' || !ID.test(raw.id)) out.push('id is missing or malformed');
  checkText(raw, 'title', L.title, out, true);
  checkText(raw, 'author', L.author, out);
  checkText(raw, 'date', L.date, out);
  checkText(raw, 'url', L.url, out);
  checkText(raw, 'stance', L.stance, out);
  checkText(raw, 'text', L.sourceText, out, true);
  checkText(raw, 'fileName', L.fileName, out);
  if (raw.origin !== 'paste' && raw.origin !== 'file' && raw.origin !== 'page') out.push('origin is not known');
  checkTime(raw, 'createdAt', out);
  checkTime(raw, 'updatedAt', out);
  return out;
}

function ownNameProblems(raw: unknown): string[] {
  if (!isRecord(raw)) return ['is not an object'];
  const out: string[] = [];
  if (typeof raw.id !== 'string' || !isOwnNameId(raw.id) || raw.id.length > L.id)
    out.push('id is missing or malformed');
  checkText(raw, 'name', L.name, out, true);
  checkText(raw, 'summary', L.summary, out);
  if (!ENTITY_TYPES.includes(raw.type as EntityType)) out.push('type is not known');
  if (
    !Array.isArray(raw.aliases) ||
    raw.aliases.length > L.aliases ||
    !raw.aliases.every((a) => typeof a === 'string' && a.trim().length > 0 && a.length <= L.name)
  )
    out.push('aliases must be a short list of names');
  checkTime(raw, 'createdAt', out);
  checkTime(raw, 'updatedAt', out);
  return out;
}

/** Validates an export's `own` part; returns the material (known fields only) or the problems. */
export function parseOwnMaterial(raw: unknown): { own: OwnMaterial } | { problems: string[] } {
  if (raw === undefined) return { own: { notes: [], sources: [], names: [] } };
  if (!isRecord(raw)) return { problems: ['"own" is not an object'] };
  const problems: string[] = [];
  const list = <T>(key: string, check: (v: unknown) => string[], copy: (v: Record<string, unknown>) => T): T[] => {
    const v = raw[key] ?? [];
    if (!Array.isArray(v)) {
      problems.push(`own.${key} is not a list`);
      return [];
    }
    v.forEach((r, i) => {
      const p = check(r);
      if (p.length && problems.length < 5) problems.push(`own.${key} ${i + 1}: ${p.join('; ')}`);
    });
    return v.map((r) => copy(r as Record<string, unknown>));
  };
  const notes = list<EntityNote>('notes', noteProblems, (r) => ({
    entityId: r.entityId as string,
    text: r.text as string,
    createdAt: r.createdAt as number,
    updatedAt: r.updatedAt as number,
  }));
  const sources = list<OwnSource>('sources', sourceProblems, (r) => ({
    id: r.id as string,
    title: r.title as string,
    author: r.author as string,
    date: r.date as string,
    url: r.url as string,
    stance: r.stance as string,
    text: r.text as string,
    origin: r.origin as OwnSource['origin'],
    fileName: r.fileName as string,
    createdAt: r.createdAt as number,
    updatedAt: r.updatedAt as number,
  }));
  const names = list<OwnName>('names', ownNameProblems, (r) => ({
    id: r.id as string,
    name: r.name as string,
    aliases: [...(r.aliases as string[])],
    type: r.type as OwnName['type'],
    summary: r.summary as string,
    createdAt: r.createdAt as number,
    updatedAt: r.updatedAt as number,
  }));
  return problems.length ? { problems } : { own: { notes, sources, names } };
}
