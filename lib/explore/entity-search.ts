/**
 * The map's "re-centre on…" search: a small prefix search over names and aliases, in the search form that folds
 * case, diacritics and transliteration (lib/search/normalize), so `botas` finds BOTAŞ and `tokaev` finds Токаев.
 * The fact base has a few hundred entities, so a linear scan per keystroke is well under a millisecond.
 * Pure: no DOM, no browser.
 */
import type { Entity, EntityType, FactBase } from '../factbase/types';
import { toSearchForm } from '../search/normalize';

export interface EntityHit {
  id: string;
  name: string;
  type: EntityType;
  /** The alias that matched, when it was not the name. */
  alias?: string;
}

interface Entry {
  entity: Entity;
  text: string;
  alias?: string;
}

export interface EntitySearch {
  search(query: string, limit?: number): EntityHit[];
}

/** 0: whole text starts with the query; 1: a later word does; 2: it occurs inside a word. */
function rank(text: string, q: string): number | null {
  if (text.startsWith(q)) return 0;
  const at = text.indexOf(q);
  if (at < 0) return null;
  return text[at - 1] === ' ' ? 1 : 2;
}

export function createEntitySearch(base: FactBase): EntitySearch {
  const entries: Entry[] = [];
  for (const entity of base.entities) {
    entries.push({ entity, text: toSearchForm(entity.name).text });
    for (const a of entity.aliases) entries.push({ entity, text: toSearchForm(a.text).text, alias: a.text });
  }
  const size = new Map(base.entities.map((e) => [e.id, e.relations.length]));
  return {
    search(query, limit = 8) {
      const q = toSearchForm(query.trim()).text;
      if (!q) return [];
      const best = new Map<string, { score: number; entry: Entry }>();
      for (const entry of entries) {
        const r = rank(entry.text, q);
        if (r === null) continue;
        // A name beats an alias at the same rank.
        const score = r * 2 + (entry.alias ? 1 : 0);
        const prev = best.get(entry.entity.id);
        if (!prev || score < prev.score) best.set(entry.entity.id, { score, entry });
      }
      return [...best.values()]
        .sort(
          (a, b) =>
            a.score - b.score ||
            (size.get(b.entry.entity.id) ?? 0) - (size.get(a.entry.entity.id) ?? 0) ||
            a.entry.entity.name.localeCompare(b.entry.entity.name),
        )
        .slice(0, limit)
        .map(({ entry }) => ({
          id: entry.entity.id,
          name: entry.entity.name,
          type: entry.entity.type,
          ...(entry.alias ? { alias: entry.alias } : {}),
        }));
    },
  };
}
