/**
 * Greedy label placement for the map's link labels: each label takes the first of its candidate positions (along its
 * link, middle first) that overlaps no label placed before it and no obstacle (node shapes and names); when every
 * candidate overlaps, the one overlapping least. Labels are placed in the order given, so the caller lists the ones
 * that matter most first. Pure: no DOM, no browser.
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

function overlap(a: Box, b: Box): number {
  const dx = Math.min(a.x + a.w / 2, b.x + b.w / 2) - Math.max(a.x - a.w / 2, b.x - b.w / 2);
  const dy = Math.min(a.y + a.h / 2, b.y + b.h / 2) - Math.max(a.y - a.h / 2, b.y - b.h / 2);
  return dx > 0 && dy > 0 ? dx * dy : 0;
}

export function placeLabels(requests: readonly LabelRequest[], obstacles: readonly Box[]): Map<string, Point> {
  const placed: Box[] = [];
  const result = new Map<string, Point>();
  for (const r of requests) {
    let best: Point | undefined;
    let bestCost = Infinity;
    for (const c of r.candidates) {
      const box = { x: c.x, y: c.y, w: r.w, h: r.h };
      let cost = 0;
      for (const o of placed) cost += overlap(box, o);
      for (const o of obstacles) cost += overlap(box, o);
      if (cost < bestCost) {
        best = c;
        bestCost = cost;
        if (cost === 0) break;
      }
    }
    if (!best) continue;
    result.set(r.id, best);
    placed.push({ x: best.x, y: best.y, w: r.w, h: r.h });
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

/** Where along a link to try its label: the middle, then further out either side. */
export const LABEL_POSITIONS = [0.5, 0.4, 0.6, 0.32, 0.68, 0.25, 0.75] as const;
