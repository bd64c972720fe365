/**
 * The map's links as drawn: each link's curve between two node rims, its arrowheads, its label in words, and where
 * each label sits (shareholdings and the centre's links first, each where it overlaps no node, name or earlier label
 * if it can). Pure: no DOM, no browser (text widths come from the caller's measure function).
 */
import { truncateText } from './caption';
import type { GraphLink, Neighbourhood } from './graph';
import { LABEL_POSITIONS, placeLabels, pointsAlong, type Box } from './label-placement';
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
  /** Where the label's centre sits; absent when it has no room. */
  labelAt?: Point;
}

/**
 * Every link between two placed nodes, with its label placed. `placed` holds the nodes' positions as drawn (stretch
 * applied), `radius` each node's radius.
 */
export function drawLinks(
  links: readonly GraphLink[],
  hood: Neighbourhood,
  placed: ReadonlyMap<string, Point>,
  radius: (id: string) => number,
  names: ReadonlyMap<string, string>,
  measure: (s: string) => number,
): DrawnLink[] {
  const drawn = links.flatMap((link) => {
    const a = placed.get(link.source);
    const b = placed.get(link.target);
    if (!a || !b) return [];
    const { geo, forward, backward, spoke } = linkShape(link, a, b, radius, hood.centre);
    const share = link.edges.some((e) => e.share);
    const generic = link.edges.every((e) => e.type === 'related-to');
    const label = truncateText(linkLabel(link), LINK_LABEL_MAX, measure);
    const w = measure(label) * (share ? 1.08 : 1) + 6; // set at the names' size; a shareholding in bold
    const priority = share ? 0 : spoke ? 1 : generic ? 3 : 2;
    return [{ link, a, b, geo, forward, backward, share, generic, label, w, priority }];
  });
  const obstacles: Box[] = [];
  for (const n of hood.nodes) {
    const p = placed.get(n.id);
    if (!p) continue;
    const centre = n.id === hood.centre;
    const r = nodeRadius(n.depth, centre);
    const lw = nodeLabelWidth(measure(names.get(n.id) ?? n.id), centre);
    obstacles.push({ x: p.x, y: p.y, w: 2 * r + 6, h: 2 * r + 6 });
    obstacles.push({ x: p.x, y: p.y + r + (centre ? 10 : 9), w: lw + 4, h: centre ? 19 : 15 });
  }
  const labelAt = placeLabels(
    [...drawn]
      .sort((x, y) => x.priority - y.priority)
      .map((d) => ({
        id: d.link.id,
        w: d.w,
        h: 13,
        candidates: pointsAlong(d.a, d.b, d.geo.control, LABEL_POSITIONS),
      })),
    obstacles,
  );
  return drawn.map(({ link, geo, forward, backward, share, generic, label }) => ({
    link,
    geo,
    forward,
    backward,
    share,
    generic,
    label,
    labelAt: labelAt.get(link.id),
  }));
}
