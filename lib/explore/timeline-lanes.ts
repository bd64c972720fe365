/**
 * The timeline's geometry at one zoom level: how wide each event is drawn (a dot for a day, a pill for a month, a
 * band for a year) and where its label goes, the lanes events are stacked in so nothing overlaps, and whether a
 * label has room while the reader zooms. Pure: no DOM, no browser; x positions come from the caller's scale.
 */
import { truncateText } from './caption';
import { packingOrder, packLanesWithLabels, type Footprint, type TimelineItem } from './timeline-model';

/** Lanes with labels: room for one line of 11.5px text with air between lines. */
export const LABEL_PITCH = 17;
/**
 * The closest labelled lanes are set when that labels every event and the usual pitch would not: 11.5px lines that
 * no longer have air between them but do not touch (a dense stretch, such as the years 2020–2024, reads like a list
 * rather than losing labels).
 */
export const MIN_LABEL_PITCH = 15;
/** Lanes of bare markers in crowded years: still a target one can click. */
const MIN_MARKER_PITCH = 7;
export const MAX_MARKER_HEIGHT = 11;
/** Space between a marker and its label (px). */
export const LABEL_GAP = 5;
/** Least space between neighbours in a lane: after a label, after a bare marker (px). */
export const GAPS = { label: 12, marker: 2 };

/** Geometry of one item relative to its left edge `x0`, at one scale. */
export interface ItemGeometry {
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
  lane: Map<string, number>;
  labelled: Map<string, boolean>;
  /** A lane's middle, from the top of the chart. */
  y: (lane: number) => number;
  markerHeight: (lane: number) => number;
  laneCount: number;
  /** Item ids per lane in time order, for the label room check while zooming. */
  byLane: string[][];
}

/**
 * Lanes for a zoom level: as many labelled lanes as fit above the crowd of bare markers. Fewer labelled lanes leave
 * more height for the crowd, so the largest count that still fits the height is searched for.
 */
export function layoutLanes(
  items: readonly TimelineItem[],
  x: (t: number) => number,
  labelWidths: ReadonlyMap<string, number>,
  height: number,
): LaneLayout {
  const extents = items.map(
    (item) =>
      itemGeometry(item, x(item.span.start), x(item.span.end), MAX_MARKER_HEIGHT, labelWidths.get(item.event.id) ?? 0)
        .extent,
  );
  // Every label, closer together if need be, when that fits: packed in time order, so the lanes read down like a
  // list (and need fewer lanes than precise events first).
  const inTime = items.map((_, i) => i);
  const all = packLanesWithLabels(extents, Infinity, GAPS);
  if (all.count * MIN_LABEL_PITCH <= height) {
    const pitch = Math.min(LABEL_PITCH, height / Math.max(1, all.count));
    return laneLayout(items, inTime, all, all.count, pitch, pitch);
  }
  const order = packingOrder(items);
  const footprints = order.map((i) => extents[i]!);
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
  return laneLayout(items, order, best, cap, LABEL_PITCH, crowdPitch);
}

/** The lanes of a packing: the first `cap` labelled, `pitch` apart; the crowd of bare markers above, `crowdPitch` apart. */
function laneLayout(
  items: readonly TimelineItem[],
  order: readonly number[],
  best: { lanes: number[]; labelled: boolean[]; count: number },
  cap: number,
  pitch: number,
  crowdPitch: number,
): LaneLayout {
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
    y: (l) => (l < cap ? l * pitch + pitch / 2 : cap * pitch + (l - cap) * crowdPitch + crowdPitch / 2),
    markerHeight: (l) =>
      l < cap ? Math.min(MAX_MARKER_HEIGHT, pitch - 4) : Math.max(2, Math.min(MAX_MARKER_HEIGHT, crowdPitch - 2)),
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
): LabelSpot {
  let show = wanted;
  if (show && nextStart !== undefined && nextStart - GAPS.marker < slot.labelStart + slot.labelWidth) show = false;
  let x = slot.labelX;
  let flipped = false;
  const inside = slot.labelStart < slot.markEnd;
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
export const MIN_INSIDE_LABEL = 120;

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
