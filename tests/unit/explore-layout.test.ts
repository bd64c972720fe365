/**
 * The explore charts' layout maths, outside any browser: the map's start positions, force layout, fit and keyboard
 * order, and the timeline's item geometry, lane layout and label room.
 */
import { describe, expect, it } from 'vitest';
import factBaseJson from '~/data/factbase.json';
import type { FactBase } from '~/lib/factbase/types';
import { buildGraphIndex, groupLinks, neighbourhood, type GraphLink } from '~/lib/explore/graph';
import { familyOf } from '~/lib/explore/entity-families';
import {
  fitView,
  layoutMap,
  MAP_TEXT_PX,
  mapStretch,
  MIN_TEXT_PX,
  nodeRadius,
  ringRadii,
} from '~/lib/explore/map-layout';
import { keyboardOrder, stepInOrder } from '~/lib/explore/map-keyboard-order';
import { drawLinks, nodeBoxes } from '~/lib/explore/map-links';
import { overlap, type Box } from '~/lib/explore/label-placement';
import { glideStarts, initialPositions, type Point } from '~/lib/explore/map-start-positions';
import {
  CLUSTER_ROW,
  GAPS,
  itemGeometry,
  LABEL_GAP,
  LABEL_PITCH,
  layoutLanes,
  placeLaneLabel,
  type LabelSlot,
  type LabelSpot,
} from '~/lib/explore/timeline-lanes';
import { timelineItems, type TimelineItem } from '~/lib/explore/timeline-model';

const base = factBaseJson as unknown as FactBase;
/** A measure like the canvas one for a narrow font: 6 px a character. */
const measure = (s: string) => s.length * 6;
const link = (source: string, target: string): GraphLink =>
  ({ id: `${source}-${target}`, source, target, edges: [] }) as unknown as GraphLink;
const angleOf = (p: Point) => Math.atan2(p.y, p.x);
const dist = (p: Point) => Math.hypot(p.x, p.y);

describe('map start positions', () => {
  const nodes = [
    { id: 'c', depth: 0 },
    { id: 'a', depth: 1 },
    { id: 'b', depth: 1 },
    { id: 'd', depth: 1 },
    { id: 'e', depth: 1 },
    { id: 'a1', depth: 2 },
    { id: 'a2', depth: 2 },
  ];
  const links = [link('c', 'a'), link('c', 'b'), link('c', 'd'), link('c', 'e'), link('a', 'a1'), link('a2', 'a')];
  const ring = new Map([
    [1, 100],
    [2, 250],
  ]);

  it('puts the first ring evenly around the centre from twelve o’clock, by family, and leaves the centre out', () => {
    const rank = (id: string) => ({ a: 1, b: 0, d: 1, e: 0 })[id] ?? 9;
    const at = initialPositions(nodes, links, 'c', ring, new Map(), rank);
    expect(at.has('c')).toBe(false);
    // Family 0 first (b, e), then family 1 (a, d), a quarter turn apart starting at -90°.
    const order = ['b', 'e', 'a', 'd'];
    order.forEach((id, i) => {
      expect(dist(at.get(id)!)).toBeCloseTo(100, 6);
      expect(angleOf(at.get(id)!)).toBeCloseTo(
        Math.atan2(Math.sin(-Math.PI / 2 + (i * Math.PI) / 2), Math.cos(-Math.PI / 2 + (i * Math.PI) / 2)),
        6,
      );
    });
  });

  it('fans the second ring out beside the neighbour that brought it in', () => {
    const at = initialPositions(nodes, links, 'c', ring, new Map(), () => 0);
    const parent = angleOf(at.get('a')!);
    for (const id of ['a1', 'a2']) {
      expect(dist(at.get(id)!)).toBeCloseTo(250, 6);
      expect(Math.abs(angleOf(at.get(id)!) - parent)).toBeLessThan(Math.PI / 4);
    }
    expect(angleOf(at.get('a1')!)).not.toBeCloseTo(angleOf(at.get('a2')!), 3);
  });

  it('keeps nodes the reader has seen where they were', () => {
    const previous = new Map([['d', { x: 3, y: -40 }]]);
    const at = initialPositions(nodes, links, 'c', ring, previous, () => 0);
    expect(at.get('d')).toEqual({ x: 3, y: -40 });
  });

  it('grows a new node out of a neighbour already shown, and keeps the old ones', () => {
    const target = new Map([
      ['a', { x: 10, y: 0 }],
      ['n', { x: 50, y: 50 }],
      ['lone', { x: -5, y: 7 }],
    ]);
    const from = new Map([['a', { x: 1, y: 2 }]]);
    const start = glideStarts(target, from, [link('a', 'n')]);
    expect(start.get('a')).toEqual({ x: 1, y: 2 });
    expect(start.get('n')).toEqual({ x: 1, y: 2 });
    expect(start.get('lone')).toEqual({ x: -5, y: 7 });
  });
});

describe('map layout', () => {
  const index = buildGraphIndex(base);
  const hood = neighbourhood(index, 'tanap', { hops: 2 });
  const links = groupLinks(hood.edges);
  const input = { hood, links, previous: new Map(), measure, names: index.names, familyRank: () => 0 };

  it('sizes rings for their labels, at least a gap apart', () => {
    const ring = ringRadii([
      { depth: 0, labelWidth: 50 },
      { depth: 1, labelWidth: 20 },
      { depth: 2, labelWidth: 4000 },
    ]);
    expect(ring.has(0)).toBe(false);
    expect(ring.get(1)).toBe(120);
    // Names are wider than tall and run across the ring: a ring needs about 60% of their width side by side.
    expect(ring.get(2)).toBeCloseTo((4000 * 0.6 + 30) / (2 * Math.PI), 6);
  });

  it('places every node, the centre at the origin, the same way every time', () => {
    const placed = layoutMap(input);
    expect([...placed.keys()].sort()).toEqual(hood.nodes.map((n) => n.id).sort());
    expect(placed.get('tanap')).toMatchObject({ x: 0, y: 0, r: nodeRadius(0, true) });
    expect(layoutMap(input)).toEqual(placed);
  });

  it('keeps nodes apart and the first hop nearer the centre than the second', () => {
    const placed = layoutMap(input);
    const points = [...placed.values()];
    for (let i = 0; i < points.length; i++)
      for (let j = i + 1; j < points.length; j++)
        expect(Math.hypot(points[i]!.x - points[j]!.x, points[i]!.y - points[j]!.y)).toBeGreaterThan(
          points[i]!.r + points[j]!.r,
        );
    const mean = (depth: number) => {
      const ds = hood.nodes.filter((n) => n.depth === depth).map((n) => dist(placed.get(n.id)!));
      return ds.reduce((a, b) => a + b, 0) / ds.length;
    };
    expect(hood.nodes.some((n) => n.depth === 2)).toBe(true);
    expect(mean(1)).toBeLessThan(mean(2));
  });

  it('fits every node and name into the stage, never zooming in past 1.15', () => {
    const oneHop = neighbourhood(index, 'tanap', { hops: 1 });
    const placed = layoutMap({ ...input, hood: oneHop, links: groupLinks(oneHop.edges) });
    const [w, h] = [900, 600];
    const v = fitView(placed, hood.centre, (id) => measure(index.names.get(id) ?? id), w, h);
    expect(v.k).toBeLessThanOrEqual(1.15);
    const stretch = mapStretch(w, h);
    for (const p of placed.values()) {
      const sx = (p.x * stretch - v.cx) * v.k + w / 2;
      const sy = (p.y - v.cy) * v.k + h / 2;
      expect(sx).toBeGreaterThanOrEqual(0);
      expect(sx).toBeLessThanOrEqual(w);
      expect(sy).toBeGreaterThanOrEqual(0);
      expect(sy).toBeLessThanOrEqual(h);
    }
    expect(v.larger).toBe(false);
    expect(mapStretch(300, 600)).toBe(1);
    expect(mapStretch(3000, 600)).toBe(1.5);
  });

  it('never shrinks text under 11 px to fit: one hop around a hub fits the chart of a 1280×800 window whole', () => {
    const kindOf = (id: string) => familyOf(base.entities.find((e) => e.id === id)!.type);
    const fitted = (centre: string, hops: 1 | 2, w: number, h: number) => {
      const around = neighbourhood(index, centre, { hops, kindOf });
      const placed = layoutMap({ ...input, hood: around, links: groupLinks(around.edges) });
      return fitView(placed, centre, (id) => measure(index.names.get(id) ?? id), w, h);
    };
    // The map's stage at 1280×800 with the card open beside it is about 820×460.
    for (const centre of ['ots', 'turkiye', 'erdogan', 'tanap']) {
      const v = fitted(centre, 1, 820, 460);
      expect(v.larger, centre).toBe(false);
      expect(v.k * MAP_TEXT_PX, centre).toBeGreaterThanOrEqual(MIN_TEXT_PX);
    }
    // Larger maps (two hops, a 360 px window) keep their text at 11 px and are panned from the centre.
    for (const [centre, hops, w, h] of [
      ['ots', 2, 820, 460],
      ['turkiye', 1, 336, 520],
    ] as const) {
      const v = fitted(centre, hops, w, h);
      expect(v.k * MAP_TEXT_PX).toBeCloseTo(MIN_TEXT_PX, 6);
      expect(v).toMatchObject({ cx: 0, cy: 0, larger: true });
    }
  });

  it('draws a link between every pair of placed ends; no label covers a node, a name or another label', () => {
    const kindOf = (id: string) => familyOf(base.entities.find((e) => e.id === id)!.type);
    for (const hops of [1, 2] as const) {
      // As the page draws TANAP's map on a wide stage (stretched by mapStretch).
      const around = neighbourhood(index, 'tanap', { hops, kindOf });
      const aroundLinks = groupLinks(around.edges);
      const layout = layoutMap({ ...input, hood: around, links: aroundLinks });
      const placed = new Map([...layout].map(([id, p]) => [id, { x: p.x * 1.5, y: p.y }]));
      const more = new Map(around.nodes.map((n) => [n.id, 2]));
      const drawn = drawLinks({
        links: aroundLinks,
        hood: around,
        placed,
        radius: (id) => layout.get(id)?.r ?? 8,
        names: index.names,
        more,
        measure,
      });
      expect(drawn.length).toBe(aroundLinks.length);
      const shares = drawn.filter((d) => d.share);
      expect(shares.length).toBeGreaterThan(0);
      for (const d of shares) expect(d.labelAt, d.link.id).toBeDefined();
      const labels: Box[] = drawn.flatMap((d) =>
        d.labelAt ? [{ ...d.labelAt, w: measure(d.label) * (d.share ? 1.08 : 1), h: 13 }] : [],
      );
      expect(labels.length).toBeGreaterThan(drawn.length * 0.8);
      const nodes = nodeBoxes(around, placed, index.names, more, measure);
      for (const [i, label] of labels.entries()) {
        for (const box of nodes) expect(overlap(label, box)).toBe(0);
        for (const other of labels.slice(i + 1)) expect(overlap(label, other)).toBe(0);
      }
    }
  });
});

describe('map keyboard order', () => {
  it('goes centre first, then each ring clockwise from twelve o’clock', () => {
    const at = new Map<string, Point>([
      ['c', { x: 0, y: 0 }],
      ['west', { x: -10, y: 0 }],
      ['north', { x: 0, y: -10 }],
      ['east', { x: 10, y: 0 }],
      ['south', { x: 0, y: 10 }],
      ['far-north', { x: 1, y: -30 }],
    ]);
    const nodes = [
      { id: 'far-north', depth: 2 },
      { id: 'south', depth: 1 },
      { id: 'west', depth: 1 },
      { id: 'c', depth: 0 },
      { id: 'east', depth: 1 },
      { id: 'north', depth: 1 },
    ];
    const order = keyboardOrder(nodes, at);
    expect(order).toEqual(['c', 'north', 'east', 'south', 'west', 'far-north']);
    expect(stepInOrder(order, 'far-north', 1)).toBe('c');
    expect(stepInOrder(order, 'c', -1)).toBe('far-north');
    expect(stepInOrder(order, 'east', 1)).toBe('south');
  });
});

describe('timeline geometry and lanes', () => {
  const DAY = 86_400_000;
  const item = (id: string, precision: 'day' | 'month' | 'year', start: number, days: number): TimelineItem =>
    ({
      event: { id, title: id },
      span: { start, end: start + days * DAY, precision },
      dateLabel: id,
      countries: new Set(),
      types: new Set(),
    }) as unknown as TimelineItem;

  it('centres a narrow day on its date, widens a month to a pill, puts a year’s label inside once it fits', () => {
    const day = itemGeometry(item('d', 'day', 0, 1), 100, 102, 11, 40);
    expect((day.markStart + day.markEnd) / 2).toBeCloseTo(1, 6);
    expect(day.markEnd - day.markStart).toBe(11);
    expect(day.labelX).toBe(day.markEnd + LABEL_GAP);
    expect(itemGeometry(item('m', 'month', 0, 30), 0, 4, 11, 40).markEnd).toBe(11);
    const narrowYear = itemGeometry(item('y', 'year', 0, 365), 0, 30, 11, 40);
    expect(narrowYear.labelX).toBe(30 + LABEL_GAP);
    const wideYear = itemGeometry(item('y', 'year', 0, 365), 0, 300, 11, 40);
    expect(wideYear.labelX).toBe(LABEL_GAP);
    expect(wideYear.extent.labelled).toEqual({ start: 0, end: 300 });
  });

  it('packs the real fact base over 1990–2025 into labelled lanes and one row of clusters, within the chart’s height', () => {
    const { items } = timelineItems(base);
    const x = (t: number) => (t - Date.UTC(1990, 0, 1)) / (DAY * 12);
    const widths = new Map(items.map((i) => [i.event.id, Math.min(250, i.event.title.length * 6)]));
    const height = 400;
    const clusterLabel = 48;
    const layout = layoutLanes(items, x, widths, height, clusterLabel);
    expect(layout.lane.size).toBe(items.length);
    // Every event is either in a lane with its label or counted in a cluster, never both, never neither.
    const inLanes = layout.byLane.flat();
    expect(inLanes.length + layout.clustered.size).toBe(items.length);
    expect(inLanes.every((id) => layout.labelled.get(id) && !layout.clustered.has(id))).toBe(true);
    expect(layout.clusters.reduce((n, c) => n + c.ids.length, 0)).toBe(layout.clustered.size);
    expect(layout.clustered.size).toBeGreaterThan(0);
    const byId = new Map(items.map((i) => [i.event.id, i]));
    for (const [lane, ids] of layout.byLane.entries()) {
      expect(layout.markerHeight(lane)).toBeGreaterThanOrEqual(7);
      // What each item occupies in its lane: its marker with its label.
      const occupied = ids
        .map((id) => {
          const it = byId.get(id)!;
          return itemGeometry(it, x(it.span.start), x(it.span.end), 11, widths.get(id)!).extent.labelled;
        })
        .sort((a, b) => a.start - b.start);
      for (let i = 1; i < occupied.length; i++)
        expect(occupied[i]!.start, `lane ${lane}`).toBeGreaterThanOrEqual(occupied[i - 1]!.end + GAPS.label - 1e-9);
    }
    // The rows: clusters at the top, then labelled lanes a label's pitch apart, the last one inside the chart.
    expect(layout.clusterY).toBe(CLUSTER_ROW / 2);
    expect(layout.y(0)).toBe(CLUSTER_ROW + LABEL_PITCH / 2);
    const lanes = layout.byLane.length;
    for (let l = 1; l < lanes; l++) expect(layout.y(l) - layout.y(l - 1)).toBe(LABEL_PITCH);
    expect(layout.y(lanes - 1) + LABEL_PITCH / 2).toBeLessThanOrEqual(height);
    expect(layout.laneCount).toBe(lanes + 1);
    // Clusters sit side by side, each wide enough for its label.
    for (let i = 0; i < layout.clusters.length; i++) {
      const c = layout.clusters[i]!;
      expect(x(c.end) - x(c.start)).toBeGreaterThanOrEqual(clusterLabel + 10);
      if (i) expect(c.start).toBeGreaterThanOrEqual(layout.clusters[i - 1]!.end);
      for (const id of c.ids) expect(byId.get(id)!.span.start).toBeGreaterThanOrEqual(c.start);
      for (const id of c.ids) expect(byId.get(id)!.span.start).toBeLessThan(c.end);
    }
  });

  it('packs a label that would cross the view’s right edge to the left of its marker, and the painter draws it there', () => {
    const items = [item('a', 'day', 0, 1), item('b', 'day', 90 * DAY, 1)];
    const x = (t: number) => t / DAY; // a day a pixel: b sits at 90 px, its 40 px label would end past 100
    const layout = layoutLanes(
      items,
      x,
      new Map([
        ['a', 40],
        ['b', 40],
      ]),
      400,
      48,
      100,
    );
    expect([...layout.flipped]).toEqual(['b']);
    expect(layout.byLane.flat().sort()).toEqual(['a', 'b']);
    const slot: LabelSlot = { markStart: 85, markEnd: 96, labelX: 16, labelStart: 101, labelWidth: 40 };
    const spot = placeLaneLabel(slot, true, undefined, -Infinity, 0, 100, { show: false, x: 0, flipped: false }, true);
    // x is relative to the item's left edge (85), the text anchored at its end: 40 to 80 px, clear of the marker.
    expect(spot).toEqual({ show: true, x: -LABEL_GAP, flipped: true });
  });

  it('labels every event and draws no cluster when the lanes fit', () => {
    const { items } = timelineItems(base);
    const few = items.slice(0, 12);
    const x = (t: number) => (t - Date.UTC(1900, 0, 1)) / DAY;
    const layout = layoutLanes(few, x, new Map(few.map((i) => [i.event.id, 60])), 400);
    expect(layout.clusters).toEqual([]);
    expect(layout.byLane.flat().length).toBe(few.length);
    expect(layout.y(0)).toBe(LABEL_PITCH / 2);
  });
});

describe('timeline label room while zooming', () => {
  const spot = (): LabelSpot => ({ show: false, x: 0, flipped: false });
  const slot = (markStart: number, markEnd: number, labelWidth: number): LabelSlot => ({
    markStart,
    markEnd,
    labelX: markEnd - markStart + LABEL_GAP,
    labelStart: markEnd + LABEL_GAP,
    labelWidth,
  });

  it('shows a label with room after its marker', () => {
    const s = slot(100, 110, 50);
    expect(placeLaneLabel(s, true, 400, -Infinity, 0, 1000, spot())).toEqual({ show: true, x: 15, flipped: false });
  });

  it('hides a label the next item in its lane has come too close to, and one not wanted', () => {
    const s = slot(100, 110, 50);
    expect(placeLaneLabel(s, true, 160, -Infinity, 0, 1000, spot()).show).toBe(false);
    expect(placeLaneLabel(s, false, undefined, -Infinity, 0, 1000, spot()).show).toBe(false);
  });

  it('flips a label that would run past the right edge to the left of its marker when the lane has room there', () => {
    const s = slot(900, 910, 150);
    expect(placeLaneLabel(s, true, undefined, 500, 0, 1000, spot())).toEqual({
      show: true,
      x: -LABEL_GAP,
      flipped: true,
    });
    expect(placeLaneLabel(s, true, undefined, 800, 0, 1000, spot()).show).toBe(false);
  });

  it('hides a label whose item runs out of view on the left', () => {
    expect(placeLaneLabel(slot(-100, -60, 30), true, undefined, -Infinity, 0, 1000, spot()).show).toBe(false);
  });

  it('slides a year band’s own label along inside the band, never past its edges', () => {
    const band: LabelSlot = { markStart: -200, markEnd: 600, labelX: LABEL_GAP, labelStart: -195, labelWidth: 80 };
    const out = placeLaneLabel(band, true, undefined, -Infinity, 0, 1000, spot());
    expect(out.show).toBe(true);
    // Kept at the chart's left edge (plus the gap) while the band's start is out of view.
    expect(band.labelStart - band.labelX + out.x).toBe(LABEL_GAP);
  });
});
