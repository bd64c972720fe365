/**
 * Runs work when a window has nothing else to do: `requestIdleCallback` (Chromium and Firefox, extension pages and
 * content scripts alike), else a short timer. The one idle shim of the extension's pages and its card stage.
 * Returns a cancel.
 */
export function whenIdle(
  win: Window,
  work: (deadline?: IdleDeadline) => void,
  options: { timeout?: number; fallbackMs?: number } = {},
): () => void {
  if (typeof win.requestIdleCallback === 'function') {
    // Called on the window itself: Firefox refuses a Window method called on anything else.
    const handle = win.requestIdleCallback(work, options.timeout ? { timeout: options.timeout } : undefined);
    return () => win.cancelIdleCallback(handle);
  }
  const timer = win.setTimeout(work, options.fallbackMs ?? 50);
  return () => win.clearTimeout(timer);
}
