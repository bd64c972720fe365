/**
 * Zero accessibility violations (issue 19): axe-core's whole default rule set, every impact, on every extension page
 * and view and on an open hover card, in the light and the dark scheme, in Chromium and Firefox. A failure lists each
 * violation with the element it was found on.
 *
 * Pages: the popup speaking about a web page, its search results and an entity card in it, the search window the
 * card's Search opens (`popup.html?q=…&window=1`), the options, the library's four views (snippets with one open),
 * explore's timeline and map as charts and as lists, and the export dialog. The card lives in a closed shadow root
 * in a user's browser; the test build leaves it open (wxt.config.ts), which is how axe reaches it.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browsersUnderTest, launchLensBrowser, PROJECT_ROOT } from '../../automation/browsers';
import { waitInPage, type ExtensionPageName, type LensBrowser, type LensPage } from '../../automation/lens-browser';
import { startStaticServer, type StaticServer } from '../../automation/static-server';
import { realisticSnippets } from '../../scripts/bench/library-snippets';
import { describeViolations, runAxe } from './a11y-tools';
import { waitForCard } from './cards-driver';
import { LibraryPage } from './pages/library-page';
import { PopupPage } from './pages/popup-page';

const SCHEMES = ['light', 'dark'] as const;
const SNIPPETS = 8;

const page = (path: string) => path as ExtensionPageName;

async function open(lens: LensBrowser, path: string, ready: (arg: null) => unknown, what: string): Promise<LensPage> {
  const opened = await lens.openExtensionPage(page(path));
  await waitInPage(opened, ready, what, 20_000);
  return opened;
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
    let lens: LensBrowser;
    let articleTab: number;
    let article: LensPage;

    beforeAll(async () => {
      lens = await launchLensBrowser(browserName, { colorScheme: scheme });
      // Snippets straight into the library's database, as the benches and screenshots do.
      await (await LibraryPage.open(lens, { records: realisticSnippets(SNIPPETS) })).close();
      article = await lens.openPage(server.url('/article.html'));
      await lens.scanReport(article);
      const finder = await PopupPage.open(lens);
      articleTab = await finder.tabIdOf(server.url('/article.html'));
      await finder.close();
    });
    afterAll(async () => {
      await lens?.close();
    });

    async function audit(opened: LensPage, include?: (string | string[])[]): Promise<void> {
      const violations = await runAxe(opened, include);
      await opened.close();
      expect(describeViolations(violations)).toEqual([]);
    }

    it('popup, speaking about a web page', async () => {
      expect(articleTab).toBeGreaterThan(0);
      const popup = await open(
        lens,
        `popup.html?tab=${articleTab}`,
        () => document.documentElement.dataset.page === 'page' && !!document.querySelector('.page-list li'),
        'the popup with the page',
      );
      await audit(popup);
    });

    it('popup search results and the search window', async () => {
      for (const path of ['popup.html?q=toqaev', 'popup.html?q=shusha&window=1'])
        await audit(await open(lens, path, () => !!document.querySelector('[role="option"]'), `results in ${path}`));
    });

    it('popup with an entity card open', async () => {
      const popup = await open(lens, 'popup.html?q=toqaev', () => !!document.querySelector('.result'), 'results');
      await popup.evaluate(() => document.querySelector<HTMLElement>('.result')!.click());
      await waitInPage(popup, () => !!document.querySelector('.card-view .lens-card'), 'the card');
      await audit(popup);
    });

    it('options', async () => {
      await audit(await open(lens, 'options.html', () => !!document.querySelector('h1 + *, input'), 'the settings'));
    });

    it('library: snippets with one open', async () => {
      const library = await open(
        lens,
        'library.html',
        () => document.documentElement.dataset.libraryCount === '8',
        'the snippets',
      );
      await library.evaluate(() => document.querySelectorAll<HTMLElement>('.snippet-row')[1]!.click());
      await waitInPage(library, () => !!document.querySelector('.detail'), 'the open snippet');
      await audit(library);
    });

    it.each(['entities', 'sources', 'names'])('library: the %s view', async (view) => {
      await audit(
        await open(
          lens,
          `library.html?view=${view}`,
          () => !!document.querySelector('.own-view h2'),
          `the ${view} view`,
        ),
      );
    });

    it.each([
      ['timeline chart', 'view=timeline'],
      ['timeline list', 'view=timeline&as=list'],
      ['map chart with its card', 'view=map&entity=ots'],
      ['map table', 'view=map&entity=ots&as=list'],
    ])('explore: %s', async (_, query) => {
      // The full fact base and the side card arrive after the first frame: audit the page once they are there.
      const explore = await open(
        lens,
        `explore.html?${query}`,
        () =>
          document.documentElement.dataset.detailsReady === 'true' &&
          document.querySelector('.ex-view [data-event-id], .ex-view [data-node-id], .ex-view tbody tr') &&
          !document.querySelector('[data-testid="card-loading"]'),
        `explore ${query}`,
      );
      await audit(explore);
    });

    it('explore: the export dialog', async () => {
      const explore = await open(
        lens,
        'explore.html?view=map&entity=ots',
        () => document.documentElement.dataset.mapReady === 'true',
        'the map',
      );
      await explore.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('button')].find((b) => /export/i.test(b.textContent ?? ''))!.click(),
      );
      await waitInPage(explore, () => !!document.querySelector('dialog[open]'), 'the export dialog');
      await audit(explore);
    });

    it('an open hover card', async () => {
      const web = await lens.openPage(server.url('/article.html'));
      await lens.scanReport(web);
      await web.evaluate(() => {
        const mark = document.querySelector('p');
        mark?.scrollIntoView({ block: 'center' });
      });
      // Alt+Shift+M: the keyboard route to the first mark and its card.
      await web.press('Alt+Shift+KeyM');
      await waitForCard(web, null);
      await audit(web, [['lens-card-host']]);
    });
  });
});
