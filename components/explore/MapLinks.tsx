/**
 * The map's links as drawn by lib/explore/map-links.ts: a line per linked pair (arrow-headed for a directed
 * relation), its label where it covers no other text or node, and the arrowhead they share. Links of the hovered or
 * focused node are highlighted, and their labels that had no room are shown above everything (MapHotLabels).
 */
import type { DrawnLink } from '~/lib/explore/map-links';

/** The arrowhead marker the directed links point with (one per map, in its `<defs>`). */
export function MapArrowDefs() {
  return (
    <defs aria-hidden="true">
      <marker
        id="mp-arrow"
        viewBox="0 -5 10 10"
        refX="9"
        refY="0"
        markerWidth="7"
        markerHeight="7"
        orient="auto-start-reverse"
      >
        <path class="mp-arrow" d="M0,-4.5L10,0L0,4.5Z" />
      </marker>
    </defs>
  );
}

export function MapLinks({ drawn, hot }: { drawn: readonly DrawnLink[]; hot: ReadonlySet<string> }) {
  return (
    <g class="mp-links" aria-hidden="true">
      {drawn.map(({ link, geo, forward, backward, share, generic, label, labelAt }) => (
        <g
          key={link.id}
          class={`mp-link${share ? ' mp-link-share' : ''}${generic ? ' mp-link-generic' : ''}${hot.has(link.id) ? ' is-hot' : ''}`}
          data-link-id={link.id}
          data-relations={link.edges.map((e) => e.type).join(' ')}
        >
          <path
            class="mp-link-line"
            d={geo.d}
            marker-end={forward ? 'url(#mp-arrow)' : undefined}
            marker-start={backward ? 'url(#mp-arrow)' : undefined}
          />
          {labelAt && (
            <text class="mp-link-label" x={labelAt.x.toFixed(1)} y={labelAt.y.toFixed(1)}>
              {label}
            </text>
          )}
        </g>
      ))}
    </g>
  );
}

/**
 * The labels of the hot node's links that had no clear place, drawn last so that they read on top of the names and
 * nodes they cover while the reader points at or focuses the node.
 */
export function MapHotLabels({ drawn, hot }: { drawn: readonly DrawnLink[]; hot: ReadonlySet<string> }) {
  const shown = drawn.filter((d) => d.labelOnDemand && hot.has(d.link.id));
  if (!shown.length) return null;
  return (
    <g class="mp-hot-labels" aria-hidden="true">
      {shown.map(({ link, share, generic, label, labelOnDemand: at }) => (
        <text
          key={link.id}
          class={`mp-link-label mp-link-label-on-demand${share ? ' is-share' : ''}${generic ? ' is-generic' : ''}`}
          data-for-link={link.id}
          x={at!.x.toFixed(1)}
          y={at!.y.toFixed(1)}
        >
          {label}
        </text>
      ))}
    </g>
  );
}
