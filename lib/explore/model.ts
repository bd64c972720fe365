/**
 * Everything the explore page derives from the fact base once, when it opens: the store for cards, the timeline's
 * items and filter options, the relation graph and the re-centre search. Pure: no DOM, no browser.
 */
import type { EntityType, FactBase } from '../factbase/types';
import { createFactBaseStore, type FactBaseStore } from '../factbase/factbase-store';
import { createSearch, type Search } from '../search/search';
import { buildGraphIndex, type GraphIndex } from './graph';
import { filterOptions, timelineItems, type FilterOptions, type TimelineItem } from './timeline-model';

/** A re-centre candidate: the entity, and the alias that matched when it was not the name. */
export interface EntityHit {
  id: string;
  name: string;
  type: EntityType;
  alias?: string;
}

export interface EntitySearch {
  search(query: string, limit?: number): EntityHit[];
  /** Builds the index now (on focus), so the first keystroke does not pay for it. */
  warm(): void;
}

export interface ExploreModel {
  base: FactBase;
  store: FactBaseStore;
  items: TimelineItem[];
  options: FilterOptions;
  /** Built on first use: the timeline opens without paying for the map. */
  readonly graph: GraphIndex;
  /** The extension's one search (lib/search, as in the popup), over names and aliases; built on first query. */
  readonly search: EntitySearch;
}

export function createExploreModel(base: FactBase, typeLabel: (t: EntityType) => string): ExploreModel {
  const { items } = timelineItems(base);
  let graph: GraphIndex | undefined;
  let search: EntitySearch | undefined;
  let searchIndex: Search | undefined;
  return {
    base,
    store: createFactBaseStore(base),
    items,
    options: filterOptions(items, base, typeLabel),
    get graph() {
      return (graph ??= buildGraphIndex(base));
    },
    get search() {
      // The search object is handed out at once; its index is built on the first query (or on focus, by `warm`).
      const index = () => (searchIndex ??= createSearch(base));
      return (search ??= {
        search: (q, limit = 8) =>
          q.trim()
            ? index()
                .search(q, { limit })
                .map((hit) => ({
                  id: hit.id,
                  name: hit.name,
                  type: hit.type,
                  ...(hit.alias ? { alias: hit.alias.text } : {}),
                }))
            : [],
        warm: () => void index(),
      });
    },
  };
}
