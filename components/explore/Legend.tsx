/**
 * Legends that show exactly what the chart draws: on the timeline, the marker for each date precision present and
 * the colour of each family present (the timeline does not use the map's shapes); on the map, the shapes and colours
 * of the families present, and only the kinds of link and badge drawn, each explained in words.
 */
import type { DatePrecision } from '~/lib/explore/dates';
import type { GraphLink } from '~/lib/explore/graph';
import { GENERIC_RELATION } from '~/lib/explore/relations';
import { FAMILIES, type Family } from '~/lib/explore/entity-families';
import { ClusterGlyph, ColourSwatch, FamilyGlyph, PrecisionGlyph } from './glyphs';
import { t, type MessageKey } from '~/lib/i18n/translator';

/** After "Dated to": how precisely the source dates the event a marker stands for. */
const PRECISION_WORDS: Record<DatePrecision, MessageKey> = {
  day: 'exploreLegendDay',
  month: 'exploreLegendMonth',
  year: 'exploreLegendYear',
};

function FamilyLegend({
  families,
  title,
  as = 'shape',
}: {
  families?: ReadonlySet<Family>;
  title: string;
  /** `shape`: the map's shape and colour; `colour`: a colour swatch (the timeline colours its markers only). */
  as?: 'shape' | 'colour';
}) {
  const shown = FAMILIES.filter((f) => !families || families.has(f.id));
  return (
    <>
      <li class="ex-legend-title">{title}</li>
      {shown.map((f) => (
        <li key={f.id} data-family={f.id}>
          {as === 'shape' ? <FamilyGlyph family={f.id} /> : <ColourSwatch family={f.id} />}
          {f.label}
        </li>
      ))}
    </>
  );
}

export function TimelineLegend({
  families,
  precisions,
  clusters = false,
}: {
  families: ReadonlySet<Family>;
  precisions: ReadonlySet<DatePrecision>;
  /** Whether the chart now draws clusters of events without room for a label. */
  clusters?: boolean;
}) {
  return (
    <ul class="ex-legend" aria-label={t('exploreLegend')} data-testid="timeline-legend">
      <li class="ex-legend-title">{t('exploreLegendDatedTo')}</li>
      {(['day', 'month', 'year'] as const)
        .filter((p) => precisions.has(p))
        .map((p) => (
          <li key={p} data-precision={p}>
            <PrecisionGlyph precision={p} /> {t(PRECISION_WORDS[p])}
          </li>
        ))}
      {clusters && (
        <li data-legend="cluster">
          <ClusterGlyph /> {t('exploreLegendClusters')}
        </li>
      )}
      <li class="ex-legend-sep" aria-hidden="true" />
      <FamilyLegend families={families} title={t('exploreLegendColour')} as="colour" />
    </ul>
  );
}

/** The map's legend: the families on it, then each kind of link and badge it draws, said in words. */
export function MapLegend({
  families,
  links,
  more,
  unlabelled = false,
}: {
  families: ReadonlySet<Family>;
  links: readonly GraphLink[];
  /** Some node shows "+N" (relations whose other end is not on the map). */
  more: boolean;
  /** Some link is drawn without its words, which show when either end is hovered or focused. */
  unlabelled?: boolean;
}) {
  const generic = links.some((l) => l.edges.every((e) => e.type === GENERIC_RELATION));
  const share = links.some((l) => l.edges.some((e) => e.share));
  const named = links.some((l) => l.edges.some((e) => e.type !== GENERIC_RELATION && !e.share));
  return (
    <ul class="ex-legend" aria-label={t('exploreLegend')} data-testid="map-legend">
      <FamilyLegend families={families} title={t('exploreLegendEntities')} />
      <li class="ex-legend-sep" aria-hidden="true" />
      {named && (
        <li data-link="named">
          <svg width="26" height="8" aria-hidden="true">
            <line x1="1" x2="21" y1="4" y2="4" class="mp-link-line" />
            <path class="mp-arrow" d="M19,0.5L25,4L19,7.5Z" />
          </svg>
          {t('exploreLegendNamed')}
        </li>
      )}
      {share && (
        <li data-link="share">
          <svg width="26" height="8" aria-hidden="true" class="mp-link-share">
            <line x1="1" x2="25" y1="4" y2="4" class="mp-link-line" />
          </svg>
          {t('exploreLegendShare')}
        </li>
      )}
      {generic && (
        <li data-link="generic">
          <svg width="26" height="8" aria-hidden="true" class="mp-link-generic">
            <line x1="1" x2="25" y1="4" y2="4" class="mp-link-line" />
          </svg>
          {t('exploreLegendGeneric')}
        </li>
      )}
      {unlabelled && (
        <li data-link="unlabelled">
          <svg width="26" height="8" aria-hidden="true">
            <line x1="1" x2="25" y1="4" y2="4" class="mp-link-line" />
          </svg>
          {t('exploreLegendUnlabelled')}
        </li>
      )}
      {more && (
        <li data-link="more">
          <span class="ex-legend-more" aria-hidden="true">
            +3
          </span>
          {t('exploreLegendMore')}
        </li>
      )}
    </ul>
  );
}
