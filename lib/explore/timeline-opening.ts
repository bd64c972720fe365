/**
 * Where the timeline opens, and whether it can label what it shows there. Readers come for the recent news, so the
 * chart opens on the most recent five years that have news (not on the whole of 1990–2025, where the recent years
 * are a tower of unlabelled markers); when even those cannot all be labelled at the window's size, the page shows
 * the list instead. Pure: no DOM, no browser.
 */
import { itemsExtent, type TimelineItem } from './timeline-model';

/** The chart's unzoomed span: the early 1990s to the end of the fact base's present (mid-2025). */
export const INITIAL_DOMAIN: [number, number] = [Date.UTC(1990, 0, 1), Date.UTC(2025, 6, 1)];

/** How many calendar years the timeline opens on. */
const OPENING_YEARS = 5;
/**
 * The opening ends with the latest year that has at least this many events: a lone planned event (a pipeline due in
 * 2031) does not make its year "recent news".
 */
const OPENING_MIN_EVENTS = 3;

/**
 * `[start, end)` of the OPENING_YEARS calendar years ending with the latest year holding at least OPENING_MIN_EVENTS
 * events (by start), or null when no year does (a filtered handful: the caller fits them instead).
 */
export function openingRange(
  items: readonly TimelineItem[],
  years = OPENING_YEARS,
  minEvents = OPENING_MIN_EVENTS,
): [number, number] | null {
  const perYear = new Map<number, number>();
  for (const item of items) {
    const y = new Date(item.span.start).getUTCFullYear();
    perYear.set(y, (perYear.get(y) ?? 0) + 1);
  }
  const busy = [...perYear].filter(([, n]) => n >= minEvents).map(([y]) => y);
  if (!busy.length) return null;
  const last = Math.max(...busy);
  return [Date.UTC(last - years + 1, 0, 1), Date.UTC(last + 1, 0, 1)];
}

/** The items drawn at least partly inside `[from, to)`. */
export const itemsWithin = (items: readonly TimelineItem[], [from, to]: readonly [number, number]): TimelineItem[] =>
  items.filter((i) => i.span.end > from && i.span.start < to);

/**
 * The ids of items inside `[from, to)` that the lane layout left without a label: the chart is too dense to read
 * there when this is not empty.
 */
export function unlabelledWithin(
  items: readonly TimelineItem[],
  labelled: ReadonlyMap<string, boolean>,
  range: readonly [number, number],
): string[] {
  return itemsWithin(items, range)
    .filter((i) => !labelled.get(i.event.id))
    .map((i) => i.event.id);
}

/** The range the chart opens on, whether it is given air either side, and whether it is the default opening. */
export interface ChartOpening {
  range: [number, number];
  padded: boolean;
  /** The most recent five years, chosen by the page (the only opening that may fall back to the list). */
  byDefault: boolean;
}

/**
 * What the timeline chart opens on: the items' extent when it is fitted to them (a timeline opened for one entity),
 * else the URL's range, else the most recent five years with news, else whatever the items span.
 */
export function chartOpening(
  items: readonly TimelineItem[],
  fit: boolean,
  initialView?: [number, number],
): ChartOpening {
  const extent = itemsExtent(items);
  if (fit && extent) return { range: extent, padded: true, byDefault: false };
  if (initialView) return { range: initialView, padded: false, byDefault: false };
  const recent = openingRange(items);
  if (recent) return { range: recent, padded: false, byDefault: true };
  return extent
    ? { range: extent, padded: true, byDefault: false }
    : { range: INITIAL_DOMAIN, padded: false, byDefault: false };
}
