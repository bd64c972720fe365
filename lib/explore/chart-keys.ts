/**
 * What each key does on the two charts: one table per stage (the timeline, the map, a focused map node), handed to
 * components/explore/zoom-stage.ts `handleStageKey`. The charts pass in their actions; which key runs which action,
 * and by how much it zooms or pans, is decided here. Pure: no DOM, no browser.
 */

/** A stage's key table: `KeyboardEvent.key` → action. */
export type KeyTable = Readonly<Record<string, () => void>>;

/** One key or button press (TimelineView's + and −) zooms the timeline by this factor. */
export const TIMELINE_ZOOM_STEP = 1.6;
/** One arrow key pans the timeline by this share of its width. */
const TIMELINE_KEY_PAN = 0.2;
/** One key or button press (MapView's + and −) zooms the map by this factor. */
export const MAP_ZOOM_STEP = 1.4;
/** One arrow key pans the map by this many screen pixels. */
const MAP_KEY_PAN = 80;

interface TimelineActions {
  /** Pans by a share of the chart's width (negative: back in time). */
  panBy(fraction: number): void;
  zoomBy(factor: number): void;
  reset(): void;
  fit(): void;
  /** Selects the next (1) or previous (-1) event. */
  step(dir: 1 | -1): void;
}

/** The timeline: arrows pan, + and − zoom (with or without Shift), 0 resets, F fits, N and P step through events. */
export function timelineKeys(a: TimelineActions): KeyTable {
  return {
    ArrowLeft: () => a.panBy(-TIMELINE_KEY_PAN),
    ArrowRight: () => a.panBy(TIMELINE_KEY_PAN),
    '+': () => a.zoomBy(TIMELINE_ZOOM_STEP),
    '=': () => a.zoomBy(TIMELINE_ZOOM_STEP),
    '-': () => a.zoomBy(1 / TIMELINE_ZOOM_STEP),
    _: () => a.zoomBy(1 / TIMELINE_ZOOM_STEP),
    '0': () => a.reset(),
    f: () => a.fit(),
    n: () => a.step(1),
    p: () => a.step(-1),
  };
}

/**
 * The event N (dir 1) or P (dir -1) selects among `ids` (in time order): the next or previous one, staying at the
 * ends; with nothing selected, the first or the last. Undefined when there are no events.
 */
export function adjacentEvent(ids: readonly string[], selectedId: string | undefined, dir: 1 | -1): string | undefined {
  if (!ids.length) return undefined;
  const at = selectedId === undefined ? -1 : ids.indexOf(selectedId);
  if (at < 0) return dir > 0 ? ids[0] : ids[ids.length - 1];
  return ids[Math.min(ids.length - 1, Math.max(0, at + dir))];
}

interface MapStageActions {
  zoomBy(factor: number): void;
  fit(): void;
  /** Pans the content by (dx, dy) screen pixels. */
  panBy(dx: number, dy: number): void;
}

/** The map's stage: + and − zoom, 0 and F fit, the arrows move the view the way they point. */
export function mapStageKeys(a: MapStageActions): KeyTable {
  return {
    '+': () => a.zoomBy(MAP_ZOOM_STEP),
    '=': () => a.zoomBy(MAP_ZOOM_STEP),
    '-': () => a.zoomBy(1 / MAP_ZOOM_STEP),
    '0': () => a.fit(),
    f: () => a.fit(),
    ArrowLeft: () => a.panBy(MAP_KEY_PAN, 0),
    ArrowRight: () => a.panBy(-MAP_KEY_PAN, 0),
    ArrowUp: () => a.panBy(0, MAP_KEY_PAN),
    ArrowDown: () => a.panBy(0, -MAP_KEY_PAN),
  };
}

interface MapNodeActions {
  /** Moves the focus to another node: the next or previous in keyboard order, or the first or last. */
  focusStep(step: 1 | -1): void;
  focusEnd(which: 'first' | 'last'): void;
  activate(): void;
  /** Gives the focus back to the stage. */
  leave(): void;
}

/**
 * A focused node: the arrows walk the keyboard order (lib/explore/map-keyboard-order.ts), Home and End go to its
 * ends, Enter and Space open the node, Escape returns to the stage. Keys not here (+ − 0) reach the stage's table.
 */
export function mapNodeKeys(a: MapNodeActions): KeyTable {
  return {
    ArrowRight: () => a.focusStep(1),
    ArrowDown: () => a.focusStep(1),
    ArrowLeft: () => a.focusStep(-1),
    ArrowUp: () => a.focusStep(-1),
    Home: () => a.focusEnd('first'),
    End: () => a.focusEnd('last'),
    Enter: () => a.activate(),
    ' ': () => a.activate(),
    Escape: () => a.leave(),
  };
}
