/**
 * The cards for frames the sources argue with, "the West" and "Eurasia" (data/entities/places-and-powers.yaml): their
 * names are also ordinary words, so their rules must keep a direction, an adjective or a namesake unmarked. Sentences
 * are written for these tests, with the project's alias index and rules.
 */
import { describe, expect, it } from 'vitest';
import aliasIndexJson from '../../data/alias-index.json';
import rulesJson from '../../data/matching-rules.json';
import type { AliasIndex } from '../../lib/factbase/types';
import type { MatchingRules } from '../../lib/factbase/matching-rules';
import { createMatcher, newPageContext } from '../../lib/matcher/index';

const index = aliasIndexJson as unknown as AliasIndex;
const matcher = createMatcher(index, { rules: rulesJson as unknown as MatchingRules });

/** The words of each mark of `id` when the texts are read as one page. */
const marks = (id: string, ...texts: string[]): string[] =>
  matcher
    .findInPage(texts, newPageContext())
    .flatMap((ms, i) =>
      ms.filter((m) => index.entities[m.entity]![0] === id).map((m) => texts[i]!.slice(m.start, m.end)),
    );

describe('the West', () => {
  it('marks "the West" as a political side next to a name of the region', () => {
    expect(marks('the-west', 'Relations between Russia and the West are at a low.')).toEqual(['the West']);
    expect(marks('the-west', 'The West can and should encourage the OTS states, Ankara says.')).toEqual(['The West']);
  });
  it('never marks a direction, an adjective, or a place called West', () => {
    expect(marks('the-west', 'Russia moved troops to the west of the river.')).toEqual([]);
    expect(marks('the-west', 'Western sanctions on Russia were widened; western Kazakhstan is dry.')).toEqual([]);
    expect(marks('the-west', 'Türkiye condemned the raids in the West Bank.')).toEqual([]);
    expect(marks('the-west', 'The storm hit the West Coast of the United States.')).toEqual([]);
  });
  it('needs a name of the region nearby: a US page\'s "the West" is a region of the US', () => {
    expect(marks('the-west', 'Wildfires spread across the West this summer.')).toEqual([]);
  });
});

describe('Eurasia', () => {
  it('marks Eurasia and Central Eurasia near another name, not the journal', () => {
    expect(marks('eurasia', 'Kazakhstan sits at the heart of Eurasia.')).toEqual(['Eurasia']);
    expect(marks('eurasia', 'Türkiye reshapes the map of Central Eurasia.')).toEqual(['Central Eurasia']);
    expect(marks('eurasia', 'Kazakhstan, wrote the Eurasia Daily Monitor, is wary.')).toEqual([]);
    expect(marks('eurasia', 'A cheap flight to Eurasia.')).toEqual([]);
  });
});
