/**
 * Disambiguation beyond `near`, applied to the candidates of one batch of page text (see data/FORMAT.md, "Aliases
 * and rules"): bare surnames need a given name, a title or a full mention and yield to a different given name;
 * `needs` evidence; `not-near` namesakes for the texts around them; `not-after` words; acronyms the page spells out as
 * something else. Every decision that keeps a candidate says why, for the card's "why this matched".
 */
import type { AliasIndex } from '../factbase/types';
import type { AliasEvidence, MatchingRules } from '../factbase/matching-rules';
import { foldAlias, type FoldedCodes } from './fold';
import type { PageContext } from './page-context';
import type { Pattern } from './patterns';
import { caseOfUnit, isSpaceOrNbsp, UPPER } from './char-kinds';
import { NeighbourScreen } from './neighbour-screen';
import { openingQuoteBeforeIn, type QuoteCursor } from './quoted-name';
import { inCitedTitle, publisherInImprint, type CitationCursor } from './citations';
import { dashBeside } from './route-names';
import { parenthesisAfter } from './titles';
import { Seen } from './evidence-seen';
import { inScoreRow } from './score-rows';
import { NamedAfterList } from './named-after';
import { spelledOutAfter, spelledOutFrom, spelledOutIn } from './acronym-expansion';
import { clauseEnd, clauseOrListHeadStart } from './clause';
import { NAME_WORDS_BETWEEN, wordPastLowercaseWord, wordPastNameWords } from './head-after-name';
import { dropInsideLongerNames } from './longer-name';
import {
  Father,
  fatherOf,
  givenNameBeforePatronymic,
  isPatronymic,
  mayBePatronymic,
  patronymicBefore,
  type GivenAndFather,
  type Patronymics,
} from './patronymic';
import { givenNameIsTheirs } from './given-name-alone';
import {
  afterComma,
  femaleSurnameHere,
  isRole,
  joinsAPair,
  wordAfterSurname,
  wordOnLineAfter,
  type WordAfterSurname,
  yearInBracketsAfter,
} from './surname-evidence';
import { namesSomeoneElse } from './given-name';
import { mayBeAdjective, mayStandInLowercase } from './lowercase-text';
import { namesakeHere, PhraseList, type NamesakeWords } from './namesake-phrase';
import { sortNearlySorted } from './sort-nearly-sorted';
import { noteNamed, shortFormOwners, shortFormVouched } from './short-form';
import { namesACompany } from './quoted-kinds';
import {
  findWordIn,
  forgetFoldedWords,
  foldedSlice,
  wordAt,
  wordAfterStart,
  wordBefore,
  wordBeforeStart,
  wordList,
  writtenLowercaseIn,
  type SearchedText,
  type WordBefore,
  type WordList,
} from './words';

export interface RuledCandidate {
  text: number;
  start: number;
  end: number;
  /** Offsets in the text's folded codes. */
  foldedStart: number;
  foldedEnd: number;
  /** Page order: context offset + position in the batch. */
  order: number;
  /** Page place for `near` (set after the rules, see select.ts). */
  place: number;
  pattern: Pattern;
  /** Why it was kept, when a rule decided. */
  why?: string;
  /** Namesakes the page did not tell apart: the other entity indexes it may mean. */
  or?: number[];
  /** Written in lowercase where its alias is capitalised (lowercase-text.ts): it counts only near another name. */
  lowercase: boolean;
  /**
   * Written in lowercase in a stretch typed so, and a country's name that counts there alone (Pattern.lowercaseAlone):
   * it vouches for the other lowercase names near it, as one that needs company does.
   */
  lowercaseAnchor: boolean;
  /**
   * Written in lowercase, bare before a lowercase word, in a language that writes its people's adjective so
   * ("қытай шайы"): it may be the adjective, so it needs another name near and vouches for none.
   */
  lowercaseAdjective: boolean;
  /**
   * A name inside a longer name (longer-name.ts): not marked, but still a name of the region near an ambiguous one
   * ("Georgia" a line before the "Black Sea Trade and Development Bank").
   */
  anchorOnly: boolean;
  /**
   * An acronym's own gloss (`ownGloss`), read before other rules drop names a gloss may run over: the owner it
   * names, -1 for something else, NO_GLOSS for none or not read.
   */
  gloss: number;
}

/** A text of the batch as the rules read it: the original, its folded codes and how far its quotation marks are read. */
export interface BatchText extends SearchedText, QuoteCursor, CitationCursor {}

/** A text of a batch, every field set at once (one shape for the rules that read it). */
export const batchText = (text: string, folded: FoldedCodes): BatchText => ({
  text,
  folded,
  quotesReadTo: 0,
  lastOpeningQuote: -1,
  citedFrom: -2,
  citedTo: -1,
});

/** What the rules need from the index, computed once per matcher. */
export interface RuleTables {
  windows: { near: number; needs: number; notNear: number };
  courtesy: string[];
  /**
   * Per person entity: folded first words of its multi-word names, and their initials. Arrays, not sets: the rules
   * walk them per bare surname, and a set's iterator allocated a result object per word.
   */
  givenNames: Map<number, string[]>;
  initials: Map<number, string[]>;
  titles: Map<number, string[]>;
  /** Per person entity: their father's given name as patronymics spell it, folded, where the data gives it. */
  fathers: Map<number, string[]>;
  /** Per person entity: the years they held the office their titles name. */
  inOffice: Map<number, { from: number; to?: number }>;
  /** Per person entity: the folded surnames its `surname` aliases spell. */
  surnames: Map<number, string[]>;
  /** Per person entity with a surname: the other people of ours who share one (their family, or namesakes). */
  family: Map<number, number[]>;
  /** Aliases that are a person's full name (two words or more, no rule). */
  fullNames: Set<number>;
  /** Folded acronym → entity indexes; and per entity its non-acronym patterns (to recognise a spelled-out form). */
  acronyms: Map<string, number[]>;
  spelledOut: Map<number, Pattern[]>;
  /** Per entity index: 1 when it has a `short-form` alias (short-form.ts). */
  shortFormOwners: Uint8Array;
  /** Evidence word lists, folded and indexed once; `not-before` lists, which read the word after a name. */
  folded: Map<readonly string[], WordList>;
  notBefore: Map<readonly string[], NamedAfterList>;
  /** Words that make a person's or a city's name a thing's (data/languages.yaml `named-after`), folded. */
  namedAfter: {
    after: NamedAfterList;
    before: NamedAfterList;
    placeAfter: NamedAfterList;
    countryAfter: NamedAfterList;
    companyAfter: NamedAfterList;
    /** The heads of the two lists above that may follow one lowercase word of the thing's name (`compound`). */
    placeAfterWord: NamedAfterList;
    countryAfterWord: NamedAfterList;
    /** Words those heads never follow: postpositions, and the joiners of a pair (`pair-joiners`). */
    notBetween: NamedAfterList;
    /** Heads after a region's name only: a district named after it ("Xəzər rayonu"). */
    regionAfter: NamedAfterList;
    /** Heads before a place's or country's name, and the words that join them to it ("University of"). */
    placeBefore: NamedAfterList;
    links: NamedAfterList;
    /** Words after a dash-joined chain of names that make it a route's name (see `insideRoute`). */
    routeAfter: NamedAfterList;
    /** Words right before such a chain, where Russian puts a route's head ("поезд Ташкент — Бишкек"). */
    routeBefore: NamedAfterList;
    /** Words before a quoted title: a film's, book's, song's or podcast's (драма «Баку, я люблю тебя»). */
    titleBefore: NamedAfterList;
    /** The same after it, as the Turkic languages write them ("Şuşa" filmi). */
    titleAfter: NamedAfterList;
    /** Words after a given name that say someone is called so (есімді, ismli: "a boy called Nursultan"). */
    called: NamedAfterList;
    /** Folded endings after which a place's name is a thing's modifier (see `standsAsModifier`). */
    modifierEndings: string[];
    /** The Turkic genitive before an institution's name, and its heads (things-named-after.ts `inGenitiveOfAName`). */
    genitiveEndings: string[];
    genitiveHeads: NamedAfterList;
  };
  /** The words of a thing's kind before or after its quoted name (гостиница «…», «…» ԱՁ; quoted-kinds.ts). */
  quotedKinds: { before: NamedAfterList; after: NamedAfterList; legalForms: NamedAfterList };
  /** Common given names of the region's languages, folded, and as a list that reads the word before a name. */
  commonGivenNames: Set<string>;
  /** Names of ours that are common words typed in lowercase (data/languages.yaml `lowercase-words`), folded. */
  lowercaseWords: Set<string>;
  /** Endings that form a country's name from its people's (`land-suffixes`: -stan, -ston), folded. */
  landSuffixes: string[];
  /**
   * Every one-word name of ours, folded: a listed given name that is one (Erdoğan, Xəzər) after a surname is a name
   * of its own ("Tokayev Erdoğan ile", "Görüşdə Əliyev Xəzər dənizi…"), not the surname's given name.
   */
  oneWordNames: Set<string>;
  /** Roles no person of ours is known by (a judge, a coach, a witness), folded: see surname-evidence.ts. */
  otherRoles: string[];
  /** Words after a surname that make it a family's name, and the joiners of a pair of names, folded. */
  familyAfter: string[];
  pairJoiners: Set<string>;
  /** How a full name written surname first gives its patronymic (see patronymic.ts). */
  patronymics: Patronymics;
  /** What, in a person's name's own phrase, says the page names someone else (see namesake-phrase.ts). */
  namesakes: NamesakeWords;
  givenNameWords: NamedAfterList;
  /**
   * Words that join no longer name to a name beside them: courtesy words, titles, a state's words (see longer-name.ts).
   */
  longerNameStops: NamedAfterList;
  /** Names of ours by their own first word, folded: a word that starts with one may be one in another form. */
  aliasFirstWords: Set<string>;
  /** The words next to a name that the lists above may start (see `mayNameSomeoneElse`). */
  screen: NeighbourScreen;
  /** The screen's bits of the heads before a place's name and of the links that may stand between. */
  headsBefore: number;
  links: number;
}

/** How many texts (blocks) either side a namesake's context reaches: a headline, its byline, the first paragraph. */
const NAMESAKE_TEXTS = 2;

const isAllCaps = (text: string) => /^[\p{Lu}\p{N}]{2,}$/u.test(text.replace(/[\s.\-&]/gu, ''));

export function buildRuleTables(index: AliasIndex, patterns: readonly Pattern[], rules?: MatchingRules): RuleTables {
  const named = rules?.namedAfter;
  const screen = new NeighbourScreen();
  // What namesSomeoneElse (given-name.ts) reads next to each kind of name: a rule that reads another list there
  // declares it here, or the screen turns its candidates away unread (tests/unit/matcher-screen.test.ts checks). What
  // else keeps a new rule off the page's hot path: README.md here.
  // The heads before a place's or country's name, and apart from them the links ("of") that may stand between (see
  // `headBefore`): "of" comes before half the country names of an English page, and only a head before it counts.
  const headsBefore = screen.listen(named?.['place-before'] ?? []);
  const links = screen.listen(named?.links ?? []);
  const compoundLanguages = new Set(named?.['compound-languages'] ?? []);
  const reads = {
    person: { next: screen.listen(named?.after ?? []), previous: screen.listen(named?.before ?? []) },
    place: { next: screen.listen(named?.['place-after'] ?? []), previous: headsBefore },
    country: { next: screen.listen(named?.['country-after'] ?? []), previous: headsBefore },
    company: { next: screen.listen(named?.['company-after'] ?? []), previous: 0 },
    region: screen.listen(named?.['region-after'] ?? []),
    givenName: screen.listen(rules?.givenNames ?? []),
  };
  const called = new NamedAfterList(rules?.namedAfter?.called);
  const otherRoles = (rules?.otherRoles ?? []).map(foldAlias);
  const patronymics = {
    endings: (rules?.patronymics?.endings ?? []).map(foldAlias),
    words: new Set((rules?.patronymics?.words ?? []).map(foldAlias)),
  };
  const t: RuleTables = {
    windows: {
      near: rules?.windows.near ?? 400,
      needs: rules?.windows.needs ?? 200,
      notNear: rules?.windows['not-near'] ?? 40,
    },
    courtesy: (rules?.courtesy ?? []).map(foldAlias),
    givenNames: new Map(),
    initials: new Map(),
    titles: new Map(),
    fathers: new Map(),
    inOffice: new Map(),
    surnames: new Map(),
    family: new Map(),
    fullNames: new Set(),
    acronyms: new Map(),
    spelledOut: new Map(),
    shortFormOwners: new Uint8Array(0),
    folded: new Map(),
    notBefore: new Map(),
    namedAfter: {
      after: new NamedAfterList(rules?.namedAfter?.after),
      before: new NamedAfterList(rules?.namedAfter?.before),
      placeAfter: new NamedAfterList(rules?.namedAfter?.['place-after']),
      countryAfter: new NamedAfterList(rules?.namedAfter?.['country-after']),
      companyAfter: new NamedAfterList(rules?.namedAfter?.['company-after']),
      placeAfterWord: new NamedAfterList(rules?.namedAfter?.['place-after-word']),
      countryAfterWord: new NamedAfterList(rules?.namedAfter?.['country-after-word']),
      notBetween: new NamedAfterList([...(rules?.namedAfter?.['not-between'] ?? []), ...(rules?.pairJoiners ?? [])]),
      regionAfter: new NamedAfterList(rules?.namedAfter?.['region-after']),
      placeBefore: new NamedAfterList(rules?.namedAfter?.['place-before']),
      links: new NamedAfterList(rules?.namedAfter?.links),
      routeAfter: new NamedAfterList(rules?.namedAfter?.['route-after']),
      routeBefore: new NamedAfterList(rules?.namedAfter?.['route-before']),
      titleBefore: new NamedAfterList(rules?.namedAfter?.['title-before']),
      titleAfter: new NamedAfterList(rules?.namedAfter?.['title-after']),
      called,
      modifierEndings: (rules?.namedAfter?.['modifier-endings'] ?? []).map(foldAlias),
      genitiveEndings: (rules?.namedAfter?.['genitive-endings'] ?? []).map(foldAlias),
      genitiveHeads: new NamedAfterList(rules?.namedAfter?.['genitive-heads']),
    },
    quotedKinds: {
      before: new NamedAfterList(rules?.quotedKinds?.before),
      after: new NamedAfterList(rules?.quotedKinds?.after),
      legalForms: new NamedAfterList(rules?.quotedKinds?.legalForms),
    },
    commonGivenNames: new Set((rules?.givenNames ?? []).map(foldAlias)),
    lowercaseWords: new Set((rules?.lowercaseWords ?? []).map(foldAlias)),
    landSuffixes: (rules?.landSuffixes ?? []).map(foldAlias),
    oneWordNames: new Set(),
    otherRoles,
    familyAfter: (rules?.familyAfter ?? []).map(foldAlias),
    pairJoiners: new Set((rules?.pairJoiners ?? []).map(foldAlias)),
    patronymics,
    namesakes: {
      after: new PhraseList(rules?.namesakes?.after),
      before: new PhraseList(rules?.namesakes?.before),
      confused: new PhraseList(rules?.namesakes?.confused),
      called,
      otherRoles,
      roleStarts: new NamedAfterList(rules?.otherRoles),
      patronymics,
    },
    givenNameWords: new NamedAfterList(rules?.givenNames),
    // In lowercase, as they count in any case ("Turkiya Vitse-prezidenti", "Туркия Ташқи ишлар вазири").
    longerNameStops: new NamedAfterList(
      [
        ...(rules?.courtesy ?? []),
        ...new Set(Object.values(rules?.titles ?? {}).flat()),
        ...(rules?.namedAfter?.['longer-name-keeps'] ?? []),
      ].map((w) => w.toLowerCase()),
    ),
    aliasFirstWords: aliasFirstWords(index),
    screen,
    headsBefore,
    links,
  };
  const add = (map: Map<number, string[]>, key: number, value: string) => {
    let list = map.get(key);
    if (!list) map.set(key, (list = []));
    if (!list.includes(value)) list.push(value);
  };
  for (const p of patterns) {
    if (p.evidence) p.evidence = evidenceOfOneShape(p.evidence);
    const [text, entity] = index.aliases[p.alias]!;
    const type = index.entities[entity]?.[2];
    const isPerson = type === 'person';
    p.eponym = eponymOf(type);
    p.idea = type === 'idea';
    p.region = type === 'region';
    p.routeEnd = type === 'port' && !text.trim().includes(' ');
    p.compound =
      (p.eponym === 'place' || p.eponym === 'country') && inCompoundLanguage(rules, p.alias, compoundLanguages);
    p.surnameToo = mayBeSurname(text, type, p);
    p.nextWords = (p.eponym ? reads[p.eponym].next : 0) | (p.region ? reads.region : 0);
    p.previousWords = (p.eponym ? reads[p.eponym].previous : 0) | (p.surnameToo ? reads.givenName : 0);
    if (isPerson && p.evidence?.surname) add(t.surnames, entity, p.key);
    if (isPerson && !p.evidence && !p.near) {
      const words = text.trim().split(/[\s]+/u);
      if (words.length >= 2) {
        t.fullNames.add(p.alias);
        for (const word of givenWords(words, patronymics))
          add(t.givenNames, entity, foldAlias(word.replace(/\.$/u, '')));
        add(t.initials, entity, foldAlias(words[0]!).charAt(0));
      }
    }
    if (p.caseRule.kind === 'exact' && isAllCaps(text)) {
      const list = t.acronyms.get(p.key) ?? [];
      if (!list.includes(entity)) list.push(entity);
      t.acronyms.set(p.key, list);
    } else {
      const list = t.spelledOut.get(entity) ?? [];
      list.push(p);
      t.spelledOut.set(entity, list);
    }
  }
  t.shortFormOwners = shortFormOwners(index, patterns);
  for (const [e, titles] of Object.entries(rules?.titles ?? {})) t.titles.set(Number(e), titles.map(foldAlias));
  for (const [e, years] of Object.entries(rules?.inOffice ?? {})) t.inOffice.set(Number(e), years);
  for (const [e, names] of Object.entries(rules?.fathers ?? {})) t.fathers.set(Number(e), names.map(foldAlias));
  for (const [e, keys] of t.surnames)
    for (const [other, otherKeys] of t.surnames)
      if (other !== e && keys.some((k) => otherKeys.includes(k))) t.family.set(e, [...(t.family.get(e) ?? []), other]);
  const namesakeKeys = new Set<string>();
  for (const p of patterns) if (p.evidence?.notNear) namesakeKeys.add(p.key);
  for (const p of patterns) {
    p.fullName = t.fullNames.has(p.alias);
    if (!p.key.includes(' ')) t.oneWordNames.add(p.key);
    p.acronym = t.acronyms.has(p.key);
    // A city's or a country's name may stand in a quoted name; an acronym in quotation marks ("BTC") is still that.
    // Not an idea's (Turan) alone in quotation marks, which may be the idea itself: only with a kind's word beside
    // it (quoted-kinds.ts).
    p.quoted = (p.eponym === 'place' || p.eponym === 'country') && !p.acronym && !p.idea;
    // Any name may stand in a work's title ("Şuşa" filmi, Middle Corridor (film)); an acronym is still that acronym.
    p.titled = !p.acronym;
    p.kindQuoted = !p.acronym && !OWN_KINDS.has(index.entities[p.entity]?.[2]);
    p.companyToo = p.acronym && !LEGAL_KINDS.has(index.entities[p.entity]?.[2]);
    // Nur-Sultan written solid is the given name Nursultan.
    p.givenNameToo = p.eponym !== null && p.eponym !== 'person' && t.commonGivenNames.has(p.key.replace(/ /g, ''));
    p.namesakeKey = namesakeKeys.has(p.key);
    p.lowercaseAlone =
      p.eponym === 'country' &&
      !p.near &&
      !p.ruled &&
      !p.acronym &&
      !p.givenNameToo &&
      mayStandInLowercase(p.key, rules?.aliasLangs[p.alias] ?? '');
    p.lowercaseWord = t.lowercaseWords.has(p.key);
    p.lowercaseCountry =
      p.eponym === 'country' &&
      !p.near &&
      !p.ruled &&
      !p.acronym &&
      !p.givenNameToo &&
      !p.lowercaseWord &&
      !p.key.includes(' ');
    // A name formed with "land of" (Özbekistan, Qazaqstan) is never its people's adjective: that is its stem (özbek).
    p.adjectiveToo =
      (p.lowercaseAlone || (p.eponym === 'country' && mayBeAdjective(rules?.aliasLangs[p.alias] ?? ''))) &&
      !namesLand(p.key, t.landSuffixes);
  }
  return t;
}

/** Whether a one-word folded name ends in one of `suffixes` after a stem of its own ("ozbekistan", not "stan"). */
function namesLand(key: string, suffixes: readonly string[]): boolean {
  if (key.includes(' ')) return false;
  for (const suffix of suffixes) if (key.length > suffix.length + 1 && key.endsWith(suffix)) return true;
  return false;
}

/**
 * The given-name words of a full name: all but the surname, and none from its patronymic on ("İlham Heydər oğlu
 * Əliyev" gives İlham, not Heydər, his father's name).
 */
function givenWords(words: readonly string[], p: Patronymics): string[] {
  const last = words.length - 1;
  for (let i = 1; i < last; i++) {
    const folded = foldAlias(words[i]!);
    if (isPatronymic(p, folded)) return words.slice(0, i);
    if (p.words.has(folded)) return words.slice(0, Math.max(i - 1, 1));
  }
  return words.slice(0, last);
}

/**
 * Whether an alias is labelled in one of the `compound-languages` and not in Russian: a Russian sentence puts a verb
 * and a noun after its subject ("Ташкент примет форумы", "Баку помог фонду"), and its plurals and datives are some of
 * those languages' heads (Kazakh "форумы", Kyrgyz "фонду"), so a name Russian shares (Баку, Ташкент) is left out.
 */
function inCompoundLanguage(rules: MatchingRules | undefined, alias: number, compound: ReadonlySet<string>): boolean {
  const langs = (rules?.aliasLangs[alias] ?? '').split(' ');
  return !langs.includes('ru') && langs.some((lang) => compound.has(lang));
}

/**
 * Every one-word alias, and the first word of every alias whose next word is in lowercase (a proper name before a
 * common noun: "Kaspi teñızı"), folded; not the first word of a name of capitalised words ("Kuzey Kıbrıs Türk
 * Cumhuriyeti", "Trade Facilitation Strategy"), which is often a common word.
 */
function aliasFirstWords(index: AliasIndex): Set<string> {
  const words = new Set<string>();
  for (const [text] of index.aliases) {
    const parts = text.trim().split(/\s+/u);
    if (parts.length === 1 || !CAPITAL_START.test(parts[1]!)) words.add(foldAlias(parts[0]!));
  }
  return words;
}
const CAPITAL_START = /^\p{Lu}/u;

/**
 * The evidence as an object with every field, present or not: the data's objects each have the fields they use, and
 * the rules, which read them for every candidate, slowed on so many shapes of object.
 */
const evidenceOfOneShape = (ev: AliasEvidence): AliasEvidence => ({
  surname: ev.surname,
  shortForm: ev.shortForm,
  givenName: ev.givenName,
  needs: ev.needs,
  needsIn: ev.needsIn,
  notNear: ev.notNear,
  notAfter: ev.notAfter,
  notBefore: ev.notBefore,
  morph: ev.morph,
});

/**
 * Which evidence namesSomeoneElse (given-name.ts) may find `c` someone else's by (`Seen`; none: it is not). It reads
 * the word right after the name, the word right before it, an opening quotation mark a little before it and a few
 * code units beside it; most names have none of the words its lists start next to them, nor a mark, and are then not
 * read at all. Each test runs once here, and the rule reads only what was seen.
 */
export function mayNameSomeoneElse(t: RuleTables, b: BatchText, c: RuledCandidate): number {
  const p = c.pattern;
  const { text } = b;
  let seen = Seen.None;
  if (p.nextWords !== 0) {
    if ((t.screen.at(text, wordAfterStart(text, c.end)) & p.nextWords) !== 0) seen = Seen.WordAfter;
    else if (p.eponym !== 'company') {
      // Or past a word or two of a thing's own name ("Baku Crystal Hall"): read only after a capitalised word or a year.
      for (let words = 1; words <= NAME_WORDS_BETWEEN; words++) {
        const at = wordPastNameWords(text, c.end, words);
        if (at < 0) break;
        if ((t.screen.at(text, at) & p.nextWords) !== 0) {
          seen = Seen.WordAfter;
          break;
        }
      }
    }
  }
  // Or past one lowercase word of the thing's name ("Тошкент трактор заводи"): read only in the languages that write
  // a name so. Those heads are words of the place's and the country's lists, so their bits are in `nextWords`.
  // Only a name as written or in a modifier's ending, which is short (Armenian and Georgian genitive): an inflected
  // name ("Тошкентда", "Samarqandning") plays its own part in the sentence, and most names of those pages are.
  if (
    p.compound &&
    seen === Seen.None &&
    c.end - c.start <= p.text.length + MODIFIER_ENDING_UNITS &&
    (t.screen.at(text, wordPastLowercaseWord(text, c.end)) & p.nextWords) !== 0
  )
    seen = Seen.WordAfter;
  if (p.previousWords !== 0) {
    const before = wordBeforeStart(text, c.start);
    const words = t.screen.at(text, before);
    if ((words & p.previousWords) !== 0) seen |= Seen.WordBefore;
    // A link ("University of Baku") counts only with a head before it, the word that `headBefore` reads next.
    else if ((words & t.links) !== 0 && (p.previousWords & t.headsBefore) !== 0) {
      if ((t.screen.at(text, wordBeforeStart(text, before)) & t.headsBefore) !== 0) seen |= Seen.WordBefore;
    }
  }
  // A place's name beside a dash may be one end of a route's name (route-names.ts), and one beside a score a club's
  // (score-rows.ts): each walk stops at the first lowercase word.
  if (p.eponym === 'place') {
    if (dashBeside(text, c.start, c.end)) seen |= Seen.Dash;
    if (inScoreRow(text, c.start, c.end)) seen |= Seen.ScoreRow;
  } else if (p.routeEnd && dashBeside(text, c.start, c.end)) seen |= Seen.Dash;
  // A quoted name (a city's, a country's) or a quoted work's title: names that may stand in one (`quoted` is `titled`).
  if (p.titled) {
    if (openingQuoteBeforeIn(b, c.start)) seen |= Seen.Quote;
    if (parenthesisAfter(text, c.end)) seen |= Seen.Parenthesis;
  }
  // A cited work's title or publisher (citations.ts): the text's entry is read once, at its first name.
  if (inCitedTitle(b, c.start, c.end) || publisherInImprint(text, c.start, c.end)) seen |= Seen.Cited;
  // A name that is also a given name (Nursultan): a few aliases, read wherever they stand.
  if (p.givenNameToo) seen |= Seen.GivenName;
  return seen;
}

/** How many code units longer than its alias a name in a modifier's ending may be (Georgian -ის, Armenian -յի). */
const MODIFIER_ENDING_UNITS = 3;

/**
 * How a name may name a thing named after it (see `namesAThing`): a person's, a place's (a city, a region, a sea), a
 * country's, or a company's (its stadium: «Газпром Арена»), which a pipeline's reads as (the oil grade it carries:
 * "CPC Blend"). An idea's name (Turan, Heartland) is a place's here: banks, universities, clubs and districts are
 * named after it as after a land ("Turan Bank", "Tūran universitetı", "Turan Mahallesi", "Heartland Institute").
 */
function eponymOf(type: string | undefined): Pattern['eponym'] {
  if (type === 'person' || type === 'country' || type === 'company') return type;
  if (type === 'pipeline') return 'company';
  return type === 'place' || type === 'region' || type === 'idea' ? 'place' : null;
}

/**
 * Entity types whose own names stand in quotation marks beside their kind's word (компания «Газпром», АО «Каспийский
 * трубопроводный консорциум»: a pipeline's name is its consortium's).
 */
const OWN_KINDS: ReadonlySet<string | undefined> = new Set(['company', 'organization', 'pipeline']);

/** Entity types that have a legal form of their own (АО «КТК», the pipeline's consortium): see `companyToo`. */
const LEGAL_KINDS: ReadonlySet<string | undefined> = new Set(['company', 'pipeline']);

/**
 * Entity types whose names a person does not carry, or a person goes to: a place's name after a given name is
 * someone in that place ("Leyla Bakıya gəldi", "Erdoğan Bakü'de"), not a namesake.
 */
const NOT_SURNAMES: ReadonlySet<string | undefined> = new Set([
  'place',
  'country',
  'region',
  'port',
  'gas-field',
  'pipeline',
  'railway',
  'corridor',
]);
const ONE_CAPITALISED_WORD = /^\p{Lu}[\p{L}\p{M}'’-]*$/u;

/**
 * Whether an alias, one capitalised word of a thing, an idea or a person (not their `surname` alias, which has rules
 * of its own), may also be someone's surname (Turan, Bayraktar, Akar, Gülen): checked for a given name right before.
 * A person's one word with no rule at all is a reader's own name known by that word only, marked wherever it stands.
 */
function mayBeSurname(text: string, type: string | undefined, p: Pattern): boolean {
  return (
    !NOT_SURNAMES.has(type) &&
    !p.evidence?.surname &&
    (type !== 'person' || p.near || p.evidence !== null) &&
    ONE_CAPITALISED_WORD.test(text.trim()) &&
    !(p.caseRule.kind === 'exact' && isAllCaps(text))
  );
}

function foldedWords(t: RuleTables, words: readonly string[]): WordList {
  let f = t.folded.get(words);
  if (!f) t.folded.set(words, (f = wordList(words.map(foldAlias))));
  return f;
}

function notBefore(t: RuleTables, words: readonly string[]): NamedAfterList {
  let list = t.notBefore.get(words);
  if (!list) t.notBefore.set(words, (list = new NamedAfterList(words)));
  return list;
}

/** Whether one of `words` is within `window` folded characters of the candidate (outside it). */
function wordNear(t: RuleTables, b: BatchText, c: RuledCandidate, words: readonly string[], window: number) {
  const from = c.foldedStart - window;
  const found = findWordIn(b, from, c.foldedEnd + window, foldedWords(t, words), c.foldedStart, c.foldedEnd);
  // The word as the page writes it ("drones", "Baykar'ın"), for the card; the list's word if it cannot be read.
  return found ? wordAt(b.text, b.folded.map[found.at]!) || found.word : null;
}

/**
 * Whether one of `words` is in the candidate's own clause (see clause.ts), or the head of the list after a colon it
 * stands in, within `window` characters of it: a port's word must speak of the town named here, not of a place a
 * sentence away.
 */
function wordInClause(t: RuleTables, b: BatchText, c: RuledCandidate, words: readonly string[], window: number) {
  const { text, folded } = b;
  const from = foldedIndexOf(folded, clauseOrListHeadStart(text, c.start, window));
  const to = foldedIndexOf(folded, clauseEnd(text, c.end, window));
  const found = findWordIn(b, from, to, foldedWords(t, words), c.foldedStart, c.foldedEnd);
  return found ? wordAt(text, folded.map[found.at]!) || found.word : null;
}

/** The first folded position at or after original offset `at` (the map ascends). */
function foldedIndexOf(folded: FoldedCodes, at: number): number {
  let lo = 0;
  let hi = folded.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (folded.map[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const ACRONYM_IN_PARENS = /\(\s*([\p{Lu}][\p{Lu}\p{N}]{1,9})\s*\)/uy;
const SPACE_AFTER_PAREN = /^\s$/u;
const AS_WRITTEN: ReadonlySet<string> = new Set(['']);
const QUOTATION_MARKS = /[«»"“”„]/gu;
/** How far around an acronym a spelling-out without brackets is looked for: about two sentences. */
const SPELLED_OUT_REACH = 160;
const SPELLED_OUT_READS = 3;

/**
 * Whether `before` ends with a space and a form of `p` (its text and one of its endings) longer than `shorter`
 * characters. Reads each place the text occurs, not every form: a name has up to a hundred endings.
 */
function endsWithFormOf(before: string, p: Pattern, shorter: number): boolean {
  const { text } = p;
  for (let at = before.lastIndexOf(text); at > 0; at = before.lastIndexOf(text, at - 1)) {
    if (before.charCodeAt(at - 1) !== 0x20 || before.length - at <= shorter) continue;
    if ((p.endings?.set ?? AS_WRITTEN).has(before.slice(at + text.length))) return true;
  }
  return false;
}

/**
 * "(CPC)" after a spelled-out name: the acronym means that name on this page, an entity of ours or not, from the
 * first such gloss on; a mention glossed otherwise follows its own gloss (`ownGloss`), and the mentions after it that.
 */
function learnAcronyms(
  t: RuleTables,
  texts: readonly BatchText[],
  candidates: readonly RuledCandidate[],
  ctx: PageContext,
) {
  if (t.acronyms.size === 0) return;
  for (let i = 0; i < texts.length; i++) {
    const b = texts[i]!;
    const { text } = b;
    // From each "(" only: a regular expression over the whole text would cost as much as the scan of it.
    for (let at = text.indexOf('('); at >= 0; at = text.indexOf('(', at + 1)) {
      // Most parentheses hold a year or a lowercase word: only a capital or a space after "(" can start an acronym.
      const next = text.charCodeAt(at + 1);
      if (caseOfUnit(next) !== UPPER && !SPACE_AFTER_PAREN.test(text.charAt(at + 1))) continue;
      ACRONYM_IN_PARENS.lastIndex = at;
      const m = ACRONYM_IN_PARENS.exec(text);
      if (!m) continue;
      const key = foldAlias(m[1]!);
      const owners = t.acronyms.get(key);
      if (!owners || ctx.acronyms.has(key)) continue;
      const meaning = spelledBeforeParen(t, b, i, m.index!, m[1]!, owners, candidates);
      if (meaning !== undefined) ctx.acronyms.set(key, meaning);
    }
  }
  learnAcronymsSpelledElsewhere(t, texts, candidates, ctx);
}

/**
 * What the words before "(ACRONYM)" (the bracket at `paren` of the batch's `textIndex`th text) spell the acronym out
 * as: one of its `owners` where the words end with a form of one of the owner's names, or a name of ours runs over
 * the words that spell it out ("Rusiya Federasiyası (RF)" with "Rusiya" ours); -1 where they spell it out as
 * something else; undefined where they do not spell it out. Read only at a bracket that holds an acronym of ours.
 */
function spelledBeforeParen(
  t: RuleTables,
  b: BatchText,
  textIndex: number,
  paren: number,
  acronym: string,
  owners: readonly number[],
  candidates: readonly RuledCandidate[],
): number | undefined {
  const foldedAt = foldedIndexOf(b.folded, paren);
  // Quotation marks around the expansion are not part of it: «QazMūnaiGaz» (QMG) is spelled out as ours.
  const before = ` ${foldedSlice(b, Math.max(0, foldedAt - 120), foldedAt)
    .replace(QUOTATION_MARKS, ' ')
    .trimEnd()}`;
  const key = foldAlias(acronym);
  for (const e of owners) if ((t.spelledOut.get(e) ?? []).some((p) => endsWithFormOf(before, p, key.length))) return e;
  const from = spelledOutFrom(acronym, b.text, paren);
  return from >= 0 ? ownerSpelledOut(candidates, textIndex, from, paren, owners) : undefined;
}

/** The own gloss of each mention of an acronym the page spells out (see `ownGloss`), into its `gloss`. */
function readOwnGlosses(
  t: RuleTables,
  texts: readonly BatchText[],
  candidates: readonly RuledCandidate[],
  ctx: PageContext,
) {
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    if (!c.pattern.acronym || !ctx.acronyms.has(c.pattern.key)) continue;
    c.gloss = ownGloss(t, texts[c.text]!, candidates, c) ?? NO_GLOSS;
  }
}
export const NO_GLOSS = -2;

/**
 * What a mention's own gloss says the acronym at `c` means, where it has one: the words before it when it stands in
 * brackets after them ("Bitcoin (BTC)"), or a gloss right after it ("BTC (Bakü-Tiflis-Ceyhan)", "NATO (network
 * access terminal online)"). An owner, -1 for something else, undefined for no gloss. A page may use one acronym in
 * two meanings and gloss each where it stands; each glossed mention follows its own. Reads a few units beside the
 * acronym first: most mentions stand in no brackets and go on with a word.
 */
function ownGloss(
  t: RuleTables,
  b: BatchText,
  candidates: readonly RuledCandidate[],
  c: RuledCandidate,
): number | undefined {
  const { text } = b;
  const owners = t.acronyms.get(c.pattern.key)!;
  let open = c.start;
  while (open > 0 && isSpaceOrNbsp(text.charCodeAt(open - 1))) open--;
  if (text.charCodeAt(open - 1) === OPEN_PAREN) {
    let close = c.end;
    while (close < text.length && isSpaceOrNbsp(text.charCodeAt(close))) close++;
    if (text.charCodeAt(close) === CLOSE_PAREN)
      return spelledBeforeParen(t, b, c.text, open - 1, text.slice(c.start, c.end), owners, candidates);
  }
  const run = spelledOutAfter(writtenAcronym(text, c), text, c.end);
  if (run !== null) return ownerSpelledOut(candidates, c.text, run[0], run[1], owners);
  return nameInBracketsAfter(text, candidates, c, owners);
}

/**
 * The owner whose own name, in any language, fills the brackets right after the acronym at `c`, or undefined: "NATO
 * (Kuzey Atlantik Antlaşması Örgütü)" glosses NATO as ours though its words do not give the letters. A loop, no
 * closure; read only for an acronym followed by a bracket.
 */
function nameInBracketsAfter(
  text: string,
  candidates: readonly RuledCandidate[],
  c: RuledCandidate,
  owners: readonly number[],
): number | undefined {
  let open = c.end;
  while (open < text.length && isSpaceOrNbsp(text.charCodeAt(open))) open++;
  if (text.charCodeAt(open) !== OPEN_PAREN) return undefined;
  let from = open + 1;
  while (from < text.length && isSpaceOrNbsp(text.charCodeAt(from))) from++;
  for (let i = 0; i < candidates.length; i++) {
    const o = candidates[i]!;
    if (o.text !== c.text || o.start !== from || o.pattern.acronym || !owners.includes(o.pattern.entity)) continue;
    let close = o.end;
    while (close < text.length && isSpaceOrNbsp(text.charCodeAt(close))) close++;
    if (text.charCodeAt(close) === CLOSE_PAREN) return o.pattern.entity;
  }
  return undefined;
}
/**
 * The acronym at `c` as the page writes it, without an ending: its letters as a gloss gives them, which the fold may
 * have merged (Uzbek Ҳ and Х, Kazakh Ұ and У).
 */
const writtenAcronym = (text: string, c: RuledCandidate) => text.slice(c.start, c.start + c.pattern.key.length);
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;

/**
 * An acronym of ours the page glosses right after it, "IMU (inertial measurement unit)", "ТАП — технический анализ
 * производства" (`spelledOutAfter`), or spells out near it without brackets: "ACG" (Associated Contractors Group, …),
 * SCP stands for "Smart City Platform". The spelled-out words mean ours when a name of the acronym's entity covers them,
 * and something else otherwise. Only the text around an acronym is read (SPELLED_OUT_REACH each way), at its first
 * SPELLED_OUT_READS mentions on the page: a page says what an acronym means where it first uses it, and reading
 * every mention cost a fifth of a find on pages full of acronyms.
 */
function learnAcronymsSpelledElsewhere(
  t: RuleTables,
  texts: readonly BatchText[],
  candidates: readonly RuledCandidate[],
  ctx: PageContext,
) {
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    const key = c.pattern.key;
    if (!c.pattern.acronym || ctx.acronyms.has(key)) continue;
    const count = ctx.acronymReads.get(key) ?? 0;
    if (count === SPELLED_OUT_READS) continue;
    ctx.acronymReads.set(key, count + 1);
    const text = texts[c.text]!.text;
    const from = Math.max(0, c.start - SPELLED_OUT_REACH);
    const written = writtenAcronym(text, c);
    const run =
      spelledOutAfter(written, text, c.end) ??
      spelledOutIn(written, text, from, Math.min(text.length, c.end + SPELLED_OUT_REACH));
    if (run === null) continue;
    const [start, end] = run;
    const ours = ownerSpelledOut(candidates, c.text, start, end, t.acronyms.get(key)!);
    ctx.acronyms.set(key, ours);
  }
}

/**
 * The owner of the acronym (among `owners`) that a name of ours overlapping text[start, end) of the batch's `text`th
 * text names, or -1. A loop, not `Array.find` with a closure: that allocated some 80 KB a find of the eval pages.
 */
function ownerSpelledOut(
  candidates: readonly RuledCandidate[],
  text: number,
  start: number,
  end: number,
  owners: readonly number[],
): number {
  for (let i = 0; i < candidates.length; i++) {
    const o = candidates[i]!;
    if (o.text === text && o.start < end && o.end > start && !o.pattern.acronym && owners.includes(o.pattern.entity))
      return o.pattern.entity;
  }
  return -1;
}

/** The names of a batch inside a longer name, kept aside as anchors for `near` (reused from batch to batch). */
const insideLonger: RuledCandidate[] = [];

/** Keeps the candidates the rules allow (all others pass untouched), in place of the array given. */
export function applyRules(
  t: RuleTables,
  texts: readonly BatchText[],
  candidates: RuledCandidate[],
  ctx: PageContext,
): RuledCandidate[] {
  try {
    insideLonger.length = 0;
    namesakeSpan.text = -1;
    const kept = rulesOfBatch(t, texts, candidates, ctx);
    for (let i = 0; i < insideLonger.length; i++) {
      insideLonger[i]!.anchorOnly = true;
      kept.push(insideLonger[i]!);
    }
    return kept;
  } finally {
    forgetFoldedWords();
  }
}

function rulesOfBatch(
  t: RuleTables,
  texts: readonly BatchText[],
  candidates: RuledCandidate[],
  ctx: PageContext,
): RuledCandidate[] {
  learnAcronyms(t, texts, candidates, ctx);
  if (ctx.acronyms.size > 0) readOwnGlosses(t, texts, candidates, ctx);
  dropInsideLongerNames(t, texts, candidates, insideLonger);
  const spelled = ctx.acronyms.size > 0;
  let ruled = false;
  let surnames = false;
  let eponyms = false;
  // Index loops over the candidates: Node's engine allocated an iterator result per step of a for-of here.
  const owners = t.shortFormOwners;
  for (let i = 0; i < candidates.length; i++) {
    const p = candidates[i]!.pattern;
    noteNamed(owners, p, candidates[i]!.lowercase, ctx);
    if (p.ruled || (spelled && p.acronym && ctx.acronyms.has(p.key))) ruled = true;
    else if (!ruled && p.companyToo && namesACompany(t, texts[candidates[i]!.text]!, candidates[i]!)) ruled = true;
    if (p.evidence?.surname || p.evidence?.givenName) surnames = true;
    if (p.eponym || p.surnameToo || p.titled) eponyms = true;
  }
  if (!ruled) {
    if (eponyms) dropThingsNamedAfter(t, texts, candidates);
    let kept = 0;
    for (let i = 0; i < candidates.length; i++) {
      const c = candidates[i]!;
      if (c.pattern.fullName && !keepFullName(t, texts[c.text]!, c, ctx, UNREAD)) continue;
      candidates[kept++] = c;
    }
    candidates.length = kept;
    return candidates;
  }
  // Page order matters to surnames only (who was named last); the scan gives hits by start, then by end.
  if (surnames) sortNearlySorted(candidates, byPageOrder);
  // Namesakes first: "Qarabağ FK" in the first paragraph means the headline's Qarabağ too, and the next items of a
  // list; a sidebar further away may still mean the region.
  const namesakes = new Map<string, number[]>();
  const namedInFull = new Set<number>();
  if (fullNameRead.length < candidates.length)
    fullNameRead = new Uint8Array(Math.max(candidates.length, 2 * fullNameRead.length));
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    const notNear = c.pattern.evidence?.notNear;
    if (notNear && wordNear(t, texts[c.text]!, c, notNear, t.windows.notNear)) {
      const list = namesakes.get(c.pattern.key);
      if (list) list.push(c.text);
      else namesakes.set(c.pattern.key, [c.text]);
    }
    fullNameRead[i] = UNREAD;
    if (!c.pattern.fullName) continue;
    // Read only where a bare surname may ask who the batch names in full; kept for `keepFullName` below.
    if (surnames) fullNameRead[i] = namesakeInFull(t, texts[c.text]!, c) ? A_NAMESAKE : THEIRS;
    if (fullNameRead[i] !== A_NAMESAKE) namedInFull.add(c.pattern.entity);
  }
  const kept: RuledCandidate[] = [];
  // The end of the last full name seen in the current text: a surname inside "Recep Tayyip Erdoğan" is not a mention.
  let coverText = -1;
  let coverEnd = -1;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    const p = c.pattern;
    const ev = p.evidence;
    if (!ev) {
      if (c.text !== coverText || c.end > coverEnd) {
        coverText = c.text;
        coverEnd = c.end;
      }
    } else if ((ev.surname || ev.givenName) && c.text === coverText && c.end <= coverEnd) continue;
    // A namesake's context yields to the person's own title right before a bare surname: "Cumhurbaşkanı Aliyev de
    // tribündeydi" is the president at a match, where another Aliyev scored.
    if (p.namesakeKey && isNamesake(namesakes, c) && !(ev?.surname && titledHere(t, texts[c.text]!, c))) continue;
    if (p.eponym || p.surnameToo || p.titled) {
      const seen = mayNameSomeoneElse(t, texts[c.text]!, c);
      if (seen !== Seen.None && namesSomeoneElse(t, texts[c.text]!, c, kept[kept.length - 1], seen)) continue;
    }
    // An acronym of ours as a company's name: ООО «ШОС», "OTS" MMC, SCO LLC.
    if (p.companyToo && namesACompany(t, texts[c.text]!, c)) continue;
    // A plain name (no evidence, not an acronym the page spelled out): nothing more to check.
    if (!ev && !(spelled && p.acronym)) {
      if (!p.fullName || keepFullName(t, texts[c.text]!, c, ctx, fullNameRead[i]!)) kept.push(c);
      continue;
    }
    const b = texts[c.text]!;
    if (ev?.notAfter) {
      const before = wordBefore(b.text, c.start);
      if (before && foldedWords(t, ev.notAfter).words.includes(before.word)) continue;
    }
    if (ev?.notBefore && notBefore(t, ev.notBefore).startsWordAt(b.text, wordAfterStart(b.text, c.end))) continue;
    // An acronym the page spells out: a mention's own gloss, else the meaning the page gave it last before it.
    let acronym: number | undefined;
    if (p.acronym && ctx.acronyms.has(p.key)) {
      if (c.gloss !== NO_GLOSS) ctx.acronyms.set(p.key, c.gloss);
      acronym = ctx.acronyms.get(p.key);
    }
    if (acronym !== undefined) {
      if (acronym !== p.entity) continue;
      c.why = 'spelled out on this page';
    }
    if (ev?.shortForm) {
      if (shortFormVouched(p, acronym, ctx)) {
        c.why ??= 'named on this page';
        kept.push(c);
        continue;
      }
      // Otherwise only a word of its kind near it (its `needs`) vouches for it.
      if (!ev.needs) continue;
    }
    if (ev?.surname) {
      // Every claimant of this surname on this span decides together (the Aliyevs, the Berdimuhamedovs).
      // One candidate per person: Токаев and Тоқаев fold alike.
      const group = [c];
      while (
        i + 1 < candidates.length &&
        sameSpan(candidates[i + 1]!, c) &&
        candidates[i + 1]!.pattern.evidence?.surname
      ) {
        const next = candidates[++i]!;
        if (!group.some((g) => g.pattern.entity === next.pattern.entity)) group.push(next);
      }
      // "Prof. H. Aliyev (no relation to the presidents)", "Aliyev the wrestler": someone else, and the next mention.
      if (namesakeHere(t.namesakes, b.text, c.start, c.end, t.titles.get(p.entity))) {
        remember(ctx, c, -1);
        continue;
      }
      const previous = kept[kept.length - 1];
      // "Президент Азербайджана Алиев": the capitalised word before is a name of ours, not a given name.
      let afterName =
        previous !== undefined && previous.text === c.text && onlySpaceBetween(b.text, previous.end, c.start);
      // Unless that name, not a person's, is also a common given name: "Нұрсұлтан Әлиев", a wrestler, names neither
      // the city (Nur-Sultan, written solid) nor Aliyev. A person's is theirs: "Erdoğan Aliyev'le görüştü".
      if (
        afterName &&
        previous!.pattern.eponym !== 'person' &&
        t.givenNameWords.wholeWordAt(b.text, previous!.start) !== null
      ) {
        kept.pop();
        afterName = false;
      }
      const paired = pairedWithAPerson(t, b, group, kept[kept.length - 1], candidates[i + 1], namesakes, ctx);
      const chosen = resolveSurname(t, texts, b, group, ctx, namedInFull, afterName, paired);
      if (chosen && passesNeeds(t, b, chosen)) kept.push(chosen);
      continue;
    }
    if (ev?.givenName) {
      named.batch = namedInFull;
      named.page = ctx.namedInFull;
      if (!c.lowercase && givenNameIsTheirs(b.text, c.end, p.entity, t.family.get(p.entity), named)) {
        c.why = 'named in full on the page';
        kept.push(c);
      }
      continue;
    }
    if (!passesNeeds(t, b, c)) continue;
    if (p.fullName) recordFullName(t, c, ctx);
    kept.push(c);
  }
  return kept;
}

/** Who the page names in full, for a given name alone (one object, reused: see given-name-alone.ts). */
const named: { batch: ReadonlySet<number>; page: ReadonlySet<number> } = { batch: new Set(), page: new Set() };

const byPageOrder = (a: RuledCandidate, b: RuledCandidate) => a.order - b.order || b.end - a.end;

/**
 * Per candidate of a batch, whether its full name's own phrase names a namesake (see `namesakeInFull`), read once for
 * both rules that ask; reused from batch to batch.
 */
let fullNameRead = new Uint8Array(256);
const UNREAD = 0;
const A_NAMESAKE = 1;
const THEIRS = 2;

/** Whether a `not-near` namesake was seen within a few texts of the candidate. */
function isNamesake(namesakes: ReadonlyMap<string, number[]>, c: RuledCandidate): boolean {
  const texts = namesakes.get(c.pattern.key);
  if (!texts) return false;
  for (const text of texts) if (Math.abs(text - c.text) <= NAMESAKE_TEXTS) return true;
  return false;
}

const SPACE_ONLY = /^\s+$/u;
const onlySpaceBetween = (text: string, from: number, to: number) => from < to && SPACE_ONLY.test(text.slice(from, to));

const sameSpan = (a: RuledCandidate, b: RuledCandidate) => a.text === b.text && a.start === b.start && a.end === b.end;

function passesNeeds(t: RuleTables, b: BatchText, c: RuledCandidate): boolean {
  const ev = c.pattern.evidence;
  const needs = ev?.needs;
  if (!needs) return true;
  const word =
    ev!.needsIn === 'clause'
      ? wordInClause(t, b, c, needs, t.windows.needs)
      : wordNear(t, b, c, needs, t.windows.needs);
  if (!word) return false;
  c.why ??= `near “${word}”`;
  return true;
}

/**
 * Removes, in place, the names of people and cities that name a thing named after them (see `namesAThing`), and the
 * names that are a namesake's surname (see `afterGivenName`).
 */
function dropThingsNamedAfter(t: RuleTables, texts: readonly BatchText[], candidates: RuledCandidate[]) {
  let kept = 0;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    const p = c.pattern;
    const b = texts[c.text]!;
    const seen = p.eponym || p.surnameToo || p.titled ? mayNameSomeoneElse(t, b, c) : Seen.None;
    if (seen === Seen.None || !namesSomeoneElse(t, b, c, candidates[kept - 1], seen)) candidates[kept++] = c;
  }
  candidates.length = kept;
}

/** Whether the page says a person's full name at `c` is a namesake's (see namesake-phrase.ts). */
const namesakeInFull = (t: RuleTables, b: BatchText, c: RuledCandidate) =>
  c.pattern.eponym === 'person' && namesakeHere(t.namesakes, b.text, c.start, c.end, t.titles.get(c.pattern.entity));

/**
 * Whether a person's full name at `c` is theirs: recorded as the page's last full mention of them, or, where its own
 * phrase names a namesake ("İlham Əliyev adlı gənc idmançı"), dropped, and the surname someone else's from here on.
 * `read`: that phrase as the batch's first pass read it (`fullNameRead`), or UNREAD.
 */
function keepFullName(t: RuleTables, b: BatchText, c: RuledCandidate, ctx: PageContext, read: number): boolean {
  // A shorter name of ours inside a namesake's ("Tayyip Erdoğan" in "Hakim Recep Tayyip Erdoğan") is the namesake's.
  const d = namesakeSpan;
  if (c.text === d.text && c.start >= d.start && c.end <= d.end) return false;
  if ((read === UNREAD ? !namesakeInFull(t, b, c) : read === THEIRS) && !namesakeNamedSoBefore(t, b, c, ctx)) {
    recordFullName(t, c, ctx);
    return true;
  }
  const keys = t.surnames.get(c.pattern.entity);
  if (keys) for (const key of keys) ctx.surnames.set(key, { order: c.order, entity: -1 });
  d.text = c.text;
  d.start = c.start;
  d.end = c.end;
  return false;
}

/**
 * Whether the page named a namesake by this person's given name and surname before, with another father's patronymic
 * ("Oğlu: İlham Nazim oğlu Əliyev … Oğlu İlham Əliyev arxivi verəcək"): the same full name means him again, unless the
 * person's own title stands before it ("Prezident İlham Əliyev").
 */
function namesakeNamedSoBefore(t: RuleTables, b: BatchText, c: RuledCandidate, ctx: PageContext): boolean {
  if (ctx.namesakesInFull.size === 0 || !ctx.namesakesInFull.has(c.pattern.entity)) return false;
  return titleOf(t, titleWords(b.text, c.start, wordBefore(b.text, c.start)), c) === undefined;
}

/** The last full name of the batch that names a namesake (reset per batch, as `insideLonger`). */
const namesakeSpan = { text: -1, start: 0, end: 0 };

/** A person named in full: who the page means by that surname from here on. */
function recordFullName(t: RuleTables, c: RuledCandidate, ctx: PageContext) {
  ctx.namedInFull.add(c.pattern.entity);
  const keys = t.surnames.get(c.pattern.entity);
  if (keys) for (const key of keys) ctx.surnames.set(key, { order: c.order, entity: c.pattern.entity });
}

const CAPITAL = /^\p{Lu}/u;
/**
 * Georgian (Mkhedruli) writes no capitals, and text typed in lowercase shows none ("bilal erdogan"): there only a listed
 * given name shows that the word before a surname is one.
 */
const CASELESS = /^[\u10D0-\u10FF]/;

/**
 * Whether a capitalised word that opens a sentence right before a bare surname is an ordinary word ("Then Aliyev
 * said", "Görüşdə Əliyev bildirib") rather than a given name ("Rustam Aliyev scored"): the person that surname last
 * meant was named in full a few sentences before (within the `near` window), which the sentence goes on about, or the
 * text around it (a few paragraphs either side, not the whole page: each question reads at most that much) writes the
 * word, or its stem, in lowercase. A footballer named far from the president is someone else.
 */
function ordinaryOpener(
  t: RuleTables,
  texts: readonly BatchText[],
  c: RuledCandidate,
  word: string,
  last: { order: number; entity: number } | undefined,
): boolean {
  if (last && last.entity >= 0 && c.order - last.order <= t.windows.near) return true;
  const reach = LOWERCASE_REACH;
  if (writtenLowercaseIn(texts[c.text]!, word, c.foldedStart - reach, c.foldedStart + reach)) return true;
  // The texts around it (the paragraphs before and after), nearest first, as far as the same reach.
  let before = c.foldedStart;
  for (let i = c.text - 1; i >= 0 && before < reach; i--) {
    const { length } = texts[i]!.folded;
    if (writtenLowercaseIn(texts[i]!, word, length - (reach - before), length)) return true;
    before += length;
  }
  let after = texts[c.text]!.folded.length - c.foldedStart;
  for (let i = c.text + 1; i < texts.length && after < reach; i++) {
    if (writtenLowercaseIn(texts[i]!, word, 0, reach - after)) return true;
    after += texts[i]!.folded.length;
  }
  return false;
}

/** How far either side of a sentence-opening word its lowercase use is looked for: a few paragraphs, not a book. */
const LOWERCASE_REACH = 4_000;

/**
 * The word or two before a surname that may be a title, and the two together, folded and as written ("Президент
 * Азербайджана Алиев", "Devlet Başkanı Putin"); `one`
 * is the word right before it (`wordBefore`), read once for both questions.
 */
function titleWords(text: string, start: number, one: WordBefore | null): { word: string; original: string }[] {
  if (!one || one.initial) return [];
  if (one.sentenceStart || !CAPITAL.test(one.original)) return [one];
  const two = wordBefore(text, text.lastIndexOf(one.original, start));
  if (!two || two.initial) return [one];
  // And both, for a title of two words ("Rusya Devlet Başkanı Putin": "Devlet" alone heads a state's museum).
  return [one, two, { word: `${two.word} ${one.word}`, original: `${two.original} ${one.original}` }];
}

/** A word from the list, or that word with a case ending (Ильхама, Президента, Cumhurbaşkanı'nın). */
const inflectedIn = (word: string, list: readonly string[] | undefined) => {
  if (list === undefined) return false;
  for (let i = 0; i < list.length; i++) {
    const w = list[i]!;
    const longer = word.length - w.length;
    if (longer >= 0 && longer <= 4 && w.length >= 2 && word.startsWith(w)) return true;
  }
  return false;
};

/**
 * A courtesy word (Mr, Bay, Dr, мэр, господин, Bakan) as the word before a surname. Read as prefixes like given names,
 * "Bay" took "Bayram" and "Dr" took "Drew", and the namesake then took the card of whoever the page named last. So an
 * ending counts only as long as a case ending or possessive: none after two letters (abbreviations), one after three
 * (мэра), up to three after longer words (господина, Bakanı).
 */
const courtesyIn = (word: string, list: readonly string[]) => {
  for (let i = 0; i < list.length; i++) {
    const w = list[i]!;
    const ending = word.length - w.length;
    if (ending >= 0 && ending <= (w.length <= 2 ? 0 : w.length === 3 ? 1 : 3) && word.startsWith(w)) return true;
  }
  return false;
};

/**
 * What the page means by a surname from here on: `entity`, or -1 for someone else. This and the helpers below are
 * module functions, not closures made per call: resolveSurname runs for every bare surname of a page.
 */
function remember(ctx: PageContext, first: RuledCandidate, entity: number): void {
  ctx.surnames.set(first.pattern.key, { order: first.order, entity });
}

/** Keeps `c` with its evidence, remembered for the next bare mention of the surname. */
function pick(ctx: PageContext, first: RuledCandidate, c: RuledCandidate | undefined, why: string) {
  if (!c) return null;
  c.why = why;
  remember(ctx, first, c.pattern.entity);
  return c;
}

/**
 * Namesakes the evidence fits alike: after a title, the one in office on the page's date, when the page gives one
 * and only one of them held the office then; else one mark whose card offers each of them, the page's memory left
 * as it was. Only a title makes the date evidence: who held an office says nothing of whom a bare surname means on
 * a page that names both ("the elder Berdimuhamedov" on a page dated in his son's term).
 */
function offer(
  t: RuleTables,
  ctx: PageContext,
  first: RuledCandidate,
  cs: RuledCandidate[],
  why: string,
  titled: boolean,
): RuledCandidate | null {
  const dated = titled ? inOfficeOnPageDate(t, cs, ctx) : null;
  if (dated) return pick(ctx, first, dated.chosen, `in office in ${dated.year}, the page’s date`);
  const [c, ...rest] = cs;
  c!.why = why;
  if (rest.length > 0) c!.or = rest.map((r) => r.pattern.entity);
  return c!;
}

/** Whether one of the person's titles stands right before the bare surname at `c` (or before a word before it). */
function titledHere(t: RuleTables, b: BatchText, c: RuledCandidate): boolean {
  return titleOf(t, titleWords(b.text, c.start, wordBefore(b.text, c.start)), c) !== undefined;
}

/** The title among `titled` that `c`'s person held, if any. */
const titleOf = (t: RuleTables, titled: readonly { word: string; original: string }[], c: RuledCandidate) =>
  titled.find((w) => inflectedIn(w.word, t.titles.get(c.pattern.entity)));

/**
 * Who a surname in a full name with a patronymic names: the one person of `group` with that given name whose father,
 * where the data gives him, the patronymic names. Anyone else is a namesake, and so is the next bare mention; one with
 * the person's own given name and another father ("İlham Nazim oğlu Əliyev") is a namesake whose full name is the
 * person's, which the page's later full mentions then mean too (see `keepFullName`).
 */
function byGivenNameAndFather(
  t: RuleTables,
  ctx: PageContext,
  first: RuledCandidate,
  group: readonly RuledCandidate[],
  named: GivenAndFather,
  why: string,
): RuledCandidate | null {
  // Of those with that given name, the one whose father it names, else the one whose father we do not know.
  let theirs: RuledCandidate | undefined;
  let fathered = 0;
  let own: RuledCandidate | undefined;
  let owners = 0;
  let anotherFather = false;
  for (let i = 0; i < group.length; i++) {
    const c = group[i]!;
    if (!inflectedIn(named.given, t.givenNames.get(c.pattern.entity))) continue;
    const father = fatherOf(t.fathers.get(c.pattern.entity), named.father);
    if (father === Father.Another) anotherFather = true;
    else if (father === Father.Theirs) {
      theirs = c;
      fathered++;
    } else {
      own = c;
      owners++;
    }
  }
  if (fathered === 1) return pick(ctx, first, theirs, why);
  if (fathered === 0 && owners === 1) return pick(ctx, first, own, why);
  if (anotherFather && fathered === 0 && owners === 0)
    for (let i = 0; i < group.length; i++)
      if (inflectedIn(named.given, t.givenNames.get(group[i]!.pattern.entity)))
        ctx.namesakesInFull.add(group[i]!.pattern.entity);
  remember(ctx, first, -1);
  return null;
}

function resolveSurname(
  t: RuleTables,
  texts: readonly BatchText[],
  b: BatchText,
  group: RuledCandidate[],
  ctx: PageContext,
  namedInFull: ReadonlySet<number>,
  afterName: boolean,
  paired: boolean,
): RuledCandidate | null {
  const first = group[0]!;
  const key = first.pattern.key;
  // "Yıldırım ailesi", "the Aliyev family": a family's name, not a mention of the person (nor of someone else).
  if (t.familyAfter.length > 0 && isRole(wordOnLineAfter(b.text, first.end), t.familyAfter, FAMILY_ENDING)) return null;
  // A full name with a patronymic, written surname first ("Əliyev Elnur İlham oğlu") or last ("Ильхам Гейдарович
  // Алиев", "İlham Nazim oğlu Əliyev"): the person's only with their own given name and, where we know it, their
  // father's (a patronymic formed from a person's given name is not that name: "Бакыт Садырович Жапаров").
  const before = wordBefore(b.text, first.start);
  // The card's evidence in the words it translates: "before “İlham Heydər oğlu”", "after “Ильхам Гейдарович”".
  const givenAfter =
    givenNameBeforePatronymic(t.patronymics, b.text, first.end) ??
    (afterComma(b.text, first.end) > first.end
      ? givenNameBeforePatronymic(t.patronymics, b.text, first.end + 1)
      : null);
  if (givenAfter !== null)
    return byGivenNameAndFather(t, ctx, first, group, givenAfter, `before “${givenAfter.original}”`);
  const givenBefore =
    before && !before.initial && mayBePatronymic(t.patronymics, before.word)
      ? patronymicBefore(t.patronymics, b.text, first.start)
      : null;
  if (givenBefore !== null)
    return byGivenNameAndFather(t, ctx, first, group, givenBefore, `after “${givenBefore.original}”`);
  if (namedSomeoneElse(t, b, group, before)) {
    remember(ctx, first, -1);
    return null;
  }
  // The person's own given name or initial after it, as registers and reference lists write a name surname first
  // ("Mirziyoyev Sh.M.", "Путин В.В.", "Токаев К.-Ж.", "Aliyev, Ilham").
  const after = wordAfterSurname(b.text, first.end);
  const ownAfter = after === null ? undefined : ownNameAfter(t, group, after, b.text, first.end);
  if (ownAfter !== undefined) return pick(ctx, first, ownAfter, `before “${after!.original}”`);
  // The person's father's given name right before it names the father ("Kemel Toqaev", Tokayev's father), unless it
  // is the given name of one who shares the surname ("Heydar Aliyev" is Ilham Aliyev's father, and ours).
  if (
    before &&
    !before.initial &&
    group.some((c) => inflectedIn(before.word, t.fathers.get(c.pattern.entity))) &&
    !group.some((c) => inflectedIn(before.word, t.givenNames.get(c.pattern.entity)))
  ) {
    remember(ctx, first, -1);
    return null;
  }
  // A given name, an initial or a title right before the surname.
  if (
    before &&
    (before.initial ||
      CAPITAL.test(before.original) ||
      ((CASELESS.test(before.original) || first.lowercase) && t.commonGivenNames.has(before.word)))
  ) {
    const initial = before.initial ? givenNameInitial(b.text, first.start, before) : '';
    const named = group.filter((c) =>
      before.initial
        ? t.initials.get(c.pattern.entity)?.includes(initial)
        : inflectedIn(before.word, t.givenNames.get(c.pattern.entity)) ||
          inflectedIn(before.word, t.titles.get(c.pattern.entity)),
    );
    if (named.length === 1) return pick(ctx, first, named[0], `after “${before.original}”`);
    if (named.length > 1) {
      // A title both held ("President Aliyev"): the one the page named last, else the card offers each.
      const last = ctx.surnames.get(key);
      const earlier =
        last && last.order < first.order ? named.find((c) => c.pattern.entity === last.entity) : undefined;
      // Both named in full on the page ("Ilham Aliyev … his father Heydar Aliyev … President Aliyev"): it does not say.
      const alsoNamed = named.some(
        (c) => c !== earlier && (namedInFull.has(c.pattern.entity) || ctx.namedInFull.has(c.pattern.entity)),
      );
      return earlier && !alsoNamed
        ? pick(ctx, first, earlier, 'named in full earlier on the page')
        : offer(
            t,
            ctx,
            first,
            named,
            `after “${before.original}”`,
            named.every((c) => inflectedIn(before.word, t.titles.get(c.pattern.entity))),
          );
    }
    if (courtesyIn(before.word, t.courtesy)) {
      // "Mr Aliyev": a person named so, whoever the page last meant.
    } else if (
      !afterName &&
      (!before.sentenceStart ||
        t.commonGivenNames.has(before.word) ||
        !ordinaryOpener(t, texts, first, before.word, ctx.surnames.get(key)))
    ) {
      // "Rustam Aliyev", "Cevdet Yılmaz": someone else, and so is the next bare "Aliyev". So is a capitalised word
      // that opens a sentence ("Rustam Aliyev scored."), unless it reads as an ordinary word (see ordinaryOpener).
      remember(ctx, first, -1);
      return null;
    }
  }
  // A title right before, or before a capitalised word ("Президент Азербайджана Алиев", "Cumhurbaşkanı Erdoğan").
  const titled = titleWords(b.text, first.start, before);
  const byTitle = group.filter((c) => titleOf(t, titled, c) !== undefined);
  if (byTitle.length === 1)
    return pick(ctx, first, byTitle[0], `after the title “${titleOf(t, titled, byTitle[0]!)!.original}”`);
  // The last mention of this surname on the page, or else the one person of that name the batch names in full.
  const last = ctx.surnames.get(key);
  if (last && last.order < first.order) {
    if (last.entity < 0) return null;
    const latest = group.find((c) => c.pattern.entity === last.entity);
    // Both namesakes named in full earlier ("Serdar Berdimuhamedov … his father Gurbanguly Berdimuhamedov …
    // Berdimuhamedov said"): the one named last is likelier, but the page does not say, so the card offers the other.
    const alsoNamed = group.filter((c) => c !== latest && ctx.namedInFull.has(c.pattern.entity));
    if (latest && alsoNamed.length)
      return offer(t, ctx, first, [latest, ...alsoNamed], 'named in full earlier on the page', false);
    return pick(ctx, first, latest, 'named in full earlier on the page');
  }
  // A title both namesakes held ("President Aliyev") and nothing earlier to say which: the card offers both.
  if (byTitle.length > 1)
    return offer(t, ctx, first, byTitle, `after the title “${titleOf(t, titled, byTitle[0]!)!.original}”`, true);
  const named = group.filter((c) => namedInFull.has(c.pattern.entity));
  if (named.length === 1) return pick(ctx, first, named[0], 'named in full on the page');
  // Paired with another person of ours ("Putin and Tokayev", "Токаев менен Мирзиёев"): leaders are named so.
  if (paired) {
    return group.length === 1
      ? pick(ctx, first, first, 'named beside another person')
      : offer(t, ctx, first, group, 'named beside another person', false);
  }
  return null;
}

/**
 * The folded initial of the given name before a surname at `start` whose word before is the initial `before`: of two
 * initials ("Т. И. Алиева"), the first, since the second is the patronymic's.
 */
function givenNameInitial(text: string, start: number, before: WordBefore): string {
  const at = wordBeforeStart(text, start);
  // A hyphenated given name's initials ("К.-Ж. Токаев"): the first.
  const earlier = text.charCodeAt(at - 1) === HYPHEN ? wordBefore(text, at - 1) : wordBefore(text, at);
  return (earlier?.initial ? earlier.word : before.word).charAt(0);
}
const HYPHEN = 0x2d;

/** Whether `c` is a person of ours in the same text as `group`, and not one of its claimants. */
function otherPerson(c: RuledCandidate, group: readonly RuledCandidate[]): boolean {
  if (c.text !== group[0]!.text || c.pattern.eponym !== 'person') return false;
  for (let i = 0; i < group.length; i++) if (group[i]!.pattern.entity === c.pattern.entity) return false;
  return true;
}

/** How long a case ending or possessive a family word takes (ailəsindən, oilasining). */
const FAMILY_ENDING = 5;

/**
 * Whether a bare surname is one of a pair with another person of ours, joined by a comma or a `pair-joiners` word
 * ("Putin and Tokayev", "Эрдоган, Назарбаев", "ერდოღანი და ალიევი"): the one before it as the rules kept it, or the
 * one after it, a full name or a bare surname that nothing on the page gives to someone else. Namesakes are not
 * named in such pairs the way leaders are; a footballer's surname beside another is turned away by `not-near`.
 */
function pairedWithAPerson(
  t: RuleTables,
  b: BatchText,
  group: readonly RuledCandidate[],
  previous: RuledCandidate | undefined,
  next: RuledCandidate | undefined,
  namesakes: ReadonlyMap<string, number[]>,
  ctx: PageContext,
): boolean {
  if (t.pairJoiners.size === 0) return false;
  const first = group[0]!;
  if (
    previous &&
    previous.end <= first.start &&
    otherPerson(previous, group) &&
    joinsAPair(b.text, previous.end, first.start, t.pairJoiners)
  )
    return true;
  if (!next || next.start < first.end || !otherPerson(next, group)) return false;
  if (!joinsAPair(b.text, first.end, next.start, t.pairJoiners)) return false;
  if (next.pattern.fullName) return true;
  if (!next.pattern.evidence?.surname) return false;
  if (next.pattern.namesakeKey && isNamesake(namesakes, next)) return false;
  if (ctx.surnames.get(next.pattern.key)?.entity === -1) return false;
  return !namedSomeoneElse(t, b, [next], wordBefore(b.text, next.start));
}

/**
 * Whether the page says the surname at `group` is someone else's (surname-evidence.ts): a given name or an initial
 * after it that is not the person's own ("Жапаров Нурбек", "Aliyev R."), a role right before it that is none of the
 * person's titles ("судья Алиева", "coach Aliyev", "hakim Əliyev"), or the female form as a woman's ("Алиева
 * заявила"). The person's own given name or initial after it confirms them in `ownNameAfter`.
 */
function namedSomeoneElse(
  t: RuleTables,
  b: BatchText,
  group: readonly RuledCandidate[],
  before: WordBefore | null,
): boolean {
  const first = group[0]!;
  const after = wordAfterSurname(b.text, first.end);
  if (after !== null && after.then === '') {
    const own = after.initial
      ? group.some((c) => ownInitials(t, c, after))
      : group.some((c) => ownGivenName(t, c, after.word));
    // A listed given name that is also a name of ours starts that name ("Tokayev Erdoğan ile", "Əliyev Xəzər dənizi").
    const given = after.initial || (t.commonGivenNames.has(after.word) && !t.oneWordNames.has(after.word));
    if (given && !own) return true;
  }
  if (
    before &&
    !before.initial &&
    isRole(before.word, t.otherRoles) &&
    !group.some((c) => inflectedIn(before.word, t.titles.get(c.pattern.entity)))
  )
    return true;
  // `before` is null where the surname opens its sentence (punctuation or nothing before it). A courtesy word counts
  // only as written in the list, uninflected: "Депутат Алиева заявила", but "Речь господина Алиева была" is his.
  const opensOrAfterCourtesy = before === null || (!before.initial && t.courtesy.includes(before.word));
  return femaleSurnameHere(b.text, first.start, first.end, opensOrAfterCourtesy);
}

/**
 * The one person of `group` whose own given name or initial `after` is, the word written right after the surname or
 * after its comma (see `wordAfterSurname`); undefined when none or several.
 */
function ownNameAfter(
  t: RuleTables,
  group: readonly RuledCandidate[],
  after: WordAfterSurname,
  text: string,
  surnameEnd: number,
): RuledCandidate | undefined {
  // A given name confirms only after a comma: "Бердымухамедов Сердар, 2001 г. р." is how a wanted notice writes a
  // namesake. And a reference list's author with a year is often a scholar of that name.
  if ((!after.initial && afterComma(text, surnameEnd) === surnameEnd) || yearInBracketsAfter(text, after.end))
    return undefined;
  let own: RuledCandidate | undefined;
  for (let i = 0; i < group.length; i++) {
    const c = group[i]!;
    const theirs = after.initial
      ? ownInitials(t, c, after)
      : ownGivenName(t, c, after.word) && (after.then === '' || ownGivenName(t, c, after.then));
    if (!theirs) continue;
    if (own) return undefined;
    own = c;
  }
  return own;
}

const ownGivenName = (t: RuleTables, c: RuledCandidate, word: string) =>
  t.givenNames.get(c.pattern.entity)?.includes(word) === true;

/**
 * Whether the initials after a surname are the person's: the given name's, and a second one, the patronymic's, that
 * starts their father's given name where the data gives it ("Мирзиёев Ш. М.", but "ИП Мирзиёев Ш. А." is a namesake).
 */
function ownInitials(t: RuleTables, c: RuledCandidate, after: WordAfterSurname): boolean {
  if (t.initials.get(c.pattern.entity)?.includes(after.word) !== true) return false;
  const fathers = after.second === '' ? undefined : t.fathers.get(c.pattern.entity);
  return fathers === undefined || fathers.some((father) => father.charAt(0) === after.second);
}

/** The year of the page's date (`2025-12-12` or `2025`), or undefined when the page states none. */
function pageYear(ctx: PageContext): number | undefined {
  const m = ctx.date ? /^(\d{4})(?:-\d{2}){0,2}$/.exec(ctx.date) : null;
  return m ? Number(m[1]) : undefined;
}

/**
 * Of namesakes nothing else told apart, the only one in office in the page's year (a page dated 1998 means Heydar
 * Aliyev by "President Aliyev", one dated 2024 Ilham Aliyev); null when the page has no date, or none or several were.
 */
function inOfficeOnPageDate(
  t: RuleTables,
  cs: readonly RuledCandidate[],
  ctx: PageContext,
): { chosen: RuledCandidate; year: number } | null {
  const year = pageYear(ctx);
  if (year === undefined || t.inOffice.size === 0) return null;
  const held = cs.filter((c) => {
    const office = t.inOffice.get(c.pattern.entity);
    return office !== undefined && office.from <= year && year <= (office.to ?? Infinity);
  });
  return held.length === 1 ? { chosen: held[0]!, year } : null;
}
