/**
 * Hostile pages (tests/e2e/fixtures/hostile/): the extension keeps working on each, in Chromium and Firefox, and
 * nothing throws in the page, the extension pages or the background. Timings are printed, not judged, except where a
 * bound is the point (no long scanning slice on a 10 MB text node, the page's own timers keep running).
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browsersUnderTest, launchLensBrowser } from '../../automation/browsers';
import { renderedText, sleep, waitInPage, type LensBrowser, type LensPage } from '../../automation/lens-browser';
import { FIXTURES_DIR, startStaticServer, type StaticServer } from '../../automation/static-server';
import type { ScanReport } from '../../lib/messaging/messages';
import { browserNoise } from './privacy-tools';

const BIG_PAGE_REPORT_MS = 90_000;
/** A single scanning slice aims at 8 ms; this bound only catches unsliced work (a 10 MB block took 570 ms). */
const LONGEST_SLICE_BOUND_MS = 400;
/** The storm fixture runs this long in tests; the benchmark runs the full minute. */
const STORM_SECONDS = 10;
/**
 * The page's 10 ms timer must keep firing while the extension works: at least this share of its ideal count. Loose on
 * purpose (a busy CI machine alone costs a third of the ticks); it catches a hung page, while `npm run bench` measures
 * the extension's share of main-thread time.
 */
const STORM_TICK_FLOOR = 0.25;

/** How long a page where the content script may or may not run is given to report (a real scan reports in < 1 s). */
const QUIET_REPORT_MS = 5_000;

/** How long to wait for the PDF viewer or an internal page to open before moving on. */
const INTERNAL_PAGE_WAIT_MS = 8_000;

const total = (report: ScanReport) => report.mentions.reduce((sum, m) => sum + m.count, 0);
const ids = (report: ScanReport) => new Set(report.mentions.map((m) => m.entityId));

/** Round trip of a trivial evaluate: how long the page's main thread takes to answer. */
async function responsiveness(page: LensPage): Promise<number> {
  const started = Date.now();
  await page.evaluate(() => 1);
  return Date.now() - started;
}

describe.each(browsersUnderTest())('%s on hostile pages', (browserName) => {
  let server: StaticServer;
  let lens: LensBrowser;

  beforeAll(async () => {
    server = await startStaticServer({ headers: { '/hostile/tiny.pdf': { 'Content-Type': 'application/pdf' } } });
    lens = await launchLensBrowser(browserName);
  });

  afterAll(async () => {
    await lens?.close();
    await server?.close();
  });

  it('a page of 200,000 nodes is scanned', async () => {
    const page = await lens.openPage(server.url('/hostile/many-nodes.html'));
    const report = await lens.scanReport(page, BIG_PAGE_REPORT_MS);
    expect(
      await page.evaluate(() => (window as unknown as { __nodeCount: number }).__nodeCount),
    ).toBeGreaterThanOrEqual(200_000);
    expect(ids(report)).toContain('ilham-aliyev');
    expect(total(report)).toBeGreaterThan(500);
    console.info(
      `[robustness] ${browserName} 200k nodes: scan ${report.scanMs} ms, longest slice ${report.longestSliceMs} ms`,
    );
    expect(await responsiveness(page)).toBeLessThan(5_000);
    await page.close();
  });

  it('a page nested 5,000 elements deep is scanned to the bottom', async () => {
    const page = await lens.openPage(server.url('/hostile/deep-nesting.html'));
    const report = await lens.scanReport(page);
    expect(await page.evaluate(() => (window as unknown as { __depth: number }).__depth)).toBe(5000);
    // "The deepest text mentions Baku." sits at depth 5,000.
    expect(ids(report)).toContain('baku');
    expect(total(report)).toBeGreaterThanOrEqual(15);
    await page.close();
  });

  it('a 10 MB text node is scanned in short slices', async () => {
    const page = await lens.openPage(server.url('/hostile/huge-text.html'));
    const report = await lens.scanReport(page, BIG_PAGE_REPORT_MS);
    expect(await page.evaluate(() => (window as unknown as { __textLength: number }).__textLength)).toBe(
      10 * 1024 * 1024,
    );
    expect(total(report)).toBeGreaterThan(100);
    console.info(
      `[robustness] ${browserName} 10 MB text: scan ${report.scanMs} ms, longest slice ${report.longestSliceMs} ms`,
    );
    expect(report.longestSliceMs).toBeLessThan(LONGEST_SLICE_BOUND_MS);
    await page.close();
  });

  it(`a page mutating its DOM every 10 ms (${STORM_SECONDS} s) keeps its timers and its marks`, async () => {
    const page = await lens.openPage(server.url(`/hostile/mutation-storm.html?s=${STORM_SECONDS}`));
    const first = await lens.scanReport(page);
    const ticks = await waitInPage(
      page,
      () => (window as unknown as { __stormDone: number }).__stormDone,
      'the storm to end',
      (STORM_SECONDS + 30) * 1000,
    );
    const last = await lens.scanReport(page);
    const share = (last.scanMs - first.scanMs) / (STORM_SECONDS * 1000);
    console.info(
      `[robustness] ${browserName} storm: ${ticks} ticks of ${STORM_SECONDS * 100} ideal; scanning took ${(share * 100).toFixed(1)}% of the time`,
    );
    expect(ticks).toBeGreaterThan(STORM_SECONDS * 100 * STORM_TICK_FLOOR);
    // After the storm the marks settle on what the page now holds: the steady paragraph is still marked, and there
    // are no more marks than names on the page (no leak of ranges into removed nodes). Read once the marks have
    // stood still for a second (five readings 250 ms apart), at most 10 s: the last rescan has been painted.
    const readMarks = () =>
      page.evaluate(() => {
        const highlight = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.get(
          'lens-mention',
        );
        let connected = 0;
        for (const range of highlight ?? []) if (range.startContainer.isConnected) connected++;
        return { marks: highlight?.size ?? 0, connected };
      });
    let state = await readMarks();
    for (let still = 0, started = Date.now(); still < 4 && Date.now() - started < 10_000;) {
      await sleep(250);
      const now = await readMarks();
      still = now.marks === state.marks && now.connected === state.connected ? still + 1 : 0;
      state = now;
    }
    expect(state.marks).toBeGreaterThanOrEqual(2);
    expect(state.connected).toBe(state.marks);
    await page.close();
  });

  it('a page that replaced Array.prototype methods, window.Node and friends is scanned all the same', async () => {
    const page = await lens.openPage(server.url('/hostile/tampered-globals.html'));
    // Evaluating fails until the page restores its built-ins (on the first report); waitInPage retries.
    const detail = await waitInPage(
      page,
      () => (window as unknown as { __lensReport?: string }).__lensReport,
      'a report',
    );
    expect(await page.evaluate(() => (window as unknown as { __tampered: boolean }).__tampered)).toBe(true);
    const report = JSON.parse(String(detail)) as ScanReport;
    for (const id of ['ilham-aliyev', 'tokayev', 'baku', 'tanap']) expect(ids(report)).toContain(id);
    await page.close();
  });

  it.each([8, 9, 10])('random hostile markup (seed %i) is scanned', async (seed) => {
    const page = await lens.openPage(server.url(`/hostile/fuzz-markup.html?seed=${seed}`));
    const report = await lens.scanReport(page);
    // The paragraph appended last splits both names across inline tags.
    expect(ids(report)).toContain('ilham-aliyev');
    expect(report.longestSliceMs).toBeLessThan(LONGEST_SLICE_BOUND_MS);
    await page.close();
  });

  it('about:blank, data: and file: pages keep their markup, keep answering and throw nothing', async () => {
    const file = join(FIXTURES_DIR, 'article.html');
    const pages: [string, string][] = [
      ['about:blank', ''],
      ['data:text/html,<p>Ilham Aliyev visited Baku.</p>', '<p>Ilham Aliyev visited Baku.</p>'],
      [pathToFileURL(file).href, readFileSync(file, 'utf8')],
    ];
    const errorsBefore = (await lens.consoleErrors()).length;
    for (const [url, source] of pages) {
      const page = await lens.openPage(url);
      // Whether the browser lets the content script in differs (Chromium reads file: pages of an unpacked extension,
      // Firefox data: pages): where it runs, its report says it has finished; where it does not, none comes.
      const report = await lens.scanReport(page, QUIET_REPORT_MS).catch(() => null);
      const state = await page.evaluate((source) => {
        const parsed = new DOMParser().parseFromString(source, 'text/html');
        const marks = (CSS as unknown as { highlights?: Map<string, { size: number }> }).highlights?.get(
          'lens-mention',
        );
        return {
          // Marks are CSS highlights: the page's own markup is exactly what it was sent.
          untouched:
            new XMLSerializer().serializeToString(parsed.body).trim() ===
            new XMLSerializer().serializeToString(document.body).trim(),
          injected: [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('lens-')).length,
          marks: marks?.size ?? 0,
        };
      }, source);
      expect(state, url).toMatchObject({ untouched: true, injected: 0 });
      // Marks only where a scan ran and found names.
      if (!report) expect(state.marks, url).toBe(0);
      console.info(
        `[robustness] ${browserName} ${url.slice(0, 24)}: ${report ? `scanned, ${state.marks} marks` : 'not scanned'}`,
      );
      expect(await responsiveness(page)).toBeLessThan(5_000);
      await page.close();
    }
    expect(browserNoise((await lens.consoleErrors()).slice(errorsBefore))).toEqual([]);
  });

  it("the browser's PDF viewer and its internal pages open without an error of ours", async () => {
    const internal = browserName === 'chromium' ? ['chrome://version/'] : ['about:robots'];
    const errorsBefore = (await lens.consoleErrors()).length;
    for (const url of [server.url('/hostile/tiny.pdf'), ...internal]) {
      // Some of these are not navigable in every automation mode (a PDF may download headless): that is fine, the
      // point is that nothing of ours throws while the browser shows them.
      // Firefox's PDF viewer never reports the load the harness waits for: give each page a few seconds, no more.
      const opening = lens.openPage(url).catch(() => null);
      const page = await Promise.race([opening, sleep(INTERNAL_PAGE_WAIT_MS).then(() => null)]);
      await page?.close().catch(() => undefined);
    }
    // consoleErrors waits until the browser's output has settled (automation/*.ts), so late errors count.
    expect(browserNoise((await lens.consoleErrors()).slice(errorsBefore))).toEqual([]);
    expect(await lens.backgroundAlive()).toBe(true);
  });

  it('the background is still alive and the popup still renders', async () => {
    expect(await lens.backgroundAlive()).toBe(true);
    const popup = await lens.openExtensionPage('popup.html');
    expect(await renderedText(popup, 'input[aria-label]')).toMatch(/search/i);
    await popup.close();
  });

  it('nothing threw or logged an error in pages, extension pages or the background', async () => {
    expect(browserNoise(await lens.consoleErrors())).toEqual([]);
  });
});
