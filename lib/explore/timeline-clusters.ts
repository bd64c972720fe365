/**
 * Zoomed out (1990–2025 across one screen), the timeline holds more events than there are lanes with room for their
 * labels. Rather than a tower of unlabelled markers, the events left without a labelled lane are gathered in one row
 * of clusters, one per calendar period: each says how many events it holds ("14 more") and zooms into its period when
 * chosen. The period is the shortest of a few calendar steps (a month … twenty years) whose width at the zoom holds
 * such a label, so clusters sit side by side and their labels never overlap. Pure: no DOM, no browser.
 */
import type { TimelineItem } from './timeline-model';
import { dateFormat, tp } from '../i18n/translator';

export interface TimelineCluster {
  /** `cluster-<first month index>`: stable while the period length stays the same. */
  id: string;
  /** The period: `[start, end)` in ms, on calendar month boundaries (UTC). */
  start: number;
  end: number;
  /** The events gathered, by id, in time order. */
  ids: string[];
}

/** Period lengths a cluster may cover, in months. */
const CLUSTER_PERIODS = [1, 3, 6, 12, 24, 60, 120, 240] as const;
/** Space between neighbouring clusters, and between a cluster's edge and its label (px). */
export const CLUSTER_INSET = 2;
export const CLUSTER_LABEL_PAD = 5;

/** A cluster's label. */
export const clusterLabel = (n: number): string => tp('exploreClusterMore', n);

const monthIndex = (ms: number): number => {
  const d = new Date(ms);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};
const monthStart = (index: number): number => Date.UTC(Math.floor(index / 12), index % 12, 1);

/**
 * The shortest period (in months) whose width, `monthWidth` px a month at this zoom, holds a label `labelWidth` wide
 * with its padding; the longest one when none does.
 */
export function clusterPeriod(monthWidth: number, labelWidth: number): number {
  const needed = labelWidth + 2 * (CLUSTER_LABEL_PAD + CLUSTER_INSET);
  return CLUSTER_PERIODS.find((months) => months * monthWidth >= needed) ?? CLUSTER_PERIODS.at(-1)!;
}

/** The `items` whose ids are in `ids`, gathered by the period (`months` long) their start falls in, in time order. */
export function clusterItems(
  items: readonly TimelineItem[],
  ids: ReadonlySet<string>,
  months: number,
): TimelineCluster[] {
  const byPeriod = new Map<number, string[]>();
  for (const item of items) {
    if (!ids.has(item.event.id)) continue;
    const first = Math.floor(monthIndex(item.span.start) / months) * months;
    let list = byPeriod.get(first);
    if (!list) byPeriod.set(first, (list = []));
    list.push(item.event.id);
  }
  return [...byPeriod]
    .sort(([a], [b]) => a - b)
    .map(([first, list]) => ({
      id: `cluster-${first}`,
      start: monthStart(first),
      end: monthStart(first + months),
      ids: list,
    }));
}

/** Where a cluster's label goes as the zoom stands (zoom-level space): inside its box, kept in view while it fits. */
export function placeClusterLabel(
  box: { start: number; end: number },
  labelWidth: number,
  left: number,
  right: number,
): { show: boolean; x: number } {
  const lo = box.start + CLUSTER_LABEL_PAD;
  const hi = box.end - CLUSTER_LABEL_PAD - labelWidth;
  // Centred in the part of the box in view, but never past the box's own edges.
  const visibleMid = (Math.max(box.start, left) + Math.min(box.end, right)) / 2;
  const x = Math.min(hi, Math.max(lo, visibleMid - labelWidth / 2));
  const show = hi >= lo && x >= left && x + labelWidth <= right;
  return { show, x };
}

/**
 * The period a cluster covers, in the interface language: "2021", "2020 – 2024", "Jan – Mar 2021", "Mar 2021" in
 * English; "янв. 2021 г. – март 2021 г." in Russian; digits where Intl has no month names (see dateFormat).
 */
export function clusterPeriodText(cluster: Pick<TimelineCluster, 'start' | 'end'>): string {
  const last = cluster.end - 1;
  const wholeYears = new Date(cluster.start).getUTCMonth() === 0 && new Date(last).getUTCMonth() === 11;
  return dateFormat({ timeZone: 'UTC', year: 'numeric', ...(wholeYears ? {} : { month: 'short' }) }).formatRange(
    cluster.start,
    last,
  );
}

/** A cluster's tooltip: how many events, in which period, and that a click zooms in. */
export const clusterTitle = (cluster: TimelineCluster): string =>
  tp('exploreClusterTitle', cluster.ids.length, clusterPeriodText(cluster));
