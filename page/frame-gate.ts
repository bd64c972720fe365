/**
 * The content script's gate for embedded frames: the only code that runs in every frame (the top page has its own,
 * page/top-gate.ts). It decides in a few lines whether this document is worth scanning, and only then asks the
 * background to inject the scanner stage (page/lens-stage.ts) into this frame, with the settings in the same answer. A
 * frame that never qualifies pays for this file only.
 *
 * When an embedded frame starts the lens. Most frames on a news page are ads, trackers and widgets that the reader
 * never scrolls to, and each would otherwise read the settings, ask for its saved passages, send its text to the
 * matcher and watch its DOM and the reader's input. So a frame starts only once:
 * - it is on screen: an IntersectionObserver on its own root, whose implicit root is the tab's viewport even for a
 *   cross-origin frame, so a frame further down the article, or hidden, starts when the reader scrolls to it or it is
 *   shown;
 * - and it holds text: an empty slot waits for its text to arrive;
 * - and, when that text is small (an ad, a widget), it may name something: the gate's screen (lib/screen/frame-screen.ts)
 *   finds a word of it that starts a name the fact base knows, or the reader has names of their own
 *   (page/own-names-flag.ts); a frame whose words start none stops there, with no message and none of the extension's
 *   API set up. Then the background's matcher finds a name in it: the gate sends the text with start-lens, and a frame
 *   that names nothing never gets the stage. Either way it reads its text again once it has changed. A frame with more
 *   text than that takes the stage without the checks.
 */
import { sendToBackground } from '~/browser/messages';
import { joinTexts, splitTexts, type TextBatch } from '~/lib/matcher/wire';
import { mayName } from '~/lib/screen/frame-screen';
import { FIND_LIMITS, GATE_TEXT_CHARS, type LensStart } from '~/lib/messaging/messages';
import { textBlocks } from './text-blocks';
import { lensLifetime, type Lifetime } from './lifetime';
import { lensStageEntry } from './lens-stage';
import { ownNamesFlagged } from './own-names-flag';

/** The screen's filter, built with the extension from the fact base's names (wxt.config.ts). */
declare const __LENS_FRAME_SCREEN__: string;

/** Lets this document through the gate when it is worth scanning, then starts the scanner stage in it. */
export async function openGate(): Promise<void> {
  const doc = document;
  const win = window;
  // The browser's own viewers (PDF, JSON, images) are not articles: stay quiet there. The top page has its own gate.
  if (!doc.body || doc.contentType !== 'text/html' || win === win.top) return;
  // Frames too small to read (tracking pixels) are not worth a scan; hidden ones (no size yet) may be shown later.
  const { innerWidth: w, innerHeight: h } = win;
  if (w * h > 0 && (w < MIN_FRAME_PX || h < MIN_FRAME_PX)) return;
  // Not WXT's context: a page can end that one (page/lifetime.ts).
  const ctx = lensLifetime();
  const first = await frameReady(doc, ctx.signal);
  // Not `isInvalid`: it reads the extension's API, which a frame the screen stops never sets up.
  if (ctx.signal.aborted) return;
  const start = await startWhenNamed(doc, ctx, first);
  if (!start || ctx.isInvalid) return;
  lensStageEntry()?.(ctx, start);
}

/**
 * The stage's start (settings, saved passages) once the background has injected it into this frame; null if that
 * never happens. A small
 * frame sends its text, and the background injects the stage only where the matcher finds a name in it (most frames
 * are ads and widgets that name nothing); until then it asks again each time its text has changed.
 */
async function startWhenNamed(doc: Document, ctx: Lifetime, first: TextBatch | null): Promise<LensStart | null> {
  let sent: string | null = null;
  let read: TextBatch | null | undefined = first;
  for (;;) {
    const batch = read !== undefined ? read : smallText(doc.body);
    read = undefined;
    if (batch?.text !== sent && batch && !mayNameHere(batch)) sent = batch.text;
    if (batch?.text !== sent) {
      const reply = await sendToBackground({ type: 'start-lens', ...(batch ? { batch } : {}) }).catch(() => undefined);
      // Without text the answer is the stage's start; undefined when the background failed.
      if (reply !== null || !batch || ctx.isInvalid) return reply ?? null;
      sent = batch.text;
    }
    if (!(await changed(doc, ctx.signal))) return null;
  }
}

/** Whether a small frame's text may name something: the screen says so for one of its blocks, or it cannot tell. */
function mayNameHere(batch: TextBatch): boolean {
  if (ownNamesFlagged()) return true;
  const texts = splitTexts(batch);
  return !texts || texts.some((text) => mayName(__LENS_FRAME_SCREEN__, text));
}

/** The text under `root`, in the blocks the scanner reads, when it is small enough to check first; else null. */
function smallText(root: Node | null): TextBatch | null {
  const texts: string[] = [];
  let chars = 0;
  if (root)
    for (const block of textBlocks(root)) {
      if ((chars += block.text.length) > GATE_TEXT_CHARS || texts.length === FIND_LIMITS.texts) return null;
      texts.push(block.text);
    }
  return joinTexts(texts);
}

/**
 * Resolves true once the document has changed and then stayed quiet for RECHECK_QUIET_MS (an ad filling its slot,
 * a widget rendering), so a burst of changes costs one read; false if `signal` aborts first.
 */
function changed(doc: Document, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const end = (result: boolean) => {
      clearTimeout(timer);
      watch.disconnect();
      signal.removeEventListener('abort', aborted);
      resolve(result);
    };
    const aborted = () => end(false);
    const watch = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(() => end(true), RECHECK_QUIET_MS);
    });
    watch.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
    signal.addEventListener('abort', aborted, { once: true });
  });
}

/** How long a frame that named nothing waits after its last change before it reads its text again. */
const RECHECK_QUIET_MS = 300;

/** Width and height below which a frame is left alone, in CSS pixels. */
const MIN_FRAME_PX = 40;

/** Two characters of text, spaces aside: what a frame needs before it is scanned (the shortest name has two). */
const TWO_INKED = /\S[^]*\S/;

/**
 * Resolves once the frame should start (never, if `signal` aborts first), with its text when small enough to check
 * first (smallText), so that text is read once. Its text is read only once it is on screen: until then a frame (an ad
 * below the fold, a hidden widget) costs one observer, and no walk over its elements, each of which would get a
 * wrapper built in this script's world.
 */
function frameReady(doc: Document, signal: AbortSignal): Promise<TextBatch | null> {
  return new Promise((resolve) => {
    let visible = false;
    let filled: MutationObserver | null = null;
    const check = () => {
      if (!visible || signal.aborted) return;
      const batch = smallText(doc.body);
      if (!batch || TWO_INKED.test(batch.text)) {
        stop();
        resolve(batch);
      } else if (!filled) {
        // An empty frame waits for its text (a script filling an ad slot or an about:blank frame).
        filled = new MutationObserver(check);
        filled.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
      }
    };
    const onScreen = new IntersectionObserver((entries) => {
      visible = entries.some((e) => e.isIntersecting);
      check();
    });
    onScreen.observe(doc.documentElement);
    const stop = () => {
      onScreen.disconnect();
      filled?.disconnect();
    };
    signal.addEventListener('abort', stop, { once: true });
  });
}
