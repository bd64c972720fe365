/**
 * data/named-after.yaml: the heads of the things people name after a person, a place or a country, one category at a
 * time (awards, food, breeds, streets, venues, ships, companies, teams, festivals) in every language of the region.
 * The build merges them into the `named-after` lists the matcher reads (data/languages.yaml keeps the lists that came
 * before), and refuses a category that leaves out a language it must speak, a word outside its language's alphabet,
 * and a head that would swallow a word that means the place itself (`keeps`: "Bakı şəhəri", "Qazaxıstan prezidenti").
 */
import { foldAlias } from '../matcher/fold';
import { labelProblem, type LanguagesInput, type NamedAfter } from './matching-rules';

/**
 * Whose names a category's heads follow: a person's, a place's (a city, a region, a sea), a country's, or a region's
 * only (a region's, a sea's or a continent's: the district named after it, which a town's name would be the town's).
 */
type Eponym = 'person' | 'place' | 'country' | 'region';

interface HeadCategory {
  /** Whose names the heads follow. */
  of: Eponym[];
  /** Per language, folded prefixes of the word right after the name (a capital: only a capitalised word). */
  after?: Record<string, string[]>;
  /** Per language, heads right before a person's name (Russian "орден Гейдара Алиева"): folded prefixes. */
  before?: Record<string, string[]>;
  /** Per language, heads right before a place's or country's name, each case form a whole word ("Кубок Казахстана"). */
  'place-before'?: Record<string, string[]>;
  /** Per language that needs no head here, why (Russian names a dish by an adjective no alias spells). */
  without?: Record<string, string>;
  /**
   * `capitalised`: after a person's name only the capitalised heads, and those of scripts with no case to tell: a
   * lowercase word there is the sentence's ("Heydər Əliyev muzeyinə", to his museum; "Əliyev forumu açıb", opened
   * the forum), and one language's head is another's word (Uzbek "muzeyi" starts Azerbaijani "muzeyinə").
   */
  'person-after'?: 'capitalised';
  /** Whether its heads, in the `compound-languages`, may follow one lowercase word of the thing's own name. */
  'past-a-word'?: boolean;
}

export interface NamedAfterHeadsInput {
  /** The languages every category speaks, or says why not (`without`). */
  languages: string[];
  /** Per language, words right after a place's or country's name that mean the place itself. */
  keeps: Record<string, string[]>;
  /** The languages whose heads may follow one lowercase word of the thing's own name (`place-after-word`). */
  'compound-languages'?: string[];
  /** Per language, the words that heads never follow (postpositions: "Хитой билан темир йўл"). */
  'not-between'?: Record<string, string[]>;
  categories: Record<string, HeadCategory>;
}

const CAPITAL = /^\p{Lu}/u;

/**
 * `named` (data/languages.yaml `named-after`) with every category's heads added to the lists of the names they
 * follow; problems go to `errors`.
 */
export function withNamedAfterHeads(
  named: NamedAfter | undefined,
  heads: NamedAfterHeadsInput | undefined,
  languages: LanguagesInput,
  errors: string[],
): NamedAfter | undefined {
  if (!heads) return named;
  const out: NamedAfter = { ...named, after: named?.after ?? [], before: named?.before ?? [] };
  const add = (list: keyof NamedAfter, words: string[]) => {
    const old = (out[list] as string[] | undefined) ?? [];
    out[list] = [...old, ...words.filter((w) => !old.includes(w))] as never;
  };
  for (const [name, c] of Object.entries(heads.categories ?? {})) {
    const where = `named-after.yaml: ${name}`;
    const byLang = [c.after, c.before, c['place-before']];
    for (const lang of heads.languages)
      if (!byLang.some((m) => m?.[lang]?.length) && !c.without?.[lang])
        errors.push(`${where}: no head in ${lang} (or say why under without)`);
    for (const m of byLang)
      for (const [lang, words] of Object.entries(m ?? {}))
        for (const w of words) {
          const problem = labelProblem(w, lang, languages.languages[lang]);
          if (problem) errors.push(`${where}: "${w}" is labelled ${lang}, but ${problem}`);
        }
    const after = Object.values(c.after ?? {}).flat();
    if (c.of.includes('person')) {
      add('after', c['person-after'] === 'capitalised' ? capitalisedHeads(c.after ?? {}, languages) : after);
      add('before', Object.values(c.before ?? {}).flat());
    } else if (c.before) errors.push(`${where}: before is for a person's name`);
    if (c.of.includes('place')) add('place-after', after);
    if (c.of.includes('country')) add('country-after', after);
    const afterWord = c['past-a-word'] ? lowercaseHeadsOf(c.after ?? {}, heads['compound-languages'] ?? []) : [];
    if (c.of.includes('place')) add('place-after-word', afterWord);
    if (c.of.includes('country')) add('country-after-word', afterWord);
    if (c.of.includes('region')) add('region-after', after);
    if (c.of.includes('place') || c.of.includes('country'))
      add('place-before', Object.values(c['place-before'] ?? {}).flat());
    else if (c['place-before']) errors.push(`${where}: place-before is for a place's or a country's name`);
  }
  checkKeeps(out, heads.keeps ?? {}, errors);
  if (heads['compound-languages']) out['compound-languages'] = heads['compound-languages'];
  const notBetween = Object.entries(heads['not-between'] ?? {});
  for (const [lang, words] of notBetween)
    for (const w of words) {
      const problem = labelProblem(w, lang, languages.languages[lang]);
      if (problem) errors.push(`named-after.yaml: not-between "${w}" is labelled ${lang}, but ${problem}`);
    }
  if (notBetween.length) out['not-between'] = notBetween.flatMap(([, words]) => words);
  for (const lang of heads['compound-languages'] ?? [])
    if (!languages.languages[lang]) errors.push(`named-after.yaml: compound-languages names unknown "${lang}"`);
  return out;
}

/** The heads of `languages` written in lowercase (a capitalised one heads a name of capitalised words). */
function lowercaseHeadsOf(byLang: Record<string, string[]>, languages: readonly string[]): string[] {
  return languages.flatMap((lang) => (byLang[lang] ?? []).filter((w) => !CAPITAL.test(w)));
}

/** The heads written with a capital, and all those of the languages whose script has no capitals (Georgian). */
function capitalisedHeads(byLang: Record<string, string[]>, languages: LanguagesInput): string[] {
  const CASED = new Set(['Latin', 'Cyrillic', 'Armenian']);
  return Object.entries(byLang).flatMap(([lang, words]) =>
    CASED.has(languages.languages[lang]?.script ?? '') ? words.filter((w) => CAPITAL.test(w)) : words,
  );
}

/**
 * Fails on a head after a place's or a country's name that a word meaning the place itself starts with ("şəh" would
 * swallow "şəhəri"), or a head before it that is such a word: those words keep the name the place's.
 */
function checkKeeps(named: NamedAfter, keeps: Record<string, string[]>, errors: string[]): void {
  const after = [...(named['place-after'] ?? []), ...(named['country-after'] ?? []), ...(named['region-after'] ?? [])];
  const heads = after.map((w) => ({
    w,
    prefix: foldAlias(w),
    capital: CAPITAL.test(w),
  }));
  const before = new Set((named['place-before'] ?? []).map(foldAlias));
  for (const [lang, words] of Object.entries(keeps))
    for (const k of words) {
      const folded = foldAlias(k);
      const capital = CAPITAL.test(k);
      for (const h of heads)
        if (folded.startsWith(h.prefix) && (capital || !h.capital))
          errors.push(`named-after: head "${h.w}" would make "${k}" (${lang}), which means the place, a thing's`);
      if (before.has(folded)) errors.push(`named-after: "${k}" (${lang}) means the place, and is a head before it`);
    }
}
