/**
 * Derives data/matching-rules.json from the fact base, its alias index and data/languages.yaml, and checks what
 * the matcher relies on: every alias's language label fits its alphabet, every morphology class and word list it
 * names exists, every one-word alias of a person says how it is told apart (a surname rule, or evidence).
 */
import { checkFormedNames } from './formed-names';
import type { AliasIndex, FactBase } from './types';
import { foldAlias } from '../matcher/fold';
import { precompileForms } from '../matcher/patterns';
import {
  MATCHING_RULES_VERSION,
  checkLanguages,
  expandWords,
  labelProblem,
  type AliasEvidence,
  type LanguagesInput,
  type MatchingRules,
} from './matching-rules';
import { withNamedAfterHeads, type NamedAfterHeadsInput } from './named-after-heads';
import { ownDates } from './own-dates';

/**
 * The word list `needs` names for the entity's own years (own-dates.ts): a name its language gives every such
 * happening ("the trilateral statement", "январские события") counts only with the year of this one near.
 */
const ITS_YEAR = '@its-year';
/**
 * `@entity:<id>`: every spelling of another entity of ours (its name and aliases, as prefixes), so a summit of an
 * organisation counts only beside its own host city in any spelling ("Samarqandda", "в Самарканде").
 */
const ENTITY = '@entity:';

/** The lists an alias's evidence reads, with its own years and the entities it names where it asks for them. */
function listsFor(
  base: FactBase,
  entityId: string,
  needs: readonly string[] | undefined,
  lists: Record<string, string[]>,
  where: string,
  errors: string[],
): Record<string, string[]> {
  if (!needs?.some((w) => w === ITS_YEAR || w.startsWith(ENTITY))) return lists;
  const own: Record<string, string[]> = { ...lists };
  for (const word of needs) {
    if (word === ITS_YEAR) {
      const years = ownDates(entityId, base.events).years;
      if (!years.length) errors.push(`${where}: needs ${ITS_YEAR}, but no event of the fact base dates ${entityId}`);
      own[ITS_YEAR.slice(1)] = years;
    } else if (word.startsWith(ENTITY)) {
      const other = base.entities.find((e) => e.id === word.slice(ENTITY.length));
      if (!other) errors.push(`${where}: needs ${word}, which is no entity`);
      else own[word.slice(1)] = [...new Set([other.name, ...other.aliases.map((a) => a.text)])];
    }
  }
  return own;
}

/**
 * Every language's words of a `byLang` section together, each checked against its language's alphabet (`where` names
 * the section in the build's errors).
 */
function wordsOfEveryLanguage(
  languages: LanguagesInput,
  byLang: Record<string, string[]>,
  where: string,
  errors: string[],
): string[] {
  return Object.entries(byLang).flatMap(([lang, words]) => {
    for (const w of words) {
      const problem = labelProblem(w, lang, languages.languages[lang]);
      if (problem) errors.push(`languages.yaml: ${where} "${w}" (${lang}): ${problem}`);
    }
    return words;
  });
}

/**
 * data/languages.yaml `namesakes`, every language's words together, checked: each language the evaluation set speaks
 * (data/named-after.yaml `languages`) gives words after a name, and every word fits its language's alphabet.
 */
function namesakeWords(languages: LanguagesInput, required: readonly string[], errors: string[]) {
  const input = languages.namesakes!;
  for (const lang of required)
    if (!input.after[lang]?.length) errors.push(`languages.yaml: namesakes.after gives no words in ${lang}`);
  return {
    after: wordsOfEveryLanguage(languages, input.after, 'namesakes.after', errors),
    before: wordsOfEveryLanguage(languages, input.before ?? {}, 'namesakes.before', errors),
    confused: wordsOfEveryLanguage(languages, input.confused ?? {}, 'namesakes.confused', errors),
  };
}

/**
 * data/languages.yaml `quoted-kinds`, every language's words together, checked: each language the evaluation set
 * speaks gives words before the quotation or after it, and every word fits its language's alphabet.
 */
function quotedKindWords(languages: LanguagesInput, required: readonly string[], errors: string[]) {
  const input = languages['quoted-kinds']!;
  const legal = input['legal-forms'] ?? {};
  for (const lang of required)
    if (!input.before[lang]?.length && !input.after[lang]?.length && !legal[lang]?.length)
      errors.push(`languages.yaml: quoted-kinds gives no words in ${lang}`);
  // A company's legal form stands before its quoted name or after it (ООО «…», «…» ЖШС), as each language writes it.
  const legalForms = wordsOfEveryLanguage(languages, legal, 'quoted-kinds.legal-forms', errors);
  for (const form of legalForms)
    if (!LEGAL_FORM.test(form))
      errors.push(`languages.yaml: quoted-kinds.legal-forms "${form}" is not one word of letters`);
  return {
    before: [...wordsOfEveryLanguage(languages, input.before, 'quoted-kinds.before', errors), ...legalForms],
    after: [...wordsOfEveryLanguage(languages, input.after, 'quoted-kinds.after', errors), ...legalForms],
    legalForms,
  };
}

/** A legal form as the list writes it: letters only (a page's periods, "A.Ş.", are read past by the matcher). */
const LEGAL_FORM = /^[\p{L}\p{M}]+$/u;

/**
 * `named-after.genitive-endings`, each a lowercase ending with no space: the matcher compares it with what follows a
 * name's folded key, so a capital or a second word would never match and the rule would silently not apply.
 */
function checkGenitiveEndings(endings: readonly string[] | undefined, errors: string[]) {
  for (const ending of endings ?? [])
    if (!/^[\p{Ll}\p{M}]+$/u.test(String(ending)))
      errors.push(`languages: named-after.genitive-endings: "${ending}" is not one lowercase ending`);
}

/** A short form in capitals: letters (and the dots or spaces some write between them), two capitals at least. */
const ALL_CAPITALS = /^(?=(?:.*\p{Lu}){2})[\p{Lu}\p{M}. ]+$/u;

const isOneWord = (text: string) => !/[\s\-–—]/u.test(text.trim());

export function buildMatchingRules(
  base: FactBase,
  index: AliasIndex,
  languages: LanguagesInput,
  errors: string[],
  heads?: NamedAfterHeadsInput,
): MatchingRules {
  checkLanguages(languages, errors);
  checkFormedNames(languages, errors);
  checkGenitiveEndings(languages['named-after']?.['genitive-endings'], errors);
  const namedAfter = withNamedAfterHeads(languages['named-after'], heads, languages, errors);
  const lists = languages.wordlists ?? {};
  const byId = new Map(base.entities.map((e) => [e.id, e]));
  const entityIndex = new Map(index.entities.map(([id], i) => [id, i]));
  const rules: MatchingRules = {
    version: MATCHING_RULES_VERSION,
    windows: languages.windows,
    courtesy: languages.courtesy ?? [],
    ...(namedAfter ? { namedAfter } : {}),
    ...(languages['given-names'] ? { givenNames: languages['given-names'] } : {}),
    ...(languages['typed-letters'] ? { typedLetters: typedLetters(languages, errors) } : {}),
    ...(languages['lowercase-words'] ? { lowercaseWords: lowercaseWords(languages['lowercase-words'], errors) } : {}),
    ...(languages['land-suffixes'] ? { landSuffixes: landSuffixes(languages['land-suffixes'], errors) } : {}),
    ...(languages['other-roles'] ? { otherRoles: languages['other-roles'] } : {}),
    ...(languages['family-after'] ? { familyAfter: languages['family-after'] } : {}),
    ...(languages['pair-joiners'] ? { pairJoiners: languages['pair-joiners'] } : {}),
    ...(languages.patronymics ? { patronymics: languages.patronymics } : {}),
    ...(languages.namesakes ? { namesakes: namesakeWords(languages, heads?.languages ?? [], errors) } : {}),
    ...(languages['quoted-kinds'] ? { quotedKinds: quotedKindWords(languages, heads?.languages ?? [], errors) } : {}),
    classes: languages.morphology,
    languageMorphology: Object.fromEntries(Object.entries(languages.languages).map(([k, v]) => [k, v.morphology])),
    unlabelled: languages.unlabelled ?? {},
    phraseMorphology: Object.fromEntries(
      Object.entries(languages.languages).flatMap(([k, v]) => (v.phrases ? [[k, v.phrases]] : [])),
    ),
    unlabelledPhrases: languages['unlabelled-phrases'] ?? {},
    aliasLangs: [],
    evidence: {},
    titles: {},
    inOffice: {},
    fathers: {},
  };
  for (const entity of base.entities) {
    const titles = expandWords(entity.titles, lists, `${entity.id}: titles`, errors);
    if (titles?.length) rules.titles[entityIndex.get(entity.id)!] = titles;
    if (entity.titles && entity.type !== 'person') errors.push(`${entity.id}: titles are for people`);
    if (entity.inOffice && entity.type !== 'person') errors.push(`${entity.id}: in-office is for people`);
    if (entity.inOffice) rules.inOffice![entityIndex.get(entity.id)!] = entity.inOffice;
    if (entity.father && entity.type !== 'person') errors.push(`${entity.id}: father is for people`);
    if (entity.father) rules.fathers![entityIndex.get(entity.id)!] = entity.father;
  }
  index.aliases.forEach(([text, e], i) => {
    const entity = byId.get(index.entities[e]![0])!;
    const alias = entity.aliases.find((a) => a.text === text);
    const where = `${entity.id}: alias "${text}"`;
    rules.aliasLangs.push(alias?.lang ?? '');
    for (const lang of alias?.lang?.split(' ') ?? []) {
      const problem = labelProblem(text, lang, languages.languages[lang]);
      if (problem) errors.push(`${where}: labelled ${lang}, but ${problem}`);
    }
    if (!alias) return; // the name itself, unruled
    const evidence: AliasEvidence = {};
    if (alias.rule === 'surname') {
      if (entity.type !== 'person') errors.push(`${where}: rule surname is for people`);
      evidence.surname = true;
    }
    if (alias.rule === 'short-form') {
      if (!ALL_CAPITALS.test(text)) errors.push(`${where}: rule short-form is for a short form in capitals`);
      evidence.shortForm = true;
    }
    if (alias.rule === 'given-name') {
      if (entity.type !== 'person') errors.push(`${where}: rule given-name is for people`);
      evidence.givenName = true;
    }
    const needs = expandWords(
      alias.needs,
      listsFor(base, entity.id, alias.needs, lists, where, errors),
      `${where} needs`,
      errors,
    );
    const notNear = expandWords(alias.notNear, lists, `${where} not-near`, errors);
    const notAfter = expandWords(alias.notAfter, lists, `${where} not-after`, errors);
    const notBefore = expandWords(alias.notBefore, lists, `${where} not-before`, errors);
    if (needs) evidence.needs = needs;
    if (needs && alias.needsIn) evidence.needsIn = alias.needsIn;
    if (notNear) evidence.notNear = notNear;
    if (notAfter) evidence.notAfter = notAfter;
    if (notBefore) evidence.notBefore = notBefore;
    if (alias.morph) {
      for (const c of alias.morph) if (!languages.morphology[c]) errors.push(`${where}: unknown morphology "${c}"`);
      evidence.morph = alias.morph;
    }
    if (
      entity.type === 'person' &&
      isOneWord(text) &&
      alias.text !== entity.name &&
      !alias.rule &&
      !needs &&
      !notNear &&
      !/^\p{Lu}{2,}$/u.test(text)
    )
      errors.push(`${where}: a one-word name of a person needs rule surname, near, or needs/not-near evidence`);
    if (Object.keys(evidence).length) rules.evidence[i] = evidence;
  });
  rules.forms = precompileForms(index, rules);
  checkFormsAgainstWords(index, rules, languages, errors);
  return rules;
}

/**
 * An inflected form of a name must not be a word the rules list as something else: a given name, a courtesy word or
 * office, a word of any `wordlists` list ("Xəzər" + an ending must not spell a given name). The name as written may
 * be one (Erdoğan, Asya): its rules decide there.
 */
function checkFormsAgainstWords(index: AliasIndex, rules: MatchingRules, languages: LanguagesInput, errors: string[]) {
  const words = new Map<string, string>();
  const add = (list: readonly string[] | undefined, name: string) => {
    for (const w of list ?? []) if (isOneWord(String(w))) words.set(foldAlias(String(w)), name);
  };
  add(languages['given-names'], 'given-names');
  add(languages.courtesy, 'courtesy');
  add(languages.patronymics?.words, 'patronymics');
  for (const [name, list] of Object.entries(languages.wordlists ?? {})) add(list, `wordlists.${name}`);
  const { lists, aliases } = rules.forms!;
  index.aliases.forEach(([text], i) => {
    const id = aliases[3 * i + 2]!;
    if (id < 0) return;
    const folded = foldAlias(text);
    const stem = folded.slice(0, aliases[3 * i + 1]);
    for (const ending of lists[id]!.split(FORMS_SEPARATOR)) {
      const form = stem + ending;
      const list = ending && form !== folded ? words.get(form) : undefined;
      if (list) errors.push(`alias "${text}": its form "${form}" is a word of ${list}`);
    }
  });
}

/** How precompileForms joins an ending list (patterns.ts). */
const FORMS_SEPARATOR = '\u0001';

/**
 * `lowercase-words` as written, each one word in lowercase: the matcher compares it with a name's folded key, so a
 * capital or a space would guard nothing.
 */
function lowercaseWords(words: string[], errors: string[]): string[] {
  for (const word of words)
    if (!/^[\p{Ll}\p{M}]+$/u.test(word)) errors.push(`languages: lowercase-words: "${word}" is not one lowercase word`);
  return words;
}

/**
 * `land-suffixes` as written, each a lowercase ending of two letters or more: the matcher compares it with the end of
 * a country's folded name, so a capital, a space or a single letter would end names it was not meant for.
 */
function landSuffixes(suffixes: string[], errors: string[]): string[] {
  for (const suffix of suffixes)
    if (!/^\p{Ll}{2,}$/u.test(suffix))
      errors.push(`languages: land-suffixes: "${suffix}" is not a lowercase ending of two letters or more`);
  return suffixes;
}

/**
 * `typed-letters` as written, checked: each key a language of `languages`, each letter one character, each substitute
 * one or two (Armenian և is two letters in capitals).
 */
function typedLetters(languages: LanguagesInput, errors: string[]): Record<string, Record<string, string>> {
  const letters = languages['typed-letters'] ?? {};
  for (const [lang, subs] of Object.entries(letters)) {
    if (!languages.languages[lang])
      errors.push(`languages: typed-letters: "${lang}" is not a language of \`languages\``);
    for (const [letter, as] of Object.entries(subs ?? {}))
      if ([...letter].length !== 1 || [...as].length < 1 || [...as].length > 2)
        errors.push(`languages: typed-letters: ${lang}: "${letter}" as "${as}" is not one letter typed as one or two`);
  }
  return letters;
}
