/**
 * CSV export for spreadsheets. RFC 4180: CRLF between records, every field quoted when it holds a comma, quote, CR
 * or LF, quotes doubled. Safe to open in a spreadsheet: a cell whose first character that is not white space could
 * start a formula (= + - @, their fullwidth forms ＝ ＋ － ＠ that some spreadsheets fold to them, or a leading tab,
 * CR or LF, which some skip before looking) is prefixed with a single quote so it is never run (OWASP's CSV-injection
 * advice). A cell holding a semicolon is quoted too: spreadsheets in locales that split on `;` would otherwise start a
 * new cell, perhaps a formula, after it. A UTF-8 byte-order mark leads so spreadsheet apps read Turkish and
 * Azerbaijani letters right.
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

/** White space (and the invisible characters spreadsheets also skip), then a character that can start a formula. */
const FORMULA_START = /^(?:[\t\r\n]|[\s\u200b-\u200d\u2060\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20])/;

/** One field, neutralised against formulas and quoted per RFC 4180 (and for `;` locales) when needed. */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function snippetToCsvRow(s: Snippet, entityName: EntityLookup = () => undefined): string {
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
