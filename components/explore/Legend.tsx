/** Legends: what a timeline marker's shape says about its date, and what colours and shapes say about entities. */
import { FAMILIES, type Family } from '~/lib/explore/entity-families';
import { FamilyGlyph, PrecisionGlyph } from './glyphs';

export function FamilyLegend({ families, title }: { families?: ReadonlySet<Family>; title: string }) {
  const shown = FAMILIES.filter((f) => !families || families.has(f.id));
  return (
    <>
      <li class="ex-legend-title">{title}</li>
      {shown.map((f) => (
        <li key={f.id}>
          <FamilyGlyph family={f.id} />
          {f.label}
        </li>
      ))}
    </>
  );
}

export function TimelineLegend({ families }: { families: ReadonlySet<Family> }) {
  return (
    <ul class="ex-legend" aria-label="Legend">
      <li class="ex-legend-title">Dated to</li>
      <li>
        <PrecisionGlyph precision="day" /> the day
      </li>
      <li>
        <PrecisionGlyph precision="month" /> the month
      </li>
      <li>
        <PrecisionGlyph precision="year" /> the year only
      </li>
      <li class="ex-legend-sep" aria-hidden="true" />
      <FamilyLegend families={families} title="Main entity" />
    </ul>
  );
}
