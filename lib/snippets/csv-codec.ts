/**
 * CSV export for spreadsheets. RFC 4180: CRLF between records, every field quoted when it holds a comma, quote, CR
 * or LF, quotes doubled. Safe to open in a spreadsheet: a cell that starts with = + - @ (or a tab or CR, which some
 * spreadsheets skip before looking) is prefixed with a single quote so it is never run as a formula (OWASP's
 * CSV-injection advice). A UTF-8 byte-order mark leads so spreadsheet apps read Turkish and Azerbaijani letters right.
 */
import { siteOf, type EntityLookup } from './entity-names';
import type { Snippet } from './types';

export const CSV_COLUMNS = [
  'id',
  'created',
  'title',
  'url',
  'site',
  'text',
  'note',
  'tags',
  'entity_ids',
  'entities',
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One field, neutralised against formulas and quoted per RFC 4180 when needed. */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function snippetToCsvRow(s: Snippet, entityName: EntityLookup = () => undefined): string {
  const cells = [
    s.id,
    new Date(s.createdAt).toISOString(),
    s.title,
    s.url,
    siteOf(s.url),
    s.text,
    s.note,
    s.tags.join('; '),
    s.entityIds.join('; '),
    s.entityIds.map((id) => entityName(id)?.name ?? id).join('; '),
  ];
  return cells.map(csvField).join(',');
}

export function exportSnippetsCsv(snippets: readonly Snippet[], entityName: EntityLookup = () => undefined): string {
  const rows = [CSV_COLUMNS.join(','), ...snippets.map((s) => snippetToCsvRow(s, entityName))];
  return '\uFEFF' + rows.join('\r\n') + '\r\n';
}
