/**
 * What the extension does when something does act through a card (issue 22): the reader's own presses here stand in
 * for a page that found a way past the trusted-input checks, since a page's synthetic ones no longer reach the
 * buttons (tests/e2e/attacks.test.ts). Settings for a whole site or every site change with an Undo; an unusual burst
 * of hides waits for the reader's confirmation; tabs opened from one tab's cards are rate-limited; and the library
 * opens only web links from an imported snippet. Each test failed against the build before the fix (see the commit
 * that added it).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { browsersUnderTest } from '../../automation/browsers';
import { borrowLensBrowser } from '../../automation/shared-browser';
import { sleep, type LensBrowser } from '../../automation/lens-browser';
import { startStaticServer, type StaticServer } from '../../automation/static-server';
import { actionMessages, contentMessagesReach, extensionState, storedSettings, tabsReach } from './attacks-tools';
import { changeSettings } from './cards-driver';
import { CardPage } from './pages/card-page';
import { LibraryPage } from './pages/library-page';

let server: StaticServer;
beforeAll(async () => {
  server = await startStaticServer();
});
afterAll(async () => {
  await server?.close();
});

async function openAttackPage(lens: LensBrowser): Promise<CardPage> {
  const page = new CardPage(await lens.openPage(server.url('/attacks/article.html')));
  await page.waitForMarks(3);
  return page;
}

/** Opens a mark's card with the real pointer and presses its buttons `labels` in turn, as the reader would. */
async function pressInCard(page: CardPage, mark: { x: number; y: number }, ...labels: string[]): Promise<void> {
  await page.hover(5, 5);
  await page.hoverUntilCard(mark);
  for (const label of labels) {
    const at = await page.buttonAt(label);
    await page.click(at.x, at.y);
  }
}

describe.each(browsersUnderTest())('%s: acting through a card', (name) => {
  let lens: LensBrowser;
  beforeAll(async () => {
    lens = await borrowLensBrowser(name);
  });
  afterAll(async () => {
    await lens?.close();
  });

  it('the library links an imported snippet only to a web page: file: and javascript: addresses stay text', async () => {
    const now = Date.now();
    const record = (url: string, title: string) => ({
      id: randomUUID(),
      text: `A passage from ${title}.`,
      url,
      title,
      createdAt: now,
      updatedAt: now,
      selector: { type: 'TextQuoteSelector', exact: `A passage from ${title}.`, prefix: '', suffix: '' },
      entityIds: [],
      note: '',
      tags: [],
    });
    const snippets = [
      record('file:///etc/passwd', 'the password file'),
      record('javascript:alert(document.domain)', 'a script address'),
      record('https://news.example.org/story', 'a news story'),
    ];
    const lib = await LibraryPage.open(lens);
    const file = { format: 'caspian-lens/snippets', version: 2, exportedAt: new Date(now).toISOString(), count: 3 };
    await lib.provideFile('Import…', 'links.json', JSON.stringify({ ...file, snippets }));
    expect(await lib.banner()).toMatch(/Imported 3 snippets/);
    await lib.waitForCount(3);
    const tabs = (await extensionState(lens)).tabs;
    const links: Record<string, string | null> = {};
    for (const s of snippets) {
      // Open the snippet's detail (a real click on its row), then a real click on its title: the web page's title is
      // a link, which opens one tab, after any the titles before it could have opened.
      const row = await lib.rowPoint(s.title);
      await lib.click(row.x, row.y);
      const title = await lib.detailTitle(s.title);
      links[s.url] = title.href;
      await lib.click(title.x, title.y);
    }
    expect(links).toEqual({
      'file:///etc/passwd': null,
      'javascript:alert(document.domain)': null,
      'https://news.example.org/story': 'https://news.example.org/story',
    });
    // No other link in the library points anywhere but the web or the extension, and clicking the titles opened nothing.
    const hrefs = await lib.linkAddresses();
    expect(hrefs.filter((h) => /^(file|javascript|data|blob):/i.test(h.trim()))).toEqual([]);
    // Clicking the other two titles opened nothing: the web link's tab, opened after them, is the only new one.
    expect(await tabsReach(lens, tabs + 1)).toBe(tabs + 1);
    await lib.close();
  });

  it('"Off on this site" offers Undo, which only the reader can press', async () => {
    const page = await openAttackPage(lens);
    const marks = (await page.marks()).length;
    const [mark] = await page.marks();
    // Whatever happens below, the site is on again for the next tests.
    onTestFinished(() => changeSettings(lens, { disabledSites: [] }));
    await pressInCard(page, mark!, 'More', 'Off on this site');
    await page.waitForToast(/off on 127\.0\.0\.1/);
    expect((await page.marks()).length).toBe(0);
    const undos = (await actionMessages(lens))['undo-disable-site']!;
    // The page presses Undo itself: nothing changes.
    expect(await page.pressToastByScript()).toBeGreaterThan(0);
    expect((await storedSettings(lens)).disabledSites).toEqual(['127.0.0.1']);
    // The reader presses it: the site is on again, and its marks come back. Its Undo is the only one sent: the toast
    // shows the answer to it, and any the page's presses had sent went before it.
    const undo = (await page.waitForToast(/off on 127\.0\.0\.1/)).buttons.find((b) => b.label === 'Undo')!;
    await page.click(undo.x, undo.y);
    await page.waitForToast(/on again on 127\.0\.0\.1/);
    expect((await actionMessages(lens))['undo-disable-site']).toBe(undos + 1);
    expect((await storedSettings(lens)).disabledSites).toEqual([]);
    // The marks come back.
    await page.waitForMarks(marks);
    await page.close();
  });

  it('five hides within a minute are each undoable; the sixth waits for the reader to confirm, and has Undo too', async () => {
    const page = await openAttackPage(lens);
    const hidden = async () => ((await storedSettings(lens)).hiddenEntities as string[] | undefined) ?? [];
    const start = (await hidden()).length;
    for (let i = 1; i <= 5; i++) {
      const [mark] = await page.marks();
      await pressInCard(page, mark!, 'More', 'Hide name');
      const toast = await page.waitForToast(/will not be marked on any site/);
      expect(toast.buttons.map((b) => b.label)).toContain('Undo');
      await page.waitForUnmarked(mark!.text);
      expect((await hidden()).length).toBe(start + i);
    }
    // The sixth asks first.
    const [sixth] = await page.marks();
    await pressInCard(page, sixth!, 'More', 'Hide name');
    await page.waitForToast(/hidden several names/);
    const hides = (await actionMessages(lens))['hide-entity']!;
    // The page cannot confirm for the reader; the name stays marked until the reader does.
    await page.pressToastByScript();
    expect((await hidden()).length).toBe(start + 5);
    const confirm = (await page.waitForToast(/hidden several names/)).buttons.find((b) => b.label === 'Hide')!;
    await page.click(confirm.x, confirm.y);
    await page.waitForToast(/will not be marked on any site/);
    // The reader's confirmation is the only one sent: the toast shows the answer to it, and any the page's presses
    // had sent went before it.
    expect((await actionMessages(lens))['hide-entity']).toBe(hides + 1);
    expect((await hidden()).length).toBe(start + 6);
    const undo = (await page.waitForToast(/will not be marked on any site/)).buttons.find((b) => b.label === 'Undo')!;
    await page.click(undo.x, undo.y);
    await page.waitForToast(/is marked again/);
    expect((await hidden()).length).toBe(start + 5);
    await page.close();
  });

  it("one tab's cards open at most 4 tabs a minute (Search and Map), however often they are pressed", async () => {
    const page = await openAttackPage(lens);
    const before = (await extensionState(lens)).tabs;
    const [mark] = await page.marks();
    await page.hover(5, 5);
    await page.hoverUntilCard(mark!);
    const search = await page.buttonAt('Search');
    const map = await page.buttonAt('Map');
    const opening = ['open-search', 'open-explore'];
    const sentBefore = await actionMessages(lens);
    const pressedBefore = sentBefore['open-search']! + sentBefore['open-explore']!;
    // Six presses in a row on the open card.
    for (const at of [map, search, map, search, map, search]) {
      await page.click(at!.x, at!.y);
      await sleep(150);
    }
    // The background opens a tab, or refuses to, as each press reaches it: once all six have, and the four allowed
    // tabs are there, no other tab is on its way.
    await contentMessagesReach(lens, opening, pressedBefore + 6);
    await tabsReach(lens, before + 4);
    expect((await extensionState(lens)).tabs - before).toBe(4);
  });
});
