/**
 * The timeline's model: every dated event of the fact base with its span, the countries, entity types and source
 * document it can be filtered by, and the lane packing that keeps markers and labels from overlapping.
 * Pure: no DOM, no browser.
 */
import type { Entity, EntityType, FactBase, TimelineEvent } from '../factbase/types';
import { dateSpan, formatEventDate, type DateSpan } from './dates';

export interface TimelineItem {
  event: TimelineEvent;
  span: DateSpan;
  /** The date as precisely as the source gives it (`2020`, `Sep 2020`, `27 Sep 2020`). */
  dateLabel: string;
  /**
   * Countries the event involves: country entities among its entities, and the countries its other entities
   * belong to (`entity.country`).
   */
  countries: ReadonlySet<string>;
  /** Types of the entities it involves. */
  types: ReadonlySet<EntityType>;
  /** The document whose quote backs it, if any. */
  source?: string;
}

export interface TimelineFilters {
  country?: string;
  type?: EntityType;
  source?: string;
  /** Only events involving this entity. */
  entity?: string;
}

const PRECISION_RANK = { day: 0, month: 1, year: 2 } as const;

/** Orders events by start, the more precisely dated first on ties, then by id so the order is stable. */
function compareItems(a: TimelineItem, b: TimelineItem): number {
  return (
    a.span.start - b.span.start ||
    PRECISION_RANK[a.span.precision] - PRECISION_RANK[b.span.precision] ||
    (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0)
  );
}

/** Every event whose date parses, in time order. Events with unreadable dates are returned in `undated`. */
export function timelineItems(base: FactBase): { items: TimelineItem[]; undated: TimelineEvent[] } {
  const entities = new Map<string, Entity>(base.entities.map((e) => [e.id, e]));
  const items: TimelineItem[] = [];
  const undated: TimelineEvent[] = [];
  for (const event of base.events) {
    const span = dateSpan(event.date, event.to);
    if (!span) {
      undated.push(event);
      continue;
    }
    const countries = new Set<string>();
    const types = new Set<EntityType>();
    for (const id of event.entities) {
      const entity = entities.get(id);
      if (!entity) continue;
      types.add(entity.type);
      if (entity.type === 'country') countries.add(entity.id);
      for (const c of entity.country ?? []) countries.add(c);
    }
    items.push({
      event,
      span,
      // Read when shown, in the interface language of that moment (the items are made before the catalog is read).
      get dateLabel() {
        return formatEventDate(event.date, event.to);
      },
      countries,
      types,
      source: event.evidence?.source,
    });
  }
  items.sort(compareItems);
  return { items, undated };
}

function matchesFilters(item: TimelineItem, f: TimelineFilters): boolean {
  if (f.country && !item.countries.has(f.country)) return false;
  if (f.type && !item.types.has(f.type)) return false;
  if (f.source && item.source !== f.source) return false;
  if (f.entity && !item.event.entities.includes(f.entity)) return false;
  return true;
}

export const filterItems = (items: readonly TimelineItem[], f: TimelineFilters): TimelineItem[] =>
  items.filter((item) => matchesFilters(item, f));

export const hasFilters = (f: TimelineFilters): boolean => !!(f.country || f.type || f.source || f.entity);

interface FilterOption<T extends string = string> {
  value: T;
  label: string;
  /** Events this option alone would keep. */
  count: number;
}

export interface FilterOptions {
  countries: FilterOption[];
  types: FilterOption<EntityType>[];
  sources: FilterOption[];
}

/** The choices each filter offers, with counts, most frequent countries first; types and sources alphabetical. */
export function filterOptions(
  items: readonly TimelineItem[],
  base: FactBase,
  typeLabel: (t: EntityType) => string,
): FilterOptions {
  const names = new Map(base.entities.map((e) => [e.id, e.name]));
  const countries = new Map<string, number>();
  const types = new Map<EntityType, number>();
  const sources = new Map<string, number>();
  for (const item of items) {
    for (const c of item.countries) countries.set(c, (countries.get(c) ?? 0) + 1);
    for (const t of item.types) types.set(t, (types.get(t) ?? 0) + 1);
    if (item.source) sources.set(item.source, (sources.get(item.source) ?? 0) + 1);
  }
  const byLabel = (a: FilterOption, b: FilterOption) => a.label.localeCompare(b.label);
  return {
    countries: [...countries]
      .map(([value, count]) => ({ value, label: names.get(value) ?? value, count }))
      .sort((a, b) => b.count - a.count || byLabel(a, b)),
    types: [...types].map(([value, count]) => ({ value, label: typeLabel(value), count })).sort(byLabel),
    sources: base.sources
      .filter((s) => sources.has(s.id))
      .map((s) => ({
        value: s.id,
        label: s.partOf ? `${s.authors.join(', ')}: ${s.title}` : s.title,
        count: sources.get(s.id)!,
      })),
  };
}

/** A horizontal extent in pixels, for lane packing. */
export interface Extent {
  start: number;
  end: number;
}

/**
 * One lane's occupied extents, kept sorted by start (they never overlap, so also by end): checking whether an extent
 * fits is a binary search, not a scan, which keeps packing fast enough to redo at the end of every zoom gesture.
 */
class Lane {
  private starts: number[] = [];
  private ends: number[] = [];

  fits(e: Extent, gap: number): boolean {
    // The first occupied extent that ends after e starts (minus the gap) is the only one that can overlap e's start.
    let lo = 0;
    let hi = this.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ends[mid]! + gap <= e.start) lo = mid + 1;
      else hi = mid;
    }
    return lo === this.starts.length || this.starts[lo]! >= e.end + gap;
  }

  add(e: Extent): void {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! < e.start) lo = mid + 1;
      else hi = mid;
    }
    this.starts.splice(lo, 0, e.start);
    this.ends.splice(lo, 0, e.end);
  }
}

/**
 * Greedy first-fit lane packing: each extent goes into the lowest lane where it overlaps nothing (with `gap` pixels
 * between neighbours). Extents are placed in the order given, so callers put the ones that should sit nearest the
 * axis first. Returns the lane of each extent and the number of lanes used.
 */
export function packLanes(extents: readonly Extent[], gap: number): { lanes: number[]; count: number } {
  const occupied: Lane[] = [];
  const lanes: number[] = [];
  for (const e of extents) {
    let lane = 0;
    while (lane < occupied.length && !occupied[lane]!.fits(e, gap)) lane++;
    (occupied[lane] ??= new Lane()).add(e);
    lanes.push(lane);
  }
  return { lanes, count: occupied.length };
}

/** The order in which lanes are filled: precisely dated events first (nearest the axis), then month, then year. */
export function packingOrder(items: readonly TimelineItem[]): number[] {
  return items
    .map((_, i) => i)
    .sort(
      (a, b) =>
        PRECISION_RANK[items[a]!.span.precision] - PRECISION_RANK[items[b]!.span.precision] ||
        compareItems(items[a]!, items[b]!),
    );
}

/** The earliest start and latest end of the items, or null when there are none. */
export function itemsExtent(items: readonly TimelineItem[]): [number, number] | null {
  if (!items.length) return null;
  let lo = Infinity;
  let hi = -Infinity;
  for (const item of items) {
    lo = Math.min(lo, item.span.start);
    hi = Math.max(hi, item.span.end);
  }
  return [lo, hi];
}

/** An item's footprint at one zoom level: its marker alone, and its marker with its label. */
export interface Footprint {
  marker: Extent;
  labelled: Extent;
}

interface LaneLayout {
  lanes: number[];
  /** Whether the item's label was given room (labels of other items stay hidden). */
  labelled: boolean[];
  count: number;
}

/**
 * Lane packing that gives labels room where there is some: each footprint (in the order given) goes with its label
 * into the lowest of the first `labelLanes` lanes where it fits; failing that, as a bare marker into the lowest lane
 * where the marker fits, or with `dropUnlabelled` into no lane at all (lane -1: the caller gathers those elsewhere).
 */
export function packLanesWithLabels(
  footprints: readonly Footprint[],
  labelLanes: number,
  gaps: { label: number; marker: number },
  dropUnlabelled = false,
): LaneLayout {
  const occupied: Lane[] = [];
  const lanes: number[] = [];
  const labelled: boolean[] = [];
  const fits = (lane: number, e: Extent, gap: number) => !occupied[lane] || occupied[lane]!.fits(e, gap);
  const contains = (a: Extent, b: Extent) => a.start <= b.start && a.end >= b.end;
  // Lanes only ever fill up, so an extent containing the previous footprint's cannot fit any lane that one did not
  // fit, nor the lane it went to: the search starts above. Crowded years are runs of identical year bands, which
  // would otherwise each test every lane below (packing is redone for every zoom level the chart settles on).
  let previous: { f: Footprint; labelFrom: number; markerFrom: number } | undefined;
  for (const f of footprints) {
    let lane = -1;
    const labelFrom = previous && contains(f.labelled, previous.f.labelled) ? previous.labelFrom : 0;
    for (let l = labelFrom; l < labelLanes; l++) {
      if (fits(l, f.labelled, gaps.label)) {
        lane = l;
        break;
      }
    }
    if (lane >= 0) {
      (occupied[lane] ??= new Lane()).add(f.labelled);
      lanes.push(lane);
      labelled.push(true);
      previous = { f, labelFrom: lane + 1, markerFrom: 0 };
      continue;
    }
    if (dropUnlabelled) {
      lanes.push(-1);
      labelled.push(false);
      previous = { f, labelFrom: labelLanes, markerFrom: 0 };
      continue;
    }
    lane = previous && contains(f.marker, previous.f.marker) ? previous.markerFrom : 0;
    while (!fits(lane, f.marker, gaps.marker)) lane++;
    (occupied[lane] ??= new Lane()).add(f.marker);
    lanes.push(lane);
    labelled.push(false);
    previous = { f, labelFrom: labelLanes, markerFrom: lane + 1 };
  }
  return { lanes, labelled, count: occupied.length };
}
