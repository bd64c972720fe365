/**
 * Limits on what content scripts may ask the background to do, in case a page finds a way to drive one (issue 22).
 * Pure: the clock is handed in.
 */

/** Sliding-window counter per key: at most `limit` events within `windowMs`. */
export function createRateLimit(limit: number, windowMs: number, now: () => number = Date.now) {
  const seen = new Map<string | number, number[]>();
  const recent = (key: string | number) => {
    const since = now() - windowMs;
    const times = (seen.get(key) ?? []).filter((t) => t > since);
    if (times.length) seen.set(key, times);
    else seen.delete(key);
    return times;
  };
  return {
    /** How many events `key` had within the window. */
    count: (key: string | number) => recent(key).length,
    /** Records an event for `key` when it is within the limit; returns whether it was. */
    take(key: string | number): boolean {
      const times = recent(key);
      if (times.length >= limit) return false;
      times.push(now());
      seen.set(key, times);
      return true;
    },
  };
}

/**
 * A card's Search and Map open extension tabs. A reader opens a few from one article; a page that clicked them
 * opened fifteen. Per sending tab, at most this many within a minute; more are dropped.
 */
export const TAB_OPENS_PER_MINUTE = 4;

/**
 * "Hide this name" applies on every site. Hiding this many names within a minute is unusual enough that the next
 * one asks the reader to confirm (a toast with a button only a real press reaches); every hide offers Undo.
 */
export const HIDES_BEFORE_CONFIRM = 5;
/** How long a hide can be undone from its toast (ms). */
export const UNDO_HIDE_MS = 120_000;
/** "Off on this site" changes the settings for the whole site: its toast offers Undo for as long (ms). */
export const UNDO_SITE_OFF_MS = UNDO_HIDE_MS;

/**
 * "Not this" corrections a tab may make per minute: a reader correcting a page corrects a few names; more than this
 * is a page driving the card, and is refused (the corrections it already made are listed in Settings).
 */
export const CORRECTIONS_PER_MINUTE = 10;
