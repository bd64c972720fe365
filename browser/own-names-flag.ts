/**
 * While the reader has names of their own, every frame gets the flag that makes its gate skip the screen, which knows
 * the fact base's names only (page/own-names-flag.ts): a content script registered for frames loaded from now on
 * (kept across restarts, so it is there before the background wakes), and the same file run in the frames open now.
 */
import { browser } from 'wxt/browser';

const SCRIPT_ID = 'lens-own-names';
const FILE = '/own-names-flag.js';

let queue: Promise<unknown> = Promise.resolve();

/** Registers or unregisters the flag to match `hasNames`; calls run one after another. */
export function flagOwnNames(hasNames: boolean): Promise<void> {
  const next = queue.then(() => sync(hasNames));
  queue = next.catch(() => {});
  return next;
}

async function sync(hasNames: boolean): Promise<void> {
  const registered = (await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] })).length > 0;
  if (hasNames === registered) return;
  if (!hasNames) return browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  await browser.scripting.registerContentScripts([
    {
      id: SCRIPT_ID,
      js: [FILE],
      matches: ['<all_urls>'],
      // As the gate's own declaration (match_about_blank): about:blank and srcdoc frames, where ads often render.
      matchOriginAsFallback: true,
      allFrames: true,
      runAt: 'document_start',
      persistAcrossSessions: true,
    },
  ]);
  // Frames open now: a small frame there re-checks its text whenever it changes.
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : browser.scripting
            .executeScript({ target: { tabId: tab.id, allFrames: true }, files: [FILE] })
            .catch(() => {}),
    ),
  );
}
