/**
 * The content script's lifetime, which a page cannot end.
 *
 * WXT's `ContentScriptContext` ends itself when it sees a `<extension id>:content:wxt:content-script-started` event
 * on the document: that is how a newly injected copy stops an older one. But a page can dispatch that event too
 * (both extension ids are public), and a page that echoed it switched Caspian Lens off (issue 22); and the event
 * itself told a page that knows the id that the extension runs. So the content script does not take WXT's context
 * at all (wxt.config.ts puts page/no-wxt-context.ts in its place) and keeps this lifetime, which only two things end:
 * - a newer copy of this content script in the same document: copies of one extension's content script share one
 *   script world, whose globals no page can see or write, so the newer one stops the older one directly;
 * - the extension going away (updated, reloaded, removed: `browser.runtime.id` is gone).
 */
import { browser } from 'wxt/browser';

export interface Lifetime {
  readonly signal: AbortSignal;
  /** True once ended; reading it also notices that the extension has gone. */
  readonly isInvalid: boolean;
  /** A timeout that never fires after the end. */
  setTimeout(run: () => void, ms: number): void;
  onInvalidated(run: () => void): void;
}

/** The world-private global through which a newer copy reaches the older one. */
const CURRENT_COPY = '__caspianLensStop';

export function lensLifetime(): Lifetime {
  const controller = new AbortController();
  const stop = () => controller.abort();
  const world = globalThis as unknown as Record<string, (() => void) | undefined>;
  world[CURRENT_COPY]?.();
  world[CURRENT_COPY] = stop;
  const orphaned = () => {
    let id: string | undefined;
    try {
      id = browser.runtime?.id;
    } catch {
      id = undefined;
    }
    if (id == null) stop();
    return controller.signal.aborted;
  };
  return {
    signal: controller.signal,
    get isInvalid() {
      return controller.signal.aborted || orphaned();
    },
    setTimeout(run, ms) {
      const id = setTimeout(() => {
        if (!orphaned()) run();
      }, ms);
      controller.signal.addEventListener('abort', () => clearTimeout(id), { once: true });
    },
    onInvalidated(run) {
      controller.signal.addEventListener('abort', run, { once: true });
    },
  };
}

/**
 * Whether this document's window has been closed or removed (reading that can itself fail then): the browser's APIs
 * can fail in such a document, which is no error of ours and nothing the reader sees.
 */
export function documentGone(): boolean {
  try {
    return window.closed || !document.defaultView;
  } catch {
    return true;
  }
}
