/**
 * Firefox adapter: puppeteer-core over WebDriver BiDi, with the MV2 build installed as a temporary add-on.
 *
 * Two Firefox limits shape it (remote agent: extension contexts are skipped, bug 1755014):
 * - BiDi may not navigate to moz-extension: URLs, and reports no events from extension pages. Firefox is started
 *   with --remote-allow-system-access so the navigation is allowed; its load is then watched by polling the page.
 * - BiDi reports no console output from extension pages or the background page. Firefox is told to copy console
 *   calls to its stdout (devtools.console.stdout.content) and prints uncaught errors there too, so errors are read
 *   from the browser's output: one source for web pages, content scripts, extension pages and the background.
 * The add-on's moz-extension UUID is fixed through the `extensions.webextensions.uuids` pref.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type KeyInput, type Page } from 'puppeteer-core';
import {
  backgroundExpression,
  SCAN_LISTENER_SCRIPT,
  sharedPageActions,
  sleep,
  VIEWPORT,
  waitForScanReport,
  waitInPage,
  type ExtensionPageName,
  type LaunchOptions,
  type LensBrowser,
  type LensPage,
} from './lens-browser';

/** Any fixed v4 UUID: extension pages then live at a known moz-extension://UUID/ origin. */
const EXTENSION_UUID = '6f1c2a9e-4b7d-4e3a-9c58-2d0b7e41a6f3';
/**
 * Browser output is read through a pipe, from several processes. Before reporting errors: a marker logged by the
 * background must have come through (the extension process's output is flushed up to now), then the output must
 * have been quiet this long (web content processes write on their own; an error still on its way keeps it busy).
 */
const OUTPUT_QUIET_MS = 500;
/** The longest wait for the marker and the quiet, after which the errors seen so far are reported. */
const OUTPUT_FLUSH_TIMEOUT_MS = 10_000;
const FLUSH_MARKER = 'lens-e2e-output-flushed';
const EXTENSION_PAGE_TIMEOUT_MS = 15_000;
const RELOAD_POLL_MS = 250;
const RELOAD_SETTLE_MS = 1_500;

export async function launchFirefox({
  extensionDir,
  executablePath,
  headless = true,
  colorScheme = 'light',
  reducedMotion = false,
  proxy,
  profileDir,
}: LaunchOptions): Promise<LensBrowser> {
  const geckoId = readGeckoId(extensionDir);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless,
    defaultViewport: VIEWPORT,
    ...(profileDir ? { userDataDir: profileDir } : {}),
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }),
      // The add-on is temporary (installed again on each launch, uninstalled at shutdown): these keep its UUID and
      // data in the profile across restarts, as for an add-on installed for good (a signed install is not possible).
      'extensions.webextensions.keepStorageOnUninstall': true,
      'extensions.webextensions.keepUuidOnUninstall': true,
      'devtools.console.stdout.content': true,
      // What pages see as prefers-color-scheme (0 dark, 1 light): BiDi has no media emulation in Firefox.
      'layout.css.prefers-color-scheme.content-override': colorScheme === 'dark' ? 0 : 1,
      // What pages see as prefers-reduced-motion (1 reduce, 0 no preference).
      'ui.prefersReducedMotion': reducedMotion ? 1 : 0,
      ...(proxy ? firefoxProxyPrefs(proxy) : {}),
    },
  });
  const errors: string[] = [];
  const output = collectErrors(browser.process(), errors);
  try {
    await browser.installExtension(extensionDir);
  } catch (error) {
    await browser.close();
    throw error;
  }
  const origin = `moz-extension://${EXTENSION_UUID}`;

  let firstTab: Page | null = (await browser.pages()).find((page) => page.url() === 'about:blank') ?? null;
  const newTab = async (): Promise<Page> => {
    // The tab Firefox starts with does not get `defaultViewport` (it opens at the window's size): set it.
    if (firstTab) await sizeTab(firstTab);
    const tab = firstTab ?? (await browser.newPage());
    firstTab = null;
    return tab;
  };

  const openExtensionTab = async (name: ExtensionPageName): Promise<Page> => {
    const page = await newTab();
    const url = `${origin}/${name}`;
    // Never resolves for extension pages (no BiDi navigation events there); settled when the tab closes.
    void page.goto(url, { timeout: 0 }).catch(() => undefined);
    await waitInPage(
      wrapPage(page),
      (expected) => location.href === expected && document.readyState === 'complete',
      `${url} to load`,
      EXTENSION_PAGE_TIMEOUT_MS,
      url,
    );
    return page;
  };
  const openExtensionPage = async (name: ExtensionPageName): Promise<LensPage> =>
    wrapPage(await openExtensionTab(name));

  /** Through a helper tab: only extension pages reach the background page (`runtime.getBackgroundPage()`). */
  const evaluateInBackground: LensBrowser['evaluateInBackground'] = async (fn, arg) => {
    const helper = await openExtensionTab('popup.html');
    try {
      // The background's objects belong to another window: copied out as JSON before this tab closes.
      return (await helper.evaluate(`(async () => {
        const background = await browser.runtime.getBackgroundPage();
        const result = await ${backgroundExpression(fn, arg, 'background')};
        return JSON.parse(JSON.stringify(result ?? null));
      })()`)) as Awaited<ReturnType<typeof fn>>;
    } finally {
      await helper.close();
    }
  };

  return {
    name: 'firefox',
    extensionDir,
    async openPage(url) {
      const page = await newTab();
      await page.evaluateOnNewDocument(SCAN_LISTENER_SCRIPT);
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      return wrapPage(page);
    },
    openExtensionPage,
    scanReport: (page, timeoutMs) => waitForScanReport(page, timeoutMs),
    async backgroundAlive() {
      const page = await openExtensionPage('popup.html');
      try {
        return await page.evaluate(async () => {
          const runtime = (
            globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<Window | null> } } }
          ).browser.runtime;
          const background = await runtime.getBackgroundPage();
          return background?.document.readyState === 'complete';
        });
      } finally {
        await page.close();
      }
    },
    evaluateInBackground,
    async reloadExtension() {
      const backgroundStart = () =>
        evaluateInBackground((_: null, background) => background.performance.timeOrigin, null);
      const before = await backgroundStart();
      // Firefox closes an add-on's own tabs when it unloads it. Were they all the window had (a test that opened only
      // extension pages), the window would close with them and the browser quit (BiDi: "TabManager.getTabBrowser(...)
      // is null", then "Connection closed"). A blank tab keeps the window open until the add-on is back.
      const keeper = await browser.newPage();
      try {
        const helper = await openExtensionPage('popup.html');
        await helper.evaluate(() => {
          const runtime = (globalThis as unknown as { browser: { runtime: { reload(): void } } }).browser.runtime;
          setTimeout(() => runtime.reload(), 0);
        });
        // A tab opened while the add-on unloads can hang until its timeout: give the unload a head start.
        await sleep(RELOAD_SETTLE_MS);
        await helper.close().catch(() => undefined);
        // Back when an extension page loads again and a new background page (a later time origin) answers.
        const started = Date.now();
        while (Date.now() - started < EXTENSION_PAGE_TIMEOUT_MS) {
          const after = await backgroundStart().catch(() => null);
          if (after !== null && after !== before) return;
          await sleep(RELOAD_POLL_MS);
        }
        throw new Error('the extension did not come back after runtime.reload()');
      } finally {
        await keeper.close().catch(() => undefined);
      }
    },
    async consoleErrors() {
      const started = Date.now();
      const marker = `${FLUSH_MARKER} ${started}`;
      // The background may be gone (a test that breaks it on purpose): then only the quiet is waited for.
      const logged = await evaluateInBackground((text, background) => background.console.log(text), marker).then(
        () => true,
        () => false,
      );
      while (Date.now() - started < OUTPUT_FLUSH_TIMEOUT_MS) {
        const flushed = !logged || output.seen(marker);
        if (flushed && Date.now() - output.lastDataAt() >= OUTPUT_QUIET_MS) break;
        await sleep(50);
      }
      return [...errors];
    },
    async closeTabs() {
      // The blank tab first: a window whose last tab closes closes too, and Firefox quits with it.
      const blank = await browser.newPage();
      for (const page of await browser.pages()) if (page !== blank) await page.close().catch(() => undefined);
      firstTab = blank;
    },
    close: () => browser.close(),
  };
}

/**
 * Gives a tab VIEWPORT's size. puppeteer-core 24.43 sends `emulation.setScreenOrientationOverride` beside
 * `browsingContext.setViewport`, and Firefox ESR 140.12 does not know that command: puppeteer rejects as soon as that
 * one fails, while the size is still being applied. So that one error waits until the page has the size (puppeteer's
 * own `newPage` lets the error through for `defaultViewport`); any other error, or no such size within 5 s, throws.
 */
async function sizeTab(tab: Page): Promise<void> {
  try {
    await tab.setViewport(VIEWPORT);
  } catch (error) {
    if (!/unknown command emulation\.setScreenOrientationOverride/.test((error as Error).message)) throw error;
    await waitInPage(
      wrapPage(tab),
      ({ width, height }) => innerWidth === width && innerHeight === height,
      `the tab to be ${VIEWPORT.width}x${VIEWPORT.height}`,
      5_000,
      VIEWPORT,
    );
  }
}

/** Manual proxy for every protocol, localhost not exempt (Firefox never proxies localhost unless told to). */
function firefoxProxyPrefs(proxy: string): Record<string, unknown> {
  const [host, port] = proxy.split(':');
  return {
    'network.proxy.type': 1,
    'network.proxy.http': host,
    'network.proxy.http_port': Number(port),
    'network.proxy.ssl': host,
    'network.proxy.ssl_port': Number(port),
    'network.proxy.share_proxy_settings': true,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
  };
}

function readGeckoId(extensionDir: string): string {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${extensionDir}/manifest.json has no browser_specific_settings.gecko.id`);
  return id;
}

/**
 * Firefox's own modules log through named console instances ("RSLoader: …" when Nimbus cannot reach its dummy
 * server), which the same pref copies to stdout. Console calls from pages and extensions print their arguments
 * quoted or in parentheses (`console.error: "text"`), never as a bare `Name: ` prefix.
 */
const FIREFOX_LOGGER = /^[A-Za-z][\w.-]*:( |$)/;

/**
 * Keeps the error lines of Firefox's output: `console.error: …` (console calls from pages, extension pages and the
 * background) and `JavaScript error: URL, line N: …` for web and extension URLs (Firefox's own resource:/chrome:
 * scripts also report there, and are not ours).
 */
function collectErrors(
  process: ReturnType<Browser['process']>,
  errors: string[],
): { lastDataAt(): number; seen(marker: string): boolean } {
  let lastDataAt = Date.now();
  const markers = new Set<string>();
  for (const stream of [process?.stdout, process?.stderr]) {
    let partial = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      lastDataAt = Date.now();
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        const marker = line.indexOf(FLUSH_MARKER);
        if (marker >= 0)
          markers.add(
            line
              .slice(marker)
              .replace(/["')]+$/, '')
              .trim(),
          );
        const consoleError = /^console\.error: (.*)$/.exec(line);
        if (consoleError && !FIREFOX_LOGGER.test(consoleError[1]!)) errors.push(`[console.error] ${consoleError[1]}`);
        const jsError = /^JavaScript error: ((?:moz-extension|https?):\/\/[^,]*), line (\d+): (.*)$/.exec(line);
        if (jsError) errors.push(`[uncaught] ${jsError[1]}:${jsError[2]}: ${jsError[3]}`);
      }
    });
  }
  return { lastDataAt: () => lastDataAt, seen: (marker) => markers.has(marker) };
}

function wrapPage(page: Page): LensPage {
  return {
    ...sharedPageActions(page),
    async press(keys) {
      // Puppeteer has no chord syntax: hold the modifiers, press the key, release in reverse.
      const parts = keys.split('+') as KeyInput[];
      const key = parts.pop()!;
      for (const modifier of parts) await page.keyboard.down(modifier);
      await page.keyboard.press(key);
      for (const modifier of parts.reverse()) await page.keyboard.up(modifier);
    },
    // One WebDriver BiDi action with a key source per key: every key goes down in the same tick, and comes up in the
    // next (page.keyboard sends one command per key, each waiting for the page to take the key).
    async chord(keys) {
      const context = (page.mainFrame() as unknown as { browsingContext: BidiActions }).browsingContext;
      await context.performActions(
        keys.map((key, i) => ({
          type: 'key',
          id: `lens-chord-${i}`,
          actions: [
            { type: 'keyDown', value: bidiKey(key) },
            { type: 'keyUp', value: bidiKey(key) },
          ],
        })),
      );
    },
    // One WebDriver BiDi action sequence of a single key source: Firefox dispatches each of its key actions, and the
    // page handles it, before the next.
    async pressRepeatedly(keys, times) {
      if (times <= 0) return;
      const modifiers = keys.split('+').map(bidiKey);
      const key = modifiers.pop()!;
      const context = (page.mainFrame() as unknown as { browsingContext: BidiActions }).browsingContext;
      await context.performActions([
        {
          type: 'key',
          id: 'lens-repeat',
          actions: [
            ...modifiers.map((value) => ({ type: 'keyDown' as const, value })),
            ...Array.from({ length: times }, () => [
              { type: 'keyDown' as const, value: key },
              { type: 'keyUp' as const, value: key },
            ]).flat(),
            ...[...modifiers].reverse().map((value) => ({ type: 'keyUp' as const, value })),
          ],
        },
      ]);
    },
    keyDown: (key) => page.keyboard.down(key as KeyInput),
    keyUp: (key) => page.keyboard.up(key as KeyInput),
    // WebDriver BiDi pointer actions of type "touch": Firefox turns them into touch and pointer events and a click.
    tap: (x, y) => page.touchscreen.tap(x, y),
  };
}

/** The part of puppeteer's BiDi browsing context that sends input actions (puppeteer does not export its type). */
interface BidiActions {
  performActions(
    actions: { type: 'key'; id: string; actions: { type: 'keyDown' | 'keyUp'; value: string }[] }[],
  ): Promise<void>;
}

/** A key name (as `press` takes them) as WebDriver's key value: a character, or a modifier's or Tab's code point. */
function bidiKey(key: string): string {
  const modifiers: Record<string, string> = {
    Shift: '\uE008',
    Control: '\uE009',
    Alt: '\uE00A',
    Meta: '\uE03D',
    Tab: '\uE004',
  };
  const letter = /^Key([A-Z])$/.exec(key)?.[1];
  const value = modifiers[key] ?? letter?.toLowerCase() ?? ([...key].length === 1 ? key : undefined);
  if (value === undefined) throw new Error(`no WebDriver key value for ${key}`);
  return value;
}
