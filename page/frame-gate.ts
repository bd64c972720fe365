/**
 * The content script's gate: the only code that runs in every page and frame. It decides in a few lines whether this
 * document is worth scanning, and only then asks the background to inject the scanner stage (page/lens-stage.ts) into
 * this frame, with the settings in the same answer. A frame that never qualifies pays for this file only.
 *
 * When an embedded frame starts the lens. Most frames on a news page are ads, trackers and widgets that the reader
 * never scrolls to, and each would otherwise read the settings, ask for its saved passages, send its text to the
 * matcher and watch its DOM and the reader's input. So a frame starts only once:
 * - it is on screen: an IntersectionObserver on its own root, whose implicit root is the tab's viewport even for a
 *   cross-origin frame, so a frame further down the article, or hidden, starts when the reader scrolls to it or it is
 *   shown;
 * - and it holds text: an empty slot waits for its text to arrive.
 * The top page always starts at once (its report is the popup's, and it holds the article).
 */
import { sendToBackground } from '~/browser/messages';
import { isSkipped } from './skip-rules';
import { lensLifetime } from './lifetime';
import { lensStageEntry } from './lens-stage';

/** Lets this document through the gate when it is worth scanning, then starts the scanner stage in it. */
export async function openGate(): Promise<void> {
  const doc = document;
  const win = window;
  // The browser's own viewers (PDF, JSON, images) are not articles: stay quiet there.
  if (!doc.body || doc.contentType !== 'text/html') return;
  // Not WXT's context: a page can end that one (page/lifetime.ts).
  const ctx = lensLifetime();
  if (win !== win.top) {
    // Frames too small to read (tracking pixels) are not worth a scan; hidden ones (no size yet) may be shown later.
    const { innerWidth: w, innerHeight: h } = win;
    if (w * h > 0 && (w < MIN_FRAME_PX || h < MIN_FRAME_PX)) return;
    await frameReady(doc, ctx.signal);
    if (ctx.isInvalid) return;
  }
  // The background injects the stage into this frame (it sets its entry on this world's global) and then answers.
  const settings = await sendToBackground({ type: 'start-lens' }).catch(() => null);
  if (!settings || ctx.isInvalid) return;
  lensStageEntry()?.(ctx, settings);
}

/** Width and height below which a frame is left alone, in CSS pixels. */
const MIN_FRAME_PX = 40;

/** Characters of text, spaces aside, that a frame needs before it is scanned: the shortest name has two. */
const MIN_FRAME_TEXT = 2;

/** Resolves once the frame should start (never, if `signal` aborts first). */
function frameReady(doc: Document, signal: AbortSignal): Promise<void> {
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
