/** Entity details for cards, fetched from the background once per page and kept in a small LRU. */
import type { EntityDetails } from '~/lib/messaging/messages';

/** Enough for every entity a reader hovers on a long article; each entry is a few kilobytes. */
const DETAILS_CACHE_SIZE = 64;

/** A request for an entity's details, with its answer noted once it has come (see DetailsCache.peek). */
export interface AskedDetails {
  answer: Promise<EntityDetails | null>;
  value?: EntityDetails | null;
}

/** Notes the answer when it comes: a promise tells it only a turn later, a card about to render wants it now. */
export function asked(answer: Promise<EntityDetails | null>): AskedDetails {
  const request: AskedDetails = { answer };
  answer.then(
    (value) => (request.value = value),
    () => {},
  );
  return request;
}

interface DetailsCache {
  get(id: string): Promise<EntityDetails | null>;
  /** The details if their answer has already come, so a card opening now shows them at once. */
  peek(id: string): EntityDetails | undefined;
  /** Drops an entity's entry, so its next card asks again (the reader changed their own material on it). */
  forget(id: string): void;
}

/** `asked`: requests already made (the first card's, made while the card's stage loaded), by entity id. */
export function createDetailsCache(
  fetch: (id: string) => AskedDetails,
  asked: ReadonlyMap<string, AskedDetails> = new Map(),
  size = DETAILS_CACHE_SIZE,
): DetailsCache {
  const entries = new Map<string, AskedDetails>();
  const remember = (id: string, request: AskedDetails) => {
    // A failed request (the background restarting mid-call) is not cached, so the next hover asks again.
    request.answer.catch(() => {
      if (entries.get(id) === request) entries.delete(id);
    });
    entries.set(id, request);
    while (entries.size > size) entries.delete(entries.keys().next().value!);
  };
  for (const [id, request] of asked) remember(id, request);
  return {
    get(id) {
      const hit = entries.get(id);
      if (hit) {
        entries.delete(id);
        entries.set(id, hit);
        return hit.answer;
      }
      const request = fetch(id);
      remember(id, request);
      return request.answer;
    },
    peek(id) {
      return entries.get(id)?.value ?? undefined;
    },
    forget(id) {
      entries.delete(id);
    },
  };
}
