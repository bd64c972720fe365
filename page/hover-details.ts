/** Entity details for cards, fetched from the background once per page and kept in a small LRU. */
import type { EntityDetails } from '~/lib/messaging/messages';

/** Enough for every entity a reader hovers on a long article; each entry is a few kilobytes. */
const DETAILS_CACHE_SIZE = 64;

interface DetailsCache {
  get(id: string): Promise<EntityDetails | null>;
  /** Drops an entity's entry, so its next card asks again (the reader changed their own material on it). */
  forget(id: string): void;
}

export function createDetailsCache(
  fetch: (id: string) => Promise<EntityDetails | null>,
  size = DETAILS_CACHE_SIZE,
): DetailsCache {
  const entries = new Map<string, Promise<EntityDetails | null>>();
  return {
    get(id) {
      const hit = entries.get(id);
      if (hit) {
        entries.delete(id);
        entries.set(id, hit);
        return hit;
      }
      // A failed request (the background restarting mid-call) is not cached, so the next hover asks again.
      const pending = fetch(id).catch((err: unknown) => {
        entries.delete(id);
        throw err;
      });
      entries.set(id, pending);
      while (entries.size > size) entries.delete(entries.keys().next().value!);
      return pending;
    },
    forget(id) {
      entries.delete(id);
    },
  };
}
