import { describe, expect, it } from 'vitest';
import { PLACEMENT_GAP, VIEWPORT_MARGIN, placeCard, type Rect } from '../../lib/hover/placement';

const viewport = { width: 1200, height: 800 };
const card = { width: 380, height: 300 };
const mark = (left: number, top: number, width = 80, height = 20): Rect => ({
  left,
  top,
  right: left + width,
  bottom: top + height,
});
const overlaps = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const box = (p: { left: number; top: number }, size = card): Rect => ({
  left: p.left,
  top: p.top,
  right: p.left + size.width,
  bottom: p.top + Math.min(size.height, (p as { maxHeight?: number }).maxHeight ?? Infinity),
});

describe('card placement', () => {
  it('goes below the mark, aligned with its start, with a gap', () => {
    const m = mark(100, 200);
    const p = placeCard({ anchor: [m], card, viewport });
    expect(p).toMatchObject({ side: 'below', left: 100, top: 220 + PLACEMENT_GAP });
    expect(overlaps(box(p), m)).toBe(false);
  });

  it('flips above when there is no room below', () => {
    const m = mark(100, 650);
    const p = placeCard({ anchor: [m], card, viewport });
    expect(p.side).toBe('above');
    expect(p.top).toBe(650 - PLACEMENT_GAP - card.height);
    expect(overlaps(box(p), m)).toBe(false);
  });

  it('shifts left to stay inside the viewport at the right edge', () => {
    const p = placeCard({ anchor: [mark(1100, 100)], card, viewport });
    expect(p.left).toBe(viewport.width - VIEWPORT_MARGIN - card.width);
  });

  it('shifts right to stay inside at the left edge', () => {
    const p = placeCard({ anchor: [mark(-20, 100)], card, viewport });
    expect(p.left).toBe(VIEWPORT_MARGIN);
  });

  it('aligns to the mark’s right edge on right-to-left pages', () => {
    const m = mark(600, 100);
    const p = placeCard({ anchor: [m], card, viewport, dir: 'rtl' });
    expect(p.left + card.width).toBe(m.right);
  });

  it('never covers any line of a mark that wraps', () => {
    const lines = [mark(900, 300, 200), mark(10, 320, 60)];
    const p = placeCard({ anchor: lines, card, viewport, pointer: { x: 30, y: 330 } });
    expect(p.side).toBe('below');
    for (const l of lines) expect(overlaps(box(p), l)).toBe(false);
    expect(p.left).toBe(10); // aligned with the line under the pointer
  });

  it('squeezes into the larger side with a max height when neither side fits', () => {
    const tall = { width: 380, height: 900 };
    const p = placeCard({ anchor: [mark(100, 300)], card: tall, viewport });
    expect(p.side).toBe('below');
    expect(p.maxHeight).toBe(viewport.height - VIEWPORT_MARGIN - (320 + PLACEMENT_GAP));
    expect(overlaps(box(p, tall), mark(100, 300))).toBe(false);
  });

  it('goes beside the mark in a short viewport (200% zoom on a small window)', () => {
    const short = { width: 900, height: 260 };
    const m = mark(100, 110);
    const p = placeCard({ anchor: [m], card, viewport: short });
    expect(p.side).toBe('right');
    expect(p.left).toBe(m.right + PLACEMENT_GAP);
    expect(p.top).toBeGreaterThanOrEqual(VIEWPORT_MARGIN);
    expect(
      overlaps(
        box({ left: p.left, top: p.top, maxHeight: p.maxHeight } as never, { width: p.maxWidth, height: card.height }),
        m,
      ),
    ).toBe(false);
  });

  it('narrows to the viewport on a phone-width screen', () => {
    const p = placeCard({ anchor: [mark(40, 100)], card, viewport: { width: 320, height: 640 } });
    expect(p.maxWidth).toBe(320 - 2 * VIEWPORT_MARGIN);
    expect(p.left).toBe(VIEWPORT_MARGIN);
  });

  it('returns whole pixels', () => {
    const p = placeCard({ anchor: [{ left: 10.4, top: 20.6, right: 50.2, bottom: 38.7 }], card, viewport });
    for (const v of [p.left, p.top, p.maxHeight, p.maxWidth]) expect(Number.isInteger(v)).toBe(true);
  });
});
