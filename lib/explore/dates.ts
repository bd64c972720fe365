/**
 * Event dates as the sources give them: an ISO prefix (`2020`, `2020-09`, `2020-09-27`), sometimes with an end.
 * The timeline draws each date as the span it really stands for (a year-only date covers the whole year), so a
 * reader never mistakes "2020" for "1 January 2020". Pure: no DOM, no browser. Dates are written in the interface
 * language (lib/i18n): English as the sources write them, day first; the others as Intl writes them.
 */

export type DatePrecision = 'year' | 'month' | 'day';

/** A half-open span of UTC milliseconds `[start, end)` and how precisely the source dated it. */
export interface DateSpan {
  start: number;
  end: number;
  precision: DatePrecision;
}

import { dateFormat, formatIsoDate, interfaceLocale, t } from '../i18n/translator';

const ISO_PREFIX = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

interface Parts {
  year: number;
  month?: number;
  day?: number;
}

function parts(date: string): Parts | null {
  const m = ISO_PREFIX.exec(date);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] === undefined ? undefined : Number(m[2]);
  const day = m[3] === undefined ? undefined : Number(m[3]);
  if (month !== undefined && (month < 1 || month > 12)) return null;
  if (day !== undefined && (day < 1 || day > 31)) return null;
  return { year, month, day };
}

export function datePrecision(date: string): DatePrecision | null {
  const p = parts(date);
  if (!p) return null;
  return p.day !== undefined ? 'day' : p.month !== undefined ? 'month' : 'year';
}

/** The span one ISO prefix stands for. */
function prefixSpan(p: Parts): { start: number; end: number } {
  if (p.day !== undefined) {
    const start = Date.UTC(p.year, p.month! - 1, p.day);
    return { start, end: Date.UTC(p.year, p.month! - 1, p.day + 1) };
  }
  if (p.month !== undefined) return { start: Date.UTC(p.year, p.month - 1, 1), end: Date.UTC(p.year, p.month, 1) };
  return { start: Date.UTC(p.year, 0, 1), end: Date.UTC(p.year + 1, 0, 1) };
}

/**
 * The span an event date stands for, widened to the end of `to` when the event lasted. The precision is the start
 * date's: it decides how the start is drawn and written.
 */
export function dateSpan(date: string, to?: string): DateSpan | null {
  const p = parts(date);
  if (!p) return null;
  const span = prefixSpan(p);
  const q = to ? parts(to) : null;
  const end = q ? Math.max(span.end, prefixSpan(q).end) : span.end;
  return { start: span.start, end, precision: p.day !== undefined ? 'day' : p.month !== undefined ? 'month' : 'year' };
}

function formatParts(p: Parts, long: boolean): string {
  const names = long ? MONTHS_LONG : MONTHS;
  if (p.month === undefined) return String(p.year);
  const month = names[p.month - 1]!;
  return p.day === undefined ? `${month} ${p.year}` : `${p.day} ${month} ${p.year}`;
}

/** Intl's options for a date at its precision. */
const intlOptions = (p: Parts, month: 'short' | 'long'): Intl.DateTimeFormatOptions => ({
  timeZone: 'UTC',
  year: 'numeric',
  ...(p.month !== undefined ? { month } : {}),
  ...(p.day !== undefined ? { day: 'numeric' } : {}),
});
const utc = (p: Parts) => Date.UTC(p.year, (p.month ?? 1) - 1, p.day ?? 1);

/**
 * A date written as precisely as the source gave it: `2020`, `Sep 2020`, `27 Sep 2020`; ranges as `2013–2016`,
 * `Jul–Aug 2020`, `27 Sep – 10 Nov 2020`. `long` spells months out (for screen readers and captions). In another
 * interface language, as Intl writes it there (`сент. 2020 г.`, `27 Eyl – 10 Kas 2020`).
 */
export function formatEventDate(date: string, to?: string, long = false): string {
  const a = parts(date);
  if (!a) return date;
  const b = to ? parts(to) : null;
  const month = long ? 'long' : 'short';
  if (interfaceLocale() !== 'en') {
    if (!b) return formatIsoDate(date, month);
    // Both ends as precise: Intl writes the range as the language does, naming the shared month or year once.
    if ((a.month === undefined) === (b.month === undefined) && (a.day === undefined) === (b.day === undefined))
      return dateFormat(intlOptions(a, month)).formatRange(utc(a), utc(b));
    return `${formatIsoDate(date, month)} – ${formatIsoDate(to!, month)}`;
  }
  if (!b) return formatParts(a, long);
  const names = long ? MONTHS_LONG : MONTHS;
  if (a.year === b.year && a.month !== undefined && b.month !== undefined && a.day === undefined && b.day === undefined)
    return `${names[a.month - 1]}–${names[b.month - 1]} ${a.year}`;
  if (a.month === undefined && b.month === undefined) return `${a.year}–${b.year}`;
  if (a.year === b.year && a.day !== undefined && b.day !== undefined)
    return `${a.day} ${names[a.month! - 1]} – ${formatParts(b, long)}`;
  return `${formatParts(a, long)} – ${formatParts(b, long)}`;
}

/** How precisely a date is known, in words for a legend or a screen reader. */
export function precisionLabel(precision: DatePrecision): string {
  return t(precision === 'day' ? 'exploreExactDay' : precision === 'month' ? 'exploreMonthOnly' : 'exploreYearOnly');
}

/** "dated to the day", beside an event's date. */
export function datedTo(precision: DatePrecision): string {
  return t(
    precision === 'day' ? 'exploreDatedToDay' : precision === 'month' ? 'exploreDatedToMonth' : 'exploreDatedToYear',
  );
}

/**
 * A tick of the timeline's axis in the interface language, as d3's default would write it in English: the year at a
 * year's start, the month at a month's, else the day.
 */
export function axisDateLabel(date: Date): string {
  if (date.getUTCDate() !== 1) return dateFormat({ timeZone: 'UTC', month: 'short', day: 'numeric' }).format(date);
  if (date.getUTCMonth() !== 0) return dateFormat({ timeZone: 'UTC', month: 'long' }).format(date);
  return String(date.getUTCFullYear());
}

/** The UTC year of a millisecond time. */
export const yearOf = (ms: number): number => new Date(ms).getUTCFullYear();
