/**
 * Chromium adapter: a playwright-core persistent context with the MV3 build loaded unpacked (developer mode on, so
 * the unpacked extension survives `runtime.reload()`).
 * The extension id comes from the service worker's URL. Console errors are collected from every page, extension page
 * and the service worker (uncaught errors in the worker are turned into console.error by a small hook, because
 * playwright reports a worker's console but not its uncaught errors).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import {
  backgroundExpression,
  SCAN_LISTENER_SCRIPT,
  sharedPageActions,
  sleep,
  VIEWPORT,
  waitForScanReport,
  type ExtensionPageName,
  type LaunchOptions,
  type LensBrowser,
  type LensPage,
} from './lens-browser';

export interface ChromiumLensBrowser extends LensBrowser {
  /** The underlying context, for the headed demo (`npm start`) and for benches that read the DevTools protocol. */
  readonly context: BrowserContext;
  /** The tab the browser opened with, until something navigates it. */
  readonly firstTab: Page | null;
  /** The playwright page behind a page this browser opened. */
  pageOf(page: LensPage): Page;
}

const SERVICE_WORKER_TIMEOUT_MS = 10_000;
const RELOAD_TIMEOUT_MS = 15_000;
const RELOAD_POLL_MS = 200;

const WORKER_ERROR_HOOK = `(() => {
  if (self.__lensErrorHook) return;
  self.__lensErrorHook = true;
  self.addEventListener('error', (e) => console.error('[uncaught] ' + (e.error?.stack ?? e.message)));
  self.addEventListener('unhandledrejection', (e) => console.error('[unhandled rejection] ' + (e.reason?.stack ?? e.reason)));
})()`;

interface ChromiumContextOptions extends Omit<LaunchOptions, 'extensionDir'> {
  /** The unpacked extension (or several, comma-separated) to load; null for a browser without any extension. */
  extensionDir: string | null;
}

/**
 * A Chromium persistent context with the given extension (or none: the baseline browser of a bench), on a profile
 * folder: the one given, or a temporary one removed when the context closes.
 */
export async function launchChromiumContext({
  extensionDir,
  executablePath,
  headless = true,
  colorScheme = 'light',
  reducedMotion = false,
  proxy,
  profileDir,
}: ChromiumContextOptions): Promise<BrowserContext> {
  const profile = profileDir ?? mkdtempSync(join(tmpdir(), 'lens-chromium-'));
  // Developer mode, as for anyone running an unpacked extension: without it Chromium disables an unpacked extension
  // when it reloads ("turn on developer mode to use this extension").
  const prefs = join(profile, 'Default', 'Preferences');
  if (!existsSync(prefs)) {
    mkdirSync(join(profile, 'Default'), { recursive: true });
    writeFileSync(prefs, JSON.stringify({ extensions: { ui: { developer_mode: true } } }));
  }
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless,
    viewport: VIEWPORT,
    colorScheme,
    reducedMotion: reducedMotion ? 'reduce' : 'no-preference',
    args: [
      ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
      // Containers (CI runs as root) have no sandbox for Chromium. A headed window keeps it when it can, because
      // --no-sandbox puts a warning bar above the demo page.
      ...(headless || process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--no-default-browser-check',
      // `<-loopback>` removes the implicit bypass, so even 127.0.0.1 goes through the proxy.
      ...(proxy ? [`--proxy-server=http://${proxy}`, '--proxy-bypass-list=<-loopback>'] : []),
    ],
  });
  // Chromium's helper processes may still be writing while it exits: retry, and never fail a close over a temp dir.
  const removeProfile = () => {
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    } catch {
      // left in the system's temp folder
    }
  };
  if (!profileDir) context.once('close', removeProfile);
  return context;
}

export async function launchChromium(options: LaunchOptions): Promise<ChromiumLensBrowser> {
  const context = await launchChromiumContext(options);
  const { extensionDir } = options;
  const errors: string[] = [];
  context.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location().url || message.worker()?.url() || message.page()?.url() || '?';
    errors.push(`[console.error] ${where}: ${message.text()}`);
  });
  context.on('weberror', (error) => errors.push(`[uncaught] ${error.page()?.url() ?? '?'}: ${error.error().message}`));

  const isOurs = (worker: Worker) => worker.url().startsWith('chrome-extension://');
  const hook = (worker: Worker) => {
    if (isOurs(worker)) void worker.evaluate(WORKER_ERROR_HOOK).catch(() => undefined);
  };
  context.on('serviceworker', hook);
  const serviceWorker = async (timeout = SERVICE_WORKER_TIMEOUT_MS): Promise<Worker> =>
    context.serviceWorkers().find(isOurs) ??
    (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout }));
  let worker: Worker;
  try {
    worker = await serviceWorker();
  } catch {
    await context.close();
    throw new Error(`the extension's service worker did not start within ${SERVICE_WORKER_TIMEOUT_MS / 1000} s`);
  }
  context.serviceWorkers().forEach(hook);
  const extensionId = new URL(worker.url()).host;
  const pages = new WeakMap<LensPage, Page>();
  const wrap = (page: Page) => {
    const lensPage = wrapPage(page);
    pages.set(lensPage, page);
    return lensPage;
  };

  let firstTab: Page | null = context.pages().find((page) => page.url() === 'about:blank') ?? null;
  /** The blank tab Chromium starts with is used once, so the demo window has no stray empty tab. */
  const newTab = async (): Promise<Page> => {
    const tab = firstTab ?? (await context.newPage());
    firstTab = null;
    return tab;
  };

  return {
    name: 'chromium',
    extensionDir,
    context,
    get firstTab() {
      return firstTab;
    },
    pageOf(page) {
      const found = pages.get(page);
      if (!found) throw new Error('not a page of this browser');
      return found;
    },
    async openPage(url) {
      const page = await newTab();
      await page.addInitScript(SCAN_LISTENER_SCRIPT);
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      return wrap(page);
    },
    async openExtensionPage(name: ExtensionPageName) {
      const page = await newTab();
      await page.goto(`chrome-extension://${extensionId}/${name}`, { waitUntil: 'load' });
      return wrap(page);
    },
    scanReport: (page, timeoutMs) => waitForScanReport(page, timeoutMs),
    async backgroundAlive() {
      const current = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
      if (!current) return false;
      return (await current.evaluate('typeof chrome.runtime.id === "string"').catch(() => false)) === true;
    },
    async evaluateInBackground(fn, arg) {
      return (await serviceWorker()).evaluate(backgroundExpression(fn, arg, 'globalThis'));
    },
    async reloadExtension() {
      const old = await serviceWorker();
      const closed = new Promise((done) => old.once('close', done));
      void old.evaluate('setTimeout(() => chrome.runtime.reload(), 0)').catch(() => undefined);
      await Promise.race([
        closed,
        sleep(RELOAD_TIMEOUT_MS).then(() => Promise.reject(new Error('the old service worker did not stop'))),
      ]);
      // Extension pages are refused (ERR_BLOCKED_BY_CLIENT) until the reloaded extension is up again.
      const started = Date.now();
      const probe = await context.newPage();
      try {
        for (;;) {
          const url = `chrome-extension://${extensionId}/popup.html`;
          if (
            await probe.goto(url).then(
              () => true,
              () => false,
            )
          )
            break;
          if (Date.now() - started > RELOAD_TIMEOUT_MS)
            throw new Error('the extension did not come back after runtime.reload()');
          await sleep(RELOAD_POLL_MS);
        }
      } finally {
        await probe.close();
      }
      hook(await serviceWorker(RELOAD_TIMEOUT_MS));
    },
    consoleErrors: () => Promise.resolve([...errors]),
    async closeTabs() {
      const blank = await context.newPage();
      await Promise.all(context.pages().map((page) => (page === blank ? null : page.close().catch(() => undefined))));
      firstTab = blank;
    },
    close: () => context.close(),
  };
}

function wrapPage(page: Page): LensPage {
  /** Touch input goes through the DevTools protocol: the persistent context was not created with `hasTouch`. */
  let touch: Promise<CDPSession> | null = null;
  const touchSession = () =>
    (touch ??= page
      .context()
      .newCDPSession(page)
      .then(async (cdp) => {
        await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
        return cdp;
      }));
  return {
    ...sharedPageActions(page),
    press: (keys) => page.keyboard.press(keys),
    // Sent without waiting for one key's answer before the next (the protocol keeps their order).
    async chord(keys) {
      await Promise.all(keys.map((key) => page.keyboard.down(key)));
      await Promise.all([...keys].reverse().map((key) => page.keyboard.up(key)));
    },
    // Every down and up sent without waiting for the one before, as `chord` does.
    async pressRepeatedly(keys, times) {
      if (times <= 0) return;
      const modifiers = keys.split('+');
      const key = modifiers.pop()!;
      await Promise.all([
        ...modifiers.map((modifier) => page.keyboard.down(modifier)),
        ...Array.from({ length: times }, () => [page.keyboard.down(key), page.keyboard.up(key)]).flat(),
        ...[...modifiers].reverse().map((modifier) => page.keyboard.up(modifier)),
      ]);
    },
    keyDown: (key) => page.keyboard.down(key),
    keyUp: (key) => page.keyboard.up(key),
    async tap(x, y) {
      const cdp = await touchSession();
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    },
  };
}
