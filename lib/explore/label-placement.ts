/**
 * Greedy label placement for the map's link labels. Each label takes, of its candidate positions (along its link,
 * middle first), one that overlaps no label placed before it and no obstacle (node shapes, names, "+N" badges),
 * preferring the one fewest other links run through. A label with no such position is not placed: it would cover
 * another text or a node. Its least overlapping position is kept, for showing it on demand (its node hovered or
 * focused), on top of the rest. Labels are placed in the order given, so the caller lists the ones that matter most
 * first. Pure: no DOM, no browser.
 */

interface Point {
  x: number;
  y: number;
}

/** An axis-aligned box given by its centre and size. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

interface LabelRequest {
  id: string;
  w: number;
  h: number;
  /** Candidate centres, best first. */
  candidates: Point[];
}

/** A line as points along it, close enough together that a label's box cannot fall between two of them. */
export interface SampledLine {
  id: string;
  points: readonly Point[];
}

export interface LabelPlace {
  /** Where the label sits clear of every other text and node; absent when it has no such place. */
  at?: Point;
  /** Where it overlaps least: where it is shown on demand when it has no clear place. */
  best: Point;
}

export function overlap(a: Box, b: Box): number {
  const dx = Math.min(a.x + a.w / 2, b.x + b.w / 2) - Math.max(a.x - a.w / 2, b.x - b.w / 2);
  const dy = Math.min(a.y + a.h / 2, b.y + b.h / 2) - Math.max(a.y - a.h / 2, b.y - b.h / 2);
  return dx > 0 && dy > 0 ? dx * dy : 0;
}

const inside = (p: Point, b: Box) => Math.abs(p.x - b.x) <= b.w / 2 && Math.abs(p.y - b.y) <= b.h / 2;

/** A sampled line with the box around it, which spares testing its points against boxes far from it. */
interface BoundedLine extends SampledLine {
  bounds: Box;
}

function bounded(line: SampledLine): BoundedLine {
  const xs = line.points.map((p) => p.x);
  const ys = line.points.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  return { ...line, bounds: { x: (x0 + x1) / 2, y: (y0 + y1) / 2, w: x1 - x0, h: y1 - y0 } };
}

const touches = (a: Box, b: Box) => Math.abs(a.x - b.x) <= (a.w + b.w) / 2 && Math.abs(a.y - b.y) <= (a.h + b.h) / 2;

/** How many of the lines (other than the label's own) run through a box. */
function crossings(box: Box, own: string, lines: readonly BoundedLine[]): number {
  let n = 0;
  for (const line of lines)
    if (line.id !== own && touches(box, line.bounds) && line.points.some((p) => inside(p, box))) n++;
  return n;
}

export function placeLabels(
  requests: readonly LabelRequest[],
  obstacles: readonly Box[],
  lines: readonly SampledLine[] = [],
): Map<string, LabelPlace> {
  const placed: Box[] = [];
  const result = new Map<string, LabelPlace>();
  const sampled = lines.map(bounded);
  for (const r of requests) {
    let best: Point | undefined;
    let bestCost = Infinity;
    let clear: Point | undefined;
    let clearCrossings = Infinity;
    for (const c of r.candidates) {
      const box = { x: c.x, y: c.y, w: r.w, h: r.h };
      let cost = 0;
      for (const o of placed) cost += overlap(box, o);
      for (const o of obstacles) cost += overlap(box, o);
      if (cost < bestCost) [best, bestCost] = [c, cost];
      if (cost > 0) continue;
      const crossed = crossings(box, r.id, sampled);
      if (crossed < clearCrossings) [clear, clearCrossings] = [c, crossed];
      if (crossed === 0) break;
    }
    if (!best) continue;
    result.set(r.id, clear ? { at: clear, best: clear } : { best });
    if (clear) placed.push({ x: clear.x, y: clear.y, w: r.w, h: r.h });
  }
  return result;
}

/** Points along a straight or quadratic path at the given parameters. */
export function pointsAlong(a: Point, b: Point, control: Point | null, ts: readonly number[]): Point[] {
  return ts.map((t) => {
    if (!control) return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
    const u = 1 - t;
    return {
      x: u * u * a.x + 2 * u * t * control.x + t * t * b.x,
      y: u * u * a.y + 2 * u * t * control.y + t * t * b.y,
    };
  });
}

/** Points every `step` px or so along a straight or quadratic path, ends included. */
export function sampleAlong(a: Point, b: Point, control: Point | null, step: number): Point[] {
  const length = control
    ? Math.hypot(control.x - a.x, control.y - a.y) + Math.hypot(b.x - control.x, b.y - control.y)
    : Math.hypot(b.x - a.x, b.y - a.y);
  const n = Math.max(1, Math.ceil(length / step));
  return pointsAlong(
    a,
    b,
    control,
    Array.from({ length: n + 1 }, (_, i) => i / n),
  );
}

/** Where along a link to try its label: the middle, then further out either side. */
export const LABEL_POSITIONS = [0.5, 0.4, 0.6, 0.32, 0.68, 0.25, 0.75] as const;
/** Where along a link to try its label beside the line, when no place on it is clear. */
const BESIDE_POSITIONS = [0.5, 0.4, 0.6, 0.3, 0.7] as const;

/**
 * Where to try a w × h label on the link from a to b (through `control` when it bends): centred on the line at
 * LABEL_POSITIONS, then just beside it either side (touching it, so it still reads as the line's label).
 */
export function labelCandidates(a: Point, b: Point, control: Point | null, w: number, h: number): Point[] {
  const on = pointsAlong(a, b, control, LABEL_POSITIONS);
  const beside = BESIDE_POSITIONS.flatMap((t) => {
    const [p, q] = pointsAlong(a, b, control, [t - 0.01, t + 0.01]) as [Point, Point];
    const len = Math.hypot(q.x - p.x, q.y - p.y) || 1;
    const [nx, ny] = [-(q.y - p.y) / len, (q.x - p.x) / len];
    // From the line to the box's edge along the normal, less a little: the box just leaves the line.
    const off = (Math.abs(nx) * w) / 2 + (Math.abs(ny) * h) / 2 - 2;
    const [mid] = pointsAlong(a, b, control, [t]) as [Point];
    return [
      { x: mid.x + nx * off, y: mid.y + ny * off },
      { x: mid.x - nx * off, y: mid.y - ny * off },
    ];
  });
  return [...on, ...beside];
}
