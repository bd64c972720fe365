/**
 * The timeline's zoom stage: the moves of a ZoomStage in time rather than pixels (show a range, reveal an event,
 * zoom about a moment), against the unzoomed scale `x0` and the chart's inner size of the latest render.
 */
import type { ScaleTime } from 'd3-scale';
import { zoomIdentity, type ZoomTransform } from 'd3-zoom';
import type { DateSpan } from '~/lib/explore/dates';
import { INITIAL_DOMAIN } from '~/lib/explore/timeline-opening';
import { ZoomStage, type StageZoomEvent } from './zoom-stage';

/** How far one may pan: a little beyond the oldest (1919) and newest (2031) events. */
const LIMIT_DOMAIN: [number, number] = [Date.UTC(1912, 0, 1), Date.UTC(2036, 0, 1)];
/** Zoomed in far enough to see single days apart (a quarter of a year across the chart). */
const MAX_ZOOM = 160;
/** Animated zooms and pans (buttons, keys). */
const MOVE_MS = 320;
/** Least air either side of a range that is fitted (ms): 20 days. */
const MIN_FIT_PAD = 1000 * 3600 * 24 * 20;

/**
 * The transform that shows `[from, to]` across a chart `innerW` wide whose unzoomed scale is `x0`, with a little air
 * either side when `padded`. The chart packs its first lanes at this zoom, before the stage is bound.
 */
export function showing(
  x0: ScaleTime<number, number>,
  innerW: number,
  from: number,
  to: number,
  padded: boolean,
): ZoomTransform {
  const pad = padded ? Math.max((to - from) * 0.04, MIN_FIT_PAD) : 0;
  const a = x0(from - pad);
  const b = x0(to + pad);
  const k = Math.min(MAX_ZOOM, innerW / Math.max(1, b - a));
  return zoomIdentity.scale(k).translate(-a, 0);
}

export class TimelineStage extends ZoomStage {
  private x0: ScaleTime<number, number> | null = null;
  private innerW = 0;
  /** Set by the chart's own controls (buttons, keys, a cluster): the next zoom gesture is the reader's. */
  private readerMoveNext = false;
  /** Whether the zoom gesture under way is the reader's: their input, or one of the chart's controls. */
  private readerMove = false;

  /** Marks the next move as the reader's (the chart reports the reader's moves for the URL, not its own). */
  markReaderMove(): void {
    this.readerMoveNext = true;
  }

  /**
   * Binds the gestures for a chart of this scale and inner size: zoomed out to at most the pan limits, in to
   * MAX_ZOOM, panned no further than the limits.
   */
  bindTimeline(
    x0: ScaleTime<number, number>,
    innerW: number,
    innerH: number,
    /** `zoom` on every frame; `end` when a gesture or move settles, saying whether it was the reader's. */
    on: { zoom: () => void; end: (e: StageZoomEvent, byReader: boolean) => void },
  ): void {
    this.x0 = x0;
    this.innerW = innerW;
    const minK = (x0(INITIAL_DOMAIN[1]) - x0(INITIAL_DOMAIN[0])) / (x0(LIMIT_DOMAIN[1]) - x0(LIMIT_DOMAIN[0]));
    this.bind({
      scaleExtent: [minK, MAX_ZOOM],
      duration: MOVE_MS,
      extent: [
        [0, 0],
        [innerW, innerH],
      ],
      translateExtent: [
        [x0(LIMIT_DOMAIN[0]), -Infinity],
        [x0(LIMIT_DOMAIN[1]), Infinity],
      ],
      // Keep the default filter (no right button, no ctrl-click) but never start a pan from a form control.
      filter: (event) => (!event.ctrlKey || event.type === 'wheel') && !event.button,
      onStart: (event) => {
        this.readerMove = !!event.sourceEvent || this.readerMoveNext;
        this.readerMoveNext = false;
      },
      onZoom: on.zoom,
      onEnd: (event) => on.end(event, this.readerMove),
    });
  }

  /** The time range now visible. */
  visibleDomain(x0: ScaleTime<number, number>): [number, number] {
    const [a, b] = this.transform.rescaleX(x0).domain();
    return [a!.getTime(), b!.getTime()];
  }

  /** Shows `[from, to]` across the chart, with a little air either side unless `padded` is false. */
  show(from: number, to: number, { padded = true, animate = true } = {}): void {
    if (this.x0) this.zoomTo(showing(this.x0, this.innerW, from, to, padded), animate);
  }

  /** Zooms about a moment when it is in view, so it stays put; else about the middle. */
  zoomAbout(factor: number, moment: number | undefined): void {
    if (!this.x0) return;
    const x = moment !== undefined ? this.transform.rescaleX(this.x0)(moment) : NaN;
    this.zoomBy(factor, x >= 0 && x <= this.innerW ? [x, 0] : [this.innerW / 2, 0]);
  }

  /** Pans by a fraction of the chart's width. */
  panBy(fraction: number): void {
    this.translateBy((-fraction * this.innerW) / this.transform.k, 0);
  }

  /** Pans, at the same zoom, to centre a span that is out of view. */
  reveal(span: DateSpan): void {
    if (!this.x0 || !this.bound) return;
    const [a, b] = this.visibleDomain(this.x0);
    const { start, end } = span;
    if (start >= a && end <= b) return;
    const k = this.transform.k;
    const tx = this.innerW / 2 - k * this.x0((start + end) / 2);
    this.zoomTo(zoomIdentity.translate(tx, 0).scale(k));
  }
}
