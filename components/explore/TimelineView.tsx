/**
 * The timeline tab: filters (country, entity type, source document, and an entity when opened for one), the chart or
 * the list, and the legend. Filtering and counting are pure (lib/explore/timeline-model); this wires them to controls.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import { eventEvidence, type EntityType } from '~/lib/factbase/types';
import { TIMELINE_ZOOM_STEP } from '~/lib/explore/chart-keys';
import { citationsFor } from '~/lib/explore/caption';
import { yearOf } from '~/lib/explore/dates';
import { familyOf, type Family } from '~/lib/explore/entity-families';
import type { ExploreModel } from '~/lib/explore/model';
import { filterItems, hasFilters, type TimelineFilters, type TimelineItem } from '~/lib/explore/timeline-model';
import { itemsWithin } from '~/lib/explore/timeline-opening';
import type { Presentation } from '~/lib/explore/url-state';
import type { Exporter } from './export-types';
import { TimelineLegend } from './Legend';
import { TimelineChart, type TimelineChartHandle } from './TimelineChart';
import { TimelineList } from './TimelineList';
import { ZoomControls } from './ZoomControls';
import { formatNumber, t, tp, tpParts, tParts } from '~/lib/i18n/translator';

interface Props {
  model: ExploreModel;
  filters: TimelineFilters;
  onFilters: (f: TimelineFilters) => void;
  selectedId?: string;
  onSelect: (id: string) => void;
  cardId?: string;
  onOpenEntity: (id: string) => void;
  presentation: Presentation;
  exporter: { current: Exporter | null };
  onReady?: () => void;
  /** The range to open on (from the URL). */
  initialView?: [number, number];
  /** The visible range after each gesture, for the URL. */
  onRange?: (domain: [number, number]) => void;
  /** Set when the chart's opening was too dense to label and the list is shown instead. */
  dense?: { count: number; range: [number, number] } | null;
  onTooDense?: (unlabelled: number, range: [number, number]) => void;
  onShowChart?: () => void;
}

export function TimelineView(props: Props) {
  const { model, filters, onFilters, selectedId, onSelect, cardId, onOpenEntity, presentation, exporter } = props;
  const chart = useRef<TimelineChartHandle | null>(null);
  const [fitOnMount] = useState(() => !!filters.entity);
  const items = useMemo(() => filterItems(model.items, filters), [model, filters]);
  const familyOfItem = useMemo(() => {
    const cache = new Map<string, Family>();
    return (item: TimelineItem) => {
      let f = cache.get(item.event.id);
      if (!f) {
        f = familyOf(model.store.entity(item.event.entities[0] ?? '')?.type ?? 'idea');
        cache.set(item.event.id, f);
      }
      return f;
    };
  }, [model]);
  const families = useMemo(() => new Set(items.map(familyOfItem)), [items, familyOfItem]);
  const precisions = useMemo(() => new Set(items.map((i) => i.span.precision)), [items]);
  const total = model.items.length;
  const entity = filters.entity ? model.store.entity(filters.entity) : undefined;

  const set = (patch: Partial<TimelineFilters>) => onFilters({ ...filters, ...patch });
  // Standing in for a chart too dense to label, the list holds the years the chart would have opened on.
  const [listAll, setListAll] = useState(false);
  /** Whether the chart gathers events without room for a label in clusters at its zoom (the legend explains them). */
  const [clusters, setClusters] = useState(false);
  const recent = presentation === 'list' && props.dense && !listAll ? itemsWithin(items, props.dense.range) : null;
  const filterDesc = describeFilters(model, filters);

  exporter.current = () => {
    const svg = chart.current?.svg();
    if (!svg || presentation !== 'chart') return null;
    const [a, b] = chart.current!.visibleDomain();
    const shown = items.filter((i) => i.span.end > a && i.span.start < b);
    const range = `${yearOf(a)}–${yearOf(b - 1)}`;
    return {
      kind: 'timeline',
      svg,
      title: `${tp('exploreTimelineFigureTitle', shown.length, range)}${filterDesc ? ` · ${filterDesc}` : ''}`,
      citations: citationsFor(
        shown.map((i) => eventEvidence(i.event)),
        model.base.sources,
      ),
      key: t('exploreTimelineFigureKey'),
      fileBase: `caspian-lens-timeline-${range}`,
    };
  };

  return (
    <>
      <div class="ex-view-head" role="search" aria-label={t('exploreFilterEvents')}>
        <h2 class="ex-view-title" id="ex-view-title">
          {t('exploreTimeline')}
        </h2>
        <Select
          label={t('exploreCountry')}
          name="country"
          value={filters.country}
          options={model.options.countries}
          onChange={(v) => set({ country: v })}
        />
        <Select
          label={t('exploreEntityType')}
          name="type"
          value={filters.type}
          options={model.options.types}
          onChange={(v) => set({ type: v as EntityType | undefined })}
        />
        <Select
          label={t('exploreSourceDocument')}
          name="source"
          value={filters.source}
          options={model.options.sources}
          onChange={(v) => set({ source: v })}
        />
      </div>
      <p class="ex-status">
        <span role="status" data-testid="timeline-count">
          {tpParts('exploreShowing', total, <strong>{formatNumber(items.length)}</strong>)}
        </span>
        {entity && (
          <span class="ex-pill">
            {t('exploreInvolving', entity.name)}
            <button
              type="button"
              aria-label={t('exploreInvolvingClear', entity.name)}
              onClick={() => set({ entity: undefined })}
            >
              ×
            </button>
          </span>
        )}
        {hasFilters(filters) && (
          <button type="button" class="ex-link-button" onClick={() => onFilters({})}>
            {t('exploreClearFilters')}
          </button>
        )}
        {presentation === 'chart' && (
          <>
            <span class="ex-hint" aria-hidden="true">
              {tParts(
                'exploreTimelineHint',
                <>
                  <kbd>+</kbd> <kbd>−</kbd>
                </>,
                <>
                  <kbd>←</kbd> <kbd>→</kbd>
                </>,
              )}
            </span>
            <ZoomControls step={TIMELINE_ZOOM_STEP} onZoom={(factor) => chart.current?.zoomBy(factor)}>
              <button
                type="button"
                class="ex-button"
                title={t('exploreFitEventsTitle')}
                onClick={() => chart.current?.fit()}
              >
                {t('exploreFit')}
              </button>
              <button
                type="button"
                class="ex-button"
                title={t('exploreShowAllYearsTitle')}
                onClick={() => chart.current?.reset()}
              >
                1990–2025
              </button>
            </ZoomControls>
          </>
        )}
      </p>
      {recent && (
        <p class="ex-note" role="note" data-testid="timeline-dense">
          {tp(
            'exploreDenseNote',
            recent.length,
            `${yearOf(props.dense!.range[0])}–${yearOf(props.dense!.range[1] - 1)}`,
          )}{' '}
          <button type="button" class="ex-link-button" onClick={props.onShowChart}>
            {t('exploreShowChartAnyway')}
          </button>
          {recent.length < items.length && (
            <>
              {' · '}
              <button type="button" class="ex-link-button" onClick={() => setListAll(true)}>
                {tp('exploreListAll', items.length)}
              </button>
            </>
          )}
        </p>
      )}
      {presentation === 'chart' ? (
        <TimelineChart
          items={items}
          familyOf={familyOfItem}
          selectedId={selectedId}
          onSelect={onSelect}
          handle={chart}
          fitOnMount={fitOnMount}
          initialView={props.initialView}
          onViewChange={props.onRange}
          onReady={props.onReady}
          onTooDense={props.onTooDense}
          onClusters={setClusters}
        />
      ) : (
        <TimelineList
          model={model}
          items={recent ?? items}
          familyOf={familyOfItem}
          selectedId={selectedId}
          cardId={cardId}
          onSelect={onSelect}
          onOpenEntity={onOpenEntity}
        />
      )}
      <TimelineLegend families={families} precisions={precisions} clusters={presentation === 'chart' && clusters} />
    </>
  );
}

function describeFilters(model: ExploreModel, f: TimelineFilters): string {
  const parts: string[] = [];
  if (f.entity) parts.push(t('exploreInvolving', model.store.entity(f.entity)?.name ?? f.entity));
  if (f.country) parts.push(t('exploreFilterCountry', model.store.entity(f.country)?.name ?? f.country));
  if (f.type) parts.push(t('exploreFilterType', model.options.types.find((o) => o.value === f.type)?.label ?? f.type));
  if (f.source)
    parts.push(t('exploreFilterSource', model.base.sources.find((s) => s.id === f.source)?.title ?? f.source));
  return parts.join(' · ');
}

function Select({
  label,
  name,
  value,
  options,
  onChange,
}: {
  label: string;
  name: string;
  value?: string;
  options: readonly { value: string; label: string; count: number }[];
  onChange: (value: string | undefined) => void;
}) {
  return (
    <label class="ex-field">
      {label}
      <select
        name={name}
        value={value ?? ''}
        onChange={(e) => onChange((e.target as HTMLSelectElement).value || undefined)}
      >
        <option value="">{t('exploreAll')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label} ({o.count})
          </option>
        ))}
      </select>
    </label>
  );
}
