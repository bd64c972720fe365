/**
 * The content script's gate (page/frame-gate.ts, issue 17): a small embedded frame whose words start no name the fact
 * base knows (the gate's screen, lib/screen/frame-screen.ts) asks nobody; one whose words may sends its text with
 * start-lens, and the background injects the scanner stage only where its matcher finds a name. The frame is another origin's
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
});
