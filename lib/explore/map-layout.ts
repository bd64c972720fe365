/**
 * The relationship map's layout: nodes on rings by hops from the centre (d3's radial force), kept apart by their
 * labels (collision) and a little charge, links pulling related nodes gently together. The force layout is run to
 * rest off screen (a fixed number of ticks, deterministic), so the chart only glides to where it settles.
 * Pure: no DOM, no browser (text widths come from the caller's measure function).
 */
import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceRadial,
  forceSimulation,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3-force';
import type { GraphLink, Neighbourhood } from './graph';
import { linkLabel } from './relations';
import { initialPositions, type Point } from './map-start-positions';

/**
 * Ticks of the force layout per change. Nodes start on their rings, so the layout only has to settle: the default
 * 300 ticks from alpha 1 are more than needed. Alpha decays from 0.5 to d3's alphaMin (0.001) over these ticks.
 */
const TICKS = 120;
const ALPHA = 0.5;
const ALPHA_DECAY = 1 - Math.pow(0.001 / ALPHA, 1 / TICKS);
/** Least distance between the rings of one hop and the next. */
const RING_GAP = 120;
/** Widest a node's name is drawn (px); longer names are truncated. */
export const NODE_LABEL_MAX = 150;
export const CENTRE_LABEL_MAX = 300;
/** The centre's label is set at 14px bold against 11.5px (chart.css). */
export const CENTRE_LABEL_SCALE = 1.3;
export const LINK_LABEL_MAX = 170;
const MAX_FIT_ZOOM = 1.15;
/** The map's smallest text (names, link labels, "+N") is set at 11.5px (chart.css). */
export const MAP_TEXT_PX = 11.5;
/** Text is never drawn smaller than this at the fitted zoom (issue 21): a larger map is panned, not shrunk. */
export const MIN_TEXT_PX = 11;
const MIN_FIT_ZOOM = MIN_TEXT_PX / MAP_TEXT_PX;
/** Most the circular layout is widened to fill a wide stage. */
const MAX_STRETCH = 1.5;
/** Room kept around the map when it is fitted to the stage (px). */
const FIT_PAD = 28;

export interface PlacedNode extends Point {
  r: number;
}

interface SimNode extends SimulationNodeDatum {
  id: string;
  depth: number;
  r: number;
  labelWidth: number;
}

type SimLink = SimulationLinkDatum<SimNode> & { id: string; length: number };

export function nodeRadius(depth: number, centre: boolean): number {
  return centre ? 14 : depth <= 1 ? 9.5 : 7.5;
}

/** The width a node's name takes on the map, from its measured width at the label font. */
export function nodeLabelWidth(measured: number, centre: boolean): number {
  return centre ? Math.min(CENTRE_LABEL_MAX, measured * CENTRE_LABEL_SCALE) : Math.min(NODE_LABEL_MAX, measured);
}

/** Ring radii by hop count: far enough from the previous ring, and long enough for the ring's labels side by side. */
export function ringRadii(nodes: readonly { depth: number; labelWidth: number }[]): Map<number, number> {
  const perDepth = new Map<number, number>();
  for (const n of nodes) perDepth.set(n.depth, (perDepth.get(n.depth) ?? 0) + n.labelWidth * 0.6 + 30);
  const ring = new Map<number, number>();
  let radius = 0;
  for (const d of [...perDepth.keys()].sort((a, b) => a - b)) {
    if (d === 0) continue;
    radius = Math.max(radius + RING_GAP, perDepth.get(d)! / (2 * Math.PI));
    ring.set(d, radius);
  }
  return ring;
}

interface MapLayoutInput {
  hood: Neighbourhood;
  links: readonly GraphLink[];
  /** Where nodes were last shown (they start there). */
  previous: ReadonlyMap<string, Point>;
  /** Text width at the label font. */
  measure: (s: string) => number;
  names: ReadonlyMap<string, string>;
  /** The order families go around the first ring. */
  familyRank: (id: string) => number;
}

/** Every node's resting place (centre at the origin) and radius. */
export function layoutMap({
  hood,
  links,
  previous,
  measure,
  names,
  familyRank,
}: MapLayoutInput): Map<string, PlacedNode> {
  const nodes: SimNode[] = hood.nodes.map((n) => {
    const centre = n.id === hood.centre;
    const node: SimNode = {
      id: n.id,
      depth: n.depth,
      r: nodeRadius(n.depth, centre),
      labelWidth: nodeLabelWidth(measure(names.get(n.id) ?? n.id), centre),
    };
    if (centre) {
      node.fx = 0;
      node.fy = 0;
    }
    return node;
  });
  const ring = ringRadii(nodes);
  const start = initialPositions(nodes, links, hood.centre, ring, previous, familyRank);
  for (const n of nodes) {
    const p = start.get(n.id);
    if (!p) continue;
    n.x = p.x;
    n.y = p.y;
  }
  const simLinks: SimLink[] = links.map((l) => ({
    id: l.id,
    source: l.source,
    target: l.target,
    length: Math.min(LINK_LABEL_MAX, measure(linkLabel(l))),
  }));
  // Charge spreads the crowds of the outer rings. One ring, started evenly spaced and sized for its labels, needs
  // none: leaving it out roughly halves the first layout (its code still cold) and moves no node visibly.
  const rings = ring.size;
  forceSimulation<SimNode>(nodes)
    .force(
      'link',
      forceLink<SimNode, SimLink>(simLinks)
        .id((d) => d.id)
        .distance((l) => Math.max(90, l.length + 36))
        .strength(0.03),
    )
    .force('charge', rings > 1 ? forceManyBody<SimNode>().strength(-110).distanceMax(220) : null)
    .force(
      'collide',
      forceCollide<SimNode>()
        .radius((d) => Math.max(d.r + 12, d.labelWidth * 0.32 + 8))
        .strength(0.9)
        .iterations(2),
    )
    .force(
      'ring',
      forceRadial<SimNode>((d) => ring.get(d.depth) ?? 0, 0, 0).strength((d) => (d.depth === 0 ? 0 : 0.7)),
    )
    .alpha(ALPHA)
    .alphaDecay(ALPHA_DECAY)
    .stop()
    .tick(TICKS);
  return new Map(nodes.map((n) => [n.id, { x: n.x ?? 0, y: n.y ?? 0, r: n.r }]));
}

/**
 * How much the map is widened on a stage of this size: the layout is circular, the stage is not, and names are wider
 * than they are tall.
 */
export function mapStretch(width: number, height: number): number {
  return Math.min(MAX_STRETCH, Math.max(1, width / Math.max(1, height)));
}

/** A zoom that shows the point (cx, cy) of the layout at the stage's middle, scaled by k. */
interface FitView {
  k: number;
  cx: number;
  cy: number;
  /** The map is larger than the stage at the least zoom its text allows: it shows the centre, and pans. */
  larger: boolean;
}

/**
 * The zoom that fits every node and its name into a stage of `width` × `height`, never above MAX_FIT_ZOOM and never
 * below the zoom at which text would be smaller than MIN_TEXT_PX (then centred on the centre entity, `larger` set).
 * `nameWidth` is a node's measured name width (the centre's is taken at its widest).
 */
export function fitView(
  placed: ReadonlyMap<string, PlacedNode>,
  centre: string,
  nameWidth: (id: string) => number,
  width: number,
  height: number,
): FitView {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  const stretch = mapStretch(width, height);
  for (const [id, t] of placed) {
    const p = { x: t.x * stretch, y: t.y, r: t.r };
    const w = (id === centre ? CENTRE_LABEL_MAX : Math.min(NODE_LABEL_MAX, nameWidth(id))) / 2;
    x0 = Math.min(x0, p.x - Math.max(w, p.r));
    x1 = Math.max(x1, p.x + Math.max(w, p.r));
    y0 = Math.min(y0, p.y - p.r - 6);
    y1 = Math.max(y1, p.y + p.r + 20);
  }
  const k = Math.min(
    MAX_FIT_ZOOM,
    (width - FIT_PAD * 2) / Math.max(1, x1 - x0),
    (height - FIT_PAD * 2) / Math.max(1, y1 - y0),
  );
  if (k < MIN_FIT_ZOOM) return { k: MIN_FIT_ZOOM, cx: 0, cy: 0, larger: true };
  return { k, cx: (x0 + x1) / 2, cy: (y0 + y1) / 2, larger: false };
}
