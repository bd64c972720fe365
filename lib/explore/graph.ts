/**
 * The relationship map's model: the fact base's relations as one set of directed edges (each stated once, whichever
 * entity it was written on, with every quote that backs it), and the neighbourhood of a chosen entity: one or two
 * hops, plus the neighbours of nodes the reader expanded, capped so a hub like Türkiye stays readable.
 * Pure: no DOM, no browser.
 */
import type { Evidence, FactBase } from '../factbase/types';
import { GENERIC_RELATION, SYMMETRIC_RELATIONS } from './relations';

export interface GraphEdge {
  /** `source|type|target`, stable across builds. */
  id: string;
  /** The subject: `source` is shareholder-of `target`. */
  source: string;
  target: string;
  type: string;
  share?: string;
  /** Every distinct quote that states this relation. */
  evidence: Evidence[];
}

export interface GraphIndex {
  edges: GraphEdge[];
  /** Edges touching each entity, specific relations first. */
  byNode: Map<string, GraphEdge[]>;
  names: Map<string, string>;
}

const evidenceKey = (e: Evidence) => `${e.source}\u0000${e.where.line}\u0000${e.quote}`;

/**
 * One edge per stated relation. The build writes each relation on both entities (`out` on the subject, `in` on the
 * object) and some are written twice; both collapse here. Symmetric relations collapse regardless of direction.
 */
export function buildGraphIndex(base: FactBase): GraphIndex {
  const names = new Map(base.entities.map((e) => [e.id, e.name]));
  const edges = new Map<string, GraphEdge>();
  for (const entity of base.entities) {
    for (const r of entity.relations) {
      if (!names.has(r.target) || r.target === entity.id) continue;
      let [source, target] = r.direction === 'out' ? [entity.id, r.target] : [r.target, entity.id];
      if (SYMMETRIC_RELATIONS.has(r.type) && source > target) [source, target] = [target, source];
      const id = `${source}|${r.type}|${target}`;
      let edge = edges.get(id);
      if (!edge) {
        edge = { id, source, target, type: r.type, evidence: [] };
        edges.set(id, edge);
      }
      if (r.share && !edge.share) edge.share = r.share;
      if (r.evidence && !edge.evidence.some((e) => evidenceKey(e) === evidenceKey(r.evidence!)))
        edge.evidence.push(r.evidence);
    }
  }
  const list = [...edges.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const byNode = new Map<string, GraphEdge[]>();
  for (const edge of list) {
    for (const id of [edge.source, edge.target]) {
      const l = byNode.get(id) ?? [];
      l.push(edge);
      byNode.set(id, l);
    }
  }
  const specificFirst = (a: GraphEdge, b: GraphEdge) =>
    Number(a.type === GENERIC_RELATION) - Number(b.type === GENERIC_RELATION);
  for (const l of byNode.values()) l.sort(specificFirst);
  return { edges: list, byNode, names };
}

export const otherEnd = (edge: GraphEdge, id: string): string => (edge.source === id ? edge.target : edge.source);

/**
 * How many distinct entities `id` is linked to that are not on the map (`shown`): the "+N" its node carries, and
 * whether the map's legend explains that badge.
 */
export function hiddenNeighbourCount(index: GraphIndex, id: string, shown: ReadonlySet<string>): number {
  const neighbours = new Set((index.byNode.get(id) ?? []).map((e) => otherEnd(e, id)));
  let hidden = 0;
  for (const n of neighbours) if (!shown.has(n)) hidden++;
  return hidden;
}

/** How many distinct entities an entity is linked to. */
export function degree(index: GraphIndex, id: string): number {
  return new Set((index.byNode.get(id) ?? []).map((e) => otherEnd(e, id))).size;
}

interface NeighbourhoodOptions {
  /** 1: the entity and its direct relations; 2: their relations too. */
  hops: 1 | 2;
  /** Entities whose neighbours the reader asked to see as well. */
  expanded?: Iterable<string>;
  /** Most entities on the map; the rest are counted in `omitted`. */
  maxNodes?: number;
  /** Most direct neighbours of the centre shown; the rest are counted in `moreNeighbours` ("show N more"). */
  firstHopLimit?: number;
  /**
   * An entity's kind (its family on the map): when the centre has more neighbours than are shown, each kind keeps
   * its share of the places, so a hub shows its people, bodies and agreements rather than only its countries.
   */
  kindOf?: (id: string) => string;
  /** Most new entities one expansion adds. */
  expandLimit?: number;
  /** Most entities each direct neighbour brings in on the second hop. */
  secondHopLimit?: number;
  /** Leave out the unspecific `related-to` links. */
  specificOnly?: boolean;
}

interface GraphNode {
  id: string;
  /** Hops from the centre along the shown edges (0 for the centre). */
  depth: number;
}

export interface Neighbourhood {
  centre: string;
  nodes: GraphNode[];
  /** Every edge between two shown nodes. */
  edges: GraphEdge[];
  /** Entities within reach that the caps left out. */
  omitted: number;
  /** Entities that were expanded (their neighbours are shown, up to the caps). */
  expanded: string[];
  /** Direct neighbours of the centre that the first-hop cap left out. */
  moreNeighbours: number;
  /** Entities within the chosen number of hops (under the current settings), shown or not. */
  reach: number;
}

/** Beyond about this many nodes a map stops being readable at a size that fits the screen. */
const DEFAULT_MAX_NODES = 60;
/** About a dozen neighbours fit around a centre with names one can read at 11 px or more (issue 21). */
export const DEFAULT_FIRST_HOP_LIMIT = 12;
const DEFAULT_EXPAND_LIMIT = 12;
/** Each shown neighbour brings its best few on the second hop: 12 × 3 keeps two hops under fifty names. */
const DEFAULT_SECOND_HOP_LIMIT = 3;

/**
 * Takes `limit` of `ranked` (best first): in rank order when all fit; else round-robin over kinds, each kind in
 * rank order, the kinds in the order of their best candidate.
 */
export function takeByKind(ranked: readonly string[], limit: number, kindOf?: (id: string) => string): string[] {
  if (ranked.length <= limit || !kindOf) return ranked.slice(0, limit);
  const queues = new Map<string, string[]>();
  for (const id of ranked) {
    const k = kindOf(id);
    const q = queues.get(k);
    if (q) q.push(id);
    else queues.set(k, [id]);
  }
  const chosen = new Set<string>();
  while (chosen.size < limit)
    for (const q of queues.values()) {
      const next = q.shift();
      if (next !== undefined && chosen.size < limit) chosen.add(next);
    }
  return ranked.filter((id) => chosen.has(id));
}

/**
 * The entities around `centre`. Direct neighbours come first (all of them, up to the cap), then the neighbours of
 * expanded nodes, then the second hop. Within a hop, candidates tied to more shown entities, and by specific rather
 * than `related-to` links, come first, so the cap drops the least connected.
 */
export function neighbourhood(index: GraphIndex, centre: string, options: NeighbourhoodOptions): Neighbourhood {
  const firstHopLimit = options.firstHopLimit ?? DEFAULT_FIRST_HOP_LIMIT;
  // Neighbours the reader asked for ("show N more") are shown whatever the default cap.
  const maxNodes = options.maxNodes ?? Math.max(DEFAULT_MAX_NODES, firstHopLimit + 1);
  const expandLimit = options.expandLimit ?? DEFAULT_EXPAND_LIMIT;
  const secondHopLimit = options.secondHopLimit ?? DEFAULT_SECOND_HOP_LIMIT;
  const usable = (e: GraphEdge) => !options.specificOnly || e.type !== GENERIC_RELATION;
  const edgesOf = (id: string) => (index.byNode.get(id) ?? []).filter(usable);

  const depth = new Map<string, number>([[centre, 0]]);

  /** Adds the unseen neighbours of `from`, best first, up to `limit` and the global cap; returns how many it left. */
  const grow = (from: readonly string[], nextDepth: number, limit: number, byKind = false): number => {
    const score = new Map<string, { links: number; specific: number }>();
    for (const id of from) {
      for (const e of edgesOf(id)) {
        const other = otherEnd(e, id);
        if (depth.has(other)) continue;
        const s = score.get(other) ?? { links: 0, specific: 0 };
        s.links += 1;
        if (e.type !== GENERIC_RELATION) s.specific += 1;
        score.set(other, s);
      }
    }
    const ranked = [...score]
      .sort(([a, sa], [b, sb]) => sb.specific - sa.specific || sb.links - sa.links || (a < b ? -1 : 1))
      .map(([id]) => id);
    const room = Math.max(0, Math.min(limit, maxNodes - depth.size));
    const taken = takeByKind(ranked, room, byKind ? options.kindOf : undefined);
    for (const id of taken) depth.set(id, nextDepth);
    return ranked.length - taken.length;
  };

  let moreNeighbours = 0;
  if (index.names.has(centre)) {
    moreNeighbours = grow([centre], 1, firstHopLimit, true);
    const expanded = [...(options.expanded ?? [])].filter((id) => depth.has(id) && id !== centre);
    for (const id of expanded) grow([id], depth.get(id)! + 1, expandLimit);
    if (options.hops === 2) {
      // Each neighbour brings its best few, smallest neighbourhoods first, so one hub cannot fill the map alone.
      const firstHop = [...depth]
        .filter(([, d]) => d === 1)
        .map(([id]) => id)
        .sort((a, b) => edgesOf(a).length - edgesOf(b).length || (a < b ? -1 : 1));
      for (const id of firstHop) grow([id], 2, secondHopLimit);
    }
  }

  const shown = new Set(depth.keys());
  const edges = index.edges.filter((e) => usable(e) && shown.has(e.source) && shown.has(e.target));
  // Only count entities one more click would reach: neighbours of shown nodes under the current settings.
  const frontier = new Set<string>();
  const consider = [centre, ...(options.hops === 2 ? [...depth].filter(([, d]) => d === 1).map(([id]) => id) : [])];
  for (const id of [...consider, ...(options.expanded ?? [])]) {
    if (!shown.has(id)) continue;
    for (const e of edgesOf(id)) {
      const other = otherEnd(e, id);
      if (!shown.has(other)) frontier.add(other);
    }
  }
  return {
    centre,
    nodes: [...depth].map(([id, d]) => ({ id, depth: d })),
    edges,
    omitted: frontier.size,
    expanded: [...(options.expanded ?? [])].filter((id) => shown.has(id)),
    moreNeighbours,
    reach: withinHops(index, centre, options.hops, usable),
  };
}

/** How many entities (the centre left out) lie within `hops` of `centre` along the edges `usable` keeps. */
function withinHops(index: GraphIndex, centre: string, hops: 1 | 2, usable: (e: GraphEdge) => boolean): number {
  const seen = new Set([centre]);
  let ring = [centre];
  for (let h = 0; h < hops; h++) {
    const next: string[] = [];
    for (const id of ring)
      for (const e of index.byNode.get(id) ?? []) {
        const other = otherEnd(e, id);
        if (usable(e) && !seen.has(other)) {
          seen.add(other);
          next.push(other);
        }
      }
    ring = next;
  }
  return seen.size - 1;
}

/** Edges between the same two entities, drawn as one line with one combined label. */
export interface GraphLink {
  id: string;
  source: string;
  target: string;
  edges: GraphEdge[];
}

export function groupLinks(edges: readonly GraphEdge[]): GraphLink[] {
  const links = new Map<string, GraphLink>();
  for (const edge of edges) {
    const [a, b] = edge.source < edge.target ? [edge.source, edge.target] : [edge.target, edge.source];
    const id = `${a}~${b}`;
    const link = links.get(id) ?? { id, source: edge.source, target: edge.target, edges: [] };
    link.edges.push(edge);
    links.set(id, link);
  }
  for (const link of links.values())
    link.edges.sort(
      (x, y) => Number(x.type === GENERIC_RELATION) - Number(y.type === GENERIC_RELATION) || (x.id < y.id ? -1 : 1),
    );
  return [...links.values()];
}
