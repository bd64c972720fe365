/**
 * The built extension in real browsers: the content script runs and reports, the extension pages render, the
 * background answers, and nothing anywhere logs an error. Every test runs in Chromium and in Firefox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browsersUnderTest } from '../../automation/browsers';
import { borrowLensBrowser } from '../../automation/shared-browser';
import { renderedText, sleep, type ExtensionPageName, type LensBrowser } from '../../automation/lens-browser';
import { startStaticServer, type StaticServer } from '../../automation/static-server';

const STRICT_CSP = { 'Content-Security-Policy': "default-src 'none'" };

/**
 * Each extension page, the element that shows it rendered, and what that says (loosely: the wording belongs to the
 * components). The popup opens straight onto its search box and has no heading.
 */
const EXTENSION_PAGES: [ExtensionPageName, string, RegExp][] = [
  ['popup.html', 'h1, input[aria-label]', /caspian lens|search/i],
  ['options.html', 'h1', /settings/i],
  ['library.html', 'h1', /snippets|library/i],
];

/** How long after a scan report to keep listening for late requests from the page or the extension. */
const QUIET_PERIOD_MS = 500;

describe.each(browsersUnderTest())('%s with the built extension', (browserName) => {
  let server: StaticServer;
  let lens: LensBrowser;

  beforeAll(async () => {
    server = await startStaticServer({ headers: { '/csp-article.html': STRICT_CSP } });
    lens = await borrowLensBrowser(browserName);
  });

  afterAll(async () => {
    await lens?.close();
    await server?.close();
  });

  it('the content script scans a page on 127.0.0.1 and reports, requesting nothing', async () => {
    const url = server.url('/article.html');
    const before = server.requests.length;
    const page = await lens.openPage(url);
    const report = await lens.scanReport(page);

    expect(report.url).toBe(url);
    expect(report.scanMs).toBeGreaterThanOrEqual(0);
    expect(report.longestSliceMs).toBeGreaterThanOrEqual(0);
    // The article names these (among others): a scan that finds nothing, or misses one, fails here.
    expect(report.mentions.map((m) => m.entityId)).toEqual(
      expect.arrayContaining(['ilham-aliyev', 'baku', 'middle-corridor']),
    );
    for (const mention of report.mentions) {
      expect(mention).toMatchObject({
        entityId: expect.any(String),
        name: expect.any(String),
        text: expect.any(String),
        count: expect.any(Number),
      });
    }
    await sleep(QUIET_PERIOD_MS);
    // "Works offline; sends nothing anywhere": the page's own two files are all the server may see.
    const paths = server.requests.slice(before).map((request) => request.path);
    expect(paths.sort()).toEqual(['/article.css', '/article.html']);
    await page.close();
  });

  it("runs under a page's strict Content-Security-Policy", async () => {
    const url = server.url('/csp-article.html');
    const page = await lens.openPage(url);
    const report = await lens.scanReport(page);
    expect(report.url).toBe(url);
    await page.close();
  });

  it.each(EXTENSION_PAGES)('%s renders (%s)', async (name, selector, text) => {
    const page = await lens.openExtensionPage(name);
    expect(await renderedText(page, selector)).toMatch(text);
    await page.close();
  });

  it('the background is alive', async () => {
    expect(await lens.backgroundAlive()).toBe(true);
  });

  // Last, so it covers everything above: pages, content scripts, extension pages and the background.
  it('nothing logged an error or threw', async () => {
    expect(await lens.consoleErrors()).toEqual([]);
  });
});
