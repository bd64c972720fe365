/**
 * Chromium adapter: a playwright-core persistent context with the MV3 build loaded unpacked.
 * The extension id comes from the service worker's URL. Console errors are collected from every page, extension page
 * and the service worker (uncaught errors in the worker are turned into console.error by a small hook, because
 * playwright reports a worker's console but not its uncaught errors).
 */
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import {
  pageExpression,
  SCAN_LISTENER_SCRIPT,
  VIEWPORT,
  waitForScanReport,
  type ExtensionPageName,
  type LaunchOptions,
  type LensBrowser,
  type LensPage,
} from './lens-browser';

export interface ChromiumLensBrowser extends LensBrowser {
  /** The underlying context, for the headed demo (`npm start`), which waits for the user to close it. */
  readonly context: BrowserContext;
  /** The tab the browser opened with, until something navigates it. */
  readonly firstTab: Page | null;
}

const SERVICE_WORKER_TIMEOUT_MS = 10_000;

const WORKER_ERROR_HOOK = `(() => {
  if (self.__lensErrorHook) return;
  self.__lensErrorHook = true;
  self.addEventListener('error', (e) => console.error('[uncaught] ' + (e.error?.stack ?? e.message)));
  self.addEventListener('unhandledrejection', (e) => console.error('[unhandled rejection] ' + (e.reason?.stack ?? e.reason)));
})()`;

export async function launchChromium({
  extensionDir,
  executablePath,
  headless = true,
  colorScheme = 'light',
  proxy,
}: LaunchOptions): Promise<ChromiumLensBrowser> {
  const context = await chromium.launchPersistentContext('', {
    executablePath,
    headless,
    viewport: VIEWPORT,
    colorScheme,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
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
  let worker = context.serviceWorkers().find(isOurs);
  try {
    worker ??= await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: SERVICE_WORKER_TIMEOUT_MS });
  } catch {
    await context.close();
    throw new Error(`the extension's service worker did not start within ${SERVICE_WORKER_TIMEOUT_MS / 1000} s`);
  }
  context.serviceWorkers().forEach(hook);
  const extensionId = new URL(worker.url()).host;

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
    async openPage(url) {
      const page = await newTab();
      await page.addInitScript(SCAN_LISTENER_SCRIPT);
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      return wrapPage(page);
    },
    async openExtensionPage(name: ExtensionPageName) {
      const page = await newTab();
      await page.goto(`chrome-extension://${extensionId}/${name}`, { waitUntil: 'load' });
      return wrapPage(page);
    },
    scanReport: (page, timeoutMs) => waitForScanReport(page, timeoutMs),
    async backgroundAlive() {
      const current = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
      if (!current) return false;
      return (await current.evaluate('typeof chrome.runtime.id === "string"').catch(() => false)) === true;
    },
    consoleErrors: () => Promise.resolve([...errors]),
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
    evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
      return page.evaluate(pageExpression(fn, arg)) as Promise<R>;
    },
    async screenshot(path, options) {
      await page.screenshot({ path, fullPage: options?.fullPage ?? false });
    },
    hover: (x, y) => page.mouse.move(x, y),
    press: (keys) => page.keyboard.press(keys),
    keyDown: (key) => page.keyboard.down(key),
    keyUp: (key) => page.keyboard.up(key),
    click: (x, y) => page.mouse.click(x, y),
    async tap(x, y) {
      const cdp = await touchSession();
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    },
    close: () => page.close(),
  };
}
