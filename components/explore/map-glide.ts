/**
 * One frame of the map's glide between two layouts: nodes move and links bend directly on the elements of the start
 * render (re-rendering and re-placing every link label on each frame dropped frames); the chart renders again at the
 * end.
 */
import type { GraphLink } from '~/lib/explore/graph';
import type { PlacedNode } from '~/lib/explore/map-layout';
import { linkShape } from '~/lib/explore/map-links';
import type { Point } from '~/lib/explore/map-start-positions';

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
export function glideFrame({ svg, links, target, start, centre, aspect, node }: GlideParts): (e: number) => void {
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
