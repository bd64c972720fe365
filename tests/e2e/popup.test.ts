/**
 * The toolbar popup in the built extension, in Chromium and Firefox, for a tab showing a fixture article: search
 * with the keyboard and open a result's card, "On this page" against the page's own report, reveal, the site switch
 * and the global pause taking marks away and back, the restricted-page state, and screenshots in light and dark.
 *
 * Automation cannot click a toolbar button, so popup.html is opened as a page of its own. Its "active tab" would then
 * be itself; the popup takes `?tab=<id>` for that (popup-api.ts), and the test finds the article's tab id by asking
 * every tab's content script for its report from inside the extension page. The fallback a reader meets when
 * popup.html is a tab (the card's "Open in search": the tab used just before it) is checked too.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { browsersUnderTest, PROJECT_ROOT } from '../../automation/browsers';
import { borrowLensBrowser } from '../../automation/shared-browser';
import type { ChromiumLensBrowser } from '../../automation/chromium';
import { pageExpression, sleep, waitInPage, type LensBrowser, type LensPage } from '../../automation/lens-browser';
import { startStaticServer, type StaticServer } from '../../automation/static-server';
import { entitiesOnPage } from '../../components/popup/tab-target';
import type { ScanReport } from '../../lib/messaging/messages';
import { defaultSettings } from '../../lib/settings/settings';
import { PopupPage } from './pages/popup-page';
import { readAllRecords, saveVia, selectText } from './snippets-driver';

const SHOTS = join(PROJECT_ROOT, 'test-results', 'popup');
const CHANGE_TIMEOUT_MS = 10_000;

const markCount = (page: LensPage) =>
  page.evaluate(
    () => (CSS as unknown as { highlights: Map<string, { size: number }> }).highlights.get('lens-mention')?.size ?? 0,
  );

async function marksBecome(page: LensPage, what: string, ok: (n: number) => boolean): Promise<number> {
  const started = Date.now();
  let last = -1;
  while (Date.now() - started < CHANGE_TIMEOUT_MS) {
    last = await markCount(page);
    if (ok(last)) return last;
    await sleep(100);
  }
  throw new Error(`marks did not become ${what}: ${last}`);
}

/** Chromium only: the popup's own size for screenshots (a toolbar popup is 380 px wide). */
async function popupViewport(lens: LensBrowser): Promise<void> {
  if (lens.name !== 'chromium') return;
  const page = (lens as ChromiumLensBrowser).context.pages().find((p) => p.url().includes('/popup.html'));
  await page?.setViewportSize({ width: 380, height: 600 });
}

/** Luminance 0..1 of an `rgb(...)` colour. */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/[\d.]+/g) ?? []).map(Number);
  return (0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0)) / 255;
}

describe.each(browsersUnderTest())('%s popup', (browserName) => {
  let server: StaticServer;
  let lens: LensBrowser;
  let article: LensPage;
  let report: ScanReport;
  let articleUrl: string;
  let articleTab: number;
  /** The popup each test opens (and afterEach closes). */
  let popup: PopupPage | null = null;
  /** Opens this test's popup, speaking about the article unless told otherwise. */
  const openPopup = async (tab: number | undefined = articleTab) => {
    popup = await PopupPage.open(lens, tab);
    await popupViewport(lens);
    return popup;
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startStaticServer();
    lens = await borrowLensBrowser(browserName);
    articleUrl = server.url('/article.html');
    article = await lens.openPage(articleUrl);
    report = await lens.scanReport(article);
    await marksBecome(article, 'painted', (n) => n > 0);
    const finder = await PopupPage.open(lens);
    articleTab = await finder.tabIdOf(articleUrl);
    await finder.close();
    expect(articleTab).toBeGreaterThanOrEqual(0);
  });

  // Every test starts from the default settings, with the article marked as they say.
  beforeEach(async () => {
    const helper = await PopupPage.open(lens);
    await helper.setSettings({ ...defaultSettings() });
    await helper.close();
    await marksBecome(article, 'painted', (n) => n > 0);
  });

  afterEach(async () => {
    await popup?.close().catch(() => undefined);
    popup = null;
  });

  afterAll(async () => {
    await lens?.close();
    await server?.close();
  });

  it('opened as a tab, speaks about the tab used before it', async () => {
    const popup = await openPopup(undefined);
    expect(await popup.pageState()).toBe('page');
    const [first] = await popup.pageRows();
    expect(first!.id).toBe(entitiesOnPage(report.mentions)[0]!.entityId);
  });

  it('lists the entities on the page with their counts, in order of first appearance', async () => {
    const popup = await openPopup();
    const expected = entitiesOnPage(report.mentions).map((e) => ({ id: e.entityId, count: e.count }));
    expect(await popup.pageRows()).toEqual(expected);
    // First appearance: the first entity listed is the first one marked on the page. Calm mode leaves the masthead
    // and headings unmarked, so every mention is painted for this check.
    const helper = await PopupPage.open(lens);
    await helper.setSettings({ ...defaultSettings(), mentions: 'every' });
    await helper.close();
    const total = report.mentions.reduce((n, m) => n + m.count, 0);
    await marksBecome(article, 'all painted', (n) => n >= total);
    const firstMarked = await article.evaluate(() => {
      const ranges = [
        ...(CSS as unknown as { highlights: Map<string, Iterable<AbstractRange>> }).highlights.get('lens-mention')!,
      ];
      const toRange = (r: AbstractRange) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range;
      };
      const sorted = ranges.map(toRange).sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      return sorted[0]!.toString();
    });
    expect(report.mentions[0]!.text).toBe(firstMarked);
  });

  it('opens with the cursor in the search box and paints early', async () => {
    const popup = await openPopup(undefined);
    await popup.waitForSearchReady();
    const moments = await popup.firstMoments();
    expect(moments.focused).toBe(true);
    // Early: the static search box of popup.html is painted before the app's script takes over, so the first paint
    // waits for neither the app nor the search index.
    expect(moments.paint).not.toBeNull();
    expect(moments.paint!).toBeLessThan(moments.takeover);
    expect(moments.takeover).toBeLessThanOrEqual(moments.ready);
    console.log(
      `[${browserName}] popup first contentful paint ${moments.paint!.toFixed(0)} ms, app at ${moments.takeover} ms, search ready at ${moments.ready} ms`,
    );
  });

  it('keeps what was typed, the caret and the focus when the app takes over the static box (held takeover)', async (ctx) => {
    // Only Chromium lets a test run a script in an extension page before the page's own: there the takeover is held
    // back until the keys are in, so the test does not depend on how fast either side is.
    if (lens.name !== 'chromium') return ctx.skip();
    const context = (lens as ChromiumLensBrowser).context;
    // Node gives chrome-extension: URLs no origin of their own ("null"): the host is the extension id.
    const host = new URL(
      context
        .serviceWorkers()
        .find((w) => w.url().startsWith('chrome-extension://'))!
        .url(),
    ).host;
    const page = await context.newPage();
    try {
      // popup.html's script loads the app from an animation frame: frames are held until the test releases them.
      await page.addInitScript(
        pageExpression(() => {
          if (!location.pathname.endsWith('/popup.html')) return;
          const w = window as unknown as { __release(): void };
          const native = window.requestAnimationFrame.bind(window);
          const held: FrameRequestCallback[] = [];
          window.requestAnimationFrame = (cb) => held.push(cb);
          w.__release = () => {
            window.requestAnimationFrame = native;
            for (const cb of held.splice(0)) native(cb);
          };
        }, null),
      );
      await page.goto(`chrome-extension://${host}/popup.html`, { waitUntil: 'load' });
      const boxRect = (selector: string) =>
        page.evaluate((s) => {
          const r = document.querySelector(s)!.getBoundingClientRect();
          return [r.x, r.y, r.width, r.height].map(Math.round);
        }, selector);
      const before = await page.evaluate(() => ({
        boot: document.querySelector('#lens-boot input') === document.activeElement,
        app: document.getElementById('app')!.childElementCount,
        // The first frame waits for no stylesheet request: popup.html carries its styles (scripts/vite-inline-css).
        linkedStylesheets: document.querySelectorAll('link[rel="stylesheet"]').length,
        styled: getComputedStyle(document.querySelector('#lens-boot .search-input')!).borderTopStyle !== 'inset',
      }));
      expect(before).toEqual({ boot: true, app: 0, linkedStylesheets: 0, styled: true });
      const staticRect = await boxRect('#lens-boot .search-input');
      await page.keyboard.type('toka');
      await page.keyboard.press('ArrowLeft');
      expect(await page.evaluate(() => document.getElementById('app')!.childElementCount)).toBe(0);

      await page.evaluate(() => (window as unknown as { __release(): void }).__release());
      await page.waitForFunction(() => document.documentElement.dataset.takeover, null, { timeout: 10_000 });
      const after = await page.evaluate(() => {
        const box = document.querySelector<HTMLInputElement>('#app .search-input')!;
        return {
          boot: document.getElementById('lens-boot') !== null,
          value: box.value,
          focused: document.activeElement === box,
          caret: [box.selectionStart, box.selectionEnd],
        };
      });
      expect(after).toEqual({ boot: false, value: 'toka', focused: true, caret: [3, 3] });
      // The app's box is where the static one was: nothing moves when the app takes over.
      expect(await boxRect('#app .search-input')).toEqual(staticRect);

      // Typing goes on in the app's box, where the caret was, and searches.
      await page.keyboard.press('End');
      await page.keyboard.type('ev');
      await page.waitForFunction(() => document.querySelector('.result'), null, { timeout: 10_000 });
      expect(await page.evaluate(() => document.querySelector<HTMLInputElement>('.search-input')!.value)).toBe(
        'tokaev',
      );
      expect(await page.evaluate(() => document.querySelector<HTMLElement>('.result')!.dataset.entity)).toBe('tokayev');
    } finally {
      await page.close();
    }
  });

  it('searches what was typed as soon as it opened, whenever the app took over', async () => {
    const fresh = await openPopup(undefined);
    await fresh.typeText('tokaev');
    expect((await fresh.resultIds())[0]).toBe('tokayev');
    expect(
      await fresh.page.evaluate(() => {
        const box = document.querySelector<HTMLInputElement>('#app .search-input');
        return {
          value: box?.value,
          focused: document.activeElement === box,
          boot: !!document.getElementById('lens-boot'),
        };
      }),
    ).toEqual({ value: 'tokaev', focused: true, boot: false });
  });

  it('searches as one types, moves with the arrows, opens the card with Enter, goes back with Esc, then closes', async () => {
    const popup = await openPopup();
    await popup.waitForSearchReady();
    await popup.focusSearch();
    await popup.typeText('tokaev');
    const ids = await popup.resultIds();
    expect(ids[0]).toBe('tokayev');
    expect(await popup.firstResultMarks()).toEqual(['Tokayev']);
    expect(await popup.selectedIndex()).toBe(0);
    await popup.press('ArrowDown');
    expect(await popup.selectedIndex()).toBe(1);
    await popup.press('ArrowUp');
    expect(await popup.selectedIndex()).toBe(0);
    await popup.screenshot(join(SHOTS, `${browserName}-results-light.png`));

    await popup.press('Enter');
    expect(await popup.openCard()).toBe('tokayev');
    expect(await popup.cardFocused()).toBe(true);
    await popup.screenshot(join(SHOTS, `${browserName}-card-light.png`));

    await popup.press('Escape');
    await popup.backToResults();
    expect(await popup.searchValue()).toBe('tokaev');
    expect(await popup.searchFocused()).toBe(true);

    // The second Esc closes the popup; window.close is watched rather than obeyed, so the test keeps its page.
    const closed = await popup.watchClose();
    await popup.press('Escape');
    expect(await closed()).toBe('yes');
  });

  it('finds the entity a fact belongs to and shows the matching quote', async () => {
    const popup = await openPopup();
    await popup.focusSearch();
    await popup.typeText('16 bcm');
    expect((await popup.resultIds())[0]).toBe('tanap');
    const quote = await popup.firstResultQuote();
    expect(quote.quote).toBe(true);
    expect(quote.marks.join(' ')).toBe('16 BCM');
    await popup.clearSearch();

    await popup.typeText('zzqxv');
    expect(await popup.searchStateTitle()).toContain('No match');
  });

  it('reveals an entity on the page when its row is chosen', async () => {
    const popup = await openPopup();
    await popup.pageRows();
    const id = entitiesOnPage(report.mentions).at(-1)!.entityId;
    await popup.reveal(id);
    const flashed = await waitInPage(
      article,
      () => {
        const flash = (CSS as unknown as { highlights: Map<string, Iterable<AbstractRange>> }).highlights.get(
          'lens-flash',
        );
        if (!flash) return null;
        const [r] = [...flash];
        const range = document.createRange();
        range.setStart(r!.startContainer, r!.startOffset);
        range.setEnd(r!.endContainer, r!.endOffset);
        return range.toString();
      },
      'the flash',
    );
    expect(report.mentions.filter((m) => m.entityId === id).map((m) => m.text)).toContain(flashed);
  });

  it('switches marks and cards off and on for the site, at once and remembered', async () => {
    const popup = await openPopup();
    await popup.pageRows();
    const before = await markCount(article);
    expect(await popup.siteEnabled()).toBe(true);
    await popup.toggleSite();
    await marksBecome(article, 'none', (n) => n === 0);
    expect((await popup.settings()).disabledSites).toEqual(['127.0.0.1']);
    await popup.pageSectionSays('off');
    await popup.screenshot(join(SHOTS, `${browserName}-site-off-light.png`));

    await popup.toggleSite();
    expect(await marksBecome(article, 'back', (n) => n === before)).toBe(before);
  });

  it('pauses everywhere and resumes', async () => {
    const popup = await openPopup();
    await popup.pageRows();
    const before = await markCount(article);
    await popup.togglePause();
    await marksBecome(article, 'none', (n) => n === 0);
    expect((await popup.settings()).paused).toBe(true);
    await popup.togglePause();
    expect(await marksBecome(article, 'back', (n) => n === before)).toBe(before);
  });

  it('shows the latest snippets, or an empty state, with the way to the library', async () => {
    const library = await lens.openExtensionPage('library.html');
    const count = (await readAllRecords(library))?.length ?? 0;
    await library.close();
    let popup = await openPopup();
    let section = await popup.snippetsSection();
    expect(section.link).toMatch(/\/library\.html$/);
    if (count === 0) expect(section.text).toMatch(/None yet/);
    else expect(section.text).not.toMatch(/None yet/);
    await popup.close();

    // A snippet saved from the article (the keyboard-command route) is listed first when the popup opens again.
    const page = await lens.openPage(`${articleUrl}?snippet=${Date.now()}`);
    await lens.scanReport(page);
    // The first paragraph of running text (not the kicker, which the page shows in capitals).
    const id = await page.evaluate(() => {
      const p = document.querySelector('article p:not([class])')!;
      p.id ||= 'lens-e2e-first';
      return p.id;
    });
    const text = (await selectText(page, id)).replace(/\s+/g, ' ').trim();
    expect(text.length).toBeGreaterThan(40);
    expect(await saveVia(lens, 'command', await page.evaluate(() => location.href))).toMatchObject({ saved: true });
    await page.close();
    popup = await openPopup();
    section = await popup.snippetsSection();
    expect(section.text).not.toMatch(/None yet/);
    expect(section.text.replace(/\s+/g, ' ')).toContain(text.replace(/\s+/g, ' ').slice(0, 40));
  });

  it('says when it cannot read the page', async () => {
    const popup = await openPopup(undefined);
    await popup.reopenWith(`?tab=${await popup.ownTabId()}`);
    expect(await popup.pageState()).toBe('restricted');
    expect(await popup.stateCardTitle()).toBe("Caspian Lens can't read this page");
    await popup.screenshot(join(SHOTS, `${browserName}-restricted-light.png`));
  });

  it('follows the dark theme', async () => {
    const popup = await openPopup();
    await popup.setSettings({ ...(await popup.settings()), theme: 'dark' });
    const dark = await popup.colours('dark');
    // Dark: a dark page with light text, not merely "not white".
    expect(luminance(dark.background)).toBeLessThan(0.2);
    expect(luminance(dark.text)).toBeGreaterThan(0.7);
    await popup.pageRows();
    await popup.screenshot(join(SHOTS, `${browserName}-home-dark.png`));
    await popup.focusSearch();
    await popup.typeText('turkic states');
    await popup.resultIds();
    await popup.screenshot(join(SHOTS, `${browserName}-results-dark.png`));
  });

  it('logs no errors', async () => {
    // Every error line: Firefox prints console.error calls without the page's URL, so none is filtered by address.
    expect(await lens.consoleErrors()).toEqual([]);
  });
});
