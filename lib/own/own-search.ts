/**
 * The popup's search finds the reader's own names: they get a search of their own (a few hundred names index in a
 * millisecond or two, so it is rebuilt whenever they change, without touching the fact base's search), and the two
 * result lists are merged by the same ranking tiers. Pure.
 */
import type { SearchHit } from '../search/search';
import { SEARCH_INDEX_VERSION, type SearchIndexData } from '../search/search-index';
import type { OwnName } from './types';

/**
 * Own names as the search artefact's entities: name, other spellings, and the summary as context (`noSummary`, in
 * the interface language, for a name the reader gave none).
 */
export function ownSearchIndex(names: readonly OwnName[], noSummary = ''): SearchIndexData {
  return {
    version: SEARCH_INDEX_VERSION,
    entities: names.map((n) => ({
      id: n.id,
      name: n.name,
      type: n.type,
      // Above the fact base's ties: a name the reader tracks is what they are most likely looking for.
      weight: 1_000,
      aliases: [...n.aliases],
      summary: [n.summary.trim() || noSummary],
      quotes: [],
    })),
  };
}

/** Both result lists in one, best tier first, then best score; the fact base's order kept within equal keys. */
export function mergeHits(base: readonly SearchHit[], own: readonly SearchHit[], limit: number): SearchHit[] {
  if (!own.length) return base.slice(0, limit);
  return [...own, ...base].sort((a, b) => a.tier - b.tier || a.score - b.score).slice(0, limit);
}
