/**
 * What the timeline chart offers the page around it (its zoom buttons, the list's "show on the chart", export):
 * moves in time carried out by the stage, each marked as the reader's own so the URL follows it.
 */
import { zoomIdentity } from 'd3-zoom';
import { itemsExtent, type TimelineItem } from '~/lib/explore/timeline-model';
import type { TimelinePainter } from './timeline-painter';
import type { TimelineStage } from './timeline-stage';

export interface TimelineChartHandle {
  svg(): SVGSVGElement | null;
  /** The time range now visible. */
  visibleDomain(): [number, number];
  zoomBy(factor: number): void;
  panBy(fraction: number): void;
  reset(): void;
  /** Zoom to show the given items (all shown items by default). */
  fit(items?: readonly TimelineItem[]): void;
  /** Pan so an item is in view, if it is not. */
  reveal(id: string): void;
}

interface HandleParts {
  stage: () => TimelineStage | null;
  painter: TimelinePainter;
  items: readonly TimelineItem[];
  selectedId?: string;
  svg: () => SVGSVGElement | null;
  visibleDomain: () => [number, number];
  /** Called before each move: the zoom gesture it starts is the reader's (reported for the URL). */
  byReader: () => void;
}

/** Pans, at the same zoom, to centre an event that is out of view. */
export function revealEvent(stage: TimelineStage | null, painter: TimelinePainter, id: string): void {
  const node = painter.nodes.get(id);
  if (node) stage?.reveal(node.item.span);
}

export function timelineHandle(p: HandleParts): TimelineChartHandle {
  const mine =
    <A extends unknown[]>(f: (...args: A) => unknown) =>
    (...args: A) => {
      p.byReader();
      f(...args);
    };
  return {
    svg: p.svg,
    visibleDomain: p.visibleDomain,
    // About the selected event when it is in view, so it stays put.
    zoomBy: mine((factor: number) =>
      p.stage()?.zoomAbout(factor, p.selectedId ? p.painter.nodes.get(p.selectedId)?.item.span.start : undefined),
    ),
    panBy: mine((fraction: number) => p.stage()?.panBy(fraction)),
    reset: mine(() => p.stage()?.zoomTo(zoomIdentity)),
    fit: mine((subset?: readonly TimelineItem[]) => {
      const ext = itemsExtent(subset ?? p.items);
      if (ext) p.stage()?.show(ext[0], ext[1]);
    }),
    reveal: mine((id: string) => revealEvent(p.stage(), p.painter, id)),
  };
}
