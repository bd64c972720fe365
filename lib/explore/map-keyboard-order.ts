/**
 * The order the arrow keys move through the map's nodes: the centre, then each ring clockwise from twelve o'clock,
 * nearer rings first. Every node is reached, and "next" is the neighbour one sees around the ring.
 * Pure: no DOM, no browser.
 */
import type { Point } from './map-start-positions';

export function keyboardOrder(
  nodes: readonly { id: string; depth: number }[],
  at: ReadonlyMap<string, Point>,
): string[] {
  const angle = (id: string) => {
    const p = at.get(id);
    if (!p) return 0;
    const a = Math.atan2(p.x, -p.y); // 0 at twelve o'clock, growing clockwise (y grows downwards)
    return a < 0 ? a + 2 * Math.PI : a;
  };
  return [...nodes]
    .sort((a, b) => a.depth - b.depth || angle(a.id) - angle(b.id) || (a.id < b.id ? -1 : 1))
    .map((n) => n.id);
}

/** The node `step` places after `id` in `order`, wrapping around at either end. */
export function stepInOrder(order: readonly string[], id: string, step: number): string {
  const at = order.indexOf(id);
  return order[(at + step + order.length) % order.length]!;
}
