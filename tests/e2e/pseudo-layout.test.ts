/**
 * The pseudo-locale's layout check (issue 19): every English message about 40% longer, accented and right-to-left
 * (lib/i18n/pseudo.ts, test build only), on every extension page and view and on an open card, in Chromium and
 * Firefox. Nothing may reach past the page sideways, no text may be wider than its box, and no two controls may
 * cover each other (layout-tools.ts measures them). A layout that holds here holds in Russian or Kazakh, whose words
 * are longer than English, and in a script written the other way.
 *
 * The card's quotes are the sources' words: they keep their own direction inside the right-to-left card (`dir=auto`),
 * so an English quote's closing full stop stays on its right.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browsersUnderTest, PROJECT_ROOT } from '../../automation/browsers';
import { waitInPage, type ExtensionPageName, type LensBrowser, type LensPage } from '../../automation/lens-browser';
import { borrowLensBrowser } from '../../automation/shared-browser';
import { startStaticServer, type StaticServer } from '../../automation/static-server';
import { PSEUDO } from '../../lib/i18n/languages';
import { realisticSnippets } from '../../scripts/bench/library-snippets';
import { setLanguage } from './a11y-tools';
import { waitForCard } from './cards-driver';
import { layoutFaults } from './layout-tools';
import { LibraryPage } from './pages/library-page';
import { PopupPage } from './pages/popup-page';

const SNIPPETS = 8;

/** Waits until `root` (the page's `<html>`, or the card) is laid out right to left, and a frame has been painted. */
async function waitForPseudo(page: LensPage, inCard = false): Promise<void> {
  await waitInPage(
    page,
    (inCard) => {
      const root = inCard
        ? document.querySelector('lens-card-host')?.shadowRoot?.querySelector('.lens-card')
        : document.documentElement;
      return root?.getAttribute('dir') === 'rtl';
    },
    'the pseudo-locale',
    10_000,
    inCard,
  );
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
}

describe.each(browsersUnderTest())('%s: the pseudo-locale lays out', (browserName) => {
  let server: StaticServer;
  let lens: LensBrowser;
  let articleTab = 0;
  const snippets = realisticSnippets(SNIPPETS);

  beforeAll(async () => {
    server = await startStaticServer({ roots: [join(PROJECT_ROOT, 'tests/e2e/fixtures')] });
    lens = await borrowLensBrowser(browserName);
    await (await LibraryPage.open(lens, { records: snippets })).close();
    const article = await lens.openPage(server.url('/article.html'));
    await lens.scanReport(article);
    const finder = await PopupPage.open(lens);
    articleTab = await finder.tabIdOf(server.url('/article.html'));
    await setLanguage(finder.page, PSEUDO);
    await finder.close();
  });
  afterAll(async () => {
    // Snippets left in the database would make the shared browser unfit to lend: deleted as the library deletes them.
    if (lens)
      await LibraryPage.deleteSeeded(
        lens,
        snippets.map((s) => s.id),
      );
    await lens?.close();
    await server?.close();
  });

  /** Opens an extension page, waits for `ready` in the pseudo-locale, and lists its faults (with `then` done first). */
  async function faultsOf(path: string, ready: () => boolean, then?: (page: LensPage) => Promise<void>) {
    const page = await lens.openExtensionPage(path as ExtensionPageName);
    await waitInPage(page, ready, path, 20_000);
    await waitForPseudo(page);
    await then?.(page);
    const faults = await layoutFaults(page);
    await page.close();
    return faults.map((f) => `${path}: ${f}`);
  }

  it('the popup: about a page, its search results, a card in it', async () => {
    const faults = [
      ...(await faultsOf(`popup.html?tab=${articleTab}`, () => !!document.querySelector('.page-list li'))),
      ...(await faultsOf('popup.html?q=toqaev', () => document.querySelectorAll('.result').length > 1)),
      ...(await faultsOf(
        'popup.html?q=toqaev',
        () => !!document.querySelector('.result'),
        async (p) => {
          await p.evaluate(() => document.querySelector<HTMLElement>('.result')!.click());
          await waitInPage(p, () => !!document.querySelector('.card-view .lens-card'), 'the card');
        },
      )),
    ];
    expect(faults).toEqual([]);
  });

  it('options', async () => {
    expect(await faultsOf('options.html', () => !!document.querySelector('[role="switch"]'))).toEqual([]);
  });

  it('the library: snippets with one open, and its three other views', async () => {
    const faults = [
      ...(await faultsOf(
        'library.html',
        () => document.documentElement.dataset.libraryCount === String(8),
        async (p) => {
          await p.evaluate(() => document.querySelectorAll<HTMLElement>('.snippet-row')[1]!.click());
          await waitInPage(p, () => !!document.querySelector('.detail'), 'the open snippet');
        },
      )),
    ];
    for (const view of ['entities', 'sources', 'names'])
      faults.push(...(await faultsOf(`library.html?view=${view}`, () => !!document.querySelector('.own-view h2'))));
    expect(faults).toEqual([]);
  });

  it('explore: the timeline and its list, the map and its table, the export dialog', async () => {
    const ready = () =>
      document.documentElement.dataset.detailsReady === 'true' &&
      !!document.querySelector('.ex-view [data-event-id], .ex-view [data-node-id], .ex-view tbody tr') &&
      !document.querySelector('[data-testid="card-loading"]');
    const faults: string[] = [];
    // One name's timeline: the whole fact base's has more chart marks, which are not measured (layout-tools.ts).
    for (const query of [
      'view=timeline&entity=ots',
      'view=timeline&as=list&entity=ots',
      'view=map&entity=ots',
      'view=map&entity=ots&as=list',
    ])
      faults.push(...(await faultsOf(`explore.html?${query}`, ready)));
    faults.push(
      ...(await faultsOf(
        'explore.html?view=map&entity=ots',
        () => document.documentElement.dataset.mapReady === 'true',
        async (p) => {
          await p.evaluate(() => document.querySelector<HTMLElement>('.ex-top-tools .ex-button-primary')!.click());
          await waitInPage(p, () => !!document.querySelector('dialog[open]'), 'the export dialog');
        },
      )),
    );
    expect(faults).toEqual([]);
  });

  it("a card on a web page, its quotes in their own direction (the closing full stop on the quote's right)", async () => {
    const web = await lens.openPage(server.url('/article.html'));
    await lens.scanReport(web);
    await web.press('Alt+Shift+KeyM');
    await waitForCard(web, null);
    await waitForPseudo(web, true);
    expect(await layoutFaults(web, ['lens-card-host'])).toEqual([]);
    // Each quote shown: its direction, and whether its last character (a full stop, a closing bracket: a character
    // with no direction of its own) sits right of the one before it, as it does in a left-to-right line.
    const quotes = await web.evaluate(() =>
      [...document.querySelector('lens-card-host')!.shadowRoot!.querySelectorAll('blockquote')]
        .filter((q) => q.checkVisibility())
        .map((q) => {
          const text = q.firstChild!;
          const end = text.textContent!.trimEnd().length;
          const box = (from: number) => {
            const range = document.createRange();
            range.setStart(text, from);
            range.setEnd(text, from + 1);
            return range.getBoundingClientRect();
          };
          const [before, last] = [box(end - 2), box(end - 1)];
          return {
            ends: text.textContent!.trimEnd().slice(-1),
            direction: getComputedStyle(q).direction,
            lastOnRight: last.left >= before.right - 1,
          };
        }),
    );
    expect(quotes.filter((q) => /[.!?)"”»]/.test(q.ends)).length, 'quotes ending in punctuation').toBeGreaterThan(0);
    for (const quote of quotes) expect(quote).toEqual({ ends: quote.ends, direction: 'ltr', lastOnRight: true });
    await web.close();
  });
});
