/**
 * "Track this name" from a selection on a page or a query typed in the popup: the text becomes the name field of the
 * library's form (the reader completes aliases, type and summary there). Pure.
 */
import { OWN_LIMITS } from './types';

/** The selection as a name: one line, single spaces, no surrounding quotes or punctuation, at most the name limit. */
export function nameFromSelection(text: string): string {
  return (
    text
      .replace(/\s+/g, ' ')
      .trim()
      // Quotation marks and sentence punctuation around a selected name are not part of it.
      .replace(/^["'«»“”‘’„([]+/u, '')
      .replace(/["'«»“”‘’.,;:!?)\]]+$/u, '')
      .trim()
      .slice(0, OWN_LIMITS.name)
      .trim()
  );
}

/** The library's "Your names" view with the form filled in (`libraryUrl` is `runtime.getURL('/library.html')`). */
export function trackNameUrl(libraryUrl: string, text: string): string {
  const name = nameFromSelection(text);
  return name ? `${libraryUrl}?track=${encodeURIComponent(name)}` : `${libraryUrl}?view=names`;
}
