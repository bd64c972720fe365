/**
 * Where the hover card goes, in Chromium and Firefox, read from the real layout: beside its mark without covering any
 * of it and wholly inside the viewport, at 200% browser zoom, on a right-to-left page with Latin names at both edges,
 * and for a mark inside a same-origin iframe (the frame's own content script shows the card inside that frame).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectBesideMark,
  findMark,
  readCardGeometry,
  scrollBy,
  setBrowserZoom,
  waitForCard,
  waitForNoCard,
  type MarkGeometry,
  type Where,
} from './cards-driver';
import { browsersUnderTest, launchLensBrowser } from '../../automation/browsers';
import { markEveryMention } from './every-mention';
import { waitInPage, type LensBrowser, type LensPage } from '../../automation/lens-browser';
import { startStaticServer, type StaticServer } from '../../automation/static-server';

async function openPage(lens: LensBrowser, server: StaticServer, path: string): Promise<LensPage> {
  const page = await lens.openPage(server.url(path));
  await lens.scanReport(page);
  await waitInPage(page, () => document.readyState === 'complete', 'the page to load');
  return page;
}

/** Rests the pointer on the mark (coming from a point beside it, so the browser sees a move) until its card opens. */
async function hoverUntilCard(page: LensPage, mark: MarkGeometry, name: string | null, where: Where = {}) {
  await page.hover(mark.x, mark.y + 40);
  await page.hover(mark.x, mark.y);
  return waitForCard(page, name, where);
}

/** Closes the card with Esc and moves the pointer off the mark, so the next mark starts from nothing. */
async function closeCard(page: LensPage, where: Where = {}) {
  await page.press('Escape');
  await waitForNoCard(page, where);
}

describe.each(browsersUnderTest())('%s card placement', (browserName) => {
  let server: StaticServer;
  let lens: LensBrowser;

  beforeAll(async () => {
    server = await startStaticServer();
    lens = await launchLensBrowser(browserName);
    // Marks at the page's edges include a sidebar's, which the calm default leaves unmarked.
    await markEveryMention(lens);
  });

  afterAll(async () => {
    await lens?.close();
    await server?.close();
  });

  it('at 200% browser zoom: beside the mark and inside the viewport, at the top, the right edge and the bottom', async () => {
    // Zoom is kept per site: zoom the site once, then open the article afresh, as a reader who zoomed would.
    const first = await openPage(lens, server, '/cards-news.html');
    await setBrowserZoom(lens, 2);
    await first.close();
    const page = await openPage(lens, server, '/cards-news.html');
    try {
      const zoom = await page.evaluate(() => ({ dpr: devicePixelRatio, width: innerWidth, height: innerHeight }));
      expect(zoom.dpr).toBe(2);
      expect(zoom.width).toBeLessThanOrEqual(700);

      // In the lede, near the top.
      const top = await findMark(page, 'Shushi');
      expectBesideMark(await hoverUntilCard(page, top, 'Shusha'), top);
      await closeCard(page);

      // The rightmost mark on screen: the card (400 px wide, in a 640 px viewport) is shifted left to fit.
      const right = await rightmostMark(page);
      const atRight = await hoverUntilCard(page, right, null);
      expectBesideMark(atRight, right);
      await closeCard(page);
      // A mark that touches the right edge (the same site, so zoomed too): shifted left, still next to it.
      const edgePage = await openPage(lens, server, '/cards-right-edge.html');
      try {
        expect(await edgePage.evaluate(() => devicePixelRatio)).toBe(2);
        await expectNextToMarkAtRightEdge(
          edgePage,
          await findMark(edgePage, 'TANAP'),
          'Trans-Anatolian Natural Gas Pipeline',
        );
      } finally {
        await edgePage.close();
      }

      // Scrolled to sit just above the bottom edge: the card flips above (or beside) rather than off-screen.
      let low = await findMark(page, 'Middle Corridor');
      await scrollBy(page, low.rects[0]!.bottom - (zoom.height - 30));
      low = await findMark(page, 'Middle Corridor');
      expect(low.rects[0]!.bottom).toBeGreaterThan(zoom.height - 60);
      const atBottom = await hoverUntilCard(page, low, 'Middle Corridor');
      const c = expectBesideMark(atBottom, low);
      expect(c.bottom).toBeLessThanOrEqual(low.rects[0]!.top);
      await closeCard(page);
    } finally {
      await setBrowserZoom(lens, 1);
      await page.close();
    }
  });

  it('a mark touching the right edge: the card is inside the viewport and next to the mark, at the top and the bottom', async () => {
    const page = await openPage(lens, server, '/cards-right-edge.html');
    await expectNextToMarkAtRightEdge(page, await findMark(page, 'TANAP'), 'Trans-Anatolian Natural Gas Pipeline');

    // Scrolled to sit just above the bottom edge: above the mark (or beside it), still inside the viewport.
    const height = await page.evaluate(() => innerHeight);
    let low = await findMark(page, 'Baku', { inside: '#bottom-right' });
    await scrollBy(page, low.rects[0]!.bottom - (height - 30));
    low = await findMark(page, 'Baku', { inside: '#bottom-right' });
    expect(low.rects[0]!.bottom).toBeGreaterThan(height - 60);
    const card = await expectNextToMarkAtRightEdge(page, low, 'Baku');
    expect(card.bottom).toBeLessThanOrEqual(low.rects[0]!.top);
    await page.close();
  });

  it('on a right-to-left page: aligned with the mark’s right edge, inside the viewport at both edges and the bottom', async () => {
    const page = await openPage(lens, server, '/cards-rtl.html');
    expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe('rtl');

    // The first word of an RTL paragraph: flush with the right edge.
    const right = await findMark(page, 'TANAP', { inside: '#right-edge' });
    expect(right.rects[0]!.right).toBeGreaterThan((await readCardGeometry(page)).viewport.right - 40);
    expectBesideMark(await hoverUntilCard(page, right, 'Trans-Anatolian Natural Gas Pipeline'), right);
    await closeCard(page);

    // The last word of a left-aligned line in the left column: flush with the left edge.
    const left = await findMark(page, 'Baku', { inside: 'aside' });
    expect(left.rects[0]!.left).toBeLessThan(40);
    expectBesideMark(await hoverUntilCard(page, left, 'Baku'), left);
    await closeCard(page);

    // Mid-line near the bottom: above the mark, its right edge with the mark's (the start of an RTL line).
    let low = await findMark(page, 'Middle Corridor', { inside: '#bottom' });
    const height = await page.evaluate(() => innerHeight);
    await scrollBy(page, low.rects[0]!.bottom - (height - 30));
    low = await findMark(page, 'Middle Corridor', { inside: '#bottom' });
    const card = expectBesideMark(await hoverUntilCard(page, low, 'Middle Corridor'), low);
    expect(card.bottom).toBeLessThanOrEqual(low.rects[0]!.top);
    expect(Math.abs(card.right - low.rects[0]!.right)).toBeLessThanOrEqual(1);
    await closeCard(page);
    await page.close();
  });

  it('a mark inside a same-origin iframe: its card opens inside that frame, beside the mark; Esc in either frame closes the other’s card', async () => {
    const page = await openPage(lens, server, '/cards-frame.html');
    const frame = { frame: '#embed' };
    await waitInPage(
      page,
      () => {
        const win = document.querySelector<HTMLIFrameElement>('#embed')?.contentWindow as
          (Window & typeof globalThis) | null;
        const h = (win?.CSS as unknown as { highlights?: Map<string, { size: number }> } | undefined)?.highlights;
        return (h?.get('lens-mention')?.size ?? 0) > 0;
      },
      'marks in the iframe',
    );

    // A card on the top page first: moving into the frame leaves it, so it closes (the frame gets the moves now).
    const outside = await findMark(page, 'Middle Corridor', { inside: '#outside' });
    await hoverUntilCard(page, outside, 'Middle Corridor');

    const top = await findMark(page, 'TANAP', frame);
    const card = expectBesideMark(await hoverUntilCard(page, top, 'Trans-Anatolian Natural Gas Pipeline', frame), top);
    // Below the mark in the frame's own coordinates (a card placed with the top page's numbers would be far off).
    expect(card.top).toBeGreaterThanOrEqual(top.rects[0]!.bottom);
    expect(card.top - top.rects[0]!.bottom).toBeLessThan(20);
    await waitForNoCard(page);
    // Focus is still in the top page, where Esc is pressed: it closes the frame's card.
    await closeCard(page, frame);

    // Bottom right corner of the frame: above the mark, shifted left to stay inside the frame.
    const corner = await findMark(page, 'Baku', frame);
    const above = expectBesideMark(await hoverUntilCard(page, corner, 'Baku', frame), corner);
    expect(above.bottom).toBeLessThanOrEqual(corner.rects[0]!.top);
    await closeCard(page, frame);

    // The other way round: focus in the frame (on its first paragraph), a card on the top page, Esc closes it.
    await page.evaluate(() => {
      const inner = document.querySelector<HTMLIFrameElement>('#embed')!.contentDocument!;
      const p = inner.getElementById('top')!;
      p.tabIndex = -1;
      p.focus();
      (window as unknown as { __keys: string[] }).__keys = [];
      inner.addEventListener('keydown', (e) => (window as unknown as { __keys: string[] }).__keys.push(e.key));
    });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('embed');
    await hoverUntilCard(page, outside, 'Middle Corridor');
    await page.press('Escape');
    // The key went to the frame, not the top page.
    expect(await page.evaluate(() => (window as unknown as { __keys: string[] }).__keys)).toEqual(['Escape']);
    await waitForNoCard(page);
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
async function expectNextToMarkAtRightEdge(page: LensPage, mark: MarkGeometry, name: string) {
  const viewport = (await readCardGeometry(page)).viewport;
  const r = mark.rects[0]!;
  expect(viewport.right - r.right, `"${mark.text}" is near the right edge`).toBeLessThan(40);
  const card = expectBesideMark(await hoverUntilCard(page, mark, name), mark);
  expect(card.left, 'the card overlaps the mark’s columns').toBeLessThan(r.right);
  expect(card.right, 'the card overlaps the mark’s columns').toBeGreaterThan(r.left);
  const gap = card.top >= r.bottom ? card.top - r.bottom : r.top - card.bottom;
  expect(gap, 'the card is just above or below the mark').toBeGreaterThanOrEqual(-0.5);
  expect(gap, 'the card is just above or below the mark').toBeLessThan(20);
  await closeCard(page);
  return card;
}

/** The visible mark whose right edge is furthest right. */
async function rightmostMark(page: LensPage): Promise<MarkGeometry> {
  const text = await page.evaluate(() => {
    let best: { text: string; right: number } | null = null;
    const registry = (CSS as unknown as { highlights: Map<string, Iterable<AbstractRange>> }).highlights;
    for (const [name, highlight] of registry) {
      if (!name.startsWith('lens-mention')) continue;
      for (const r of highlight) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const rects = [...range.getClientRects()];
        // One line only, on screen.
        if (rects.length !== 1 || rects[0]!.top < 0 || rects[0]!.bottom > innerHeight) continue;
        if (!best || rects[0]!.right > best.right)
          best = { text: range.toString().replace(/\s+/g, ' '), right: rects[0]!.right };
      }
    }
    return best?.text ?? null;
  });
  if (!text) throw new Error('no mark on screen');
  return findMark(page, text);
}
