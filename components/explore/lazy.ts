/**
 * Parts of the explore page that its first render does not need, loaded as separate chunks: the entity card (with
 * its stylesheet). A part is loaded once; `useLazy` renders with it as soon as it is there (at once when it already
 * is). The map is not one: its code is small beside the wait for a second chunk, which held back the map's first
 * render by 10-25 ms.
 */
import { useEffect, useState } from 'preact/hooks';

export interface LazyPart<T> {
  /** The part, if loaded. */
  get(): T | undefined;
  /** Loads the part (once). */
  load(): Promise<T>;
}

export function lazyPart<T>(load: () => Promise<T>): LazyPart<T> {
  let promise: Promise<T> | undefined;
  let value: T | undefined;
  return {
    get: () => value,
    // A load that fails (the page closing while a chunk's stylesheet loads) is forgotten, so the next call retries.
    load: () =>
      (promise ??= load().then(
        (v) => {
          value = v;
          return v;
        },
        (err: unknown) => {
          promise = undefined;
          throw err;
        },
      )),
  };
}

export const cardPart = lazyPart(async () => (await import('~/components/card/page-card')).EntityCard);

/** The part when `wanted` (loading it if need be), else whatever is already loaded. */
export function useLazy<T>(part: LazyPart<T>, wanted: boolean): T | undefined {
  const [value, setValue] = useState<{ v: T } | undefined>(() => {
    const v = part.get();
    return v === undefined ? undefined : { v };
  });
  useEffect(() => {
    if (!wanted || value) return;
    let live = true;
    part.load().then(
      (v) => live && setValue({ v }),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [part, wanted, value]);
  return value?.v ?? part.get();
}
