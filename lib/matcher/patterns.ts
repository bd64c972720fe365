/**
 * Turns the alias index into automaton patterns, each carrying what the matcher checks after a hit: the case rule,
 * the Russian endings it may take, and whether it is an ambiguous (`near`) alias.
 */

import { ALIAS_NEAR, type AliasIndex } from '../factbase/types';
import { caseRuleFor, isExactCase, type CaseRule } from './case-rules';
import { foldAlias } from './fold';
import { russianInflection } from './russian-endings';

export interface Pattern {
  /** Folded text the automaton looks for (for inflected aliases, the stem). */
  text: string;
  alias: number;
  entity: number;
  near: boolean;
  caseRule: CaseRule;
  /** Endings one of which must follow the pattern, '' meaning none; null for aliases that do not inflect. */
  endings: readonly string[] | null;
}

export function compilePatterns(aliases: AliasIndex['aliases']): Pattern[] {
  const patterns: Pattern[] = [];
  aliases.forEach((entry, alias) => {
    const [text, entity, flags] = entry;
    if (typeof text !== 'string') return; // a malformed index entry must not break every page
    const folded = foldAlias(text);
    if (folded === '') return;
    const caseRule = caseRuleFor(text, flags);
    // Acronyms and exact-case names are written as they are, so they take no endings.
    const inflection = isExactCase(caseRule) ? null : russianInflection(folded);
    patterns.push({
      text: inflection?.stem ?? folded,
      alias,
      entity,
      near: (flags & ALIAS_NEAR) !== 0,
      caseRule,
      endings: inflection?.endings ?? null,
    });
  });
  return patterns;
}
