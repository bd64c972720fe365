/**
 * Runs `task` once the page's first frame with content is on screen: work queued sooner (loading the full fact
 * base, compiling its 1.3 MB chunk) competes with rasterising that frame for the same cores and puts it on screen
 * later. A page that is never painted (a tab opened in the background) runs it after `fallbackMs`.
 * Returns a function that cancels it.
 */
export function afterFirstPaint(task: () => void, fallbackMs = 1000): () => void {
  let pending = true;
  let observer: PerformanceObserver | undefined;
  const stop = () => {
    pending = false;
    observer?.disconnect();
    clearTimeout(fallback);
  };
  const run = () => {
    if (!pending) return;
    stop();
    task();
  };
  const fallback = setTimeout(run, fallbackMs);
  try {
    observer = new PerformanceObserver((list) => {
      if (list.getEntries().some((e) => e.name === 'first-contentful-paint')) run();
    });
    observer.observe({ type: 'paint', buffered: true });
  } catch {
    // No paint timing in this browser: the fallback runs the task.
  }
  return stop;
}
