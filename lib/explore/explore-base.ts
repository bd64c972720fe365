/**
 * The explore page's compact artefact (data/explore-base.json, written by `npm run facts:build`): the fact base
 * with only what the first render of the timeline and the map needs, in the fact base's own shape, so the same
 * model code reads either. It keeps the sources, every event with its quote (the timeline, its list and the event
 * panel show them), and each entity's id, name, type, countries and stated relations (each once, as written on its
 * subject, with its share). It leaves out what only cards, the map's table and search read: aliases, summaries,
 * facts, views and the relations' quotes. The page loads the full fact base after its first render
 * (lib/explore/model `loadDetails`). Pure: no DOM, no browser.
 */
import type { FactBase } from '../factbase/types';

export function buildExploreBase(base: FactBase): FactBase {
  return {
    version: base.version,
    sources: base.sources,
    entities: base.entities.map((e) => ({
      id: e.id,
      name: e.name,
      type: e.type,
      ...(e.country ? { country: e.country } : {}),
      aliases: [],
      summary: '',
      summarySentences: [],
      facts: [],
      // The build mirrors every relation onto its object (`in`); the map's graph needs each only once.
      relations: e.relations
        .filter((r) => r.direction === 'out')
        .map((r) => ({
          type: r.type,
          target: r.target,
          direction: r.direction,
          ...(r.share ? { share: r.share } : {}),
        })),
      views: [],
    })),
    events: base.events,
  };
}
