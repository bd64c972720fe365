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
  /** The same endings by their first code unit (see `EndingIndex`); null with `endings`. */
  endingIndex: EndingIndex | null;
  /** The folded alias as written: acronyms and surnames are recognised by it across the page. */
  key: string;
  evidence: AliasEvidence | null;
  /** Whether it carries disambiguation evidence (acronyms are checked only on pages that spell one out). */
  ruled: boolean;
}

/**
 * An ending list by first code unit, each group longest first, and whether no ending is allowed: a hit tries only
 * the endings that start with the unit after it (a Turkish name has some 60 endings; a hit reads a handful).
 */
interface EndingIndex {
  byUnit: Map<number, readonly string[]>;
  bare: boolean;
}

function indexEndings(endings: readonly string[]): EndingIndex {
  const byUnit = new Map<number, string[]>();
  for (const e of endings) {
    if (e === '') continue;
    const u = e.charCodeAt(0);
    const group = byUnit.get(u);
    if (group) group.push(e);
    else byUnit.set(u, [e]);
  }
  return { byUnit, bare: endings.includes('') };
}

/** A stem shorter than this would match too much once its ending is free to vary. */
const MIN_STEM = 3;

/** One alias's morphology, worked out: the stem the automaton looks for, and the endings that may follow it. */
interface AliasForms {
  stem: string;
  /** Longest first, '' for none; the list's key shares equal lists between aliases. */
  endings: string[];
  key: string;
}

/** What an alias's morphology gives, from the rules (the costly part of a build: thousands of forms). */
function formsOf(index: AliasIndex, rules: MatchingRules | undefined, alias: number, folded: string): AliasForms {
  const [text, entity, flags] = index.aliases[alias]!;
  const caseRule = caseRuleFor(text, flags);
  const evidence = rules?.evidence[alias] ?? null;
  // Acronyms and exact-case names are written as they are, so they take no endings.
  const classes = isExactCase(caseRule) || !rules ? [] : classesFor(text, alias, evidence, rules);
  if (!classes.length) return { stem: folded, endings: [''], key: '' };
  const isPerson = index.entities[entity]?.[2] === 'person';
  const forms = inflectedForms(text, classes, isPerson);
  let stem = commonPrefix(forms);
  if (stem.length < Math.min(MIN_STEM, folded.length)) stem = folded;
  const tails = forms.filter((f) => f.startsWith(stem)).map((f) => f.slice(stem.length));
  const endings = [...new Set(tails)].sort(longestFirst);
  return { stem, endings, key: endings.join(LIST_SEPARATOR) };
}

/** Joins an ending list in the precompiled tables; folded text never holds it (fold turns controls into spaces). */
const LIST_SEPARATOR = '\u0001';

/**
 * The morphology of every alias of the fact base, worked out by `facts:build` and shipped in matching-rules.json, so
 * that the background's build reads stems and ending lists instead of generating some 200,000 forms.
 */
export interface PrecompiledForms {
  /** Ending lists, each joined by U+0001; shared by the aliases that take the same endings. */
  lists: string[];
  /**
   * Per alias of the index: the folded alias's length (a check that the table is this index's), the stem's length,
   * and the list's index (-1: the alias as written).
   */
  aliases: number[];
}

export function precompileForms(index: AliasIndex, rules: MatchingRules): PrecompiledForms {
  const lists: string[] = [];
  const listIds = new Map<string, number>();
  const aliases: number[] = [];
  index.aliases.forEach(([text], alias) => {
    const folded = foldAlias(text);
    const { stem, key } = formsOf(index, rules, alias, folded);
    let id = -1;
    if (key !== '') {
      id = listIds.get(key) ?? lists.length;
      if (id === lists.length) lists.push(key);
      listIds.set(key, id);
    }
    aliases.push(folded.length, stem.length, id);
  });
  return { lists, aliases };
}

/** The precompiled forms of `alias`, when the tables cover it and fit it; else null (own names, a stale table). */
function precompiled(
  table: PrecompiledForms | undefined,
  lists: Map<number, AliasForms['endings']>,
  alias: number,
  folded: string,
): AliasForms | null {
  if (!table || 3 * alias + 2 >= table.aliases.length || table.aliases[3 * alias] !== folded.length) return null;
  const stemLength = table.aliases[3 * alias + 1]!;
  const id = table.aliases[3 * alias + 2]!;
  if (!(stemLength > 0 && stemLength <= folded.length)) return null;
  if (id < 0) return { stem: folded.slice(0, stemLength), endings: [''], key: '' };
  const list = table.lists[id];
  if (list === undefined) return null;
  let endings = lists.get(id);
  if (!endings) lists.set(id, (endings = list.split(LIST_SEPARATOR)));
  return { stem: folded.slice(0, stemLength), endings, key: list };
}

export function compilePatterns(index: AliasIndex, rules?: MatchingRules): Pattern[] {
  const endingLists = new Map<string, { endings: readonly string[]; index: EndingIndex }>(); // shared by aliases
  const shareList = (sorted: readonly string[], listKey: string) => {
    if (sorted.length === 1 && sorted[0] === '') return null;
    let shared = endingLists.get(listKey);
    if (!shared) endingLists.set(listKey, (shared = { endings: sorted, index: indexEndings(sorted) }));
    return shared;
  };
  const splitLists = new Map<number, string[]>();
  // Aliases that give the same stem for the same entity under the same rules ("Türkiye" labelled tr and en, Турция
  // and Туркия) make one pattern with the union of their endings: each extra pattern would only add hits.
  const groups = new Map<string, { pattern: Pattern; lists: Map<string, readonly string[]> }>();
  const add = (pattern: Pattern, listKey: string, sorted: readonly string[]) => {
    const rules = pattern.ruled ? `${pattern.key}\u0000${JSON.stringify(pattern.evidence)}` : '';
    const key = `${pattern.text}\u0000${pattern.entity}\u0000${pattern.near}\u0000${caseKey(pattern.caseRule)}\u0000${rules}`;
    const group = groups.get(key);
    if (group) group.lists.set(listKey, sorted);
    else groups.set(key, { pattern, lists: new Map([[listKey, sorted]]) });
  };
  index.aliases.forEach((entry, alias) => {
    const [text, , flags] = entry;
    if (typeof text !== 'string') return; // a malformed index entry must not break every page
    const folded = foldAlias(text);
    if (folded === '') return;
    const caseRule = caseRuleFor(text, flags);
    const found = precompiled(rules?.forms, splitLists, alias, folded) ?? formsOf(index, rules, alias, folded);
    const pattern = makePattern(index, rules, alias, found.stem, shareList(found.endings, found.key), folded, caseRule);
    add(pattern, found.key, found.endings);
    // Compounds are also written as one word (Şahdəniz, Nursultan, KazMunayGas): the parts joined, as written.
    const parts = folded.split(' ');
    if (parts.length > 1 && parts.length <= 3 && parts.every((p) => p.length >= 3))
      add({ ...pattern, text: parts.join(''), endings: null, endingIndex: null }, '', AS_WRITTEN);
  });
  const patterns: Pattern[] = [];
  for (const { pattern, lists } of groups.values()) {
    if (lists.size === 1) {
      patterns.push(pattern);
      continue;
    }
    const union = [...new Set([...lists.values()].flat())].sort(longestFirst);
    const shared = shareList(union, union.join(LIST_SEPARATOR));
    patterns.push({ ...pattern, endings: shared?.endings ?? null, endingIndex: shared?.index ?? null });
  }
  return patterns;
}

const AS_WRITTEN: readonly string[] = [''];
const longestFirst = (a: string, b: string) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0);

const caseKey = (rule: CaseRule) => (rule.kind === 'exact' ? `exact:${rule.cases.join(',')}` : rule.kind);

function makePattern(
  index: AliasIndex,
  rules: MatchingRules | undefined,
  alias: number,
  text: string,
  shared: { endings: readonly string[]; index: EndingIndex } | null,
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
    endings: shared?.endings ?? null,
    endingIndex: shared?.index ?? null,
    key,
    evidence,
    ruled: evidence !== null,
  };
}

function classesFor(text: string, alias: number, evidence: AliasEvidence | null, rules: MatchingRules) {
  const langs = (rules.aliasLangs[alias] ?? '').split(' ').filter(Boolean);
  // A name of several words takes its language's `phrases` classes where it gives them.
  const phrase = /\s/u.test(text.trim());
  const byLang = (l: string) => (phrase ? rules.phraseMorphology?.[l] : undefined) ?? rules.languageMorphology[l] ?? [];
  const script = scriptOf(text);
  const names =
    evidence?.morph ??
    (langs.length
      ? langs.flatMap(byLang)
      : ((phrase ? rules.unlabelledPhrases?.[script] : undefined) ?? rules.unlabelled[script])) ??
    [];
  return [...new Set(names)].flatMap((n) => (rules.classes[n] ? [rules.classes[n]] : []));
}
