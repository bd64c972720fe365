/**
 * The search artefact (data/search-index.json): the texts search reads and nothing else, generated from the fact
 * base by `npm run facts:build`. The popup searches it without parsing the whole fact base (a third of its size);
 * an entity's full details are asked for only when its card is opened. Pure.
 */
import type { EntityType, FactBase } from '../factbase/types';
import { toSearchForms } from './normalize';

export const SEARCH_INDEX_VERSION = 1;

interface SearchIndexEntity {
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
  /**
   * The search form of each text above, in the same places (normalize.ts): computed by the build so the popup does
   * not fold and transliterate every text while it opens. Absent when made from a fact base at run time.
   */
  forms?: { name: string; aliases: string[]; summary: string[]; quotes: string[] };
}

export interface SearchIndexData {
  version: typeof SEARCH_INDEX_VERSION;
  /** In the fact base's order. */
  entities: SearchIndexEntity[];
}

/** The artefact for a fact base; `forms: true` (the build's choice) adds every text's search form. */
export function toSearchIndex(base: FactBase, options: { forms?: boolean } = {}): SearchIndexData {
  const entities: SearchIndexEntity[] = base.entities.map((e) => ({
    id: e.id,
    name: e.name,
    type: e.type,
    weight: e.facts.length + e.relations.length,
    aliases: e.aliases.map((a) => a.text),
    summary: e.summarySentences?.length ? e.summarySentences.map((s) => s.text) : [e.summary],
    quotes: e.facts.map((f) => f.quote),
  }));
  if (options.forms) {
    // One batch for the whole base, as the popup would fold them (toSearchForms equals toSearchForm per text).
    const forms = toSearchForms(entities.flatMap((e) => [e.name, ...e.aliases, ...e.summary, ...e.quotes]));
    let at = 0;
    const take = (n: number) => forms.slice(at, (at += n));
    for (const e of entities)
      e.forms = {
        name: take(1)[0]!,
        aliases: take(e.aliases.length),
        summary: take(e.summary.length),
        quotes: take(e.quotes.length),
      };
  }
  return { version: SEARCH_INDEX_VERSION, entities };
}
