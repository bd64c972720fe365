/** Small SVG glyphs shared by legends, lists and chips, so a family or a date precision looks alike everywhere. */
import type { DatePrecision } from '~/lib/explore/dates';
import { familyInfo, shapePath, type Family } from '~/lib/explore/entity-families';

export function FamilyGlyph({ family, size = 12 }: { family: Family; size?: number }) {
  const info = familyInfo(family);
  const r = size / 2 - 1.5;
  const ring = info.shape === 'ring' ? ' mp-ring' : info.shape === 'dashed' ? ' mp-dashed' : '';
  return (
    <svg
      width={size}
      height={size}
      viewBox={`${-size / 2} ${-size / 2} ${size} ${size}`}
      aria-hidden="true"
      class={`f-${family}${ring}`}
    >
      <path class="mp-shape" d={shapePath(info.shape, r)} style={ring ? 'stroke-width:2' : 'stroke-width:0'} />
    </svg>
  );
}

/** A family's colour alone, as the timeline uses it (its markers' shape says how precisely an event is dated). */
export function ColourSwatch({ family }: { family: Family }) {
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" class={`f-${family}`}>
      <rect class="ev-mark" x="1" y="1" width="10" height="10" rx="2" style="stroke-width:0" />
    </svg>
  );
}

/** The timeline's marker for a date precision: a dot for a day, a pill for a month, a band for a year. */
export function PrecisionGlyph({ precision, family }: { precision: DatePrecision; family?: Family }) {
  const cls = family ? `f-${family}` : 'f-place';
  return (
    <svg width="22" height="12" viewBox="0 0 22 12" aria-hidden="true" class={cls}>
      {precision === 'day' && <circle class="ev-mark" cx="11" cy="6" r="4.5" />}
      {precision === 'month' && <rect class="ev-mark" x="4" y="2" width="14" height="8" rx="4" />}
      {precision === 'year' && <rect class="ev-band" x="0.5" y="0.5" width="21" height="11" rx="2" />}
    </svg>
  );
}

/**
 * The timeline's cluster of events without room for a label: a box with a count in it. The count is a sample digit,
 * the same in every interface language (as the map legend's "+3"); the legend's words beside it say what it means.
 */
export function ClusterGlyph() {
  return (
    <svg width="30" height="14" viewBox="0 0 30 14" aria-hidden="true" class="tl-cluster">
      <rect class="tl-cluster-box" x="0.5" y="0.5" width="29" height="13" rx="3" />
      <text class="tl-cluster-label" x="15" y="7.5" text-anchor="middle">
        3
      </text>
    </svg>
  );
}
