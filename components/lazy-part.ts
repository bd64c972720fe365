/**
 * Parts of an extension page that its first render does not need, loaded as separate chunks (the entity card with
 * its stylesheet: components/card/card-chunk.ts). A part is loaded once; `useLazy` renders with it as soon as it is
 * there (at once when it already is).
 */
import { useEffect, useState } from 'preact/hooks';

interface LazyPart<T> {
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
