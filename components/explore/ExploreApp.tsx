/**
 * The explore page: a timeline of every dated event and a map of relations, each with a list alternative, the
 * entity card in a side panel, export with a caption citing the sources, light and dark. The URL holds the state
 * (lib/explore/url-state) so other pages link straight to a view: `explore.html?view=map&entity=tanap`.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { dateSpan } from '~/lib/explore/dates';
import type { ExploreModel } from '~/lib/explore/model';
import type { TimelineFilters } from '~/lib/explore/timeline-model';
import {
  DEFAULT_MAP_CENTRE,
  exploreSearch,
  type ExploreState,
  type ExploreView,
  type Presentation,
} from '~/lib/explore/url-state';
import { afterFirstPaint } from './after-first-paint';
import { ExploreHeader } from './ExploreHeader';
import { ExportDialog } from './ExportDialog';
import type { Exporter, ExportRequest } from './export-types';
import { cardChunk } from '../card/card-chunk';
import { useLazy } from '../lazy-part';
import { MapView } from './MapView';
import { SidePanel } from './SidePanel';
import { TimelineView } from './TimelineView';
import { useScheme } from './use-scheme';
import { ExploreOwnLayer, useOwnLayerSwitch } from '~/components/own/ExploreOwnLayer';
import { t } from '~/lib/i18n/translator';

/** Resolves in a task of its own after the next frame: work split by it lands in different frames. */
const nextFrame = () => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done)));

/** `2016-06`: the month a time falls in, as the URL's range is written. */
const monthOf = (ms: number) => new Date(ms).toISOString().slice(0, 7);

export function ExploreApp({ model, initial }: { model: ExploreModel; initial: ExploreState }) {
  const [state, setState] = useState<ExploreState>(() => ({
    ...initial,
    entity: initial.entity && model.store.entity(initial.entity) ? initial.entity : undefined,
    event: initial.event && model.items.some((i) => i.event.id === initial.event) ? initial.event : undefined,
  }));
  const [mapCentre, setMapCentre] = useState(() =>
    initial.view === 'map' && initial.entity && model.store.entity(initial.entity)
      ? initial.entity
      : DEFAULT_MAP_CENTRE,
  );
  const [expanded, setExpanded] = useState<string[]>([]);
  const [card, setCard] = useState<{ id?: string; back: string[] }>(() => ({
    id:
      (initial.entity && model.store.entity(initial.entity) ? initial.entity : undefined) ??
      model.items.find((i) => i.event.id === initial.event)?.event.entities[0],
    back: [],
  }));
  const [schemeChoice, setSchemeChoice, scheme] = useScheme();
  /** The reader's own material as a layer above the chart (components/own/ExploreOwnLayer.tsx). */
  const [ownLayerOn, setOwnLayerOn] = useOwnLayerSwitch();
  const [exportRequest, setExportRequest] = useState<ExportRequest | null>(null);
  const exporter = useRef<Exporter | null>(null);
  const [initialView, setInitialView] = useState<[number, number] | undefined>(() => {
    const a = initial.from ? dateSpan(initial.from) : null;
    const b = initial.to ? dateSpan(initial.to) : null;
    return a && b && b.end > a.start ? [a.start, b.end] : undefined;
  });
  /** Set when the timeline's opening had no room to label every event, and the list was shown instead. */
  const [dense, setDense] = useState<{ count: number; range: [number, number] } | null>(null);
  /** The timeline's visible range, written to the URL after each gesture (not state: nothing re-renders for it). */
  const range = useRef<{ from?: string; to?: string }>({ from: initial.from, to: initial.to });

  // One object per change of the filters, so re-rendering the page (a card opened, the details loaded) does not
  // filter and lay out the timeline again.
  const timelineEntity = state.view === 'timeline' ? state.entity : undefined;
  const filters = useMemo<TimelineFilters>(
    () => ({ country: state.country, type: state.type, source: state.source, entity: timelineEntity }),
    [state.country, state.type, state.source, timelineEntity],
  );

  // The full fact base (cards, relation quotes, aliases) and the card component are loaded once the first render is
  // on screen, one step per frame: the card's chunk, then the fact base (its parse is the longest task of all), then
  // the render that uses them. Started together and rendered in the task that parsed the fact base, they made one
  // long frame (Firefox: 406 ms at load 30). A card opened before they arrive says it is loading.
  const [hasDetails, setHasDetails] = useState(model.hasDetails);
  useEffect(() => {
    let live = true;
    const load = async () => {
      await cardChunk.load();
      await nextFrame();
      await model.loadDetails();
      await nextFrame();
      if (live) setHasDetails(true);
    };
    // The page is closing, or a chunk failed: cards and search say they are loading.
    const cancel = afterFirstPaint(() => void load().catch(() => {}));
    return () => {
      live = false;
      cancel();
    };
  }, [model]);
  useEffect(() => {
    // Set once the page has rendered with the details (for tests and the bench, whose after-load window ends here).
    if (hasDetails) document.documentElement.dataset.detailsReady = 'true';
  }, [hasDetails]);
  const EntityCard = useLazy(cardChunk, hasDetails);
  const selectedEvent = state.event ? model.items.find((i) => i.event.id === state.event)?.event : undefined;

  // The URL follows the state, without adding history entries for every filter change. Left alone until the state
  // first changes, so the page keeps the exact URL it was opened with.
  const firstSync = useRef(true);
  useEffect(() => {
    if (firstSync.current) {
      firstSync.current = false;
      return;
    }
    const entity = state.view === 'map' ? mapCentre : state.entity;
    // A list shown because the chart was too dense is not the reader's choice: the URL keeps the chart.
    const as = dense ? 'chart' : state.as;
    history.replaceState(null, '', exploreSearch({ ...state, as, entity, ...range.current }));
  }, [state, mapCentre, dense]);

  const openEntity = (id: string) =>
    setCard((c) => (c.id === id ? c : { id, back: c.id ? [...c.back, c.id].slice(-20) : c.back }));
  const back = card.back.length
    ? () => setCard((c) => ({ id: c.back[c.back.length - 1], back: c.back.slice(0, -1) }))
    : undefined;

  const selectEvent = (id: string) => {
    const item = model.items.find((i) => i.event.id === id);
    setState((s) => ({ ...s, event: id }));
    if (item?.event.entities[0]) openEntity(item.event.entities[0]);
  };

  const setView = (view: ExploreView) => setState((s) => ({ ...s, view }));

  const showAs = (as: Presentation) => {
    // The reader asks for the chart the page fell back from: it opens on the same years, and does not fall back again.
    if (as === 'chart' && dense) {
      setInitialView(dense.range);
      setDense(null);
    }
    setState((s) => ({ ...s, as }));
  };

  const showOnMap = (id: string) => {
    setMapCentre(id);
    setExpanded([]);
    setState((s) => ({ ...s, view: 'map' }));
    openEntity(id);
  };

  const showOnTimeline = (id: string) => {
    setState((s) => ({ ...s, view: 'timeline', entity: id, event: undefined }));
    openEntity(id);
  };

  // `-ready`: the chart is laid out (in the DOM, before paint); `-painted`: the frame showing it has been painted
  // (a task queued from the next animation frame runs after that frame's paint).
  const markReady = (what: string) => () => {
    performance.mark(`lens-explore-${what}-ready`);
    document.documentElement.dataset[what === 'timeline' ? 'timelineReady' : 'mapReady'] = 'true';
    requestAnimationFrame(() => setTimeout(() => performance.mark(`lens-explore-${what}-painted`)));
  };

  return (
    <div class="ex-app">
      <a class="ex-skip" href="#ex-view">
        {t(state.view === 'map' ? 'exploreSkipToMap' : 'exploreSkipToTimeline')}
      </a>
      <ExploreHeader
        view={state.view}
        presentation={state.as}
        onView={setView}
        onPresentation={showAs}
        scheme={schemeChoice}
        onScheme={setSchemeChoice}
        ownLayer={ownLayerOn}
        onOwnLayer={setOwnLayerOn}
        onExport={() =>
          // The caption cites the relations' quotes, which come with the details.
          void model.loadDetails().then(() => setExportRequest(exporter.current?.() ?? null))
        }
      />
      <div class={`ex-body${card.id || (state.view === 'timeline' && selectedEvent) ? ' has-panel' : ''}`}>
        {/* The tab panel is inside the main landmark (a role on <main> itself would take the landmark away); it adds
            no box of its own (explore.css). */}
        <main class="ex-view" id="ex-view" tabIndex={-1}>
          <div class="ex-tabpanel" id="ex-tabpanel" role="tabpanel" aria-labelledby={`ex-tab-${state.view}`}>
            {ownLayerOn && (
              <ExploreOwnLayer
                isKnown={(id) => !!model.store.entity(id)}
                nameOf={(id) => model.store.entity(id)?.name ?? id}
                onOpenEntity={openEntity}
              />
            )}
            {state.view === 'timeline' ? (
              <TimelineView
                model={model}
                filters={filters}
                onFilters={(f) =>
                  setState((s) => ({ ...s, country: f.country, type: f.type, source: f.source, entity: f.entity }))
                }
                selectedId={state.event}
                onSelect={selectEvent}
                cardId={card.id}
                onOpenEntity={openEntity}
                presentation={state.as}
                exporter={exporter}
                onReady={markReady('timeline')}
                initialView={initialView}
                dense={dense}
                onTooDense={(count, range) => {
                  setDense({ count, range });
                  setState((s) => ({ ...s, as: 'list' }));
                }}
                onShowChart={() => showAs('chart')}
                onRange={([a, b]) => {
                  range.current = { from: monthOf(a), to: monthOf(b - 1) };
                  history.replaceState(null, '', exploreSearch({ ...state, ...range.current }));
                }}
              />
            ) : (
              <MapView
                model={model}
                centre={mapCentre}
                hops={state.hops}
                expanded={expanded}
                selectedId={card.id}
                presentation={state.as}
                exporter={exporter}
                onRecentre={(id) => {
                  setMapCentre(id);
                  setExpanded([]);
                  openEntity(id);
                }}
                onHops={(hops) => setState((s) => ({ ...s, hops }))}
                onNodeClick={(id) => {
                  openEntity(id);
                  if (id !== mapCentre) setExpanded((e) => (e.includes(id) ? e : [...e, id]));
                }}
                onCollapse={(id) => setExpanded((e) => e.filter((x) => x !== id))}
                onOpenEntity={openEntity}
                onReady={markReady('map')}
              />
            )}
          </div>
        </main>
        <SidePanel
          model={model}
          Card={EntityCard}
          view={state.view}
          event={state.view === 'timeline' ? selectedEvent : undefined}
          cardId={card.id}
          onOpenEntity={openEntity}
          onBack={back}
          onShowOnMap={showOnMap}
          onShowOnTimeline={showOnTimeline}
          scheme={scheme}
        />
      </div>
      {exportRequest && <ExportDialog request={exportRequest} scheme={scheme} onClose={() => setExportRequest(null)} />}
    </div>
  );
}
