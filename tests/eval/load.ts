/** Reads the evaluation pages and runs the matcher over them block by block, in page order, as the scanner does. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AliasIndex } from '../../lib/factbase/types';
import type { MatchingRules } from '../../lib/factbase/matching-rules';
import { createMatcher, newPageContext } from '../../lib/matcher/index';
import { parsePage, type EvalPage, type Mark } from './eval-set';

const PAGES_DIR = fileURLToPath(new URL('./pages', import.meta.url));
const ALIAS_INDEX = fileURLToPath(new URL('../../data/alias-index.json', import.meta.url));
const MATCHING_RULES = fileURLToPath(new URL('../../data/matching-rules.json', import.meta.url));

export function loadPages(dir = PAGES_DIR): EvalPage[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => parsePage(f, readFileSync(join(dir, f), 'utf8')));
}

export function loadAliasIndex(): AliasIndex {
  return JSON.parse(readFileSync(ALIAS_INDEX, 'utf8')) as AliasIndex;
}

export function loadMatchingRules(): MatchingRules {
  return JSON.parse(readFileSync(MATCHING_RULES, 'utf8')) as MatchingRules;
}

/**
 * The matcher's marks on every block of a page, with entity ids: the page's blocks go as one batch with one page
 * context, as the scanner sends a short page.
 */
export function matcherMarks(index: AliasIndex, rules: MatchingRules): (page: EvalPage) => Mark[] {
  const matcher = createMatcher(index, { rules });
  return (page) =>
    matcher
      .findInPage(
        page.blocks.map((b) => b.text),
        { ...newPageContext(), ...(page.date ? { date: page.date } : {}) },
      )
      .flatMap((matches, b) =>
        matches.map((m) => ({
          block: b,
          start: m.start,
          end: m.end,
          entity: index.entities[m.entity]![0],
          ...(m.or ? { or: m.or.map((e) => index.entities[e]![0]) } : {}),
        })),
      );
}

/** An entity's type, or undefined when the fact base has no such entity (yet). */
export function typeLookup(index: AliasIndex): (id: string) => string | undefined {
  const types = new Map(index.entities.map(([id, , type]) => [id, type as string]));
  return (id) => types.get(id);
}
