import { describe, expect, it } from 'vitest';
import { packMatches, unpackMatches } from '~/lib/matcher/wire';

describe('matches on the wire', () => {
  it('round-trips through JSON as flat triples', () => {
    const matches = [
      { start: 0, end: 7, entity: 12, alias: 3 },
      { start: 12, end: 19, entity: 4, alias: 9 },
    ];
    const flat = JSON.parse(JSON.stringify(packMatches(matches))) as unknown;
    expect(flat).toEqual([0, 7, 12, 12, 19, 4]);
    expect(unpackMatches(flat)).toEqual(matches.map(({ start, end, entity }) => ({ start, end, entity })));
  });

  it('drops whatever is not a whole, ordered triple of indexes, and never throws', () => {
    expect(unpackMatches(null)).toEqual([]);
    expect(unpackMatches('0,4,1')).toEqual([]);
    expect(unpackMatches([0, 4])).toEqual([]);
    expect(unpackMatches([5, 4, 1, -1, 3, 1, 0.5, 2, 1, 0, 2, '1', 2, 6, 7])).toEqual([
      { start: 2, end: 6, entity: 7 },
    ]);
  });
});
