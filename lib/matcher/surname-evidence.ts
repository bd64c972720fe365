/**
 * Evidence on a page that a bare surname of ours names someone else, read only for bare surnames (rare on a page):
 * - a given name or an initial written after it, or after its comma, as lists, tables, indexes and official documents
 *   order a name ("Жапаров Нурбек", "Aliyev R.", "Aliyev, Ilham"), which is the person's only when it is their own;
 * - a role no person of ours is known by right before it (a judge, a coach, a player, a witness: data/languages.yaml
 *   `other-roles`);
 * - a Russian surname in its female form ("Алиева заявила"): the same letters are the genitive of the man's, so it
 *   counts only where the sentence makes it a woman, the subject of a feminine verb with no noun before it.
 */
import { caseOfUnit, UPPER } from './char-kinds';
import { nameWordEnd } from './patronymic';
import { digraphInitialAt, foldWord, wordAfterStart, wordAt, wordEnd } from './words';

const FULL_STOP = 0x2e;
const COMMA = 0x2c;

/**
 * The word written right after a surname that ends at original offset `end` (or after its comma), folded, when it may
 * be a given name or an initial of a name written surname first: a capitalised word, a hyphenated one whole
 * ("Kassym-Jomart"), or a capital and a full stop (an initial, as its one letter; "Sh." as its first). `then` is the
 * capitalised word right after a given name, folded ('' when none): another given name of the same person ("Erdoğan,
 * Recep Tayyip") or the start of another name ("Токаев Нұрсұлтан Назарбаевпен"), which the caller tells apart. Null
 * otherwise. White space on the same line only between; the caller decides whether the word is a given name.
 */
export function wordAfterSurname(text: string, end: number): WordAfterSurname | null {
  const at = wordAfterStart(text, afterComma(text, end));
  if (at < 0 || caseOfUnit(text.charCodeAt(at)) !== UPPER || lineBreakBetween(text, end, at)) return null;
  const wordEnds = wordEnd(text, at);
  if (
    text.charCodeAt(wordEnds) === FULL_STOP &&
    (wordEnds - at === 1 || (wordEnds - at === 2 && digraphInitialAt(text, at)))
  ) {
    const original = text.slice(at, wordEnds + 1);
    const second = initialAt(text, wordEnds + 1);
    return { word: foldWord(text.charAt(at)), initial: true, original, then: '', end: wordEnds + 1, second };
  }
  const nameEnds = nameWordEnd(text, at);
  const next = wordAfterStart(text, nameEnds);
  const then =
    next >= 0 && caseOfUnit(text.charCodeAt(next)) === UPPER ? foldWord(text.slice(next, wordEnd(text, next))) : '';
  const original = text.slice(at, nameEnds);
  return { word: foldWord(original), initial: false, original, then, end: nameEnds, second: '' };
}

/**
 * The folded letter of an initial starting at `from` past white space on the line ("Ш. А.", "Sh.M.": the patronymic's
 * initial after the given name's), '' when none.
 */
function initialAt(text: string, from: number): string {
  let at = from;
  while (at < text.length && text.charCodeAt(at) === SPACE) at++;
  if (at >= text.length || caseOfUnit(text.charCodeAt(at)) !== UPPER) return '';
  const dot = digraphInitialAt(text, at) ? at + 2 : at + 1;
  return text.charCodeAt(dot) === FULL_STOP ? foldWord(text.charAt(at)) : '';
}
const SPACE = 0x20;

export interface WordAfterSurname {
  word: string;
  initial: boolean;
  original: string;
  then: string;
  /** Where the given name or the initial ends. */
  end: number;
  /** After an initial, the folded letter of a second one, the patronymic's ("Мирзиёев Ш. М."); '' when none. */
  second: string;
}

/**
 * Whether a year in brackets follows the name that ends at `end` (past a further initial or given name): a reference
 * list's author ("Karimov, Islam (2021).", "Aliyev I. (2019)"), who is often a scholar of that name, not ours.
 */
export function yearInBracketsAfter(text: string, end: number): boolean {
  const limit = Math.min(text.length, end + YEAR_REACH);
  for (let i = end; i < limit; i++) {
    if (text.charCodeAt(i) !== OPENING_BRACKET) continue;
    const digit = text.charCodeAt(i + 1);
    return digit >= 0x30 && digit <= 0x39;
  }
  return false;
}
/** How far past a name the bracket of its year is looked for: a further initial or given name ("Sh.M.", "Tayyip"). */
const YEAR_REACH = 12;
const OPENING_BRACKET = 0x28;

/**
 * Past the comma of a name written surname first with a comma, as registers, indexes and reference lists write it
 * ("Aliyev, Ilham", "Алиев, Ильхам Гейдарович", "Aliyev, I."): `end + 1` when a comma follows the surname, else `end`.
 */
export const afterComma = (text: string, end: number) => (text.charCodeAt(end) === COMMA ? end + 1 : end);

/** A line ends between: a surname that ends a line, a heading or a list item is not followed by its given name. */
function lineBreakBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 0x0a || unit === 0x0d || unit === 0x2028 || unit === 0x2029) return true;
  }
  return false;
}

/**
 * Whether a folded word is one of `roles` or that word with a case ending or possessive of up to `endingLetters`
 * letters (судьи, hakimi, тренера; ailəsindən).
 */
export function isRole(word: string, roles: readonly string[], endingLetters = 3): boolean {
  for (let i = 0; i < roles.length; i++) {
    const role = roles[i]!;
    const ending = word.length - role.length;
    if (ending >= 0 && ending <= endingLetters && word.startsWith(role)) return true;
  }
  return false;
}

/** Russian -ов, -ев, -ёв, -ин surnames in the form -ова, -ева, -ина: the feminine, or the masculine's genitive. */
const FEMININE_SURNAME = /(?:ов|ев|ёв|ин)а$/iu;
/** Feminine past tense (заявила, вернулась) and short participles (назначена, избрана, арестована). */
const FEMININE_PREDICATE = /^[а-яё]+(?:ла|лась|ена|ана|ята)$/u;

/**
 * Whether the surname at [start, end) is a woman's: a Russian female form followed by a feminine verb, where it opens
 * its sentence or follows a courtesy word or an office ("Депутат Алиева заявила"): `opensOrAfterCourtesy`, which the
 * caller reads. A genitive there would need a noun before it ("Речь Алиева длилась час"), so any other word before
 * keeps the man's reading.
 */
export function femaleSurnameHere(text: string, start: number, end: number, opensOrAfterCourtesy: boolean): boolean {
  if (!opensOrAfterCourtesy || !FEMININE_SURNAME.test(text.slice(Math.max(start, end - 3), end))) return false;
  const at = wordAfterStart(text, end);
  return at >= 0 && FEMININE_PREDICATE.test(wordAt(text, at));
}

/**
 * The folded word right after a surname that ends at original offset `end`, on the same line: "" when none. A family
 * word there (`family-after`) makes the surname the family's ("Yıldırım ailesi", "the Aliyev family").
 */
export function wordOnLineAfter(text: string, end: number): string {
  const at = wordAfterStart(text, end);
  return at < 0 || lineBreakBetween(text, end, at) ? '' : foldWord(wordAt(text, at));
}

/**
 * Whether the text between two names, [from, to), joins them as a pair: a comma, a word of `joiners` (and, ve, и,
 * და, менен), or a comma and such a word, with spaces around, on one line ("Putin and Tokayev", "Эрдоган, Назарбаев").
 */
export function joinsAPair(text: string, from: number, to: number, joiners: ReadonlySet<string>): boolean {
  if (to - from > MAX_JOIN || lineBreakBetween(text, from, to)) return false;
  let i = from;
  let joined = false;
  if (text.charCodeAt(i) === COMMA) {
    joined = true;
    i++;
  }
  const at = wordAfterStart(text, i);
  if (at >= 0 && at < to) {
    const end = wordEnd(text, at);
    if (!joiners.has(foldWord(text.slice(at, end)))) return false;
    joined = true;
    i = end;
  }
  while (i < to && text.charCodeAt(i) <= 0x20) i++;
  return joined && i === to;
}

/** The most units a joiner and its spaces take between two names (", and ", " менен "). */
const MAX_JOIN = 12;
