/**
 * How cards open other than by resting a mouse on a mark, in Chromium and Firefox, through each browser's real input
 * path: a finger tap (Chromium: touch emulation and Input.dispatchTouchEvent; Firefox: WebDriver BiDi touch
 * actions), and the two on-demand modes of the settings: only while Alt is held, or only on click.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { changeSettings, expectBesideMark, pointerOff, pointerOnMark, type HoverStep } from './cards-driver';
import { browsersUnderTest } from '../../automation/browsers';
import { borrowLensBrowser } from '../../automation/shared-browser';
import { sleep, waitInPage, type LensBrowser } from '../../automation/lens-browser';
import { startStaticServer, type StaticServer } from '../../automation/static-server';
import { defaultSettings } from '../../lib/settings/settings';
import { CardPage } from './pages/card-page';

/** Opens the fixture with its marks painted, recording the hover machine's steps and the page's clicks. */
async function openArticle(lens: LensBrowser, server: StaticServer): Promise<CardPage> {
  const card = await CardPage.open(lens, server.url('/cards-input.html'));
  await card.page.evaluate(() => {
    const w = window as unknown as { __clicks: number };
    w.__clicks = 0;
    // Capturing on the window: the page sees every click first, whatever the extension does with it afterwards.
    addEventListener('click', () => w.__clicks++, true);
  });
  return card;
}

/**
 * Whether a click followed a link: read once the page has seen `clicks` clicks, in a later task than the click's
 * dispatch, when a followed link has already changed the address.
 */
async function hashAfterClicks({ page }: CardPage, clicks: number): Promise<string> {
  await waitInPage(
    page,
    (n) => (window as unknown as { __clicks: number }).__clicks >= n,
    `click ${clicks}`,
    5_000,
    clicks,
  );
  return page.evaluate(() => new Promise<string>((done) => setTimeout(() => done(location.hash), 0)));
}

/** Nothing in these steps started a dwell or showed a card. */
const openedNothing = (steps: HoverStep[]) =>
  !steps.some((s) => s.effects.some((e) => e.type === 'dwell' || e.type === 'show'));

/** A point on plain text with no mark under it, above the marks (so never under a card placed below one). */
const plainText = ({ page }: CardPage) =>
  page.evaluate(() => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('h1')!);
    const r = range.getClientRects()[0]!;
    return { x: r.left + 30, y: (r.top + r.bottom) / 2 };
  });

describe.each(browsersUnderTest())('%s cards by touch and on demand', (browserName) => {
  let server: StaticServer;
  let lens: LensBrowser;

  beforeAll(async () => {
    server = await startStaticServer();
    lens = await borrowLensBrowser(browserName);
  });

  // Each test starts from the default settings (cards on hover), whatever mode the one before chose.
  beforeEach(() => changeSettings(lens, { ...defaultSettings() }));

  afterAll(async () => {
    await lens?.close();
    await server?.close();
  });

  it('tapping a mark opens its card beside it at once; it stays without hover; a tap elsewhere closes it', async () => {
    const page = await openArticle(lens, server);
    const mark = await page.markGeometry('Kassym-Jomart Tokayev');
    await page.tap(mark.x, mark.y);
    const card = await page.waitForCard('Kassym-Jomart Tokayev');
    expectBesideMark(card, mark);
    // A touch has no hover: no grace period runs out under a finger that has lifted. Read once every timer the
    // machine started has come back.
    const steps = await page.hoverSettled((s) => s.shown);
    expect(steps.some((s) => s.effects.some((e) => e.type === 'grace' || e.type === 'hide'))).toBe(false);
    expect((await page.geometry()).shown).toBe(true);
    const elsewhere = await plainText(page);
    await page.tap(elsewhere.x, elsewhere.y);
    await page.waitForNoCard();
    await page.close();
  });

  it('the first tap on a mark inside a link opens the card and does not follow the link; a second tap does', async () => {
    const page = await openArticle(lens, server);
    const mark = await page.markGeometry('Middle Corridor', { inside: '#link' });
    await page.tap(mark.x, mark.y);
    expectBesideMark(await page.waitForCard('Middle Corridor'), mark);
    expect(await hashAfterClicks(page, 1)).toBe('');
    await page.tap(mark.x, mark.y);
    await waitInPage(page.page, () => location.hash === '#followed', 'the link to be followed');
    await page.close();
  });

  it('Alt mode: resting on a mark opens nothing; pressing Alt there opens it; letting go of Alt keeps it', async () => {
    await changeSettings(lens, { onDemand: 'alt' });
    const page = await openArticle(lens, server);
    const mark = await page.markGeometry('Baku', { inside: '#plain' });
    await page.hover(mark.x - 1, mark.y);
    await page.hover(mark.x, mark.y);
    const resting = await page.hoverSettled(pointerOnMark);
    expect(resting.find(pointerOnMark)!.canOpen).toBe(false);
    expect(openedNothing(resting)).toBe(true);
    expect((await page.geometry()).shown).toBe(false);

    // Whether the page saw each Alt release as handled (then browsers do not open their menu bar on it).
    await page.page.evaluate(() => {
      const w = window as unknown as { altUps: boolean[] };
      w.altUps = [];
      addEventListener('keyup', (e) => e.key === 'Alt' && w.altUps.push(e.defaultPrevented));
    });
    const altUps = () => page.page.evaluate(() => (window as unknown as { altUps: boolean[] }).altUps);

    // The pointer does not move: pressing the modifier is what asks for the card.
    await page.keyDown('Alt');
    const card = await page.waitForCard('Baku');
    expectBesideMark(card, mark);
    await page.keyUp('Alt');
    expect(await altUps()).toEqual([true]);
    // Reading it does not need the key held: small moves on the mark keep it open past the grace period.
    let since = (await page.hoverSteps()).length;
    await page.hover(mark.x + 1, mark.y);
    const kept = await page.hoverSettled(pointerOnMark, since);
    expect(kept.at(-1)).toMatchObject({ phase: 'open', shown: true });
    expect((await page.geometry()).shown).toBe(true);
    // Away from mark and card: it closes after the grace period, and another mark needs Alt again.
    since = kept.length;
    const other = await page.markGeometry('Kassym-Jomart Tokayev');
    await page.hover(other.x, other.y);
    await page.waitForNoCard();
    const away = (await page.hoverSettled((s) => s.event === 'grace-elapsed', since)).slice(since);
    expect(away.filter((s) => s.effects.some((e) => e.type === 'show'))).toEqual([]);
    expect(openedNothing(away)).toBe(true);
    expect((await page.geometry()).shown).toBe(false);
    // Moving with Alt held opens it too.
    await page.keyDown('Alt');
    await page.hover(other.x + 2, other.y);
    await page.waitForCard('Kassym-Jomart Tokayev');
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
    const mark = await page.markGeometry('Kassym-Jomart Tokayev');
    await page.hover(mark.x, mark.y);
    const resting = await page.hoverSettled(pointerOnMark);
    expect(resting.find(pointerOnMark)!.canOpen).toBe(false);
    expect(openedNothing(resting)).toBe(true);
    expect((await page.geometry()).shown).toBe(false);

    await page.click(mark.x, mark.y);
    expectBesideMark(await page.waitForCard('Kassym-Jomart Tokayev'), mark);
    // The pointer leaving does not close a card opened by a click: it moves on the mark (the machine sees it there,
    // beside its open card), then away.
    const opened = (await page.hoverSteps()).length;
    await page.hover(mark.x + 2, mark.y);
    const since = (await page.waitForStep(pointerOnMark, 'the pointer on the mark', opened)).length;
    const elsewhere = await plainText(page);
    await page.hover(elsewhere.x, elsewhere.y);
    const left = (await page.hoverSettled(pointerOff, since)).slice(since);
    expect(left.some((s) => s.effects.some((e) => e.type === 'grace' || e.type === 'hide'))).toBe(false);
    expect((await page.geometry()).shown).toBe(true);
    await page.click(elsewhere.x, elsewhere.y);
    await page.waitForNoCard();

    // A name inside a link: the first click shows the card, the second follows the link.
    const linked = await page.markGeometry('Middle Corridor', { inside: '#link' });
    await page.click(linked.x, linked.y);
    await page.waitForCard('Middle Corridor');
    // Three clicks so far: on the mark, elsewhere, on the linked mark.
    expect(await hashAfterClicks(page, 3)).toBe('');
    await page.click(linked.x, linked.y);
    await waitInPage(page.page, () => location.hash === '#followed', 'the link to be followed');
    await page.close();
  });

  it('nothing logged an error or threw', async () => {
    expect(await lens.consoleErrors()).toEqual([]);
  });
});
