/**
 * Everything the explore page derives from the fact base once, when it opens: the store for cards, the timeline's
 * items and filter options, the relation graph and the re-centre search. Pure: no DOM, no browser.
 *
 * The page opens on the compact explore base (lib/explore/explore-base: events, names, types, relations) and loads
 * the full fact base after its first render (`loadDetails`). The items, options and graph keep their identity when
 * the details arrive (the graph's edges gain their quotes in place), so the charts are not laid out again; the
 * store and the search switch to the full base. Built on the full base, the model has its details from the start.
 */
import type { EntityType, FactBase } from '../factbase/types';
import { createFactBaseStore, type FactBaseStore } from '../factbase/factbase-store';
import { createSearch, type Search } from '../search/search';
import { currentInterfaceText, type InterfaceText } from '../i18n/translator';
import { buildGraphIndex, type GraphIndex } from './graph';
import { filterOptions, timelineItems, type FilterOptions, type TimelineItem } from './timeline-model';

/** A re-centre candidate: the entity, and the alias that matched when it was not the name. */
interface EntityHit {
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
  /** The full fact base once the details are loaded; until then the explore base (no facts, aliases, card text). */
  readonly base: FactBase;
  /** Cards need the details (`hasDetails`); names and types are there from the start. */
  readonly store: FactBaseStore;
  items: TimelineItem[];
  /** In the interface language: made on first use and again after the language changes. */
  readonly options: FilterOptions;
  /** Built on first use: the timeline opens without paying for the map. Relation quotes arrive with the details. */
  readonly graph: GraphIndex;
  /**
   * The extension's one search (lib/search, as in the popup), over names and aliases; built on first query. Finds
   * nothing until the details are loaded (asking starts the load), then is a new object.
   */
  readonly search: EntitySearch;
  /** Whether the full fact base (cards, relation quotes, aliases) is loaded. */
  readonly hasDetails: boolean;
  /** Loads the full fact base (once); resolves when the model has it. */
  loadDetails(): Promise<void>;
}

/**
 * `base` is the full fact base, or the explore base with `loadFull` to fetch the full one later (the page passes a
 * dynamic import, so the 1.3 MB fact base is neither loaded nor parsed before the first render).
 */
export function createExploreModel(
  base: FactBase,
  typeLabel: (t: EntityType) => string,
  loadFull?: () => Promise<FactBase>,
): ExploreModel {
  const { items } = timelineItems(base);
  let current = base;
  let store = createFactBaseStore(base);
  let hasDetails = !loadFull;
  let loading: Promise<void> | undefined;
  let graph: GraphIndex | undefined;
  let search: EntitySearch | undefined;
  let pendingSearch: EntitySearch | undefined;
  let searchIndex: Search | undefined;
  let options: { text: InterfaceText; value: FilterOptions } | undefined;

  const attach = (full: FactBase) => {
    current = full;
    store = createFactBaseStore(full);
    if (graph) {
      // Same edges (the explore base keeps every relation), now with the quotes that state them.
      const quoted = new Map(buildGraphIndex(full).edges.map((e) => [e.id, e]));
      for (const edge of graph.edges) {
        const q = quoted.get(edge.id);
        if (!q) continue;
        edge.evidence = q.evidence;
        if (q.share && !edge.share) edge.share = q.share;
      }
    }
    hasDetails = true;
  };

  const loadDetails = (): Promise<void> => (loadFull ? (loading ??= loadFull().then(attach)) : Promise.resolve());

  return {
    get base() {
      return current;
    },
    get store() {
      return store;
    },
    items,
    get options() {
      // The model is made while the page reads its catalog: the type names are asked for when first shown.
      const text = currentInterfaceText();
      if (options?.text !== text) options = { text, value: filterOptions(items, base, typeLabel) };
      return options.value;
    },
    get graph() {
      return (graph ??= buildGraphIndex(current));
    },
    get hasDetails() {
      return hasDetails;
    },
    loadDetails,
    get search() {
      // Search reads aliases, so it waits for the details: until then it starts loading them and finds nothing. A
      // new object once they are there, so a component holding the old one searches again. Its index is built on
      // the first query (or on focus, by `warm`).
      if (!hasDetails)
        return (pendingSearch ??= {
          search: () => {
            void loadDetails();
            return [];
          },
          warm: () => void loadDetails(),
        });
      const index = () => (searchIndex ??= createSearch(current));
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
