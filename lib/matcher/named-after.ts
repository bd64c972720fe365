/**
 * The words that make a person's or a city's name the name of a thing (data/languages.yaml `named-after`): "Heydar
 * Aliyev International Airport", "аэропорт имени Гейдара Алиева", "Samarqand viloyati".
 */
import { isSpaceOrNbsp } from './char-kinds';
import { foldAlias, isApostropheUnit } from './fold';
import { foldedStartsWith, foldWord, wordAt, wordBeforeStart, wordEnd } from './words';

/** A folded prefix, and whether the page's word must be capitalised (the head of a proper name: Airport, Фонд). */
interface NamedAfterWord {
  prefix: string;
  capital: boolean;
}

const CAPITAL = /^\p{Lu}/u;

const UNKNOWN = 0;
const NONE = 1;
const SOME = 2;
/** SOME, and the unit is a capital. */
const SOME_CAPITAL = 3;
/** The bits of a `mayStart` entry that hold one of the above. */
const STATE_BITS = 2;
const STATE = (1 << STATE_BITS) - 1;

/**
 * One list (`after`, `before`, `place-after`, `country-after`, an alias's `not-before`, or the common given names),
 * its words by their first folded letter.
 */
export class NamedAfterList {
  private readonly byFirst = new Map<string, NamedAfterWord[]>();
  /**
   * Per key of a code unit (`unitKey`: its folded letter and its case), learned on first sight: whether a page's word
   * starting with it may start one of the words (and its case where every such word is capitalised), in the low two
   * bits; above them, where in `lists` those words are. Most words next to a name start none, and are then turned
   * down without being read or folded. Indexed by key, not by code unit: a table of every code unit per list made
   * each build allocate and clear 192 KB per list, an eighth of a build's time before the garbage was collected.
   */
  private mayStart = new Uint16Array(KEYS_AT_FIRST);
  /** The words of each first letter a page's word has started with (a Map lookup per word cost more). */
  private readonly lists: NamedAfterWord[][] = [[]];
  /** Per folded letter's number (`unitKey` halved), learned on first sight: 1 when it ends one of the words, 2 not. */
  private mayEnd = new Uint8Array(KEYS_AT_FIRST >>> 1);
  private readonly lastLetters = new Set<string>();

  constructor(words: readonly string[] = []) {
    for (const w of words) {
      const prefix = foldAlias(w);
      const list = this.byFirst.get(prefix.charAt(0)) ?? [];
      list.push({ prefix, capital: CAPITAL.test(w) });
      this.byFirst.set(prefix.charAt(0), list);
      this.lastLetters.add(prefix.charAt(prefix.length - 1));
    }
  }

  /** Whether the page's word at original offset `at` (-1: none) starts with one of the list's words. */
  startsWordAt(text: string, at: number): boolean {
    if (at < 0) return false;
    const learned = this.learn(text.charCodeAt(at));
    const known = learned & STATE;
    if (known === NONE) return false;
    // A word's first unit is a letter of the BMP (words.ts), so the unit alone gives its case.
    const capital = known === SOME_CAPITAL;
    const words = this.lists[learned >>> STATE_BITS]!;
    // The word with its digits (a model's name, TB3), compared letter by letter without folding it into a string.
    const end = tokenEnd(text, at);
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      if ((capital || !w.capital) && foldedStartsWith(text, at, end, w.prefix)) return true;
    }
    return false;
  }

  /**
   * The page's word at original offset `at` (-1: none), folded, when it is one of the list's words as a whole (a
   * given name: "Leyla", not "Leylak"); null otherwise.
   */
  wholeWordAt(text: string, at: number): string | null {
    if (at < 0) return null;
    const learned = this.learn(text.charCodeAt(at));
    const known = learned & STATE;
    if (known === NONE) return null;
    // A whole word is letters only (a given name). Its first unit gives its case, as in `startsWordAt`.
    const folded = foldWord(wordAt(text, at));
    const capital = known === SOME_CAPITAL;
    const words = this.lists[learned >>> STATE_BITS]!;
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      if ((capital || !w.capital) && folded === w.prefix) return folded;
    }
    return null;
  }

  /** Whether a page's word ending with the code unit may be one of the words (its folded letter ends one). */
  endsWith(unit: number): boolean {
    const letter = unitKey(unit) >>> 1;
    if (letter >= this.mayEnd.length) this.mayEnd = grown(this.mayEnd, letter);
    let known = this.mayEnd[letter]!;
    if (known === 0) this.mayEnd[letter] = known = this.lastLetters.has(letters[letter]!) ? 1 : 2;
    return known === 1;
  }

  /** The unit's entry in `mayStart`, learned now if it is new. */
  private learn(unit: number): number {
    const key = unitKey(unit);
    if (key >= this.mayStart.length) this.mayStart = grown(this.mayStart, key);
    let learned = this.mayStart[key]!;
    if (learned === UNKNOWN) {
      const words = this.byFirst.get(letters[key >>> 1]!);
      const capital = (key & 1) !== 0;
      const known = words?.some((w) => capital || !w.capital) ? (capital ? SOME_CAPITAL : SOME) : NONE;
      learned = known === NONE ? NONE : known | (this.listIndex(words!) << STATE_BITS);
      // An entry too large for the table (a list of thousands of first letters) is learned again each time.
      if (learned <= 0xffff) this.mayStart[key] = learned;
    }
    return learned;
  }

  /** Where `words`, one first letter's, is in `lists`; added on first sight (a list has a few dozen first letters). */
  private listIndex(words: NamedAfterWord[]): number {
    let i = this.lists.indexOf(words);
    if (i < 0) i = this.lists.push(words) - 1;
    return i;
  }
}

const DIGIT = /\p{N}/u;

/** Per code unit, learned on first sight: 1 a digit (\p{N}), 2 not. */
const digitUnits = new Uint8Array(0x10000);
function isDigitUnit(unit: number): boolean {
  let known = digitUnits[unit]!;
  if (known === 0) digitUnits[unit] = known = DIGIT.test(String.fromCharCode(unit)) ? 1 : 2;
  return known === 1;
}

/**
 * Where the word at `at` ends with the digits in it ("TB3", a model's name, where `wordAt` stops at "TB"): the
 * letters, across an apostrophe between letters, and after them digits and letters when a digit follows.
 */
function tokenEnd(text: string, at: number): number {
  let end = wordEnd(text, at);
  // An apostrophe between letters is a letter of Uzbek ("ko‘chasi", "yo‘l"): the word goes on after it.
  while (end + 1 < text.length && isApostropheUnit(text.charCodeAt(end)) && wordEnd(text, end + 1) > end + 1)
    end = wordEnd(text, end + 1);
  if (end >= text.length || !isDigitUnit(text.charCodeAt(end))) return end;
  while (end < text.length && (isDigitUnit(text.charCodeAt(end)) || wordEnd(text, end) > end)) end++;
  return end;
}

/** How many unit keys a list's tables hold at first; a page in another script grows them (a few hundred letters). */
const KEYS_AT_FIRST = 256;

/**
 * The folded letters seen so far (a unit folded as aliases are: Ü → u, Ə → e), by number; and per code unit, learned
 * on first sight and shared by every list of every matcher, its key: its folded letter's number, doubled, plus one
 * for a capital. 0: not learned yet (number 0 is never given).
 */
const letters: string[] = [''];
const letterNumbers = new Map<string, number>();
const unitKeys = new Uint32Array(0x10000);

function unitKey(unit: number): number {
  let key = unitKeys[unit]!;
  if (key === 0) {
    const letter = foldAlias(String.fromCharCode(unit)).charAt(0);
    let n = letterNumbers.get(letter);
    if (n === undefined) {
      n = letters.push(letter) - 1;
      letterNumbers.set(letter, n);
    }
    unitKeys[unit] = key = (n << 1) | (CAPITAL.test(String.fromCharCode(unit)) ? 1 : 0);
  }
  return key;
}

/** `table` grown to hold index `at`, its entries kept. */
function grown<T extends Uint8Array | Uint16Array>(table: T, at: number): T {
  const bigger = new (table.constructor as new (length: number) => T)(Math.max(at + 1, 2 * table.length));
  bigger.set(table);
  return bigger;
}

/**
 * Whether the word before original offset `start` is a head of `list` (whole words, each case form listed: "суд" and
 * "суда", never "судьба"), the name standing after it in the genitive or as written ("суд Москвы", "оркестр
 * Азербайджана", "аэропорт Баку"), or a head joined to it by one of `links` ("University of Baku", "Bank of Georgia").
 */
export function headBefore(list: NamedAfterList, links: NamedAfterList, text: string, start: number): boolean {
  // One space, and a last letter that ends a head or a link, before the word is read at all.
  if (!isSpaceOrNbsp(text.charCodeAt(start - 1))) return false;
  const last = text.charCodeAt(start - 2);
  if (!list.endsWith(last) && !links.endsWith(last)) return false;
  const at = wordBeforeStart(text, start);
  if (at < 0) return false;
  if (isWholeWordOf(list, text, at)) return true;
  return isWholeWordOf(links, text, at) && isWholeWordOf(list, text, wordBeforeStart(text, at));
}

/** `wholeWordAt`, read only once a word of the list starts there: most words before a name start none. */
const isWholeWordOf = (list: NamedAfterList, text: string, at: number) =>
  list.startsWordAt(text, at) && list.wholeWordAt(text, at) !== null;
