/**
 * Whether the words a page writes before "(ACRONYM)" (`text` up to `end`) spell that acronym out. Only then does the
 * page say what the acronym means on it: "Communist Party of China (CPC)" does, but a Georgian or Armenian name of our
 * own pipeline before "(TANAP)", or "the new line (TANAP)", says nothing, and must not take the acronym's marks away.
 */

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const UPPER_LETTER = /\p{Lu}/u;
/** How far back an expansion may start: the longest real ones run to about ten words. */
const REACH = 160;

/**
 * The acronym's letters must be, in order, the initials of the words that end right before "(" (or capitals inside
 * one: "QazMunaiGaz (QMG)"), the last word giving the last letter. Lowercase words that give no letter ("of", "ve",
 * "и") are skipped; a capitalised word that gives none ends the search, as does a word in another script. Or one
 * word holds the letters in order from its first ("Bitcoin (BTC)").
 */
export const spellsOut = (acronym: string, text: string, end: number): boolean =>
  spelledOutFrom(acronym, text, end) >= 0;

/**
 * Where the words that spell the acronym out before `end` start (see `spellsOut`), or -1: a name of ours that runs
 * over them ("Rusiya Federasiyası (RF)", where the fact base has "Rusiya") says the acronym is ours.
 */
export function spelledOutFrom(acronym: string, text: string, end: number): number {
  const letters = [...acronym].map(letterKey);
  const from = Math.max(0, end - REACH);
  const words = text.slice(from, end).match(WORD);
  if (!words) return -1;
  // Where each word starts, counted back from the end (the words are matched in order, so each one's last place).
  const wordStart = (w: number) => {
    let at = end;
    for (let k = words.length - 1; k >= w; k--) at = text.lastIndexOf(words[k]!, at - words[k]!.length);
    return at;
  };
  if (shortFor(letters, words[words.length - 1]!)) return wordStart(words.length - 1);
  let j = letters.length - 1;
  let w = words.length - 1;
  for (; w >= 0 && j >= 0; w--) {
    const given = initialsOf(words[w]!);
    const before = j;
    for (let k = given.length - 1; k >= 0 && j >= 0; k--) if (given[k] === letters[j]) j--;
    if (j === before && (w === words.length - 1 || UPPER_LETTER.test(words[w]![0]!))) return -1;
  }
  return j < 0 ? wordStart(w + 1) : -1;
}

/** Whether `word` starts with the acronym's first letter and holds the others in order. */
function shortFor(letters: readonly string[], word: string): boolean {
  const chars = [...word].map(letterKey);
  if (chars[0] !== letters[0]) return false;
  let j = 1;
  for (let i = 1; i < chars.length && j < letters.length; i++) if (chars[i] === letters[j]) j++;
  return j === letters.length;
}

/** A word's first letter, and each capital after a lowercase letter inside it (a name written solid). */
function initialsOf(word: string): string[] {
  const chars = [...word];
  const out = [letterKey(chars[0]!)];
  for (let i = 1; i < chars.length; i++) {
    const c = chars[i]!;
    if (UPPER_LETTER.test(c) && !UPPER_LETTER.test(chars[i - 1]!)) out.push(letterKey(c));
  }
  return out;
}

/** A letter as an acronym may write it: in capitals, without its diacritics (İ, Ş and Ö stand for I, S and O). */
function letterKey(c: string): string {
  let key = letterKeys.get(c);
  if (key === undefined) {
    key = c.toUpperCase().normalize('NFD').charAt(0);
    letterKeys.set(c, key);
  }
  return key;
}
/** Normalising is slow and pages repeat their letters: each letter's key is worked out once. */
const letterKeys = new Map<string, string>();

/** A lowercase word of this many letters or fewer may sit inside a spelled-out name ("of", "ve", "и", "için"). */
const LINKING_WORD = 4;

/** The words of the text last read (reused: the reads come one after another). */
let starts = new Int32Array(512);
let ends = new Int32Array(512);

const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const LOWER_LETTER = /\p{Ll}/u;
/** Units that may join the words of one name: spaces, hyphens and dashes, and an apostrophe. */
const JOINER_CHAR = /[\s\-‐‑–—'’]/u;
/** Units that close off a name on one side: quotation marks, brackets, commas, colons, dashes or a sentence's end. */
const FENCE_CHAR = /[«»"“”„‹›'‘’()[\],:;–—.!?]/u;

const IS_WORD = 1;
const IS_UPPER = 2;
const IS_LOWER = 4;
const IS_JOINER = 8;
const IS_FENCE = 16;
const LEARNED = 128;
/** Per code unit, learned on first sight: the classes above (a lone surrogate has none). */
const unitClasses = new Uint8Array(0x10000);

function classOfUnit(unit: number): number {
  let known = unitClasses[unit]!;
  if (known === 0) {
    const ch = String.fromCharCode(unit);
    known =
      LEARNED |
      (WORD_CHAR.test(ch) ? IS_WORD : 0) |
      (UPPER_LETTER.test(ch) ? IS_UPPER : 0) |
      (LOWER_LETTER.test(ch) ? IS_LOWER : 0) |
      (JOINER_CHAR.test(ch) ? IS_JOINER : 0) |
      (FENCE_CHAR.test(ch) ? IS_FENCE : 0);
    unitClasses[unit] = known;
  }
  return known;
}

const isUpperCodePoint = (cp: number) =>
  cp > 0xffff ? UPPER_LETTER.test(String.fromCodePoint(cp)) : (classOfUnit(cp) & IS_UPPER) !== 0;

/** Per code unit, learned on first sight: `letterKey` of it as a code unit (0: not learned yet). */
const unitKeys = new Uint16Array(0x10000);

function keyOfUnit(unit: number): number {
  let key = unitKeys[unit]!;
  if (key === 0) unitKeys[unit] = key = letterKey(String.fromCharCode(unit)).charCodeAt(0);
  return key;
}

/** An acronym's letters as `letterKey` gives them, as code units: worked out once per acronym. */
function lettersOf(acronym: string): readonly number[] {
  let letters = acronymLetters.get(acronym);
  if (letters === undefined) {
    letters = [...acronym].map((c) => letterKey(c).charCodeAt(0));
    acronymLetters.set(acronym, letters);
  }
  return letters;
}
const acronymLetters = new Map<string, readonly number[]>();

const keyOfCodePoint = (cp: number) =>
  cp > 0xffff ? letterKey(String.fromCodePoint(cp)).charCodeAt(0) : keyOfUnit(cp);

/**
 * Where `text` (the words around an acronym) spells it out as a free-standing run of capitalised words whose
 * initials give its letters in order ("ACG" (Associated Contractors Group, …), SCP stands for "Smart City
 * Platform"), as [start, end), or null. The run must be fenced off from the words around it on both sides
 * (a quotation mark, a bracket, a comma, a lowercase word) and on one side by more than the text's own edge, so that
 * a Title Case headline's words ("Officials Tour Samarkand") never spell out OTS by chance. Reads the text's code
 * units of text[from, to) in place, with no string per word: matching every word into a string and spreading it
 * into letters made a few dozen reads a page a tenth of a find on the eval pages.
 */
export function spelledOutIn(acronym: string, text: string, from = 0, to = text.length): [number, number] | null {
  const letters = lettersOf(acronym);
  const count = wordsIn(text, from, to);
  // Locals, not the module's bindings, in the loops: each read of a module's `let` is a load and a check.
  const wordStarts = starts;
  const wordEnds = ends;
  for (let i = 0; i < count; i++) {
    const first = wordStarts[i]!;
    // The word's first code unit, as the run's words are read: a letter beyond the BMP starts none.
    const unit = text.charCodeAt(first);
    if ((classOfUnit(unit) & IS_UPPER) === 0 || keyOfUnit(unit) !== letters[0]) continue;
    if (isTheAcronym(text, first, wordEnds[i]!, letters)) continue;
    let j = 0;
    let w = i;
    for (; w < count && j < letters.length; w++) {
      const start = wordStarts[w]!;
      if (w > i && !only(IS_JOINER, text, wordEnds[w - 1]!, start)) break;
      if ((classOfUnit(text.charCodeAt(start)) & IS_LOWER) !== 0) {
        if (wordEnds[w]! - start > LINKING_WORD) break;
        continue;
      }
      const given = initialsGiven(text, start, wordEnds[w]!, letters, j);
      if (given < 0) break;
      j += given;
    }
    if (j < letters.length) continue;
    const end = wordEnds[w - 1]!;
    const left = sideOf(text, i > 0 ? wordEnds[i - 1]! : from, first, i > 0 ? wordStarts[i - 1]! : -1);
    const right = sideOf(text, end, w < count ? wordStarts[w]! : to, w < count ? wordStarts[w]! : -1);
    if (left !== OPEN && right !== OPEN && (left === FENCED || right === FENCED)) return [first, end];
  }
  return null;
}

const OPEN = 0; // only spaces, then a capitalised word: the run may go on
const EDGE = 1; // the text's own start or end
const FENCED = 2; // punctuation, or a lowercase word

/** The side of a run between `from` and `to`, with the word at `word` beyond it (-1: the text's edge). */
function sideOf(text: string, from: number, to: number, word: number): number {
  for (let i = from; i < to; i++) if ((classOfUnit(text.charCodeAt(i)) & IS_FENCE) !== 0) return FENCED;
  if (word < 0) return EDGE;
  return (classOfUnit(text.charCodeAt(word)) & IS_UPPER) !== 0 ? OPEN : FENCED;
}

/**
 * How many of the acronym's letters, from the `j`th, the word [start, end) gives: its first letter and each capital
 * after a lowercase letter inside it (a name written solid); -1 when one differs or it gives more than are left.
 */
function initialsGiven(text: string, start: number, end: number, letters: readonly number[], j: number): number {
  let given = 0;
  let previousUpper = false;
  for (let i = start; i < end;) {
    const cp = text.codePointAt(i)!;
    const upper = isUpperCodePoint(cp);
    if (i === start || (upper && !previousUpper)) {
      if (j + given >= letters.length || keyOfCodePoint(cp) !== letters[j + given]) return -1;
      given++;
    }
    previousUpper = upper;
    i += cp > 0xffff ? 2 : 1;
  }
  return given;
}

/** Whether the word [start, end), each letter as an acronym writes it, is the acronym itself. */
function isTheAcronym(text: string, start: number, end: number, letters: readonly number[]): boolean {
  let n = 0;
  for (let i = start; i < end; n++) {
    const cp = text.codePointAt(i)!;
    if (n >= letters.length || keyOfCodePoint(cp) !== letters[n]) return false;
    i += cp > 0xffff ? 2 : 1;
  }
  return n === letters.length;
}

/** Whether every unit of text[from, to) has the class bit `kind`. */
function only(kind: number, text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if ((classOfUnit(text.charCodeAt(i)) & kind) === 0) return false;
  return true;
}

/** The words of text[from, to) (letters, marks and digits, by code point) into `starts` and `ends`; their count. */
function wordsIn(text: string, from: number, to: number): number {
  if (starts.length < to - from) {
    starts = new Int32Array(to - from);
    ends = new Int32Array(to - from);
  }
  const wordStarts = starts;
  const wordEnds = ends;
  let count = 0;
  let inWord = false;
  for (let i = from; i < to;) {
    const unit = text.charCodeAt(i);
    const pair = unit >= 0xd800 && unit <= 0xdbff && i + 1 < to && isLowSurrogate(text.charCodeAt(i + 1));
    const word = pair
      ? WORD_CHAR.test(String.fromCodePoint(text.codePointAt(i)!))
      : (classOfUnit(unit) & IS_WORD) !== 0;
    if (word && !inWord) wordStarts[count] = i;
    if (!word && inWord) wordEnds[count++] = i;
    inWord = word;
    i += pair ? 2 : 1;
  }
  if (inWord) wordEnds[count++] = to;
  return count;
}

/** How far after an acronym its expansion may run: the longest real ones are about ten words. */
const AFTER_REACH = 120;

const enum Unit {
  Space = 0x20,
  OpenParen = 0x28,
  CloseParen = 0x29,
  HyphenMinus = 0x2d,
  Colon = 0x3a,
  Equals = 0x3d,
  EnDash = 0x2013,
  EmDash = 0x2014,
  LineFeed = 0x0a,
}

const isBlank = (unit: number) => unit === Unit.Space || unit === 0xa0 || unit === 0x09;

/**
 * Where the words right after an acronym spell it out, as [start, end), or null: a glossary's or a writer's gloss,
 * "IMU (inertial measurement unit)", "SSB (single-sideband)", "ТАП — технический анализ производства", "TDT: texnik
 * diagnostika tekshiruvi". The gloss is in brackets, or after a colon, an equals sign or a spaced dash, and runs to
 * its closing bracket or the first comma, full stop or line end. Its words, in any case, give the letters as initials
 * in order (a short lowercase word that gives none, "of", "ve", "и", is skipped), or one word (hyphens inside it
 * allowed) holds them in order from its first letter. Reads a few code units past the acronym first: most acronyms
 * go on with a space and a word, and are never read further.
 */
export function spelledOutAfter(acronym: string, text: string, end: number): [number, number] | null {
  let at = end;
  while (at < text.length && at < end + 2 && isBlank(text.charCodeAt(at))) at++;
  const unit = text.charCodeAt(at);
  const inBrackets = unit === Unit.OpenParen;
  // A hyphen only spaced: "BTC-USD" and "ЕС-ке" join, "ЕС - Европейский союз" glosses.
  const spacedHyphen = unit === Unit.HyphenMinus && at > end && isBlank(text.charCodeAt(at + 1));
  const glossMark = unit === Unit.EnDash || unit === Unit.EmDash || unit === Unit.Colon || unit === Unit.Equals;
  if (!inBrackets && !spacedHyphen && !glossMark) return null;
  const from = at + 1;
  const limit = Math.min(text.length, from + AFTER_REACH);
  let to = from;
  for (; to < limit; to++) {
    const u = text.charCodeAt(to);
    if (inBrackets ? u === Unit.CloseParen : u === Unit.LineFeed || u === 0x2c || u === 0x2e || u === 0x3b) break;
    if (inBrackets && u === Unit.OpenParen) return null;
  }
  if (inBrackets && to === limit) return null;
  return glossSpells(lettersOf(acronym), text, from, to);
}

/** Whether text[from, to) is a gloss of `letters` (see `spelledOutAfter`): the words it takes, or null. */
function glossSpells(letters: readonly number[], text: string, from: number, to: number): [number, number] | null {
  const count = wordsIn(text, from, to);
  if (count === 0) return null;
  const wordStarts = starts;
  const wordEnds = ends;
  const first = wordStarts[0]!;
  let j = 0;
  let w = 0;
  for (; w < count && j < letters.length; w++) {
    const start = wordStarts[w]!;
    // The gloss's words follow one another: a bracket or a quotation mark inside ends it.
    if (w > 0 && !only(IS_JOINER, text, wordEnds[w - 1]!, start)) break;
    const given = initialsGiven(text, start, wordEnds[w]!, letters, j);
    if (given > 0) {
      j += given;
      continue;
    }
    const lower = (classOfUnit(text.charCodeAt(start)) & IS_LOWER) !== 0;
    if (w === 0 || !lower || wordEnds[w]! - start > LINKING_WORD) break;
  }
  // Every letter given, and the gloss ends there: "OTS (order-to-settlement)", not "OTS: one of the three states".
  if (j === letters.length && (w === count || !only(IS_JOINER, text, wordEnds[w - 1]!, wordStarts[w]!)))
    return [first, wordEnds[w - 1]!];
  // One word, hyphens inside it allowed: "BTC (bitcoin)", "SSB (single-sideband)".
  let last = 0;
  while (last + 1 < count && onlyHyphens(text, wordEnds[last]!, wordStarts[last + 1]!)) last++;
  if (last + 1 < count && only(IS_JOINER, text, wordEnds[last]!, wordStarts[last + 1]!)) return null;
  return holdsInOrder(letters, text, first, wordEnds[last]!) ? [first, wordEnds[last]!] : null;
}

const onlyHyphens = (text: string, from: number, to: number) => {
  for (let i = from; i < to; i++) {
    const u = text.charCodeAt(i);
    if (u !== Unit.HyphenMinus && u !== 0x2010 && u !== 0x2011) return false;
  }
  return from < to;
};

/** Whether text[from, to) starts with the acronym's first letter and holds the others in order. */
function holdsInOrder(letters: readonly number[], text: string, from: number, to: number): boolean {
  let j = 0;
  for (let i = from; i < to && j < letters.length;) {
    const cp = text.codePointAt(i)!;
    if (keyOfCodePoint(cp) === letters[j]) j++;
    else if (i === from) return false;
    i += cp > 0xffff ? 2 : 1;
  }
  return j === letters.length;
}
