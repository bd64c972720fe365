/**
 * The zoomable timeline: every (filtered) event on a UTC time axis, drawn as the span its date stands for (a dot for
 * a day, a pill for a month, a band for a year), stacked in lanes so nothing overlaps, labelled where there is room.
 *
 * Preact renders the items once per filter change; pan and zoom never re-render. d3-zoom owns the gesture and the
 * transform, and `applyZoom` moves the existing elements directly (a few attributes per visible item per frame). The
 * lanes depend only on the zoom level, so they are re-packed (and the items glide to their new lanes) only when a
 * zoom gesture ends at a level far enough from the one they were packed for.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { axisTop } from 'd3-axis';
import { scaleUtc, type ScaleTime } from 'd3-scale';
import { select } from 'd3-selection';
import 'd3-transition';
import { zoom as d3zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import { truncateText } from '~/lib/explore/caption';
import { directZoomPath } from '~/lib/explore/zoom-path';
import type { Family } from '~/lib/explore/entity-families';
import {
  itemsExtent,
  packingOrder,
  packLanesWithLabels,
  type Footprint,
  type TimelineItem,
} from '~/lib/explore/timeline-model';
import { LABEL_FONT, textMeasurer } from './text-measure';
import { addLabel, syncItemElements } from './timeline-items';

/** What the page opens on: the early 1990s to the end of the fact base's present (mid-2025). */
export const INITIAL_DOMAIN: [number, number] = [Date.UTC(1990, 0, 1), Date.UTC(2025, 6, 1)];
/** How far one may pan: a little beyond the oldest (1919) and newest (2031) events. */
const LIMIT_DOMAIN: [number, number] = [Date.UTC(1912, 0, 1), Date.UTC(2036, 0, 1)];
/** Zoomed in far enough to see single days apart (a quarter of a year across the chart). */
const MAX_ZOOM = 160;

const MARGIN = { top: 30, right: 14, bottom: 10, left: 14 };
/** Lanes with labels: room for one line of 11.5px text. */
const LABEL_PITCH = 17;
/** Lanes of bare markers in crowded years: still a target one can click. */
const MIN_MARKER_PITCH = 7;
const MAX_MARKER_HEIGHT = 11;
const LABEL_MAX_WIDTH = 250;
const LABEL_GAP = 5;
const GAPS = { label: 12, marker: 2 };
/** Re-pack lanes when a zoom ends this far (as a ratio) from the level they were packed for. */
const REPACK_RATIO = 1.3;
/** Items further than this outside the chart are hidden and skipped while zooming. */
const CULL_MARGIN = 300;
const KEY_ZOOM = 1.6;
const KEY_PAN = 0.2;
const GLIDE_MS = 260;

export interface TimelineChartHandle {
  svg(): SVGSVGElement | null;
  /** The time range now visible. */
  visibleDomain(): [number, number];
  zoomBy(factor: number): void;
  panBy(fraction: number): void;
  reset(): void;
  /** Zoom to show the given items (all shown items by default). */
  fit(items?: readonly TimelineItem[]): void;
  /** Pan so an item is in view, if it is not. */
  reveal(id: string): void;
}

interface Props {
  items: readonly TimelineItem[];
  familyOf: (item: TimelineItem) => Family;
  selectedId?: string;
  onSelect: (id: string) => void;
  handle: { current: TimelineChartHandle | null };
  /** Zoom to the items when first shown (a timeline opened for one entity). */
  fitOnMount?: boolean;
  /** The range to open on (from the URL), instead of the default 1990–2025. */
  initialView?: [number, number];
  /** Called after the first layout with items on screen. */
  onReady?: () => void;
  /** Called when the visible range changes (debounced to gesture ends). */
  onViewChange?: (domain: [number, number]) => void;
}

/** Geometry of one item relative to its left edge `x0`, at one scale. */
interface Geometry {
  /** The marker's left and right relative to x0 (a day's dot is centred on the day). */
  markStart: number;
  markEnd: number;
  labelX: number;
}

interface Layout {
  lane: Map<string, number>;
  labelled: Map<string, boolean>;
  y: (lane: number) => number;
  markerHeight: (lane: number) => number;
  laneCount: number;
  /** Item ids per lane in time order, for the label room check while zooming. */
  byLane: string[][];
}

interface Node {
  /** Attribute values last written, so unchanged ones are not written again. */
  written: Map<Element, Map<string, string>>;
  /** Where the label starts, in zoom-level space (for the label room check). */
  labelStart: number;
  /** The marker's left and right edges in zoom-level space, and the label's x relative to the item's left edge. */
  markStart: number;
  markEnd: number;
  labelX: number;
  item: TimelineItem;
  g: SVGGElement;
  mark: SVGRectElement | SVGCircleElement;
  /** The label's element, made the first time the label is shown (most are hidden in the first frame). */
  label: SVGTextElement | null;
  labelText: string;
  labelWidth: number;
  y: number;
  shown: boolean;
  labelShown: boolean;
}

/** Writes an attribute only when its value changed since the last write through this function. */
function put(node: Node, el: Element, name: string, value: string): void {
  let attrs = node.written.get(el);
  if (!attrs) node.written.set(el, (attrs = new Map()));
  if (attrs.get(name) === value) return;
  attrs.set(name, value);
  el.setAttribute(name, value);
}

function geometry(
  item: TimelineItem,
  x0: number,
  x1: number,
  h: number,
  labelWidth: number,
): Geometry & { extent: Footprint } {
  let markStart: number;
  let markEnd: number;
  let labelX: number;
  if (item.span.precision === 'day' && x1 - x0 < h) {
    const c = (x1 - x0) / 2;
    markStart = c - h / 2;
    markEnd = c + h / 2;
    labelX = markEnd + LABEL_GAP;
  } else if (item.span.precision === 'year') {
    // A year is drawn as the whole year; its label goes inside once the band is wide enough, after it until then.
    markStart = 0;
    markEnd = Math.max(x1 - x0, 3);
    labelX = markEnd >= labelWidth + 2 * LABEL_GAP ? LABEL_GAP : markEnd + LABEL_GAP;
  } else {
    markStart = 0;
    markEnd = Math.max(x1 - x0, h);
    labelX = markEnd + LABEL_GAP;
  }
  return {
    markStart,
    markEnd,
    labelX,
    extent: {
      marker: { start: x0 + markStart, end: x0 + markEnd },
      labelled: { start: x0 + markStart, end: x0 + Math.max(markEnd, labelX + labelWidth) },
    },
  };
}

/**
 * Lanes for a zoom level: as many labelled lanes as fit above the crowd of bare markers. Fewer labelled lanes leave
 * more height for the crowd, so the largest count that still fits the height is searched for.
 */
function layoutLanes(
  items: readonly TimelineItem[],
  x: (t: number) => number,
  labelWidths: Map<string, number>,
  height: number,
): Layout {
  const order = packingOrder(items);
  const footprints = order.map((i) => {
    const item = items[i]!;
    return geometry(item, x(item.span.start), x(item.span.end), MAX_MARKER_HEIGHT, labelWidths.get(item.event.id) ?? 0)
      .extent;
  });
  const pack = (cap: number) => packLanesWithLabels(footprints, cap, GAPS);
  const needs = (cap: number, count: number) => cap * LABEL_PITCH + Math.max(0, count - cap) * MIN_MARKER_PITCH;
  let lo = 0;
  let hi = Math.max(0, Math.floor(height / LABEL_PITCH));
  let best: ReturnType<typeof pack> | undefined;
  let bestCap = 0;
  // Binary search for the most labelled lanes that still fit (packing grows monotonically enough for this).
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = pack(mid);
    if (needs(mid, r.count) <= height || mid === 0) {
      best = r;
      bestCap = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  best ??= pack(0); // never packed here: the search always ends with a fit (a cap of 0 always fits)
  const cap = Math.min(bestCap, best.count);
  const crowd = best.count - cap;
  const crowdPitch = crowd > 0 ? Math.max(3, Math.min(LABEL_PITCH, (height - cap * LABEL_PITCH) / crowd)) : LABEL_PITCH;
  const lane = new Map<string, number>();
  const labelled = new Map<string, boolean>();
  const byLane: string[][] = Array.from({ length: best.count }, () => []);
  order.forEach((i, k) => {
    const id = items[i]!.event.id;
    lane.set(id, best.lanes[k]!);
    labelled.set(id, best.labelled[k]!);
  });
  for (const item of items) byLane[lane.get(item.event.id)!]!.push(item.event.id);
  return {
    lane,
    labelled,
    laneCount: best.count,
    byLane,
    y: (l) =>
      l < cap ? l * LABEL_PITCH + LABEL_PITCH / 2 : cap * LABEL_PITCH + (l - cap) * crowdPitch + crowdPitch / 2,
    markerHeight: (l) => (l < cap ? MAX_MARKER_HEIGHT : Math.max(2, Math.min(MAX_MARKER_HEIGHT, crowdPitch - 2))),
  };
}

export function TimelineChart({
  items,
  familyOf,
  selectedId,
  onSelect,
  handle,
  fitOnMount,
  initialView,
  onReady,
  onViewChange,
}: Props) {
  const stageRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const itemsRef = useRef<SVGGElement>(null);
  const axisRef = useRef<SVGGElement>(null);
  const gridRef = useRef<SVGGElement>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const [packedK, setPackedK] = useState(1);
  const transformRef = useRef<ZoomTransform>(zoomIdentity);
  const nodesRef = useRef<Map<string, Node>>(new Map());
  const zoomRef = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  const glideRef = useRef<number | null>(null);
  const readyRef = useRef(false);
  /** Set by the handle's methods (buttons, keys): the next zoom gesture is the reader's. */
  const userAction = useRef(false);
  /** Whether the zoom gesture under way was started by the reader. */
  const byUser = useRef(false);
  const callbacks = useRef({ onSelect, onReady, onViewChange });
  callbacks.current = { onSelect, onReady, onViewChange };

  const innerW = size ? Math.max(100, size.width - MARGIN.left - MARGIN.right) : 0;
  const innerH = size ? Math.max(60, size.height - MARGIN.top - MARGIN.bottom) : 0;

  /** The unzoomed scale: the initial domain across the chart's width. */
  const x0 = useMemo<ScaleTime<number, number>>(() => scaleUtc().domain(INITIAL_DOMAIN).range([0, innerW]), [innerW]);

  const measure = useMemo(() => textMeasurer(LABEL_FONT), []);
  const labels = useMemo(() => {
    const text = new Map<string, string>();
    const width = new Map<string, number>();
    for (const item of items) {
      const t = truncateText(item.event.title, LABEL_MAX_WIDTH, measure);
      text.set(item.event.id, t);
      width.set(item.event.id, Math.ceil(measure(t)));
    }
    return { text, width };
  }, [items, measure]);

  const layout = useMemo<Layout | null>(() => {
    if (!size) return null;
    return layoutLanes(items, (t) => x0(t) * packedK, labels.width, innerH);
  }, [items, x0, packedK, labels, innerH, size]);

  /**
   * Moves the items to the current zoom without re-rendering. Items are placed in "zoom-level space" (x0 × k) inside
   * a group translated by the pan, so a pan costs one attribute; a zoom rewrites only the attributes whose value
   * changed (attribute writes, and the style and layout work they trigger, are what a frame costs here).
   */
  const applyZoom = (t: ZoomTransform) => {
    transformRef.current = t;
    if (!layout || !innerW) return;
    const xs = t.rescaleX(x0);
    const ticks = Math.max(2, Math.round(innerW / 95));
    if (axisRef.current)
      select(axisRef.current).call(axisTop(xs).ticks(ticks).tickSizeOuter(0).tickPadding(6).tickSizeInner(5));
    if (gridRef.current)
      select(gridRef.current).call(
        axisTop(xs)
          .ticks(ticks)
          .tickSizeInner(-innerH - MARGIN.bottom)
          .tickSizeOuter(0)
          .tickFormat(() => ''),
      );
    itemsRef.current?.firstElementChild?.setAttribute('transform', `translate(${t.x.toFixed(2)},0)`);
    const nodes = nodesRef.current;
    const starts = new Map<string, number>();
    for (const node of nodes.values()) {
      const { item } = node;
      const lane = layout.lane.get(item.event.id) ?? 0;
      const h = layout.markerHeight(lane);
      // Zoom-level space: screen x minus the pan.
      const a = x0(item.span.start) * t.k;
      const b = x0(item.span.end) * t.k;
      const g = geometry(item, a, b, h, node.labelWidth);
      const visible = g.extent.labelled.end + t.x > -CULL_MARGIN && g.extent.marker.start + t.x < innerW + CULL_MARGIN;
      if (visible !== node.shown) {
        node.shown = visible;
        if (visible) node.g.removeAttribute('display');
        else node.g.setAttribute('display', 'none');
      }
      starts.set(item.event.id, g.extent.marker.start);
      node.labelStart = a + g.labelX;
      node.markStart = a + g.markStart;
      node.markEnd = a + g.markEnd;
      node.labelX = g.labelX;
      if (!visible) continue;
      put(node, node.g, 'transform', `translate(${a.toFixed(1)},${node.y.toFixed(1)})`);
      if (node.mark instanceof SVGCircleElement) {
        put(node, node.mark, 'cx', ((g.markStart + g.markEnd) / 2).toFixed(1));
        put(node, node.mark, 'r', (h / 2).toFixed(1));
      } else {
        const bandH = item.span.precision === 'year' ? h : Math.max(2, h * 0.8);
        put(node, node.mark, 'width', (g.markEnd - g.markStart).toFixed(1));
        put(node, node.mark, 'height', bandH.toFixed(1));
        put(node, node.mark, 'y', (-bandH / 2).toFixed(1));
        put(node, node.mark, 'rx', item.span.precision === 'year' ? '2' : (bandH / 2).toFixed(1));
      }
    }
    // A label shows when its lane was packed with it and the next item in the lane has not come closer than it
    // (zooming out moves items together until the gesture ends and the lanes are re-packed). A label that would run
    // past the chart's right edge is flipped to the left of its marker when the lane has room there (a year band's
    // own label slides along inside the band instead), and hidden when it has none; one that starts left of the
    // chart is hidden: labels are never cut off.
    const right = innerW - t.x;
    const left = -t.x;
    for (const ids of layout.byLane) {
      /** Right edge (zoom-level space) of what the previous item in the lane draws: its marker or its label. */
      let prevEnd = -Infinity;
      for (let i = 0; i < ids.length; i++) {
        const node = nodes.get(ids[i]!);
        if (!node) continue;
        let show = !!node.labelText && !!layout.labelled.get(ids[i]!) && node.shown;
        if (show) {
          const nextStart = i + 1 < ids.length ? starts.get(ids[i + 1]!) : undefined;
          if (nextStart !== undefined && nextStart - GAPS.marker < node.labelStart + node.labelWidth) show = false;
        }
        let x = node.labelX;
        let flipped = false;
        const inside = node.labelStart < node.markEnd;
        if (show && inside) {
          // Inside a year band: kept in view while the band is, at most at the band's own edges.
          const lo = node.markStart + LABEL_GAP;
          const hi = node.markEnd - LABEL_GAP - node.labelWidth;
          const start = Math.min(
            hi,
            Math.max(lo, left + LABEL_GAP, Math.min(node.labelStart, right - node.labelWidth)),
          );
          x = start - (node.labelStart - node.labelX);
          if (start + node.labelWidth > right || start < left) show = false;
        } else if (show && node.labelStart < left) {
          show = false; // its item runs out of view on the left: a label's tail means nothing
        } else if (show && node.labelStart + node.labelWidth > right) {
          const end = node.markStart - LABEL_GAP;
          flipped = end - node.labelWidth >= Math.max(prevEnd + GAPS.marker, left) && end <= right;
          if (flipped) x = node.markStart - (node.labelStart - node.labelX) - LABEL_GAP;
          else show = false;
        }
        if (show) {
          if (!node.label) {
            node.label = addLabel(node.g, node.labelText);
            node.labelShown = true;
          }
          put(node, node.label, 'x', x.toFixed(1));
          put(node, node.label, 'text-anchor', flipped ? 'end' : 'start');
        }
        prevEnd = show && !flipped ? Math.max(node.markEnd, node.labelStart + node.labelWidth) : node.markEnd;
        if (node.label && show !== node.labelShown) {
          node.labelShown = show;
          // display, not visibility: a hidden label is then not laid out at all (the first frame lays out fewer).
          if (show) node.label.removeAttribute('display');
          else node.label.setAttribute('display', 'none');
        }
      }
    }
  };
  const applyRef = useRef(applyZoom);
  applyRef.current = applyZoom;

  // Size from the stage: read at once on mount (waiting for the first ResizeObserver call would cost a frame), then
  // followed. The same visible range is kept when the width changes.
  useLayoutEffect(() => {
    const stage = stageRef.current!;
    const read = () => {
      const r = stage.getBoundingClientRect();
      setSize((old) => {
        if (old && Math.abs(old.width - r.width) < 1 && Math.abs(old.height - r.height) < 1) return old;
        const oldW = old ? old.width - MARGIN.left - MARGIN.right : 0;
        const newW = r.width - MARGIN.left - MARGIN.right;
        const t = transformRef.current;
        if (oldW > 0 && newW > 0) transformRef.current = zoomIdentity.translate((t.x * newW) / oldW, t.y).scale(t.k);
        return { width: r.width, height: r.height };
      });
    };
    read();
    const observer = new ResizeObserver(read);
    observer.observe(stage);
    return () => observer.disconnect();
  }, []);

  // The zoom behaviour, bound to the SVG once its size is known. A layout effect, declared before the one that lays
  // the items out, so the behaviour exists when that one first fits or opens on a range.
  useLayoutEffect(() => {
    const svg = svgRef.current;
    if (!svg || !innerW) return;
    const minK = (x0(INITIAL_DOMAIN[1]) - x0(INITIAL_DOMAIN[0])) / (x0(LIMIT_DOMAIN[1]) - x0(LIMIT_DOMAIN[0]));
    const behaviour = d3zoom<SVGSVGElement, unknown>()
      .scaleExtent([minK, MAX_ZOOM])
      .interpolate(directZoomPath)
      .extent([
        [0, 0],
        [innerW, innerH],
      ])
      .translateExtent([
        [x0(LIMIT_DOMAIN[0]), -Infinity],
        [x0(LIMIT_DOMAIN[1]), Infinity],
      ])
      // Keep the default filter (no right button, no ctrl-click) but never start a pan from a form control.
      .filter(
        (event: Event & { button?: number; ctrlKey?: boolean; type: string }) =>
          (!event.ctrlKey || event.type === 'wheel') && !event.button,
      )
      .on('start', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
        byUser.current = !!event.sourceEvent || userAction.current;
        userAction.current = false;
      })
      .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => applyRef.current(event.transform))
      .on('end', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
        const k = event.transform.k;
        setPackedK((old) => (Math.max(k / old, old / k) >= REPACK_RATIO ? k : old));
        // Only the reader's own moves are reported (for the URL); opening on a range or fitting on mount are not.
        if (byUser.current) callbacks.current.onViewChange?.(visibleDomain());
      });
    zoomRef.current = behaviour;
    const sel = select(svg);
    sel.call(behaviour).on('dblclick.zoom', null);
    // Keep the transform across re-binding (a resize): same k, x scaled with the width.
    sel.call(behaviour.transform, transformRef.current);
    return () => {
      sel.on('.zoom', null);
    };
  }, [innerW, innerH, x0]);

  const visibleDomain = (): [number, number] => {
    const xs = transformRef.current.rescaleX(x0);
    const [a, b] = xs.domain();
    return [a!.getTime(), b!.getTime()];
  };

  /** The transform that shows `[from, to]` across the chart, with a little air either side. */
  const transformFor = (from: number, to: number, padded = true) => {
    const pad = padded ? Math.max((to - from) * 0.04, 1000 * 3600 * 24 * 20) : 0;
    const a = x0(from - pad);
    const b = x0(to + pad);
    const k = Math.min(MAX_ZOOM, innerW / Math.max(1, b - a));
    return zoomIdentity.scale(k).translate(-a, 0);
  };

  const animated = () => {
    const sel = select(svgRef.current!);
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    return reduce ? sel : sel.transition().duration(320);
  };

  // Zoom about the selected event when it is in view, so it stays put; else about the middle.
  const zoomBy = (factor: number) => {
    if (!zoomRef.current) return;
    const node = selectedId ? nodesRef.current.get(selectedId) : undefined;
    const x = node ? transformRef.current.rescaleX(x0)(node.item.span.start) : NaN;
    const about: [number, number] = x >= 0 && x <= innerW ? [x, 0] : [innerW / 2, 0];
    animated().call(zoomRef.current.scaleBy as never, factor, about);
  };
  const panBy = (fraction: number) =>
    zoomRef.current &&
    animated().call(zoomRef.current.translateBy as never, (-fraction * innerW) / transformRef.current.k, 0);
  const reset = () => zoomRef.current && animated().call(zoomRef.current.transform as never, zoomIdentity);
  const fit = (subset?: readonly TimelineItem[]) => {
    const ext = itemsExtent(subset ?? items);
    if (ext && zoomRef.current) animated().call(zoomRef.current.transform as never, transformFor(ext[0], ext[1]));
  };
  /** Pans, at the same zoom, to centre an event that is out of view. */
  const reveal = (id: string) => {
    const node = nodesRef.current.get(id);
    if (!node || !zoomRef.current) return;
    const [a, b] = visibleDomain();
    const { start, end } = node.item.span;
    if (start >= a && end <= b) return;
    const k = transformRef.current.k;
    const tx = innerW / 2 - k * x0((start + end) / 2);
    animated().call(zoomRef.current.transform as never, zoomIdentity.translate(tx, 0).scale(k));
  };
  const byReader =
    <A extends unknown[]>(f: (...args: A) => unknown) =>
    (...args: A) => {
      userAction.current = true;
      f(...args);
    };

  handle.current = {
    svg: () => svgRef.current,
    visibleDomain,
    zoomBy: byReader(zoomBy),
    panBy: byReader(panBy),
    reset: byReader(reset),
    fit: byReader(fit),
    reveal: byReader(reveal),
  };

  // After each render: bring the item elements in step with the items, put them in their lanes (gliding when the
  // lanes changed), apply the zoom. The first time, optionally fit, and report readiness.
  useLayoutEffect(() => {
    const pan = itemsRef.current?.firstElementChild as SVGGElement | null | undefined;
    if (!pan || !layout) return;
    const old = nodesRef.current;
    const elements = syncItemElements(
      pan,
      items,
      (item) => ({
        className: `ev ev-${item.span.precision} f-${familyOf(item)}${item.event.id === selectedId ? ' is-selected' : ''}`,
        label: labels.text.get(item.event.id) ?? '',
      }),
      new Map([...old].map(([id, n]) => [id, n.g])),
    );
    const nodes = new Map<string, Node>();
    for (const item of items) {
      const id = item.event.id;
      const g = elements.get(id)!;
      const prev = old.get(id);
      const lane = layout.lane.get(id) ?? 0;
      const same = prev && prev.g === g;
      nodes.set(id, {
        written: same ? prev.written : new Map(),
        labelStart: 0,
        markStart: 0,
        markEnd: 0,
        labelX: 0,
        item,
        g,
        mark: same ? prev.mark : (g.querySelector('.ev-mark, .ev-band') as SVGRectElement | SVGCircleElement),
        label: same ? prev.label : g.querySelector('.ev-label'),
        labelText: labels.text.get(id) ?? '',
        labelWidth: labels.width.get(id) ?? 0,
        y: same ? prev.y : layout.y(lane),
        shown: same ? prev.shown : true,
        labelShown: same ? prev.labelShown : false,
      });
    }
    nodesRef.current = nodes;
    const targets = [...nodes.values()].map((n) => ({
      n,
      from: n.y,
      to: layout.y(layout.lane.get(n.item.event.id) ?? 0),
    }));
    const moving = targets.some((t) => t.from !== t.to);
    if (glideRef.current !== null) cancelAnimationFrame(glideRef.current);
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    if (!moving || reduce || !readyRef.current) {
      for (const t of targets) t.n.y = t.to;
      applyZoom(transformRef.current);
    } else {
      const started = performance.now();
      const step = (now: number) => {
        const p = Math.min(1, (now - started) / GLIDE_MS);
        const e = 1 - (1 - p) * (1 - p) * (1 - p);
        for (const t of targets) t.n.y = t.from + (t.to - t.from) * e;
        applyRef.current(transformRef.current);
        glideRef.current = p < 1 ? requestAnimationFrame(step) : null;
      };
      glideRef.current = requestAnimationFrame(step);
    }
    if (!readyRef.current && size) {
      readyRef.current = true;
      if (fitOnMount && items.length) fit();
      else if (initialView && zoomRef.current)
        select(svgRef.current!).call(zoomRef.current.transform, transformFor(initialView[0], initialView[1], false));
      if (selectedId) reveal(selectedId);
      callbacks.current.onReady?.();
    }
  });

  useEffect(() => () => void (glideRef.current !== null && cancelAnimationFrame(glideRef.current)), []);

  const onClick = (e: MouseEvent) => {
    const target = (e.target as Element).closest('[data-event-id]');
    const id = target?.getAttribute('data-event-id');
    if (id) callbacks.current.onSelect(id);
  };

  /**
   * An event's tooltip (its date and whole title) is added when the pointer first comes over it: a <title> in every
   * event would be a few hundred more nodes for the first frame to build, style and lay out.
   */
  const onPointerOver = (e: PointerEvent) => {
    const g = (e.target as Element).closest('[data-event-id]');
    if (!g || g.firstElementChild?.tagName === 'title') return;
    const item = nodesRef.current.get(g.getAttribute('data-event-id') ?? '')?.item;
    if (!item) return;
    const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
    title.textContent = `${item.dateLabel} — ${item.event.title}`;
    g.prepend(title);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const h = handle.current!;
    const keys: Record<string, () => void> = {
      ArrowLeft: () => h.panBy(-KEY_PAN),
      ArrowRight: () => h.panBy(KEY_PAN),
      '+': () => h.zoomBy(KEY_ZOOM),
      '=': () => h.zoomBy(KEY_ZOOM),
      '-': () => h.zoomBy(1 / KEY_ZOOM),
      _: () => h.zoomBy(1 / KEY_ZOOM),
      '0': () => h.reset(),
      f: () => h.fit(),
      n: () => step(1),
      p: () => step(-1),
    };
    const action = keys[e.key];
    if (!action || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    action();
  };

  /** Selects the next or previous event in time (keyboard N / P) and brings it into view. */
  const step = (dir: 1 | -1) => {
    if (!items.length) return;
    const at = items.findIndex((i) => i.event.id === selectedId);
    const next = items[at < 0 ? (dir > 0 ? 0 : items.length - 1) : Math.min(items.length - 1, Math.max(0, at + dir))]!;
    callbacks.current.onSelect(next.event.id);
    handle.current?.reveal(next.event.id);
  };

  const width = size?.width ?? 0;
  const height = size?.height ?? 0;
  return (
    <div
      class="ex-stage"
      ref={stageRef}
      tabIndex={0}
      role="group"
      aria-roledescription="zoomable timeline"
      aria-label={`Timeline chart of ${items.length} events. Arrow keys pan, plus and minus zoom, 0 resets, F fits, N and P select the next and previous event. The list view has the same content.`}
      onKeyDown={onKeyDown}
    >
      <svg
        ref={svgRef}
        class="ex-chart"
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        aria-hidden="true"
        onClick={onClick}
        onPointerOver={onPointerOver}
        data-laid-out={layout ? 'true' : 'false'}
        data-event-count={items.length}
        data-lanes={layout?.laneCount ?? 0}
      >
        <defs>
          <clipPath id="tl-clip">
            <rect x={0} y={-MARGIN.top} width={innerW} height={innerH + MARGIN.top + MARGIN.bottom} />
          </clipPath>
        </defs>
        <rect class="ex-chart-bg" width={width} height={height} />
        {layout && (
          <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            <g class="tl-grid" ref={gridRef} clip-path="url(#tl-clip)" />
            <g class="tl-items" ref={itemsRef} clip-path="url(#tl-clip)">
              {/* The events' elements: built by syncItemElements, not by Preact. */}
              <g class="tl-pan" />
            </g>
            <rect
              class="tl-axis-band"
              x={-MARGIN.left}
              y={-MARGIN.top}
              width={innerW + MARGIN.left + MARGIN.right}
              height={MARGIN.top}
            />
            <g class="tl-axis" ref={axisRef} clip-path="url(#tl-clip)" />
          </g>
        )}
      </svg>
    </div>
  );
}
