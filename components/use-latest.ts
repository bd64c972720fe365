import { useRef } from 'preact/hooks';

/**
 * A ref that always holds this render's value: an effect that should run only when some other value changes can
 * still call the latest callback (a prop a parent recreates on every render) without re-running for it.
 */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  ref.current = value;
  return ref;
}
