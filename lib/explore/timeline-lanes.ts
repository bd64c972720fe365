/**
 * The timeline's geometry at one zoom level: how wide each event is drawn (a dot for a day, a pill for a month, a
 * band for a year) and where its label goes, the lanes events are stacked in so nothing overlaps, and whether a
 * label has room while the reader zooms. Pure: no DOM, no browser; x positions come from the caller's scale.
 */
import { truncateText } from './caption';
import { clusterItems, clusterPeriod, type TimelineCluster } from './timeline-clusters';
import { packingOrder, packLanesWithLabels, type Footprint, type TimelineItem } from './timeline-model';

/** Lanes with labels: room for one line of 11.5px text with air between lines. */
export const LABEL_PITCH = 17;
/**
 * The closest labelled lanes are set when that labels every event and the usual pitch would not: 11.5px lines that
 * no longer have air between them but do not touch (a dense stretch, such as the years 2020–2024, reads like a list
 * rather than losing labels).
 */
export const MIN_LABEL_PITCH = 15;
/** The row of clusters above the labelled lanes, when some events have no labelled lane (see timeline-clusters). */
export const CLUSTER_ROW = 20;
export const CLUSTER_HEIGHT = 15;
const MAX_MARKER_HEIGHT = 11;
/** Space between a marker and its label (px). */
export const LABEL_GAP = 5;
/** Least space between neighbours in a lane: after a label, after a bare marker (px). */
export const GAPS = { label: 12, marker: 2 };

/** Geometry of one item relative to its left edge `x0`, at one scale. */
interface ItemGeometry {
  /** The marker's left and right relative to x0 (a day's dot is centred on the day). */
  markStart: number;
  markEnd: number;
  labelX: number;
  /** Absolute extents (x0 added) of the marker alone and with its label. */
  extent: Footprint;
}

/** An item drawn from `x0` to `x1` with markers `h` high and a label `labelWidth` wide. */
export function itemGeometry(item: TimelineItem, x0: number, x1: number, h: number, labelWidth: number): ItemGeometry {
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

export interface LaneLayout {
  /** Each item's lane; -1 for an item gathered in a cluster (not drawn on its own at this zoom). */
  lane: Map<string, number>;
  labelled: Map<string, boolean>;
  /** A lane's middle, from the top of the chart. */
  y: (lane: number) => number;
  markerHeight: (lane: number) => number;
  /** Rows drawn: the labelled lanes, and the cluster row when there is one. */
  laneCount: number;
  /** Item ids per lane in time order, for the label room check while zooming. */
  byLane: string[][];
  /** Events without room for a label at this zoom, gathered per period in one row at the top (`clusterY`). */
  clusters: TimelineCluster[];
  clustered: ReadonlySet<string>;
  clusterY: number;
  /** Events whose label was packed to the left of their marker (it would have run past the view's right edge). */
  flipped: ReadonlySet<string>;
}

/**
 * Lanes for a zoom level. When every event can have its label (the lanes closer together if need be), each has it.
 * Otherwise (zoomed out over decades) as many labelled lanes as fit under one row of clusters, which gathers the
 * events left over per period: the chart never grows a tower of unlabelled markers, however many events a year holds.
 * `clusterLabelWidth` is the width of the widest cluster label ("999 more") in the chart's font.
 */
export function layoutLanes(
  items: readonly TimelineItem[],
  x: (t: number) => number,
  labelWidths: ReadonlyMap<string, number>,
  height: number,
  clusterLabelWidth = 48,
  right = Infinity,
): LaneLayout {
  // A label that would run past the view's right edge (`right`, in the same space as `x`) is packed to the left of
  // its marker, where the painter then draws it: packed after it, it would be hidden there rather than cut.
  const flipped = new Set<string>();
  const extents = items.map((item) => {
    const labelWidth = labelWidths.get(item.event.id) ?? 0;
    const g = itemGeometry(item, x(item.span.start), x(item.span.end), MAX_MARKER_HEIGHT, labelWidth);
    const after = g.labelX >= g.markEnd;
    if (!after || !labelWidth || g.extent.labelled.end <= right) return g.extent;
    flipped.add(item.event.id);
    const start = g.extent.marker.start - LABEL_GAP - labelWidth;
    return { marker: g.extent.marker, labelled: { start, end: g.extent.marker.end } };
  });
  // Every label, closer together if need be, when that fits: packed in time order, so the lanes read down like a
  // list (and need fewer lanes than precise events first).
  const inTime = items.map((_, i) => i);
  const all = packLanesWithLabels(extents, Infinity, GAPS);
  if (all.count * MIN_LABEL_PITCH <= height) {
    const pitch = Math.min(LABEL_PITCH, height / Math.max(1, all.count));
    return laneLayout(items, inTime, all, pitch, 0, [], flipped);
  }
  // Precisely dated events first (nearest the top), into the labelled lanes that fit under the cluster row; the
  // events left over are gathered in clusters.
  const order = packingOrder(items);
  const cap = Math.max(0, Math.floor((height - CLUSTER_ROW) / LABEL_PITCH));
  const packed = packLanesWithLabels(
    order.map((i) => extents[i]!),
    cap,
    GAPS,
    true,
  );
  const left = new Set(order.filter((_, k) => !packed.labelled[k]).map((i) => items[i]!.event.id));
  const monthWidth = (x(Date.UTC(2002, 0, 1)) - x(Date.UTC(2001, 0, 1))) / 12;
  const clusters = clusterItems(items, left, clusterPeriod(monthWidth, clusterLabelWidth));
  return laneLayout(items, order, packed, LABEL_PITCH, clusters.length ? CLUSTER_ROW : 0, clusters, flipped);
}

/** The lanes of a packing, `pitch` apart under a cluster row `top` high (0 when there are no clusters). */
function laneLayout(
  items: readonly TimelineItem[],
  order: readonly number[],
  best: { lanes: number[]; labelled: boolean[]; count: number },
  pitch: number,
  top: number,
  clusters: TimelineCluster[],
  flipped: ReadonlySet<string>,
): LaneLayout {
  const lane = new Map<string, number>();
  const labelled = new Map<string, boolean>();
  const byLane: string[][] = Array.from({ length: best.count }, () => []);
  order.forEach((i, k) => {
    const id = items[i]!.event.id;
    lane.set(id, best.lanes[k]!);
    labelled.set(id, best.labelled[k]!);
  });
  for (const item of items) {
    const l = lane.get(item.event.id)!;
    if (l >= 0) byLane[l]!.push(item.event.id);
  }
  const markerHeight = Math.min(MAX_MARKER_HEIGHT, pitch - 4);
  return {
    lane,
    labelled,
    laneCount: best.count + (clusters.length ? 1 : 0),
    byLane,
    y: (l) => top + l * pitch + pitch / 2,
    markerHeight: () => markerHeight,
    clusters,
    clustered: new Set(clusters.flatMap((c) => c.ids)),
    clusterY: top / 2,
    flipped,
  };
}

/** One item's label as the zoom stands, in zoom-level space (screen x minus the pan). */
export interface LabelSlot {
  /** Where the label starts, and its x relative to the item's left edge. */
  labelStart: number;
  labelX: number;
  labelWidth: number;
  /** The marker's left and right edges. */
  markStart: number;
  markEnd: number;
}

/** Where a label is drawn: shown or not, its x relative to the item's left edge, and whether it ends at x. */
export interface LabelSpot {
  show: boolean;
  x: number;
  flipped: boolean;
}

/**
 * Whether a label that was packed with room still has it, and where it goes. It shows when the next item in the lane
 * (`nextStart`) has not come closer than the label's end (zooming out moves items together until the gesture ends
 * and the lanes are re-packed). A label that would run past the chart's right edge (`right`) is flipped to the left
 * of its marker when the lane has room there (after `prevEnd`, the previous item's right edge), and hidden when it
 * has none; a year band's own label slides along inside the band instead. One that starts left of the chart
 * (`left`) is hidden: labels are never cut off. Writes into `out` (called for every label on every zoom frame).
 */
export function placeLaneLabel(
  slot: LabelSlot,
  wanted: boolean,
  nextStart: number | undefined,
  prevEnd: number,
  left: number,
  right: number,
  out: LabelSpot,
  packedFlipped = false,
): LabelSpot {
  let show = wanted;
  let x = slot.labelX;
  let flipped = false;
  const inside = slot.labelStart < slot.markEnd;
  if (show && packedFlipped && !inside) {
    // Packed on the left of its marker: drawn there while that stays in view and clear of its neighbour.
    const end = slot.markStart - LABEL_GAP;
    out.show = end - slot.labelWidth >= Math.max(prevEnd + GAPS.marker, left) && end <= right;
    out.x = slot.markStart - (slot.labelStart - slot.labelX) - LABEL_GAP;
    out.flipped = true;
    return out;
  }
  if (show && nextStart !== undefined && nextStart - GAPS.marker < slot.labelStart + slot.labelWidth) show = false;
  if (show && inside) {
    // Inside a year band: kept in view while the band is, at most at the band's own edges.
    const lo = slot.markStart + LABEL_GAP;
    const hi = slot.markEnd - LABEL_GAP - slot.labelWidth;
    const start = Math.min(hi, Math.max(lo, left + LABEL_GAP, Math.min(slot.labelStart, right - slot.labelWidth)));
    x = start - (slot.labelStart - slot.labelX);
    if (start + slot.labelWidth > right || start < left) show = false;
  } else if (show && slot.labelStart < left) {
    show = false; // its item runs out of view on the left: a label's tail means nothing
  } else if (show && slot.labelStart + slot.labelWidth > right) {
    const end = slot.markStart - LABEL_GAP;
    flipped = end - slot.labelWidth >= Math.max(prevEnd + GAPS.marker, left) && end <= right;
    if (flipped) x = slot.markStart - (slot.labelStart - slot.labelX) - LABEL_GAP;
    else show = false;
  }
  out.show = show;
  out.x = x;
  out.flipped = flipped;
  return out;
}

/** The right edge of what an item draws for the next label in its lane: its marker, or its label when shown after it. */
export const drawnEnd = (slot: LabelSlot, spot: LabelSpot): number =>
  spot.show && !spot.flipped ? Math.max(slot.markEnd, slot.labelStart + slot.labelWidth) : slot.markEnd;

/** A year band at least this wide (px) holds its label inside, truncated to the band, rather than after it. */
const MIN_INSIDE_LABEL = 120;

/**
 * The widest an item's label may be: `maxWidth`, but for a year band wide enough to hold a label, the band's inside
 * (so its label sits in the band and takes no room after it: a year's events then stack as bands, not as bands plus
 * labels running into the next year). `yearWidth` is a year's width in px at the zoom packed for.
 */
export function labelRoom(item: TimelineItem, maxWidth: number, yearWidth: number): number {
  const inside = yearWidth - 2 * LABEL_GAP;
  return item.span.precision === 'year' && inside >= MIN_INSIDE_LABEL ? inside : maxWidth;
}

/** Each event's label as drawn (its title truncated to its room) and that label's width, by event id. */
export function eventLabels(
  items: readonly TimelineItem[],
  maxWidth: number,
  measure: (s: string) => number,
  yearWidth = 0,
): { text: Map<string, string>; width: Map<string, number> } {
  const text = new Map<string, string>();
  const width = new Map<string, number>();
  for (const item of items) {
    const t = truncateText(item.event.title, labelRoom(item, maxWidth, yearWidth), measure);
    text.set(item.event.id, t);
    width.set(item.event.id, Math.ceil(measure(t)));
  }
  return { text, width };
}
