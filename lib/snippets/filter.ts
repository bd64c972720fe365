/**
 * Library search and filters over snippets held in memory (10,000 records are a few megabytes; filtering them is
 * a few milliseconds, measured in scripts/bench/library-bench.ts). Search folds case and diacritics so "aliyev"
 * finds "Əliyev" and "turkiye" finds "Türkiye"; every word of the query must occur in the text, note, title, URL,
 * tags or entity names.
 */
import { siteOf, type EntityLookup } from './entity-names';
import type { Snippet } from './types';

export interface SnippetQuery {
  text: string;
  entityId?: string;
  tag?: string;
  site?: string;
}

/** Lower case without diacritics; the dotless ı, schwa and a few letters NFD does not split are mapped by hand. */
export function foldForSearch(text: string): string {
  const lower = text.toLowerCase();
  // Most text is plain ASCII: nothing else to fold, and skipping NFD and the regexes halves the cost of a search
  // index over 10,000 snippets.
  if (!/[^ -~\s]/.test(lower)) return lower;
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ıİ]/g, 'i')
    .replace(/[əƏ]/g, 'e')
    .replace(/ß/g, 'ss')
    .replace(/[øØ]/g, 'o')
    .replace(/[đĐ]/g, 'd')
    .replace(/[łŁ]/g, 'l');
}

/** Newest first; ties (same millisecond, e.g. an import) by id so the order is stable. */
export function compareNewestFirst(a: Snippet, b: Snippet): number {
  return b.createdAt - a.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Folded text a query is matched against, computed once per snippet (and again after an edit). */
export function searchHaystack(s: Snippet, entityName: EntityLookup): string {
  const names = s.entityIds.map((id) => entityName(id)?.name ?? id);
  return foldForSearch([s.text, s.note, s.title, s.url, s.tags.join(' '), names.join(' ')].join('\n'));
}

export function queryTerms(text: string): string[] {
  return foldForSearch(text).split(/\s+/).filter(Boolean);
}

/** The snippets that match, in the order given. `haystack` returns the searchHaystack (cached by the caller). */
export function filterSnippets(
  snippets: readonly Snippet[],
  query: SnippetQuery,
  haystack: (s: Snippet) => string,
): Snippet[] {
  const terms = queryTerms(query.text);
  return snippets.filter((s) => {
    if (query.entityId && !s.entityIds.includes(query.entityId)) return false;
    if (query.tag && !s.tags.includes(query.tag)) return false;
    if (query.site && siteOf(s.url) !== query.site) return false;
    if (!terms.length) return true;
    const h = haystack(s);
    return terms.every((t) => h.includes(t));
  });
}

interface Facet {
  value: string;
  count: number;
}

/** Entities, tags and sites with their counts, most frequent first, for the filter menus. */
export function facets(snippets: readonly Snippet[]): { entities: Facet[]; tags: Facet[]; sites: Facet[] } {
  const count = (values: Iterable<string>, into: Map<string, number>) => {
    for (const v of values) into.set(v, (into.get(v) ?? 0) + 1);
  };
  const entities = new Map<string, number>();
  const tags = new Map<string, number>();
  const sites = new Map<string, number>();
  for (const s of snippets) {
    count(new Set(s.entityIds), entities);
    count(new Set(s.tags), tags);
    count([siteOf(s.url)], sites);
  }
  const sorted = (m: Map<string, number>) =>
    [...m]
      .map(([value, n]) => ({ value, count: n }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return { entities: sorted(entities), tags: sorted(tags), sites: sorted(sites) };
}

/** Tags as typed in the editor ("energy, Baku  pipeline" → ["energy", "Baku pipeline"]...): split on commas. */
export function parseTags(input: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of input.split(',')) {
    const tag = raw.replace(/\s+/g, ' ').trim().slice(0, 100);
    const key = tag.toLowerCase();
    if (tag && !seen.has(key)) {
      seen.add(key);
      out.push(tag);
    }
  }
  return out.slice(0, 50);
}
