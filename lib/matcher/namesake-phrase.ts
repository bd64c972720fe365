/**
 * Evidence against a person's name in the page's own words around it: the page says the one it names is someone else
 * of that name. A full name is no evidence where its phrase says so ("klub prezidenti Heydər Əliyev (adaş, …)",
 * "İlham Əliyev adlı gənc idmançı", "The man is Ilham Aliyev, a wrestling coach", "Heydar Aliyev (21)", "Prof. H.
 * Aliyev (no relation to the presidents)"):
 * - a word of data/languages.yaml `namesakes` `after` (namesake, adaş, тёзка, no relation) in the apposition right
 *   after the name: in brackets, or after a comma or a dash, up to the end of that phrase;
 * - a word of `namesakes` `before` ending right before the name ("prezidentin adaşı İlham Əliyev");
 * - a word of `named-after` `called` right after it ("… adlı", "… есімді": someone called so);
 * - an age in brackets right after it ("(21)");
 * - a role no person of ours is known by (`other-roles`) right before it, or in the first words of a description
 *   after it (", a wrestling coach", "the wrestler");
 * - a patronymic right after it ("Садыр Жапаров Нурланович": ours would be named with their own, an alias of theirs).
 * Read only at a person's full name or bare surname (a few per page), in a bounded window.
 */
import { caseOfUnit, isAsciiDigit, isSpaceOrNbsp, UPPER } from './char-kinds';
import { DROPPED_UNIT, foldAlias, foldedUnit } from './fold';
import { isRole } from './surname-evidence';
import { isPatronymic, type Patronymics } from './patronymic';
import type { NamedAfterList } from './named-after';
import { foldWord, wordAfterStart, wordAt, wordBeforeStart, wordEnd } from './words';

/** Folded phrases by their first folded unit: most words of a page start none and are turned down unread. */
export class PhraseList {
  private readonly byFirst = new Map<number, string[]>();

  constructor(phrases: readonly string[] = []) {
    for (const p of phrases) {
      const folded = foldAlias(p);
      const list = this.byFirst.get(folded.charCodeAt(0)) ?? [];
      list.push(folded);
      this.byFirst.set(folded.charCodeAt(0), list);
    }
  }

  get size(): number {
    return this.byFirst.size;
  }

  /**
   * Where a listed phrase that starts at original offset `at` ends (its last word read to its end: an ending may
   * follow, "adaşı", "тёзку"), or -1 when none starts there or it would run past `limit`.
   */
  endAt(text: string, at: number, limit: number): number {
    const list = this.byFirst.get(foldedUnit(text.charCodeAt(at)));
    if (list === undefined) return -1;
    for (let i = 0; i < list.length; i++) {
      const end = phraseEnd(text, at, limit, list[i]!);
      if (end >= 0) return end;
    }
    return -1;
  }
}

/** Where `phrase` (folded) written from `at` ends, to the end of its last word; -1 if the text differs first. */
function phraseEnd(text: string, at: number, limit: number, phrase: string): number {
  let i = at;
  for (let j = 0; j < phrase.length; i++) {
    if (i >= limit) return -1;
    const unit = foldedUnit(text.charCodeAt(i));
    if (unit === DROPPED_UNIT) continue;
    if (unit !== phrase.charCodeAt(j)) return -1;
    j++;
  }
  // A short last word ("с", "with") is a whole word: "путать с", not "путать своим".
  const end = wordEnd(text, i);
  const lastWord = phrase.length - phrase.lastIndexOf(' ') - 1;
  if (end > i && lastWord < MIN_PREFIX) return -1;
  return end - i > MAX_ENDING ? -1 : end;
}

/** A listed word shorter than this is compared as a whole word; a longer one may take an ending. */
const MIN_PREFIX = 4;
/** The longest ending a listed word takes (тёзкой, adaşının). */
const MAX_ENDING = 5;

export interface NamesakeWords {
  after: PhraseList;
  before: PhraseList;
  /** Phrases that end right before a name the page tells apart from another ("not to be confused with"). */
  confused: PhraseList;
  called: NamedAfterList;
  otherRoles: readonly string[];
  /** The same roles as a list that turns a word down by its first letter, before `isRole` reads it whole. */
  roleStarts: NamedAfterList;
  patronymics: Patronymics;
}

/** How far after a name its apposition is read: a clause, not a paragraph. */
const APPOSITION_UNITS = 80;
/** How many words of an apposition after a comma may come before its role (", a young wrestling coach"). */
const ROLE_WORDS = 3;

const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;
const COMMA = 0x2c;
const isDash = (u: number) => u === 0x2d || u === 0x2013 || u === 0x2014;
/** Ends a phrase: a sentence's end, a line's, a colon or a semicolon. */
const endsPhrase = (u: number) =>
  u === 0x2e || u === 0x21 || u === 0x3f || u === 0x3b || u === 0x3a || u === 0x0a || u === 0x0d || u === 0x2028;

/**
 * Whether the page says that the person named at [start, end) is someone else of that name (see the module's
 * comment). `titles`: the person's own titles, which a role word never overrules.
 */
export function namesakeHere(
  w: NamesakeWords,
  text: string,
  start: number,
  end: number,
  titles: readonly string[] | undefined,
): boolean {
  if (namesakeBefore(w, text, start, titles)) return true;
  if (
    w.confused.size > 0 &&
    confusedWithBefore(w.confused, text, start) &&
    !possessiveAt(text, end) &&
    !titledAfter(text, end, titles)
  )
    return true;
  let i = end;
  while (i < text.length && isSpaceOrNbsp(text.charCodeAt(i))) i++;
  if (i >= text.length) return false;
  const unit = text.charCodeAt(i);
  if (unit === OPEN_PAREN) return ageAt(text, i + 1) || appositionSays(w, text, i + 1, CLOSE_PAREN, titles);
  // A comma, or a dash with a space before it (not "Aliyev-Macron"), opens an apposition.
  if (unit === COMMA || (isDash(unit) && i > end)) return appositionSays(w, text, i + 1, COMMA, titles);
  if (i === end) return false;
  if (w.called.startsWordAt(text, i)) return true;
  // "Aliyev the wrestler": an English apposition without a comma.
  if (wordIs(text, i, 'the')) {
    const role = wordAfterStart(text, wordEnd(text, i));
    if (role >= 0 && roleAt(w, text, role, titles)) return true;
  }
  // A patronymic is capitalised: most words after a name are not, and are not read.
  return caseOfUnit(text.charCodeAt(i)) === UPPER && isPatronymic(w.patronymics, foldWord(wordAt(text, i)));
}

/** A namesake's word ending right before the name, or a role no person of ours holds. */
function namesakeBefore(w: NamesakeWords, text: string, start: number, titles: readonly string[] | undefined) {
  const one = wordBeforeStart(text, start);
  if (one < 0) return false;
  if (roleAt(w, text, one, titles)) return true;
  if (w.before.size === 0) return false;
  if (w.before.endAt(text, one, start) >= 0) return true;
  // A phrase of two words.
  const two = wordBeforeStart(text, one);
  return two >= 0 && w.before.endAt(text, two, start) === wordEnd(text, one);
}

/**
 * Whether a phrase of `confused` ends right before the name that starts at `start` ("not to be confused with Ilham
 * Aliyev", "Не следует путать с Токаевым"): the page tells the one it names there apart from another of that name.
 * Phrases of up to `CONFUSED_WORDS` words.
 */
function confusedWithBefore(confused: PhraseList, text: string, start: number): boolean {
  const last = wordBeforeStart(text, start);
  if (last < 0) return false;
  const lastEnd = wordEnd(text, last);
  let at = last;
  for (let words = 1; words <= CONFUSED_WORDS && at >= 0; words++) {
    if (confused.endAt(text, at, start) === lastEnd) return true;
    at = wordBeforeStart(text, at);
  }
  return false;
}
const CONFUSED_WORDS = 5;

/** An English possessive right after the name ("not to be confused with Aliyev's earlier speech"): his thing, not him. */
const possessiveAt = (text: string, end: number) =>
  (text.charCodeAt(end) === 0x27 || text.charCodeAt(end) === 0x2019) && (text.charCodeAt(end + 1) | 0x20) === 0x73;

/**
 * Whether one of the person's own titles stands in the apposition right after the name ("not to be confused with
 * Heydar Aliyev, the later President of Azerbaijan"): then the page names ours there, to tell a namesake from him.
 */
function titledAfter(text: string, end: number, titles: readonly string[] | undefined): boolean {
  if (titles === undefined) return false;
  const limit = Math.min(text.length, end + APPOSITION_UNITS);
  let i = end;
  while (i < limit && isSpaceOrNbsp(text.charCodeAt(i))) i++;
  const unit = text.charCodeAt(i);
  if (unit !== COMMA && unit !== OPEN_PAREN && !isDash(unit)) return false;
  for (i++; i < limit;) {
    const u = text.charCodeAt(i);
    if (u === CLOSE_PAREN || endsPhrase(u)) return false;
    const wordEnds = wordEnd(text, i);
    if (wordEnds === i) {
      i++;
      continue;
    }
    const word = foldWord(text.slice(i, wordEnds));
    if (titles.some((title) => word.startsWith(title))) return true;
    i = wordEnds;
  }
  return false;
}

/**
 * An age younger than any of ours was when in the news, in brackets, with the sentence going on after it ("(21), also
 * wrestles", "(21, Ganja)"): a young namesake. Not a number that ends its text, as a crossword's count of letters
 * does ("Мустафа Кемал (7)"); and an older age may be one of ours ("Ильхам Алиев (63)"): the fact base has no birth
 * years to tell.
 */
function ageAt(text: string, i: number): boolean {
  let digits = 0;
  while (digits < 3 && isAsciiDigit(text.charCodeAt(i + digits))) digits++;
  const after = text.charCodeAt(i + digits);
  if (digits === 0 || digits > 2 || (after !== CLOSE_PAREN && after !== COMMA)) return false;
  if (after === CLOSE_PAREN && !textGoesOn(text, i + digits + 1)) return false;
  const age =
    digits === 1 ? text.charCodeAt(i) - 0x30 : (text.charCodeAt(i) - 0x30) * 10 + text.charCodeAt(i + 1) - 0x30;
  return age < YOUNGEST_OF_OURS;
}

/** Whether a letter follows `from` in its text, before its line ends. */
function textGoesOn(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 0x0a || unit === 0x0d) return false;
    if (wordEnd(text, i) > i) return true;
  }
  return false;
}

/** No person of the fact base was in the news younger than this (the youngest, Serdar Berdimuhamedov, took office at 40). */
const YOUNGEST_OF_OURS = 30;

/**
 * Whether the apposition that starts at `from` (after "(", a comma or a dash) says the name is a namesake's: a word of
 * `namesakes` `after` before `close` or the end of its phrase, or a role of `other-roles` in its first few words.
 */
function appositionSays(
  w: NamesakeWords,
  text: string,
  from: number,
  close: number,
  titles: readonly string[] | undefined,
): boolean {
  const limit = Math.min(text.length, from + APPOSITION_UNITS);
  let words = 0;
  // A role counts in a description ("a wrestling coach"), not in a list of names after a comma ("Erdoğan and the
  // coach"): the apposition's first word is in lowercase.
  let described = false;
  for (let i = from; i < limit;) {
    const unit = text.charCodeAt(i);
    if (unit === close || endsPhrase(unit)) return false;
    const wordEnds = wordEnd(text, i);
    if (wordEnds === i) {
      i++;
      continue;
    }
    if (w.after.endAt(text, i, limit) >= 0) return true;
    if (words === 0) described = caseOfUnit(text.charCodeAt(i)) !== UPPER;
    if (described && words < ROLE_WORDS && roleAt(w, text, i, titles)) return true;
    words++;
    i = wordEnds;
  }
  return false;
}

/** Whether the word at `at` is a role none of ours holds (with a case ending), and none of this person's titles. */
function roleAt(w: NamesakeWords, text: string, at: number, titles: readonly string[] | undefined): boolean {
  if (!w.roleStarts.startsWordAt(text, at)) return false;
  const word = foldWord(wordAt(text, at));
  if (!isRole(word, w.otherRoles)) return false;
  return titles === undefined || !titles.some((title) => word.startsWith(title));
}

const wordIs = (text: string, at: number, word: string) =>
  wordEnd(text, at) - at === word.length && text.startsWith(word, at);
