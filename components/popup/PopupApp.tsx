/**
 * The toolbar popup: search over the whole fact base (opening the same EntityCard as the hover card), what is on the
 * current page, the site switch and global pause, and the latest snippets.
 *
 * The first paint is popup.html's static search box; this component takes it over (mount.tsx). The search artefact
 * (data/search-index.json, a third of the fact base) is imported and indexed after the app's first frame, and a query
 * typed in the meantime runs as soon as the index is ready. The card component and an entity's details are loaded
 * only when a card is opened (the component is prefetched when the popup is idle).
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { applyTheme, effectiveScheme } from '~/components/apply-theme';
import type { EntityType } from '~/lib/factbase/types';
import type { EntityDetails } from '~/lib/messaging/messages';
import { createSearch, type Search } from '~/lib/search/search';
import { activeOn, withSiteEnabled, type Settings } from '~/lib/settings/settings';
import { LatestSnippets } from './LatestSnippets';
import { OnThisPage, PageUnavailable } from './OnThisPage';
import type { LatestSnippets as Latest, PageState, PopupApi } from './popup-api';
import { RESULTS_ID, ResultList, resultId } from './ResultList';
import { SiteSwitches } from './SiteSwitches';
import { entitiesOnPage } from './tab-target';
import { OwnActions, TrackQuery } from '~/components/own/PopupOwnActions';
import { popupOwnApi } from '~/components/own/popup-own-api';
import { mergeHits, ownSearchIndex } from '~/lib/own/own-search';
import type { OwnMarkers } from '~/browser/snippets-db/own-store';
import { DEFAULT_LIMIT } from '~/lib/search/search';
import { whenIdle } from '../when-idle';
import { cardChunk } from '../card/card-chunk';
import { useLazy } from '../lazy-part';
import { t, tp } from '~/lib/i18n';

type OwnPanels = typeof import('~/components/own/PopupOwnPanels');
/** The popup's own-material panels (forms, Readability), fetched when the reader opens one. */
const loadOwnPanels = () => import('~/components/own/PopupOwnPanels');
type OwnPanel = { kind: 'track'; name: string } | { kind: 'source'; tabId: number };

interface Engine {
  search: Search;
  types: ReadonlyMap<string, EntityType>;
}

/** The card is not needed until one is opened; a prefetch that fails is retried by the next load. */
const prefetchCard = () => void cardChunk.load().catch(() => {});

/** The popup's idle work waits at most this long for an idle moment (the timer stands in where there is none). */
const POPUP_IDLE = { timeout: 500, fallbackMs: 50 };
/** How often "On this page" asks the tab again while the popup is open: scans finish, pages change. */
const REPORT_POLL_MS = 1_000;
const SNIPPETS_SHOWN = 3;
/** How long the chosen result must stay chosen before its card details are fetched ahead of Enter. */
const DETAILS_PREFETCH_MS = 150;

/** Marks on <html> for tests and the benchmark: when the search became usable, in ms since the page started. */
function markReady(name: string): void {
  document.documentElement.dataset[name] = String(Math.round(performance.now()));
}

export function PopupApp({ api }: { api: PopupApi }) {
  const [query, setQuery] = useState(api.initialQuery);
  const [engine, setEngine] = useState<Engine | null>(null);
  const [textReady, setTextReady] = useState(false);
  const [selected, setSelected] = useState(0);
  /** Opened cards, the last one shown; Esc and Back pop one. */
  const [cards, setCards] = useState<string[]>([]);
  /** Details of the entities whose cards were opened (null: unknown to the fact base). */
  const [loaded, setLoaded] = useState<ReadonlyMap<string, EntityDetails | null>>(() => new Map());
  const [page, setPage] = useState<PageState>({ kind: 'loading' });
  const [settings, setSettings] = useState<Settings | null>(null);
  const [latest, setLatest] = useState<Latest | null>(null);
  const [snippetsFailed, setSnippetsFailed] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const cardView = useRef<HTMLElement>(null);
  /** The reader's own names as a search of their own (merged into the results), and their material per name. */
  const [ownSearch, setOwnSearch] = useState<Search | null>(null);
  /** The type the reader gave each of their names, for "On this page" (the fact base's types are in `engine`). */
  const [ownTypes, setOwnTypes] = useState<ReadonlyMap<string, EntityType>>(() => new Map());
  const [ownMarkers, setOwnMarkers] = useState<Readonly<Record<string, OwnMarkers>>>({});
  const [ownPanel, setOwnPanel] = useState<OwnPanel | null>(null);
  const [ownPanels, setOwnPanels] = useState<OwnPanels | null>(null);
  const [ownVersion, setOwnVersion] = useState(0);

  // The search artefact (its fetch started with the app's, in main.tsx) is indexed as soon as it is here: Preact runs
  // effects after the app's first frame is on screen, so indexing never delays it.
  useEffect(() => {
    let live = true;
    performance.mark('lens-load-start');
    void api.loadSearchIndex().then((index) => {
      performance.mark('lens-index-loaded');
      if (!live) return;
      // Names and aliases now; summaries and quotes once the popup is idle (a tenth of the work, then the rest).
      const next = {
        search: createSearch(index, { deferText: true }),
        types: new Map(index.entities.map((e) => [e.id, e.type])),
      };
      performance.mark('lens-search-built');
      setEngine(next);
      markReady('searchReady');
      whenIdle(
        window,
        () => {
          if (!live) return;
          next.search.indexText();
          performance.mark('lens-text-indexed');
          setTextReady(true);
          markReady('textReady');
          // The card component next, so the first card opens without waiting for it.
          whenIdle(window, prefetchCard, POPUP_IDLE);
        },
        POPUP_IDLE,
      );
    });
    return () => {
      live = false;
    };
  }, [api]);

  // The page: found once, then its report refreshed while the popup is open.
  useEffect(() => {
    let live = true;
    let timer = 0;
    const poll = async (tabId: number) => {
      const report = await api.scanReport(tabId);
      if (!live) return;
      setPage((p) =>
        p.kind !== 'page' ? p : report === undefined ? { kind: 'unreachable', url: p.url } : { ...p, report },
      );
      if (report !== undefined) timer = window.setTimeout(() => void poll(tabId), REPORT_POLL_MS);
    };
    void api.findPage().then((found) => {
      if (!live) return;
      setPage(found);
      document.documentElement.dataset.page = found.kind;
      if (found.kind === 'page') timer = window.setTimeout(() => void poll(found.tabId), REPORT_POLL_MS);
    });
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api]);

  useEffect(() => {
    void api.loadSettings().then(setSettings);
    return api.watchSettings(setSettings);
  }, [api]);
  const theme = settings?.theme;
  useEffect(() => {
    if (theme) applyTheme(document, theme);
  }, [theme]);

  useEffect(() => {
    let live = true;
    const load = () =>
      api.latestSnippets(SNIPPETS_SHOWN).then(
        (l) => live && setLatest(l),
        () => live && setSnippetsFailed(true),
      );
    void load();
    const stop = api.watchSnippets(() => void load());
    return () => {
      live = false;
      stop();
    };
  }, [api]);

  // Own names: read after the first frame, and again whenever own material changes in any of the extension's pages.
  useEffect(() => {
    let live = true;
    const load = () =>
      void popupOwnApi.names().then(
        (names) => {
          if (!live) return;
          setOwnSearch(names.length ? createSearch(ownSearchIndex(names, t('ownSearchNoSummary'))) : null);
          setOwnTypes(new Map(names.map((n) => [n.id, n.type])));
        },
        () => {},
      );
    load();
    const stop = popupOwnApi.watch(() => {
      load();
      setOwnVersion((v) => v + 1);
    });
    return () => {
      live = false;
      stop();
    };
  }, []);

  const hits = useMemo(() => {
    if (!query.trim()) return [];
    const own = ownSearch?.search(query) ?? [];
    return mergeHits(engine?.search.search(query) ?? [], own, DEFAULT_LIMIT);
    // textReady: the engine indexed summaries and quotes in place (the same object), so the search runs again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [engine, textReady, query, ownSearch]);
  const openCard = cards[cards.length - 1];
  const open = (id: string) => setCards((c) => [...c, id]);
  const back = () => setCards((c) => c.slice(0, -1));

  // Card details are asked for once per entity: for the chosen result after a pause in typing (so Enter opens its
  // card at once, and a sleeping background wakes meanwhile), and for any card opened.
  const requests = useRef(new Map<string, Promise<EntityDetails | null>>());
  const detailsOf = useCallback(
    (id: string) => {
      let request = requests.current.get(id);
      if (!request) requests.current.set(id, (request = api.entityDetails(id).catch(() => null)));
      return request;
    },
    [api],
  );
  const chosen = hits[Math.min(selected, hits.length - 1)]?.id;
  useEffect(() => {
    if (!chosen) return;
    const timer = setTimeout(() => {
      void detailsOf(chosen);
      prefetchCard();
    }, DETAILS_PREFETCH_MS);
    return () => clearTimeout(timer);
  }, [chosen, detailsOf]);

  // An opened card's details and the card component, loaded the first time they are needed. An id the fact base
  // does not know leaves the stack again.
  const Card = useLazy(cardChunk, !!openCard);
  useEffect(() => {
    if (!openCard || loaded.has(openCard)) return;
    let live = true;
    void detailsOf(openCard).then((d) => {
      if (!live) return;
      setLoaded((m) => new Map(m).set(openCard, d));
      if (!d) setCards((c) => (c[c.length - 1] === openCard ? c.slice(0, -1) : c));
    });
    return () => {
      live = false;
    };
  }, [openCard, loaded, detailsOf]);
  const details = (openCard && Card && loaded.get(openCard)) || null;
  const shown = details ? openCard : null;

  // Focus follows the view: the card when one is shown (so arrows and Page Down scroll it), the box when back. In the
  // same task as the view changes, so no key pressed meanwhile goes to the body.
  useLayoutEffect(() => {
    // The body is what scrolls in the popup; focusing must not scroll the card's head under the sticky bar.
    document.body.scrollTop = 0;
    if (shown) cardView.current?.querySelector<HTMLElement>('.lens-card')?.focus({ preventScroll: true });
    else input.current?.focus({ preventScroll: true });
  }, [shown]);

  // Esc goes back one card, then closes the popup.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      if (ownPanel) setOwnPanel(null);
      else if (cards.length) back();
      else api.close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [api, cards.length, ownPanel]);

  const onSearchKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!hits.length) return;
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setSelected((s) => (s + step + hits.length) % hits.length);
    } else if (e.key === 'Enter') {
      const hit = hits[Math.min(selected, hits.length - 1)];
      if (hit) {
        e.preventDefault();
        open(hit.id);
      }
    }
  };

  const scheme = settings ? effectiveScheme(document, settings.theme) : undefined;
  const site = page.kind === 'page' ? page.site : null;
  const active = !settings || page.kind !== 'page' || activeOn(settings, page.url);
  const onPage = page.kind === 'page' && page.report ? entitiesOnPage(page.report.mentions) : null;
  const onPageIds = onPage?.map((e) => e.entityId).join('\n') ?? '';
  // Which names on the page have the reader's snippets, notes or quotes from their sources.
  useEffect(() => {
    let live = true;
    void popupOwnApi.markers(onPageIds ? onPageIds.split('\n') : []).then(
      (m) => live && setOwnMarkers(m),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [onPageIds, ownVersion]);
  const openOwn = (panel: OwnPanel) => {
    setOwnPanel(panel);
    if (!ownPanels) void loadOwnPanels().then(setOwnPanels, () => setOwnPanel(null));
  };
  const closeOwn = () => {
    setOwnPanel(null);
    requestAnimationFrame(() => input.current?.focus({ preventScroll: true }));
  };
  const searching = query.trim() !== '';

  const update = (change: (s: Settings) => Settings) => void api.updateSettings(change).then(setSettings);

  // The page's one level-one heading, for screen readers (the popup shows the product's name nowhere else), inside a
  // landmark like everything else on the page.
  const title = <h1 class="visually-hidden">Caspian Lens</h1>;

  return (
    <div
      class="popup"
      data-view={details ? 'card' : searching ? 'search' : 'home'}
      aria-busy={openCard && !details ? 'true' : undefined}
    >
      {ownPanel ? (
        ownPanels ? (
          ownPanel.kind === 'track' ? (
            <ownPanels.TrackNamePanel name={ownPanel.name} onClose={closeOwn} />
          ) : (
            <ownPanels.PageSourcePanel tabId={ownPanel.tabId} onClose={closeOwn} />
          )
        ) : (
          <p class="empty search-state" role="status">
            …
          </p>
        )
      ) : details && Card ? (
        <main class="card-view" ref={cardView}>
          {title}
          <div class="card-bar">
            <button type="button" class="back" onClick={back}>
              <span aria-hidden="true">←</span>{' '}
              {cards.length > 1 ? t('popupBack') : searching ? t('popupBackToResults') : t('popupBack')}
            </button>
            <span class="card-bar-hint" aria-hidden="true">
              Esc
            </span>
          </div>
          <Card details={details} role="article" scheme={scheme} onSelectEntity={open} />
        </main>
      ) : (
        <>
          <header class="top">
            {title}
            <div class="search-box">
              <svg class="search-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
                <circle cx="7" cy="7" r="4.6" fill="none" stroke="currentColor" stroke-width="1.6" />
                <path d="m10.4 10.4 3.6 3.6" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />
              </svg>
              <input
                ref={input}
                type="text"
                class="search-input"
                role="combobox"
                aria-label={t('popupSearchLabel')}
                aria-expanded={searching && hits.length > 0}
                aria-controls={RESULTS_ID}
                aria-activedescendant={searching && hits.length ? resultId(selected) : undefined}
                aria-autocomplete="list"
                placeholder={t('popupSearchPlaceholder')}
                autoComplete="off"
                spellcheck={false}
                enterKeyHint="search"
                autoFocus
                value={query}
                onInput={(e) => {
                  setQuery(e.currentTarget.value);
                  setSelected(0);
                }}
                onKeyDown={onSearchKey}
              />
              {searching && (
                <button
                  type="button"
                  class="search-clear"
                  aria-label={t('popupClearSearch')}
                  onClick={() => {
                    setQuery('');
                    input.current?.focus();
                  }}
                >
                  ×
                </button>
              )}
            </div>
          </header>
          <main class="body">
            {searching ? (
              <SearchPanel
                query={query}
                ready={engine !== null}
                textReady={textReady}
                hits={hits}
                selected={selected}
                onSelect={setSelected}
                onOpen={(i) => open(hits[i]!.id)}
                onTrack={() => openOwn({ kind: 'track', name: query })}
              />
            ) : (
              <>
                <PageUnavailable page={page} />
                <OnThisPage
                  page={page}
                  entities={onPage}
                  active={active}
                  typeOf={(id) => engine?.types.get(id) ?? ownTypes.get(id)}
                  onReveal={(id) => page.kind === 'page' && void api.reveal(page.tabId, id)}
                  onOpenCard={open}
                  own={ownMarkers}
                />
                <OwnActions
                  canAddPage={page.kind === 'page'}
                  onAddPage={() => page.kind === 'page' && openOwn({ kind: 'source', tabId: page.tabId })}
                  onTrack={() => openOwn({ kind: 'track', name: '' })}
                />
                {settings && (
                  <SiteSwitches
                    site={site}
                    settings={settings}
                    onSite={(on) => site && update((s) => withSiteEnabled(s, site, on))}
                    onPause={(paused) => update((s) => ({ ...s, paused }))}
                  />
                )}
                <LatestSnippets
                  latest={latest}
                  failed={snippetsFailed}
                  libraryUrl={api.libraryUrl}
                  onOpenLibrary={api.openLibrary}
                />
              </>
            )}
          </main>
          <footer class="foot">
            <span class="foot-count">{engine ? tp('popupEntityCount', engine.search.entityCount) : ' '}</span>
            <button type="button" class="foot-link" onClick={() => api.openExplore('timeline')}>
              {t('popupExplore')}
            </button>
            <button type="button" class="foot-link" onClick={api.openOptions}>
              {t('popupSettings')}
            </button>
          </footer>
        </>
      )}
    </div>
  );
}

interface SearchPanelProps {
  query: string;
  ready: boolean;
  textReady: boolean;
  hits: ReturnType<Search['search']>;
  selected: number;
  onSelect(i: number): void;
  onOpen(i: number): void;
  onTrack(): void;
}

function SearchPanel({ query, ready, textReady, hits, selected, onSelect, onOpen, onTrack }: SearchPanelProps) {
  if (!ready)
    return (
      <p class="empty search-state" role="status">
        {t('popupLoadingFactBase')}
      </p>
    );
  if (!hits.length && !textReady)
    return (
      <p class="empty search-state" role="status">
        {t('popupSearchingQuotes')}
      </p>
    );
  if (!hits.length)
    return (
      <div class="search-state" role="status">
        <p class="state-title">{t('popupNoMatch', query.trim())}</p>
        <p class="state-text">{t('popupNoMatchHint')}</p>
        <TrackQuery query={query} onTrack={onTrack} />
      </div>
    );
  return (
    <>
      <p class="visually-hidden" role="status">
        {tp('popupResultCount', hits.length)}
      </p>
      <ResultList hits={hits} selected={selected} onHover={onSelect} onOpen={onOpen} />
      <TrackQuery query={query} onTrack={onTrack} />
    </>
  );
}
