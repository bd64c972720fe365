/** One entity on the relationship map: its shape, name and hidden-relations count, as a button in the tab order. */
import type { Entity } from '~/lib/factbase/types';
import { truncateText } from '~/lib/explore/caption';
import { familyInfo, familyOf, shapePath } from '~/lib/explore/entity-families';
import { CENTRE_LABEL_MAX, CENTRE_LABEL_SCALE, NODE_LABEL_MAX, nodeRadius } from '~/lib/explore/map-layout';
import type { Point } from '~/lib/explore/map-start-positions';
import { typeLabel } from '~/components/card/card-model';
import { interfaceLocale, t, tp } from '~/lib/i18n/translator';

interface Props {
  entity: Entity;
  depth: number;
  at: Point;
  centre: boolean;
  /** A layer beyond the fact base's, as a class `layer-<name>` (see MapChart's nodeLayer). */
  layer?: string;
  selected: boolean;
  /** In the tab order (roving tabindex). */
  tabStop: boolean;
  /** How many relations the entity has, and how many of their other ends are not on the map. */
  relations: number;
  more: number;
  measure: (s: string) => number;
  /** Called with the node's element when it is mounted, null when it goes. */
  elementRef: (el: SVGGElement | null) => void;
  onFocus: () => void;
  onBlur: () => void;
  onKeyDown: (e: KeyboardEvent) => void;
  onClick: () => void;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
}

export function MapNode({
  entity,
  depth,
  at,
  centre,
  layer,
  selected,
  tabStop,
  relations,
  more,
  measure,
  ...on
}: Props) {
  const family = familyOf(entity.type);
  const info = familyInfo(family);
  const r = nodeRadius(depth, centre);
  const shown = centre
    ? truncateText(entity.name, CENTRE_LABEL_MAX / CENTRE_LABEL_SCALE, measure)
    : truncateText(entity.name, NODE_LABEL_MAX, measure);
  // The name starts with what the node shows, in its order (label, then the "+N" badge), as WCAG's "label in name"
  // asks of a control; a shortened label is followed by the full name.
  const name = [
    `${shown}${more ? ` +${more}` : ''}`,
    shown === entity.name ? '' : entity.name,
    typeLabel(entity.type).toLocaleLowerCase(interfaceLocale()),
    tp('exploreRelationCount', relations),
    more ? tp('exploreNotShown', more) : '',
    centre ? t('exploreMapCentre') : '',
  ]
    .filter(Boolean)
    .join(', ');
  const cls = [
    'mp-node',
    `f-${family}`,
    info.shape === 'ring' ? 'mp-ring' : info.shape === 'dashed' ? 'mp-dashed' : '',
    `depth-${Math.min(depth, 3)}`,
    centre ? 'is-centre' : '',
    layer ? `layer-${layer}` : '',
    selected ? 'is-selected' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <g
      class={cls}
      data-node-id={entity.id}
      transform={`translate(${at.x.toFixed(1)},${at.y.toFixed(1)})`}
      ref={on.elementRef}
      role="button"
      tabindex={tabStop ? 0 : -1}
      aria-label={name}
      aria-pressed={selected}
      onFocus={on.onFocus}
      onBlur={on.onBlur}
      onKeyDown={on.onKeyDown}
      onClick={(e) => {
        e.stopPropagation();
        on.onClick();
      }}
      onPointerEnter={on.onPointerEnter}
      onPointerLeave={on.onPointerLeave}
    >
      <title>{`${entity.name} — ${info.label.toLocaleLowerCase(interfaceLocale())}${more ? ` · ${tp('exploreNodeMore', more)}` : ''}`}</title>
      <circle class="mp-focus-ring ex-ui-only" r={r + (centre ? 12 : 6)} />
      {centre && <circle class="mp-halo" r={r + 8} />}
      <path class="mp-shape" d={shapePath(info.shape, r)} />
      <text class="mp-node-label" y={r + 14}>
        {shown}
      </text>
      {more > 0 && (
        <text class="mp-node-more ex-ui-only" x={r + 5} y={-r - 3}>
          +{more}
        </text>
      )}
    </g>
  );
}
