/** How the library shows dates: short and local, with the full time in a tooltip. */
import { formatDate, tp } from '~/lib/i18n/translator';
export function shortDate(ms: number): string {
  return formatDate(ms, { day: 'numeric', month: 'short', year: 'numeric' });
}

export function fullDate(ms: number): string {
  return formatDate(ms, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "3 snippets", in the interface language. */
export const snippetCount = (n: number): string => tp('librarySnippetCount', n);
