/**
 * The map tab: re-centre search, one or two hops, whether to show unspecific links, the map or its table, and the
 * legend. The neighbourhood is pure (lib/explore/graph); clicking a node opens its card and expands it.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import { citationsFor } from '~/lib/explore/caption';
import { familyOf } from '~/lib/explore/entity-families';
import { groupLinks, neighbourhood } from '~/lib/explore/graph';
import type { ExploreModel } from '~/lib/explore/model';
import type { Presentation } from '~/lib/explore/url-state';
import { EntitySearch } from './EntitySearch';
import type { Exporter } from './export-types';
import { FamilyLegend } from './Legend';
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
  const chart = useRef<MapChartHandle | null>(null);
  const hood = useMemo(
    () => neighbourhood(model.graph, centre, { hops, expanded, specificOnly }),
    [model, centre, hops, expanded, specificOnly],
  );
  const links = useMemo(() => groupLinks(hood.edges), [hood]);
  const families = useMemo(
    () => new Set(hood.nodes.map((n) => familyOf(model.store.entity(n.id)?.type ?? 'idea'))),
    [hood, model],
  );
  const centreName = model.graph.names.get(centre) ?? centre;

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
          Unspecified links
        </label>
      </div>
      <p class="ex-status">
        <span role="status">
          <strong>{hood.nodes.length}</strong> entities, <strong>{hood.edges.length}</strong> relations
          {hood.omitted > 0 && <> · {hood.omitted} more within reach not shown</>}
        </span>
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
      <ul class="ex-legend" aria-label="Legend">
        <FamilyLegend families={families} title="Entities" />
        <li class="ex-legend-sep" aria-hidden="true" />
        <li>
          <svg width="26" height="8" aria-hidden="true">
            <line x1="1" x2="25" y1="4" y2="4" class="mp-link-line" style="stroke-dasharray:3 4" />
          </svg>
          unspecified link
        </li>
        <li>
          <svg width="26" height="8" aria-hidden="true" class="mp-link-share">
            <line x1="1" x2="25" y1="4" y2="4" class="mp-link-line" />
          </svg>
          shareholding
        </li>
      </ul>
    </>
  );
}
