/**
 * Whether a city's name is the whole of a short proper name in quotation marks («Москва» the cinema, "Dinamo
 * Tbilisi"): a club's, a cinema's, a company's or a ship's name, not the city; or inside a title in quotation marks
 * (see `namesAThing` in things-named-after.ts).
 */

/** « “ „ " open a quotation, » ” “ " close one (“ closes a German or Russian „…“). */
export const OPENING_QUOTES: readonly string[] = ['«', '“', '„', '"'];
/** OPENING_QUOTES as a test on one code unit, for the hot path (a unit test keeps both alike). */
export const isOpeningQuote = (u: number) => u === 0xab || u === 0x201c || u === 0x201e || u === 0x22;
const isClosingQuote = (u: number) => u === 0xbb || u === 0x201d || u === 0x201c || u === 0x22;
const isQuote = (u: number) => isOpeningQuote(u) || isClosingQuote(u);

/** A word of a quoted name starts with a capital (or a letter of a script without capitals, Georgian)... */
const HEAD = '[\\p{Lu}\\p{Lo}\\p{sc=Georgian}]';
/** ...and goes on with letters, marks, apostrophes and hyphens. */
const REST = "[\\p{L}\\p{M}'’-]";
/** A proper name of up to three words, each capitalised, maybe inflected or hyphenated, and nothing else. */
const QUOTED_NAME = new RegExp(`^${HEAD}${REST}*(?:\\s+${HEAD}${REST}*){0,2}$`, 'u');
/** How far the quotation marks may be from the city's name inside them. */
const QUOTED_NAME_CHARS = 40;

const IN_NAME = 1; // a letter, mark, apostrophe or hyphen: REST
const NAME_HEAD = 2; // HEAD
const WHITE = 4; // \s
const LEARNED = 8;
const IN_NAME_RE = new RegExp(REST, 'u');
const NAME_HEAD_RE = new RegExp(HEAD, 'u');
const WHITE_RE = /\s/u;

/** Per code unit, learned on first sight: which of the above it is. */
const unitClasses = new Uint8Array(0x10000);
function classOf(unit: number): number {
  let c = unitClasses[unit]!;
  if (c === 0) {
    const ch = String.fromCharCode(unit);
    // Surrogate halves may be part of a letter beyond the BMP: never taken to rule a name out.
    const surrogate = unit >= 0xd800 && unit <= 0xdfff;
    c =
      LEARNED |
      (surrogate || IN_NAME_RE.test(ch) ? IN_NAME : 0) |
      (surrogate || NAME_HEAD_RE.test(ch) ? NAME_HEAD : 0) |
      (WHITE_RE.test(ch) ? WHITE : 0);
    unitClasses[unit] = c;
  }
  return c;
}

/**
 * Whether the character at `i`, inside the quotation, already rules out a quoted name: one no name holds (a digit, a
 * comma), or the first letter of a word that is not capitalised ("in the city of Baku"). Reading stops there: most
 * names stand in running text, which a scan to the far limit and a test of the whole would only confirm.
 */
function rulesOut(text: string, i: number): boolean {
  const c = classOf(text.charCodeAt(i));
  if ((c & WHITE) !== 0) return false;
  if ((c & IN_NAME) === 0) return true;
  // After white space a word starts, which HEAD must match (an apostrophe or a hyphen there fails it too).
  return (c & NAME_HEAD) === 0 && i > 0 && (classOf(text.charCodeAt(i - 1)) & WHITE) !== 0;
}

/**
 * Whether [start, end) lies inside quotation marks that hold only a short proper name ("«Москва» кинотеатры",
 * "«Dinamo Tbilisi»"). A quoted sentence ('"Karabağ bizim de davamız"') has words in lowercase and is not one.
 */
export function insideQuotedName(text: string, start: number, end: number): boolean {
  let open = start - 1;
  for (; open >= 0 && start - open <= QUOTED_NAME_CHARS; open--) {
    if (isQuote(text.charCodeAt(open))) break;
    if (rulesOut(text, open)) return false;
  }
  if (open < 0 || start - open > QUOTED_NAME_CHARS || !isOpeningQuote(text.charCodeAt(open))) return false;
  let close = end;
  for (; close < text.length && close - end <= QUOTED_NAME_CHARS; close++) {
    if (isQuote(text.charCodeAt(close))) break;
    if (rulesOut(text, close)) return false;
  }
  if (close >= text.length || !isClosingQuote(text.charCodeAt(close))) return false;
  return QUOTED_NAME.test(text.slice(open + 1, close).trim());
}

/**
 * Whether an opening quotation mark stands within QUOTED_NAME_CHARS before `start`: a name with none is inside no
 * quoted name, and is turned down without reading the text around it. Reads those few units only: listing a text's
 * quotation marks first meant four searches of the whole text (a long page's every batch) and a sort.
 */
export function openingQuoteBefore(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0 && start - i <= QUOTED_NAME_CHARS; i--)
    if (isOpeningQuote(text.charCodeAt(i))) return true;
  return false;
}

/** A text of a batch with how far its opening quotation marks have been read (see `openingQuoteBeforeIn`). */
export interface QuoteCursor {
  text: string;
  /** Every unit before this offset has been read for an opening quotation mark. */
  quotesReadTo: number;
  /** The last opening quotation mark before `quotesReadTo`, or -1. */
  lastOpeningQuote: number;
}

/**
 * `openingQuoteBefore` for the names of one text, read forward: the rules ask for every name, up to three times
 * (as a quoted name, a title's word, a thing's name), and names come by start, so each unit is read once instead of
 * up to forty times a name. A name before the units read already (out of order) reads its forty units as before.
 */
export function openingQuoteBeforeIn(t: QuoteCursor, start: number): boolean {
  if (start < t.quotesReadTo) return openingQuoteBefore(t.text, start);
  const { text } = t;
  let last = t.lastOpeningQuote;
  for (let i = Math.max(t.quotesReadTo, start - QUOTED_NAME_CHARS); i < start; i++)
    if (isOpeningQuote(text.charCodeAt(i))) last = i;
  t.quotesReadTo = start;
  t.lastOpeningQuote = last;
  return last >= 0 && start - last <= QUOTED_NAME_CHARS;
}

/** How far back from a name the opening quotation mark of a title may stand. */
const TITLE_CHARS = 40;
const isWhite = (u: number) => (classOf(u) & WHITE) !== 0;

/**
 * Where the quotation that holds `start` opens (an opening mark within TITLE_CHARS before it, at the start of the
 * text or after white space, with no other quotation mark between), or -1.
 */
export function quotationStart(text: string, start: number): number {
  for (let i = start - 1; i >= 0 && start - i <= TITLE_CHARS; i--) {
    const u = text.charCodeAt(i);
    if (!isQuote(u)) continue;
    return isOpeningQuote(u) && (i === 0 || isWhite(text.charCodeAt(i - 1))) ? i : -1;
  }
  return -1;
}
