/**
 * What the attack suites (attacks*.test.ts) share: reading marks and the card from the page, and reading the
 * extension's own state (settings, snippets, tabs) from one of its pages, where no web page can reach.
 *
 * Attacks run from the page's own world (`LensPage.evaluate`), with no real input: exactly what a hostile site or an
 * ad frame can do. The suites run against the test build, whose card root is open so the attack can reach the buttons
 * at all (the production build closes it, checked separately); `LENS_OUT_DIR=<folder>` points them at another build.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChromiumLensBrowser } from '../../automation/chromium';
import { waitInPage, type LensBrowser, type LensPage } from '../../automation/lens-browser';

export interface MarkAt {
  text: string;
  x: number;
  y: number;
}

/** The painted marks (the page's own highlight registry), with the middle of each one's first box. */
export function readMarks(page: LensPage): Promise<MarkAt[]> {
  return page.evaluate(() => {
    const out: { text: string; x: number; y: number }[] = [];
    const registry = (CSS as unknown as { highlights?: Map<string, Iterable<AbstractRange>> }).highlights;
    for (const [name, highlight] of registry ?? []) {
      if (!name.startsWith('lens-mention')) continue;
      for (const r of highlight) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const box = range.getClientRects()[0];
        if (box) out.push({ text: range.toString(), x: box.left + box.width / 2, y: box.top + box.height / 2 });
      }
    }
    return out;
  });
}

export function waitForMarks(page: LensPage, atLeast = 1): Promise<number> {
  return waitInPage(
    page,
    (min) => {
      let n = 0;
      const registry = (CSS as unknown as { highlights?: Map<string, { size: number }> }).highlights;
      for (const [name, h] of registry ?? []) if (name.startsWith('lens-mention')) n += h.size;
      return n >= min ? n : null;
    },
    `at least ${atLeast} marks`,
    20_000,
    atLeast,
  );
}

/** The open card's title, or null: read through the shadow root the test build leaves open. */
export function openCardTitle(page: LensPage): Promise<string | null> {
  return page.evaluate(() => {
    const frame = document.querySelector('lens-card-host')?.shadowRoot?.querySelector<HTMLElement>('.lens-frame');
    if (!frame || frame.hidden) return null;
    return frame.querySelector('h2, h3, [id]')?.textContent?.trim() || frame.textContent?.trim().slice(0, 60) || '';
  });
}

/** Whether the card's root can be reached from the page at all. */
export function cardRootVisible(page: LensPage): Promise<boolean> {
  return page.evaluate(() => !!document.querySelector('lens-card-host')?.shadowRoot);
}

/** Opens the card of a mark with a real pointer (the harness's trusted input) and waits for it. */
export async function openCardByHover(page: LensPage, mark: MarkAt): Promise<void> {
  await page.hover(mark.x, mark.y);
  await waitInPage(
    page,
    () => {
      const frame = document.querySelector('lens-card-host')?.shadowRoot?.querySelector<HTMLElement>('.lens-frame');
      return !!frame && !frame.hidden && !!frame.querySelector('.lens-actions');
    },
    'the card',
  );
}

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

/** The toast on the page (its root is open in the test build), with the middle of each of its buttons. */
interface ToastAt {
  text: string;
  buttons: { label: string; x: number; y: number }[];
}

/** Waits for a toast whose text matches `pattern` (a regular expression's source). */
export function waitForToast(page: LensPage, pattern: string): Promise<ToastAt> {
  return waitInPage(
    page,
    (source) => {
      const root = document.querySelector('lens-toast')?.shadowRoot;
      const box = root?.querySelector('.toast');
      const text = box?.querySelector('.msg')?.textContent ?? '';
      if (!box || !new RegExp(source).test(text)) return null;
      const buttons = [...box.querySelectorAll('button')].map((b) => {
        const r = b.getBoundingClientRect();
        return {
          label: b.getAttribute('aria-label') ?? b.textContent ?? '',
          x: r.left + r.width / 2,
          y: r.top + r.height / 2,
        };
      });
      return { text, buttons };
    },
    `a toast saying /${pattern}/`,
    10_000,
    pattern,
  );
}

/** The middle of the open card's button labelled `label` (its text), or null. */
export function cardButton(page: LensPage, label: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((label) => {
    const root = document.querySelector('lens-card-host')?.shadowRoot;
    const button = [...(root?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim().startsWith(label));
    const r = button?.getBoundingClientRect();
    return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
  }, label);
}

/** Changes the stored settings from an extension page, as the options page would. */
export async function changeSettings(lens: LensBrowser, patch: Record<string, unknown>): Promise<void> {
  const page = await lens.openExtensionPage('options.html');
  try {
    await page.evaluate(async (patch) => {
      type Api = {
        storage: { local: { get(k: string): Promise<{ settings?: object }>; set(v: object): Promise<void> } };
      };
      const g = globalThis as unknown as { browser?: Api; chrome: Api };
      const local = (g.browser ?? g.chrome).storage.local;
      const { settings } = await local.get('settings');
      await local.set({ settings: { ...settings, ...patch } });
    }, patch);
  } finally {
    await page.close();
  }
}

/** The stored settings, as the options page reads them. */
export async function storedSettings(lens: LensBrowser): Promise<Record<string, unknown>> {
  return JSON.parse((await extensionState(lens)).settings).settings ?? {};
}
