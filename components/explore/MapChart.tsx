/**
 * The relationship map: the neighbourhood of the centre entity as laid out by lib/explore/map-layout.ts, zoomed and
 * panned on a ZoomStage. When the layout changes, nodes glide from where they were to where they settle
 * (map-glide.ts), so expanding a node keeps the rest of the map where the reader left it. Links are drawn by
 * MapLinks.tsx, nodes by MapNode.tsx. Every node is reachable with Tab and the arrow keys (lib/explore/chart-keys.ts,
 * in the order of lib/explore/map-keyboard-order.ts).
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { zoomIdentity } from 'd3-zoom';
import { mapNodeKeys, mapStageKeys } from '~/lib/explore/chart-keys';
import { familyOf, FAMILIES } from '~/lib/explore/entity-families';
import { hiddenNeighbourCount, type GraphLink, type Neighbourhood } from '~/lib/explore/graph';
import { fitView, layoutMap, mapStretch } from '~/lib/explore/map-layout';
import { keyboardOrder, stepInOrder } from '~/lib/explore/map-keyboard-order';
import { drawLinks } from '~/lib/explore/map-links';
import type { Point } from '~/lib/explore/map-start-positions';
import type { ExploreModel } from '~/lib/explore/model';
import { useMapGlide } from './map-glide';
import { MapArrowDefs, MapHotLabels, MapLinks } from './MapLinks';
import { MapNode } from './MapNode';
import { LABEL_FONT, textMeasurer } from './text-measure';
import { handleStageKey, observeSize, ZoomStage, type StageSize } from './zoom-stage';
import { useLatest } from '../use-latest';
import { t, tp } from '~/lib/i18n/translator';

/** Animated zooms and pans (buttons, keys, fitting). */
const MOVE_MS = 450;
/** A focused node this close to the stage's edge (px) is panned into view. */
const FOCUS_MARGIN = 40;

export interface MapChartHandle {
  svg(): SVGSVGElement | null;
  zoomBy(factor: number): void;
  fit(): void;
}

interface Props {
  model: ExploreModel;
  hood: Neighbourhood;
  links: GraphLink[];
  selectedId?: string;
  onNodeClick: (id: string) => void;
  handle: { current: MapChartHandle | null };
  onReady?: () => void;
  /** Called with whether some link is drawn without its words (shown only when an end is hovered or focused). */
  onUnlabelled?: (some: boolean) => void;
  /**
   * A layer an entity belongs to beyond the fact base's (the reader's own names, say), added to its node's classes
   * as `layer-<name>`; the fact base's own entities have none.
   */
  nodeLayer?: (id: string) => string | undefined;
}

export function MapChart({
  model,
  hood,
  links,
  selectedId,
  onNodeClick,
  handle,
  onReady,
  onUnlabelled,
  nodeLayer,
}: Props) {
  const stageRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const viewRef = useRef<SVGGElement>(null);
  const [size, setSize] = useState<StageSize | null>(null);
  /** The node pointed at, and the node with the keyboard focus: their links are highlighted, labels and all. */
  const [hovered, setHovered] = useState<string | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  /** The fitted map is larger than the stage (its text would be under 11 px if shrunk to fit): say so. */
  const [larger, setLarger] = useState(false);
  const stage = useRef<ZoomStage | null>(null);
  const transform = () => stage.current?.transform ?? zoomIdentity;
  const previous = useRef<Map<string, Point>>(new Map());
  const readyRef = useRef(false);
  // Readiness is reported once, with the latest callback (a parent may pass a new one on every render).
  const onReadyRef = useLatest(onReady);
  const measure = useMemo(() => textMeasurer(LABEL_FONT), []);
  /** The node in the tab order (roving tabindex): the last one focused, else the selected one, else the centre. */
  const [focusId, setFocusId] = useState<string | null>(null);
  const nodeRefs = useRef(new Map<string, SVGGElement>());

  const target = useMemo(() => {
    const order = FAMILIES.map((f) => f.id);
    return layoutMap({
      hood,
      links,
      previous: previous.current,
      measure,
      names: model.graph.names,
      familyRank: (id) => order.indexOf(familyOf(model.store.entity(id)?.type ?? 'idea')),
    });
  }, [hood, links, measure, model]);

  const { positions, gliding } = useMapGlide({
    target,
    links,
    centre: hood.centre,
    previous,
    stage,
    svg: svgRef,
    aspect: () => (size ? mapStretch(size.width, size.height) : 1),
    node: (id) => nodeRefs.current.get(id),
  });

  // The stage lives as long as the chart; its size is read at once on mount, then followed.
  useLayoutEffect(() => {
    const zoomStage = new ZoomStage(svgRef.current!);
    stage.current = zoomStage;
    const stop = observeSize(stageRef.current!, setSize);
    return () => {
      stop();
      zoomStage.destroy();
    };
  }, []);

  useLayoutEffect(() => {
    if (!size) return;
    stage.current!.bind({
      scaleExtent: [0.15, 4],
      duration: MOVE_MS,
      onZoom: (t) => viewRef.current?.setAttribute('transform', t.toString()),
    });
  }, [size]);

  /** Moves are animated once the map has been shown. */
  const animate = () => readyRef.current;

  handle.current = {
    svg: () => svgRef.current,
    zoomBy: (f) => stage.current?.zoomBy(f, undefined, animate()),
    fit: () => {
      if (!size || !target.size) return;
      const v = fitView(target, hood.centre, (id) => measure(model.graph.names.get(id) ?? id), size.width, size.height);
      setLarger(v.larger);
      const t = zoomIdentity
        .translate(size.width / 2, size.height / 2)
        .scale(v.k)
        .translate(-v.cx, -v.cy);
      stage.current?.zoomTo(t, animate());
    },
  };

  // Fit whenever the set of nodes changes (and on the first layout), then report readiness once.
  useLayoutEffect(() => {
    if (!size || !stage.current?.bound) return;
    handle.current?.fit();
    if (!readyRef.current) {
      readyRef.current = true;
      onReadyRef.current?.();
    }
  }, [target, size, handle, onReadyRef]);

  const onKeyDown = (e: KeyboardEvent) => {
    const z = stage.current;
    if (!z?.bound) return;
    const k = transform().k;
    handleStageKey(
      e,
      mapStageKeys({
        zoomBy: (f) => handle.current?.zoomBy(f),
        fit: () => handle.current?.fit(),
        panBy: (dx, dy) => z.translateBy(dx / k, dy / k, false),
      }),
    );
  };

  const order = useMemo(() => keyboardOrder(hood.nodes, target), [hood, target]);
  const tabStop =
    focusId && order.includes(focusId) ? focusId : selectedId && order.includes(selectedId) ? selectedId : hood.centre;

  /** Focuses a node, panning it into view when it is near or beyond the stage's edge. */
  const focusNode = (id: string) => {
    setFocusId(id);
    nodeRefs.current.get(id)?.focus();
    const p = target.get(id);
    if (!p || !size || !stage.current?.bound) return;
    const aspectNow = mapStretch(size.width, size.height);
    const [sx, sy] = transform().apply([p.x * aspectNow, p.y]);
    const inside =
      sx >= FOCUS_MARGIN && sx <= size.width - FOCUS_MARGIN && sy >= FOCUS_MARGIN && sy <= size.height - FOCUS_MARGIN;
    if (!inside) stage.current.translateTo(p.x * aspectNow, p.y, animate());
  };

  const onNodeKeyDown = (id: string) => (e: KeyboardEvent) => {
    const handled = handleStageKey(
      e,
      mapNodeKeys({
        focusStep: (step) => focusNode(stepInOrder(order, id, step)),
        focusEnd: (which) => focusNode(which === 'first' ? order[0]! : order[order.length - 1]!),
        activate: () => onNodeClick(id),
        leave: () => stageRef.current?.focus(),
      }),
    );
    if (handled) e.stopPropagation(); // + - 0 reach the stage: zoom works from a node too
  };

  /** Each node's relations whose other end is not on the map (its "+N" badge). */
  const more = useMemo(() => {
    const shown = new Set(hood.nodes.map((n) => n.id));
    return new Map(
      hood.nodes.map((n) => [n.id, n.id === hood.centre ? 0 : hiddenNeighbourCount(model.graph, n.id, shown)]),
    );
  }, [hood, model]);
  // Wide stages get a wider map: the layout is circular, the stage is not, and names are wider than they are tall.
  const aspect = size ? mapStretch(size.width, size.height) : 1;
  // Placing the links' labels is the map's costliest step: done when the drawing changes, not on every render (a
  // hovered node, a card opened, the details arriving after the first render).
  const { placed, drawn } = useMemo(() => {
    const placed = new Map([...positions].map(([id, p]) => [id, { x: p.x * aspect, y: p.y }]));
    const drawn = drawLinks({
      links,
      hood,
      placed,
      radius: (id) => target.get(id)?.r ?? 8,
      names: model.graph.names,
      more,
      measure,
      quietOuter: hood.nodes.some((n) => n.depth > 1),
    });
    return { placed, drawn };
  }, [positions, aspect, links, hood, target, model, measure, more]);
  const unlabelled = drawn.some((d) => d.labelOnDemand);
  useLayoutEffect(() => onUnlabelled?.(unlabelled), [unlabelled, onUnlabelled]);

  const width = size?.width ?? 0;
  const height = size?.height ?? 0;
  const hot = new Set([hovered, focused]);
  const hotLinks = new Set(links.filter((l) => hot.has(l.source) || hot.has(l.target)).map((l) => l.id));

  return (
    <div
      class="ex-stage"
      ref={stageRef}
      tabIndex={0}
      role="group"
      aria-roledescription={t('exploreMapRole')}
      aria-label={t(
        'exploreMapLabel',
        model.graph.names.get(hood.centre) ?? hood.centre,
        tp('exploreEntityCount', hood.nodes.length),
        tp('exploreLinkCount', links.length),
      )}
      onKeyDown={onKeyDown}
    >
      <svg
        ref={svgRef}
        class={`ex-chart${gliding ? ' is-gliding' : ''}`}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="group"
        aria-label={t('exploreMapEntities')}
        data-node-count={hood.nodes.length}
        data-link-count={links.length}
        data-centre={hood.centre}
      >
        <MapArrowDefs />
        <rect class="ex-chart-bg" width={width} height={height} aria-hidden="true" />
        <g ref={viewRef} transform={transform().toString()}>
          <MapLinks drawn={drawn} hot={hotLinks} />
          <g class="mp-nodes">
            {hood.nodes.map((n) => {
              const p = placed.get(n.id);
              const entity = model.store.entity(n.id);
              if (!p || !entity) return null;
              const centre = n.id === hood.centre;
              return (
                <MapNode
                  key={n.id}
                  entity={entity}
                  depth={n.depth}
                  at={p}
                  centre={centre}
                  layer={nodeLayer?.(n.id)}
                  selected={n.id === selectedId}
                  tabStop={n.id === tabStop}
                  relations={model.graph.byNode.get(n.id)?.length ?? 0}
                  more={more.get(n.id) ?? 0}
                  measure={measure}
                  elementRef={(el) => {
                    if (el) nodeRefs.current.set(n.id, el);
                    else nodeRefs.current.delete(n.id);
                  }}
                  onFocus={() => {
                    setFocusId(n.id);
                    setFocused(n.id);
                  }}
                  onBlur={() => setFocused((f) => (f === n.id ? null : f))}
                  onKeyDown={onNodeKeyDown(n.id)}
                  onClick={() => onNodeClick(n.id)}
                  onPointerEnter={() => setHovered(n.id)}
                  onPointerLeave={() => setHovered((h) => (h === n.id ? null : h))}
                />
              );
            })}
          </g>
          {!gliding && <MapHotLabels drawn={drawn} hot={hotLinks} />}
        </g>
      </svg>
      {larger && (
        <p class="ex-stage-note" data-testid="map-larger">
          {t('exploreMapLarger')}
        </p>
      )}
    </div>
  );
}
