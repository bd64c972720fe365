/**
 * Moves the timeline's event elements to the current zoom without re-rendering. Items are placed in "zoom-level
 * space" (x0 × k) inside a group translated by the pan, so a pan costs one attribute; a zoom rewrites only the
 * attributes whose value changed (attribute writes, and the style and layout work they trigger, are what a frame
 * costs here). The elements themselves come from timeline-items.ts.
 */
import { axisTop } from 'd3-axis';
import type { ScaleTime } from 'd3-scale';
import { select } from 'd3-selection';
import type { ZoomTransform } from 'd3-zoom';
import {
  CLUSTER_HEIGHT,
  drawnEnd,
  itemGeometry,
  placeLaneLabel,
  type LabelSpot,
  type LaneLayout,
} from '~/lib/explore/timeline-lanes';
import {
  CLUSTER_INSET,
  clusterLabel,
  clusterTitle,
  placeClusterLabel,
  type TimelineCluster,
} from '~/lib/explore/timeline-clusters';
import type { TimelineItem } from '~/lib/explore/timeline-model';
import { axisDateLabel } from '~/lib/explore/dates';
import { addLabel, syncItemElements, type ItemLook } from './timeline-items';
import { AXIS_FONT, textMeasurer } from './text-measure';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Items further than this outside the chart are hidden and skipped while zooming. */
const CULL_MARGIN = 300;

/** What a frame is painted against: the unzoomed scale, the lanes, the chart's inner size and its groups. */
export interface TimelineFrame {
  x0: ScaleTime<number, number>;
  layout: LaneLayout;
  innerW: number;
  /** How far the grid lines reach down: the chart's height and its bottom margin. */
  gridH: number;
  axis: SVGGElement | null;
  grid: SVGGElement | null;
  /** The group translated by the pan, holding the events' elements. */
  pan: SVGGElement;
  /** The group translated by the pan, holding the clusters' elements. */
  clusters: SVGGElement | null;
}

/** One cluster's elements (a box with its count inside), rebuilt whenever the lanes are. */
interface ClusterNode {
  cluster: TimelineCluster;
  g: SVGGElement;
  box: SVGRectElement;
  label: SVGTextElement;
  labelWidth: number;
}

/** One event's elements and where they were last put. */
interface ItemNode {
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
function put(node: ItemNode, el: Element, name: string, value: string): void {
  let attrs = node.written.get(el);
  if (!attrs) node.written.set(el, (attrs = new Map()));
  if (attrs.get(name) === value) return;
  attrs.set(name, value);
  el.setAttribute(name, value);
}

export class TimelinePainter {
  /** The events' elements by event id, in the order of the items last synced. */
  nodes = new Map<string, ItemNode>();
  private readonly spot: LabelSpot = { show: false, x: 0, flipped: false };
  private clusterNodes: ClusterNode[] = [];
  private clustersOf: readonly TimelineCluster[] | null = null;

  /**
   * Makes one element per cluster of the layout (a box and its "N more"), when the layout's clusters changed: they
   * are few (one per period in view), and change only when the lanes are packed again.
   */
  syncClusters(frame: TimelineFrame, measure: (s: string) => number): void {
    const { clusters } = frame.layout;
    if (!frame.clusters || clusters === this.clustersOf) return;
    this.clustersOf = clusters;
    frame.clusters.replaceChildren();
    this.clusterNodes = clusters.map((cluster) => {
      const g = document.createElementNS(SVG_NS, 'g');
      g.setAttribute('class', 'tl-cluster');
      g.setAttribute('data-cluster', cluster.id);
      g.setAttribute('data-count', String(cluster.ids.length));
      const box = document.createElementNS(SVG_NS, 'rect');
      box.setAttribute('class', 'tl-cluster-box');
      box.setAttribute('rx', '3');
      const label = document.createElementNS(SVG_NS, 'text');
      label.setAttribute('class', 'tl-cluster-label');
      const text = clusterLabel(cluster.ids.length);
      label.textContent = text;
      g.append(box, label);
      frame.clusters!.append(g);
      return { cluster, g, box, label, labelWidth: Math.ceil(measure(text)) };
    });
  }

  /** The cluster under an element, if any. */
  clusterAt(target: Element): TimelineCluster | undefined {
    const g = target.closest('[data-cluster]');
    return g ? this.clusterNodes.find((n) => n.g === g)?.cluster : undefined;
  }

  /**
   * Brings the event elements in step with `items` (kept, created, removed), each keeping the lane position it was
   * drawn at (a new one starts in its lane). Returns each node's lane position now and in `layout`.
   */
  sync(
    frame: TimelineFrame,
    items: readonly TimelineItem[],
    lookOf: (item: TimelineItem) => ItemLook,
    labels: { text: ReadonlyMap<string, string>; width: ReadonlyMap<string, number> },
  ): { n: ItemNode; from: number; to: number }[] {
    const { layout } = frame;
    const old = this.nodes;
    const elements = syncItemElements(frame.pan, items, lookOf, new Map([...old].map(([id, n]) => [id, n.g])));
    const nodes = new Map<string, ItemNode>();
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
    this.nodes = nodes;
    return [...nodes.values()].map((n) => ({ n, from: n.y, to: layout.y(layout.lane.get(n.item.event.id) ?? 0) }));
  }

  /** Draws the axis, the grid and every event in view at transform `t`. */
  paint(frame: TimelineFrame, t: ZoomTransform): void {
    const { x0, layout, innerW } = frame;
    const xs = t.rescaleX(x0);
    const ticks = Math.max(2, Math.round(innerW / 95));
    if (frame.axis)
      select(frame.axis).call(
        axisTop(xs)
          .ticks(ticks)
          .tickFormat((d) => axisDateLabel(d as Date))
          .tickSizeOuter(0)
          .tickPadding(6)
          .tickSizeInner(5),
      );
    if (frame.axis) keepAxisLabelsInside(frame.axis, xs, innerW);
    if (frame.grid)
      select(frame.grid).call(
        axisTop(xs)
          .ticks(ticks)
          .tickSizeInner(-frame.gridH)
          .tickSizeOuter(0)
          .tickFormat(() => ''),
      );
    frame.pan.setAttribute('transform', `translate(${t.x.toFixed(2)},0)`);
    frame.clusters?.setAttribute('transform', `translate(${t.x.toFixed(2)},0)`);
    this.paintClusters(frame, t);
    const nodes = this.nodes;
    const starts = new Map<string, number>();
    for (const node of nodes.values()) {
      const { item } = node;
      const lane = layout.lane.get(item.event.id) ?? 0;
      const h = layout.markerHeight(lane);
      // Zoom-level space: screen x minus the pan.
      const a = x0(item.span.start) * t.k;
      const b = x0(item.span.end) * t.k;
      const g = itemGeometry(item, a, b, h, node.labelWidth);
      // An event gathered in a cluster at this zoom is not drawn on its own.
      const visible =
        !layout.clustered.has(item.event.id) &&
        g.extent.labelled.end + t.x > -CULL_MARGIN &&
        g.extent.marker.start + t.x < innerW + CULL_MARGIN;
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
    this.paintLabels(layout, starts, -t.x, innerW - t.x);
  }

  /** Each cluster's box over its period, with its count inside while it fits (see placeClusterLabel). */
  private paintClusters(frame: TimelineFrame, t: ZoomTransform): void {
    const { x0, layout, innerW } = frame;
    const y = layout.clusterY;
    for (const n of this.clusterNodes) {
      const start = x0(n.cluster.start) * t.k + CLUSTER_INSET;
      const end = Math.max(start + 2, x0(n.cluster.end) * t.k - CLUSTER_INSET);
      const visible = end + t.x > -CULL_MARGIN && start + t.x < innerW + CULL_MARGIN;
      if (!visible) {
        n.g.setAttribute('display', 'none');
        continue;
      }
      n.g.removeAttribute('display');
      n.box.setAttribute('x', start.toFixed(1));
      n.box.setAttribute('width', (end - start).toFixed(1));
      n.box.setAttribute('y', (y - CLUSTER_HEIGHT / 2).toFixed(1));
      n.box.setAttribute('height', String(CLUSTER_HEIGHT));
      const spot = placeClusterLabel({ start, end }, n.labelWidth, -t.x, innerW - t.x);
      if (spot.show) {
        n.label.removeAttribute('display');
        n.label.setAttribute('x', spot.x.toFixed(1));
        n.label.setAttribute('y', (y + 0.5).toFixed(1));
      } else n.label.setAttribute('display', 'none');
    }
  }

  /** Shows, places or hides each label as its lane's room allows (see placeLaneLabel). */
  private paintLabels(layout: LaneLayout, starts: ReadonlyMap<string, number>, left: number, right: number): void {
    const nodes = this.nodes;
    const spot = this.spot;
    for (const ids of layout.byLane) {
      /** Right edge (zoom-level space) of what the previous item in the lane draws: its marker or its label. */
      let prevEnd = -Infinity;
      for (let i = 0; i < ids.length; i++) {
        const node = nodes.get(ids[i]!);
        if (!node) continue;
        const wanted = !!node.labelText && !!layout.labelled.get(ids[i]!) && node.shown;
        const nextStart = wanted && i + 1 < ids.length ? starts.get(ids[i + 1]!) : undefined;
        placeLaneLabel(node, wanted, nextStart, prevEnd, left, right, spot, layout.flipped.has(ids[i]!));
        if (spot.show) {
          if (!node.label) {
            node.label = addLabel(node.g, node.labelText);
            node.labelShown = true;
          }
          put(node, node.label, 'x', spot.x.toFixed(1));
          put(node, node.label, 'text-anchor', spot.flipped ? 'end' : 'start');
        }
        prevEnd = drawnEnd(node, spot);
        if (node.label && spot.show !== node.labelShown) {
          node.labelShown = spot.show;
          // display, not visibility: a hidden label is then not laid out at all (the first frame lays out fewer).
          if (spot.show) node.label.removeAttribute('display');
          else node.label.setAttribute('display', 'none');
        }
      }
    }
  }

  /**
   * Gives the event under `target` its tooltip (its date and whole title) when the pointer first comes over it: a
   * <title> in every event would be a few hundred more nodes for the first frame to build, style and lay out.
   */
  addTooltip(target: Element): void {
    const cluster = target.closest('[data-cluster]');
    if (cluster && cluster.firstElementChild?.tagName !== 'title') {
      const c = this.clusterAt(cluster);
      if (!c) return;
      const title = document.createElementNS(SVG_NS, 'title');
      title.textContent = clusterTitle(c);
      cluster.prepend(title);
      return;
    }
    const g = target.closest('[data-event-id]');
    if (!g || g.firstElementChild?.tagName === 'title') return;
    const item = this.nodes.get(g.getAttribute('data-event-id') ?? '')?.item;
    if (!item) return;
    const title = document.createElementNS(SVG_NS, 'title');
    title.textContent = `${item.dateLabel} — ${item.event.title}`;
    g.prepend(title);
  }
}

/**
 * The axis centres each date on its tick, and the plot's clip cut a date whose tick is near an edge (the opening
 * view's "2020" showed as "20"): such a label is moved in just far enough to be whole. Its tick stays where it is.
 */
function keepAxisLabelsInside(axis: SVGGElement, xs: ScaleTime<number, number>, innerW: number): void {
  const width = textMeasurer(AXIS_FONT);
  select(axis)
    .selectAll<SVGTextElement, Date>('.tick text')
    .each(function (d) {
      const x = xs(d);
      // A pixel of air: the measured width leaves out kerning, and the digits are tabular.
      const half = width(this.textContent ?? '') / 2 + 1;
      const shift = Math.max(0, half - x) - Math.max(0, x + half - innerW);
      if (shift) this.setAttribute('x', shift.toFixed(1));
      else this.removeAttribute('x');
    });
}
