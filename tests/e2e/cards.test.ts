/**
 * Hover cards in the built extension, in Chromium and Firefox: a real mark is hovered and the card's content, role and
 * name are read from its (open) shadow root; the grace period, Esc, a stale dwell, the keyboard path from page to
 * card and back, dark mode, a strict CSP, and the page's own text left untouched.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { browsersUnderTest, PROJECT_ROOT } from '../../automation/browsers';
import { borrowLensBrowser } from '../../automation/shared-browser';
import type { LensBrowser } from '../../automation/lens-browser';
import { startStaticServer, type StaticServer } from '../../automation/static-server';
import { defaultSettings } from '../../lib/settings/settings';
import {
  changeSettings,
  hoverSettled,
  hoverSteps,
  pointerOff,
  pointerOnMark,
  dwellStarted,
  waitForStep,
} from './cards-driver';
import { CardPage } from './pages/card-page';
import { LibraryPage } from './pages/library-page';

const pageText = (card: CardPage) =>
  card.page.evaluate(() => ({ inner: document.body.innerText, content: document.body.textContent ?? '' }));

/** Luminance 0..1 of an `rgb(...)` colour. */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/[\d.]+/g) ?? []).map(Number);
  return (0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0)) / 255;
}

/** Opens an article with its marks painted, recording the hover machine's steps from the start. */
const openArticle = (lens: LensBrowser, server: StaticServer, path = '/cards-news.html') =>
  CardPage.open(lens, server.url(path));

describe.each(browsersUnderTest())('%s hover cards', (browserName) => {
  let server: StaticServer;
  let lens: LensBrowser;

  beforeAll(async () => {
    server = await startStaticServer({
      headers: { '/csp-article.html': { 'Content-Security-Policy': "default-src 'none'" } },
    });
    lens = await borrowLensBrowser(browserName);
  });

  // Every test starts from the default settings, whatever the one before changed ("Hide name", a longer dwell).
  beforeEach(() => changeSettings(lens, { ...defaultSettings() }));

  afterAll(async () => {
    await lens?.close();
    await server?.close();
  });

  it('hovering a mark opens a sourced card beside it, and the page text does not change', async () => {
    const page = await openArticle(lens, server);
    const before = await pageText(page);
    const mark = await page.mark('Shushi');
    const blank = await page.blankPoint();
    await page.hover(blank.x, blank.y);
    await page.hoverUntilCard(mark, 'Shusha');
    const card = await page.read();

    expect(card.role).toBe('dialog');
    expect(card.label).toBe('Shusha');
    expect(card.ariaHidden).toBe(false);
    expect(card.type).toMatch(/^Place/);
    // The page says Shushi: the card explains the match and who uses that name.
    expect(card.why).toContain('“Shushi”');
    expect(card.why).toContain('News Explained');
    // Two or three key facts, each a verbatim quote with its attribution.
    expect(card.quotes).toBeGreaterThanOrEqual(2);
    expect(card.quotes).toBeLessThanOrEqual(3);
    expect(card.attributions.length).toBe(card.quotes);
    for (const a of card.attributions) expect(a).toMatch(/paragraph \d+/);
    expect(card.attributions.join(' ')).toMatch(/News Explained, 26 Aug 2022/);
    // The sources' differing names, side by side.
    expect(card.views).toEqual(expect.arrayContaining(['Shushi', 'Shusha']));
    expect(card.timeline).toMatch(/2022|2021/);
    expect(card.chips.length).toBeGreaterThan(0);
    expect(card.buttons).toEqual(expect.arrayContaining(['Save snippet', 'Search', 'Map', 'More ▾']));
    // The actions fit on one line; the rare ones ("Hide name", "Off on this site") are behind "More", a disclosure.
    expect(await page.actionRows()).toBe(1);
    expect(await page.pressButton('More ▾')).toBe(true);
    // Nothing of the reader's names Shusha yet: writing a note is offered there too, not on the one-line row.
    expect(await page.moreRow()).toEqual({ expanded: 'true', row: ['Add a note', 'Hide name', 'Off on this site'] });
    expect(await page.actionRows()).toBe(2);
    // Beside the mark, never over it.
    const r = card.rect!;
    const overlaps = r.left < mark.right && mark.left < r.right && r.top < mark.bottom && mark.top < r.bottom;
    expect(overlaps).toBe(false);
    // Page CSS (`lens-card-host { display: none !important }` in the fixture) cannot hide it.
    expect(card.styles).toMatch(/adopted|style-element/);

    expect(await pageText(page)).toEqual(before);
    if (browserName === 'chromium') {
      const dir = join(PROJECT_ROOT, 'test-results');
      mkdirSync(dir, { recursive: true });
      await page.page.screenshot(join(dir, 'card-chromium.png'));
    }
    await page.close();
  });

  it('stays open while the pointer moves into it, and closes after the grace period once it leaves both', async () => {
    const page = await openArticle(lens, server);
    const mark = await page.mark('Kassym-Jomart Tokayev');
    await page.hoverUntilCard(mark, 'Kassym-Jomart Tokayev');
    const { rect } = await page.read();
    // Into the card, through the gap: it stays, once every timer the crossing started has run out.
    let since = (await hoverSteps(page.page)).length;
    await page.hover(mark.x, (mark.bottom + rect!.top) / 2);
    await page.hover(rect!.left + 40, rect!.top + 40);
    const inside = await hoverSettled(page.page, (s) => s.event === 'pointer' && s.at === 'card', { since });
    expect(inside.at(-1)).toMatchObject({ phase: 'open', shown: true });
    expect((await page.read()).shown).toBe(true);
    // Out of both: the machine enters its grace period with the card still on screen, and only its expiry closes it.
    since = inside.length;
    const blank = await page.blankPoint();
    await page.hover(blank.x, blank.y);
    const after = (await hoverSettled(page.page, pointerOff, { since })).slice(since);
    const left = after.findIndex(pointerOff);
    expect(after[left]).toMatchObject({ phase: 'grace', shown: true });
    const graceToken = after[left]!.effects.find((e) => e.type === 'grace')!.token;
    const expiry = after.findIndex((s) => s.event === 'grace-elapsed' && s.token === graceToken);
    expect(expiry).toBeGreaterThan(left);
    // Nothing closed the card between leaving and the grace period's end.
    expect(after.slice(left, expiry).every((s) => s.shown)).toBe(true);
    expect(after[expiry]).toMatchObject({ phase: 'idle', shown: false });
    await page.waitForNoCard();
    await page.close();
  });

  it('a dwell abandoned before it ends shows no card, not even late', async () => {
    // A dwell long enough that leaving always comes first, even on a loaded machine (the setting allows up to 3 s).
    await changeSettings(lens, { dwellMs: 2_000 });
    const page = await openArticle(lens, server);
    const mark = await page.mark('Baku');
    await page.hover(mark.x, mark.y);
    await waitForStep(page.page, dwellStarted, 'the dwell to start');
    const blank = await page.blankPoint();
    await page.hover(blank.x, blank.y);
    // Read after the abandoned dwell's own timer has fired: it came back stale and showed nothing.
    const steps = await hoverSettled(page.page, pointerOff);
    const dwell = steps.find(dwellStarted)!.effects.find((e) => e.type === 'dwell')!.token;
    const fired = steps.findIndex((s) => s.event === 'dwell-elapsed' && s.token === dwell);
    expect(fired).toBeGreaterThan(steps.findIndex(pointerOff));
    expect(steps.some((s) => s.effects.some((e) => e.type === 'show'))).toBe(false);
    expect((await page.read()).shown).toBe(false);
    await page.close();
  });

  it('Esc closes the card', async () => {
    const page = await openArticle(lens, server);
    const mark = await page.mark('Middle Corridor');
    await page.hoverUntilCard(mark, 'Middle Corridor');
    await page.press('Escape');
    await page.waitForNoCard();
    // The pointer still rests on the mark, and moves on it: Esc means closed, not "open again after another dwell".
    const since = (await hoverSteps(page.page)).length;
    await page.hover(mark.x + 2, mark.y);
    const steps = (await hoverSettled(page.page, pointerOnMark, { since })).slice(since);
    expect(steps.some((s) => s.effects.some((e) => e.type === 'dwell' || e.type === 'show'))).toBe(false);
    expect((await page.read()).shown).toBe(false);
    await page.close();
  });

  it('keyboard: Alt+Shift+M opens marks in reading order with focus in the card; Tab walks it; Esc returns focus', async () => {
    const page = await openArticle(lens, server);
    const blank = await page.blankPoint();
    await page.hover(blank.x, blank.y);
    await page.page.evaluate(() => {
      window.scrollTo(0, 0);
      document.querySelector<HTMLElement>('.brand')!.focus();
    });

    // The first mark in reading order is "Turkestan" in the lede (the calm default leaves the headline unmarked).
    await page.press('Alt+Shift+KeyM');
    await page.waitForCard('Turkestan (city)');
    const first = await page.read();
    expect(first.focusInCard).toContain('lens-card');
    expect(await page.page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('lens-card-host');

    await page.press('Tab');
    const afterTab = await page.read();
    expect(afterTab.focusInCard).not.toContain('lens-card');
    expect(afterTab.focusInCard).toBeTruthy();
    await page.press('Tab');
    expect((await page.read()).focusInCard).not.toBe(afterTab.focusInCard);

    await page.press('Alt+Shift+KeyM');
    await page.waitForCard('Karabakh');
    expect((await page.read()).focusInCard).toContain('lens-card');

    await page.press('Escape');
    await page.waitForNoCard();
    expect(await page.page.evaluate(() => document.activeElement?.className)).toBe('brand');
    await page.close();
  });

  it('a related-entity chip switches the card, and Back returns', async () => {
    const page = await openArticle(lens, server);
    const mark = await page.mark('Shushi');
    await page.hoverUntilCard(mark, 'Shusha');
    const { rect } = await page.read();
    await page.hover(rect!.left + 30, rect!.top + 30);
    const chip = (await page.read()).chips[0]!;
    expect(await page.pressButton(chip)).toBe(true);
    await page.waitForBack();
    expect((await page.read()).name).not.toBe('Shusha');
    expect(await page.pressButton('← Back')).toBe(true);
    await page.waitForCard('Shusha');
    await page.close();
  });

  it('is styled under a strict Content-Security-Policy', async () => {
    const page = await openArticle(lens, server, '/csp-article.html');
    const marks = await page.marks();
    const mark = marks.find((m) => m.text === 'TANAP') ?? marks[0]!;
    await page.hoverUntilCard(mark);
    const styled = await page.style();
    expect(styled.radius).toBe('10px');
    expect(parseFloat(styled.width)).toBeCloseTo(400, 0);
    expect(styled.position).toBe('absolute');
    await page.close();
  });

  it('"Save snippet" saves the sentence around the mark', async () => {
    // An address of its own, so a retry finds only its own save.
    const page = await openArticle(lens, server, `/cards-news.html?save=${Date.now()}`);
    const mark = await page.mark('Shushi');
    await page.hoverUntilCard(mark, 'Shusha');
    expect(await page.pressButton('Save snippet')).toBe(true);
    await page.status();
    expect((await page.read()).buttons).toContain('Saved');
    // What was stored: the page's sentence around the mark, with the page's address and the entity it names.
    const sentence = await page.page.evaluate(() =>
      document.getElementById('lede')!.textContent!.replace(/\s+/g, ' ').trim(),
    );
    const url = await page.page.evaluate(() => location.href);
    await page.close();
    const library = await LibraryPage.open(lens);
    try {
      const stored = (await library.records())!.filter((r) => r.url === url);
      expect(stored).toEqual([
        expect.objectContaining({ text: sentence, url, entityIds: expect.arrayContaining(['shusha']) }),
      ]);
    } finally {
      await library.close();
    }
  });

  // The settings these change are put back by the next test's beforeEach.
  it('"Hide name" unmarks that entity at once; "Off on this site" unmarks everything', async () => {
    const page = await openArticle(lens, server);
    expect(await page.markCount('Baku')).toBeGreaterThan(0);
    const mark = await page.mark('Baku');
    await page.hoverUntilCard(mark, 'Baku');
    expect(await page.pressButton('More ▾')).toBe(true);
    expect(await page.pressButton('Hide name')).toBe(true);
    await page.waitForNoCard();
    await page.waitForUnmarked('Baku');
    expect(await page.markCount('Baku')).toBe(0);
    const other = await page.mark('Middle Corridor');
    await page.hoverUntilCard(other, 'Middle Corridor');
    expect(await page.pressButton('More ▾')).toBe(true);
    expect(await page.pressButton('Off on this site')).toBe(true);
    await page.waitForNoCard();
    await page.waitForNoMarks();
    expect(await page.marks()).toEqual([]);
    await page.close();
  });

  it('nothing logged an error or threw', async () => {
    expect(await lens.consoleErrors()).toEqual([]);
  });
});

describe.each(browsersUnderTest())('%s hover cards in dark mode', (browserName) => {
  let server: StaticServer;
  let lens: LensBrowser;

  beforeAll(async () => {
    server = await startStaticServer();
    lens = await borrowLensBrowser(browserName, { colorScheme: 'dark' });
  });

  afterAll(async () => {
    await lens?.close();
    await server?.close();
  });

  it('follows prefers-color-scheme: dark', async () => {
    const page = await openArticle(lens, server);
    const mark = await page.mark('Shushi');
    await page.hoverUntilCard(mark, 'Shusha');
    const card = await page.read();
    expect(luminance(card.background)).toBeLessThan(0.2);
    await page.close();
  });
});
