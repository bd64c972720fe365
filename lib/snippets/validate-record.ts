/**
 * Shape checks for snippet records of every schema version. Used on import (every record, before anything is
 * written) and by the store before a put. Pure: returns the problems as readable text.
 */
import { checkText as checkString, checkTime, isRecord } from '../record-checks';
import { SNIPPET_LIMITS as L } from './types';

/** UUIDs and the ids older builds made; nothing that could surprise a CSS selector, a file name or a log line. */
const SNIPPET_ID_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;

function checkStringList(
  r: Record<string, unknown>,
  key: string,
  maxItems: number,
  maxLen: number,
  out: string[],
): void {
  const v = r[key];
  if (!Array.isArray(v)) out.push(`${key} is missing or not a list`);
  else if (v.length > maxItems) out.push(`${key} has more than ${maxItems} entries`);
  else if (!v.every((x) => typeof x === 'string' && x.length > 0 && x.length <= maxLen))
    out.push(`${key} must hold only short pieces of text`);
}

function checkSelector(r: Record<string, unknown>, out: string[], requireType: boolean): void {
  const s = r.selector;
  if (!isRecord(s)) {
    out.push('selector is missing');
    return;
  }
  if (requireType && s.type !== 'TextQuoteSelector') out.push('selector.type must be "TextQuoteSelector"');
  if (typeof s.exact !== 'string' || s.exact.length === 0 || s.exact.length > L.text)
    out.push('selector.exact is not valid text');
  if (typeof s.prefix !== 'string' || s.prefix.length > L.context) out.push('selector.prefix is not valid text');
  if (typeof s.suffix !== 'string' || s.suffix.length > L.context) out.push('selector.suffix is not valid text');
}

function checkCommon(r: Record<string, unknown>, out: string[]): void {
  if (typeof r.id !== 'string' || !SNIPPET_ID_PATTERN.test(r.id)) out.push('id is missing or malformed');
  checkString(r, 'text', L.text, out, true);
  checkString(r, 'url', L.url, out);
  checkString(r, 'title', L.title, out);
  checkString(r, 'note', L.note, out);
  checkTime(r, 'createdAt', out);
  checkStringList(r, 'entityIds', L.entityIds, L.entityId, out);
}

/** Problems with a record claimed to be of schema `version`; empty when it is valid. */
export function recordProblems(raw: unknown, version: number): string[] {
  if (!isRecord(raw)) return ['is not an object'];
  const out: string[] = [];
  checkCommon(raw, out);
  if (version === 1) {
    checkSelector(raw, out, false);
  } else if (version === 2 || version === 3) {
    checkSelector(raw, out, true);
    checkTime(raw, 'updatedAt', out);
    checkStringList(raw, 'tags', L.tags, L.tag, out);
  } else {
    out.push(`schema version ${version} is unknown`);
  }
  return out;
}
