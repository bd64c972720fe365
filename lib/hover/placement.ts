/**
 * Where the card goes, as a pure function of rectangles (viewport coordinates, CSS px): beside the mark without
 * covering any part of it, below by default (the reader's eye moves down), flipped above when below is too short,
 * shifted sideways to stay inside the viewport, and aligned to the mark's starting edge (left, or right on RTL pages).
 */

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

interface PlacementInput {
  /** The mark's client rects: one per line it covers. */
  anchor: readonly Rect[];
  /** The pointer, to align with the line under it when the mark wraps. */
  pointer?: { x: number; y: number };
  /** The card's natural size. */
  card: { width: number; height: number };
  viewport: { width: number; height: number };
  dir?: 'ltr' | 'rtl';
  gap?: number;
  margin?: number;
}

type Side = 'below' | 'above' | 'right' | 'left';

export interface Placement {
  left: number;
  top: number;
  side: Side;
  /** The height the card gets: its own, or less where the viewport is short (it then scrolls inside itself). */
  maxHeight: number;
  maxWidth: number;
}

/** Room between the mark and the card: clear of the underline, close enough to cross in one short move. */
export const PLACEMENT_GAP = 6;
/** The card never touches the viewport's edge. */
export const VIEWPORT_MARGIN = 8;
/** Below this height a card shows too little to read; then a side placement is tried before squeezing. */
const MIN_USEFUL_HEIGHT = 160;

export function placeCard(input: PlacementInput): Placement {
  const gap = input.gap ?? PLACEMENT_GAP;
  const margin = input.margin ?? VIEWPORT_MARGIN;
  const { viewport } = input;
  const maxWidth = Math.max(0, viewport.width - 2 * margin);
  const width = Math.min(input.card.width, maxWidth);
  const height = input.card.height;
  const box = union(input.anchor);
  const line = lineUnderPointer(input.anchor, input.pointer) ?? box;
  const rtl = input.dir === 'rtl';

  const below = viewport.height - margin - (box.bottom + gap);
  const above = box.top - gap - margin;
  const fullHeight = viewport.height - 2 * margin;

  const horizontal = () => clamp(rtl ? line.right - width : line.left, margin, viewport.width - margin - width);
  const vertical = (side: 'below' | 'above', h: number) => (side === 'below' ? box.bottom + gap : box.top - gap - h);

  let side: Side;
  let maxHeight: number;
  if (height <= below) [side, maxHeight] = ['below', below];
  else if (height <= above) [side, maxHeight] = ['above', above];
  else if (Math.max(below, above) >= MIN_USEFUL_HEIGHT)
    [side, maxHeight] = below >= above ? ['below', below] : ['above', above];
  else {
    // A short viewport (200% zoom, a phone on its side): beside the mark, if there is room there.
    const right = viewport.width - margin - (box.right + gap);
    const left = box.left - gap - margin;
    const first: Side = rtl ? 'left' : 'right';
    const fits = (s: Side) => (s === 'right' ? right : left) >= Math.min(width, 240);
    const chosen = fits(first)
      ? first
      : fits(first === 'right' ? 'left' : 'right')
        ? first === 'right'
          ? 'left'
          : 'right'
        : null;
    if (chosen) {
      const room = chosen === 'right' ? right : left;
      const w = Math.min(width, room);
      const h = Math.min(height, fullHeight);
      const top = clamp(box.top + (box.bottom - box.top) / 2 - h / 2, margin, viewport.height - margin - h);
      const leftEdge = chosen === 'right' ? box.right + gap : box.left - gap - w;
      return rounded({ left: leftEdge, top, side: chosen, maxHeight: h, maxWidth: w });
    }
    [side, maxHeight] = below >= above ? ['below', Math.max(below, 0)] : ['above', Math.max(above, 0)];
  }
  const shownHeight = Math.min(height, maxHeight);
  return rounded({ left: horizontal(), top: vertical(side, shownHeight), side, maxHeight: shownHeight, maxWidth });
}

function union(rects: readonly Rect[]): Rect {
  if (!rects.length) return { left: 0, top: 0, right: 0, bottom: 0 };
  return rects.reduce((a, r) => ({
    left: Math.min(a.left, r.left),
    top: Math.min(a.top, r.top),
    right: Math.max(a.right, r.right),
    bottom: Math.max(a.bottom, r.bottom),
  }));
}

function lineUnderPointer(rects: readonly Rect[], pointer?: { x: number; y: number }): Rect | undefined {
  if (!pointer) return rects[0];
  let best: Rect | undefined;
  let bestDistance = Infinity;
  for (const r of rects) {
    const d = Math.max(r.top - pointer.y, 0, pointer.y - r.bottom);
    if (d < bestDistance) [best, bestDistance] = [r, d];
  }
  return best;
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(v, hi));
const rounded = (p: Placement): Placement => ({
  ...p,
  left: Math.round(p.left),
  top: Math.round(p.top),
  maxHeight: Math.floor(p.maxHeight),
  maxWidth: Math.floor(p.maxWidth),
});
