/**
 * Turns the alias index into automaton patterns, each carrying what the matcher checks after a hit: the case rule,
 * the endings its morphology allows, whether it is an ambiguous (`near`) alias, and its disambiguation evidence.
 */

import { ALIAS_NEAR, type AliasIndex } from '../factbase/types';
import { scriptOf, type AliasEvidence, type MatchingRules } from '../factbase/matching-rules';
import { caseRuleFor, isExactCase, type CaseRule } from './case-rules';
import { foldAlias } from './fold';
import { commonPrefix, inflectedForms } from './morphology';

export interface Pattern {
  /** Folded text the automaton looks for (for inflected aliases, the part all forms share). */
  text: string;
  alias: number;
  entity: number;
  near: boolean;
  caseRule: CaseRule;
  /** Endings one of which must follow the pattern, '' meaning none, longest first; null: the alias as written. */
  endings: readonly string[] | null;
  /** The folded alias as written: acronyms and surnames are recognised by it across the page. */
  key: string;
  evidence: AliasEvidence | null;
  /** Whether it carries disambiguation evidence (acronyms are checked only on pages that spell one out). */
  ruled: boolean;
}

/** A stem shorter than this would match too much once its ending is free to vary. */
const MIN_STEM = 3;

export function compilePatterns(index: AliasIndex, rules?: MatchingRules): Pattern[] {
  const patterns: Pattern[] = [];
  const endingLists = new Map<string, readonly string[]>(); // shared: many aliases take the same endings
  index.aliases.forEach((entry, alias) => {
    const [text, entity, flags] = entry;
    if (typeof text !== 'string') return; // a malformed index entry must not break every page
    const folded = foldAlias(text);
    if (folded === '') return;
    const caseRule = caseRuleFor(text, flags);
    const evidence = rules?.evidence[alias] ?? null;
    // Acronyms and exact-case names are written as they are, so they take no endings.
    const classes = isExactCase(caseRule) || !rules ? [] : classesFor(text, alias, evidence, rules);
    const isPerson = index.entities[entity]?.[2] === 'person';
    const forms = classes.length ? inflectedForms(text, classes, isPerson) : [folded];
    let stem = commonPrefix(forms);
    if (stem.length < Math.min(MIN_STEM, folded.length)) stem = folded;
    const tails = forms.filter((f) => f.startsWith(stem)).map((f) => f.slice(stem.length));
    const sorted = [...new Set(tails)].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
    const listKey = sorted.join('|');
    let endings: readonly string[] | null = null;
    if (!(sorted.length === 1 && sorted[0] === '')) {
      endings = endingLists.get(listKey) ?? sorted;
      endingLists.set(listKey, endings);
    }
    const pattern = makePattern(index, rules, alias, stem, endings, folded, caseRule);
    patterns.push(pattern);
    // Compounds are also written as one word (Şahdəniz, Nursultan, KazMunayGas): the parts joined, as written.
    const parts = folded.split(' ');
    if (parts.length > 1 && parts.length <= 3 && parts.every((p) => p.length >= 3))
      patterns.push({ ...pattern, text: parts.join(''), endings: null });
  });
  return patterns;
}

function makePattern(
  index: AliasIndex,
  rules: MatchingRules | undefined,
  alias: number,
  text: string,
  endings: readonly string[] | null,
  key: string,
  caseRule: CaseRule,
): Pattern {
  const [, entity, flags] = index.aliases[alias]!;
  const evidence = rules?.evidence[alias] ?? null;
  return {
    text,
    alias,
    entity,
    near: (flags & ALIAS_NEAR) !== 0,
    caseRule,
    endings,
    key,
    evidence,
    ruled: evidence !== null,
  };
}

function classesFor(text: string, alias: number, evidence: AliasEvidence | null, rules: MatchingRules) {
  const langs = (rules.aliasLangs[alias] ?? '').split(' ').filter(Boolean);
  const names =
    evidence?.morph ??
    (langs.length ? langs.flatMap((l) => rules.languageMorphology[l] ?? []) : rules.unlabelled[scriptOf(text)]) ??
    [];
  return [...new Set(names)].flatMap((n) => (rules.classes[n] ? [rules.classes[n]] : []));
}
