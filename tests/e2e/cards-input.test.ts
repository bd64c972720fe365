/**
 * How cards open other than by resting a mouse on a mark, in Chromium and Firefox, through each browser's real input
 * path: a finger tap (Chromium: touch emulation and Input.dispatchTouchEvent; Firefox: WebDriver BiDi touch
 * actions), and the two on-demand modes of the settings: only while Alt is held, or only on click.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  changeSettings,
  DWELL_MS,
  expectBesideMark,
  findMark,
  GRACE_MS,
  readCardGeometry,
  waitForCard,
  waitForNoCard,
} from './cards-driver';
import { browsersUnderTest, launchLensBrowser } from '../../automation/browsers';
import { sleep, waitInPage, type LensBrowser, type LensPage } from '../../automation/lens-browser';
import { startStaticServer, type StaticServer } from '../../automation/static-server';

/** Longer than any dwell that could open a card by mistake: the default dwell, with room for a slow machine. */
const NOTHING_OPENS_MS = DWELL_MS + 700;

async function openArticle(lens: LensBrowser, server: StaticServer): Promise<LensPage> {
  const page = await lens.openPage(server.url('/cards-input.html'));
  await lens.scanReport(page);
  await waitInPage(page, () => document.readyState === 'complete', 'the page to load');
  return page;
}

/** A point on plain text with no mark under it, above the marks (so never under a card placed below one). */
const plainText = (page: LensPage) =>
  page.evaluate(() => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('h1')!);
    const r = range.getClientRects()[0]!;
    return { x: r.left + 30, y: (r.top + r.bottom) / 2 };
  });

const hash = (page: LensPage) => page.evaluate(() => location.hash);

describe.each(browsersUnderTest())('%s cards by touch and on demand', (browserName) => {
  let server: StaticServer;
  let lens: LensBrowser;

  beforeAll(async () => {
    server = await startStaticServer();
    lens = await launchLensBrowser(browserName);
  });

  afterAll(async () => {
    await lens?.close();
    await server?.close();
  });

  it('tapping a mark opens its card beside it at once; it stays without hover; a tap elsewhere closes it', async () => {
    const page = await openArticle(lens, server);
    const mark = await findMark(page, 'Kassym-Jomart Tokayev');
    await page.tap(mark.x, mark.y);
    const card = await waitForCard(page, 'Kassym-Jomart Tokayev');
    expectBesideMark(card, mark);
    // A touch has no hover: no grace period runs out under a finger that has lifted.
    await sleep(GRACE_MS + 500);
    expect((await readCardGeometry(page)).shown).toBe(true);
    const elsewhere = await plainText(page);
    await page.tap(elsewhere.x, elsewhere.y);
    await waitForNoCard(page);
    await page.close();
  });

  it('the first tap on a mark inside a link opens the card and does not follow the link; a second tap does', async () => {
    const page = await openArticle(lens, server);
    const mark = await findMark(page, 'Middle Corridor', { inside: '#link' });
    await page.tap(mark.x, mark.y);
    expectBesideMark(await waitForCard(page, 'Middle Corridor'), mark);
    await sleep(300);
    expect(await hash(page)).toBe('');
    await page.tap(mark.x, mark.y);
    await waitInPage(page, () => location.hash === '#followed', 'the link to be followed');
    await page.close();
  });

  it('Alt mode: resting on a mark opens nothing; pressing Alt there opens it; letting go of Alt keeps it', async () => {
    await changeSettings(lens, { onDemand: 'alt' });
    const page = await openArticle(lens, server);
    const mark = await findMark(page, 'Baku', { inside: '#plain' });
    await page.hover(mark.x - 1, mark.y);
    await page.hover(mark.x, mark.y);
    await sleep(NOTHING_OPENS_MS);
    expect((await readCardGeometry(page)).shown).toBe(false);

    // Whether the page saw each Alt release as handled (then browsers do not open their menu bar on it).
    await page.evaluate(() => {
      const w = window as unknown as { altUps: boolean[] };
      w.altUps = [];
      addEventListener('keyup', (e) => e.key === 'Alt' && w.altUps.push(e.defaultPrevented));
    });
    const altUps = () => page.evaluate(() => (window as unknown as { altUps: boolean[] }).altUps);

    // The pointer does not move: pressing the modifier is what asks for the card.
    await page.keyDown('Alt');
    const card = await waitForCard(page, 'Baku');
    expectBesideMark(card, mark);
    await page.keyUp('Alt');
    expect(await altUps()).toEqual([true]);
    // Reading it does not need the key held: small moves on the mark keep it open past the grace period.
    await page.hover(mark.x + 1, mark.y);
    await sleep(GRACE_MS + 400);
    expect((await readCardGeometry(page)).shown).toBe(true);
    // Away from mark and card: it closes after the grace period, and another mark needs Alt again.
    const other = await findMark(page, 'Kassym-Jomart Tokayev');
    await page.hover(other.x, other.y);
    await waitForNoCard(page);
    await sleep(NOTHING_OPENS_MS);
    expect((await readCardGeometry(page)).shown).toBe(false);
    // Moving with Alt held opens it too.
    await page.keyDown('Alt');
    await page.hover(other.x + 2, other.y);
    await waitForCard(page, 'Kassym-Jomart Tokayev');
    await page.keyUp('Alt');
    // Alt pressed and let go away from every mark is the browser's, as always.
    const heading = await plainText(page);
    await page.hover(heading.x, heading.y);
    await page.keyDown('Alt');
    await sleep(100);
    await page.keyUp('Alt');
    expect(await altUps()).toEqual([true, true, false]);
    await page.close();
  });

  it('click mode: hovering opens nothing; a click opens the card, a click elsewhere closes it', async () => {
    await changeSettings(lens, { onDemand: 'click' });
    const page = await openArticle(lens, server);
    const mark = await findMark(page, 'Kassym-Jomart Tokayev');
    await page.hover(mark.x, mark.y);
    await sleep(NOTHING_OPENS_MS);
    expect((await readCardGeometry(page)).shown).toBe(false);

    await page.click(mark.x, mark.y);
    expectBesideMark(await waitForCard(page, 'Kassym-Jomart Tokayev'), mark);
    // The pointer leaving does not close a card opened by a click.
    const elsewhere = await plainText(page);
    await page.hover(elsewhere.x, elsewhere.y);
    await sleep(GRACE_MS + 400);
    expect((await readCardGeometry(page)).shown).toBe(true);
    await page.click(elsewhere.x, elsewhere.y);
    await waitForNoCard(page);

    // A name inside a link: the first click shows the card, the second follows the link.
    const linked = await findMark(page, 'Middle Corridor', { inside: '#link' });
    await page.click(linked.x, linked.y);
    await waitForCard(page, 'Middle Corridor');
    await sleep(300);
    expect(await hash(page)).toBe('');
    await page.click(linked.x, linked.y);
    await waitInPage(page, () => location.hash === '#followed', 'the link to be followed');
    await changeSettings(lens, { onDemand: 'off' });
    await page.close();
  });

  it('nothing logged an error or threw', async () => {
    expect(await lens.consoleErrors()).toEqual([]);
  });
});
