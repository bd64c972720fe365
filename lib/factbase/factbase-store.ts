/** Read access to the fact base by id, shared by the background and the extension pages. */
import type { Entity, FactBase, Source, TimelineEvent } from './types';
import type { EntityDetails } from '../messaging/messages';

export interface FactBaseStore {
  readonly base: FactBase;
  entity(id: string): Entity | undefined;
  source(id: string): Source | undefined;
  details(id: string): EntityDetails | null;
}

export function createFactBaseStore(base: FactBase): FactBaseStore {
  const entities = new Map(base.entities.map((e) => [e.id, e]));
  const sources = new Map(base.sources.map((s) => [s.id, s]));
  const eventsByEntity = new Map<string, TimelineEvent[]>();
  for (const event of base.events) {
    for (const id of event.entities) {
      const list = eventsByEntity.get(id) ?? [];
      list.push(event);
      eventsByEntity.set(id, list);
    }
  }
  for (const list of eventsByEntity.values()) list.sort((a, b) => a.date.localeCompare(b.date));

  return {
    base,
    entity: (id) => entities.get(id),
    source: (id) => sources.get(id),
    details(id) {
      const entity = entities.get(id);
      if (!entity) return null;
      const sourceIds = new Set<string>();
      for (const f of entity.facts) sourceIds.add(f.source);
      for (const v of entity.views) sourceIds.add(v.source);
      for (const r of entity.relations) if (r.evidence) sourceIds.add(r.evidence.source);
      const events = eventsByEntity.get(id) ?? [];
      for (const ev of events)
        for (const e of [ev.evidence, ...(ev.moreEvidence ?? [])]) if (e) sourceIds.add(e.source);
      // A chapter's quote is attributed with the volume it appears in.
      for (const id of [...sourceIds]) {
        const partOf = sources.get(id)?.partOf;
        if (partOf) sourceIds.add(partOf);
      }
      const related: EntityDetails['related'] = {};
      for (const r of entity.relations) {
        const target = entities.get(r.target);
        if (target) related[target.id] = { name: target.name, type: target.type };
      }
      for (const country of entity.country ?? []) {
        const e = entities.get(country);
        if (e) related[e.id] = { name: e.name, type: e.type };
      }
      for (const ev of events)
        for (const other of ev.entities) {
          const e = entities.get(other);
          if (e) related[e.id] = { name: e.name, type: e.type };
        }
      return {
        entity,
        sources: [...sourceIds].flatMap((s) => sources.get(s) ?? []),
        related,
        events,
      };
    },
  };
}
