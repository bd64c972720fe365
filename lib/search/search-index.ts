/**
 * The search artefact (data/search-index.json): the texts search reads and nothing else, generated from the fact
 * base by `npm run facts:build`. The popup searches it without parsing the whole fact base (a fifth of its size);
 * an entity's full details are asked for only when its card is opened. Pure.
 */
import type { EntityType, FactBase } from '../factbase/types';

export const SEARCH_INDEX_VERSION = 1;

export interface SearchIndexEntity {
  id: string;
  name: string;
  type: EntityType;
  /** How connected the entity is (facts + relations): breaks ties between equally good matches. */
  weight: number;
  /** Alias texts in the fact base's order (an alias field's `ref` is its index here). */
  aliases: string[];
  /** The summary's sentences (or the summary whole when it has none); the first is the result's context line. */
  summary: string[];
  /** Fact quotes in the fact base's order (a quote field's `ref` is the fact's index). */
  quotes: string[];
}

export interface SearchIndexData {
  version: typeof SEARCH_INDEX_VERSION;
  /** In the fact base's order. */
  entities: SearchIndexEntity[];
}

export function toSearchIndex(base: FactBase): SearchIndexData {
  return {
    version: SEARCH_INDEX_VERSION,
    entities: base.entities.map((e) => ({
      id: e.id,
      name: e.name,
      type: e.type,
      weight: e.facts.length + e.relations.length,
      aliases: e.aliases.map((a) => a.text),
      summary: e.summarySentences?.length ? e.summarySentences.map((s) => s.text) : [e.summary],
      quotes: e.facts.map((f) => f.quote),
    })),
  };
}
