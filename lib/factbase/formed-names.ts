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
import { ownDates, type OwnDates } from './own-dates';
import type { Alias, Entity, TimelineEvent } from './types';

/** One `{of, as}` alias record, read: its rule and evidence go to every name formed from it. */
export interface FormedRequest {
  where: string;
  entity: Entity;
  /**
   * One name, or a chain of two or three parties ("Azərbaycan-Qazaxıstan İşgüzar Şurası"); none for a name formed
   * from the entity's own date alone ("44-day war").
   */
  of: readonly string[];
  as: string;
  rules: Omit<Alias, 'text' | 'inCorpus' | 'lang'>;
}

const SLOT = /\{X(?::([a-z-]+))?\}/u;
/** The entity's own year and its length in days, from its dated events (own-dates.ts): "2023 depremleri". */
const YEAR = '{Y}';
const DAYS = '{D}';
/** The month of the entity's dated event, as `months` in data/languages.yaml writes it in the template's language. */
const MONTH = '{M}';
const count = (template: string, slot: string) => template.split(slot).length - 1;
/** An acronym is not declined into a longer name ("СССР", "ԽՍՀՄ"). */
const ACRONYM = /^[\p{Lu}\d.\s-]+$/u;

/**
 * An entity's aliases with no language, but acronyms (unless the template writes the name as it is): the English a
 * page writes it in besides its name.
 */
const unlabelled = (of: Entity, acronyms = false): string[] =>
  of.aliases
    .filter((a) => a.lang === undefined && a.rule !== 'short-form' && (acronyms || !ACRONYM.test(a.text)))
    .map((a) => a.text);

/**
 * The other name's spellings in one language: its aliases labelled so, and in English its name. An acronym only
 * where the template writes the name as it is ("TDT sammiti"), never declined.
 */
function spellingsIn(of: Entity, lang: string, asWritten = false): string[] {
  // A short form that is a common acronym elsewhere (TC, RF) names nothing of ours inside a longer name either.
  const labelled = of.aliases
    .filter((a) => a.lang?.split(' ').includes(lang) && a.rule !== 'short-form')
    .map((a) => a.text);
  return (lang === 'en' ? [of.name, ...labelled, ...unlabelled(of, asWritten)] : labelled).filter(
    (t, i, all) => (asWritten || !ACRONYM.test(t)) && all.indexOf(t) === i,
  );
}

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

/**
 * Checks the `formed-names` heads: languages known, at most one slot of each kind in each template, head words of the
 * language's letters.
 */
export function checkFormedNames(languages: LanguagesInput, errors: string[]): void {
  for (const [head, byLang] of Object.entries(languages['formed-names'] ?? {}))
    for (const [lang, templates] of Object.entries(byLang))
      for (const template of templates) {
        const where = `languages.yaml: formed-names ${head} ${lang} "${template}"`;
        const names = (template.match(/\{X/gu) ?? []).length;
        if (
          names > 1 ||
          (names === 1 && !SLOT.test(template)) ||
          [YEAR, DAYS, MONTH].some((slot) => count(template, slot) > 1)
        ) {
          errors.push(`${where}: needs at most one {X} or {X:case}, one {Y}, one {M} and one {D}`);
          continue;
        }
        if (template.includes(MONTH) && languages.months?.[lang]?.length !== 12)
          errors.push(`${where}: {M} needs the twelve months of ${lang} in languages.yaml months`);
        const words = template
          .replace(SLOT, ' ')
          .replace(YEAR, ' ')
          .replace(DAYS, ' ')
          .replace(MONTH, ' ')
          .replace(/[()|]/gu, ' ');
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

const CHOICE = /\(([^()]*\|[^()]*)\)/u;

/**
 * A template's choices spelled out, each in turn: "(gaz|tebigy gaz) (babatda|boýunça) ähtnama" is four names, as a
 * language forms a document's name from its subject, a postposition and the document word.
 */
function choices(template: string): string[] {
  const choice = CHOICE.exec(template);
  if (!choice) return [template];
  return choice[1]!.split('|').flatMap((word) => choices(template.replace(choice[0], word)));
}

/**
 * A template's date slots filled from the entity's own dates: one text per year it covers, none when it asks for a
 * date the fact base does not give (the request is then refused).
 */
function withDates(template: string, dates: OwnDates, months: readonly string[] | undefined): string[] {
  if (template.includes(DAYS)) {
    if (dates.days === undefined) return [];
    template = template.replace(DAYS, String(dates.days));
  }
  // A month goes with its own event's year ("February 2023"), never another's.
  if (template.includes(MONTH))
    return dates.months.map(([y, m]) => template.replace(MONTH, months?.[m - 1] ?? '').replace(YEAR, y));
  return template.includes(YEAR) ? dates.years.map((y) => template.replace(YEAR, y)) : [template];
}

/**
 * The aliases each request forms, in every language of its head, from the other entity's spellings in that language
 * (or a chain of the parties' spellings) and from the entity's own dates. A request with `of` takes the head's
 * templates with {X}, one without takes those without (a name of its own date alone). A form another entity already
 * has, or one the entity has already, is left out.
 */
export function formNames(
  requests: readonly FormedRequest[],
  byId: ReadonlyMap<string, Entity>,
  languages: LanguagesInput | undefined,
  taken: (folded: string) => boolean,
  fold: (text: string) => string,
  errors: string[],
  events: readonly TimelineEvent[] = [],
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
    const dates = ownDates(r.entity.id, events);
    const seen = new Set<string>();
    let templatesUsed = 0;
    for (const [lang, templates] of Object.entries(heads))
      for (const template of templates.flatMap(choices)) {
        const slot = SLOT.exec(template);
        if (!slot !== (of.length === 0)) continue;
        templatesUsed++;
        // A name of a kind with neither another name nor a date in it ("gaz babatda ähtnama") is this entity's only
        // with its own evidence near: a party, or its year.
        if (!slot && !/\{[YMD]\}/u.test(template) && !r.rules.needs) {
          errors.push(`${r.where}: formed name "as: ${r.as}" (${lang} "${template}") names a kind and needs evidence`);
          continue;
        }
        const dated = withDates(template, dates, languages.months?.[lang]);
        if (!dated.length) {
          errors.push(
            `${r.where}: formed name "as: ${r.as}" (${lang} "${template}") needs a date the entity's events do not give`,
          );
          continue;
        }
        const spellings = !slot ? [''] : of.length === 1 ? spellingsIn(of[0]!, lang, !slot[1]) : chainsIn(of, lang);
        for (const spelling of spellings)
          for (const form of slot ? slotForms(spelling, slot[1], lang, languages) : [''])
            for (const filled of dated) {
              const text = slot ? filled.replace(SLOT, form) : filled;
              const key = fold(text);
              if (seen.has(key) || taken(key)) continue;
              seen.add(key);
              r.entity.aliases.push({ text, inCorpus: false, ...(lang === 'en' ? {} : { lang }), ...r.rules });
            }
      }
    if (!templatesUsed)
      errors.push(
        `${r.where}: formed name "as: ${r.as}" has no template ${of.length ? 'with {X}' : 'without {X}'} for it`,
      );
  }
}
