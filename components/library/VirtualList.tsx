/**
 * A fixed-row-height virtualised list: only the rows in view (plus a few either side) exist in the DOM, so
 * 10,000 snippets scroll like 20. Rows have one height so positions are arithmetic, not measured; the snippet
 * row clamps its text to fit, and the full text lives in the detail pane.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

/** Rows rendered beyond each edge of the viewport, so fast scrolling shows no blank band. */
const OVERSCAN_ROWS = 6;

interface VirtualListProps<T> {
  items: readonly T[];
  rowHeight: number;
  renderRow: (item: T, index: number) => ComponentChildren;
  keyOf: (item: T) => string;
  /** Index to keep in view (keyboard focus), when it changes. */
  scrollToIndex?: number;
  label: string;
}

export function VirtualList<T>({ items, rowHeight, renderRow, keyOf, scrollToIndex, label }: VirtualListProps<T>) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(800);

  useEffect(() => {
    const el = viewport.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    setHeight(el.clientHeight);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const el = viewport.current;
    if (!el || scrollToIndex === undefined || scrollToIndex < 0) return;
    const top = scrollToIndex * rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight - el.clientHeight;
  }, [scrollToIndex, rowHeight]);

  // A shorter list (a new filter) can leave the scroll position past its end.
  const maxTop = Math.max(0, items.length * rowHeight - height);
  const top = Math.min(scrollTop, maxTop);
  const first = Math.max(0, Math.floor(top / rowHeight) - OVERSCAN_ROWS);
  const last = Math.min(items.length, Math.ceil((top + height) / rowHeight) + OVERSCAN_ROWS);
  const rows: ComponentChildren[] = [];
  for (let i = first; i < last; i++) {
    const item = items[i]!;
    rows.push(
      <div
        key={keyOf(item)}
        class="vrow"
        role="listitem"
        aria-posinset={i + 1}
        aria-setsize={items.length}
        style={{ transform: `translateY(${i * rowHeight}px)`, height: `${rowHeight}px` }}
      >
        {renderRow(item, i)}
      </div>,
    );
  }
  return (
    <div class="vlist" ref={viewport} onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}>
      <div class="vlist-inner" role="list" aria-label={label} style={{ height: `${items.length * rowHeight}px` }}>
        {rows}
      </div>
    </div>
  );
}
