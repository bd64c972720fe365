/**
 * What the showcase scripts share (screenshots.ts for the README, store-screenshots.ts for the stores): an extension
 * page at a size, a wait on it, and two scenes: the toolbar popup speaking about a web page, and a card opened from
 * the article's running text.
 */
import type { Page } from 'playwright-core';
import type { ChromiumLensBrowser } from '../../automation/chromium';
import { pageExpression, sleep, type LensPage } from '../../automation/lens-browser';

/** Polls the page (an extension page's CSP forbids the eval that page.waitForFunction uses). */
export async function until(page: Page, what: string, read: () => unknown): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await page.evaluate(pageExpression(read, null)).catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`no ${what} within 20 s`);
    await sleep(100);
  }
}

/** An extension page in a new tab of the given size. */
export async function extensionPage(
  lens: ChromiumLensBrowser,
  path: string,
  width: number,
  height: number,
): Promise<Page> {
  const worker = lens.context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (!worker) throw new Error('the extension service worker is not running');
  const page = await lens.context.newPage();
  await page.setViewportSize({ width, height });
  await page.goto(`chrome-extension://${new URL(worker.url()).host}/${path}`);
  return page;
}

/** The popup's size in the toolbar (popup.css). */
export const POPUP = { width: 380, height: 600 };

/**
 * Opens the popup about the tab showing `url` (opened and scanned already), painted and settled: "On this page" with
 * its names and the site's switches. The popup speaks about the tab given as ?tab= (components/popup/popup-api.ts),
 * found by its scan report, since the extension has no `tabs` permission to read tabs' addresses.
 */
export async function popupAboutPage(lens: ChromiumLensBrowser, url: string): Promise<Page> {
  const popup = await extensionPage(lens, 'popup.html', POPUP.width, POPUP.height);
  const tab = await popup.evaluate(async (url) => {
    type Api = {
      tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(...a: unknown[]): Promise<unknown> };
    };
    const api = (globalThis as unknown as { chrome: Api }).chrome;
    for (const t of await api.tabs.query({})) {
      const report = (await api.tabs
        .sendMessage(t.id!, { type: 'get-scan-report' }, { frameId: 0 })
        .catch(() => null)) as { url?: string } | null;
      if (report?.url === url) return t.id!;
    }
    return -1;
  }, url);
  if (tab < 0) throw new Error(`no tab showing ${url} answered`);
  await popup.goto(popup.url().replace(/popup\.html.*$/, `popup.html?tab=${tab}`));
  await until(popup, 'the page list', () => document.documentElement.dataset.page === 'page');
  await sleep(500);
  return popup;
}

/**
 * Scrolls the first mention of `text` in the article's running text to a quarter of the way down and rests the
 * pointer on it, so its card opens below it in full (the first mark of the page, Baku in the standfirst, would put
 * the card over the headline and cut it at the bottom).
 */
export async function hoverInRunningText(opened: LensPage, text: string): Promise<void> {
  const at = await opened.evaluate((text) => {
    const walker = document.createTreeWalker(document.querySelector('article') ?? document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const index = node.nodeValue?.indexOf(text) ?? -1;
      if (index < 0 || !node.parentElement?.closest('p') || node.parentElement.closest('header, figure, aside'))
        continue;
      const range = document.createRange();
      range.setStart(node, index);
      range.setEnd(node, index + text.length);
      scrollTo(0, range.getBoundingClientRect().top + scrollY - innerHeight / 4);
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + 12, y: rect.top + rect.height / 2 };
    }
    return null;
  }, text);
  if (!at) throw new Error(`"${text}" is not in the article's running text`);
  await opened.hover(at.x, at.y);
}
