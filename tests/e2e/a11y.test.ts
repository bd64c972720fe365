/**
 * Accessibility end to end (issue 19), in Chromium and Firefox, one browser session per colour scheme, borrowed
 * from the run's shared browsers (automation/shared-browser.ts) rather than launched:
 *
 * - **axe-core**, its whole default rule set and every impact, on every extension page and view and on an open hover
 *   card, in the light and the dark scheme, in every interface language (which rules run where: planFor). A failure
 *   lists each violation with its language and the element it was found on. Each page is opened once and audited in
 *   each language switched through the extension's own setting while the page stays open (as a reader's Options →
 *   Language does), so a language costs a re-render and an axe run, not a page load. Every audit also looks for
 *   Chromium's stand-in for a month it has no name for ("M05", Kazakh and Uzbek): dates must be digits there.
 * - **The keyboard alone**, in both schemes: on every page and view and on an open card, Tab reaches every control in
 *   document order and comes back round (nothing traps focus), Shift+Tab walks the same stops backwards, and every
 *   stop shows a focus indicator that contrasts at least 3:1 with what is behind it (keyboard-tools.ts measures it).
 *   The keys each page offers do what they say: arrows in the popup's results, the library's list and explore's
 *   tabs, Enter to open, Esc to go back or close, Space on a switch; the export dialog, the one modal, keeps focus
 *   inside until Esc and gives it back; the card opens with Alt+Shift+M, is walked with Tab and closes with Esc.
 * - **Reduced motion**: the dark session asks for `prefers-reduced-motion: reduce`. Explore's zooms must then jump
 *   at once and nothing on explore, options or the popup may transition; in the light session, without the
 *   preference, the same zoom is measured gliding, so the measurement can see a glide when there is one.
 *
 * The card lives in a closed shadow root in a user's browser; the test build leaves it open (wxt.config.ts), which
 * is how axe and the keyboard walk reach it.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browsersUnderTest, PROJECT_ROOT } from '../../automation/browsers';
import { waitInPage, type ExtensionPageName, type LensBrowser, type LensPage } from '../../automation/lens-browser';
import { borrowLensBrowser } from '../../automation/shared-browser';
import { startStaticServer, type StaticServer } from '../../automation/static-server';
import { LANGUAGES } from '../../lib/i18n/languages';
import { realisticSnippets } from '../../scripts/bench/library-snippets';
import { describeViolations, monthStandIns, runAxe, setLanguage, waitForLanguage, type AxeRules } from './a11y-tools';
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

const SCHEMES = ['light', 'dark'] as const;
/** Snippets in the library (the pages' ready checks, sent as source, say '8' themselves). */
const SNIPPETS = 8;
const ENGLISH: readonly string[] = ['en'];

/**
 * What a session audits: in which interface languages (English first, the page as it opened) and with which of axe's
 * rules. Every language is audited in both schemes, split by what can change the answer:
 * - A language changes the page's words, `lang`, dates and so its layout (what wraps, what sits over which
 *   background): any rule's answer, colour contrast's included. So Chromium's light session runs every rule in every
 *   language.
 * - A colour scheme changes colours and nothing else: the same elements, attributes and layout (the pages' dark
 *   styles set custom properties and `color-scheme` only; scripts that read the scheme pick colours with it). So the
 *   dark session needs only the rules that read colours (COLOUR_RULES), again in every language; any other rule
 *   would repeat the light session's answer on the same DOM. Firefox's dark session runs every rule, which would
 *   catch a dark DOM that differs after all.
 * - Firefox audits English in both schemes, every rule, and not the five other languages: Chromium's per-language
 *   audit covers what a language changes. A language's words, `lang` attributes, accessible names, plurals and dates
 *   reach the DOM from the same code in both browsers (t(), Intl), so a rule that reads them (names, labels, `lang`,
 *   headings, landmarks) gets the same answer on the same DOM in Firefox. What Firefox does on its own is layout and
 *   the accessibility tree, and those its English audits cover in every rule. What a language changes in Firefox's
 *   layout (longer words wrapping, right to left) is checked in Firefox by pseudo-layout.test.ts with the longest
 *   text, and colours do not change with the language: no page puts text over an image or a gradient, so wrapping
 *   moves text over the same background. Where the browsers' data differ (Chromium has no Kazakh or Uzbek month
 *   names), every audit looks for the stand-in. Every language there too would cost 2 × 5 passes of about fifteen
 *   pages and views, at 1.5–2 s an audit after a switch: some 200–300 s, against a CI that must stay under 20 min.
 * What this costs: an audit after a language switch took about 0.9 s with or without colour contrast while axe's
 * source went with every audit (0.35 s now that a page gets it once: a11y-tools.ts), so contrast in every language is
 * nearly free; the dark session's
 * five more languages (a switch, its re-render, an audit each) are the price: at load 9–15, four of the dark
 * session's audits took 42 s against 13 s with English alone, and Chromium's 22 audits 210 s in all.
 */
interface Plan {
  languages: readonly string[];
  rules: AxeRules;
}
const planFor = (browser: string, scheme: string): Plan =>
  browser !== 'chromium'
    ? { languages: ENGLISH, rules: 'all' }
    : { languages: LANGUAGES, rules: scheme === 'light' ? 'all' : 'colour' };

async function open(lens: LensBrowser, path: string, ready: () => unknown, what: string): Promise<LensPage> {
  const page = await lens.openExtensionPage(path as ExtensionPageName);
  await waitInPage(page, ready, what, 20_000);
  return page;
}

interface AuditOptions {
  /** Within these elements only: a selector, or a path through shadow roots (the host, then the element in it). */
  include?: (string | string[])[];
  /** The languages to audit in, English first. */
  languages?: readonly string[];
  /** Which of axe's rules run. */
  rules?: AxeRules;
  /** An extension page to switch the language through, for a web page's card (read then on the card's `lang`). */
  via?: LensPage;
  /** Waits until the page shows again what is audited, after a language's re-render (which drops its state). */
  restore?: (page: LensPage) => Promise<unknown>;
}

/**
 * Audits `page` in each language and expects no violation and no month stand-in in any (the failure lists them per
 * language); then sets the language back to the browser's, for the tests after it.
 */
async function auditInLanguages(
  page: LensPage,
  { include, languages = ENGLISH, rules = 'all', via, restore }: AuditOptions = {},
): Promise<void> {
  const found: Record<string, string[]> = {};
  for (const [i, language] of languages.entries()) {
    if (i > 0) {
      await setLanguage(via ?? page, language);
      await waitForLanguage(page, language, !!via);
      await restore?.(page);
    }
    const problems = [
      ...describeViolations(await runAxe(page, include, rules)),
      ...(await monthStandIns(page)).map((s) => `month stand-in: ${s}`),
    ];
    if (problems.length) found[language] = problems;
  }
  if (languages.length > 1) await setLanguage(via ?? page, 'auto');
  expect(found).toEqual({});
}

const labels = (walk: TabWalk) => walk.stops.map((s) => s.label);

/**
 * The whole-page keyboard contract: one round of Tab from the start of `container`, every control (within `within`, a
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

/**
 * How a zoom moved the chart: `jumped` when its items were already where they go in the click's own task (a jump
 * happens there, a glide only begins on the next animation frame), `glided` when they moved only after it, `still`
 * when they did not move within two seconds. Told apart without counting frames, which a loaded machine starves.
 */
type ZoomMove = 'jumped' | 'glided' | 'still';

interface Motion {
  move: ZoomMove;
  /** Elements (and ::before/::after) of the page with a CSS transition longer than 0 s. */
  transitions: string[];
}

/** Lists the page's CSS transitions, then clicks the chart's Zoom in (the first button of its zoom group). */
function zoomMotion(page: LensPage): Promise<Motion> {
  return page.evaluate(
    () =>
      new Promise<Motion>((done) => {
        const transitions: string[] = [];
        for (const el of document.querySelectorAll('*'))
          for (const pseudo of [null, '::before', '::after']) {
            const duration = getComputedStyle(el, pseudo).transitionDuration;
            if (duration.split(',').some((part) => parseFloat(part) > 0))
              transitions.push(
                `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}${pseudo ?? ''} ${duration}`,
              );
          }
        const items = () =>
          [...document.querySelectorAll('.ex-chart [data-event-id], .ex-chart [data-node-id]')]
            .slice(0, 8)
            .map((e) => {
              const r = e.getBoundingClientRect();
              return `${r.x.toFixed(1)},${r.y.toFixed(1)},${r.width.toFixed(1)}`;
            })
            .join(' ');
        const before = items();
        document.querySelector<HTMLButtonElement>('.ex-zoom-controls button')!.click();
        if (items() !== before) return done({ move: 'jumped', transitions });
        const started = performance.now();
        const watch = () => {
          if (items() !== before) done({ move: 'glided', transitions });
          else if (performance.now() - started > 2_000) done({ move: 'still', transitions });
          else requestAnimationFrame(watch);
        };
        requestAnimationFrame(watch);
      }),
  );
}

/** Switches on the page that transition (options', the popup's): none may, with reduced motion. */
function switchTransitions(page: LensPage): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('input')].flatMap((el) =>
      [null, '::after']
        .filter((pseudo) =>
          getComputedStyle(el, pseudo)
            .transitionDuration.split(',')
            .some((part) => parseFloat(part) > 0),
        )
        .map((pseudo) => `input.${el.className}${pseudo ?? ''}`),
    ),
  );
}

describe.each(browsersUnderTest())('%s: accessibility', (browserName) => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await startStaticServer({ roots: [join(PROJECT_ROOT, 'tests/e2e/fixtures')] });
  });
  afterAll(async () => {
    await server?.close();
  });

  describe.each(SCHEMES)('%s scheme', (scheme) => {
    const light = scheme === 'light';
    const reducedMotion = !light;
    const plan = planFor(browserName, scheme);
    const audit = (page: LensPage, options: AuditOptions = {}) => auditInLanguages(page, { ...plan, ...options });
    let lens: LensBrowser;
    let articleTab: number;

    const snippets = realisticSnippets(SNIPPETS);

    beforeAll(async () => {
      lens = await borrowLensBrowser(browserName, { colorScheme: scheme, reducedMotion });
      await (await LibraryPage.open(lens, { records: snippets })).close();
      const article = await lens.openPage(server.url('/article.html'));
      await lens.scanReport(article);
      const finder = await PopupPage.open(lens);
      articleTab = await finder.tabIdOf(server.url('/article.html'));
      await finder.close();
    });
    afterAll(async () => {
      // Snippets left in the database would make the shared browser unfit to lend (its next borrower would get a
      // new launch): they go as the library deletes them, telling the background.
      if (lens)
        await LibraryPage.deleteSeeded(
          lens,
          snippets.map((s) => s.id),
        );
      await lens?.close();
    });

    const popupAboutPage = () =>
      open(
        lens,
        `popup.html?tab=${articleTab}`,
        () => document.documentElement.dataset.page === 'page' && !!document.querySelector('.page-list li'),
        'the popup with its page',
      );

    it('axe: the popup speaking about a web page', async () => {
      expect(articleTab).toBeGreaterThan(0);
      const popup = await popupAboutPage();
      await audit(popup, {
        restore: (p) => waitInPage(p, () => !!document.querySelector('.page-list li'), 'the page list'),
      });
      await popup.close();
    });

    it('axe: popup search results, the search window, and an entity card in the popup', async () => {
      for (const path of ['popup.html?q=toqaev', 'popup.html?q=shusha&window=1']) {
        const results = await open(lens, path, () => !!document.querySelector('[role="option"]'), path);
        await audit(results, {
          restore: (p) => waitInPage(p, () => !!document.querySelector('[role="option"]'), 'the results'),
        });
        await results.close();
      }
      const popup = await open(lens, 'popup.html?q=toqaev', () => !!document.querySelector('.result'), 'results');
      // A language's re-render starts the popup afresh: the card is opened again each time.
      const openCard = async (p: LensPage) => {
        await waitInPage(p, () => !!document.querySelector('.result'), 'results');
        await p.evaluate(() => document.querySelector<HTMLElement>('.result')!.click());
        await waitInPage(p, () => !!document.querySelector('.card-view .lens-card'), 'the card');
      };
      await openCard(popup);
      await audit(popup, { restore: openCard });
      await popup.close();
    });

    it('axe: options', async () => {
      const options = await open(lens, 'options.html', () => !!document.querySelector('h1 + *, input'), 'settings');
      await audit(options);
      await options.close();
    });

    it('axe: the library, snippets with one open, and its three other views', async () => {
      const library = await open(
        lens,
        'library.html',
        () => document.documentElement.dataset.libraryCount === '8',
        'the snippets',
      );
      const openSnippet = async (p: LensPage) => {
        await waitInPage(p, () => !!document.querySelectorAll('.snippet-row')[1], 'the snippets');
        await p.evaluate(() => document.querySelectorAll<HTMLElement>('.snippet-row')[1]!.click());
        await waitInPage(p, () => !!document.querySelector('.detail'), 'the open snippet');
      };
      await openSnippet(library);
      await audit(library, { restore: openSnippet });
      await library.close();
      for (const view of ['entities', 'sources', 'names']) {
        const shown = () => !!document.querySelector('.own-view h2');
        const page = await open(lens, `library.html?view=${view}`, shown, `the ${view} view`);
        await audit(page, { restore: (p) => waitInPage(p, shown, `the ${view} view`) });
        await page.close();
      }
    });

    /** The explore view is painted with its details and side card (they arrive after the first frame). */
    const exploreReady = () =>
      document.documentElement.dataset.detailsReady === 'true' &&
      !!document.querySelector('.ex-view [data-event-id], .ex-view [data-node-id], .ex-view tbody tr') &&
      !document.querySelector('[data-testid="card-loading"]');

    it.each([
      // The whole fact base's timeline chart in English; one name's chart and list, in every language (a language's
      // re-render and axe run over all the events would cost ten times as much, for the same elements). The whole
      // list is one name's list with more rows: axe took 12 s on it against 3 s on one name's.
      ['timeline chart', 'view=timeline', ENGLISH],
      ['timeline chart of one name with its card', 'view=timeline&entity=ots', null],
      ['timeline list of one name', 'view=timeline&as=list&entity=ots', null],
      ['map chart with its card', 'view=map&entity=ots', null],
      ['map table', 'view=map&entity=ots&as=list', null],
    ] as const)('axe: explore, %s', async (_, query, only) => {
      const explore = await open(lens, `explore.html?${query}`, exploreReady, `explore ${query}`);
      await audit(explore, {
        ...(only ? { languages: only } : {}),
        restore: (p) => waitInPage(p, exploreReady, `explore ${query}`, 20_000),
      });
      await explore.close();
    });

    it('axe: explore, the export dialog', async () => {
      const openDialog = async (p: LensPage) => {
        await waitInPage(p, () => document.documentElement.dataset.mapReady === 'true', 'the map');
        await p.evaluate(() => document.querySelector<HTMLElement>('.ex-top-tools .ex-button-primary')!.click());
        await waitInPage(p, () => !!document.querySelector('dialog[open]'), 'the export dialog');
      };
      const explore = await open(lens, 'explore.html?view=map&entity=ots', () => true, 'the map');
      await openDialog(explore);
      await audit(explore, { restore: openDialog });
      await explore.close();
    });

    it('axe: an open hover card', async () => {
      const web = await lens.openPage(server.url('/article.html'));
      await lens.scanReport(web);
      // Alt+Shift+M: the keyboard route to the first mark and its card.
      await web.press('Alt+Shift+KeyM');
      await waitForCard(web, null);
      const via = await lens.openExtensionPage('options.html');
      await audit(web, { include: [['lens-card-host']], via });
      await via.close();
      await web.close();
    });

    it(
      reducedMotion
        ? 'reduced motion: explore zooms jump at once, nothing transitions on explore, options or the popup'
        : 'no motion preference: the same zooms glide (so the measurement can see a glide), and switches transition',
      async () => {
        const moves: Record<string, ZoomMove> = {};
        const transitions: string[] = [];
        for (const query of ['view=timeline&entity=ots', 'view=map&entity=ots']) {
          const explore = await open(lens, `explore.html?${query}`, exploreReady, query);
          const motion = await zoomMotion(explore);
          moves[query] = motion.move;
          transitions.push(...motion.transitions);
          await explore.close();
        }
        const options = await open(lens, 'options.html', () => !!document.querySelector('[role="switch"]'), 'options');
        transitions.push(...(await switchTransitions(options)));
        await options.close();
        const popup = await popupAboutPage();
        transitions.push(...(await switchTransitions(popup)));
        await popup.close();
        const move: ZoomMove = reducedMotion ? 'jumped' : 'glided';
        expect(moves).toEqual({ 'view=timeline&entity=ots': move, 'view=map&entity=ots': move });
        if (reducedMotion) expect(transitions).toEqual([]);
        else expect(transitions.length).toBeGreaterThan(0);
      },
    );

    // The keyboard walk, in each scheme: a focus ring must contrast 3:1 with the dark backgrounds as with the light.

    it('keyboard, popup: every control in one round; arrows move through the results, Enter opens a card, Esc goes back', async () => {
      const popup = await popupAboutPage();
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
      await waitInPage(
        popup,
        () => !document.querySelector('.card-view') && !!document.querySelector('.result'),
        'back',
      );
      expect(await popup.evaluate(() => document.activeElement?.classList.contains('search-input'))).toBe(true);
      // An empty search box: back to what the popup says about its page (Esc there would close the popup).
      for (let i = 0; i < query.length; i++) await popup.press('Backspace');
      await waitInPage(popup, () => !!document.querySelector('.page-list li'), 'the page again');
      await expectKeyboardRound(popup, { leave: true });
      await popup.close();
    });

    it('keyboard, options: every control in one round; Space flips a switch', async () => {
      const options = await open(
        lens,
        'options.html',
        () => !!document.querySelector('[role="switch"]'),
        'the settings',
      );
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

    it('keyboard, library: every control in one round, with a snippet open too; arrows open the next snippet, Esc closes it; its other views', async () => {
      const library = await open(
        lens,
        'library.html',
        () => document.documentElement.dataset.libraryCount === '8',
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
      for (const view of ['entities', 'sources', 'names']) {
        const page = await open(
          lens,
          `library.html?view=${view}`,
          () => !!document.querySelector('.own-view h2'),
          view,
        );
        await expectKeyboardRound(page, { leave: true });
        await page.close();
      }
    });

    it('keyboard, explore: every control in one round on the timeline, its list, the map and its table; arrows switch the tabs', async () => {
      // The chart on two years (from the default five, a window this size falls back to the list) and the list of
      // one name's events: the same controls as the whole fact base's, at a tenth of the stops.
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

    it('keyboard, explore: the export dialog is walked inside, keeps focus there until Esc, then gives it back to Export', async () => {
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

    it('keyboard, card: Alt+Shift+M opens it with focus inside, Tab reaches each of its controls, Esc closes it', async () => {
      const page = await lens.openPage(server.url('/article.html'));
      await lens.scanReport(page);
      await page.press('Alt+Shift+KeyM');
      await waitForCard(page, null);
      const inCard = () =>
        page.evaluate(
          () => !!document.querySelector('lens-card-host')?.shadowRoot?.activeElement?.closest('.lens-card'),
        );
      expect(await inCard()).toBe(true);
      // From the start of the page, through its links into the card: each of the card's controls is a stop.
      await expectKeyboardRound(page, { budget: 80, within: ['lens-card-host'], container: 'html' });
      await page.press('Escape');
      await waitForNoCard(page);
      await page.close();
    });
  });
});
