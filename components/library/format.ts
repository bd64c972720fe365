/**
 * How the library and the own views show dates: short and local, with the full time in a tooltip. In a language
 * whose month names the browser lacks, the translator's date format writes them as digits (lib/i18n/translator.ts).
 */
import { formatDate, formatIsoDate, tp } from '~/lib/i18n/translator';

export const shortDate = (ms: number): string => formatDate(ms, { day: 'numeric', month: 'short', year: 'numeric' });

export const fullDate = (ms: number): string => formatDate(ms, { dateStyle: 'medium', timeStyle: 'short' });

/** A date the reader or the store wrote as an ISO prefix (`2026-11`, `2026-11-30`), at its own precision. */
export const isoDate = (iso: string): string => formatIsoDate(iso);

/** "3 snippets", in the interface language. */
export const snippetCount = (n: number): string => tp('librarySnippetCount', n);
