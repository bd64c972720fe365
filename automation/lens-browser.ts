/**
 * The one interface both browser adapters implement, so each end-to-end test runs unchanged in Chromium and Firefox,
 * plus the page objects built on it (scan report, hovering a name, headings).
 *
 * Everything run inside pages goes through `LensPage.evaluate`, which sends the function's source as a string:
 * one path for playwright and puppeteer, and safe from the `__name()` helper that tsx/esbuild insert when keeping names.
 */
import type { ScanReport } from '../lib/messaging/messages';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSER_NAMES: readonly BrowserName[] = ['chromium', 'firefox'];

export type ExtensionPageName = 'popup.html' | 'options.html' | 'library.html';

export interface LensPage {
  /** Runs `fn(arg)` in the page's own world (never the content script's); `arg` and the result must be JSON. */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Saves a PNG of the viewport (or the whole page). */
  screenshot(path: string, options?: { fullPage?: boolean }): Promise<void>;
  /** Moves the pointer to a point in the viewport, in CSS pixels. */
  hover(x: number, y: number): Promise<void>;
  /**
   * Presses a key or a chord as a person would, with trusted events and default actions (focus moves on `Tab`):
   * `Tab`, `Shift+Tab`, `Escape`, `Alt+Shift+KeyM`. Modifiers first, joined with `+`; key names as in KeyboardEvent.code
   * or .key.
   */
  press(keys: string): Promise<void>;
  /**
   * A chord pressed in one go: every key down with nothing waited for between them, then every key up in reverse.
   * `press` waits for the page to take each key before sending the next, so its keys land 10-230 ms apart when the
   * page is busy (as it is after the first key of the shortcut): timings from the last key then vary with that gap.
   */
  chord(keys: string[]): Promise<void>;
  /**
   * `press(keys)` `times` times over, the modifiers held through them (as a person holds Shift while pressing Tab
   * again and again): the same key events in the same order, sent in one go instead of a round trip per press, each
   * taken by the page before the next (the protocol keeps their order). A keyboard walk of a page is 50–200 presses.
   */
  pressRepeatedly(keys: string, times: number): Promise<void>;
  /** Holds a key down (`Alt`, `Shift`...) until `keyUp`: pointer moves and clicks meanwhile carry the modifier. */
  keyDown(key: string): Promise<void>;
  keyUp(key: string): Promise<void>;
  /** A mouse click (left button down and up) at a point in the viewport, in CSS pixels. */
  click(x: number, y: number): Promise<void>;
  /**
   * A finger tap at a point in the viewport, through the browser's touch input (touch events, pointer events of
   * type `touch`, then the click the browser synthesises), not events made up in the page.
   */
  tap(x: number, y: number): Promise<void>;
  close(): Promise<void>;
}

export interface LensBrowser {
  readonly name: BrowserName;
  /** The unpacked extension this browser runs. */
  readonly extensionDir: string;
  /**
   * Opens a web page in a new tab, with the scan-report listener registered before the page's first script.
   * Resolves at DOMContentLoaded (the content script runs at document_idle; `scanReport` waits for it).
   */
  openPage(url: string): Promise<LensPage>;
  /** Opens one of the extension's own pages in a tab and waits until it has loaded. */
  openExtensionPage(page: ExtensionPageName): Promise<LensPage>;
  /** The content script's latest scan report for a page opened with `openPage`. */
  scanReport(page: LensPage, timeoutMs?: number): Promise<ScanReport>;
  /** True when the background (service worker or background page) is running and answers. */
  backgroundAlive(): Promise<boolean>;
  /**
   * Runs `fn(arg, background)` with the background's global object (the service worker's own global in Chromium; in
   * Firefox the background page's window, reached from a helper extension tab that is open meanwhile). `fn` is sent
   * as source, so it closes over nothing; `arg` and the result must be JSON.
   */
  evaluateInBackground<R, A = undefined>(
    fn: (arg: A, background: typeof globalThis) => R | Promise<R>,
    arg?: A,
  ): Promise<R>;
  /** Reloads the extension (`runtime.reload()`) and resolves once its pages load and its background answers again. */
  reloadExtension(): Promise<void>;
  /** Every uncaught error and console.error so far, in web pages, extension pages and the background. */
  consoleErrors(): Promise<string[]>;
  /** Closes every tab and window, leaving one blank tab (the next page opens in it): a browser as just launched. */
  closeTabs(): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  extensionDir: string;
  executablePath: string;
  /** Defaults to true. */
  headless?: boolean;
  /** The system colour scheme pages see (`prefers-color-scheme`); defaults to light. */
  colorScheme?: 'light' | 'dark';
  /** Whether pages see `prefers-reduced-motion: reduce`; defaults to no preference. */
  reducedMotion?: boolean;
  /**
   * A profile folder kept on disk, to close the browser and find the extension's data again on the next launch with
   * the same folder. Default: a fresh temporary profile, removed on close.
   */
  profileDir?: string;
  /**
   * `host:port` of an HTTP proxy that EVERY request of the browser goes through, loopback included: pages, extension
   * pages, the background, content scripts (tests/e2e/privacy.test.ts records them there).
   */
  proxy?: string;
}

/** Viewport for every page: a laptop screen, so screenshots and card placement look like real use. */
export const VIEWPORT = { width: 1280, height: 900 } as const;

const SCAN_REPORT_TIMEOUT_MS = 30_000;
/** How long to trust the init-script listener alone before asking the content script to announce again. */
const REPORT_REQUEST_AFTER_MS = 1_000;
const POLL_MS = 100;

/**
 * What Playwright's and Puppeteer's pages do alike (the same calls, the same shape): the LensPage methods both
 * drivers share. Keys and touch differ, and each driver adds its own.
 */
interface DriverPage {
  evaluate(expression: string): Promise<unknown>;
  screenshot(options: { path: string; fullPage: boolean }): Promise<unknown>;
  mouse: { move(x: number, y: number): Promise<void>; click(x: number, y: number): Promise<void> };
  close(): Promise<void>;
}

export function sharedPageActions(
  page: DriverPage,
): Pick<LensPage, 'evaluate' | 'screenshot' | 'hover' | 'click' | 'close'> {
  return {
    evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
      return page.evaluate(pageExpression(fn, arg)) as Promise<R>;
    },
    async screenshot(path, options) {
      await page.screenshot({ path, fullPage: options?.fullPage ?? false });
    },
    hover: (x, y) => page.mouse.move(x, y),
    click: (x, y) => page.mouse.click(x, y),
    close: () => page.close(),
  };
}

/** The source for `LensPage.evaluate` and init scripts: `fn(arg)` as an expression, with esbuild's `__name` stubbed. */
export function pageExpression(fn: (arg: never) => unknown, arg: unknown): string {
  return `(() => { const __name = (f) => f; return (${fn.toString()})(${JSON.stringify(arg ?? null)}); })()`;
}

/** Like `pageExpression`, for `fn(arg, background)`: `background` is the expression given (a global's name). */
export function backgroundExpression(
  fn: (arg: never, background: never) => unknown,
  arg: unknown,
  background: string,
): string {
  return `(() => { const __name = (f) => f; return (${fn.toString()})(${JSON.stringify(arg ?? null)}, ${background}); })()`;
}

/**
 * Keeps every `lens-scan-done` detail in `window.__lensE2E.reports`. Registered before navigation as an init script,
 * and again (harmlessly) when waiting, for pages that were not opened through `openPage`.
 * Names match page/report-event.ts (SCAN_DONE_EVENT); the harness does not import page code into Node.
 */
function installScanListener(): void {
  const w = window as unknown as { __lensE2E?: { reports: string[] } };
  if (w.__lensE2E) return;
  const store = { reports: [] as string[] };
  w.__lensE2E = store;
  document.addEventListener('lens-scan-done', (event) => {
    store.reports.push(String((event as CustomEvent<unknown>).detail));
  });
}

export const SCAN_LISTENER_SCRIPT = pageExpression(installScanListener, null);

/**
 * Waits for the content script's scan report. If none arrived through the init-script listener within a second, the
 * page is asked with `lens-report-request` (the content script answers late listeners by announcing again).
 */
export async function waitForScanReport(page: LensPage, timeoutMs = SCAN_REPORT_TIMEOUT_MS): Promise<ScanReport> {
  const started = Date.now();
  let lastError: unknown = null;
  while (Date.now() - started < timeoutMs) {
    const ask = Date.now() - started >= REPORT_REQUEST_AFTER_MS;
    try {
      if (ask) await page.evaluate(installScanListener);
      const detail = await page.evaluate(
        ({ ask }) => {
          const reports = (window as unknown as { __lensE2E?: { reports: string[] } }).__lensE2E?.reports ?? [];
          if (reports.length === 0 && ask) document.dispatchEvent(new CustomEvent('lens-report-request'));
          return reports.length > 0 ? reports[reports.length - 1]! : null;
        },
        { ask },
      );
      if (detail !== null) return parseScanReport(detail);
    } catch (error) {
      lastError = error; // the page may be navigating; try again until the deadline
    }
    await sleep(POLL_MS);
  }
  const why = lastError instanceof Error ? ` (last error: ${lastError.message.split('\n')[0]})` : '';
  throw new Error(`no scan report within ${Math.round(timeoutMs / 1000)} s: is the content script running?${why}`);
}

function parseScanReport(detail: string): ScanReport {
  const report = JSON.parse(detail) as Partial<ScanReport>;
  if (typeof report.url !== 'string' || !Array.isArray(report.mentions) || typeof report.scanMs !== 'number') {
    throw new Error(`malformed scan report: ${detail.slice(0, 200)}`);
  }
  return report as ScanReport;
}

/** Polls `read(arg)` in the page until it returns something other than null, undefined, false or ''. */
export async function waitInPage<R, A = undefined>(
  page: LensPage,
  read: (arg: A) => R,
  what: string,
  timeoutMs = 10_000,
  arg?: A,
): Promise<NonNullable<R>> {
  const started = Date.now();
  for (;;) {
    const value = await page.evaluate(read, arg).catch(() => null);
    if (value !== null && value !== undefined && value !== '' && value !== false) return value as NonNullable<R>;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(POLL_MS);
  }
}

/** The label (aria-label, else text) of the first element matching `selector`, once the page has rendered one. */
export function renderedText(page: LensPage, selector: string): Promise<string> {
  return waitInPage(
    page,
    (selector) => {
      const element = document.querySelector(selector);
      return (element?.getAttribute('aria-label') ?? element?.textContent ?? '').trim() || null;
    },
    `${selector} to render`,
    10_000,
    selector,
  );
}

/**
 * Hovers the first mark on the page (the first range in the page's CSS highlights) or, when there is none, the
 * first occurrence in document order of any of `texts`. Scrolls it to the middle of the viewport first.
 * Returns what was hovered, or null when nothing was found.
 */
export async function hoverFirstMention(page: LensPage, texts: readonly string[]): Promise<string | null> {
  const target = await page.evaluate(
    ({ texts }) => {
      let best: Range | null = null;
      const highlights = (CSS as unknown as { highlights?: Iterable<[string, Iterable<AbstractRange>]> }).highlights;
      for (const [, highlight] of highlights ?? []) {
        for (const abstract of highlight) {
          const range = document.createRange();
          range.setStart(abstract.startContainer, abstract.startOffset);
          range.setEnd(abstract.endContainer, abstract.endOffset);
          if (!best || range.compareBoundaryPoints(Range.START_TO_START, best) < 0) best = range;
        }
      }
      if (!best) {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node && !best; node = walker.nextNode()) {
          const data = node.nodeValue ?? '';
          let at = -1;
          let length = 0;
          for (const text of texts) {
            const index = data.indexOf(text);
            if (index >= 0 && (at < 0 || index < at)) [at, length] = [index, text.length];
          }
          if (at >= 0) {
            best = document.createRange();
            best.setStart(node, at);
            best.setEnd(node, at + length);
          }
        }
      }
      if (!best) return null;
      best.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
      const rect = best.getClientRects()[0] ?? best.getBoundingClientRect();
      return { text: best.toString(), x: rect.left + Math.min(rect.width / 2, 12), y: rect.top + rect.height / 2 };
    },
    { texts: [...texts] },
  );
  if (!target) return null;
  await page.hover(target.x, target.y);
  return target.text;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
