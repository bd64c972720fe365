/**
 * A full name written surname first, as official lists and documents write it: the surname, a given name and a
 * patronymic ("Əliyev Elnur İlham oğlu", "Karimov Baxtiyor Islomovich", "Жапаров Бакыт Садырович"). The patronymic is
 * a word with one of the `endings` of data/languages.yaml `patronymics`, or the father's name and one of its `words`
 * ("İlham oğlu", "Садыр уулу"). Such a name is the person's only with their own given name; and a patronymic formed
 * from a person's given name is no given name of theirs ("Садырович Жапаров" is not Sadyr Japarov).
 */
import { caseOfUnit, UPPER } from './char-kinds';
import { foldWord, wordAfterStart, wordAt, wordEnd } from './words';

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
  for (let i = 0; i < p.endings.length; i++) {
    const ending = p.endings[i]!;
    const at = folded.lastIndexOf(ending);
    if (at >= MIN_FATHER_LETTERS && folded.length - at - ending.length <= CASE_ENDING) return true;
  }
  return false;
}

/** The longest case ending after a patronymic's (-а, -у, -ем, -ой: Ильхамовича, Маратовичем, Рашидовной). */
const CASE_ENDING = 2;

/** The fewest letters of the father's name before a patronymic's ending (Ali-yevich is not a word's ending). */
const MIN_FATHER_LETTERS = 3;

/**
 * The folded given name that follows a surname ending at original offset `end`, when a patronymic follows that given
 * name (the order of an official full name); null otherwise. Reads at most three words, and only when the first is
 * capitalised.
 */
export function givenNameBeforePatronymic(p: Patronymics, text: string, end: number): string | null {
  const at = wordAfterStart(text, end);
  if (at < 0 || caseOfUnit(text.charCodeAt(at)) !== UPPER) return null;
  const givenEnd = wordEnd(text, at);
  const next = wordAfterStart(text, givenEnd);
  if (next < 0 || caseOfUnit(text.charCodeAt(next)) !== UPPER) return null;
  const given = () => foldWord(text.slice(at, givenEnd));
  if (isPatronymic(p, foldWord(wordAt(text, next)))) return given();
  // The father's name, then the word for "son of" or "daughter of".
  const word = wordAfterStart(text, wordEnd(text, next));
  return word >= 0 && p.words.has(foldWord(wordAt(text, word))) ? given() : null;
}
