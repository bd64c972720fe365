/**
 * The zoomable timeline: every (filtered) event on a UTC time axis, drawn as the span its date stands for (a dot for
 * a day, a pill for a month, a band for a year), stacked in lanes so nothing overlaps, labelled where there is room.
 *
 * Preact renders the chart's frame once per filter change; pan and zoom never re-render. The stage
 * (timeline-stage.ts) owns the gestures and the transform, and the painter (timeline-painter.ts) moves the existing
 * elements directly (a few attributes per visible item per frame). The lanes (lib/explore/timeline-lanes.ts) depend
 * only on the zoom level, so they are re-packed (and the items glide to their new lanes) only when a zoom gesture
 * ends at a level far enough from the one they were packed for. Around it: the SVG it renders (TimelineSvg.tsx), what
 * it offers the page (timeline-handle.ts), what the opening is (lib/explore/timeline-opening.ts) and what each key
 * does (lib/explore/chart-keys.ts).
 */
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { scaleUtc, type ScaleTime } from 'd3-scale';
import { zoomIdentity } from 'd3-zoom';
import { adjacentEvent, timelineKeys } from '~/lib/explore/chart-keys';
import type { Family } from '~/lib/explore/entity-families';
import { clusterLabel } from '~/lib/explore/timeline-clusters';
import { eventLabels, layoutLanes, type LaneLayout } from '~/lib/explore/timeline-lanes';
import type { TimelineItem } from '~/lib/explore/timeline-model';
import { chartOpening, INITIAL_DOMAIN, unlabelledWithin } from '~/lib/explore/timeline-opening';
import { LABEL_FONT, textMeasurer } from './text-measure';
import { revealEvent, timelineHandle, type TimelineChartHandle } from './timeline-handle';
import { TimelinePainter, type TimelineFrame } from './timeline-painter';
import { showing, TimelineStage } from './timeline-stage';
import { TIMELINE_MARGIN as MARGIN, TimelineSvg } from './TimelineSvg';
import { easeCubicOut, handleStageKey, observeSize, reducedMotion, type StageSize } from './zoom-stage';
import { useLatest } from '../use-latest';
import { t, tp } from '~/lib/i18n/translator';

/** Widest label (px): a title longer than this ends in "…" (the whole title is in its tooltip, the list and the panel). */
const LABEL_MAX_WIDTH = 180;
/** Re-pack lanes when a zoom ends this far (as a ratio) from the level they were packed for. */
const REPACK_RATIO = 1.3;
const GLIDE_MS = 260;
/** A year's width on the unzoomed scale is measured on this one. */
const A_YEAR: [number, number] = [Date.UTC(2001, 0, 1), Date.UTC(2002, 0, 1)];

export type { TimelineChartHandle } from './timeline-handle';

interface Props {
  items: readonly TimelineItem[];
  familyOf: (item: TimelineItem) => Family;
  selectedId?: string;
  onSelect: (id: string) => void;
  handle: { current: TimelineChartHandle | null };
  /** Zoom to the items when first shown (a timeline opened for one entity). */
  fitOnMount?: boolean;
  /** The range to open on (from the URL), instead of the most recent five years. */
  initialView?: [number, number];
  /**
   * Called once, when the default opening (the most recent five years) leaves events without a label at this size:
   * with how many, and the range.
   */
  onTooDense?: (unlabelled: number, range: [number, number]) => void;
  /**
   * A layer an item belongs to beyond the fact base's (the reader's own events, say), added to its element's classes
   * as `layer-<name>`; the fact base's own items have none.
   */
  layerOf?: (item: TimelineItem) => string | undefined;
  /** Called after the first layout with items on screen. */
  onReady?: () => void;
  /** Called when clusters ("N more") appear in or leave the chart, for the legend. */
  onClusters?: (shown: boolean) => void;
  /** Called when the visible range changes (debounced to gesture ends). */
  onViewChange?: (domain: [number, number]) => void;
}

export function TimelineChart({
  items,
  familyOf,
  selectedId,
  onSelect,
  handle,
  fitOnMount,
  initialView,
  onReady,
  onViewChange,
  onTooDense,
  layerOf,
  onClusters,
}: Props) {
  const stageRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const itemsRef = useRef<SVGGElement>(null);
  const axisRef = useRef<SVGGElement>(null);
  const gridRef = useRef<SVGGElement>(null);
  const [size, setSize] = useState<StageSize | null>(null);
  /** The zoom the lanes were last packed for; until the first gesture ends, the opening's. */
  const [packed, setPacked] = useState<{ k: number; right: number } | null>(null);
  const [opening] = useState(() => chartOpening(items, !!fitOnMount && items.length > 0, initialView));
  const stage = useRef<TimelineStage | null>(null);
  const painter = useMemo(() => new TimelinePainter(), []);
  const readyRef = useRef(false);
  const callbacks = useLatest({ onSelect, onReady, onViewChange, onTooDense, onClusters });
  const clustersShown = useRef(false);
  const transform = () => stage.current?.transform ?? zoomIdentity;

  const innerW = size ? Math.max(100, size.width - MARGIN.left - MARGIN.right) : 0;
  const innerH = size ? Math.max(60, size.height - MARGIN.top - MARGIN.bottom) : 0;

  /** The unzoomed scale: the initial domain across the chart's width. */
  const x0 = useMemo<ScaleTime<number, number>>(() => scaleUtc().domain(INITIAL_DOMAIN).range([0, innerW]), [innerW]);

  /** The zoom the lanes are packed for: the opening's until a gesture settles elsewhere. */
  const openingT = innerW ? showing(x0, innerW, opening.range[0], opening.range[1], opening.padded) : zoomIdentity;
  const k = packed?.k ?? openingT.k;
  /** The view's right edge in zoom-level space when the lanes were packed: labels that would cross it go left. */
  const packedRight = packed?.right ?? innerW - openingT.x;
  const packedKRef = useRef(k);
  packedKRef.current = k;
  // Rounded down, and a pixel less for the label's measured width (rounded up): rounded to the nearest, a 365-day
  // year's band could come out a fraction narrower than the room its label was cut for, and the label then went
  // after the band instead of inside it (a 2022 band at the opening zoom).
  const yearWidth = Math.floor((x0(A_YEAR[1]) - x0(A_YEAR[0])) * k) - 1;

  const measure = useMemo(() => textMeasurer(LABEL_FONT), []);
  const labels = useMemo(() => eventLabels(items, LABEL_MAX_WIDTH, measure, yearWidth), [items, measure, yearWidth]);

  const layout = useMemo<LaneLayout | null>(() => {
    if (!size) return null;
    // Clusters are sized for the widest count the fact base could give one ("999 more").
    const clusterWidth = Math.ceil(measure(clusterLabel(999)));
    return layoutLanes(items, (t) => x0(t) * k, labels.width, innerH, clusterWidth, packedRight);
  }, [items, x0, k, labels, innerH, size, measure, packedRight]);

  /** What the painter draws against, as of this render (read by zoom frames between renders). */
  const frame = (): TimelineFrame | null => {
    const pan = itemsRef.current?.firstElementChild as SVGGElement | null | undefined;
    if (!layout || !innerW || !pan) return null;
    const clusters = pan.nextElementSibling as SVGGElement | null;
    return {
      x0,
      layout,
      innerW,
      gridH: innerH + MARGIN.bottom,
      axis: axisRef.current,
      grid: gridRef.current,
      pan,
      clusters,
    };
  };
  const frameRef = useRef(frame);
  frameRef.current = frame;
  const visibleDomain = useCallback((): [number, number] => stage.current?.visibleDomain(x0) ?? INITIAL_DOMAIN, [x0]);
  // Stable: the zoom gestures are bound with it once per size, and it reads everything through refs.
  const paint = useCallback(() => {
    const f = frameRef.current();
    if (f) painter.paint(f, stage.current?.transform ?? zoomIdentity);
  }, [painter]);

  // The stage lives as long as the chart; its size is read at once on mount, then followed. The same visible range
  // is kept when the width changes.
  useLayoutEffect(() => {
    const zoomStage = new TimelineStage(svgRef.current!);
    stage.current = zoomStage;
    const stop = observeSize(stageRef.current!, (next, before) => {
      const oldW = before ? before.width - MARGIN.left - MARGIN.right : 0;
      const newW = next.width - MARGIN.left - MARGIN.right;
      const t = zoomStage.transform;
      if (oldW > 0 && newW > 0) zoomStage.transform = zoomIdentity.translate((t.x * newW) / oldW, t.y).scale(t.k);
      setSize(next);
    });
    return () => {
      stop();
      zoomStage.destroy();
    };
  }, []);

  // The gestures, bound once the size is known and re-bound when it changes. A layout effect, declared before the
  // one that lays the items out, so they are bound when that one first fits or opens on a range.
  useLayoutEffect(() => {
    if (!innerW) return;
    stage.current!.bindTimeline(x0, innerW, innerH, {
      zoom: paint,
      end: (event, byReader) => {
        // Binding applies the transform before the opening's move: the lanes wait for the zoom the chart opens on.
        if (!readyRef.current) return;
        const now = event.transform.k;
        const old = packedKRef.current;
        if (Math.max(now / old, old / now) >= REPACK_RATIO) setPacked({ k: now, right: innerW - event.transform.x });
        // Only the reader's own moves are reported (for the URL); opening on a range or fitting on mount are not.
        if (byReader) callbacks.current.onViewChange?.(visibleDomain());
      },
    });
  }, [innerW, innerH, x0, paint, visibleDomain, callbacks]);
  handle.current = timelineHandle({
    stage: () => stage.current,
    painter,
    items,
    selectedId,
    svg: () => svgRef.current,
    visibleDomain,
    byReader: () => stage.current?.markReaderMove(),
  });

  // After each render: bring the item elements in step with the items, put them in their lanes (gliding when the
  // lanes changed), apply the zoom. The first time, optionally fit, and report readiness.
  useLayoutEffect(() => {
    const f = frame();
    if (!f) return;
    const targets = painter.sync(
      f,
      items,
      (item) => ({
        className: `ev ev-${item.span.precision} f-${familyOf(item)}${layerClass(item)}${item.event.id === selectedId ? ' is-selected' : ''}`,
        label: labels.text.get(item.event.id) ?? '',
      }),
      labels,
    );
    painter.syncClusters(f, measure);
    const hasClusters = f.layout.clusters.length > 0;
    if (hasClusters !== clustersShown.current) {
      clustersShown.current = hasClusters;
      callbacks.current.onClusters?.(hasClusters);
    }
    const moving = targets.some((t) => t.from !== t.to);
    stage.current!.stopGlide();
    if (!moving || reducedMotion() || !readyRef.current) {
      for (const t of targets) t.n.y = t.to;
      // The first time, the opening's move below paints (once, at the zoom the lanes were packed for).
      if (readyRef.current || !size) painter.paint(f, transform());
    } else {
      const glideTo = (e: number) => {
        for (const t of targets) t.n.y = t.from + (t.to - t.from) * e;
        paint();
      };
      stage.current!.glide(GLIDE_MS, easeCubicOut, glideTo, () => glideTo(1));
    }
    if (!readyRef.current && size) {
      readyRef.current = true;
      stage.current!.show(opening.range[0], opening.range[1], { padded: opening.padded, animate: false });
      if (selectedId) revealEvent(stage.current, painter, selectedId);
      callbacks.current.onReady?.();
      if (opening.byDefault) {
        const shown = new Map([...painter.nodes].map(([id, n]) => [id, n.shown && n.labelShown]));
        const missing = unlabelledWithin(items, shown, opening.range);
        if (missing.length) callbacks.current.onTooDense?.(missing.length, opening.range);
      }
    }
  });

  const layerClass = (item: TimelineItem) => {
    const layer = layerOf?.(item);
    return layer ? ` layer-${layer}` : '';
  };

  const onClick = (e: MouseEvent) => {
    // A cluster opens onto its period, where its events have room for their labels.
    const cluster = painter.clusterAt(e.target as Element);
    if (cluster) {
      stage.current?.markReaderMove();
      stage.current?.show(cluster.start, cluster.end);
      return;
    }
    const target = (e.target as Element).closest('[data-event-id]');
    const id = target?.getAttribute('data-event-id');
    if (id) callbacks.current.onSelect(id);
  };

  /** N / P select the next or previous event in time and bring it into view. */
  const step = (dir: 1 | -1) => {
    const ids = items.map((i) => i.event.id);
    const next = adjacentEvent(ids, selectedId, dir);
    if (!next) return;
    callbacks.current.onSelect(next);
    handle.current?.reveal(next);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const h = handle.current!;
    handleStageKey(e, timelineKeys({ panBy: h.panBy, zoomBy: h.zoomBy, reset: h.reset, fit: () => h.fit(), step }));
  };

  const width = size?.width ?? 0;
  const height = size?.height ?? 0;
  return (
    <div
      class="ex-stage"
      ref={stageRef}
      tabIndex={0}
      role="group"
      aria-roledescription={t('exploreTimelineRole')}
      aria-label={tp('exploreTimelineLabel', items.length)}
      onKeyDown={onKeyDown}
    >
      <TimelineSvg
        width={width}
        height={height}
        innerW={innerW}
        innerH={innerH}
        laidOut={!!layout}
        eventCount={items.length}
        laneCount={layout?.laneCount ?? 0}
        refs={{ svg: svgRef, items: itemsRef, axis: axisRef, grid: gridRef }}
        onClick={onClick}
        onPointerOver={(e) => painter.addTooltip(e.target as Element)}
      />
    </div>
  );
}
