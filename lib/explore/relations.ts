/**
 * Relation types in words, read from the subject's side ("BOTAŞ — shareholder of 30% → TANAP").
 * Pure: no DOM, no browser.
 */
import type { GraphLink } from './graph';
import { relationWords as relationWordsIn } from '../i18n/words';

/** Relations that read the same both ways: A ally-of B is B ally-of A. */
export const SYMMETRIC_RELATIONS: ReadonlySet<string> = new Set(['ally-of', 'borders', 'related-to']);

/** The unspecific relation the fact base uses when a source links two names without saying how. */
export const GENERIC_RELATION = 'related-to';

/** A relation in words, in the interface language, read from the subject ("member of"). */
export const relationWords = (type: string): string => relationWordsIn(type);

/** `shareholder of 30%`, `member of`. */
export function relationLabel(type: string, share?: string): string {
  const words = relationWords(type);
  return share ? `${words} ${share}` : words;
}

/** A link's label: its relations in words, shares included, at most two then "+n". */
export function linkLabel(link: GraphLink): string {
  const words = [...new Set(link.edges.map((e) => relationLabel(e.type, e.share)))];
  return words.length > 2 ? `${words.slice(0, 2).join(' · ')} +${words.length - 2}` : words.join(' · ');
}
