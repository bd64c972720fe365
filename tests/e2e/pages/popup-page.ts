/**
 * Page object for the toolbar popup (popup.html opened as a tab: automation cannot click a toolbar button). The
 * popup's "active tab" would then be itself; `?tab=<id>` names the page it speaks about (components/popup/popup-api.ts).
 * Selectors live here, so the tests read as what a reader does and sees.
 */
import { waitInPage, type LensBrowser, type LensPage } from '../../../automation/lens-browser';
import { containing } from '../catalog-text';
import { storeRecords, type Row } from './extension-db';
import { clickElement, OwnPanel, pressButton, textMatching } from './own-form';

/** The parts of the extension API read from inside the popup (Firefox: `browser`; Chromium: `chrome`). */
interface Api {
  tabs: {
    query(q: object): Promise<{ id?: number }[]>;
    sendMessage(id: number, message: object, options: object): Promise<unknown>;
    getCurrent(): Promise<{ id?: number } | undefined>;
  };
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } };
}

interface PageRow {
  id: string;
  count: number;
}

export class PopupPage {
  private constructor(readonly page: LensPage) {}

  /** Opens the popup; with `tab`, speaking about that tab (as the toolbar popup does about the active tab). */
  static async open(lens: LensBrowser, tab?: number): Promise<PopupPage> {
    const popup = new PopupPage(await lens.openExtensionPage('popup.html'));
    if (tab !== undefined) await popup.reopenWith(`?tab=${tab}`);
    return popup;
  }

  close(): Promise<void> {
    return this.page.close();
  }

  screenshot(path: string): Promise<void> {
    return this.page.screenshot(path);
  }

  press(keys: string): Promise<void> {
    return this.page.press(keys);
  }

  /** Reloads the popup with a query string and waits for it to find its page again. */
  async reopenWith(search: string): Promise<void> {
    await this.page.evaluate((s) => {
      location.search = s;
    }, search);
    await waitInPage(
      this.page,
      (s) => location.search === s && document.readyState === 'complete' && document.documentElement.dataset.page,
      'the popup to reload',
      15_000,
      search,
    );
  }

  /** What the popup knows of its page: `page`, `restricted`... once it has decided. */
  pageState(): Promise<string> {
    return waitInPage(this.page, () => document.documentElement.dataset.page, 'the page state');
  }

  async typeText(text: string): Promise<void> {
    for (const ch of text) await this.page.press(ch);
  }

  focusSearch(): Promise<void> {
    return this.page.evaluate(() => document.querySelector<HTMLInputElement>('.search-input')!.focus());
  }

  searchValue(): Promise<string> {
    return this.page.evaluate(() => document.querySelector<HTMLInputElement>('.search-input')!.value);
  }

  searchFocused(): Promise<boolean> {
    return this.page.evaluate(() => document.activeElement?.classList.contains('search-input') ?? false);
  }

  waitForSearchReady(): Promise<unknown> {
    return waitInPage(this.page, () => document.documentElement.dataset.searchReady, 'the search index');
  }

  async clearSearch(): Promise<void> {
    await this.page.evaluate(() => document.querySelector<HTMLButtonElement>('.search-clear')?.click());
    await waitInPage(this.page, () => document.querySelector('.search-clear') === null, 'the search to clear');
  }

  /** Entity ids of the results, top first, once there are some. */
  resultIds(): Promise<string[]> {
    return waitInPage(
      this.page,
      () => {
        const ids = [...document.querySelectorAll<HTMLElement>('.result')].map((r) => r.dataset.entity ?? '');
        return ids.length ? ids : null;
      },
      'search results',
    );
  }

  /** The highlighted parts of the first result's name. */
  firstResultMarks(): Promise<(string | null)[]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('.result')[0]!.querySelectorAll('.result-name mark')].map((m) => m.textContent),
    );
  }

  /** Whether the first result shows a matching quote, and what is marked in it. */
  firstResultQuote(): Promise<{ quote: boolean; marks: (string | null)[] }> {
    return this.page.evaluate(() => {
      const context = document.querySelector('.result .result-context')!;
      return {
        quote: context.classList.contains('result-quote'),
        marks: [...context.querySelectorAll('mark')].map((m) => m.textContent),
      };
    });
  }

  selectedIndex(): Promise<number> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('.result')].findIndex((r) => r.getAttribute('aria-selected') === 'true'),
    );
  }

  /** The title of the search's state card (no result...), once shown. */
  searchStateTitle(): Promise<string> {
    return waitInPage(
      this.page,
      () => document.querySelector('.search-state .state-title')?.textContent,
      'the search state',
    );
  }

  /** The entity of the card open in the popup, once it has rendered. */
  openCard(): Promise<string> {
    return waitInPage(
      this.page,
      () => document.querySelector<HTMLElement>('.card-view .lens-card')?.dataset.entity,
      'the card',
    );
  }

  cardFocused(): Promise<boolean> {
    return this.page.evaluate(() => document.activeElement?.classList.contains('lens-card') ?? false);
  }

  /** Waits for the results list again, the card closed. */
  backToResults(): Promise<unknown> {
    return waitInPage(
      this.page,
      () => document.querySelector('.card-view') === null && document.querySelector('.result') !== null,
      'the results again',
    );
  }

  /** Replaces window.close with a flag, so the test keeps its page; resolves once the popup asked to close. */
  async watchClose(): Promise<() => Promise<unknown>> {
    await this.page.evaluate(() => {
      window.close = () => {
        document.documentElement.dataset.closed = 'yes';
      };
    });
    return () => waitInPage(this.page, () => document.documentElement.dataset.closed, 'window.close');
  }

  /** "On this page": entity and count of each row, once listed. */
  pageRows(): Promise<PageRow[]> {
    return waitInPage(
      this.page,
      () => {
        const rows = [...document.querySelectorAll<HTMLElement>('.page-row')].map((r) => ({
          id: r.dataset.entity!,
          count: Number(r.querySelector('.page-count')?.textContent),
        }));
        return rows.length ? rows : null;
      },
      '"On this page"',
    );
  }

  /** Asks the page to show where an entity of "On this page" is. */
  reveal(entityId: string): Promise<void> {
    return this.click(`.page-row[data-entity="${entityId}"] .page-reveal`);
  }

  /** The page-section's empty text, once it says something containing `word`. */
  pageSectionSays(word: string): Promise<unknown> {
    return waitInPage(
      this.page,
      (w) => document.querySelector('.page-entities .empty')?.textContent?.includes(w),
      `"On this page" to say ${word}`,
      10_000,
      word,
    );
  }

  siteEnabled(): Promise<boolean> {
    return this.page.evaluate(() => document.querySelector<HTMLInputElement>('input[name="site-enabled"]')!.checked);
  }

  toggleSite(): Promise<void> {
    return this.click('input[name="site-enabled"]');
  }

  togglePause(): Promise<void> {
    return this.click('input[name="paused"]');
  }

  /** The "latest snippets" section once loaded: its text and its link. */
  snippetsSection(): Promise<{ text: string; link: string }> {
    return waitInPage(
      this.page,
      () => {
        const s = document.querySelector('.snippets');
        return s && !s.textContent?.includes('…')
          ? { text: s.textContent ?? '', link: s.querySelector('a')?.getAttribute('href') ?? '' }
          : null;
      },
      'the snippets',
    );
  }

  /** The restricted-page card's title. */
  stateCardTitle(): Promise<string | null> {
    return this.page.evaluate(() => document.querySelector('.state-card .state-title')?.textContent ?? null);
  }

  /** Once the popup shows `theme`: its page background and text colours. */
  colours(theme: string): Promise<{ background: string; text: string }> {
    return waitInPage(
      this.page,
      (theme) =>
        document.documentElement.dataset.theme === theme
          ? { background: getComputedStyle(document.body).backgroundColor, text: getComputedStyle(document.body).color }
          : null,
      `the ${theme} theme`,
      10_000,
      theme,
    );
  }

  /** Focus and paint figures of this load: is the caret in the box, first contentful paint, app takeover (ms). */
  firstMoments(): Promise<{ focused: boolean; paint: number | null; takeover: number; ready: number }> {
    return this.page.evaluate(() => ({
      focused: document.activeElement?.classList.contains('search-input') ?? false,
      paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      takeover: Number(document.documentElement.dataset.takeover ?? NaN),
      ready: Number(document.documentElement.dataset.searchReady ?? NaN),
    }));
  }

  /** The id of the tab whose content script reports `url`, asked from inside the popup. */
  tabIdOf(url: string): Promise<number> {
    return this.page.evaluate(async (url) => {
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
  }

  /** The popup's own tab. */
  ownTabId(): Promise<number> {
    return this.page.evaluate(async () => {
      const g = globalThis as unknown as { browser?: Api; chrome: Api };
      return (await (g.browser ?? g.chrome).tabs.getCurrent())!.id!;
    });
  }

  /** The stored settings record. */
  settings(): Promise<Record<string, unknown>> {
    return this.page.evaluate(async () => {
      const g = globalThis as unknown as { browser?: Api; chrome: Api };
      const stored = await (g.browser ?? g.chrome).storage.local.get('settings');
      return (stored.settings ?? {}) as Record<string, unknown>;
    });
  }

  /** Replaces the stored settings record (what the options page does). */
  setSettings(settings: Record<string, unknown>): Promise<void> {
    return this.page.evaluate(async (settings) => {
      const g = globalThis as unknown as { browser?: Api; chrome: Api };
      await (g.browser ?? g.chrome).storage.local.set({ settings });
    }, settings);
  }

  // ---- The reader's own material ----

  /** Sets the search box's text as typing would (one input event), without waiting for results. */
  setSearch(text: string): Promise<void> {
    return this.page.evaluate((text) => {
      const input = document.querySelector<HTMLInputElement>('.search-input')!;
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, text);
  }

  /** A search result's text, once the result for `entityId` shows and matches `pattern`. */
  resultText(entityId: string, pattern: RegExp, what: string): Promise<string> {
    return textMatching(this.page, `.result[data-entity="${entityId}"]`, pattern, what);
  }

  /** The "yours" badge of a search result (undefined without one). */
  resultBadge(entityId: string): Promise<string | null | undefined> {
    return this.page.evaluate(
      (id) => document.querySelector(`.result[data-entity="${id}"] .own-badge`)?.textContent,
      entityId,
    );
  }

  /** "On this page": a row's marker of the reader's material ("note · 1 quote"), once it matches `pattern`. */
  ownMarker(entityId: string, pattern: RegExp, what: string): Promise<string> {
    return textMatching(this.page, `.page-row[data-entity="${entityId}"] .page-own`, pattern, what);
  }

  /** Whether a row of "On this page" carries a marker of the reader's material now. */
  hasOwnMarker(entityId: string): Promise<boolean> {
    return this.page.evaluate((id) => !!document.querySelector(`.page-row[data-entity="${id}"] .page-own`), entityId);
  }

  /** A row's "yours" badge and type (null for each it does not show). */
  rowBadges(entityId: string): Promise<{ own: string | null; type: string | null }> {
    return this.page.evaluate((id) => {
      const row = document.querySelector(`.page-row[data-entity="${id}"]`);
      return {
        own: row?.querySelector('.own-badge')?.textContent ?? null,
        type: row?.querySelector('.page-type')?.textContent ?? null,
      };
    }, entityId);
  }

  /** Presses 'Track “query” as a name' once the search offers it; returns the track panel. */
  async track(query: string): Promise<OwnPanel> {
    await textMatching(this.page, '.own-track-query', containing(query), 'the track button');
    await pressButton(this.page, `Track “${query}” as a name`);
    const panel = new OwnPanel(this.page, 'track');
    await panel.textMatching(/Track this name/, 'the track panel');
    return panel;
  }

  /** Presses "Add this page as a source"; returns the source panel. */
  async addPageAsSource(): Promise<OwnPanel> {
    await pressButton(this.page, 'Add this page as a source');
    return new OwnPanel(this.page, 'source');
  }

  /** Every record of one of the extension database's stores, read from the popup. */
  storeRecords(store: string): Promise<Row[]> {
    return storeRecords(this.page, store);
  }

  private click(selector: string): Promise<void> {
    return clickElement(this.page, selector);
  }
}
