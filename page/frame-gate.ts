/**
 * When an embedded frame starts the lens. Most frames on a news page are ads, trackers and widgets that the reader
 * never scrolls to, and each would otherwise read the settings, ask for its saved passages, send its text to the
 * matcher and watch its DOM and the reader's input. So a frame starts only once:
 * - it is on screen: an IntersectionObserver on its own root, whose implicit root is the tab's viewport even for a
 *   cross-origin frame, so a frame further down the article, or hidden, starts when the reader scrolls to it or it is
 *   shown;
 * - and it holds text: an empty slot waits for its text to arrive.
 * The top page always starts at once (its report is the popup's, and it holds the article).
 */
import { isSkipped } from './skip-rules';

/** Characters of text, spaces aside, that a frame needs before it is scanned: the shortest name has two. */
const MIN_FRAME_TEXT = 2;

/** Resolves once the frame should start (never, if `signal` aborts first). */
export function frameReady(doc: Document, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    let visible = false;
    let text = hasText(doc.body, MIN_FRAME_TEXT);
    const start = () => {
      if (!visible || !text || signal.aborted) return;
      stop();
      resolve();
    };
    const onScreen = new IntersectionObserver((entries) => {
      visible = entries.some((e) => e.isIntersecting);
      start();
    });
    onScreen.observe(doc.documentElement);
    // An empty frame waits for its text (a script filling an ad slot or an about:blank frame).
    const filled = text
      ? null
      : new MutationObserver(() => {
          if (!(text = hasText(doc.body, MIN_FRAME_TEXT))) return;
          filled?.disconnect();
          start();
        });
    filled?.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
    const stop = () => {
      onScreen.disconnect();
      filled?.disconnect();
    };
    signal.addEventListener('abort', stop, { once: true });
  });
}

/** Whether `root` holds at least `min` non-space characters of text outside skipped elements (scripts, styles…). */
function hasText(root: Node | null, min: number): boolean {
  if (!root) return false;
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let count = 0;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const parent = n.parentElement;
    if (parent && isSkipped(parent)) continue;
    count += n.data.replace(/\s+/g, '').length;
    if (count >= min) return true;
  }
  return false;
}
