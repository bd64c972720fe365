/**
 * Everything the popup asks of the browser, behind one interface so PopupApp only renders and tests can hand in a
 * fake. Heavy parts are loaded on demand, after the first paint: the search artefact (data/search-index.json, a
 * third of the fact base) when the app starts, an entity's full details only when its card is opened, IndexedDB
 * for the latest snippets.
 */
import { browser } from 'wxt/browser';
import { exploreHref } from '~/lib/explore/url-state';
import type { FactBaseStore } from '~/lib/factbase/factbase-store';
import type { FactBase } from '~/lib/factbase/types';
import type { EntityDetails, ScanReport } from '~/lib/messaging/messages';
import type { SearchIndexData } from '~/lib/search/search-index';
import { siteOf, type Settings } from '~/lib/settings/settings';
import { askPage, sendToBackground } from '~/browser/messages';
import { loadSettings, updateSettings, watchSettings } from '~/browser/settings-storage';
import type { Snippet } from '~/lib/snippets/types';
import { classifyUrl, pickTargetTab } from './tab-target';

export type PageState =
  | { kind: 'loading' }
  /** The browser's own pages and the add-on stores: no extension may read them. */
  | { kind: 'restricted'; url?: string }
  /** A web page whose content script does not answer (opened before the extension was installed, or not HTML). */
  | { kind: 'unreachable'; url?: string }
  | { kind: 'page'; tabId: number; url: string; site: string | null; report: ScanReport | null };

export interface LatestSnippets {
  snippets: Snippet[];
  total: number;
}

export interface PopupApi {
  /** The query to open with (`?q=`, from a card's "Open in search"). */
  readonly initialQuery: string;
  /** What search needs, without the rest of the fact base. */
  loadSearchIndex(): Promise<SearchIndexData>;
  /** An entity's card details, null for an id the fact base does not know. */
  entityDetails(id: string): Promise<EntityDetails | null>;
  findPage(): Promise<PageState>;
  /** The tab's latest report; null while it is still scanning; undefined when the tab no longer answers. */
  scanReport(tabId: number): Promise<ScanReport | null | undefined>;
  /** Scrolls the page to the entity's first mark and flashes it. */
  reveal(tabId: number, entityId: string): Promise<boolean>;
  loadSettings(): Promise<Settings>;
  updateSettings(change: (s: Settings) => Settings): Promise<Settings>;
  watchSettings(onChange: (s: Settings) => void): () => void;
  latestSnippets(limit: number): Promise<LatestSnippets>;
  watchSnippets(onChange: () => void): () => void;
  libraryUrl: string;
  openLibrary(): void;
  openOptions(): void;
  /** Opens the explore page (timeline or relationship map), around an entity when given. */
  openExplore(view: 'map' | 'timeline', entity?: string): void;
  close(): void;
}

/**
 * The page the popup is about:
 * - `?tab=<id>` names it outright (end-to-end tests open popup.html as a page of its own and pass the article's tab);
 * - opened as a tab without it (the card's "Open in search"), the tab used just before this one in the same window;
 * - as the toolbar popup, the active tab of the current window.
 */
async function targetTab(params: URLSearchParams) {
  const explicit = params.get('tab');
  if (explicit !== null && /^\d+$/.test(explicit)) return browser.tabs.get(Number(explicit)).catch(() => undefined);
  const own = await browser.tabs.getCurrent().catch(() => undefined);
  if (own) return pickTargetTab(await browser.tabs.query({ windowId: own.windowId }), own.id);
  return pickTargetTab(await browser.tabs.query({ active: true, currentWindow: true }), undefined);
}

let localStore: Promise<FactBaseStore> | null = null;

/**
 * Card details come from the background, which holds the fact base for the hover cards anyway (the same
 * `get-entity` message), so the popup never parses it. Should no background answer, the popup reads it itself.
 */
async function entityDetails(id: string): Promise<EntityDetails | null> {
  const reply = await sendToBackground({ type: 'get-entity', id }).catch(() => undefined);
  if (reply !== undefined) return reply;
  localStore ??= Promise.all([import('~/data/factbase.json'), import('~/lib/factbase/factbase-store')]).then(
    ([base, store]) => store.createFactBaseStore(base.default as unknown as FactBase),
  );
  return (await localStore).details(id);
}

/**
 * `typed`: what the reader typed into the static search box before the app took over (index.html); `searchIndex`:
 * the search artefact, when the entrypoint started loading it already.
 */
export function createPopupApi(typed = '', searchIndex?: Promise<SearchIndexData>): PopupApi {
  const params = new URLSearchParams(location.search);
  const snippetStore = () => import('~/browser/snippets-db/snippet-store');
  return {
    initialQuery: typed || (params.get('q') ?? ''),
    loadSearchIndex: () =>
      searchIndex ?? import('~/data/search-index.json').then((m) => m.default as unknown as SearchIndexData),
    entityDetails,

    async findPage() {
      const tab = await targetTab(params);
      if (tab?.id === undefined) return { kind: 'restricted' };
      // Without the "tabs" permission the URL is known only where the extension may run; the report carries it too.
      const kind = classifyUrl(tab.url);
      if (kind === 'restricted') return { kind: 'restricted', url: tab.url };
      try {
        const report = await askPage(tab.id, { type: 'get-scan-report' });
        const url = report?.url ?? tab.url ?? '';
        return { kind: 'page', tabId: tab.id, url, site: siteOf(url), report };
      } catch {
        // Nobody listens: a page the browser keeps to itself, or one loaded before the extension.
        return kind === 'web' ? { kind: 'unreachable', url: tab.url } : { kind: 'restricted', url: tab.url };
      }
    },
    scanReport: (tabId) => askPage(tabId, { type: 'get-scan-report' }).catch(() => undefined),
    reveal: (tabId, entityId) => askPage(tabId, { type: 'reveal-entity', entityId }).catch(() => false),

    loadSettings,
    updateSettings: (change) => updateSettings(change),
    watchSettings: (onChange) => watchSettings(onChange),

    async latestSnippets(limit) {
      const store = await snippetStore();
      const [snippets, total] = await Promise.all([store.listSnippets({ limit }), store.countSnippets()]);
      return { snippets, total };
    },
    watchSnippets(onChange) {
      let stop = () => {};
      let stopped = false;
      void import('~/browser/snippets-db/change-events').then((m) => {
        if (!stopped) stop = m.onSnippetsChanged(onChange);
      });
      return () => {
        stopped = true;
        stop();
      };
    },

    libraryUrl: browser.runtime.getURL('/library.html'),
    openLibrary() {
      void browser.tabs.create({ url: browser.runtime.getURL('/library.html') }).then(() => window.close());
    },
    openOptions() {
      void browser.runtime.openOptionsPage().then(() => window.close());
    },
    openExplore(view, entity) {
      void browser.tabs
        .create({ url: browser.runtime.getURL(`/${exploreHref(view, entity)}` as `/explore.html${string}`) })
        .then(() => window.close());
    },
    close: () => window.close(),
  };
}
