/** How the library and the own views show dates: short and local, with the full time in a tooltip. */
import { formatDate, formatIsoDate, interfaceLocale, tp } from '~/lib/i18n/translator';

const hasMonthNames = new Map<string, boolean>();
/**
 * Whether Intl knows the interface language's month names: Chromium's ICU has none for Kazakh or Uzbek and writes
 * "2025 M05 28". Without them a date is all digits, which reads the same in every language.
 */
function monthNames(): boolean {
  const locale = interfaceLocale();
  let known = hasMonthNames.get(locale);
  if (known === undefined) {
    known = !/M\d/.test(formatDate(0, { month: 'short', timeZone: 'UTC' }));
    hasMonthNames.set(locale, known);
  }
  return known;
}

export function shortDate(ms: number): string {
  return monthNames()
    ? formatDate(ms, { day: 'numeric', month: 'short', year: 'numeric' })
    : formatDate(ms, { day: '2-digit', month: '2-digit', year: 'numeric' });
}

export function fullDate(ms: number): string {
  return monthNames()
    ? formatDate(ms, { dateStyle: 'medium', timeStyle: 'short' })
    : formatDate(ms, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** A date the reader or the store wrote as an ISO prefix (`2026-11`, `2026-11-30`), at its own precision. */
export const isoDate = (iso: string): string => (monthNames() ? formatIsoDate(iso) : iso);

/** "3 snippets", in the interface language. */
export const snippetCount = (n: number): string => tp('librarySnippetCount', n);
