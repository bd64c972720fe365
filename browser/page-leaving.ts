/**
 * An extension page closed while it loads (a popup dismissed as it opens, a tab closed at once) has its module loads
 * cancelled by the browser, which rejects them: Firefox then reports each as an uncaught error although nothing
 * failed that the reader could see. Once the page is leaving such failures are dropped; before that every one is
 * still reported.
 */
let leaving = false;
addEventListener('pagehide', (event) => {
  // A page kept in the back-forward cache may come back, and its failures would matter again.
  leaving = !event.persisted;
});
addEventListener('pageshow', () => {
  leaving = false;
});
// A load the page did not wait for (a section's chunk, an export's library) may fail as the page goes, too.
addEventListener('unhandledrejection', (event) => {
  if (leaving) event.preventDefault();
});

/** How long a failure waits for the page's pagehide before it is reported. */
const PAGEHIDE_GRACE_MS = 250;

/**
 * A rejection handler: the failure is dropped when the page is leaving and reported otherwise. Firefox may cancel a
 * closing page's loads before it fires pagehide (the clean-clone CI saw this after the first version of this file),
 * so the failure is reported only once the page has had a moment to say it is going; a closed page never runs the
 * timer at all.
 */
export function unlessLeaving(error: unknown): void {
  if (leaving) return;
  setTimeout(() => {
    if (!leaving) reportError(error);
  }, PAGEHIDE_GRACE_MS);
}
