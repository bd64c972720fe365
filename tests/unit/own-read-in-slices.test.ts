import { describe, expect, it } from 'vitest';
import aliasIndexJson from '../../data/alias-index.json';
import factBaseJson from '../../data/factbase.json';
import matchingRules from '../../data/matching-rules.json';
import type { AliasIndex, FactBase } from '../../lib/factbase/types';
import type { MatchingRules } from '../../lib/factbase/matching-rules';
import { createMatcher } from '../../lib/matcher';
import {
  BESIDE_PAGES_GAP_MS,
  createPagesFirst,
  findInSlices,
  PAGES_QUIET_MS,
  PIECE_CHARS,
  textPieces,
} from '../../lib/own/read-in-slices';

/** Every quote of the fact base, one paragraph each: about 100 KB of the region's names in their own sentences. */
const quotesText = (factBaseJson as unknown as FactBase).entities
  .flatMap((e) => e.facts.map((f) => f.quote))
  .filter(Boolean)
  .join('\n\n');

describe('reading an own source in slices', () => {
  it('cuts a text into pieces that cover it exactly, each at a paragraph break and at most PIECE_CHARS', () => {
    const pieces = textPieces(quotesText);
    expect(pieces.length).toBeGreaterThan(5);
    expect(pieces.map((p) => p.text).join('')).toBe(quotesText);
    for (const [i, p] of pieces.entries()) {
      expect(p.text.length).toBeLessThanOrEqual(PIECE_CHARS);
      expect(quotesText.slice(p.start, p.start + p.text.length)).toBe(p.text);
      if (i < pieces.length - 1) expect(p.text).toMatch(/\n[ \t]*\n$/);
    }
    // Without blank lines, at a line break or a space; never inside a word.
    const words = 'Ilham Aliyev '.repeat(2_000);
    const cut = textPieces(words, 1_000);
    expect(cut.map((p) => p.text).join('')).toBe(words);
    for (const p of cut.slice(0, -1)) expect(p.text.endsWith(' ')).toBe(true);
    expect(textPieces('')).toEqual([{ start: 0, text: '' }]);
  });

  it('finds what one pass over the whole text finds, but for evidence that only a later piece gives', async () => {
    const matcher = createMatcher(aliasIndexJson as unknown as AliasIndex, {
      rules: matchingRules as unknown as MatchingRules,
    });
    const key = (m: { start: number; end: number; entity: number }) => `${m.start}-${m.end}-${m.entity}`;
    const whole = matcher.find(quotesText).map(key);
    let pauses = 0;
    let ms = 0;
    const sliced = await findInSlices(
      matcher,
      quotesText,
      async () => void pauses++,
      () => (ms += 5),
    );
    // "5 ms" per piece: a pause after every second piece.
    expect(pauses).toBe(Math.floor((textPieces(quotesText).length - 1) / 2));
    expect(whole.length).toBeGreaterThan(2_000);
    // Nothing that one pass does not find. What it misses is decided by evidence further on (a full name after a bare
    // surname), which a piece, like a page's batch, does not see yet: 4 of 2,300 names in this text.
    const wholeSet = new Set(whole);
    expect(sliced.map(key).filter((k) => !wholeSet.has(k))).toEqual([]);
    expect(whole.length - sliced.length).toBeLessThanOrEqual(whole.length / 200);
  });

  it('steps aside for pages only while they scan, and only for background work', async () => {
    let now = 1_000;
    const waits: number[] = [];
    let handedBack = 0;
    const pagesFirst = createPagesFirst({
      clock: () => now,
      wait: async (ms) => void waits.push(ms),
      handBack: async () => void handedBack++,
    });
    await pagesFirst.background();
    expect(waits).toEqual([]);
    pagesFirst.pageWorked();
    now += PAGES_QUIET_MS - 1;
    await pagesFirst.foreground();
    expect(waits).toEqual([]);
    await pagesFirst.background();
    expect(waits).toEqual([BESIDE_PAGES_GAP_MS]);
    now += 1;
    await pagesFirst.background();
    expect(waits).toEqual([BESIDE_PAGES_GAP_MS]);
    expect(handedBack).toBe(4);
  });
});
