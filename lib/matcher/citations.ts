/**
 * A name inside the title of a cited work is the title's, not a mention of the place, the country or the person it
 * names: "2. Назарбекова А. С. Казахстан и Каспий: три десятилетия транзита // Вестник…", "Cornell S. E. Turkey and
 * Central Asia. — Washington, 2024", "Karimov, Islam (2021). The Caspian in Transit. Baku: Qanun". A reference
 * list's entry gives itself away by its shape in any language, with no word list: an author as a surname with
 * initials (or "Surname, Given (Year)."), then the title, then an imprint (a journal after "//", a city and a year
 * after a dash, a publisher's city before a colon). The imprint's city stays the city; the publisher after its colon
 * ("— Тошкент: Ўзбекистон, 1997") is a publisher's name. A quoted title in a citation is read in titles.ts
 * (`citedQuotation`).
 */
import { caseOfUnit, isAsciiDigit, isSpaceOrNbsp, isWordUnit, UPPER } from './char-kinds';

/** Where the title of the text's cited work lies, read once at the text's first name that asks. */
export interface CitationCursor {
  text: string;
  /** [citedFrom, citedTo) is the title (and its journal); -1 when the text cites no work; -2 until read. */
  citedFrom: number;
  citedTo: number;
}

/** How far into a text its author may start: past a label ("Для цитирования:") and an entry's number. */
const LABEL_CHARS = 40;
/** How long a title and its journal may run before the imprint. */
const TITLE_CHARS = 300;
/** How far after the imprint's dash its year may stand ("— Тошкент: Фан, 2023"). */
const IMPRINT_CHARS = 40;
/** How many authors an entry may list before its title. */
const MAX_AUTHORS = 6;

const isDash = (u: number) => u === 0x2014 || u === 0x2013;
const isLetter = (u: number) => isWordUnit(u) && !isAsciiDigit(u);
const isUpper = (u: number) => caseOfUnit(u) === UPPER;
/** Superscript digits, a footnote's number: ¹ ² ³ and ⁰, ⁴–⁹. */
export const isSuperscriptDigit = (u: number) =>
  u === 0xb9 || u === 0xb2 || u === 0xb3 || u === 0x2070 || (u >= 0x2074 && u <= 0x2079);

/** Whether [start, end) lies inside the title of the work the text cites (see the module's comment). */
export function inCitedTitle(t: CitationCursor, start: number, end: number): boolean {
  if (t.citedFrom === -2) readCitation(t);
  return t.citedFrom >= 0 && start >= t.citedFrom && end <= t.citedTo;
}

function readCitation(t: CitationCursor): void {
  t.citedFrom = -1;
  t.citedTo = -1;
  const { text } = t;
  // The author at the text's start, or past a label ("Для цитирования:"): a colon in the title is no label's.
  let from = titleStart(text, entryStart(text, false));
  if (from < 0) from = titleStart(text, entryStart(text, true));
  if (from < 0) return;
  const to = titleEnd(text, from);
  if (to <= from) return;
  t.citedFrom = from;
  t.citedTo = to;
}

/** Past a short label ending in a colon and an entry's number ("1.", "4)", "[3]", "¹"), where the author starts. */
function entryStart(text: string, pastLabel: boolean): number {
  let i = 0;
  const limit = pastLabel ? Math.min(text.length, LABEL_CHARS) : 0;
  for (let j = 0; j < limit; j++)
    if (text.charCodeAt(j) === 0x3a && isSpaceOrNbsp(text.charCodeAt(j + 1))) {
      i = j + 2;
      break;
    }
  while (isSpaceOrNbsp(text.charCodeAt(i))) i++;
  let n = i;
  if (text.charCodeAt(n) === 0x5b) n++;
  const digits = n;
  while (isAsciiDigit(text.charCodeAt(n)) || isSuperscriptDigit(text.charCodeAt(n))) n++;
  if (n > digits) {
    const u = text.charCodeAt(n);
    if (u === 0x2e || u === 0x29 || u === 0x5d) n++;
    if (isSpaceOrNbsp(text.charCodeAt(n))) {
      while (isSpaceOrNbsp(text.charCodeAt(n))) n++;
      i = n;
    }
  }
  return i;
}

/** The end of a capitalised word starting at `i` (letters and inner hyphens), or -1. */
function capitalisedWordEnd(text: string, i: number): number {
  if (!isUpper(text.charCodeAt(i))) return -1;
  let j = i + 1;
  while (isLetter(text.charCodeAt(j)) || (text.charCodeAt(j) === 0x2d && isLetter(text.charCodeAt(j + 1)))) j++;
  return j;
}

/** The end of an initial ("А.", "К.-Ж.") starting at `i`, or -1. */
function initialEnd(text: string, i: number): number {
  if (!isUpper(text.charCodeAt(i)) || text.charCodeAt(i + 1) !== 0x2e) return -1;
  let j = i + 2;
  if (text.charCodeAt(j) === 0x2d && isUpper(text.charCodeAt(j + 1)) && text.charCodeAt(j + 2) === 0x2e) j += 3;
  return j;
}

/**
 * Where the title starts after the entry's authors at `i`: "Surname I. I.[, Surname I.]… Title" or "Surname, Given
 * (Year). Title"; -1 when no author stands there.
 */
function titleStart(text: string, i: number): number {
  for (let author = 0; author < MAX_AUTHORS; author++) {
    const surnameEnd = capitalisedWordEnd(text, i);
    if (surnameEnd < 0) return -1;
    let j = surnameEnd;
    if (text.charCodeAt(j) === 0x2c) {
      // "Karimov, Islam (2021). Title" or "Cornell, S. E. Title".
      const apa = yearInBracketsAfterGiven(text, j + 1);
      if (apa >= 0) return apa;
      j++;
    }
    if (!isSpaceOrNbsp(text.charCodeAt(j))) return -1;
    j++;
    let initials = 0;
    for (;;) {
      const e = initialEnd(text, j);
      if (e < 0) break;
      initials++;
      j = e;
      if (isSpaceOrNbsp(text.charCodeAt(j)) && initialEnd(text, j + 1) >= 0) j++;
    }
    if (initials === 0) return -1;
    // Another author after a comma, or the title.
    if (text.charCodeAt(j) === 0x2c && isSpaceOrNbsp(text.charCodeAt(j + 1))) {
      i = j + 2;
      continue;
    }
    if (!isSpaceOrNbsp(text.charCodeAt(j))) return -1;
    return j + 1;
  }
  return -1;
}

/** After "Surname," a given name or two and "(Year). ": where the title starts, or -1. */
function yearInBracketsAfterGiven(text: string, i: number): number {
  for (let word = 0; word < 3; word++) {
    if (!isSpaceOrNbsp(text.charCodeAt(i))) return -1;
    i++;
    if (text.charCodeAt(i) === 0x28) {
      const y = i + 1;
      if (!(
        isAsciiDigit(text.charCodeAt(y)) &&
        isAsciiDigit(text.charCodeAt(y + 3)) &&
        text.charCodeAt(y + 4) === 0x29
      ))
        return -1;
      const dot = y + 5;
      return text.charCodeAt(dot) === 0x2e && isSpaceOrNbsp(text.charCodeAt(dot + 1)) ? dot + 2 : -1;
    }
    const e = capitalisedWordEnd(text, i);
    if (e < 0) return -1;
    i = text.charCodeAt(e) === 0x2e ? e + 1 : e;
  }
  return -1;
}

/**
 * Where the title (and a journal after "//") ends: at the imprint's dash followed by a city and a year ("— Washington,
 * 2024", "— Баку: Элм, 2025"), after the journal's name ("// Вестник… . 2024"), before "[" after a year ("[Электронный
 * ресурс]"), or at a period before "City: Publisher" ("Baku: Qanun."). -1 when no imprint follows: then "Мирзиёев Б.
 * А. задержан в Москве" is a report, not a citation.
 */
function titleEnd(text: string, from: number): number {
  const limit = Math.min(text.length, from + TITLE_CHARS);
  let yearSeen = false;
  for (let j = from; j < limit; j++) {
    const u = text.charCodeAt(j);
    if (u === 0x2f && text.charCodeAt(j + 1) === 0x2f && isSpaceOrNbsp(text.charCodeAt(j - 1)))
      return journalEnd(text, j + 2);
    // A dash inside the title ("Туркменистан — край чудес") is no imprint: read on.
    if (
      isDash(u) &&
      isSpaceOrNbsp(text.charCodeAt(j - 1)) &&
      isSpaceOrNbsp(text.charCodeAt(j + 1)) &&
      imprintAt(text, j + 2)
    )
      return trimEnd(text, j);
    if (u === 0x5b) return yearSeen ? trimEnd(text, j) : -1;
    if (isAsciiDigit(u) && isYearAt(text, j)) yearSeen = true;
    if (u === 0x2e && isSpaceOrNbsp(text.charCodeAt(j + 1)) && cityColonAt(text, j + 2)) return j;
  }
  return -1;
}

/** The end of the journal's name after "//": the period before its year or number. */
function journalEnd(text: string, i: number): number {
  const limit = Math.min(text.length, i + TITLE_CHARS);
  for (let j = i; j < limit; j++)
    if (text.charCodeAt(j) === 0x2e && isSpaceOrNbsp(text.charCodeAt(j + 1)) && !isLetter(text.charCodeAt(j + 2)))
      return j;
  return limit;
}

/**
 * Whether a city and a year follow the imprint's dash at `i`: a capitalised word (not in capitals: "— FALSE: it was
 * 2012" is a verdict) or an initial ("М."), then a colon or a comma, then a year a few units on.
 */
export function imprintAt(text: string, i: number): boolean {
  let e = capitalisedWordEnd(text, i);
  if (e < 0) return false;
  if (e === i + 1) {
    if (text.charCodeAt(e) !== 0x2e) return false;
    e++;
  } else if (caseOfUnit(text.charCodeAt(i + 1)) === UPPER) return false;
  const u = text.charCodeAt(e);
  if (u !== 0x3a && u !== 0x2c) return false;
  const limit = Math.min(text.length, e + IMPRINT_CHARS);
  for (let j = e; j < limit; j++) if (isAsciiDigit(text.charCodeAt(j)) && isYearAt(text, j)) return true;
  return false;
}

/** A capitalised word, a colon and a capitalised word at `i`: "Baku: Qanun". */
function cityColonAt(text: string, i: number): boolean {
  const e = capitalisedWordEnd(text, i);
  return (
    e >= 0 && text.charCodeAt(e) === 0x3a && isSpaceOrNbsp(text.charCodeAt(e + 1)) && isUpper(text.charCodeAt(e + 2))
  );
}

/** Four digits starting with 1 or 2 at `j`, with no digit either side: a year. */
export function isYearAt(text: string, j: number): boolean {
  const u = text.charCodeAt(j);
  return (
    (u === 0x31 || u === 0x32) &&
    isAsciiDigit(text.charCodeAt(j + 1)) &&
    isAsciiDigit(text.charCodeAt(j + 2)) &&
    isAsciiDigit(text.charCodeAt(j + 3)) &&
    !isAsciiDigit(text.charCodeAt(j + 4)) &&
    !isAsciiDigit(text.charCodeAt(j - 1))
  );
}

/** `end` moved back past spaces and a period. */
function trimEnd(text: string, end: number): number {
  while (end > 0 && (isSpaceOrNbsp(text.charCodeAt(end - 1)) || text.charCodeAt(end - 1) === 0x2e)) end--;
  return end;
}

/**
 * Whether the name at [start, end) is the publisher in an imprint, "— City: Publisher, Year" ("— Тошкент: Ўзбекистон,
 * 1997"): the city before the colon stays the city. First test, two units: a colon and a space right before the name.
 */
export function publisherInImprint(text: string, start: number, end: number): boolean {
  if (!(isSpaceOrNbsp(text.charCodeAt(start - 1)) && text.charCodeAt(start - 2) === 0x3a)) return false;
  // The city before the colon, maybe abbreviated ("М."), after a dash.
  let i = start - 2;
  if (text.charCodeAt(i - 1) === 0x2e) i--;
  let w = i;
  while (w > 0 && isLetter(text.charCodeAt(w - 1))) w--;
  if (
    w === i ||
    !isUpper(text.charCodeAt(w)) ||
    !isSpaceOrNbsp(text.charCodeAt(w - 1)) ||
    !isDash(text.charCodeAt(w - 2))
  )
    return false;
  return text.charCodeAt(end) === 0x2c && isSpaceOrNbsp(text.charCodeAt(end + 1)) && isYearAt(text, end + 2);
}
