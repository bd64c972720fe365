/**
 * The content script's lifetime, which a page cannot end.
 *
 * WXT's `ContentScriptContext` ends itself when it sees a `<extension id>:content:wxt:content-script-started` event
 * on the document: that is how a newly injected copy stops an older one. But a page can dispatch that event too
 * (both extension ids are public), and a page that echoed it switched Caspian Lens off (issue 22). WXT's other
 * announcement, a `window.postMessage` that also told pages our id, is turned off in the entrypoint
 * (`noScriptStartedPostMessage`).
 *
 * So the content script keeps its own lifetime, and only two things end it:
 * - a newer copy of this content script in the same document: copies of one extension's content script share one
 *   script world, whose globals no page can see or write, so the newer one stops the older one directly;
 * - the extension going away (updated, reloaded, removed: `browser.runtime.id` is gone).
 * An end of WXT's context for any other reason (an event a page dispatched) is ignored.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

interface Lifetime {
  readonly signal: AbortSignal;
  /** True once ended; reading it also notices that the extension has gone. */
  readonly isInvalid: boolean;
  /** A timeout that never fires after the end. */
  setTimeout(run: () => void, ms: number): void;
  onInvalidated(run: () => void): void;
}

/** The world-private global through which a newer copy reaches the older one. */
const CURRENT_COPY = '__caspianLensStop';

export function lensLifetime(ctx: ContentScriptContext): Lifetime {
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
  ctx.signal.addEventListener('abort', () => void orphaned(), { once: true });
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
