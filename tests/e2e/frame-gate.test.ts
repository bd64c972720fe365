/**
 * The content script's gate (page/frame-gate.ts, issue 17): a small embedded frame whose words start no name the fact
 * base knows (the gate's screen, lib/screen/frame-screen.ts) asks nobody; one whose words may sends its text with
 * start-lens, and the background injects the scanner stage only where its matcher finds a name. The top page's gate
 * (page/top-gate.ts) sends the page's text with start-lens: the stage paints the matches that come with its start,
 * and a page that names nothing gets no stage until its text names something or the reader saves a selection. The frame is another origin's
 * (two servers on two ports), as ads are. What went where is read from the test build's log of the frames the stage
 * was injected into, or not (`lensStarts`, entrypoints/background.ts), and its count of messages by type.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browsersUnderTest } from '../../automation/browsers';
import { borrowLensBrowser } from '../../automation/shared-browser';
import { sleep, waitInPage, type LensBrowser } from '../../automation/lens-browser';
import { startStaticServer, type StaticServer } from '../../automation/static-server';
import { contentMessages } from './attacks-tools';
import { CardPage } from './pages/card-page';
import { saveVia, selectText } from './snippets-driver';
import { LibraryPage } from './pages/library-page';

let server: StaticServer;
let other: StaticServer;
beforeAll(async () => {
  server = await startStaticServer();
  other = await startStaticServer();
});
afterAll(async () => {
  await server?.close();
  await other?.close();
});

/** Whether the scanner stage went into each frame that sent start-lens from `url`, in order (the test build's log). */
function starts(lens: LensBrowser, url: string): Promise<boolean[]> {
  return lens.evaluateInBackground(
    (frame: string, background) =>
      ((background as unknown as { lensStarts?: { url: string; stage: boolean }[] }).lensStarts ?? [])
        .filter((start) => start.url === frame)
        .map((start) => start.stage),
    url,
  );
}

describe.each(browsersUnderTest())('%s: the gate', (name) => {
  let lens: LensBrowser;
  beforeAll(async () => {
    lens = await borrowLensBrowser(name);
  });
  afterAll(async () => {
    await lens?.close();
  });

  it('gives a frame that names nothing no message and no stage, and marks it once its text gains a name', async () => {
    const frameUrl = other.url(`/gate/quiet-frame.html?load=${Date.now()}`);
    const snippetAsks = async () => (await contentMessages(lens))['get-page-snippets'] ?? 0;
    const asked = await snippetAsks();
    const page = new CardPage(
      await lens.openPage(`${server.url('/gate/article-with-quiet-frame.html')}#frame=${encodeURIComponent(frameUrl)}`),
    );
    await page.waitForMarks(3);
    // Sent to the page as source: it names the page's global itself.
    const frameMarks = () => (window as unknown as { __frameMarks: number | null }).__frameMarks;
    await waitInPage(
      page.page,
      () => typeof (window as unknown as { __frameMarks: unknown }).__frameMarks === 'number',
      "the frame's report",
    );
    // Time for the frame's answer to come back and a stage, had one been injected, to scan and paint.
    await sleep(1_500);
    // The frame's gate screened its text and asked nobody.
    expect(await starts(lens, frameUrl)).toEqual([]);
    expect(await page.page.evaluate(frameMarks)).toBe(0);
    // Nor the marks' stylesheet: it comes with the stage, not into every frame.
    const frameMarkStyle = () => (window as unknown as { __frameMarkStyle: string | null }).__frameMarkStyle;
    expect(await page.page.evaluate(frameMarkStyle)).not.toBe('dotted');

    // The frame's own script adds a line naming Tashkent, inflected ("по Ташкенту"): the screen lets it through, the
    // gate sends the text and the stage marks it.
    await page.page.evaluate(() =>
      document.querySelector<HTMLIFrameElement>('#quiet')!.contentWindow!.postMessage('add-name', '*'),
    );
    await waitInPage(
      page.page,
      () => ((window as unknown as { __frameMarks: number }).__frameMarks ?? 0) > 0,
      'a mark in the frame',
    );
    expect(await page.page.evaluate(frameMarks)).toBe(1);
    expect(await starts(lens, frameUrl)).toEqual([true]);
    // The stylesheet came with the stage (a page's getComputedStyle reads highlight styles in Chromium only).
    if (name === 'chromium')
      await waitInPage(
        page.page,
        () => (window as unknown as { __frameMarkStyle: string | null }).__frameMarkStyle === 'dotted',
        "the frame's mark style",
      );
    // The saved passages to paint came with each stage's start: neither the page nor the frame asked for them.
    expect((await snippetAsks()) - asked).toBe(0);
    await page.close();
  });

  it('sends the top page’s text with its start: the marks come with the stage, with no find-mentions message', async () => {
    const url = server.url(`/article.html?load=${Date.now()}`);
    const finds = async () => (await contentMessages(lens))['find-mentions'] ?? 0;
    const found = await finds();
    const page = new CardPage(await lens.openPage(url));
    const report = await lens.scanReport(page.page);
    expect(report.mentions.length).toBeGreaterThan(3);
    expect(await page.waitForMarks(3)).toBeGreaterThanOrEqual(3);
    expect(await starts(lens, url)).toEqual([true]);
    // The page's text was walked and sent once, with start-lens: no batch of it went again.
    expect((await finds()) - found).toBe(0);
    await page.close();
  });

  it('gives a top page that names nothing no stage, answers for it, and marks it once its text names someone', async () => {
    const url = server.url(`/gate/quiet-article.html?load=${Date.now()}`);
    const page = new CardPage(await lens.openPage(url));
    // The gate answers the report itself: no names, and no stage.
    expect((await lens.scanReport(page.page)).mentions).toEqual([]);
    await sleep(500);
    expect(await starts(lens, url)).toEqual([false]);
    expect(await page.page.evaluate(() => CSS.highlights?.has('lens-mention') ?? false)).toBe(false);

    // The page's own script adds a paragraph that names two leaders and a city: the gate sends that paragraph, and
    // the stage comes and marks them.
    await page.page.evaluate(() => window.postMessage('add-news', '*'));
    expect(await page.waitForMarks(3)).toBe(3);
    expect(await starts(lens, url)).toEqual([false, true]);
    await page.close();
  });

  it('saves the reader’s selection on a top page that names nothing, the stage brought in for it', async () => {
    const url = server.url(`/gate/quiet-article.html?load=${Date.now()}`);
    const page = await lens.openPage(url);
    expect((await lens.scanReport(page)).mentions).toEqual([]);
    expect(await selectText(page, 'p2')).toMatch(/^Bake the pie/);
    const receipt = await saveVia(lens, 'command', url);
    expect(receipt).toMatchObject({ saved: true, undoToken: expect.any(String) });
    await waitInPage(page, () => document.querySelector('lens-toast') !== null, 'the saved toast');
    expect(await starts(lens, url)).toEqual([false, true]);
    await page.close();
    // The library as other tests expect it: empty.
    await (await LibraryPage.open(lens, { records: [] })).close();
  });
});
