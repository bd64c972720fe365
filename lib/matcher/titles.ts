/**
 * A name inside the title of a film, a book, a song, a programme or a series is the title's, not the thing's: the
 * card of the person, the place or the corridor it names would be wrong. The kind of work stands before the quoted
 * title (драма «Баку, я люблю тебя», "Sənədli film: "…"", Serial "…"), after it as the Turkic languages write it
 * ("Şuşa" filmi, «…» — səhər verilişi), or in parentheses after the name (Middle Corridor (film), as an encyclopedia
 * tells namesakes apart). Data: data/languages.yaml `named-after` `title-before` and `title-after`.
 */
import type { BatchText, RuledCandidate, RuleTables } from './disambiguate';
import { Seen } from './evidence-seen';
import type { NamedAfterList } from './named-after';
import { quotationStart } from './quoted-name';
import { caseOfUnit, isAsciiDigit, isSpaceOrNbsp, UPPER } from './char-kinds';
import { imprintAt, isSuperscriptDigit, isYearAt } from './citations';
import { listedTitle } from './listed-titles';

/** How far after a name the closing quotation mark of its title may stand (a title's subtitle included). */
const TITLE_END_CHARS = 60;
/** How many words after the closing mark may hold the kind of work: "— səhər verilişi", a morning programme. */
const WORDS_AFTER = 2;

const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;
const COLON = 0x3a;
const COMMA = 0x2c;
const PERIOD = 0x2e;
const SLASH = 0x2f;
/** How far into parentheses after a title its year may stand. */
const PARENTHESIS_CHARS = 20;
const isDash = (u: number) => u === 0x2d || u === 0x2013 || u === 0x2014;
const isClosingQuote = (u: number) => u === 0xbb || u === 0x201d || u === 0x201c || u === 0x22;
const isQuote = (u: number) => isClosingQuote(u) || u === 0xab || u === 0x201e;

/** Whether "(" follows the name after a space: the kind of work may stand in it (Middle Corridor (film)). */
export const parenthesisAfter = (text: string, end: number): boolean =>
  isSpaceOrNbsp(text.charCodeAt(end)) && text.charCodeAt(end + 1) === OPEN_PAREN;

/**
 * Whether the name at `c` is part of a work's title (see the module's comment). `seen` (disambiguate.ts): whether an
 * opening quotation mark stands a little before it, and "(" after it; with neither it is not read.
 */
export function namesATitle(t: RuleTables, b: BatchText, c: RuledCandidate, seen: number): boolean {
  const { text } = b;
  const { titleBefore, titleAfter } = t.namedAfter;
  if ((seen & Seen.Parenthesis) !== 0 && parenthesisAfter(text, c.end))
    return titleBefore.startsWordAt(text, c.end + 2) || kindEndsParenthesis(titleBefore, text, c.end + 2);
  if ((seen & Seen.Quote) === 0) return false;
  const open = quotationStart(text, c.start);
  if (open < 0) return false;
  if (kindBefore(titleBefore, text, open) || kindAfter(titleAfter, text, c.end) || citedQuotation(text, open, c.end))
    return true;
  const close = closingMarkAfter(text, c.end);
  return close >= 0 && listedTitle(text, open, close);
}

/** The closing mark of the quotation that holds a name ending at `end` (a subtitle included), or -1. */
function closingMarkAfter(text: string, end: number): number {
  let close = end;
  while (close < text.length && close - end <= TITLE_END_CHARS && !isQuote(text.charCodeAt(close))) close++;
  return close < text.length && isClosingQuote(text.charCodeAt(close)) ? close : -1;
}

/**
 * Whether the quotation opening at `open` is a cited work's title, by the citation's shape in any language: after an
 * author's initial or a footnote's number ("Balcı B. «…»", "³ «…»", "4) «…»"), or followed by the work's place and
 * year, its date or its imprint ("«…», Moskwa, 2024", "«…», 12.11.2023", "\"…\" (Eylül 2026)", "«…». — Тошкент: …").
 * A quoted sentence is followed by the one who said it, not by a year.
 */
function citedQuotation(text: string, open: number, end: number): boolean {
  return citedBefore(text, open) || citedAfter(text, end);
}

function citedBefore(text: string, open: number): boolean {
  let i = open;
  while (i > 0 && isSpaceOrNbsp(text.charCodeAt(i - 1))) i--;
  const u = text.charCodeAt(i - 1);
  if (isSuperscriptDigit(u)) return true;
  // "4) «…»": an entry's number.
  if (u === CLOSE_PAREN) return isAsciiDigit(text.charCodeAt(i - 2)) && !isLetterUnit(text.charCodeAt(i - 3));
  // "Balcı B. «…»": an author's initial, a capital alone before a period.
  if (u !== PERIOD || caseOfUnit(text.charCodeAt(i - 2)) !== UPPER) return false;
  const before = text.charCodeAt(i - 3);
  return i < 3 || isSpaceOrNbsp(before) || before === PERIOD || before === 0x2d;
}

/** How many words or numbers may stand between a title's closing mark and its year ("Rus Genelkurmayı, 1885"). */
const WORDS_BEFORE_YEAR = 5;

function citedAfter(text: string, end: number): boolean {
  let close = end;
  while (close < text.length && close - end <= TITLE_END_CHARS && !isQuote(text.charCodeAt(close))) close++;
  if (close >= text.length || !isClosingQuote(text.charCodeAt(close))) return false;
  let k = close + 1;
  if (text.charCodeAt(k) === PERIOD) k++;
  const u = text.charCodeAt(k);
  if (u === COMMA && isSpaceOrNbsp(text.charCodeAt(k + 1))) return yearAmongNames(text, k + 2);
  if (!isSpaceOrNbsp(u)) return false;
  k++;
  const v = text.charCodeAt(k);
  if (v === OPEN_PAREN) return yearInParentheses(text, k + 1);
  if (isDash(v) && isSpaceOrNbsp(text.charCodeAt(k + 1))) return imprintAt(text, k + 2);
  return v === SLASH && text.charCodeAt(k + 1) === SLASH;
}

/**
 * A year after a few capitalised words, numbers and commas ("Moskwa, 2024", "Ceyhan, 13 Temmuz 2006", "12.11.2023");
 * a lowercase word counts only after a day's number (a month: "3 ноября 2023").
 */
function yearAmongNames(text: string, k: number): boolean {
  let afterNumber = false;
  for (let token = 0; token < WORDS_BEFORE_YEAR; token++) {
    while (isSpaceOrNbsp(text.charCodeAt(k)) || text.charCodeAt(k) === COMMA) k++;
    const u = text.charCodeAt(k);
    if (isAsciiDigit(u)) {
      if (isYearAt(text, k)) return true;
      let n = k;
      while (isAsciiDigit(text.charCodeAt(n)) || text.charCodeAt(n) === PERIOD) n++;
      // "12.11.2023": the year after a day and a month.
      for (let d = k; d < n; d++) if (isYearAt(text, d)) return true;
      if (n - k > 3) return false;
      k = n;
      afterNumber = true;
      continue;
    }
    if (!isLetterUnit(u) || (!afterNumber && caseOfUnit(u) !== UPPER)) return false;
    while (isLetterUnit(text.charCodeAt(k))) k++;
    afterNumber = false;
  }
  return false;
}

/** A year before the closing parenthesis, a few units on: "(2019)", "(Eylül 2026)". */
function yearInParentheses(text: string, k: number): boolean {
  const limit = Math.min(text.length, k + PARENTHESIS_CHARS);
  for (let j = k; j < limit; j++) {
    const u = text.charCodeAt(j);
    if (u === CLOSE_PAREN) return false;
    if (isAsciiDigit(u) && isYearAt(text, j)) return true;
  }
  return false;
}

/**
 * The kind of work as the second and last word in parentheses, after an article, a year or a people's adjective, as
 * an encyclopedia or a list of namesakes writes it ("Samarkand (the novel)", "Baku (2008 film)").
 */
function kindEndsParenthesis(list: NamedAfterList, text: string, from: number): boolean {
  let i = from;
  while (i < text.length && (isLetterUnit(text.charCodeAt(i)) || isAsciiDigit(text.charCodeAt(i)))) i++;
  if (i === from || !isSpaceOrNbsp(text.charCodeAt(i))) return false;
  const kind = i + 1;
  if (!list.startsWordAt(text, kind)) return false;
  let k = kind;
  while (k < text.length && isLetterUnit(text.charCodeAt(k))) k++;
  return text.charCodeAt(k) === CLOSE_PAREN;
}

/** The kind of work right before the opening mark, or before a colon there ("Sənədli film: "…""). */
export function kindBefore(list: NamedAfterList, text: string, open: number): boolean {
  let i = open;
  while (i > 0 && isSpaceOrNbsp(text.charCodeAt(i - 1))) i--;
  if (text.charCodeAt(i - 1) === COLON) i--;
  while (i > 0 && isSpaceOrNbsp(text.charCodeAt(i - 1))) i--;
  return list.startsWordAt(text, wordStartBefore(text, i));
}

/** The kind of work in one of the words after the closing mark, past a dash ("Şuşa" filmi, «…» — səhər verilişi). */
function kindAfter(list: NamedAfterList, text: string, end: number): boolean {
  let close = end;
  while (close < text.length && close - end <= TITLE_END_CHARS && !isQuote(text.charCodeAt(close))) close++;
  if (close >= text.length || !isClosingQuote(text.charCodeAt(close))) return false;
  return kindAfterClose(list, text, close, WORDS_AFTER);
}

/** Whether one of the `words` words after the closing mark at `close` starts with a word of `list`, past a dash. */
export function kindAfterClose(list: NamedAfterList, text: string, close: number, words: number): boolean {
  let i = close + 1;
  for (let word = 0; word < words; word++) {
    while (i < text.length && (isSpaceOrNbsp(text.charCodeAt(i)) || isDash(text.charCodeAt(i)))) i++;
    if (i >= text.length || !isLetterUnit(text.charCodeAt(i))) return false;
    if (list.startsWordAt(text, i)) return true;
    while (i < text.length && isLetterUnit(text.charCodeAt(i))) i++;
  }
  return false;
}

/** Where the word that ends at `end` starts, or -1 when no letter ends there. */
function wordStartBefore(text: string, end: number): number {
  let i = end;
  while (i > 0 && isLetterUnit(text.charCodeAt(i - 1))) i--;
  return i === end ? -1 : i;
}

const LETTER = /[\p{L}\p{M}]/u;
const letterUnits = new Uint8Array(0x10000);
/** A letter or mark (learned per code unit on first sight); surrogate halves count, as a letter beyond the BMP may. */
function isLetterUnit(u: number): boolean {
  let known = letterUnits[u]!;
  if (known === 0) letterUnits[u] = known = (u >= 0xd800 && u <= 0xdfff) || LETTER.test(String.fromCharCode(u)) ? 1 : 2;
  return known === 1;
}
