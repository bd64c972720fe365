/**
 * The matching rules: languages of alias labels and their alphabets, morphology classes, and the per-alias and
 * per-entity disambiguation evidence. Curated in data/languages.yaml and the alias fields of data/entities/*.yaml,
 * validated here by the fact-base build, and written to data/matching-rules.json, which only the background's
 * matcher reads (pages never receive it). Pure: no file system.
 */

import type { PrecompiledForms } from '../matcher/patterns';
import type { ClassicalSpellings } from './classical-spellings';

export type SuffixClass = {
  kind: 'suffixes';
  apostrophe?: 'optional';
  vowels?: { back: string; front: string; rounded?: string; neutral?: string };
  /**
   * Harmony letters: the vowel by the last vowel's class (back/front, rounded when given). `rounded` narrows the
   * vowels that take the rounded forms for this letter (Kyrgyz low A rounds after о, ө and ү, not after у).
   */
  harmony?: Record<
    string,
    Partial<Record<'back' | 'front' | 'back-rounded' | 'front-rounded', string>> & { rounded?: string }
  >;
  /** Consonant letters: chosen by whether the sound before is a voiceless consonant. */
  consonants?: Record<string, { voiceless: string; other: string }>;
  voiceless?: string;
  /** Final letters that change before a suffix, or alone (Turkmen e → ä). */
  final?: Record<string, string>;
  suffixes: string[];
  /** Named cases as suffix templates (genitive: (n)In), for names formed from another name (formed-names.ts). */
  cases?: Record<string, string>;
};

export type EndingsClass = {
  kind: 'endings';
  /** Final letters the `after-drop` endings replace (Georgian ი). */
  drop?: string;
  vowels: string;
  'after-drop'?: string[];
  'after-vowel': string[];
  'after-consonant'?: string[];
  /**
   * Stems that change inside the word before some endings, by how the word ends: Armenian ու → վ (Բաքու → Բաքվում),
   * Georgian syncope (დერეფანი → დერეფნით). `ends` is replaced by `to`, then each of `endings` added.
   */
  'stem-changes'?: { ends: string; to: string; endings: string[] }[];
  /**
   * A final letter a name leaves off as the first member of a compound written with a hyphen (Georgian ი: სომხეთ-
   * საქართველოს საზღვარი, ყარს-ნახიჭევნის რკინიგზა): the name is also written so alone and inside a chain of names.
   */
  'compound-stem'?: string;
  /** Particles written solid after any form (Georgian -ც), by whether the form ends in a vowel. */
  particles?: { 'after-vowel': string[]; 'after-consonant': string[] };
  /**
   * Modifiers before the head that agree with its case (Georgian შავი ზღვა → შავ ზღვაში, შავმა ზღვამ): a word ending
   * in `ends` loses it before `bare-before` endings and takes `ergative` instead before `ergative-before` ones.
   */
  agreement?: { ends: string; 'bare-before': string[]; 'ergative-before': string[]; ergative: string };
  /** Named cases as their endings (genitive: [ի]), for names formed from another name (formed-names.ts). */
  cases?: Record<string, string[]>;
};

export interface DeclensionRow {
  ends: string;
  /** Six case forms; a form may list several endings, split by "|", where gender or stem decides ("и|я"). */
  forms: string[];
}

export type RussianClass = {
  kind: 'russian';
  nouns: DeclensionRow[];
  persons: DeclensionRow[];
  adjectives: DeclensionRow[];
  /** Nouns in the plural: a head after a plural adjective or written in lowercase (большевики, казанские татары). */
  plurals?: DeclensionRow[];
  'soft-after': string;
  'indeclinable-after': string;
  'min-stem': number;
  /** Named cases as their place in the rows' six forms (genitive: 1), for names formed from another name. */
  cases?: Record<string, number>;
};

export type MorphologyClass = SuffixClass | EndingsClass | RussianClass;

interface LanguageDef {
  name: string;
  script: string;
  /** Letters an alias labelled with this language may use (lowercase); none given: any letter of the script. */
  alphabet?: string;
  morphology: string[];
  /** The classes of its names of several words, when fewer (a Russian phrase takes no Turkic suffixes). */
  phrases?: string[];
}

interface Windows {
  near: number;
  needs: number;
  'not-near': number;
}

/**
 * Words that make a person's name the name of a thing named after them: right after it ("Heydar Aliyev International
 * Airport", "Heydər Əliyev adına") or right before it ("аэропорт имени Гейдара Алиева"). Folded prefixes; an entry
 * written with a capital counts only for a capitalised word (the head of a proper name), one in lowercase for any.
 */
export interface NamedAfter {
  after: string[];
  before: string[];
  /** Right after a city's name: the region or the university named after it (viloyati, облысы, State…). */
  'place-after'?: string[];
  /** Right after a region's, a sea's or a continent's name: a district named after it ("Xəzər rayonu"). */
  'region-after'?: string[];
  /** Right after a country's name: the airline, railway, bank or race named after it (Airlines, Temır Joly…). */
  'country-after'?: string[];
  /**
   * The heads of `place-after` and `country-after` that may follow one lowercase word of the thing's own name, in
   * the `compound-languages` ("Тошкент трактор заводи", "Հայաստանի պատմության թանգարան"): built from
   * data/named-after.yaml.
   */
  'place-after-word'?: string[];
  'country-after-word'?: string[];
  'compound-languages'?: string[];
  /** Words those heads never follow: postpositions (data/named-after.yaml `not-between`). */
  'not-between'?: string[];
  /**
   * The endings with which a place's or country's name stands as the modifier of a thing's name (the Armenian and
   * Georgian genitive: "Երևանի պետական", "საქართველოს ბანკი"). `place-after` and `country-after` words count only
   * after the name as written or with one of these: "Samarqandda xalqaro forum" is in the city.
   */
  'modifier-endings'?: string[];
  /**
   * The Turkic genitive endings with which a place's or country's name stands before an institution's name whose
   * capitalised head is one of `genitive-heads` ("Bakının Dövlət Universiteti").
   */
  'genitive-endings'?: string[];
  /** The capitalised heads of an institution's name those endings stand before (Universitet, İnstitut, Muzey). */
  'genitive-heads'?: string[];
  /** Right after a company's name: the arena or stadium named after it («Газпром Арена»), not its own divisions. */
  'company-after'?: string[];
  /**
   * Heads right before a place's or country's name, each case form a whole word ("суд Москвы", "оркестр
   * Азербайджана"), or joined to it by one of `links` ("University of Baku").
   */
  'place-before'?: string[];
  links?: string[];
  /** Words after names joined by dashes that make them a route's ("Kars-Nahçıvan hattı", "ბაქო-სუფსის ნავთობსადენი"). */
  'route-after'?: string[];
  /** Words right before such a chain, where Russian writes a route's head ("поезд Ташкент — Бишкек"). */
  'route-before'?: string[];
  /** Words right before a quoted title whose names are not marked: a film's, book's, song's, podcast's (драма «…»). */
  'title-before'?: string[];
  /** The same words as the Turkic languages put them, after the title ("Şuşa" filmi, «…» — səhər verilişi). */
  'title-after'?: string[];
  /**
   * Capitalised words after a place's or a country's name that keep it its own (its state's form, its government's
   * offices, a contest of its teams), where another capitalised word makes it a word of a longer name (see
   * lib/matcher/longer-name.ts). Prefixes, in any case.
   */
  'longer-name-keeps'?: string[];
  /** Words right after a given name that say someone is called so (есімді, ismli): see `givenNameToo`. */
  called?: string[];
}

/** A patronymic: a word with one of `endings` (Islomovich), or one of `words` after the father's name (İlham oğlu). */
interface Patronymics {
  endings: string[];
  words: string[];
}

/** data/languages.yaml as written. */
export interface LanguagesInput {
  windows: Windows;
  wordlists: Record<string, string[]>;
  courtesy: string[];
  'named-after'?: NamedAfter;
  'given-names'?: string[];
  /** Per language, letters people type as others the fold keeps apart (ə as a): `typed-letters`. */
  'typed-letters'?: Record<string, Record<string, string>>;
  /** Names of ours that are common words in lowercase: typed so, they never count (`lowercase-words`). */
  'lowercase-words'?: string[];
  /** Endings that form a country's name from its people's ("land of": -stan, -ston): `land-suffixes`. */
  'land-suffixes'?: string[];
  'other-roles'?: string[];
  'family-after'?: string[];
  'pair-joiners'?: string[];
  patronymics?: Patronymics;
  /** Per language: the words that say a person named is a namesake, after the name and before it. */
  namesakes?: {
    after: Record<string, string[]>;
    before: Record<string, string[]>;
    /** Phrases that end right before a name the page tells apart from another ("not to be confused with"). */
    confused?: Record<string, string[]>;
  };
  /**
   * Per language: the words of a thing's kind before or after its name in quotation marks (гостиница «…»), and the
   * legal forms of companies (ООО, MChJ, LLC), which stand on either side.
   */
  'quoted-kinds'?: {
    before: Record<string, string[]>;
    after: Record<string, string[]>;
    'legal-forms'?: Record<string, string[]>;
  };
  languages: Record<string, LanguageDef>;
  unlabelled: Record<string, string[]>;
  'unlabelled-phrases'?: Record<string, string[]>;
  morphology: Record<string, MorphologyClass>;
  /**
   * Heads of names formed from another name or the entity's own date, per language: templates with `{X}` or
   * `{X:case}`, `{Y}` (year), `{M}` (month, from `months`) and `{D}` (days) (formed-names.ts).
   */
  'formed-names'?: Record<string, Record<string, string[]>>;
  /** Per language, the twelve months as a name formed from a date writes them ("February 2023 earthquakes"). */
  months?: Record<string, string[]>;
  /** A state's form inside a Turkic name, written bare or in the genitive (genitive-variants.ts): prefixes. */
  'genitive-alternates'?: string[];
  /** Per language, the rewrites from its reformed spelling to the classical one (classical-spellings.ts). */
  'classical-spellings'?: Record<string, ClassicalSpellings>;
}

/** One alias's disambiguation rules, word lists expanded. */
export interface AliasEvidence {
  /** A bare surname of a person: needs a given name, title or full mention, and yields to a different given name. */
  surname?: true;
  /**
   * A short form that is also a common acronym (RF, АР, TC): it counts only where the page spells it out as this
   * entity, names the entity by another of its names, or has one of its `needs` words near (short-form.ts).
   */
  shortForm?: true;
  /**
   * A person's given name alone, one the region's press calls them by and few others carry: counts only where the page
   * names them or their family (a person who shares their surname) in full, and not before a capitalised word.
   */
  givenName?: true;
  /** One of these words must be near (prefix match on word starts). */
  needs?: string[];
  /** `clause`: a `needs` word counts only in the name's own clause, not a sentence or two away. */
  needsIn?: 'clause';
  /** Any of these close by makes it a namesake (a club, an agency), for the whole page. */
  notNear?: string[];
  /** Any of these right before makes it something else (East Turkestan). */
  notAfter?: string[];
  /** Any of these right after makes it something else (Bayraktar Akıncı): folded prefixes of the next word. */
  notBefore?: string[];
  /** Morphology classes instead of those of its language (`morph: none` gives []). */
  morph?: string[];
}

/** data/matching-rules.json: what the matcher needs besides the alias index. */
export interface MatchingRules {
  version: number;
  windows: Windows;
  courtesy: string[];
  namedAfter?: NamedAfter;
  /** Common given names: right before a bare surname, someone's given name (data/languages.yaml `given-names`). */
  givenNames?: string[];
  /** Per language, letters typed as others (data/languages.yaml `typed-letters`): each alias gets that form too. */
  typedLetters?: Record<string, Record<string, string>>;
  /** Names of ours that are common words typed in lowercase (data/languages.yaml `lowercase-words`). */
  lowercaseWords?: string[];
  /** Endings that make a country's name of its people's, never their adjective (data/languages.yaml `land-suffixes`). */
  landSuffixes?: string[];
  /** Roles no person of ours is known by: right before a bare surname, someone else (`other-roles`). */
  otherRoles?: string[];
  /** Words right after a surname that make it a family's name (`family-after`). */
  familyAfter?: string[];
  /** Words that join two names of a pair ("Putin and Tokayev", `pair-joiners`). */
  pairJoiners?: string[];
  /** How a full name written surname first gives its patronymic (data/languages.yaml `patronymics`). */
  patronymics?: Patronymics;
  /**
   * Words in a person's name's own phrase that make it a namesake's (data/languages.yaml `namesakes`, every language's
   * together): in the apposition after the name, and ending right before it (lib/matcher/namesake-phrase.ts).
   */
  namesakes?: { after: string[]; before: string[]; confused?: string[] };
  /**
   * The words of a thing's kind right before its name in quotation marks or after it (data/languages.yaml
   * `quoted-kinds`, every language's together): a name of ours in that quotation is the thing's (quoted-kinds.ts).
   * `legalForms`, also in both lists, are whole words beside an acronym that make it a company's name.
   */
  quotedKinds?: { before: string[]; after: string[]; legalForms: string[] };
  classes: Record<string, MorphologyClass>;
  /** Morphology classes per alias language, and per script for aliases without one. */
  languageMorphology: Record<string, string[]>;
  unlabelled: Record<string, string[]>;
  /** The same for names of several words, where a language or script gives fewer classes for them. */
  phraseMorphology?: Record<string, string[]>;
  unlabelledPhrases?: Record<string, string[]>;
  /** Parallel to AliasIndex.aliases: each alias's language ('' for none). */
  aliasLangs: string[];
  /** Sparse, by alias index. */
  evidence: Record<number, AliasEvidence>;
  /** Sparse, by entity index: words that, right before a bare surname, name this person (President, Arkadag). */
  titles: Record<number, string[]>;
  /**
   * Sparse, by entity index: the years a person held the office their titles name. A page's date tells namesakes
   * apart by it (Heydar Aliyev, president 1993–2003; Ilham Aliyev since 2003) when nothing on the page does.
   */
  inOffice?: Record<number, { from: number; to?: number }>;
  /** Sparse, by entity index: a person's father's given name as patronymics spell it (see patronymic.ts). */
  fathers?: Record<number, string[]>;
  /** Every alias's stem and endings, worked out at build time (lib/matcher/patterns.ts, `precompileForms`). */
  forms?: PrecompiledForms;
}

export const MATCHING_RULES_VERSION = 1;

const SCRIPTS: Record<string, RegExp> = {
  Latin: /\p{Script=Latin}/u,
  Cyrillic: /\p{Script=Cyrillic}/u,
  Armenian: /\p{Script=Armenian}/u,
  Georgian: /\p{Script=Georgian}/u,
  Arabic: /\p{Script=Arabic}/u,
  Han: /\p{Script=Han}/u,
};

/** The script of the first letter of `text`, or '' when it has no letter of a known script. */
export function scriptOf(text: string): string {
  for (const ch of text) for (const [name, re] of Object.entries(SCRIPTS)) if (re.test(ch)) return name;
  return '';
}

const LETTER = /\p{L}/u;
/** Modifier letters that are apostrophes on pages, and letters any label may use inside a foreign name. */
const ANY_LABEL = new Set(['ʻ', 'ʼ']);

/** A word written the same in every language's text: an acronym, a number, a Roman numeral (F-16, SETA, II). */
const CODE_WORD = /^[\p{Lu}\p{N}\-.]+$/u;

/**
 * Why `text` cannot be a spelling in `lang`, or null. Letters must be of the language's script and, when it gives
 * an alphabet, in it: a plain "Erdoğan" is not Uzbek (ğ), "Türkiye" is not Azerbaijani (Türkiyə), "Тошкент" is
 * Uzbek in Cyrillic, not `uz`. Code words (acronyms, numbers, Roman numerals) are left alone: "Фонд SETA".
 */
export function labelProblem(text: string, lang: string, def: LanguageDef | undefined): string | null {
  if (!def) return `unknown language "${lang}" (add it to data/languages.yaml)`;
  const locale = lang === 'tr' || lang === 'az' ? 'tr' : undefined;
  for (const word of text.split(/[\s/()«»"]+/u)) {
    if (!word || CODE_WORD.test(word)) continue;
    for (const ch of word) {
      if (!LETTER.test(ch) || ANY_LABEL.has(ch)) continue;
      const script = scriptOf(ch);
      if (script !== def.script) return `"${ch}" is not ${def.script} script, as ${def.name} (${lang}) is`;
      if (!def.alphabet) continue;
      const lower = ch.toLocaleLowerCase(locale).normalize('NFC');
      if (!def.alphabet.includes(lower)) return `"${ch}" is not a letter of the ${def.name} (${lang}) alphabet`;
    }
  }
  return null;
}

/** Checks data/languages.yaml itself: every class a language names exists, every class is well formed. */
export function checkLanguages(input: LanguagesInput, errors: string[]): void {
  const classes = input.morphology ?? {};
  const named = (where: string, list: string[] | undefined) => {
    for (const c of list ?? [])
      if (!classes[c]) errors.push(`languages.yaml: ${where} names unknown morphology "${c}"`);
  };
  for (const [lang, def] of Object.entries(input.languages ?? {})) {
    if (!SCRIPTS[def.script]) errors.push(`languages.yaml: ${lang} has unknown script "${def.script}"`);
    named(`language ${lang}`, def.morphology);
    named(`language ${lang} phrases`, def.phrases);
  }
  for (const [script, list] of Object.entries(input.unlabelled ?? {})) named(`unlabelled ${script}`, list);
  for (const [script, list] of Object.entries(input['unlabelled-phrases'] ?? {}))
    named(`unlabelled-phrases ${script}`, list);
  for (const [name, c] of Object.entries(classes)) {
    const mixed = scriptsOfClass(c);
    if (mixed.length > 1) errors.push(`languages.yaml: ${name} mixes scripts (${mixed.join(', ')}) in its endings`);
    if (c.kind === 'suffixes') {
      for (const s of c.suffixes) {
        const letters = s.replace(/\(.\)|<.>|\[[^\]]+\]/g, '');
        for (const ch of letters)
          if (ch === ch.toUpperCase() && ch !== ch.toLowerCase() && !c.harmony?.[ch] && !c.consonants?.[ch])
            errors.push(`languages.yaml: ${name} suffix "${s}" uses "${ch}", which is neither harmony nor consonant`);
      }
    } else if (c.kind === 'russian') {
      for (const rows of [c.nouns, c.persons, c.adjectives, c.plurals ?? []])
        for (const r of rows)
          if (r.forms.length !== 6) errors.push(`languages.yaml: ${name} row "${r.ends}" needs six case forms`);
    } else if (c.kind !== 'endings') errors.push(`languages.yaml: ${name} has unknown kind`);
  }
  // Matched as prefixes in any case right after a name: a short one would keep every name the rule reads.
  for (const word of input['named-after']?.['longer-name-keeps'] ?? [])
    if (!/^[\p{L}\p{M}]{3,}$/u.test(word))
      errors.push(`languages.yaml: longer-name-keeps "${word}" is not one word of three letters or more`);
  for (const w of ['near', 'needs', 'not-near'] as const)
    if (!(input.windows?.[w] > 0)) errors.push(`languages.yaml: windows.${w} must be a positive number`);
}

/**
 * The scripts of the letters a class writes (its endings and the letters its harmony and consonants stand for): a
 * Cyrillic class that writes a Latin "a" gives forms no page has, and the build says so.
 */
function scriptsOfClass(c: MorphologyClass): string[] {
  const written =
    c.kind === 'suffixes'
      ? [
          ...c.suffixes.map((s) => [...s].filter((ch) => !c.harmony?.[ch] && !c.consonants?.[ch]).join('')),
          ...Object.values(c.harmony ?? {}).flatMap((h) =>
            Object.entries(h).flatMap(([k, v]) => (k === 'rounded' ? [] : [v])),
          ),
          ...Object.values(c.consonants ?? {}).flatMap((x) => [x.voiceless, x.other]),
        ]
      : c.kind === 'endings'
        ? [...c['after-vowel'], ...(c['after-consonant'] ?? []), ...(c['after-drop'] ?? [])]
        : [...c.nouns, ...c.persons, ...c.adjectives, ...(c.plurals ?? [])].flatMap((r) => r.forms);
  const found = new Set<string>();
  for (const text of written)
    for (const ch of text.replace(/\|/gu, ''))
      for (const [script, re] of Object.entries(SCRIPTS)) if (re.test(ch)) found.add(script);
  return [...found];
}

/** Expands `@list` references in an evidence word list. */
export function expandWords(words: unknown, lists: Record<string, string[]>, where: string, errors: string[]) {
  if (words === undefined) return undefined;
  if (!Array.isArray(words)) {
    errors.push(`${where}: expected a list of words`);
    return undefined;
  }
  return words.flatMap((w): string[] => {
    const word = String(w);
    if (!word.startsWith('@')) return [word];
    const list = lists[word.slice(1)];
    if (!list) errors.push(`${where}: unknown word list "${word}"`);
    return list?.map(String) ?? [];
  });
}
