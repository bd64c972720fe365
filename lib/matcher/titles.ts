/**
 * A name inside the title of a film, a book, a song, a programme or a series is the title's, not the thing's: the
 * card of the person, the place or the corridor it names would be wrong. The kind of work stands before the quoted
 * title (драма «Баку, я люблю тебя», "Sənədli film: "…"", Serial "…"), after it as the Turkic languages write it
 * ("Şuşa" filmi, «…» — səhər verilişi), or in parentheses after the name (Middle Corridor (film), as an encyclopedia
 * tells namesakes apart). Data: data/languages.yaml `named-after` `title-before` and `title-after`.
 */
import type { BatchText, RuledCandidate, RuleTables } from './disambiguate';
import type { NamedAfterList } from './named-after';
import { openingQuoteBeforeIn, quotationStart } from './quoted-name';

/** How far after a name the closing quotation mark of its title may stand (a title's subtitle included). */
const TITLE_END_CHARS = 60;
/** How many words after the closing mark may hold the kind of work: "— səhər verilişi", a morning programme. */
const WORDS_AFTER = 2;

const OPEN_PAREN = 0x28;
const COLON = 0x3a;
const isSpace = (u: number) => u === 0x20 || u === 0xa0;
const isDash = (u: number) => u === 0x2d || u === 0x2013 || u === 0x2014;
const isClosingQuote = (u: number) => u === 0xbb || u === 0x201d || u === 0x201c || u === 0x22;
const isQuote = (u: number) => isClosingQuote(u) || u === 0xab || u === 0x201e;

/**
 * Whether `namesATitle` may hold for the name: an opening quotation mark shortly before it, or "(" right after it.
 * Most names have neither and are turned down without reading the text around them.
 */
export function mayNameATitle(b: BatchText, c: RuledCandidate): boolean {
  const { text } = b;
  return (
    (isSpace(text.charCodeAt(c.end)) && text.charCodeAt(c.end + 1) === OPEN_PAREN) || openingQuoteBeforeIn(b, c.start)
  );
}

/** Whether the name at `c` is part of a work's title (see the module's comment). */
export function namesATitle(t: RuleTables, b: BatchText, c: RuledCandidate): boolean {
  const { text } = b;
  const { titleBefore, titleAfter } = t.namedAfter;
  if (isSpace(text.charCodeAt(c.end)) && text.charCodeAt(c.end + 1) === OPEN_PAREN)
    return titleBefore.startsWordAt(text, c.end + 2);
  const open = quotationStart(text, c.start);
  if (open < 0) return false;
  return kindBefore(titleBefore, text, open) || kindAfter(titleAfter, text, c.end);
}

/** The kind of work right before the opening mark, or before a colon there ("Sənədli film: "…""). */
function kindBefore(list: NamedAfterList, text: string, open: number): boolean {
  let i = open;
  while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
  if (text.charCodeAt(i - 1) === COLON) i--;
  while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
  return list.startsWordAt(text, wordStartBefore(text, i));
}

/** The kind of work in one of the words after the closing mark, past a dash ("Şuşa" filmi, «…» — səhər verilişi). */
function kindAfter(list: NamedAfterList, text: string, end: number): boolean {
  let close = end;
  while (close < text.length && close - end <= TITLE_END_CHARS && !isQuote(text.charCodeAt(close))) close++;
  if (close >= text.length || !isClosingQuote(text.charCodeAt(close))) return false;
  let i = close + 1;
  for (let word = 0; word < WORDS_AFTER; word++) {
    while (i < text.length && (isSpace(text.charCodeAt(i)) || isDash(text.charCodeAt(i)))) i++;
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
