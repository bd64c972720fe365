/**
 * The explore charts' keys (lib/explore/chart-keys.ts): which action each key runs and by how much, and which event
 * N and P step to.
 */
import { describe, expect, it } from 'vitest';
import {
  adjacentEvent,
  MAP_ZOOM_STEP,
  mapNodeKeys,
  mapStageKeys,
  TIMELINE_ZOOM_STEP,
  timelineKeys,
  type KeyTable,
} from '~/lib/explore/chart-keys';

/** Presses each key of `keys` on `table` and returns what the actions recorded. */
function press(table: KeyTable, keys: string[], calls: string[]): string[] {
  calls.length = 0;
  for (const k of keys) table[k]!();
  return [...calls];
}

describe('timeline keys', () => {
  const calls: string[] = [];
  const table = timelineKeys({
    panBy: (f) => calls.push(`pan ${f}`),
    zoomBy: (f) => calls.push(`zoom ${f.toFixed(3)}`),
    reset: () => calls.push('reset'),
    fit: () => calls.push('fit'),
    step: (d) => calls.push(`step ${d}`),
  });

  it('pans a fifth of the width each way, zooms in and out by the buttons’ step, resets, fits and steps', () => {
    const zin = `zoom ${TIMELINE_ZOOM_STEP.toFixed(3)}`;
    const zout = `zoom ${(1 / TIMELINE_ZOOM_STEP).toFixed(3)}`;
    expect(press(table, ['ArrowLeft', 'ArrowRight'], calls)).toEqual(['pan -0.2', 'pan 0.2']);
    expect(press(table, ['+', '=', '-', '_'], calls)).toEqual([zin, zin, zout, zout]);
    expect(press(table, ['0', 'f', 'n', 'p'], calls)).toEqual(['reset', 'fit', 'step 1', 'step -1']);
  });

  it('leaves other keys (Tab, Enter, the vertical arrows) to the page', () => {
    for (const k of ['Tab', 'Enter', 'ArrowUp', 'ArrowDown', ' ']) expect(table[k], k).toBeUndefined();
  });
});

describe('N and P on the timeline', () => {
  const ids = ['a', 'b', 'c'];

  it('step to the next or previous event and stop at the ends', () => {
    expect(adjacentEvent(ids, 'b', 1)).toBe('c');
    expect(adjacentEvent(ids, 'b', -1)).toBe('a');
    expect(adjacentEvent(ids, 'c', 1)).toBe('c');
    expect(adjacentEvent(ids, 'a', -1)).toBe('a');
  });

  it('start from the first (N) or the last (P) when nothing shown is selected, and give nothing without events', () => {
    expect(adjacentEvent(ids, undefined, 1)).toBe('a');
    expect(adjacentEvent(ids, 'gone', -1)).toBe('c');
    expect(adjacentEvent([], 'a', 1)).toBeUndefined();
  });
});

describe('map keys', () => {
  const calls: string[] = [];

  it('on the stage: + and − zoom by the buttons’ step, 0 and F fit, the arrows move the view the way they point', () => {
    const table = mapStageKeys({
      zoomBy: (f) => calls.push(`zoom ${f.toFixed(3)}`),
      fit: () => calls.push('fit'),
      panBy: (dx, dy) => calls.push(`pan ${dx},${dy}`),
    });
    expect(press(table, ['+', '=', '-', '0', 'f'], calls)).toEqual([
      `zoom ${MAP_ZOOM_STEP.toFixed(3)}`,
      `zoom ${MAP_ZOOM_STEP.toFixed(3)}`,
      `zoom ${(1 / MAP_ZOOM_STEP).toFixed(3)}`,
      'fit',
      'fit',
    ]);
    // The content moves the other way from the view: ArrowLeft shows what is to the left.
    expect(press(table, ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'], calls)).toEqual([
      'pan 80,0',
      'pan -80,0',
      'pan 0,80',
      'pan 0,-80',
    ]);
  });

  it('on a node: arrows walk the order, Home and End go to its ends, Enter and Space open, Escape leaves; zoom keys pass', () => {
    const table = mapNodeKeys({
      focusStep: (s) => calls.push(`step ${s}`),
      focusEnd: (w) => calls.push(w),
      activate: () => calls.push('open'),
      leave: () => calls.push('leave'),
    });
    expect(press(table, ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp'], calls)).toEqual([
      'step 1',
      'step 1',
      'step -1',
      'step -1',
    ]);
    expect(press(table, ['Home', 'End', 'Enter', ' ', 'Escape'], calls)).toEqual([
      'first',
      'last',
      'open',
      'open',
      'leave',
    ]);
    for (const k of ['+', '-', '0']) expect(table[k], k).toBeUndefined();
  });
});
