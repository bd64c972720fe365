/**
 * The relationship map: the neighbourhood of the centre entity laid out by d3-force, zoomed and panned by d3-zoom.
 * The force layout is run to rest off screen (a fixed number of ticks, deterministic), then nodes glide from where
 * they were to where they settle, so expanding a node keeps the rest of the map where the reader left it.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceRadial,
  forceSimulation,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3-force';
import { select } from 'd3-selection';
import 'd3-transition';
import { zoom as d3zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import { truncateText } from '~/lib/explore/caption';
import { directZoomPath } from '~/lib/explore/zoom-path';
import { FAMILIES, familyInfo, familyOf, shapePath } from '~/lib/explore/entity-families';
import { otherEnd, type GraphLink, type Neighbourhood } from '~/lib/explore/graph';
import { LABEL_POSITIONS, placeLabels, pointsAlong, type Box } from '~/lib/explore/label-placement';
import type { ExploreModel } from '~/lib/explore/model';
import { relationLabel, SYMMETRIC_RELATIONS } from '~/lib/explore/relations';
import { typeLabel } from '~/components/card/card-model';
import { LABEL_FONT, textMeasurer } from './text-measure';

/**
 * Ticks of the force layout per change. Nodes start on their rings, so the layout only has to settle: the default
 * 300 ticks from alpha 1 are more than needed. Alpha decays from 0.5 to d3's alphaMin (0.001) over these ticks.
 */
const TICKS = 120;
const ALPHA = 0.5;
const ALPHA_DECAY = 1 - Math.pow(0.001 / ALPHA, 1 / TICKS);
/** Least distance between the rings of one hop and the next. */
const RING_GAP = 170;
const GLIDE_MS = 420;
const NODE_LABEL_MAX = 150;
const CENTRE_LABEL_MAX = 300;
/** The centre's label is set at 14px bold against 11.5px (chart.css). */
const CENTRE_LABEL_SCALE = 1.3;
const LINK_LABEL_MAX = 170;
const MAX_FIT_ZOOM = 1.15;
/** Most the circular layout is widened to fill a wide stage. */
const MAX_STRETCH = 1.5;
const KEY_ZOOM = 1.4;
const KEY_PAN = 80;
/** A focused node this close to the stage's edge (px) is panned into view. */
const FOCUS_MARGIN = 40;

export interface MapChartHandle {
  svg(): SVGSVGElement | null;
  zoomBy(factor: number): void;
  fit(): void;
}

interface SimNode extends SimulationNodeDatum {
  id: string;
  depth: number;
  r: number;
  labelWidth: number;
}

type SimLink = SimulationLinkDatum<SimNode> & { id: string; length: number };

type Point = { x: number; y: number };

interface Props {
  model: ExploreModel;
  hood: Neighbourhood;
  links: GraphLink[];
  selectedId?: string;
  onNodeClick: (id: string) => void;
  handle: { current: MapChartHandle | null };
  onReady?: () => void;
}

/** A link's label: its relations in words, shares included, at most two then "+n". */
export function linkLabel(link: GraphLink): string {
  const words = [...new Set(link.edges.map((e) => relationLabel(e.type, e.share)))];
  return words.length > 2 ? `${words.slice(0, 2).join(' · ')} +${words.length - 2}` : words.join(' · ');
}

/**
 * A link's path between two node rims and where its label sits. Links between two non-centre nodes bow outwards,
 * away from the centre, so they do not run through it and their labels stay off the spokes.
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

function nodeRadius(depth: number, centre: boolean): number {
  return centre ? 14 : depth <= 1 ? 9.5 : 7.5;
}

/**
 * Where each node starts: on the ring of its hop count, the centre's neighbours evenly around it (grouped by family),
 * each further node beside the neighbour that brought it in. Nodes the reader has already seen keep their place.
 */
function initialPositions(
  nodes: SimNode[],
  links: GraphLink[],
  centre: string,
  ring: Map<number, number>,
  previous: Map<string, Point>,
  familyRank: (id: string) => number,
): void {
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
    const children = new Map<string, SimNode[]>();
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
  for (const n of nodes) {
    if (n.id === centre) continue;
    const p = previous.get(n.id);
    if (p) {
      n.x = p.x;
      n.y = p.y;
    } else {
      const a = angle.get(n.id) ?? 0;
      const r = ring.get(n.depth) ?? 0;
      n.x = Math.cos(a) * r;
      n.y = Math.sin(a) * r;
    }
  }
}

/**
 * The layout: nodes on rings by hops from the centre (d3's radial force), kept apart by their labels (collision)
 * and a little charge, links pulling related nodes gently together. Run to rest off screen.
 */
function layout(
  hood: Neighbourhood,
  links: GraphLink[],
  previous: Map<string, Point>,
  measure: (s: string) => number,
  model: ExploreModel,
) {
  const names = model.graph.names;
  const nodes: SimNode[] = hood.nodes.map((n) => {
    const centre = n.id === hood.centre;
    const width = measure(names.get(n.id) ?? n.id);
    const node: SimNode = {
      id: n.id,
      depth: n.depth,
      r: nodeRadius(n.depth, centre),
      labelWidth: centre ? Math.min(CENTRE_LABEL_MAX, width * CENTRE_LABEL_SCALE) : Math.min(NODE_LABEL_MAX, width),
    };
    if (centre) {
      node.fx = 0;
      node.fy = 0;
    }
    return node;
  });
  // Ring radii: far enough from the previous ring, and long enough for the ring's labels side by side.
  const perDepth = new Map<number, number>();
  for (const n of nodes) perDepth.set(n.depth, (perDepth.get(n.depth) ?? 0) + n.labelWidth + 30);
  const ring = new Map<number, number>();
  let radius = 0;
  for (const d of [...perDepth.keys()].sort((a, b) => a - b)) {
    if (d === 0) continue;
    radius = Math.max(radius + RING_GAP, perDepth.get(d)! / (2 * Math.PI));
    ring.set(d, radius);
  }
  const order = FAMILIES.map((f) => f.id);
  initialPositions(nodes, links, hood.centre, ring, previous, (id) =>
    order.indexOf(familyOf(model.store.entity(id)?.type ?? 'idea')),
  );
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
    .force('charge', rings > 1 ? forceManyBody<SimNode>().strength(-160).distanceMax(260) : null)
    .force(
      'collide',
      forceCollide<SimNode>()
        .radius((d) => Math.max(d.r + 12, d.labelWidth * 0.5 + 6))
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
 * The order the arrow keys move through the nodes: the centre, then each ring clockwise from twelve o'clock, nearer
 * rings first. Every node is reached, and "next" is the neighbour one sees around the ring.
 */
export function keyboardOrder(
  nodes: readonly { id: string; depth: number }[],
  at: ReadonlyMap<string, Point>,
): string[] {
  const angle = (id: string) => {
    const p = at.get(id);
    if (!p) return 0;
    const a = Math.atan2(p.x, -p.y); // 0 at twelve o'clock, growing clockwise (y grows downwards)
    return a < 0 ? a + 2 * Math.PI : a;
  };
  return [...nodes]
    .sort((a, b) => a.depth - b.depth || angle(a.id) - angle(b.id) || (a.id < b.id ? -1 : 1))
    .map((n) => n.id);
}

/** A link's curve between its ends as placed, its arrowheads, and whether it is one of the centre's spokes. */
function linkShape(link: GraphLink, a: Point, b: Point, radius: (id: string) => number, centre: string) {
  const directed = link.edges.filter((e) => !SYMMETRIC_RELATIONS.has(e.type));
  const forward = directed.some((e) => e.source === link.source);
  const backward = directed.some((e) => e.source === link.target);
  const spoke = link.source === centre || link.target === centre;
  const ra = radius(link.source) + (backward ? 4 : 1);
  const rb = radius(link.target) + (forward ? 4 : 1);
  return { geo: linkGeometry(a, b, ra, rb, !spoke), forward, backward, spoke };
}

export function MapChart({ model, hood, links, selectedId, onNodeClick, handle, onReady }: Props) {
  const stageRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const viewRef = useRef<SVGGElement>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const [hot, setHot] = useState<string | null>(null);
  const zoomRef = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  const transformRef = useRef<ZoomTransform>(zoomIdentity);
  const previous = useRef<Map<string, Point>>(new Map());
  const [positions, setPositions] = useState<Map<string, Point>>(new Map());
  const readyRef = useRef(false);
  const measure = useMemo(() => textMeasurer(LABEL_FONT), []);
  /** The node in the tab order (roving tabindex): the last one focused, else the selected one, else the centre. */
  const [focusId, setFocusId] = useState<string | null>(null);
  const nodeRefs = useRef(new Map<string, SVGGElement>());

  const target = useMemo(() => layout(hood, links, previous.current, measure, model), [hood, links, measure, model]);

  // Glide from the old positions to the new; new nodes grow out of a neighbour. The map is rendered once at the
  // start positions (link labels hidden while things move) and once at the end; the frames between move the nodes
  // and bend the links directly, as the timeline's zoom does: re-rendering and re-placing every label on each frame
  // of the glide dropped frames.
  const [gliding, setGliding] = useState(false);
  const aspectRef = useRef(1);
  useLayoutEffect(() => {
    const from = previous.current;
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    const settle = () => {
      previous.current = new Map([...target].map(([id, p]) => [id, { x: p.x, y: p.y }]));
      setPositions(previous.current);
      setGliding(false);
    };
    if (!from.size || reduce) {
      settle();
      return;
    }
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
    setPositions(start);
    setGliding(true);
    const radius = (id: string) => target.get(id)?.r ?? 8;
    let paths: { link: GraphLink; path: SVGPathElement }[] | undefined;
    const t0 = performance.now();
    let frame = 0;
    const step = (now: number) => {
      const k = Math.min(1, (now - t0) / GLIDE_MS);
      const e = k < 0.5 ? 4 * k * k * k : 1 - Math.pow(-2 * k + 2, 3) / 2;
      if (k >= 1) return settle();
      // The elements of the start render (done by now: it was queued before this frame).
      paths ??= links.flatMap((link) => {
        const path = svgRef.current?.querySelector<SVGPathElement>(
          `[data-link-id="${CSS.escape(link.id)}"] > .mp-link-line`,
        );
        return path ? [{ link, path }] : [];
      });
      const aspect = aspectRef.current;
      const at = new Map<string, Point>();
      for (const [id, p] of target) {
        const s = start.get(id)!;
        const point = { x: (s.x + (p.x - s.x) * e) * aspect, y: s.y + (p.y - s.y) * e };
        at.set(id, point);
        nodeRefs.current.get(id)?.setAttribute('transform', `translate(${point.x.toFixed(1)},${point.y.toFixed(1)})`);
      }
      for (const { link, path } of paths) {
        const a = at.get(link.source);
        const b = at.get(link.target);
        if (a && b) path.setAttribute('d', linkShape(link, a, b, radius, hood.centre).geo.d);
      }
      frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, [target]);

  // Size read at once on mount (a ResizeObserver's first call would cost a frame), then followed.
  useLayoutEffect(() => {
    const stage = stageRef.current!;
    const read = () => {
      const r = stage.getBoundingClientRect();
      setSize((old) =>
        old && Math.abs(old.width - r.width) < 1 && Math.abs(old.height - r.height) < 1
          ? old
          : { width: r.width, height: r.height },
      );
    };
    read();
    const observer = new ResizeObserver(read);
    observer.observe(stage);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    const svg = svgRef.current;
    if (!svg || !size) return;
    const behaviour = d3zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.15, 4])
      .interpolate(directZoomPath)
      .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
        transformRef.current = event.transform;
        viewRef.current?.setAttribute('transform', event.transform.toString());
      });
    zoomRef.current = behaviour;
    const sel = select(svg);
    sel.call(behaviour).on('dblclick.zoom', null);
    sel.call(behaviour.transform, transformRef.current);
    return () => void sel.on('.zoom', null);
  }, [size]);

  /** The transform that fits every node and label into the stage. */
  const fitTransform = (): ZoomTransform | null => {
    if (!size || !target.size) return null;
    let x0 = Infinity;
    let x1 = -Infinity;
    let y0 = Infinity;
    let y1 = -Infinity;
    const stretch = Math.min(MAX_STRETCH, Math.max(1, size.width / Math.max(1, size.height)));
    for (const [id, t] of target) {
      const p = { x: t.x * stretch, y: t.y, r: t.r };
      const w =
        (id === hood.centre ? CENTRE_LABEL_MAX : Math.min(NODE_LABEL_MAX, measure(model.graph.names.get(id) ?? id))) /
        2;
      x0 = Math.min(x0, p.x - Math.max(w, p.r));
      x1 = Math.max(x1, p.x + Math.max(w, p.r));
      y0 = Math.min(y0, p.y - p.r - 6);
      y1 = Math.max(y1, p.y + p.r + 20);
    }
    const pad = 28;
    const k = Math.min(
      MAX_FIT_ZOOM,
      (size.width - pad * 2) / Math.max(1, x1 - x0),
      (size.height - pad * 2) / Math.max(1, y1 - y0),
    );
    return zoomIdentity
      .translate(size.width / 2, size.height / 2)
      .scale(k)
      .translate(-(x0 + x1) / 2, -(y0 + y1) / 2);
  };

  const animated = () => {
    const sel = select(svgRef.current!);
    return matchMedia('(prefers-reduced-motion: reduce)').matches || !readyRef.current
      ? sel
      : sel.transition().duration(450);
  };

  handle.current = {
    svg: () => svgRef.current,
    zoomBy: (f) => zoomRef.current && animated().call(zoomRef.current.scaleBy as never, f),
    fit: () => {
      const t = fitTransform();
      if (t && zoomRef.current) animated().call(zoomRef.current.transform as never, t);
    },
  };

  // Fit whenever the set of nodes changes (and on the first layout), then report readiness once.
  useLayoutEffect(() => {
    if (!size || !zoomRef.current) return;
    handle.current?.fit();
    if (!readyRef.current) {
      readyRef.current = true;
      onReady?.();
    }
  }, [target, size]);

  const onKeyDown = (e: KeyboardEvent) => {
    const z = zoomRef.current;
    if (!z || e.altKey || e.ctrlKey || e.metaKey) return;
    const sel = select(svgRef.current!);
    const moves: Record<string, () => void> = {
      '+': () => handle.current?.zoomBy(KEY_ZOOM),
      '=': () => handle.current?.zoomBy(KEY_ZOOM),
      '-': () => handle.current?.zoomBy(1 / KEY_ZOOM),
      '0': () => handle.current?.fit(),
      f: () => handle.current?.fit(),
      ArrowLeft: () => sel.call(z.translateBy, KEY_PAN / transformRef.current.k, 0),
      ArrowRight: () => sel.call(z.translateBy, -KEY_PAN / transformRef.current.k, 0),
      ArrowUp: () => sel.call(z.translateBy, 0, KEY_PAN / transformRef.current.k),
      ArrowDown: () => sel.call(z.translateBy, 0, -KEY_PAN / transformRef.current.k),
    };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    move();
  };

  const order = useMemo(() => keyboardOrder(hood.nodes, target), [hood, target]);
  const tabStop =
    focusId && order.includes(focusId) ? focusId : selectedId && order.includes(selectedId) ? selectedId : hood.centre;

  /** Focuses a node, panning it into view when it is near or beyond the stage's edge. */
  const focusNode = (id: string) => {
    setFocusId(id);
    const el = nodeRefs.current.get(id);
    el?.focus();
    const p = target.get(id);
    if (!p || !size || !zoomRef.current) return;
    const aspectNow = Math.min(MAX_STRETCH, Math.max(1, size.width / Math.max(1, size.height)));
    const [sx, sy] = transformRef.current.apply([p.x * aspectNow, p.y]);
    const inside =
      sx >= FOCUS_MARGIN && sx <= size.width - FOCUS_MARGIN && sy >= FOCUS_MARGIN && sy <= size.height - FOCUS_MARGIN;
    if (!inside) animated().call(zoomRef.current.translateTo as never, p.x * aspectNow, p.y);
  };

  const onNodeKeyDown = (id: string) => (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const at = order.indexOf(id);
    const step = (d: number) => order[(at + d + order.length) % order.length]!;
    const moves: Record<string, () => void> = {
      ArrowRight: () => focusNode(step(1)),
      ArrowDown: () => focusNode(step(1)),
      ArrowLeft: () => focusNode(step(-1)),
      ArrowUp: () => focusNode(step(-1)),
      Home: () => focusNode(order[0]!),
      End: () => focusNode(order[order.length - 1]!),
      Enter: () => onNodeClick(id),
      ' ': () => onNodeClick(id),
      Escape: () => stageRef.current?.focus(),
    };
    const move = moves[e.key];
    if (!move) return; // + - 0 reach the stage: zoom works from a node too
    e.preventDefault();
    e.stopPropagation();
    move();
  };

  const shown = new Set(hood.nodes.map((n) => n.id));
  const hiddenNeighbours = (id: string) => {
    const neighbours = new Set((model.graph.byNode.get(id) ?? []).map((e) => otherEnd(e, id)));
    let hidden = 0;
    for (const n of neighbours) if (!shown.has(n)) hidden++;
    return hidden;
  };
  // Wide stages get a wider map: the layout is circular, the stage is not, and names are wider than they are tall.
  const aspect = size ? Math.min(MAX_STRETCH, Math.max(1, size.width / Math.max(1, size.height))) : 1;
  aspectRef.current = aspect;
  const placed = new Map([...positions].map(([id, p]) => [id, { x: p.x * aspect, y: p.y }]));
  const radiusOf = (id: string) => target.get(id)?.r ?? 8;

  // Link paths and label positions for this frame: labels of shareholdings and of the centre's links are placed
  // first, each where it overlaps no node, name or earlier label if it can.
  const drawn = links.flatMap((link) => {
    const a = placed.get(link.source);
    const b = placed.get(link.target);
    if (!a || !b) return [];
    const { geo, forward, backward, spoke } = linkShape(link, a, b, radiusOf, hood.centre);
    const share = link.edges.some((e) => e.share);
    const generic = link.edges.every((e) => e.type === 'related-to');
    const label = truncateText(linkLabel(link), LINK_LABEL_MAX, measure);
    const w = measure(label) * (share ? 1.08 : 0.92) + 6;
    const priority = share ? 0 : spoke ? 1 : generic ? 3 : 2;
    return [{ link, a, b, geo, forward, backward, share, generic, label, w, priority }];
  });
  const obstacles: Box[] = [];
  for (const n of hood.nodes) {
    const p = placed.get(n.id);
    if (!p) continue;
    const centre = n.id === hood.centre;
    const r = nodeRadius(n.depth, centre);
    const name = model.graph.names.get(n.id) ?? n.id;
    const lw = centre
      ? Math.min(CENTRE_LABEL_MAX, measure(name) * CENTRE_LABEL_SCALE)
      : Math.min(NODE_LABEL_MAX, measure(name));
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

  const width = size?.width ?? 0;
  const height = size?.height ?? 0;
  const hotLinks = new Set(hot ? links.filter((l) => l.source === hot || l.target === hot).map((l) => l.id) : []);

  return (
    <div
      class="ex-stage"
      ref={stageRef}
      tabIndex={0}
      role="group"
      aria-roledescription="relationship map"
      aria-label={`Map of ${hood.nodes.length} entities and ${links.length} links around ${model.graph.names.get(hood.centre)}. Arrow keys pan, plus and minus zoom, 0 fits; Tab goes to the entities, arrow keys move between them, Enter opens one. The table view has the same content.`}
      onKeyDown={onKeyDown}
    >
      <svg
        ref={svgRef}
        class={`ex-chart${gliding ? ' is-gliding' : ''}`}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="group"
        aria-label="Entities on the map"
        data-node-count={hood.nodes.length}
        data-link-count={links.length}
        data-centre={hood.centre}
      >
        <defs aria-hidden="true">
          <marker
            id="mp-arrow"
            viewBox="0 -5 10 10"
            refX="9"
            refY="0"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path class="mp-arrow" d="M0,-4.5L10,0L0,4.5Z" />
          </marker>
        </defs>
        <rect class="ex-chart-bg" width={width} height={height} aria-hidden="true" />
        <g ref={viewRef} transform={transformRef.current.toString()}>
          <g class="mp-links" aria-hidden="true">
            {drawn.map(({ link, geo, forward, backward, share, generic, label }) => {
              const at = labelAt.get(link.id);
              return (
                <g
                  key={link.id}
                  class={`mp-link${share ? ' mp-link-share' : ''}${generic ? ' mp-link-generic' : ''}${hotLinks.has(link.id) ? ' is-hot' : ''}`}
                  data-link-id={link.id}
                  data-relations={link.edges.map((e) => e.type).join(' ')}
                >
                  <path
                    class="mp-link-line"
                    d={geo.d}
                    marker-end={forward ? 'url(#mp-arrow)' : undefined}
                    marker-start={backward ? 'url(#mp-arrow)' : undefined}
                  />
                  {at && (
                    <text class="mp-link-label" x={at.x.toFixed(1)} y={at.y.toFixed(1)}>
                      {label}
                    </text>
                  )}
                </g>
              );
            })}
          </g>
          <g class="mp-nodes">
            {hood.nodes.map((n) => {
              const p = placed.get(n.id);
              const entity = model.store.entity(n.id);
              if (!p || !entity) return null;
              const family = familyOf(entity.type);
              const info = familyInfo(family);
              const centre = n.id === hood.centre;
              const r = nodeRadius(n.depth, centre);
              const more = centre ? 0 : hiddenNeighbours(n.id);
              const relations = model.graph.byNode.get(n.id)?.length ?? 0;
              const name = [
                entity.name,
                typeLabel(entity.type).toLowerCase(),
                `${relations} ${relations === 1 ? 'relation' : 'relations'}${more ? `, ${more} not shown` : ''}`,
                centre ? 'centre of the map' : '',
              ]
                .filter(Boolean)
                .join(', ');
              const cls = [
                'mp-node',
                `f-${family}`,
                info.shape === 'ring' ? 'mp-ring' : info.shape === 'dashed' ? 'mp-dashed' : '',
                `depth-${Math.min(n.depth, 3)}`,
                centre ? 'is-centre' : '',
                n.id === selectedId ? 'is-selected' : '',
              ]
                .filter(Boolean)
                .join(' ');
              return (
                <g
                  key={n.id}
                  class={cls}
                  data-node-id={n.id}
                  transform={`translate(${p.x.toFixed(1)},${p.y.toFixed(1)})`}
                  ref={(el) => {
                    if (el) nodeRefs.current.set(n.id, el);
                    else nodeRefs.current.delete(n.id);
                  }}
                  role="button"
                  tabindex={n.id === tabStop ? 0 : -1}
                  aria-label={name}
                  aria-pressed={n.id === selectedId}
                  onFocus={() => setFocusId(n.id)}
                  onKeyDown={onNodeKeyDown(n.id)}
                  onClick={(e) => {
                    e.stopPropagation();
                    onNodeClick(n.id);
                  }}
                  onPointerEnter={() => setHot(n.id)}
                  onPointerLeave={() => setHot((h) => (h === n.id ? null : h))}
                >
                  <title>{`${entity.name} — ${info.label.toLowerCase()}${more ? ` · ${more} more relations: click to show them` : ''}`}</title>
                  <circle class="mp-focus-ring ex-ui-only" r={r + (centre ? 12 : 6)} />
                  {centre && <circle class="mp-halo" r={r + 8} />}
                  <path class="mp-shape" d={shapePath(info.shape, r)} />
                  {more > 0 && (
                    <text class="mp-node-more ex-ui-only" x={r + 5} y={-r - 3}>
                      +{more}
                    </text>
                  )}
                  <text class="mp-node-label" y={r + 14}>
                    {centre
                      ? truncateText(entity.name, CENTRE_LABEL_MAX / CENTRE_LABEL_SCALE, measure)
                      : truncateText(entity.name, NODE_LABEL_MAX, measure)}
                  </text>
                </g>
              );
            })}
          </g>
        </g>
      </svg>
    </div>
  );
}
