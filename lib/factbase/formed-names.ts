/**
 * Names formed from another name of the fact base and a head word, in every language that has the head: a summit by
 * its city ("Samarqand sammiti", "саммит в Самарканде", "სამარყანდის სამიტი"), a declaration by its town, a state's
 * collapse ("Sowet Soýuzynyň dargamagy"), a country's war. An alias record writes `{of: samarkand, as: summit}`; the
 * heads are data/languages.yaml `formed-names`, written once per language, and the other name is each of its aliases
 * in that language, as written (`{X}`) or in a case its morphology names (`{X:genitive}`, `{X:locative}`). So the
 * longer name is there in each language a page may write it in, and wins over the name inside it. Pure.
 */
import { caseForms } from '../matcher/morphology';
import { labelProblem, type LanguagesInput } from './matching-rules';
import type { Alias, Entity } from './types';

/** One `{of, as}` alias record, read: its rule and evidence go to every name formed from it. */
export interface FormedRequest {
  where: string;
  entity: Entity;
  /** One name, or a chain of two or three parties ("Azərbaycan-Qazaxıstan İşgüzar Şurası"). */
  of: readonly string[];
  as: string;
  rules: Omit<Alias, 'text' | 'inCorpus' | 'lang'>;
}

const SLOT = /\{X(?::([a-z-]+))?\}/u;
/** An acronym is not declined into a longer name ("СССР", "ԽՍՀՄ"). */
const ACRONYM = /^[\p{Lu}\d.\s-]+$/u;

/** The other name's spellings in one language: its aliases labelled so, and in English its name. */
function spellingsIn(of: Entity, lang: string): string[] {
  const labelled = of.aliases.filter((a) => a.lang?.split(' ').includes(lang)).map((a) => a.text);
  return (lang === 'en' ? [of.name, ...labelled] : labelled).filter((t) => !ACRONYM.test(t));
}

/** An entity's aliases with no language, but acronyms: the English a page writes it in besides its name. */
const unlabelled = (of: Entity): string[] =>
  of.aliases.filter((a) => a.lang === undefined && !ACRONYM.test(a.text)).map((a) => a.text);

/** The forms of `name` a template's slot asks for, by the first class of the language's morphology that names it. */
function slotForms(name: string, slotCase: string | undefined, lang: string, languages: LanguagesInput): string[] {
  if (!slotCase) return [name];
  const def = languages.languages[lang];
  const multiword = /\s/u.test(name);
  for (const c of (multiword ? def?.phrases : undefined) ?? def?.morphology ?? []) {
    const forms = caseForms(name, languages.morphology[c]!, slotCase);
    if (forms.length) return forms;
  }
  return [];
}

/** Checks the `formed-names` heads: languages known, one slot in each template, head words of the language's letters. */
export function checkFormedNames(languages: LanguagesInput, errors: string[]): void {
  for (const [head, byLang] of Object.entries(languages['formed-names'] ?? {}))
    for (const [lang, templates] of Object.entries(byLang))
      for (const template of templates) {
        const where = `languages.yaml: formed-names ${head} ${lang} "${template}"`;
        if ((template.match(/\{X/gu) ?? []).length !== 1 || !SLOT.test(template)) {
          errors.push(`${where}: needs exactly one {X} or {X:case}`);
          continue;
        }
        const words = template.replace(SLOT, ' ');
        if (lang === 'en') continue;
        const problem = labelProblem(words, lang, languages.languages[lang]);
        if (problem) errors.push(`${where}: ${problem}`);
      }
}

/** How many chains of parties one language may form for a request: every spelling of each party multiplies them. */
const MAX_CHAINS = 16;

/**
 * The parties' spellings in one language joined by a dash, as a page writes a chain of parties before its head (the
 * fold reads a dash, a hyphen and a space alike). Two parties in either order, since a page names its own country
 * first ("Türkiye–Azerbaijan", "Azerbaijan–Türkiye"); three in the record's order. Empty when a party has no one-word
 * spelling in the language.
 */
function chainsIn(parties: readonly Entity[], lang: string): string[] {
  const orders = parties.length === 2 ? [parties, [parties[1]!, parties[0]!]] : [parties];
  const chains: string[] = [];
  for (const order of orders) {
    let partial = [''];
    for (const party of order) {
      // A party by its one-word name: its state form ("Qazaqstan Respublikasy") does not stand in a chain. In
      // English and Turkish, its unlabelled spellings too: a town's name is "Turkestan (city)", its spelling
      // "Turkestan", and Turkish writes "Türkiye" as the name is written.
      const spellings = [
        ...spellingsIn(party, lang),
        ...(lang === 'en' || lang === 'tr' ? unlabelled(party) : []),
      ].filter((t, i, all) => !/\s/u.test(t) && all.indexOf(t) === i);
      partial = partial.flatMap((p) => spellings.map((s) => (p ? `${p}–${s}` : s)));
    }
    chains.push(...partial.slice(0, MAX_CHAINS));
  }
  return chains;
}

/**
 * The aliases each request forms, in every language of its head, from the other entity's spellings in that language
 * (or a chain of the parties' spellings). A form another entity already has, or one the entity has already, is left
 * out.
 */
export function formNames(
  requests: readonly FormedRequest[],
  byId: ReadonlyMap<string, Entity>,
  languages: LanguagesInput | undefined,
  taken: (folded: string) => boolean,
  fold: (text: string) => string,
  errors: string[],
): void {
  for (const r of requests) {
    const heads = languages?.['formed-names']?.[r.as];
    const parties = r.of.map((id) => byId.get(id));
    if (!heads) errors.push(`${r.where}: formed name "as: ${r.as}" is not a head of languages.yaml formed-names`);
    r.of.forEach((id, i) => {
      if (!parties[i]) errors.push(`${r.where}: formed name "of: ${id}" is no entity`);
    });
    if (!heads || !parties.every((p) => p) || !languages) continue;
    const of = parties as Entity[];
    const seen = new Set<string>();
    for (const [lang, templates] of Object.entries(heads))
      for (const template of templates) {
        const slot = SLOT.exec(template);
        if (!slot) continue;
        for (const spelling of of.length === 1 ? spellingsIn(of[0]!, lang) : chainsIn(of, lang))
          for (const form of slotForms(spelling, slot[1], lang, languages)) {
            const text = template.replace(SLOT, form);
            const key = fold(text);
            if (seen.has(key) || taken(key)) continue;
            seen.add(key);
            r.entity.aliases.push({ text, inCorpus: false, ...(lang === 'en' ? {} : { lang }), ...r.rules });
          }
      }
  }
}
