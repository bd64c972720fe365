/**
 * Event dates as the sources give them: an ISO prefix (`2020`, `2020-09`, `2020-09-27`), sometimes with an end.
 * The timeline draws each date as the span it really stands for (a year-only date covers the whole year), so a
 * reader never mistakes "2020" for "1 January 2020". Pure: no DOM, no browser.
 */

export type DatePrecision = 'year' | 'month' | 'day';

/** A half-open span of UTC milliseconds `[start, end)` and how precisely the source dated it. */
export interface DateSpan {
  start: number;
  end: number;
  precision: DatePrecision;
}

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

/**
 * A date written as precisely as the source gave it: `2020`, `Sep 2020`, `27 Sep 2020`; ranges as `2013–2016`,
 * `Jul–Aug 2020`, `27 Sep – 10 Nov 2020`. `long` spells months out (for screen readers and captions).
 */
export function formatEventDate(date: string, to?: string, long = false): string {
  const a = parts(date);
  if (!a) return date;
  const b = to ? parts(to) : null;
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
  return precision === 'day' ? 'exact day' : precision === 'month' ? 'month only' : 'year only';
}

/** The UTC year of a millisecond time. */
export const yearOf = (ms: number): number => new Date(ms).getUTCFullYear();
