/** The matcher built from the project's own alias index and rules, as the unit tests of its rules read it. */
import aliasIndexJson from '../../data/alias-index.json';
import rulesJson from '../../data/matching-rules.json';
import type { AliasIndex } from '../../lib/factbase/types';
import type { MatchingRules } from '../../lib/factbase/matching-rules';
import { createMatcher, newPageContext } from '../../lib/matcher/index';

export const index = aliasIndexJson as unknown as AliasIndex;
export const rules = rulesJson as unknown as MatchingRules;
export const matcher = createMatcher(index, { rules });

/** [words, entity id] for each match of each text, the texts read as one page. */
export function page(...texts: string[]): [string, string][] {
  return matcher
    .findInPage(texts, newPageContext())
    .flatMap((ms, i) =>
      ms.map((m): [string, string] => [texts[i]!.slice(m.start, m.end), index.entities[m.entity]![0]]),
    );
}

/** The entity ids the texts, read as one page, are marked with, in order. */
export const ids = (...texts: string[]) => page(...texts).map(([, id]) => id);
