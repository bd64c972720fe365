/**
 * Turns the alias index into automaton patterns, each carrying what the matcher checks after a hit: the case rule,
 * the endings its morphology allows, whether it is an ambiguous (`near`) alias, and its disambiguation evidence.
 */

import { ALIAS_NEAR, type AliasIndex } from '../factbase/types';
import { scriptOf, type AliasEvidence, type MatchingRules } from '../factbase/matching-rules';
import { caseRuleFor, isExactCase, takesEndings, type CaseRule } from './case-rules';
import { buildEndingTrie, type EndingTrie } from './ending-trie';
import { foldAlias } from './fold';
import { commonPrefix, inflectedForms } from './morphology';
import { typedEndingLetters, typedForm, typedStem } from './typed-forms';

export interface Pattern {
  /** Folded text the automaton looks for (for inflected aliases, the part all forms share). */
  text: string;
  alias: number;
  entity: number;
  near: boolean;
  caseRule: CaseRule;
  /** Endings one of which must follow the pattern (see `Endings`); null: the alias as written. */
  endings: Endings | null;
  /** The folded alias as written: acronyms and surnames are recognised by it across the page. */
  key: string;
  evidence: AliasEvidence | null;
  /** Whether it carries disambiguation evidence (acronyms are checked only on pages that spell one out). */
  ruled: boolean;
  /**
   * What the rules look up per hit, worked out once by `buildRuleTables` (disambiguate.ts) so that a hit on a plain
   * name costs no lookups: a person's full name, an acronym of ours, an alias that may be a namesake's (`not-near`).
   */
  fullName: boolean;
  acronym: boolean;
  namesakeKey: boolean;
  /**
   * A person's or a city's name: checked for a thing named after it ("Heydar Aliyev International Airport",
   * "Samarqand viloyati", the «Moskva» cinema). Null for the other kinds.
   */
  eponym: 'person' | 'place' | 'country' | 'company' | null;
  /**
   * An idea's name (Turan, Heartland), which brands, clubs, banks and districts take as the first word of their own
   * ("Turan Bank", "Turan Mahallesi"): read for a longer proper name as a place's is (longer-name.ts).
   */
  idea: boolean;
  /**
   * A region's, a sea's or a continent's name (a place's to the rules above), which also heads the name of a district
   * named after it ("Xəzər rayonu", a district of Baku): a region has no district of its own name, as a town may.
   */
  region: boolean;
  /**
   * A one-word name that may also be a namesake's surname (Turan, Bayraktar, Akar): after a common given name of the
   * region ("Leyla Turan") it is that person's. Names of places are not: "Erdoğan Bakü'de" is someone in a city.
   */
  surnameToo: boolean;
  /**
   * The bits of the word lists (see neighbour-screen.ts) the rules read in the word right after the name and the word
   * right before it, and whether they look for a quoted name around it: set by `buildRuleTables`.
   */
  nextWords: number;
  previousWords: number;
  quoted: boolean;
  /** Any name but an acronym: checked for a work's title it stands in (titles.ts: the film «Şuşa», "Şuşa" filmi). */
  titled: boolean;
  /**
   * Any name but an acronym's, a company's or an organisation's: in quotation marks with a kind's word beside them it
   * is that thing's (quoted-kinds.ts: the hotel «Туран»); a company's own name there is itself (компания «Газпром»).
   */
  kindQuoted: boolean;
  /**
   * An acronym of ours that is not a company's or a pipeline's: beside a company's legal form (ООО «ШОС», SCO LLC) it
   * is that company's name (quoted-kinds.ts `namesACompany`).
   */
  companyToo: boolean;
  /**
   * A place's or a country's name labelled in a language that writes a thing's name after it in lowercase words
   * (data/named-after.yaml `compound-languages`): its head may follow one of them ("Тошкент трактор заводи").
   */
  compound: boolean;
  /** A name of ours, not a person's, that is also a common given name (Nursultan): someone's before a surname. */
  givenNameToo: boolean;
  /**
   * A port's bare name (Aktau, Новороссийск): as one end of a route's name written with dashes ("the Kuryk–Alat
   * ferry", "трубопровод Баку — Новороссийск") it is the route's, as a city's is (route-names.ts).
   */
  routeEnd: boolean;
  /**
   * A country's one-word name in a language of the region, which no common word shares there: typed in lowercase it
   * counts anywhere, not only in a stretch typed so (lowercase-text.ts, `mayStandInLowercase`).
   */
  lowercaseAlone: boolean;
  /**
   * A country's one-word name, no common word in lowercase: in a line typed informally it counts alone in any
   * language (informal-line.ts), as `lowercaseAlone` does everywhere.
   */
  lowercaseCountry: boolean;
  /** A common word typed in lowercase (data/languages.yaml `lowercase-words`: china, turkey): so it never counts. */
  lowercaseWord: boolean;
  /**
   * Written as its people's adjective too, in a language that puts the country's name before a noun ("azərbaycan
   * dili", "қытай шайы"): typed in lowercase and bare before a lowercase word, it may be the adjective.
   */
  adjectiveToo: boolean;
}

/**
 * A pattern's endings, '' meaning none, longest first, split and turned into a trie on first use: a build then splits
 * and sorts nothing (some 10,000 endings in 300 lists), and only the lists of patterns a page actually hits are worked
 * out, once per session. Aliases with the same list share one.
 */
class Endings {
  private cachedList: readonly string[] | null = null;
  private cachedTrie: EndingTrie | null = null;
  private cachedSet: ReadonlySet<string> | null = null;

  constructor(private readonly make: () => readonly string[]) {}

  get list(): readonly string[] {
    return (this.cachedList ??= this.make());
  }

  get trie(): EndingTrie {
    return (this.cachedTrie ??= buildEndingTrie(this.list));
  }

  /** The same endings as a set: a name spelled out before an acronym is checked against them. */
  get set(): ReadonlySet<string> {
    return (this.cachedSet ??= new Set(this.list));
  }
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
  // Exact-case names are written as they are, so they take no endings; acronyms of three letters or more do.
  const asWritten = isExactCase(caseRule) && !takesEndings(caseRule);
  const classes = asWritten || !rules ? [] : classesFor(text, alias, evidence, rules);
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

/** The stem and endings an alias takes, from the precompiled table or worked out now. */
interface Found {
  stem: string;
  /** null: the alias as written. */
  endings: Endings | null;
}

/**
 * The precompiled forms of `alias`, when the tables cover it and fit it; else null (own names, a stale table).
 * `shared` holds one `Endings` per list of the table.
 */
function precompiled(
  table: PrecompiledForms | undefined,
  shared: Map<number, Endings>,
  alias: number,
  folded: string,
): Found | null {
  if (!table || 3 * alias + 2 >= table.aliases.length || table.aliases[3 * alias] !== folded.length) return null;
  const stemLength = table.aliases[3 * alias + 1]!;
  const id = table.aliases[3 * alias + 2]!;
  if (!(stemLength > 0 && stemLength <= folded.length)) return null;
  const stem = stemLength === folded.length ? folded : folded.slice(0, stemLength);
  if (id < 0) return { stem, endings: null };
  const list = table.lists[id];
  if (list === undefined) return null;
  let endings = shared.get(id);
  if (!endings) shared.set(id, (endings = new Endings(() => list.split(LIST_SEPARATOR))));
  return { stem, endings };
}

/** Aliases that make one pattern: the first alias's pattern, and every distinct ending list among them. */
interface Group {
  pattern: Pattern;
  /** Null while the group has one list, its pattern's own. */
  lists: (Endings | null)[] | null;
  /** The next group with the same stem. */
  next: Group | null;
}

export function compilePatterns(index: AliasIndex, rules?: MatchingRules): Pattern[] {
  const fromTable = new Map<number, Endings>();
  const worked = new Map<string, Endings>(); // lists worked out now, shared by key
  // Aliases that give the same stem for the same entity under the same rules ("Türkiye" labelled tr and en, Турция
  // and Туркия) make one pattern with the union of their endings: each extra pattern would only add hits. Looked up
  // by stem, then compared field by field: a string key per alias was garbage for the first collections to copy.
  const byText = new Map<string, Group>();
  const groups: Group[] = [];
  const add = (pattern: Pattern) => {
    const first = byText.get(pattern.text);
    let group: Group | null = first ?? null;
    while (group && !sameGroup(group.pattern, pattern)) group = group.next;
    if (!group) {
      const created: Group = { pattern, lists: null, next: first ?? null };
      byText.set(pattern.text, created);
      groups.push(created);
    } else if (group.pattern.endings !== pattern.endings) {
      if (!group.lists) group.lists = [group.pattern.endings, pattern.endings];
      else if (!group.lists.includes(pattern.endings)) group.lists.push(pattern.endings);
    }
  };
  // The letters some language types as others: most aliases have none, and are read for them only.
  const typedLetters = Object.values(rules?.typedLetters ?? {}).flatMap((subs) => Object.keys(subs));
  index.aliases.forEach((entry, alias) => {
    const [text, , flags] = entry;
    if (typeof text !== 'string') return; // a malformed index entry must not break every page
    const folded = foldAlias(text);
    if (folded === '') return;
    const caseRule = caseRuleFor(text, flags);
    const found = precompiled(rules?.forms, fromTable, alias, folded) ?? workOut(index, rules, alias, folded, worked);
    add(makePattern(index, rules, alias, found.stem, found.endings, folded, caseRule));
    // A slogan's comma is often left out ("tek millet iki devlet", "bir millet iki dovlet" in comments): only a name
    // written with one gets a form without, so that "Baku, Tbilisi" on a page stays two names.
    if (folded.includes(', '))
      add(makePattern(index, rules, alias, found.stem.replace(COMMA_IN_NAME, ''), found.endings, folded, caseRule));
    // As typed without the language's special letters where the fold keeps them apart ("Azarbaycan", "ԱԼԻԵՎ"):
    // the same endings and rules; not for an ambiguous (`near`) alias, whose misspelling would add to its risk.
    const typed =
      (flags & ALIAS_NEAR) === 0 && includesAny(text, typedLetters) ? typedFormOf(rules!, alias, text) : null;
    if (typed !== null) {
      const typedKey = foldAlias(typed);
      const typedStemText = typedKey === folded ? null : typedStem(folded, found.stem, typedKey);
      const typedEndings = typedStemText === null ? null : typedEndingsOf(rules!, alias, text, found.endings);
      if (typedStemText !== null) add(makePattern(index, rules, alias, typedStemText, typedEndings, folded, caseRule));
    }
    // Compounds are also written as one word (Şahdəniz, Nursultan, KazMunayGas): the parts joined, as written.
    if (folded.includes(' ') && isCompoundName(index, entry)) {
      const parts = folded.split(' ');
      if (parts.length <= 3 && parts.every((p) => p.length >= 3))
        add(makePattern(index, rules, alias, parts.join(''), null, folded, caseRule));
    }
  });
  const patterns: Pattern[] = [];
  for (const { pattern, lists } of groups) {
    if (lists) pattern.endings = unionOf(lists);
    patterns.push(pattern);
  }
  return patterns;
}

/** Whether two patterns of one stem may share one: same entity, `near`, case rule, and rules (evidence) if any. */
function sameGroup(a: Pattern, b: Pattern): boolean {
  if (a.entity !== b.entity || a.near !== b.near || a.ruled !== b.ruled || !sameCaseRule(a.caseRule, b.caseRule))
    return false;
  return !a.ruled || (a.key === b.key && JSON.stringify(a.evidence) === JSON.stringify(b.evidence));
}

function sameCaseRule(a: CaseRule, b: CaseRule): boolean {
  if (a.kind !== 'exact' || b.kind !== 'exact') return a.kind === b.kind;
  return a.cases.length === b.cases.length && a.cases.every((c, i) => c === b.cases[i]);
}

const COMMA_IN_NAME = /,(?= )/g;

/**
 * The endings of an alias's typed form: its own, or, when its last vowel was substituted, the same with the vowel's
 * substitute in them (typed-forms.ts), worked out only when a page hits them.
 */
function typedEndingsOf(rules: MatchingRules, alias: number, text: string, endings: Endings | null): Endings | null {
  const swap = typedEndingLetters(text, rules.aliasLangs[alias] ?? '', rules.typedLetters!, foldAlias);
  if (endings === null || swap === null) return endings;
  const [from, to] = swap;
  return new Endings(() => [...new Set(endings.list.map((e) => e.split(from).join(to)))].sort(longestFirst));
}

function includesAny(text: string, letters: readonly string[]): boolean {
  for (let i = 0; i < letters.length; i++) if (text.includes(letters[i]!)) return true;
  return false;
}

/** An alias as typed without its languages' special letters (typed-forms.ts), or null. */
function typedFormOf(rules: MatchingRules, alias: number, text: string): string | null {
  return typedForm(text, rules.aliasLangs[alias] ?? '', rules.typedLetters!);
}
const PART_BREAK = /[\s\-\u2010-\u2015]+/u;
const CAPITALISED = /^\p{Lu}/u;

/**
 * Whether a name of several words may also be written as one: every part a capitalised name of its own (Shah Deniz,
 * Nur-Sultan, Kaz Munay Gas), not a person (nobody writes "Rəcəbtayyibərdoğan") and no common-noun part ("Xəzər
 * dənizi", "Orta Asya"). Each joined form is one more pattern for the whole session, so only where it can occur.
 */
function isCompoundName(index: AliasIndex, [text, entity]: AliasIndex['aliases'][number]): boolean {
  if (index.entities[entity]?.[2] === 'person') return false;
  return text
    .trim()
    .split(PART_BREAK)
    .every((part) => CAPITALISED.test(part));
}

/** The forms of an alias the precompiled table does not cover, worked out now; equal lists share one `Endings`. */
function workOut(
  index: AliasIndex,
  rules: MatchingRules | undefined,
  alias: number,
  folded: string,
  shared: Map<string, Endings>,
): Found {
  const { stem, endings, key } = formsOf(index, rules, alias, folded);
  if (key === '' || (endings.length === 1 && endings[0] === '')) return { stem, endings: null };
  let found = shared.get(key);
  if (!found) shared.set(key, (found = new Endings(() => endings)));
  return { stem, endings: found };
}

/** The endings of several lists together (null: the alias as written, '' alone), longest first. */
function unionOf(lists: readonly (Endings | null)[]): Endings {
  return new Endings(() => [...new Set(lists.flatMap((e) => e?.list ?? AS_WRITTEN))].sort(longestFirst));
}

const AS_WRITTEN: readonly string[] = [''];
const longestFirst = (a: string, b: string) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0);

function makePattern(
  index: AliasIndex,
  rules: MatchingRules | undefined,
  alias: number,
  text: string,
  endings: Endings | null,
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
    fullName: false,
    acronym: false,
    namesakeKey: false,
    eponym: null,
    idea: false,
    region: false,
    surnameToo: false,
    nextWords: 0,
    previousWords: 0,
    quoted: false,
    titled: false,
    kindQuoted: false,
    companyToo: false,
    compound: false,
    givenNameToo: false,
    routeEnd: false,
    lowercaseAlone: false,
    lowercaseCountry: false,
    lowercaseWord: false,
    adjectiveToo: false,
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
