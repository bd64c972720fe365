/**
 * Everything the explore page derives from the fact base once, when it opens: the store for cards, the timeline's
 * items and filter options, the relation graph and the re-centre search. Pure: no DOM, no browser.
 */
import type { EntityType, FactBase } from '../factbase/types';
import { createFactBaseStore, type FactBaseStore } from '../factbase/factbase-store';
import { createEntitySearch, type EntitySearch } from './entity-search';
import { buildGraphIndex, type GraphIndex } from './graph';
import { filterOptions, timelineItems, type FilterOptions, type TimelineItem } from './timeline-model';

export interface ExploreModel {
  base: FactBase;
  store: FactBaseStore;
  items: TimelineItem[];
  options: FilterOptions;
  /** Built on first use: the timeline opens without paying for the map. */
  readonly graph: GraphIndex;
  /** Built on first use (folding every alias takes tens of milliseconds). */
  readonly search: EntitySearch;
}

export function createExploreModel(base: FactBase, typeLabel: (t: EntityType) => string): ExploreModel {
  const { items } = timelineItems(base);
  let graph: GraphIndex | undefined;
  let search: EntitySearch | undefined;
  let searchIndex: EntitySearch | undefined;
  return {
    base,
    store: createFactBaseStore(base),
    items,
    options: filterOptions(items, base, typeLabel),
    get graph() {
      return (graph ??= buildGraphIndex(base));
    },
    get search() {
      // The search object is handed out at once; its index is built on the first query.
      return (search ??= { search: (q, limit) => (searchIndex ??= createEntitySearch(base)).search(q, limit) });
    },
  };
}
