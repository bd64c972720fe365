/**
 * The timeline's drawing surface as Preact renders it: the SVG, its clip, background and axis band, and the empty
 * groups the painter (timeline-painter.ts) fills: grid, axis, the events' elements and the clusters' boxes. Preact
 * renders it once per size or filter change; pan and zoom only move what the painter put inside.
 */
import type { RefObject } from 'preact';

/** Room around the plot: the axis and its band above, air at the sides and below. */
export const TIMELINE_MARGIN = { top: 30, right: 14, bottom: 10, left: 14 };

interface Props {
  width: number;
  height: number;
  /** The plot's inner size (the chart less its margins). */
  innerW: number;
  innerH: number;
  /** The lanes are packed: the groups are there for the painter. */
  laidOut: boolean;
  eventCount: number;
  laneCount: number;
  refs: {
    svg: RefObject<SVGSVGElement>;
    items: RefObject<SVGGElement>;
    axis: RefObject<SVGGElement>;
    grid: RefObject<SVGGElement>;
  };
  onClick: (e: MouseEvent) => void;
  onPointerOver: (e: PointerEvent) => void;
}

export function TimelineSvg({ width, height, innerW, innerH, laidOut, eventCount, laneCount, refs, ...on }: Props) {
  const m = TIMELINE_MARGIN;
  return (
    <svg
      ref={refs.svg}
      class="ex-chart"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      aria-hidden="true"
      onClick={on.onClick}
      onPointerOver={on.onPointerOver}
      data-laid-out={laidOut ? 'true' : 'false'}
      data-event-count={eventCount}
      data-lanes={laneCount}
    >
      <defs>
        <clipPath id="tl-clip">
          <rect x={0} y={-m.top} width={innerW} height={innerH + m.top + m.bottom} />
        </clipPath>
      </defs>
      <rect class="ex-chart-bg" width={width} height={height} />
      {laidOut && (
        <g transform={`translate(${m.left},${m.top})`}>
          <g class="tl-grid" ref={refs.grid} clip-path="url(#tl-clip)" />
          <g class="tl-items" ref={refs.items} clip-path="url(#tl-clip)">
            {/* The events' elements: built by the painter's sync, not by Preact; the clusters' by the painter too. */}
            <g class="tl-pan" />
            <g class="tl-pan tl-clusters" />
          </g>
          <rect class="tl-axis-band" x={-m.left} y={-m.top} width={innerW + m.left + m.right} height={m.top} />
          <g class="tl-axis" ref={refs.axis} clip-path="url(#tl-clip)" />
        </g>
      )}
    </svg>
  );
}
