/**
 * Relation types in words, read from the subject's side ("BOTAŞ — shareholder of 30% → TANAP").
 * Pure: no DOM, no browser.
 */
import type { GraphLink } from './graph';

const LABELS: Record<string, string> = {
  'member-of': 'member of',
  leads: 'leads',
  'head-of-state-of': 'head of state of',
  'minister-of': 'minister of',
  'part-of': 'part of',
  operates: 'operates',
  owns: 'owns',
  'shareholder-of': 'shareholder of',
  signed: 'signed',
  'signed-by': 'signed by',
  founded: 'founded',
  supplies: 'supplies',
  connects: 'connects',
  'located-in': 'located in',
  'successor-of': 'successor of',
  'produced-by': 'produced by',
  uses: 'uses',
  'ally-of': 'ally of',
  borders: 'borders',
  'related-to': 'related to',
};

/** Relations that read the same both ways: A ally-of B is B ally-of A. */
export const SYMMETRIC_RELATIONS: ReadonlySet<string> = new Set(['ally-of', 'borders', 'related-to']);

/** The unspecific relation the fact base uses when a source links two names without saying how. */
export const GENERIC_RELATION = 'related-to';

export function relationWords(type: string): string {
  return LABELS[type] ?? type.replace(/-/g, ' ');
}

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
