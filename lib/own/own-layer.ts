/**
 * The explore page's layer of the reader's own material: their snippets by month (dated by when they were saved),
 * the fact-base entities their sources name (by how many quotes), and their own names. Pure: the page hands in what
 * it read from IndexedDB.
 */
import type { OwnName } from './types';

interface LayerSnippet {
  id: string;
  text: string;
  title: string;
  createdAt: number;
  entityIds: readonly string[];
}

export interface OwnLayer {
  /** `YYYY-MM` → snippets saved that month, oldest month first. */
  months: { month: string; count: number }[];
  /** The newest snippets, with the entities they name that the page knows. */
  recent: { id: string; text: string; title: string; date: string; entityIds: string[] }[];
  /** Entities quoted from the reader's sources, most quoted first. */
  sourceEntities: { id: string; quotes: number }[];
  names: { id: string; name: string; type: string; summary: string }[];
  empty: boolean;
}

const monthOf = (ms: number) => new Date(ms).toISOString().slice(0, 7);

export function ownLayer(
  snippets: readonly LayerSnippet[],
  quotesPerEntity: ReadonlyMap<string, number>,
  names: readonly OwnName[],
  isKnown: (id: string) => boolean,
  limits = { recent: 6, entities: 20 },
): OwnLayer {
  const byMonth = new Map<string, number>();
  for (const s of snippets) byMonth.set(monthOf(s.createdAt), (byMonth.get(monthOf(s.createdAt)) ?? 0) + 1);
  const recent = [...snippets]
    .sort((a, b) => b.createdAt - a.createdAt)
    .slice(0, limits.recent)
    .map((s) => ({
      id: s.id,
      text: s.text,
      title: s.title,
      date: new Date(s.createdAt).toISOString().slice(0, 10),
      entityIds: s.entityIds.filter(isKnown),
    }));
  const sourceEntities = [...quotesPerEntity]
    .filter(([id, n]) => n > 0 && isKnown(id))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limits.entities)
    .map(([id, quotes]) => ({ id, quotes }));
  return {
    months: [...byMonth].sort((a, b) => a[0].localeCompare(b[0])).map(([month, count]) => ({ month, count })),
    recent,
    sourceEntities,
    names: names.map((n) => ({ id: n.id, name: n.name, type: n.type, summary: n.summary })),
    empty: !snippets.length && !sourceEntities.length && !names.length,
  };
}
