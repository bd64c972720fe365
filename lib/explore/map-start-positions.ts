/**
 * Where the map's nodes start before the force layout settles them: on the ring of their hop count, the centre's
 * neighbours evenly around it (grouped by family), each further node beside the neighbour that brought it in. Nodes
 * the reader has already seen keep their place, so expanding a node leaves the rest of the map where it was.
 * Pure: no DOM, no browser.
 */
import type { GraphLink } from './graph';

export interface Point {
  x: number;
  y: number;
}

/**
 * The start position of every node but the centre (which is pinned at the origin). `ring` gives each hop count's
 * radius, `previous` where nodes were last shown, `familyRank` the order families go around the first ring.
 */
export function initialPositions(
  nodes: readonly { id: string; depth: number }[],
  links: readonly GraphLink[],
  centre: string,
  ring: ReadonlyMap<number, number>,
  previous: ReadonlyMap<string, Point>,
  familyRank: (id: string) => number,
): Map<string, Point> {
  const angle = new Map<string, number>();
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const n of nodes) {
    const p = previous.get(n.id);
    if (p && n.id !== centre) angle.set(n.id, Math.atan2(p.y, p.x));
  }
  const first = nodes
    .filter((n) => n.depth === 1 && !angle.has(n.id))
    .sort((a, b) => familyRank(a.id) - familyRank(b.id) || (a.id < b.id ? -1 : 1));
  const ringOne = nodes.filter((n) => n.depth === 1).length;
  first.forEach((n, i) => angle.set(n.id, -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, first.length)));
  const neighbours = (id: string) =>
    links.flatMap((l) => (l.source === id ? [l.target] : l.target === id ? [l.source] : []));
  const maxDepth = Math.max(0, ...nodes.map((n) => n.depth));
  for (let d = 2; d <= maxDepth; d++) {
    const children = new Map<string, { id: string }[]>();
    for (const n of nodes.filter((x) => x.depth === d && !angle.has(x.id))) {
      const parent = neighbours(n.id).find((id) => byId.get(id)?.depth === d - 1 && angle.has(id)) ?? '';
      children.set(parent, [...(children.get(parent) ?? []), n]);
    }
    for (const [parent, kids] of children) {
      const base = angle.get(parent) ?? 0;
      const spread = Math.min(Math.PI / 2, (2 * Math.PI) / Math.max(1, ringOne)) * 0.9;
      kids.forEach((k, i) =>
        angle.set(k.id, base + (kids.length > 1 ? -spread / 2 + (spread * i) / (kids.length - 1) : 0)),
      );
    }
  }
  const start = new Map<string, Point>();
  for (const n of nodes) {
    if (n.id === centre) continue;
    const p = previous.get(n.id);
    if (p) start.set(n.id, { x: p.x, y: p.y });
    else {
      const a = angle.get(n.id) ?? 0;
      const r = ring.get(n.depth) ?? 0;
      start.set(n.id, { x: Math.cos(a) * r, y: Math.sin(a) * r });
    }
  }
  return start;
}

/**
 * Where each node of a new layout starts its glide: where it was, or, for a node new to the map, where the first of
 * its neighbours already shown was (it grows out of that one), or its own target when it has none.
 */
export function glideStarts(
  target: ReadonlyMap<string, Point>,
  from: ReadonlyMap<string, Point>,
  links: readonly GraphLink[],
): Map<string, Point> {
  const start = new Map<string, Point>();
  for (const [id, p] of target) {
    const old = from.get(id);
    if (old) start.set(id, old);
    else {
      const anchor = links
        .map((l) => (l.source === id ? l.target : l.target === id ? l.source : null))
        .find((x) => x && from.has(x));
      start.set(id, anchor ? from.get(anchor)! : { x: p.x, y: p.y });
    }
  }
  return start;
}
