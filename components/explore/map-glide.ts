/**
 * The map's glide between two layouts. Nodes glide from where they were to where they settle; new nodes grow out of
 * a neighbour (lib/explore/map-start-positions.ts). The map is rendered once at the start positions (link labels
 * hidden while things move) and once at the end; the frames between move the nodes and bend the links directly on
 * the elements of the start render, as the timeline's zoom does: re-rendering and re-placing every link label on
 * each frame of the glide dropped frames.
 */
import { useLayoutEffect, useRef, useState, type MutableRef } from 'preact/hooks';
import type { GraphLink } from '~/lib/explore/graph';
import type { PlacedNode } from '~/lib/explore/map-layout';
import { linkShape } from '~/lib/explore/map-links';
import { glideStarts, type Point } from '~/lib/explore/map-start-positions';
import { easeCubicInOut, reducedMotion, type ZoomStage } from './zoom-stage';

const GLIDE_MS = 420;

interface GlideParts {
  svg: SVGSVGElement;
  links: readonly GraphLink[];
  /** Where the nodes settle, and where they start. */
  target: ReadonlyMap<string, PlacedNode>;
  start: ReadonlyMap<string, Point>;
  centre: string;
  /** The stage's stretch (mapStretch), read on each frame. */
  aspect: () => number;
  node: (id: string) => SVGGElement | undefined;
}

/** Returns the function that draws the glide at eased progress e (0 → 1). */
function glideFrame({ svg, links, target, start, centre, aspect, node }: GlideParts): (e: number) => void {
  const radius = (id: string) => target.get(id)?.r ?? 8;
  let paths: { link: GraphLink; path: SVGPathElement }[] | undefined;
  return (e) => {
    // The elements of the start render (done by now: it was queued before this frame).
    paths ??= links.flatMap((link) => {
      const path = svg.querySelector<SVGPathElement>(`[data-link-id="${CSS.escape(link.id)}"] > .mp-link-line`);
      return path ? [{ link, path }] : [];
    });
    const stretch = aspect();
    const at = new Map<string, Point>();
    for (const [id, p] of target) {
      const s = start.get(id)!;
      const point = { x: (s.x + (p.x - s.x) * e) * stretch, y: s.y + (p.y - s.y) * e };
      at.set(id, point);
      node(id)?.setAttribute('transform', `translate(${point.x.toFixed(1)},${point.y.toFixed(1)})`);
    }
    for (const { link, path } of paths) {
      const a = at.get(link.source);
      const b = at.get(link.target);
      if (a && b) path.setAttribute('d', linkShape(link, a, b, radius, centre).geo.d);
    }
  };
}

interface MapGlide {
  /** Where the nodes are drawn by the render (unstretched): the start positions during a glide, else the targets. */
  positions: ReadonlyMap<string, Point>;
  gliding: boolean;
}

interface GlideInputs {
  target: ReadonlyMap<string, PlacedNode>;
  links: readonly GraphLink[];
  centre: string;
  /** The last settled layout (kept up to date here), which the next layout keeps nodes near. */
  previous: MutableRef<Map<string, Point>>;
  stage: MutableRef<ZoomStage | null>;
  svg: MutableRef<SVGSVGElement | null>;
  aspect: () => number;
  node: (id: string) => SVGGElement | undefined;
}

/** Glides to each new layout (`target`); jumps on the first one and when the reader asks for less motion. */
export function useMapGlide({ target, links, centre, previous, stage, svg, aspect, node }: GlideInputs): MapGlide {
  const [positions, setPositions] = useState<ReadonlyMap<string, Point>>(new Map());
  const [gliding, setGliding] = useState(false);
  const parts = useRef({ aspect, node });
  parts.current = { aspect, node };
  useLayoutEffect(() => {
    const from = previous.current;
    const settle = () => {
      previous.current = new Map([...target].map(([id, p]) => [id, { x: p.x, y: p.y }]));
      setPositions(previous.current);
      setGliding(false);
    };
    if (!from.size || reducedMotion()) {
      settle();
      return;
    }
    const start = glideStarts(target, from, links);
    setPositions(start);
    setGliding(true);
    const frame = glideFrame({
      svg: svg.current!,
      links,
      target,
      start,
      centre,
      aspect: () => parts.current.aspect(),
      node: (id) => parts.current.node(id),
    });
    const glider = stage.current!;
    glider.glide(GLIDE_MS, easeCubicInOut, frame, settle);
    return () => glider.stopGlide();
    // links and centre change only together with target (the layout is made from them), and the refs never change:
    // this runs once per layout.
  }, [target, centre, links, previous, stage, svg]);
  return { positions, gliding };
}
