/**
 * The field checks every validator of untrusted records shares (messages from pages, imports, restores, the fact
 * base's inputs): each pushes a readable problem onto `out` instead of throwing.
 */

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Latest plausible time: year 275760, the end of the ECMAScript Date range. */
const MAX_TIME = 8.64e15;

/** `r[key]` is text of at most `max` characters (and not blank, when `nonEmpty`). */
export function checkText(r: Record<string, unknown>, key: string, max: number, out: string[], nonEmpty = false): void {
  const v = r[key];
  if (typeof v !== 'string') out.push(`${key} is missing or not text`);
  else if (v.length > max) out.push(`${key} is longer than ${max} characters`);
  else if (nonEmpty && v.trim() === '') out.push(`${key} is empty`);
}

/** `r[key]` is a time in milliseconds since 1970 that a Date can hold. */
export function checkTime(r: Record<string, unknown>, key: string, out: string[]): void {
  const v = r[key];
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > MAX_TIME) out.push(`${key} is not a valid time`);
}
