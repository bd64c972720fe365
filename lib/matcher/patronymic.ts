/**
 * A full name written surname first, as official lists and documents write it: the surname, a given name and a
 * patronymic ("Əliyev Elnur İlham oğlu", "Karimov Baxtiyor Islomovich", "Жапаров Бакыт Садырович"). The patronymic is
 * a word with one of the `endings` of data/languages.yaml `patronymics`, or the father's name and one of its `words`
 * ("İlham oğlu", "Садыр уулу"). Such a name is the person's only with their own given name; and a patronymic formed
 * from a person's given name is no given name of theirs ("Садырович Жапаров" is not Sadyr Japarov).
 */
import { CASELESS, caseOfUnit, UPPER } from './char-kinds';
import { foldWord, wordAfterStart, wordBeforeStart, wordEnd } from './words';

export interface Patronymics {
  /** Folded endings of a patronymic written as one word (-ovich, -ович, -ұлы). */
  endings: readonly string[];
  /** Folded words that follow the father's name (oğlu, qızı, уулу, кызы). */
  words: ReadonlySet<string>;
}

/**
 * Whether a folded word is a patronymic by its ending: longer than the ending by a name's few letters at least, and
 * in any case (Russian declines it: "Тимура Ильхамовича", "Ерланом Маратовичем").
 */
export function isPatronymic(p: Patronymics, folded: string): boolean {
  // The ending read in place at each of the few ends it may have: a search of the whole word per ending was a call
  // into the engine's runtime each time.
  for (let i = 0; i < p.endings.length; i++) {
    const ending = p.endings[i]!;
    for (let caseEnding = 0; caseEnding <= CASE_ENDING; caseEnding++) {
      const at = folded.length - caseEnding - ending.length;
      if (at < MIN_FATHER_LETTERS) break;
      if (folded.startsWith(ending, at)) return true;
    }
  }
  return false;
}

/** Whether a folded word is a patronymic or the word for "son of" after the father's name (oğlu, уулу). */
export const mayBePatronymic = (p: Patronymics, folded: string) => p.words.has(folded) || isPatronymic(p, folded);

/** The longest case ending after a patronymic's (-а, -у, -ем, -ой: Ильхамовича, Маратовичем, Рашидовной). */
const CASE_ENDING = 2;

/** The fewest letters of the father's name before a patronymic's ending (Ali-yevich is not a word's ending). */
const MIN_FATHER_LETTERS = 3;

/**
 * The given name that follows a surname ending at original offset `end`, and the father's name of the patronymic that
 * follows that given name (the order of an official full name: "Əliyev İlham Heydər oğlu"); null otherwise. Reads at
 * most three words, and only when the first is capitalised.
 */
export function givenNameBeforePatronymic(p: Patronymics, text: string, end: number): GivenAndFather | null {
  const at = wordAfterStart(text, end);
  if (at < 0 || caseOfUnit(text.charCodeAt(at)) !== UPPER) return null;
  const givenEnd = nameWordEnd(text, at);
  const next = wordAfterStart(text, givenEnd);
  if (next < 0 || caseOfUnit(text.charCodeAt(next)) !== UPPER) return null;
  const nextEnd = wordEnd(text, next);
  const father = fatherInPatronymic(p, foldWord(text.slice(next, nextEnd)));
  if (father !== '') return givenAndFather(text, at, givenEnd, father, nextEnd);
  // The father's name, then the word for "son of" or "daughter of".
  const word = wordAfterStart(text, nextEnd);
  if (word < 0) return null;
  const wordEnds = wordEnd(text, word);
  if (!p.words.has(foldWord(text.slice(word, wordEnds)))) return null;
  return givenAndFather(text, at, givenEnd, foldWord(text.slice(next, nextEnd)), wordEnds);
}

/**
 * The given name and the patronymic written right before a surname that starts at original offset `start`
 * ("Ильхам Гейдарович Алиев", "İlham Nazim oğlu Əliyev", "Қасым-Жомарт Кемелұлы Тоқаев"), or null when no patronymic
 * stands there. The given name is '' when none comes before the patronymic.
 */
export function patronymicBefore(p: Patronymics, text: string, start: number): GivenAndFather | null {
  const one = wordBeforeStart(text, start);
  if (one < 0) return null;
  const oneEnd = wordEnd(text, one);
  const word = foldWord(text.slice(one, oneEnd));
  const upper = caseOfUnit(text.charCodeAt(one)) === UPPER;
  let father = upper ? fatherInPatronymic(p, word) : '';
  let fatherStart = one;
  if (father === '') {
    // "Nazim oğlu": the father's name before the word for "son of"; the word may be written in lowercase.
    if (!p.words.has(word)) return null;
    fatherStart = wordBeforeStart(text, one);
    if (fatherStart < 0 || caseOfUnit(text.charCodeAt(fatherStart)) !== UPPER) return null;
    father = foldWord(text.slice(fatherStart, wordEnd(text, fatherStart)));
  }
  const given = nameWordStart(text, wordBeforeStart(text, fatherStart));
  if (given < 0 || caseOfUnit(text.charCodeAt(given)) !== UPPER)
    return { given: '', father, original: text.slice(fatherStart, oneEnd) };
  return givenAndFather(text, given, nameWordEnd(text, given), father, oneEnd);
}

/**
 * The folded stem of the father's name in a one-word patronymic ("гейдар" in Гейдаровича, "кемел" in Кемелұлы), or ''
 * when the word is none (see `isPatronymic`).
 */
export function fatherInPatronymic(p: Patronymics, folded: string): string {
  for (let i = 0; i < p.endings.length; i++) {
    const ending = p.endings[i]!;
    const at = folded.lastIndexOf(ending);
    if (at >= MIN_FATHER_LETTERS && folded.length - at - ending.length <= CASE_ENDING) return folded.slice(0, at);
  }
  return '';
}

/** How a patronymic bears on a person: it names their father, another man, or we do not know their father's name. */
export const enum Father {
  Unknown,
  Theirs,
  Another,
}

/**
 * Whether the father's name `named` (folded: a patronymic's stem, or the word before oğlu/уулу) is one of `fathers`,
 * the person's father's names as data/entities give them (`father:`), or, with none given, unknown. A stem may carry a
 * linking letter or two the name lacks (Gurbangulyýewiç, Нургазиевич from Нургазы is listed as its own spelling).
 */
export function fatherOf(fathers: readonly string[] | undefined, named: string): Father {
  if (fathers === undefined || named === '') return Father.Unknown;
  for (let i = 0; i < fathers.length; i++) {
    const f = fathers[i]!;
    if (named.length - f.length <= LINKING_LETTERS && named.startsWith(f)) return Father.Theirs;
  }
  return Father.Another;
}

/** Letters a patronymic may put between the father's name and its ending (Gurbanguly-ý-ewiç, Нургази-евич). */
const LINKING_LETTERS = 2;

/** A full name's given name and the father's name its patronymic gives, both folded. */
export interface GivenAndFather {
  given: string;
  father: string;
  /** The given name and the patronymic as written, for the card's "why". */
  original: string;
}

function givenAndFather(text: string, at: number, givenEnd: number, father: string, end: number): GivenAndFather {
  return { given: foldWord(text.slice(at, givenEnd)), father, original: text.slice(at, end) };
}

const HYPHEN = 0x2d;
/** A cased letter: the scripts that write patronymics have case (Georgian, caseless, writes none). */
const isLetterUnit = (unit: number) => caseOfUnit(unit) !== CASELESS;

/** Where a given name that starts at `at` ends, a hyphenated one whole ("Касым-Жомарт"). */
export function nameWordEnd(text: string, at: number): number {
  let end = wordEnd(text, at);
  while (text.charCodeAt(end) === HYPHEN && isLetterUnit(text.charCodeAt(end + 1))) end = wordEnd(text, end + 1);
  return end;
}

/** Where a given name whose last part starts at `at` starts, a hyphenated one whole; -1 stays -1. */
function nameWordStart(text: string, at: number): number {
  let start = at;
  while (start >= 2 && text.charCodeAt(start - 1) === HYPHEN && isLetterUnit(text.charCodeAt(start - 2))) {
    start -= 2;
    while (start > 0 && isLetterUnit(text.charCodeAt(start - 1))) start--;
  }
  return start;
}
