/**
 * The typed messages of lib/messaging/messages.ts through the browser. `runtime.sendMessage` and `tabs.sendMessage`
 * answer `Promise<any>`; these give each send the reply its message type has in the request→reply map, so no call
 * site casts, and a content script's listeners answer through a map typed the same way.
 */
import { browser } from 'wxt/browser';
import type {
  BackgroundToContent,
  MessageOf,
  MessageReplies,
  PopupToContent,
  ReplyTo,
  Send,
  ToBackground,
  ToContent,
} from '~/lib/messaging/messages';

/**
 * A request from a content script or an extension page to the background. Always a promise: in a document that is
 * going away the browser may throw instead of rejecting, and every caller handles a failed request as a rejection.
 */
export const sendToBackground: Send<ToBackground> = (message) =>
  new Promise((resolve) => resolve(browser.runtime.sendMessage(message)));

/** A request from the background to a tab's content script: every frame, or one (`frameId`). */
export function sendToTab<M extends BackgroundToContent>(
  tabId: number,
  message: M,
  frameId?: number,
): Promise<ReplyTo<M>> {
  return frameId === undefined
    ? browser.tabs.sendMessage(tabId, message)
    : browser.tabs.sendMessage(tabId, message, { frameId });
}

/** A request from the popup to a tab's top frame, which answers for the page (frames stay silent). */
export function askPage<M extends PopupToContent>(tabId: number, message: M): Promise<ReplyTo<M>> {
  return browser.tabs.sendMessage(tabId, message, { frameId: 0 });
}

/**
 * A content script's answers to some of the messages the extension sends it. Returning undefined leaves the message
 * to another frame or listener (a frame without a selection stays silent, and so do frames for the popup).
 */
type ContentAnswers = {
  [K in ToContent['type']]?: (message: MessageOf<ToContent, K>) => Promise<MessageReplies[K]> | undefined;
};

/**
 * Answers messages from the extension (the background, the popup) until `signal` aborts. Only the extension's own
 * contexts can reach a content script's `runtime.onMessage`, so these are not validated like a page's messages.
 *
 * Content scripts run without the WebExtension polyfill (wxt.config.ts), so this answers the way both browsers do
 * natively: Firefox takes the promise a listener returns; Chromium takes `sendResponse` and `true`, and a failure is
 * sent in the form the background's polyfilled `tabs.sendMessage` turns back into a rejection.
 */
export function answerExtension(answers: ContentAnswers, signal: AbortSignal): void {
  const firefox = isFirefoxApi();
  const listener = (raw: unknown, _sender: unknown, sendResponse: (reply: unknown) => void): unknown => {
    const type = (raw as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !Object.hasOwn(answers, type)) return undefined;
    // The map is typed per message type; the lookup by a run-time key cannot be, so it is widened here once.
    const answer = answers[type as ToContent['type']] as
      ((message: unknown) => Promise<unknown> | undefined) | undefined;
    const reply = answer?.(raw);
    if (!reply || firefox) return reply;
    reply.then(sendResponse, (error: unknown) =>
      sendResponse({ [POLYFILL_REJECT]: true, message: (error as Error | null)?.message ?? String(error) }),
    );
    return true;
  };
  const onMessage = browser.runtime.onMessage as unknown as {
    addListener(l: typeof listener): void;
    removeListener(l: typeof listener): void;
  };
  onMessage.addListener(listener);
  signal.addEventListener('abort', () => onMessage.removeListener(listener), { once: true });
}

/** The webextension-polyfill's mark of a rejected reply, which its `sendMessage` turns into a rejection. */
const POLYFILL_REJECT = '__mozWebExtensionPolyfillReject__';

/** Firefox's own API (only Firefox has `runtime.getBrowserInfo`), which takes a listener's promise as its reply. */
const isFirefoxApi = () =>
  typeof (globalThis as { browser?: { runtime?: { getBrowserInfo?: unknown } } }).browser?.runtime?.getBrowserInfo ===
  'function';
