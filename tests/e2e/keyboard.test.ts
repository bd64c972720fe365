/**
 * Keyboard only, end to end (issue 19), in Chromium and Firefox, in one browser session: on every extension page and
 * view, and on an open card, Tab reaches every control in document order and comes back round (nothing traps focus),
 * Shift+Tab walks the same stops backwards, and every stop shows a focus indicator that contrasts at least 3:1 with
 * what is behind it (keyboard-tools.ts measures it). The keys each page offers do what they say: arrows in the popup's
 * results, the library's list and explore's tabs, Enter to open, Esc to go back or close, Space on a switch; the export
 * dialog, the one modal, keeps focus inside until Esc and gives it back; the card opens with Alt+Shift+M, is walked
 * with Tab and closes with Esc.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browsersUnderTest, launchLensBrowser, PROJECT_ROOT } from '../../automation/browsers';
import { waitInPage, type ExtensionPageName, type LensBrowser, type LensPage } from '../../automation/lens-browser';
import { startStaticServer, type StaticServer } from '../../automation/static-server';
import { realisticSnippets } from '../../scripts/bench/library-snippets';
import { waitForCard, waitForNoCard } from './cards-driver';
import {
  outOfOrder,
  shiftTabStops,
  stopsWithoutFocusIndicator,
  tabLeavesLastStop,
  tabRound,
  unreachedControls,
  type TabWalk,
} from './keyboard-tools';
import { LibraryPage } from './pages/library-page';
import { PopupPage } from './pages/popup-page';

const SNIPPETS = 4;

async function open(lens: LensBrowser, path: string, ready: () => unknown, what: string): Promise<LensPage> {
  const page = await lens.openExtensionPage(path as ExtensionPageName);
  await waitInPage(page, ready, what, 20_000);
  return page;
}

const labels = (walk: TabWalk) => walk.stops.map((s) => s.label);

/**
 * The whole-page contract: one round of Tab from the start of `container`, every control (within `within`, a
 * selector or a path through open shadow roots) reached in order, Shift+Tab back over the last stops, an indicator on
 * every stop, and with `leave` (the page's last keyboard step) Tab moving on from the last stop.
 */
async function expectKeyboardRound(
  page: LensPage,
  {
    budget = 160,
    within,
    container,
    leave = false,
  }: { budget?: number; within?: string | string[]; container?: string; leave?: boolean } = {},
): Promise<TabWalk> {
  const walk = await tabRound(page, budget, container);
  const list = (items: string[]) => items.join('\n');
  expect(walk.cycled, `Tab did not reach the last control:\n${list(labels(walk))}`).toBe(true);
  expect(list(await unreachedControls(page, within)), 'controls Tab never reached').toBe('');
  expect(list(await outOfOrder(page, walk.stops)), 'Tab going backwards').toBe('');
  // From the last stop, Shift+Tab walks the stops before it in reverse.
  const last = walk.stops[walk.stops.length - 1]!;
  const count = Math.min(walk.stops.length - 1, 4);
  const back = await shiftTabStops(page, last, count);
  expect(list(back.map((s) => s.label)), 'Shift+Tab from the last stop').toBe(
    list([...labels(walk)].reverse().slice(1, count + 1)),
  );
  expect(list(await stopsWithoutFocusIndicator(page, walk.stops)), 'stops without a visible focus indicator').toBe('');
  if (leave) expect(await tabLeavesLastStop(page, last), `Tab on the last stop (${last.label}) moves on`).toBe(true);
  return walk;
}

describe.each(browsersUnderTest())('%s: keyboard only', (browserName) => {
  let lens: LensBrowser;
  let server: StaticServer;
  let articleTab: number;

  beforeAll(async () => {
    server = await startStaticServer({ roots: [join(PROJECT_ROOT, 'tests/e2e/fixtures')] });
    lens = await launchLensBrowser(browserName);
    await (await LibraryPage.open(lens, { records: realisticSnippets(SNIPPETS) })).close();
    const article = await lens.openPage(server.url('/article.html'));
    await lens.scanReport(article);
    const finder = await PopupPage.open(lens);
    articleTab = await finder.tabIdOf(server.url('/article.html'));
    await finder.close();
  });
  afterAll(async () => {
    await lens?.close();
    await server?.close();
  });

  it('popup: every control in one round; arrows move through the results, Enter opens a card, Esc goes back', async () => {
    const popup = await open(
      lens,
      `popup.html?tab=${articleTab}`,
      () => document.documentElement.dataset.page === 'page' && !!document.querySelector('.page-list li'),
      'the popup with its page',
    );
    const query = 'toqaev';
    await popup.evaluate(() => document.querySelector<HTMLInputElement>('.search-input')!.focus());
    for (const key of query) await popup.press(key);
    await waitInPage(popup, () => document.querySelectorAll('.result').length > 1, 'results');
    await expectKeyboardRound(popup);
    await popup.evaluate(() => document.querySelector<HTMLInputElement>('.search-input')!.focus());
    const selected = () =>
      popup.evaluate(() =>
        [...document.querySelectorAll('.result')].findIndex((r) => r.getAttribute('aria-selected') === 'true'),
      );
    expect(await selected()).toBe(0);
    await popup.press('ArrowDown');
    expect(await selected()).toBe(1);
    await popup.press('ArrowUp');
    expect(await selected()).toBe(0);
    await popup.press('Enter');
    await waitInPage(popup, () => !!document.querySelector('.card-view .lens-card'), 'the card');
    expect(await popup.evaluate(() => document.activeElement?.classList.contains('lens-card'))).toBe(true);
    // The card's own controls are in the round too.
    await expectKeyboardRound(popup);
    await popup.evaluate(() => document.querySelector<HTMLElement>('.card-view .lens-card')!.focus());
    await popup.press('Escape');
    await waitInPage(popup, () => !document.querySelector('.card-view') && !!document.querySelector('.result'), 'back');
    expect(await popup.evaluate(() => document.activeElement?.classList.contains('search-input'))).toBe(true);
    // An empty search box: back to what the popup says about its page (Esc there would close the popup).
    for (let i = 0; i < query.length; i++) await popup.press('Backspace');
    await waitInPage(popup, () => !!document.querySelector('.page-list li'), 'the page again');
    await expectKeyboardRound(popup, { leave: true });
    await popup.close();
  });

  it('options: every control in one round; Space flips a switch', async () => {
    const options = await open(lens, 'options.html', () => !!document.querySelector('[role="switch"]'), 'the settings');
    const flip = () => options.evaluate(() => document.querySelector<HTMLInputElement>('[role="switch"]')!.checked);
    const before = await flip();
    await options.evaluate(() => document.querySelector<HTMLElement>('[role="switch"]')!.focus());
    await options.press(' ');
    await waitInPage(
      options,
      (b) => document.querySelector<HTMLInputElement>('[role="switch"]')!.checked !== b,
      'the switch',
      5_000,
      before,
    );
    // Back as it was (the first switch may be one that turns marking off for the tests below).
    await options.press(' ');
    await waitInPage(
      options,
      (b) => document.querySelector<HTMLInputElement>('[role="switch"]')!.checked === b,
      'the switch back',
      5_000,
      before,
    );
    await expectKeyboardRound(options, { leave: true });
    await options.close();
  });

  it('library: every control in one round, with a snippet open too; arrows open the next snippet, Esc closes it', async () => {
    const library = await open(
      lens,
      'library.html',
      () => document.documentElement.dataset.libraryCount === '4',
      'the snippets',
    );
    // On the first snippet's title (where Tab reaches the list), ArrowDown opens the next one.
    await library.evaluate(() => document.querySelector<HTMLElement>('.snippet-row .row-title')!.focus());
    await library.press('ArrowDown');
    await waitInPage(library, () => !!document.querySelector('.detail'), 'an open snippet');
    await expectKeyboardRound(library);
    await library.evaluate(() => document.querySelector<HTMLElement>('.snippet-row .row-title')!.focus());
    await library.press('Escape');
    await waitInPage(library, () => !document.querySelector('.detail'), 'the snippet to close');
    await expectKeyboardRound(library, { leave: true });
    await library.close();
  });

  it.each(['entities', 'sources', 'names'])('library, the %s view: every control in one round', async (view) => {
    const page = await open(lens, `library.html?view=${view}`, () => !!document.querySelector('.own-view h2'), view);
    await expectKeyboardRound(page, { leave: true });
    await page.close();
  });

  it('explore: every control in one round on the timeline, its list, the map and its table; arrows switch the tabs', async () => {
    // The chart on two years (from the default five, a window this size falls back to the list) and the list of one
    // name's events: the same controls as the whole fact base's, at a tenth of the stops.
    const views = [
      ['view=timeline&from=2021&to=2022', () => !!document.querySelector('.ex-view .ex-stage svg')],
      ['view=timeline&as=list&entity=ots', () => !!document.querySelector('.ex-view [data-event-id]')],
      ['view=map&entity=ots', () => document.documentElement.dataset.mapReady === 'true'],
      ['view=map&entity=ots&as=list', () => !!document.querySelector('.ex-view tbody tr')],
    ] as const;
    for (const [query, shown] of views) {
      const page = await open(lens, `explore.html?${query}`, shown, query);
      await waitInPage(
        page,
        () =>
          document.documentElement.dataset.detailsReady === 'true' &&
          !document.querySelector('[data-testid="card-loading"]'),
        `${query}: the details`,
      );
      if (query === views[0][0]) {
        await page.evaluate(() => document.querySelector<HTMLElement>('#ex-tab-timeline')!.focus());
        await page.press('ArrowRight');
        await waitInPage(
          page,
          () => document.querySelector('#ex-tab-map')!.getAttribute('aria-selected') === 'true',
          'the map tab',
        );
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('ex-tab-map');
        await page.press('ArrowLeft');
        await waitInPage(
          page,
          () =>
            document.querySelector('#ex-tab-timeline')!.getAttribute('aria-selected') === 'true' &&
            !!document.querySelector('.ex-view .ex-stage svg'),
          'the timeline tab',
        );
      }
      await expectKeyboardRound(page, { budget: 200, leave: true });
      await page.close();
    }
  });

  it('explore: the export dialog is walked inside, keeps focus there until Esc, then gives it back to Export', async () => {
    const map = await open(
      lens,
      'explore.html?view=map&entity=ots',
      () => document.documentElement.dataset.mapReady === 'true',
      'the map',
    );
    const exportButton = '.ex-top-tools .ex-button-primary';
    await map.evaluate((s) => document.querySelector<HTMLElement>(s)!.focus(), exportButton);
    await map.press('Enter');
    await waitInPage(map, () => !!document.querySelector('dialog[open] [data-testid="export-png"]'), 'the dialog');
    const walk = await expectKeyboardRound(map, { budget: 30, within: 'dialog[open]', container: 'dialog[open]' });
    const outside = await map.evaluate(
      (indexes) =>
        indexes.filter(
          (i) => !(window as unknown as { __lensFocus: { walk: Element[] } }).__lensFocus.walk[i]!.closest('dialog'),
        ).length,
      walk.stops.map((s) => s.index),
    );
    expect(outside, 'stops outside the modal dialog').toBe(0);
    await map.press('Escape');
    await waitInPage(map, () => !document.querySelector('dialog[open]'), 'the dialog to close');
    expect(await map.evaluate((s) => document.activeElement === document.querySelector(s), exportButton)).toBe(true);
    await map.close();
  });

  it('card: Alt+Shift+M opens it with focus inside, Tab reaches each of its controls, Esc closes it', async () => {
    const page = await lens.openPage(server.url('/article.html'));
    await lens.scanReport(page);
    await page.press('Alt+Shift+KeyM');
    await waitForCard(page, null);
    const inCard = () =>
      page.evaluate(() => !!document.querySelector('lens-card-host')?.shadowRoot?.activeElement?.closest('.lens-card'));
    expect(await inCard()).toBe(true);
    // From the start of the page, through its links into the card: each of the card's controls is a stop.
    await expectKeyboardRound(page, { budget: 80, within: ['lens-card-host'], container: 'html' });
    await page.press('Escape');
    await waitForNoCard(page);
    await page.close();
  });
});
