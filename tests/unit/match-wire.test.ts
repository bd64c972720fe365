import { describe, expect, it } from 'vitest';
import { joinTexts, packMatches, splitTexts, unpackMatches } from '~/lib/matcher/wire';

describe('text and matches on the wire', () => {
  it('joins texts into one string with their ends, and splits them back, empty texts included', () => {
    const texts = ['Tokayev met Erdoğan.', '', 'Baku — Tbilisi'];
    const batch = JSON.parse(JSON.stringify(joinTexts(texts))) as ReturnType<typeof joinTexts>;
    expect(batch.ends).toEqual([20, 20, 34]);
    expect(splitTexts(batch)).toEqual(texts);
  });

  it('refuses ends that do not describe the text', () => {
    expect(splitTexts({ text: 'abcdef', ends: [3, 2, 6] })).toBeNull();
    expect(splitTexts({ text: 'abcdef', ends: [3] })).toBeNull();
    expect(splitTexts({ text: 'abcdef', ends: [3, 9] })).toBeNull();
    expect(splitTexts({ text: 'abcdef', ends: [1.5, 6] })).toBeNull();
  });

  it('round-trips matches through JSON as flat quadruples per text, with the notes of the few a rule decided', () => {
    const perText = [
      [{ start: 0, end: 7, entity: 12, alias: 3 }],
      [],
      [
        { start: 12, end: 19, entity: 4, alias: 9, why: 'after “President”' },
        { start: 30, end: 36, entity: 5, alias: 2, or: [6] },
      ],
    ];
    const packed = JSON.parse(JSON.stringify(packMatches(perText))) as unknown;
    expect(packed).toEqual({
      marks: [0, 0, 7, 12, 2, 12, 19, 4, 2, 30, 36, 5],
      notes: [
        { mark: 1, why: 'after “President”' },
        { mark: 2, or: [6] },
      ],
    });
    expect(unpackMatches(packed, 3)).toEqual([
      [{ start: 0, end: 7, entity: 12 }],
      [],
      [
        { start: 12, end: 19, entity: 4, why: 'after “President”' },
        { start: 30, end: 36, entity: 5, or: [6] },
      ],
    ]);
  });

  it('drops notes that are not notes', () => {
    const notes = [
      { mark: 0, why: 5 },
      { mark: 0, why: 'x'.repeat(201) },
      { mark: 'a', why: 'w' },
      { mark: 0, or: [-1, 'x', 0] },
    ];
    for (const note of notes)
      expect(unpackMatches({ marks: [0, 0, 4, 0], notes: [note] }, 1)).toEqual([[{ start: 0, end: 4, entity: 0 }]]);
  });

  it('drops whatever is not a whole quadruple of indexes for a known text, and never throws', () => {
    expect(unpackMatches(null, 2)).toEqual([[], []]);
    expect(unpackMatches('0,0,4,1', 1)).toEqual([[]]);
    expect(unpackMatches([0, 0, 4], 1)).toEqual([[]]);
    const flat = [0, 5, 4, 1, 0, -1, 3, 1, 7, 0, 2, 1, 0, 0.5, 2, 1, 0, 0, 2, '1', 1, 2, 6, 7];
    expect(unpackMatches(flat, 2)).toEqual([[], [{ start: 2, end: 6, entity: 7 }]]);
  });
});
