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
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { browsersUnderTest, launchLensBrowser, PROJECT_ROOT } from '../../automation/browsers';
import type { ChromiumLensBrowser } from '../../automation/chromium';
import { pageExpression, sleep, waitInPage, type LensBrowser, type LensPage } from '../../automation/lens-browser';
import { startStaticServer, type StaticServer } from '../../automation/static-server';
import { entitiesOnPage } from '../../components/popup/tab-target';
import type { ScanReport } from '../../lib/messaging/messages';

const SHOTS = join(PROJECT_ROOT, 'test-results', 'popup');
const CHANGE_TIMEOUT_MS = 10_000;

/** The parts of the extension API the test uses from inside the popup page (Firefox: `browser`; Chromium: `chrome`). */
interface Api {
  tabs: {
    query(q: object): Promise<{ id?: number }[]>;
    sendMessage(id: number, message: object, options: object): Promise<unknown>;
    getCurrent(): Promise<{ id?: number } | undefined>;
  };
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } };
}

async function typeText(page: LensPage, text: string): Promise<void> {
  for (const ch of text) await page.press(ch);
}

async function clearSearch(popup: LensPage): Promise<void> {
  await popup.evaluate(() => document.querySelector<HTMLButtonElement>('.search-clear')?.click());
  await waitInPage(popup, () => document.querySelector('.search-clear') === null, 'the search to clear');
}

/** Entity ids of the results, top first, once there are some. */
const resultIds = (popup: LensPage) =>
  waitInPage(
    popup,
    () => {
      const ids = [...document.querySelectorAll<HTMLElement>('.result')].map((r) => r.dataset.entity ?? '');
      return ids.length ? ids : null;
    },
    'search results',
  );

const selectedIndex = (popup: LensPage) =>
  popup.evaluate(() =>
    [...document.querySelectorAll('.result')].findIndex((r) => r.getAttribute('aria-selected') === 'true'),
  );

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

const click = (page: LensPage, selector: string) =>
  page.evaluate((s) => {
    const el = document.querySelector<HTMLElement>(s);
    if (!el) throw new Error(`no ${s}`);
    el.click();
  }, selector);

/** The tab whose content script reports `url`, asked from inside an extension page. */
const tabIdOf = (popup: LensPage, url: string) =>
  popup.evaluate(async (url) => {
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    const api = g.browser ?? g.chrome;
    for (const tab of await api.tabs.query({})) {
      const report = (await api.tabs
        .sendMessage(tab.id!, { type: 'get-scan-report' }, { frameId: 0 })
        .catch(() => null)) as { url?: string } | null;
      if (report?.url === url) return tab.id!;
    }
    return -1;
  }, url);

/** Reloads the popup with a query string and waits for it to find its page again. */
async function reopenWith(popup: LensPage, search: string): Promise<void> {
  await popup.evaluate((s) => {
    location.search = s;
  }, search);
  await waitInPage(
    popup,
    (s) => location.search === s && document.readyState === 'complete' && document.documentElement.dataset.page,
    'the popup to reload',
    15_000,
    search,
  );
}

/** Chromium only: the popup's own size for screenshots (a toolbar popup is 380 px wide). */
async function popupViewport(lens: LensBrowser): Promise<void> {
  if (lens.name !== 'chromium') return;
  const page = (lens as ChromiumLensBrowser).context.pages().find((p) => p.url().includes('/popup.html'));
  await page?.setViewportSize({ width: 380, height: 600 });
}

describe.each(browsersUnderTest())('%s popup', (browserName) => {
  let server: StaticServer;
  let lens: LensBrowser;
  let article: LensPage;
  let popup: LensPage;
  let report: ScanReport;
  let articleUrl: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startStaticServer();
    lens = await launchLensBrowser(browserName);
    articleUrl = server.url('/article.html');
    article = await lens.openPage(articleUrl);
    report = await lens.scanReport(article);
    await marksBecome(article, 'painted', (n) => n > 0);
    popup = await lens.openExtensionPage('popup.html');
    await popupViewport(lens);
  });

  // Each test starts from the home view, whatever the one before left in the box.
  afterEach(async () => {
    await popup?.evaluate(() => document.querySelector<HTMLButtonElement>('.card-view .back')?.click()).catch(() => {});
    await popup?.evaluate(() => document.querySelector<HTMLButtonElement>('.search-clear')?.click()).catch(() => {});
  });

  afterAll(async () => {
    await lens?.close();
    await server?.close();
  });

  it('opened as a tab, speaks about the tab used before it', async () => {
    const state = await waitInPage(popup, () => document.documentElement.dataset.page, 'the page state');
    expect(state).toBe('page');
    const first = await waitInPage(
      popup,
      () => document.querySelector<HTMLElement>('.page-row')?.dataset.entity,
      '"On this page"',
    );
    expect(first).toBe(entitiesOnPage(report.mentions)[0]!.entityId);
  });

  it('lists the entities on the page with their counts, in order of first appearance', async () => {
    const id = await tabIdOf(popup, articleUrl);
    expect(id).toBeGreaterThanOrEqual(0);
    await reopenWith(popup, `?tab=${id}`);
    const rows = await waitInPage(
      popup,
      () => {
        const rows = [...document.querySelectorAll<HTMLElement>('.page-row')].map((r) => ({
          id: r.dataset.entity!,
          count: Number(r.querySelector('.page-count')?.textContent),
        }));
        return rows.length ? rows : null;
      },
      '"On this page"',
    );
    const expected = entitiesOnPage(report.mentions).map((e) => ({ id: e.entityId, count: e.count }));
    expect(rows).toEqual(expected);
    // First appearance: the first entity listed is the first one marked on the page.
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
    const state = await popup.evaluate(() => ({
      focused: document.activeElement?.classList.contains('search-input') ?? false,
      paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      ready: Number(document.documentElement.dataset.searchReady ?? NaN),
    }));
    expect(state.focused).toBe(true);
    console.log(
      `[${browserName}] popup first contentful paint ${state.paint?.toFixed(0) ?? '?'} ms, search ready at ${state.ready} ms`,
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
        .pages()
        .find((p) => p.url().includes('/popup.html'))!
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
    const fresh = await lens.openExtensionPage('popup.html');
    try {
      await typeText(fresh, 'tokaev');
      const first = await waitInPage(
        fresh,
        () => document.querySelector<HTMLElement>('.result')?.dataset.entity,
        'the first result',
      );
      expect(first).toBe('tokayev');
      expect(
        await fresh.evaluate(() => {
          const box = document.querySelector<HTMLInputElement>('#app .search-input');
          return {
            value: box?.value,
            focused: document.activeElement === box,
            boot: !!document.getElementById('lens-boot'),
          };
        }),
      ).toEqual({ value: 'tokaev', focused: true, boot: false });
    } finally {
      await fresh.close();
    }
  });

  it('searches as one types, moves with the arrows, opens the card with Enter, goes back with Esc, then closes', async () => {
    await waitInPage(popup, () => document.documentElement.dataset.searchReady, 'the search index');
    await typeText(popup, 'tokaev');
    const ids = await resultIds(popup);
    expect(ids[0]).toBe('tokayev');
    const marks = await popup.evaluate(() =>
      [...document.querySelectorAll('.result')[0]!.querySelectorAll('.result-name mark')].map((m) => m.textContent),
    );
    expect(marks).toEqual(['Tokayev']);
    expect(await selectedIndex(popup)).toBe(0);
    await popup.press('ArrowDown');
    expect(await selectedIndex(popup)).toBe(1);
    await popup.press('ArrowUp');
    expect(await selectedIndex(popup)).toBe(0);
    await popup.screenshot(join(SHOTS, `${browserName}-results-light.png`));

    await popup.press('Enter');
    const card = await waitInPage(
      popup,
      () => document.querySelector<HTMLElement>('.card-view .lens-card')?.dataset.entity,
      'the card',
    );
    expect(card).toBe('tokayev');
    expect(await popup.evaluate(() => document.activeElement?.classList.contains('lens-card'))).toBe(true);
    await popup.screenshot(join(SHOTS, `${browserName}-card-light.png`));

    await popup.press('Escape');
    await waitInPage(
      popup,
      () => document.querySelector('.card-view') === null && document.querySelector('.result') !== null,
      'the results again',
    );
    expect(await popup.evaluate(() => (document.querySelector('.search-input') as HTMLInputElement).value)).toBe(
      'tokaev',
    );
    expect(await popup.evaluate(() => document.activeElement?.classList.contains('search-input'))).toBe(true);

    // The second Esc closes the popup; window.close is watched rather than obeyed, so the test keeps its page.
    await popup.evaluate(() => {
      window.close = () => {
        document.documentElement.dataset.closed = 'yes';
      };
    });
    await popup.press('Escape');
    expect(await waitInPage(popup, () => document.documentElement.dataset.closed, 'window.close')).toBe('yes');
    await clearSearch(popup);
  });

  it('finds the entity a fact belongs to and shows the matching quote', async () => {
    await popup.evaluate(() => document.querySelector<HTMLInputElement>('.search-input')!.focus());
    await typeText(popup, '16 bcm');
    const ids = await resultIds(popup);
    expect(ids[0]).toBe('tanap');
    const quote = await popup.evaluate(() => {
      const context = document.querySelector('.result .result-context')!;
      return {
        quote: context.classList.contains('result-quote'),
        marks: [...context.querySelectorAll('mark')].map((m) => m.textContent),
      };
    });
    expect(quote.quote).toBe(true);
    expect(quote.marks.join(' ')).toBe('16 BCM');
    await clearSearch(popup);

    await typeText(popup, 'zzqxv');
    expect(
      await waitInPage(
        popup,
        () => document.querySelector('.search-state .state-title')?.textContent,
        'the no-result state',
      ),
    ).toContain('No match');
    await clearSearch(popup);
  });

  it('reveals an entity on the page when its row is chosen', async () => {
    const id = entitiesOnPage(report.mentions).at(-1)!.entityId;
    await click(popup, `.page-row[data-entity="${id}"] .page-reveal`);
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
    const before = await markCount(article);
    expect(
      await popup.evaluate(() => document.querySelector<HTMLInputElement>('input[name="site-enabled"]')!.checked),
    ).toBe(true);
    await click(popup, 'input[name="site-enabled"]');
    await marksBecome(article, 'none', (n) => n === 0);
    const stored = await popup.evaluate(async () => {
      const g = globalThis as unknown as { browser?: Api; chrome: Api };
      return (
        (await (g.browser ?? g.chrome).storage.local.get('settings')) as { settings: { disabledSites: string[] } }
      ).settings.disabledSites;
    });
    expect(stored).toEqual(['127.0.0.1']);
    await waitInPage(
      popup,
      () => document.querySelector('.page-entities .empty')?.textContent?.includes('off'),
      'the off state',
    );
    await popup.screenshot(join(SHOTS, `${browserName}-site-off-light.png`));

    await click(popup, 'input[name="site-enabled"]');
    expect(await marksBecome(article, 'back', (n) => n === before)).toBe(before);
  });

  it('pauses everywhere and resumes', async () => {
    const before = await markCount(article);
    await click(popup, 'input[name="paused"]');
    await marksBecome(article, 'none', (n) => n === 0);
    await click(popup, 'input[name="paused"]');
    expect(await marksBecome(article, 'back', (n) => n === before)).toBe(before);
  });

  it('shows the latest snippets, or an empty state, with the way to the library', async () => {
    const section = await waitInPage(
      popup,
      () => {
        const s = document.querySelector('.snippets');
        return s && !s.textContent?.includes('…')
          ? { text: s.textContent ?? '', link: s.querySelector('a')?.getAttribute('href') ?? '' }
          : null;
      },
      'the snippets',
    );
    expect(section.link).toMatch(/\/library\.html$/);
    expect(section.text).toMatch(/None yet|saved/);
  });

  it('says when it cannot read the page', async () => {
    const own = await popup.evaluate(async () => {
      const g = globalThis as unknown as { browser?: Api; chrome: Api };
      return (await (g.browser ?? g.chrome).tabs.getCurrent())!.id!;
    });
    await reopenWith(popup, `?tab=${own}`);
    expect(await popup.evaluate(() => document.documentElement.dataset.page)).toBe('restricted');
    expect(await popup.evaluate(() => document.querySelector('.state-card .state-title')?.textContent)).toBe(
      "Caspian Lens can't read this page",
    );
    await popup.screenshot(join(SHOTS, `${browserName}-restricted-light.png`));
  });

  it('follows the dark theme', async () => {
    const id = await tabIdOf(popup, articleUrl);
    await reopenWith(popup, `?tab=${id}`);
    await popup.evaluate(async () => {
      const g = globalThis as unknown as { browser?: Api; chrome: Api };
      const api = (g.browser ?? g.chrome).storage.local;
      const { settings } = (await api.get('settings')) as { settings: Record<string, unknown> };
      await api.set({ settings: { ...settings, theme: 'dark' } });
    });
    const background = await waitInPage(
      popup,
      () => document.documentElement.dataset.theme === 'dark' && getComputedStyle(document.body).backgroundColor,
      'the dark theme',
    );
    expect(background).not.toBe('rgb(255, 255, 255)');
    await waitInPage(popup, () => document.querySelector('.page-row') !== null, '"On this page"');
    await popup.screenshot(join(SHOTS, `${browserName}-home-dark.png`));
    await typeText(popup, 'turkic states');
    await resultIds(popup);
    await popup.screenshot(join(SHOTS, `${browserName}-results-dark.png`));
    await clearSearch(popup);
    await popup.evaluate(async () => {
      const g = globalThis as unknown as { browser?: Api; chrome: Api };
      const api = (g.browser ?? g.chrome).storage.local;
      const { settings } = (await api.get('settings')) as { settings: Record<string, unknown> };
      await api.set({ settings: { ...settings, theme: 'auto' } });
    });
  });

  it('logs no errors', async () => {
    const errors = (await lens.consoleErrors()).filter((e) => /popup|moz-extension|chrome-extension/.test(e));
    expect(errors).toEqual([]);
  });
});
