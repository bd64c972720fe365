/**
 * What the snippets end-to-end tests need beyond the shared harness: a browser profile kept on disk (to restart
 * the browser and find the data again), the background's save routes (the context menu and the keyboard command
 * cannot be clicked or pressed by automation, so the tests call the very functions those listeners call), an
 * extension reload, and helpers that read the database and drive the library's file buttons.
 *
 * Chromium: playwright persistent context on a user-data dir; the unpacked extension keeps its id (derived from
 * its path), so its IndexedDB is found again. Firefox: puppeteer with `userDataDir` as the profile; the add-on is
 * temporary (installed again on each launch), so the profile keeps its moz-extension UUID and, with
 * `keepStorageOnUninstall`, its data across the uninstall Firefox does at shutdown. That is how a permanently
 * installed add-on behaves across restarts; a signed install is not possible here.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import puppeteer, { type Browser, type Page as PuppeteerPage } from 'puppeteer-core';
import { extensionDir, findBrowser } from './harness/browsers';
import { pageExpression, sleep, VIEWPORT, waitInPage, type BrowserName, type LensPage } from './harness/lens-browser';

export interface SnippetBrowser {
  readonly name: BrowserName;
  openPage(url: string): Promise<LensPage>;
  openLibrary(options?: { colorScheme?: 'light' | 'dark' }): Promise<LensPage>;
  /** Calls the background's context-menu or keyboard-command route for the tab showing `pageUrl`. */
  saveVia(route: 'menu' | 'command', pageUrl: string): Promise<unknown>;
  reloadExtension(): Promise<void>;
  close(): Promise<void>;
}

const FIREFOX_UUID = '6f1c2a9e-4b7d-4e3a-9c58-2d0b7e41a6f3';
const LOAD_TIMEOUT_MS = 15_000;

export function launchSnippetBrowser(name: BrowserName, profileDir: string): Promise<SnippetBrowser> {
  return name === 'chromium' ? launchChromium(profileDir) : launchFirefox(profileDir);
}

async function launchChromium(profileDir: string): Promise<SnippetBrowser> {
  const dir = extensionDir('chromium');
  // Developer mode, as for anyone running an unpacked extension: without it Chromium disables an unpacked
  // extension when it reloads ("turn on developer mode to use this extension").
  const prefs = join(profileDir, 'Default', 'Preferences');
  if (!existsSync(prefs)) {
    mkdirSync(join(profileDir, 'Default'), { recursive: true });
    writeFileSync(prefs, JSON.stringify({ extensions: { ui: { developer_mode: true } } }));
  }
  const context: BrowserContext = await chromium.launchPersistentContext(profileDir, {
    executablePath: findBrowser('chromium'),
    headless: true,
    viewport: VIEWPORT,
    args: [
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--no-default-browser-check',
    ],
  });
  const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://');
  const worker = async (): Promise<Worker> =>
    context.serviceWorkers().find(isOurs) ??
    (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: LOAD_TIMEOUT_MS }));
  const extensionId = new URL((await worker()).url()).host;
  // Cast: only what these tests and the harness's waiting helpers use is implemented.
  const wrap = (page: import('playwright-core').Page): LensPage =>
    ({
      evaluate: (fn: (arg: never) => unknown, arg: unknown) => page.evaluate(pageExpression(fn, arg)),
      screenshot: async (path: string, options?: { fullPage?: boolean }) =>
        void (await page.screenshot({ path, fullPage: options?.fullPage ?? false })),
      hover: (x: number, y: number) => page.mouse.move(x, y),
      press: (keys: string) => page.keyboard.press(keys),
      close: () => page.close(),
    }) as unknown as LensPage;
  return {
    name: 'chromium',
    async openPage(url) {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return wrap(page);
    },
    async openLibrary(options) {
      const page = await context.newPage();
      if (options?.colorScheme) await page.emulateMedia({ colorScheme: options.colorScheme });
      await page.goto(`chrome-extension://${extensionId}/library.html`, { waitUntil: 'load' });
      return wrap(page);
    },
    async saveVia(route, pageUrl) {
      return (await worker()).evaluate(
        async ({ route, pageUrl }) => {
          const g = globalThis as unknown as {
            chrome: { tabs: { query(q: object): Promise<{ id: number; url?: string }[]> } };
            lensSelectionRoutes: {
              onMenuClick(info: object, tab: object): Promise<unknown>;
              onCommand(command: string, tab: object | undefined): Promise<unknown>;
            };
          };
          // The extension has no "tabs" permission, so tabs carry no URL: the page under test is the active tab.
          // The command gets no tab, like a real key press without one: the route finds the active tab itself.
          const [tab] = await g.chrome.tabs.query({ active: true, lastFocusedWindow: true });
          if (!tab) throw new Error(`no active tab (expected ${pageUrl})`);
          return route === 'menu'
            ? g.lensSelectionRoutes.onMenuClick({ menuItemId: 'lens-save-selection', frameId: 0, pageUrl }, tab)
            : g.lensSelectionRoutes.onCommand('save-selection', undefined);
        },
        { route, pageUrl },
      );
    },
    async reloadExtension() {
      const old = await worker();
      const closed = new Promise((done) => old.once('close', done));
      void old.evaluate('setTimeout(() => chrome.runtime.reload(), 0)').catch(() => undefined);
      await Promise.race([
        closed,
        sleep(LOAD_TIMEOUT_MS).then(() => Promise.reject(new Error('the old service worker did not stop'))),
      ]);
      // Extension pages are refused (ERR_BLOCKED_BY_CLIENT) until the reloaded extension is up again.
      const started = Date.now();
      const probe = await context.newPage();
      try {
        for (;;) {
          const ok = await probe.goto(`chrome-extension://${extensionId}/library.html`).then(
            () => true,
            () => false,
          );
          if (ok) return;
          if (Date.now() - started > LOAD_TIMEOUT_MS)
            throw new Error('the extension did not come back after runtime.reload()');
          await sleep(200);
        }
      } finally {
        await probe.close();
      }
    },
    close: () => context.close(),
  };
}

async function launchFirefox(profileDir: string): Promise<SnippetBrowser> {
  const dir = extensionDir('firefox');
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  };
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findBrowser('firefox'),
    headless: true,
    defaultViewport: VIEWPORT,
    userDataDir: profileDir,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [manifest.browser_specific_settings.gecko.id]: FIREFOX_UUID }),
      'extensions.webextensions.keepStorageOnUninstall': true,
      'extensions.webextensions.keepUuidOnUninstall': true,
    },
  });
  await browser.installExtension(dir);
  const origin = `moz-extension://${FIREFOX_UUID}`;
  const wrap = (page: PuppeteerPage): LensPage =>
    ({
      evaluate: (fn: (arg: never) => unknown, arg: unknown) => page.evaluate(pageExpression(fn, arg)),
      screenshot: async (path: string, options?: { fullPage?: boolean }) =>
        void (await page.screenshot({ path, fullPage: options?.fullPage ?? false })),
      hover: (x: number, y: number) => page.mouse.move(x, y),
      press: (key: string) => page.keyboard.press(key as never),
      close: () => page.close(),
    }) as unknown as LensPage;
  const openExtensionPage = async (path: string, colorScheme?: 'light' | 'dark'): Promise<LensPage> => {
    const page = await browser.newPage();
    if (colorScheme)
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: colorScheme }]).catch(() => undefined);
    const url = `${origin}/${path}`;
    void page.goto(url, { timeout: 0 }).catch(() => undefined);
    const lensPage = wrap(page);
    await waitInPage(
      lensPage,
      (u) => location.href === u && document.readyState === 'complete',
      `${url} to load`,
      LOAD_TIMEOUT_MS,
      url,
    );
    return lensPage;
  };
  return {
    name: 'firefox',
    async openPage(url) {
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return wrap(page);
    },
    openLibrary: (options) => openExtensionPage('library.html', options?.colorScheme),
    async saveVia(route, pageUrl) {
      // Firefox's background is a page: an extension page reaches its globals through getBackgroundPage().
      const helper = await openExtensionPage('popup.html');
      try {
        return await helper.evaluate(
          async ({ route, pageUrl }) => {
            const b = (globalThis as unknown as { browser: any }).browser; // eslint-disable-line @typescript-eslint/no-explicit-any
            const background = await b.runtime.getBackgroundPage();
            // No "tabs" permission, so no URLs: the page under test is the tab used last before this helper tab.
            const me = await b.tabs.getCurrent();
            const tab = ((await b.tabs.query({})) as { id: number; url?: string; lastAccessed: number }[])
              .filter((t) => t.id !== me.id)
              .sort((x, y) => y.lastAccessed - x.lastAccessed)[0];
            if (!tab) throw new Error(`no tab for ${pageUrl}`);
            const routes = background.lensSelectionRoutes;
            const result =
              route === 'menu'
                ? await routes.onMenuClick(
                    { menuItemId: 'lens-save-selection', frameId: 0, pageUrl },
                    { id: tab.id, url: tab.url },
                  )
                : await routes.onCommand('save-selection', { id: tab.id, url: tab.url });
            return JSON.parse(JSON.stringify(result ?? null));
          },
          { route, pageUrl },
        );
      } finally {
        await helper.close();
      }
    },
    async reloadExtension() {
      const helper = await openExtensionPage('popup.html');
      await helper.evaluate(() => {
        setTimeout(
          () => (globalThis as unknown as { browser: { runtime: { reload(): void } } }).browser.runtime.reload(),
          0,
        );
      });
      await sleep(1_500);
      await helper.close().catch(() => undefined);
      // Back when an extension page loads again and its background answers.
      const started = Date.now();
      while (Date.now() - started < LOAD_TIMEOUT_MS) {
        try {
          const probe = await openExtensionPage('popup.html');
          const ok = await probe.evaluate(async () => {
            const b = (
              globalThis as unknown as {
                browser: { runtime: { getBackgroundPage(): Promise<{ lensSelectionRoutes?: unknown }> } };
              }
            ).browser;
            return typeof (await b.runtime.getBackgroundPage()).lensSelectionRoutes === 'object';
          });
          await probe.close();
          if (ok) return;
        } catch {
          /* still reloading */
        }
        await sleep(250);
      }
      throw new Error('the extension did not come back after runtime.reload()');
    },
    close: () => browser.close(),
  };
}

// ---- Helpers run inside pages (serialised with their source: no closures over Node values). ----

/** Selects the text of the element with `id` (from `from` to `to` characters into its text), as a reader would. */
export function selectText(page: LensPage, id: string, from = 0, to?: number): Promise<string> {
  return page.evaluate(
    ({ id, from, to }) => {
      const el = document.getElementById(id)!;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      const total = nodes.reduce((sum, n) => sum + n.data.length, 0);
      const point = (offset: number): [Text, number] => {
        for (const n of nodes) {
          if (offset <= n.data.length) return [n, offset];
          offset -= n.data.length;
        }
        const last = nodes[nodes.length - 1]!;
        return [last, last.data.length];
      };
      const range = document.createRange();
      range.setStart(...point(from));
      range.setEnd(...point(to ?? total));
      const selection = getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return selection.toString();
    },
    { id, from, to: to ?? null },
  ) as Promise<string>;
}

/** Every record in the snippets database, sorted by id; null when there is no database yet. */
export function readAllRecords(page: LensPage): Promise<Record<string, unknown>[] | null> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown>[] | null>((resolve, reject) => {
        const request = indexedDB.open('caspian-lens-snippets');
        request.onerror = () => reject(request.error);
        request.onupgradeneeded = () => {
          request.transaction!.abort();
          resolve(null);
        };
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains('snippets')) return (db.close(), resolve(null));
          const all = db.transaction('snippets').objectStore('snippets').getAll();
          all.onsuccess = () => {
            db.close();
            const list = all.result as Record<string, unknown>[];
            resolve(list.sort((a, b) => String(a.id).localeCompare(String(b.id))));
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

/** Waits for the library to render `count` snippets (its root carries the count once loaded). */
export function waitForLibrary(page: LensPage, count?: number): Promise<string> {
  return waitInPage(
    page,
    (expected) => {
      const n = document.documentElement.dataset.libraryCount;
      return n !== undefined && (expected === null || n === String(expected)) ? n : null;
    },
    `the library to show ${count ?? 'its'} snippets`,
    15_000,
    count ?? null,
  );
}

/** Clicks a library button by its text and captures the file it downloads (through the Blob URL it clicks). */
export function clickAndCaptureDownload(page: LensPage, label: string): Promise<{ name: string; text: string }> {
  return page.evaluate(async (label) => {
    const captured = new Promise<{ name: string; text: string }>((resolve) => {
      const original = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        HTMLAnchorElement.prototype.click = original;
        void fetch(this.href)
          .then((r) => r.text())
          .then((text) => resolve({ name: this.download, text }));
      };
    });
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === label);
    if (!button) throw new Error(`no button "${label}"`);
    button.click();
    return captured;
  }, label);
}

/** Clicks a library button that asks for a file, and hands it `text` as a file named `name`. */
export function clickAndProvideFile(
  page: LensPage,
  label: string,
  name: string,
  text: string,
  padTo = 0,
): Promise<void> {
  return page.evaluate(
    ({ label, name, text, padTo }) => {
      const original = HTMLInputElement.prototype.click;
      HTMLInputElement.prototype.click = function (this: HTMLInputElement) {
        HTMLInputElement.prototype.click = original;
        const body = padTo > text.length ? text + ' '.repeat(padTo - text.length) : text;
        const transfer = new DataTransfer();
        transfer.items.add(new File([body], name, { type: 'application/json' }));
        this.files = transfer.files;
        this.dispatchEvent(new Event('change'));
      };
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === label);
      if (!button) throw new Error(`no button "${label}"`);
      button.click();
    },
    { label, name, text, padTo },
  );
}

/** The library's banner text, once one shows (and differs from `previous`). */
export function bannerText(page: LensPage, previous = ''): Promise<string> {
  return waitInPage(
    page,
    (prev) => {
      const text = document.querySelector('.banner')?.textContent ?? '';
      return text && text !== prev ? text : null;
    },
    `a banner other than "${previous}"`,
    15_000,
    previous,
  );
}
