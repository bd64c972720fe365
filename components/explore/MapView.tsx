/**
 * The map tab: re-centre search, one or two hops, whether to show unspecific links, the map or its table, and the
 * legend. The neighbourhood is pure (lib/explore/graph); clicking a node opens its card and expands it.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { citationsFor } from '~/lib/explore/caption';
import { familyOf } from '~/lib/explore/entity-families';
import { DEFAULT_FIRST_HOP_LIMIT, groupLinks, neighbourhood } from '~/lib/explore/graph';
import type { ExploreModel } from '~/lib/explore/model';
import type { Presentation } from '~/lib/explore/url-state';
import { EntitySearch } from './EntitySearch';
import type { Exporter } from './export-types';
import { MapLegend } from './Legend';
import { MapChart, type MapChartHandle } from './MapChart';
import { MapTable } from './MapTable';
import { ZoomControls } from './ZoomControls';

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
  /** Whether an entity has relations whose other end is not on the map (its node shows "+N"). */
  const shownIds = new Set(hood.nodes.map((n) => n.id));
  const hiddenOf = (id: string) => {
    const shown = shownIds;
    return (model.graph.byNode.get(id) ?? []).some((e) => !shown.has(e.source === id ? e.target : e.source));
  };

  exporter.current = () => {
    const svg = chart.current?.svg();
    if (!svg || presentation !== 'chart') return null;
    return {
      kind: 'map',
      svg,
      title: `Caspian Lens · Relations around ${centreName} (${hops === 2 ? 'two hops' : 'one hop'}${expanded.length ? `, ${expanded.length} expanded` : ''}) · ${hood.nodes.length} entities · ${hood.edges.length} relations`,
      citations: citationsFor(
        hood.edges.map((e) => e.evidence),
        model.base.sources,
      ),
      key: 'Arrows run from subject to object (BOTAŞ → shareholder of → TANAP); dashed lines are links the sources make without saying how. Shapes and colours: circle person, rounded square organisation, square company, diamond agreement or programme, hexagon pipeline, route or field, ring country or place, triangle event.',
      fileBase: `caspian-lens-map-${centre}`,
    };
  };

  return (
    <>
      <div class="ex-view-head">
        <h2 class="ex-view-title" id="ex-view-title">
          Relations around <span data-testid="map-centre">{centreName}</span>
        </h2>
        <EntitySearch search={model.search} onChoose={props.onRecentre} label="Centre on" />
        <div class="ex-field">
          <span id="ex-hops-label">Reach</span>
          <div class="ex-seg" role="group" aria-labelledby="ex-hops-label">
            {([1, 2] as const).map((h) => (
              <button key={h} type="button" aria-pressed={hops === h} onClick={() => props.onHops(h)}>
                {h === 1 ? 'One hop' : 'Two hops'}
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
          Links whose kind no source gives
        </label>
      </div>
      <p class="ex-status">
        <span role="status" data-testid="map-status">
          <strong>{hood.nodes.length}</strong> entities, <strong>{hood.edges.length}</strong> relations
          {hood.moreNeighbours > 0 && (
            <>
              {' '}
              · {hood.moreNeighbours} more {hood.moreNeighbours === 1 ? 'neighbour' : 'neighbours'} of {centreName} not
              shown
            </>
          )}
        </span>
        {nextMore > 0 && (
          <button
            type="button"
            class="ex-link-button"
            data-testid="map-show-more"
            onClick={() => setFirstHop((n) => n + DEFAULT_FIRST_HOP_LIMIT)}
          >
            Show {nextMore} more
          </button>
        )}
        {hood.expanded.map((id) => (
          <span class="ex-pill" key={id}>
            Expanded {model.graph.names.get(id)}
            <button
              type="button"
              aria-label={`Collapse ${model.graph.names.get(id)}`}
              onClick={() => props.onCollapse(id)}
            >
              ×
            </button>
          </span>
        ))}
        {presentation === 'chart' && (
          <>
            <span class="ex-hint" aria-hidden="true">
              Click a name to open it and show its relations
            </span>
            <ZoomControls step={1.4} onZoom={(factor) => chart.current?.zoomBy(factor)}>
              <button type="button" class="ex-button" title="Fit the map (0)" onClick={() => chart.current?.fit()}>
                Fit
              </button>
            </ZoomControls>
          </>
        )}
      </p>
      {hops === 2 && hood.reach > shownOther && (
        <p class="ex-note" role="note" data-testid="map-two-hops">
          Two hops from {centreName} reach {hood.reach} entities. To keep every name readable the map shows {shownOther}
          : {hood.nodes.filter((n) => n.depth === 1).length} neighbours and the closest few of each of theirs. Click a
          name to show its relations, or centre the map on it.
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
        />
      ) : (
        <MapTable model={model} hood={hood} selectedId={selectedId} onOpenEntity={props.onOpenEntity} />
      )}
      <MapLegend families={families} links={links} more={hood.nodes.some((n) => n.id !== centre && hiddenOf(n.id))} />
    </>
  );
}
