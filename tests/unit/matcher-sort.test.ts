import { describe, expect, it } from 'vitest';
import { sortNearlySorted } from '../../lib/matcher/sort-nearly-sorted';

interface Item {
  key: number;
  end: number;
  id: number;
}

const byKeyThenLongest = (a: Item, b: Item) => a.key - b.key || b.end - a.end;

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x80000000;
  };
}

/** Items in order of key, ends ascending at each key (as the scan reports hits), with repeated (key, end) pairs. */
function asScanned(count: number, next: () => number): Item[] {
  const items: Item[] = [];
  let key = 0;
  while (items.length < count) {
    key += 1 + Math.floor(next() * 5);
    const hits = 1 + Math.floor(next() * 4);
    for (let h = 0; h < hits; h++) items.push({ key, end: key + 1 + Math.floor(next() * 3), id: items.length });
  }
  return items.sort((a, b) => a.key - b.key || a.end - b.end);
}

const ids = (items: readonly Item[]) => items.map((item) => item.id);

describe('sortNearlySorted', () => {
  it('sorts candidates in scan order as the engine’s stable sort does, equal ones kept in their order', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const items = asScanned(300, random(seed));
      const expected = ids([...items].sort(byKeyThenLongest));
      expect(ids(sortNearlySorted([...items], byKeyThenLongest))).toEqual(expected);
    }
  });

  it('sorts any order, past its budget of moves too (then the engine’s sort finishes the work)', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const next = random(seed);
      const items: Item[] = Array.from({ length: 200 }, (_, id) => ({
        key: Math.floor(next() * 20),
        end: Math.floor(next() * 3),
        id,
      }));
      const expected = ids([...items].sort(byKeyThenLongest));
      expect(ids(sortNearlySorted([...items], byKeyThenLongest))).toEqual(expected);
    }
    const reversed = Array.from({ length: 100 }, (_, i) => ({ key: 100 - i, end: 0, id: i }));
    expect(sortNearlySorted(reversed, byKeyThenLongest).map((item) => item.key)).toEqual(
      Array.from({ length: 100 }, (_, i) => i + 1),
    );
  });

  it('leaves an empty or one-item array as it is', () => {
    expect(sortNearlySorted([], byKeyThenLongest)).toEqual([]);
    expect(ids(sortNearlySorted([{ key: 1, end: 1, id: 7 }], byKeyThenLongest))).toEqual([7]);
  });
});
