/**
 * An event's or an agreement's own dates, from the fact base's timeline: what a name formed from a date must agree
 * with ("the 2023 earthquakes", "the 44-day war") and what a name that needs its date near is checked against ("the
 * trilateral statement", 2020 near), so that another year's earthquake or another statement is not this one. Pure.
 */
import type { TimelineEvent } from './types';

export interface OwnDates {
  /** Every year the entity's dated events cover (a range's each year), ascending. */
  years: string[];
  /** Each dated event's year and month ("2023-02": ["2023", 2]), where its date gives the month. */
  months: [year: string, month: number][];
  /** The days from the first to the last day of its one ranged event with whole days ("2020-09-27" to "2020-11-10": 44). */
  days?: number;
}

const DAY_MS = 86_400_000;
const WHOLE_DAY = /^\d{4}-\d{2}-\d{2}$/u;

/**
 * The events written on the entity (its own timeline); when it has none, those that list it among their entities
 * (the Baku parade is written on Baku, "with" the parade).
 */
function datedEventsOf(id: string, events: readonly TimelineEvent[]): TimelineEvent[] {
  const own = events.filter((e) => e.entities[0] === id);
  return own.length ? own : events.filter((e) => e.entities.includes(id));
}

export function ownDates(id: string, events: readonly TimelineEvent[]): OwnDates {
  const years = new Set<number>();
  const spans = new Set<number>();
  const months = new Map<string, [string, number]>();
  for (const e of datedEventsOf(id, events)) {
    const first = Number(e.date.slice(0, 4));
    const last = e.to ? Number(e.to.slice(0, 4)) : first;
    for (let y = first; y <= last; y++) years.add(y);
    if (e.date.length >= 7) months.set(e.date.slice(0, 7), [e.date.slice(0, 4), Number(e.date.slice(5, 7))]);
    if (e.to && WHOLE_DAY.test(e.date) && WHOLE_DAY.test(e.to))
      spans.add(Math.round((Date.parse(e.to) - Date.parse(e.date)) / DAY_MS));
  }
  const dates: OwnDates = { years: [...years].sort((a, b) => a - b).map(String), months: [...months.values()] };
  if (spans.size === 1) dates.days = [...spans][0]!;
  return dates;
}
