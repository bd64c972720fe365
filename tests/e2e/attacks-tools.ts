/**
 * What the attack suites (attacks*.test.ts) share beyond the page objects (tests/e2e/pages: the marks, the card, the
 * toast, the library): the extension's own state (settings, snippets, tabs) read from one of its pages, where no web
 * page can reach, the extension's id, and the test build's count of the content scripts' messages.
 *
 * Attacks run from the page's own world (`LensPage.evaluate`), with no real input: exactly what a hostile site or an
 * ad frame can do. The suites run against the test build, whose card root is open so the attack can reach the buttons
 * at all (the production build closes it, checked separately); `LENS_OUT_DIR=<folder>` points them at another build.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChromiumLensBrowser } from '../../automation/chromium';
import type { LensBrowser, LensPage } from '../../automation/lens-browser';

/** The extension's own state, read from one of its pages: settings, every stored snippet, and how many tabs exist. */
interface ExtensionState {
  settings: string;
  snippets: number;
  tabs: number;
}

export async function extensionState(lens: LensBrowser): Promise<ExtensionState> {
  const page = await lens.openExtensionPage('options.html');
  try {
    const state = await page.evaluate(async () => {
      const api =
        (globalThis as unknown as { browser?: unknown; chrome?: unknown }).browser ??
        (globalThis as unknown as { chrome: unknown }).chrome;
      const b = api as {
        storage: { local: { get(keys: null): Promise<Record<string, unknown>> } };
        tabs: { query(q: object): Promise<unknown[]> };
      };
      const stored = await b.storage.local.get(null);
      const snippets = await new Promise<number>((resolve) => {
        const request = indexedDB.open('caspian-lens-snippets');
        request.onupgradeneeded = () => (request.transaction!.abort(), resolve(0));
        request.onerror = () => resolve(0);
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains('snippets')) return (db.close(), resolve(0));
          const count = db.transaction('snippets').objectStore('snippets').count();
          count.onsuccess = () => (db.close(), resolve(count.result));
          count.onerror = () => (db.close(), resolve(-1));
        };
      });
      // This options tab itself is not counted.
      const tabs = (await b.tabs.query({})).length - 1;
      return { settings: JSON.stringify(stored), snippets, tabs };
    });
    return state;
  } finally {
    await page.close();
  }
}

/** The id pages would see in WXT's start-up event: the Chromium extension id, or Firefox's add-on id. */
export function extensionIdOf(lens: LensBrowser): string {
  if (lens.name === 'chromium') {
    const worker = (lens as ChromiumLensBrowser).context
      .serviceWorkers()
      .find((w) => w.url().startsWith('chrome-extension://'));
    if (!worker) throw new Error('no service worker');
    return new URL(worker.url()).host;
  }
  const manifest = JSON.parse(readFileSync(join(lens.extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  return manifest.browser_specific_settings!.gecko!.id!;
}

/**
 * How many messages of each type content scripts sent the background so far (the test build's `lensContentMessages`):
 * the attacks check that a page's synthetic input asked for nothing, the card's code included (`load-card-stage`).
 */
export function contentMessages(lens: LensBrowser): Promise<Record<string, number>> {
  return lens.evaluateInBackground(
    (_: null, background) =>
      JSON.parse(
        JSON.stringify((background as unknown as { lensContentMessages?: object }).lensContentMessages ?? {}),
      ) as Record<string, number>,
    null,
  );
}

/** What a card or a toast sends when the reader acts: a page's own script must never make one of these leave. */
export const ACTION_MESSAGES = [
  'save-snippet',
  'undo-save-snippet',
  'open-search',
  'open-explore',
  'hide-entity',
  'unhide-entity',
  'disable-site',
  'undo-disable-site',
  'correct-mark',
  'uncorrect-mark',
  'set-note',
  'open-library',
] as const;

/** How many of each action message `counts` (contentMessages) holds, 0 for those never sent. */
export function actionsIn(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(ACTION_MESSAGES.map((type) => [type, counts[type] ?? 0]));
}

/** How many of each action message content scripts have sent so far. */
export async function actionMessages(lens: LensBrowser): Promise<Record<string, number>> {
  return actionsIn(await contentMessages(lens));
}

/**
 * Waits until content scripts have sent at least `atLeast` messages of the `types` together, and returns every count
 * then. The wait runs in the background, in one call: in Firefox each call opens a helper tab.
 */
export async function contentMessagesReach(
  lens: LensBrowser,
  types: readonly string[],
  atLeast: number,
): Promise<Record<string, number>> {
  const counts = await lens.evaluateInBackground(
    async ({ types, atLeast }, background) => {
      const read = () =>
        JSON.parse(
          JSON.stringify((background as unknown as { lensContentMessages?: object }).lensContentMessages ?? {}),
        ) as Record<string, number>;
      const started = Date.now();
      for (let counts = read(); Date.now() - started < 10_000; counts = read()) {
        if (types.reduce((sum, type) => sum + (counts[type] ?? 0), 0) >= atLeast) return counts;
        await new Promise((done) => setTimeout(done, 50));
      }
      return null;
    },
    { types, atLeast },
  );
  if (!counts) throw new Error(`timed out after 10 s waiting for ${atLeast} of ${types.join(', ')}`);
  return counts;
}

/**
 * Instead of a sleep after an attack, proof that nothing it made a content script send is still on its way: the
 * reader presses Esc in `page` (the frame with focus), a trusted key that frame's content script reports to the
 * background as `escape-pressed`, and one frame's messages reach the background in the order they were sent. Once
 * that Esc is counted, so is every message the frame sent before it. `before`: the counts (contentMessages) taken
 * before the attack, with no Esc pressed since. Returns every count once the Esc is counted.
 */
export async function countedAfterReaderEscape(
  lens: LensBrowser,
  page: LensPage,
  before: Record<string, number>,
): Promise<Record<string, number>> {
  await page.press('Escape');
  return contentMessagesReach(lens, ['escape-pressed'], (before['escape-pressed'] ?? 0) + 1);
}

/**
 * Waits until at least `atLeast` tabs are open besides the extension page that counts them, and returns how many
 * are: one extension page for the whole wait.
 */
export async function tabsReach(lens: LensBrowser, atLeast: number): Promise<number> {
  const page = await lens.openExtensionPage('options.html');
  try {
    const tabs = await page.evaluate(async (atLeast) => {
      const api =
        (globalThis as unknown as { browser?: unknown; chrome?: unknown }).browser ??
        (globalThis as unknown as { chrome: unknown }).chrome;
      const query = () => (api as { tabs: { query(q: object): Promise<unknown[]> } }).tabs.query({});
      const started = Date.now();
      for (let n = (await query()).length - 1; Date.now() - started < 10_000; n = (await query()).length - 1) {
        if (n >= atLeast) return n;
        await new Promise((done) => setTimeout(done, 50));
      }
      return null;
    }, atLeast);
    if (tabs === null) throw new Error(`timed out after 10 s waiting for ${atLeast} tabs`);
    return tabs;
  } finally {
    await page.close();
  }
}

/** The stored settings, as the options page reads them. */
export async function storedSettings(lens: LensBrowser): Promise<Record<string, unknown>> {
  return JSON.parse((await extensionState(lens)).settings).settings ?? {};
}
