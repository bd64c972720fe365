/**
 * Where the hover card goes, in Chromium and Firefox, read from the real layout: beside its mark without covering any
 * of it and wholly inside the viewport, at 200% browser zoom, on a right-to-left page with Latin names at both edges,
 * and for a mark inside a same-origin iframe (the frame's own content script shows the card inside that frame).
 * Pages are driven and read through the card page object (tests/e2e/pages/card-page.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectBesideMark, setBrowserZoom, type MarkGeometry } from './cards-driver';
import { browsersUnderTest } from '../../automation/browsers';
import { borrowLensBrowser } from '../../automation/shared-browser';
import { markEveryMention } from './every-mention';
import { waitInPage, type LensBrowser } from '../../automation/lens-browser';
import { startStaticServer, type StaticServer } from '../../automation/static-server';
import { CardPage } from './pages/card-page';

/** Rests the pointer on the mark, coming from a point below it so the browser sees a move, until its card opens. */
const hoverUntilCard = (card: CardPage, mark: MarkGeometry, name: string | null) =>
  card.hoverUntilCard(mark, name, { fromBelow: 40 });

describe.each(browsersUnderTest())('%s card placement', (browserName) => {
  let server: StaticServer;
  let lens: LensBrowser;

  beforeAll(async () => {
    server = await startStaticServer();
    lens = await borrowLensBrowser(browserName);
    // Marks at the page's edges include a sidebar's, which the calm default leaves unmarked.
    await markEveryMention(lens);
  });

  afterAll(async () => {
    await lens?.close();
    await server?.close();
  });

  it('at 200% browser zoom: beside the mark and inside the viewport, at the top, the right edge and the bottom', async () => {
    // Zoom is kept per site: zoom the site once, then open the article afresh, as a reader who zoomed would.
    const first = await CardPage.open(lens, server.url('/cards-news.html'), { recordSteps: false });
    await setBrowserZoom(lens, 2);
    await first.close();
    const page = await CardPage.open(lens, server.url('/cards-news.html'), { recordSteps: false });
    try {
      const zoom = await page.page.evaluate(() => ({ dpr: devicePixelRatio, width: innerWidth, height: innerHeight }));
      expect(zoom.dpr).toBe(2);
      expect(zoom.width).toBeLessThanOrEqual(700);

      // In the lede, near the top.
      const top = await page.markGeometry('Shushi');
      expectBesideMark(await hoverUntilCard(page, top, 'Shusha'), top);
      await page.closeWithEscape();

      // The rightmost mark on screen: the card (400 px wide, in a 640 px viewport) is shifted left to fit.
      const right = await page.rightmostMark();
      const atRight = await hoverUntilCard(page, right, null);
      expectBesideMark(atRight, right);
      await page.closeWithEscape();
      // A mark that touches the right edge (the same site, so zoomed too): shifted left, still next to it.
      const edgePage = await CardPage.open(lens, server.url('/cards-right-edge.html'), { recordSteps: false });
      try {
        expect(await edgePage.page.evaluate(() => devicePixelRatio)).toBe(2);
        await expectNextToMarkAtRightEdge(
          edgePage,
          await edgePage.markGeometry('TANAP'),
          'Trans-Anatolian Natural Gas Pipeline',
        );
      } finally {
        await edgePage.close();
      }

      // Scrolled to sit just above the bottom edge: the card flips above (or beside) rather than off-screen.
      let low = await page.markGeometry('Middle Corridor');
      await page.scrollBy(low.rects[0]!.bottom - (zoom.height - 30));
      low = await page.markGeometry('Middle Corridor');
      expect(low.rects[0]!.bottom).toBeGreaterThan(zoom.height - 60);
      const atBottom = await hoverUntilCard(page, low, 'Middle Corridor');
      const c = expectBesideMark(atBottom, low);
      expect(c.bottom).toBeLessThanOrEqual(low.rects[0]!.top);
      await page.closeWithEscape();
    } finally {
      await setBrowserZoom(lens, 1);
      await page.close();
    }
  });

  it('a mark touching the right edge: the card is inside the viewport and next to the mark, at the top and the bottom', async () => {
    const page = await CardPage.open(lens, server.url('/cards-right-edge.html'), { recordSteps: false });
    await expectNextToMarkAtRightEdge(page, await page.markGeometry('TANAP'), 'Trans-Anatolian Natural Gas Pipeline');

    // Scrolled to sit just above the bottom edge: above the mark (or beside it), still inside the viewport.
    const height = await page.page.evaluate(() => innerHeight);
    let low = await page.markGeometry('Baku', { inside: '#bottom-right' });
    await page.scrollBy(low.rects[0]!.bottom - (height - 30));
    low = await page.markGeometry('Baku', { inside: '#bottom-right' });
    expect(low.rects[0]!.bottom).toBeGreaterThan(height - 60);
    const card = await expectNextToMarkAtRightEdge(page, low, 'Baku');
    expect(card.bottom).toBeLessThanOrEqual(low.rects[0]!.top);
    await page.close();
  });

  it('on a right-to-left page: aligned with the mark’s right edge, inside the viewport at both edges and the bottom', async () => {
    const page = await CardPage.open(lens, server.url('/cards-rtl.html'), { recordSteps: false });
    expect(await page.page.evaluate(() => getComputedStyle(document.body).direction)).toBe('rtl');

    // The first word of an RTL paragraph: flush with the right edge.
    const right = await page.markGeometry('TANAP', { inside: '#right-edge' });
    expect(right.rects[0]!.right).toBeGreaterThan((await page.geometry()).viewport.right - 40);
    expectBesideMark(await hoverUntilCard(page, right, 'Trans-Anatolian Natural Gas Pipeline'), right);
    await page.closeWithEscape();

    // The last word of a left-aligned line in the left column: flush with the left edge.
    const left = await page.markGeometry('Baku', { inside: 'aside' });
    expect(left.rects[0]!.left).toBeLessThan(40);
    expectBesideMark(await hoverUntilCard(page, left, 'Baku'), left);
    await page.closeWithEscape();

    // Mid-line near the bottom: above the mark, its right edge with the mark's (the start of an RTL line).
    let low = await page.markGeometry('Middle Corridor', { inside: '#bottom' });
    const height = await page.page.evaluate(() => innerHeight);
    await page.scrollBy(low.rects[0]!.bottom - (height - 30));
    low = await page.markGeometry('Middle Corridor', { inside: '#bottom' });
    const card = expectBesideMark(await hoverUntilCard(page, low, 'Middle Corridor'), low);
    expect(card.bottom).toBeLessThanOrEqual(low.rects[0]!.top);
    expect(Math.abs(card.right - low.rects[0]!.right)).toBeLessThanOrEqual(1);
    await page.closeWithEscape();
    await page.close();
  });

  it('a mark inside a same-origin iframe: its card opens inside that frame, beside the mark; Esc in either frame closes the other’s card', async () => {
    const page = await CardPage.open(lens, server.url('/cards-frame.html'), { recordSteps: false });
    const inFrame = page.inFrame('#embed');
    await marksInFrame(page, '#embed');

    // A card on the top page first: moving into the frame leaves it, so it closes (the frame gets the moves now).
    const outside = await page.markGeometry('Middle Corridor', { inside: '#outside' });
    await hoverUntilCard(page, outside, 'Middle Corridor');

    const top = await inFrame.markGeometry('TANAP');
    const card = expectBesideMark(await hoverUntilCard(inFrame, top, 'Trans-Anatolian Natural Gas Pipeline'), top);
    // Below the mark in the frame's own coordinates (a card placed with the top page's numbers would be far off).
    expect(card.top).toBeGreaterThanOrEqual(top.rects[0]!.bottom);
    expect(card.top - top.rects[0]!.bottom).toBeLessThan(20);
    await page.waitForNoCard();
    // Focus is still in the top page, where Esc is pressed: it closes the frame's card.
    await inFrame.closeWithEscape();

    // Bottom right corner of the frame: above the mark, shifted left to stay inside the frame.
    const corner = await inFrame.markGeometry('Baku');
    const above = expectBesideMark(await hoverUntilCard(inFrame, corner, 'Baku'), corner);
    expect(above.bottom).toBeLessThanOrEqual(corner.rects[0]!.top);
    await inFrame.closeWithEscape();

    // The other way round: focus in the frame (on its first paragraph), a card on the top page, Esc closes it.
    await page.page.evaluate(() => {
      const inner = document.querySelector<HTMLIFrameElement>('#embed')!.contentDocument!;
      const p = inner.getElementById('top')!;
      p.tabIndex = -1;
      p.focus();
      (window as unknown as { __keys: string[] }).__keys = [];
      inner.addEventListener('keydown', (e) => (window as unknown as { __keys: string[] }).__keys.push(e.key));
    });
    expect(await page.page.evaluate(() => document.activeElement?.id)).toBe('embed');
    await hoverUntilCard(page, outside, 'Middle Corridor');
    await page.press('Escape');
    // The key went to the frame, not the top page.
    expect(await page.page.evaluate(() => (window as unknown as { __keys: string[] }).__keys)).toEqual(['Escape']);
    await page.waitForNoCard();
    await page.close();
  });

  it('in a window 281 px tall the card shows facts, not a fixed row of buttons: its actions scroll with it', async () => {
    const page = await CardPage.open(lens, server.url('/cards-short-frame.html'), { recordSteps: false });
    const inFrame = page.inFrame('#short');
    await marksInFrame(page, '#short');
    // Bring the mark into the frame's 281 px, then rest on it.
    const below = await inFrame.markGeometry('Kassym-Jomart Tokayev');
    await page.page.evaluate((dy: number) => {
      document.querySelector<HTMLIFrameElement>('#short')!.contentWindow!.scrollBy(0, dy);
    }, below.rects[0]!.top - 120);
    await hoverUntilCard(inFrame, await inFrame.markGeometry('Kassym-Jomart Tokayev'), 'Kassym-Jomart Tokayev');
    const seen = await page.page.evaluate(() => {
      const doc = document.querySelector<HTMLIFrameElement>('#short')!.contentDocument!;
      const root = doc.querySelector('lens-card-host')!.shadowRoot!;
      const card = root.querySelector('.lens-card')!.getBoundingClientRect();
      const quote = root.querySelector('.lens-quote blockquote')?.getBoundingClientRect();
      const actions = root.querySelector<HTMLElement>('.lens-actions')!;
      return {
        cardHeight: card.height,
        actions: getComputedStyle(actions).position,
        quoteInView: !!quote && quote.top >= card.top && quote.top + 20 <= card.bottom,
      };
    });
    expect(seen.cardHeight).toBeLessThanOrEqual(281);
    expect(seen.actions).toBe('static');
    expect(seen.quoteInView, 'the first quote starts within the card as it opens').toBe(true);
    await inFrame.closeWithEscape();
    await page.close();
  });

  it('nothing logged an error or threw', async () => {
    expect(await lens.consoleErrors()).toEqual([]);
  });
});

/**
 * Hovers a mark that touches its viewport's right edge (checked first: within 40 px of it) and checks the card: beside
 * the mark and inside the viewport (expectBesideMark), and next to it, not merely somewhere on screen: it overlaps the
 * mark's columns and sits within 20 px above or below it.
 */
async function expectNextToMarkAtRightEdge(page: CardPage, mark: MarkGeometry, name: string) {
  const viewport = (await page.geometry()).viewport;
  const r = mark.rects[0]!;
  expect(viewport.right - r.right, `"${mark.text}" is near the right edge`).toBeLessThan(40);
  const card = expectBesideMark(await hoverUntilCard(page, mark, name), mark);
  expect(card.left, 'the card overlaps the mark’s columns').toBeLessThan(r.right);
  expect(card.right, 'the card overlaps the mark’s columns').toBeGreaterThan(r.left);
  const gap = card.top >= r.bottom ? card.top - r.bottom : r.top - card.bottom;
  expect(gap, 'the card is just above or below the mark').toBeGreaterThanOrEqual(-0.5);
  expect(gap, 'the card is just above or below the mark').toBeLessThan(20);
  await page.closeWithEscape();
  return card;
}

/** Waits until the same-origin frame `selector` of `page` has painted marks. */
function marksInFrame(page: CardPage, selector: string): Promise<unknown> {
  return waitInPage(
    page.page,
    (selector) => {
      const win = document.querySelector<HTMLIFrameElement>(selector)?.contentWindow as
        (Window & typeof globalThis) | null;
      const h = (win?.CSS as unknown as { highlights?: Map<string, { size: number }> } | undefined)?.highlights;
      return (h?.get('lens-mention')?.size ?? 0) > 0;
    },
    `marks in the frame ${selector}`,
    undefined,
    selector,
  );
}
