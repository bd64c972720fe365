/**
 * The map's links as drawn: each link's curve between two node rims, its arrowheads, its label in words, and where
 * each label sits (shareholdings and the centre's links first, each where it overlaps no node, name, badge or earlier
 * label, and crosses the fewest other links; a label with no such place is shown only on demand, as are the words of
 * the links away from the centre on a map with a second ring). Pure: no DOM, no browser (text widths come from the caller's measure function).
 */
import { truncateText } from './caption';
import type { GraphLink, Neighbourhood } from './graph';
import { labelCandidates, placeLabels, sampleAlong, type Box } from './label-placement';
import { LINK_LABEL_MAX, nodeLabelWidth, nodeRadius } from './map-layout';
import type { Point } from './map-start-positions';
import { linkLabel, SYMMETRIC_RELATIONS } from './relations';

/**
 * A link's path between two node rims and the control point of its curve. Links between two non-centre nodes bow
 * outwards, away from the centre, so they do not run through it and their labels stay off the spokes.
 */
function linkGeometry(
  a: Point,
  b: Point,
  trimA: number,
  trimB: number,
  bow: boolean,
): { d: string; control: Point | null } {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy) || 1;
  const f = (n: number) => n.toFixed(1);
  if (!bow) {
    const ux = dx / len;
    const uy = dy / len;
    return {
      d: `M${f(a.x + ux * trimA)},${f(a.y + uy * trimA)}L${f(b.x - ux * trimB)},${f(b.y - uy * trimB)}`,
      control: null,
    };
  }
  const mx = (a.x + b.x) / 2;
  const my = (a.y + b.y) / 2;
  let nx = -dy / len;
  let ny = dx / len;
  if (nx * mx + ny * my < 0) [nx, ny] = [-nx, -ny];
  const bend = len * 0.2;
  const c = { x: mx + nx * bend, y: my + ny * bend };
  const trim = (p: Point, toward: Point, by: number): Point => {
    const l = Math.hypot(toward.x - p.x, toward.y - p.y) || 1;
    return { x: p.x + ((toward.x - p.x) / l) * by, y: p.y + ((toward.y - p.y) / l) * by };
  };
  const s = trim(a, c, trimA);
  const e = trim(b, c, trimB);
  return { d: `M${f(s.x)},${f(s.y)}Q${f(c.x)},${f(c.y)} ${f(e.x)},${f(e.y)}`, control: c };
}

/** A link's curve between its ends as placed, its arrowheads, and whether it is one of the centre's spokes. */
export function linkShape(link: GraphLink, a: Point, b: Point, radius: (id: string) => number, centre: string) {
  const directed = link.edges.filter((e) => !SYMMETRIC_RELATIONS.has(e.type));
  const forward = directed.some((e) => e.source === link.source);
  const backward = directed.some((e) => e.source === link.target);
  const spoke = link.source === centre || link.target === centre;
  const ra = radius(link.source) + (backward ? 4 : 1);
  const rb = radius(link.target) + (forward ? 4 : 1);
  return { geo: linkGeometry(a, b, ra, rb, !spoke), forward, backward, spoke };
}

export interface DrawnLink {
  link: GraphLink;
  geo: { d: string; control: Point | null };
  forward: boolean;
  backward: boolean;
  share: boolean;
  /** Only "related to": drawn fainter. */
  generic: boolean;
  /** The label as drawn (truncated to its room). */
  label: string;
  /** Where the label's centre sits, clear of every other text and node; absent when it has no such place. */
  labelAt?: Point;
  /** Where a label with no clear place, or a quiet one, is shown when one of its ends is hovered or focused. */
  labelOnDemand?: Point;
}

interface DrawLinksInput {
  links: readonly GraphLink[];
  hood: Neighbourhood;
  /** The nodes' positions as drawn (stretch applied). */
  placed: ReadonlyMap<string, Point>;
  radius: (id: string) => number;
  names: ReadonlyMap<string, string>;
  /** How many relations of each node are not on the map (its "+N" badge), by id; none when absent or 0. */
  more: ReadonlyMap<string, number>;
  measure: (s: string) => number;
  /**
   * Only the centre's links and shareholdings say their kind at rest; the others only on demand. For a map with a
   * second ring, whose links' words would crowd each other and the lines.
   */
  quietOuter?: boolean;
}

/** Half the height a label's box is given beyond its text's, so that drawn texts keep a pixel between them. */
const LABEL_MARGIN = 1;
/** The link labels' text box height at 11.5px (the font's ascent and descent). */
const LABEL_TEXT_H = 13.5;
/** How far apart the points a line is sampled at for the labels to avoid it (less than a label's height). */
const LINE_STEP = 5;

/** The boxes of what is drawn at each node: its shape, its name below it and its "+N" badge (MapNode.tsx). */
export function nodeBoxes(
  hood: Neighbourhood,
  placed: ReadonlyMap<string, Point>,
  names: ReadonlyMap<string, string>,
  more: ReadonlyMap<string, number>,
  measure: (s: string) => number,
): Box[] {
  const boxes: Box[] = [];
  for (const n of hood.nodes) {
    const p = placed.get(n.id);
    if (!p) continue;
    const centre = n.id === hood.centre;
    const r = nodeRadius(n.depth, centre);
    const lw = nodeLabelWidth(measure(names.get(n.id) ?? n.id), centre);
    boxes.push({ x: p.x, y: p.y, w: 2 * r + 6, h: 2 * r + 6 });
    boxes.push({ x: p.x, y: p.y + r + (centre ? 10 : 9.5), w: lw + 4, h: centre ? 19 : 16 });
    const hidden = centre ? 0 : (more.get(n.id) ?? 0);
    if (hidden) boxes.push({ x: p.x + r + 5, y: p.y - r - 3, w: measure(`+${hidden}`) * 1.08 + 4, h: 16 });
  }
  return boxes;
}

/** Every link between two placed nodes, with its label placed where it covers no other text and no node. */
export function drawLinks({
  links,
  hood,
  placed,
  radius,
  names,
  more,
  measure,
  quietOuter = false,
}: DrawLinksInput): DrawnLink[] {
  const drawn = links.flatMap((link) => {
    const a = placed.get(link.source);
    const b = placed.get(link.target);
    if (!a || !b) return [];
    const { geo, forward, backward, spoke } = linkShape(link, a, b, radius, hood.centre);
    const share = link.edges.some((e) => e.share);
    const generic = link.edges.every((e) => e.type === 'related-to');
    const label = truncateText(linkLabel(link), LINK_LABEL_MAX, measure);
    const w = measure(label) * (share ? 1.08 : 1) + 2 * LABEL_MARGIN; // set at the names' size; a shareholding in bold
    const priority = share ? 0 : spoke ? 1 : generic ? 3 : 2;
    const quiet = quietOuter && !spoke && !share;
    return [{ link, a, b, geo, forward, backward, share, generic, label, w, priority, quiet }];
  });
  const places = placeLabels(
    [...drawn]
      .sort((x, y) => x.priority - y.priority)
      .map((d) => {
        const h = LABEL_TEXT_H + 2 * LABEL_MARGIN;
        return { id: d.link.id, w: d.w, h, candidates: labelCandidates(d.a, d.b, d.geo.control, d.w, h) };
      }),
    nodeBoxes(hood, placed, names, more, measure),
    drawn.map((d) => ({ id: d.link.id, points: sampleAlong(d.a, d.b, d.geo.control, LINE_STEP) })),
  );
  // A quiet label is placed like the others, so that the labels of one node's links, shown together on demand, keep
  // clear of each other and of the labels shown at rest.
  return drawn.map(({ link, geo, forward, backward, share, generic, label, quiet }) => {
    const place = places.get(link.id);
    if (quiet) return { link, geo, forward, backward, share, generic, label, labelOnDemand: place?.at ?? place?.best };
    return {
      link,
      geo,
      forward,
      backward,
      share,
      generic,
      label,
      labelAt: place?.at,
      labelOnDemand: place && !place.at ? place.best : undefined,
    };
  });
}
