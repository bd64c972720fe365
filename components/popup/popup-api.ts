/**
 * Everything the popup asks of the browser, behind one interface so PopupApp only renders and tests can hand in a
 * fake. Heavy parts (the fact base, IndexedDB) are loaded on demand, after the first paint.
 */
import { browser } from 'wxt/browser';
import { exploreHref } from '~/lib/explore/url-state';
import type { FactBase } from '~/lib/factbase/types';
import type { PopupToContent, PopupToContentReplies, ScanReport } from '~/lib/messaging/messages';
import { siteOf, type Settings } from '~/lib/settings/settings';
import { loadSettings, updateSettings, watchSettings } from '~/lib/settings/settings-storage';
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
  loadFactBase(): Promise<FactBase>;
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

function send<T extends PopupToContent>(tabId: number, message: T): Promise<PopupToContentReplies[T['type']]> {
  // The top frame answers for the page (page/start-lens.ts); frames stay silent.
  return browser.tabs.sendMessage(tabId, message, { frameId: 0 }) as Promise<PopupToContentReplies[T['type']]>;
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

/** `typed`: what the reader typed into the static search box before the app took over (index.html). */
export function createPopupApi(typed = ''): PopupApi {
  const params = new URLSearchParams(location.search);
  const snippetStore = () => import('~/lib/snippets-db/snippet-store');
  return {
    initialQuery: typed || (params.get('q') ?? ''),
    loadFactBase: async () => (await import('~/data/factbase.json')).default as unknown as FactBase,

    async findPage() {
      const tab = await targetTab(params);
      if (tab?.id === undefined) return { kind: 'restricted' };
      // Without the "tabs" permission the URL is known only where the extension may run; the report carries it too.
      const kind = classifyUrl(tab.url);
      if (kind === 'restricted') return { kind: 'restricted', url: tab.url };
      try {
        const report = await send(tab.id, { type: 'get-scan-report' });
        const url = report?.url ?? tab.url ?? '';
        return { kind: 'page', tabId: tab.id, url, site: siteOf(url), report };
      } catch {
        // Nobody listens: a page the browser keeps to itself, or one loaded before the extension.
        return kind === 'web' ? { kind: 'unreachable', url: tab.url } : { kind: 'restricted', url: tab.url };
      }
    },
    scanReport: (tabId) => send(tabId, { type: 'get-scan-report' }).catch(() => undefined),
    reveal: (tabId, entityId) => send(tabId, { type: 'reveal-entity', entityId }).catch(() => false),

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
      void import('~/lib/snippets-db/change-events').then((m) => {
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
