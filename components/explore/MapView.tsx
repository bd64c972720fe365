/**
 * The map tab: re-centre search, one or two hops, whether to show unspecific links, the map or its table, and the
 * legend. The neighbourhood is pure (lib/explore/graph); clicking a node opens its card and expands it.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { MAP_ZOOM_STEP } from '~/lib/explore/chart-keys';
import { citationsFor } from '~/lib/explore/caption';
import { familyOf } from '~/lib/explore/entity-families';
import { DEFAULT_FIRST_HOP_LIMIT, groupLinks, hiddenNeighbourCount, neighbourhood } from '~/lib/explore/graph';
import type { ExploreModel } from '~/lib/explore/model';
import type { Presentation } from '~/lib/explore/url-state';
import { EntitySearch } from './EntitySearch';
import type { Exporter } from './export-types';
import { MapLegend } from './Legend';
import { MapChart, type MapChartHandle } from './MapChart';
import { MapTable } from './MapTable';
import { ZoomControls } from './ZoomControls';
import { formatNumber, t, tp, tpParts, tParts } from '~/lib/i18n/translator';

interface Props {
  model: ExploreModel;
  centre: string;
  hops: 1 | 2;
  expanded: string[];
  selectedId?: string;
  presentation: Presentation;
  exporter: { current: Exporter | null };
  onRecentre: (id: string) => void;
  onHops: (hops: 1 | 2) => void;
  onNodeClick: (id: string) => void;
  onCollapse: (id: string) => void;
  onOpenEntity: (id: string) => void;
  onReady?: () => void;
}

export function MapView(props: Props) {
  const { model, centre, hops, expanded, selectedId, presentation, exporter } = props;
  const [specificOnly, setSpecificOnly] = useState(false);
  /** Direct neighbours shown: about a dozen, a dozen more for each "Show more". */
  const [firstHop, setFirstHop] = useState(DEFAULT_FIRST_HOP_LIMIT);
  /** The chart draws some link without its words (the legend says how to read them). */
  const [unlabelled, setUnlabelled] = useState(false);
  useEffect(() => setFirstHop(DEFAULT_FIRST_HOP_LIMIT), [centre]);
  const chart = useRef<MapChartHandle | null>(null);
  const kindOf = useMemo(() => (id: string) => familyOf(model.store.entity(id)?.type ?? 'idea'), [model]);
  const hood = useMemo(
    () => neighbourhood(model.graph, centre, { hops, expanded, specificOnly, firstHopLimit: firstHop, kindOf }),
    [model, centre, hops, expanded, specificOnly, firstHop, kindOf],
  );
  const shownOther = hood.nodes.length - 1;
  const nextMore = Math.min(DEFAULT_FIRST_HOP_LIMIT, hood.moreNeighbours);
  const links = useMemo(() => groupLinks(hood.edges), [hood]);
  const families = useMemo(
    () => new Set(hood.nodes.map((n) => familyOf(model.store.entity(n.id)?.type ?? 'idea'))),
    [hood, model],
  );
  const centreName = model.graph.names.get(centre) ?? centre;
  const shownIds = new Set(hood.nodes.map((n) => n.id));
  exporter.current = () => {
    const svg = chart.current?.svg();
    if (!svg || presentation !== 'chart') return null;
    return {
      kind: 'map',
      svg,
      title: t(
        'exploreMapFigureTitle',
        centreName,
        [tp('exploreHopCount', hops), ...(expanded.length ? [tp('exploreExpandedCount', expanded.length)] : [])].join(
          ', ',
        ),
        tp('exploreEntityCount', hood.nodes.length),
        tp('exploreRelationCount', hood.edges.length),
      ),
      citations: citationsFor(
        hood.edges.map((e) => e.evidence),
        model.base.sources,
      ),
      key: t('exploreMapFigureKey'),
      fileBase: `caspian-lens-map-${centre}`,
    };
  };

  return (
    <>
      <div class="ex-view-head">
        <h2 class="ex-view-title" id="ex-view-title">
          {tParts('exploreRelationsAround', <span data-testid="map-centre">{centreName}</span>)}
        </h2>
        <EntitySearch search={model.search} onChoose={props.onRecentre} label={t('exploreCentreOn')} />
        <div class="ex-field">
          <span id="ex-hops-label">{t('exploreReach')}</span>
          <div class="ex-seg" role="group" aria-labelledby="ex-hops-label">
            {([1, 2] as const).map((h) => (
              <button key={h} type="button" aria-pressed={hops === h} onClick={() => props.onHops(h)}>
                {t(h === 1 ? 'exploreOneHop' : 'exploreTwoHops')}
              </button>
            ))}
          </div>
        </div>
        <label class="ex-check">
          <input
            type="checkbox"
            checked={!specificOnly}
            onChange={(e) => setSpecificOnly(!(e.target as HTMLInputElement).checked)}
          />
          {t('exploreGenericLinks')}
        </label>
      </div>
      <p class="ex-status">
        <span role="status" data-testid="map-status">
          {tpParts('exploreEntitiesShown', hood.nodes.length, <strong>{formatNumber(hood.nodes.length)}</strong>)},{' '}
          {tpParts('exploreRelationsShown', hood.edges.length, <strong>{formatNumber(hood.edges.length)}</strong>)}
          {hood.moreNeighbours > 0 && ` · ${tp('exploreMoreNeighbours', hood.moreNeighbours, centreName)}`}
        </span>
        {nextMore > 0 && (
          <button
            type="button"
            class="ex-link-button"
            data-testid="map-show-more"
            onClick={() => setFirstHop((n) => n + DEFAULT_FIRST_HOP_LIMIT)}
          >
            {tp('exploreShowMore', nextMore)}
          </button>
        )}
        {hood.expanded.map((id) => (
          <span class="ex-pill" key={id}>
            {t('exploreExpanded', model.graph.names.get(id) ?? id)}
            <button
              type="button"
              aria-label={t('exploreCollapse', model.graph.names.get(id) ?? id)}
              onClick={() => props.onCollapse(id)}
            >
              ×
            </button>
          </span>
        ))}
        {presentation === 'chart' && (
          <>
            <span class="ex-hint" aria-hidden="true">
              {t('exploreMapHint')}
            </span>
            <ZoomControls step={MAP_ZOOM_STEP} onZoom={(factor) => chart.current?.zoomBy(factor)}>
              <button
                type="button"
                class="ex-button"
                title={t('exploreFitMapTitle')}
                onClick={() => chart.current?.fit()}
              >
                {t('exploreFit')}
              </button>
            </ZoomControls>
          </>
        )}
      </p>
      {hops === 2 && hood.reach > shownOther && (
        <p class="ex-note" role="note" data-testid="map-two-hops">
          {tp('exploreTwoHopsReach', hood.reach, centreName)}{' '}
          {tp('exploreTwoHopsShown', hood.nodes.filter((n) => n.depth === 1).length, shownOther)}{' '}
          {t('exploreTwoHopsClick')}
        </p>
      )}
      {presentation === 'chart' ? (
        <MapChart
          model={model}
          hood={hood}
          links={links}
          selectedId={selectedId}
          onNodeClick={props.onNodeClick}
          handle={chart}
          onReady={props.onReady}
          onUnlabelled={setUnlabelled}
        />
      ) : (
        <MapTable model={model} hood={hood} selectedId={selectedId} onOpenEntity={props.onOpenEntity} />
      )}
      <MapLegend
        families={families}
        links={links}
        more={hood.nodes.some((n) => n.id !== centre && hiddenNeighbourCount(model.graph, n.id, shownIds) > 0)}
        unlabelled={presentation === 'chart' && unlabelled}
      />
    </>
  );
}
