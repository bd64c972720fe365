/**
 * What kind of character sits at an offset of the original text: word characters (for boundaries), combining marks
 * (which belong to the letter before them) and letter case (for the case rules). Lazily filled 64K tables keep the
 * Unicode property regexes off the hot path; astral code points, rare on pages, are tested directly.
 */

const UNKNOWN = 0;
const WORD = 1; // \p{L} or \p{N}
const MARK = 2; // \p{M}
const OTHER = 3;

export const CASELESS = 0;
export const UPPER = 1;
export const LOWER = 2;

const WORD_RE = /[\p{L}\p{N}]/u;
const MARK_RE = /\p{M}/u;
const UPPER_RE = /[\p{Lu}\p{Lt}]/u;
const LOWER_RE = /\p{Ll}/u;

/**
 * ʼ and ʻ are modifier letters (\p{Lm}) but on pages they are apostrophes ("Tokayevʼs"), which end a word.
 */
const APOSTROPHE_LETTERS = new Set([0x02bc, 0x02bb]);

const kindTable = new Uint8Array(0x10000);
const caseTable = new Uint8Array(0x10000).fill(0xff);

function kindOfCodePoint(cp: number): number {
  if (APOSTROPHE_LETTERS.has(cp)) return OTHER;
  const ch = String.fromCodePoint(cp);
  if (WORD_RE.test(ch)) return WORD;
  return MARK_RE.test(ch) ? MARK : OTHER;
}

function kindOfUnit(unit: number): number {
  let kind = kindTable[unit]!;
  if (kind === UNKNOWN) {
    kind = unit >= 0xd800 && unit <= 0xdfff ? OTHER : kindOfCodePoint(unit);
    kindTable[unit] = kind;
  }
  return kind;
}

/** Kind of the code point that starts at `index` (OTHER past the end). */
function kindAt(text: string, index: number): number {
  if (index < 0 || index >= text.length) return OTHER;
  const unit = text.charCodeAt(index);
  if (unit >= 0xd800 && unit <= 0xdbff) return kindOfCodePoint(text.codePointAt(index)!);
  return kindOfUnit(unit);
}

/** Kind of the code point that ends just before `index` (OTHER at the start). */
function kindBefore(text: string, index: number): number {
  if (index <= 0 || index > text.length) return OTHER;
  const unit = text.charCodeAt(index - 1);
  if (unit >= 0xdc00 && unit <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return kindOfCodePoint(text.codePointAt(index - 2)!);
  }
  return kindOfUnit(unit);
}

/** True when a letter, digit or mark starts at `index`: a match may not end there. */
export function isWordCharAt(text: string, index: number): boolean {
  const kind = kindAt(text, index);
  return kind === WORD || kind === MARK;
}

/** True when a letter, digit or mark ends at `index`: a match may not start there. */
export function isWordCharBefore(text: string, index: number): boolean {
  const kind = kindBefore(text, index);
  return kind === WORD || kind === MARK;
}

/** True for a code unit that is a letter, digit or mark by itself (surrogate halves are not). */
export function isWordUnit(unit: number): boolean {
  const kind = kindOfUnit(unit);
  return kind === WORD || kind === MARK;
}

/** Moves `end` past combining marks: in decomposed text "Erdog\u0306" the breve belongs to the match. */
export function skipMarks(text: string, end: number): number {
  while (end < text.length && kindOfUnit(text.charCodeAt(end)) === MARK) end++;
  return end;
}

/** UPPER, LOWER or CASELESS for a UTF-16 code unit (astral letters count as caseless). */
export function caseOfUnit(unit: number): number {
  let known = caseTable[unit]!;
  if (known === 0xff) {
    const ch = String.fromCharCode(unit);
    known = UPPER_RE.test(ch) ? UPPER : LOWER_RE.test(ch) ? LOWER : CASELESS;
    caseTable[unit] = known;
  }
  return known;
}

/** True for a space, a tab or line break, or a no-break or typographic space: what ends a run of non-space text. */
export function isSpaceUnit(unit: number): boolean {
  return unit <= 0x20 || unit === 0xa0 || (unit >= 0x2000 && unit <= 0x200b) || unit === 0x202f || unit === 0x3000;
}

/**
 * A space or a no-break space: what the rules accept between the words of one phrase ("Ilham Aliyev (adaş)"); a tab
 * or a line break ends the phrase there, unlike isSpaceUnit.
 */
export const isSpaceOrNbsp = (unit: number): boolean => unit === 0x20 || unit === 0xa0;

/** An ASCII digit, 0 to 9: the rules read ages, scores, ranks and years written in them. */
export const isAsciiDigit = (unit: number): boolean => unit >= 0x30 && unit <= 0x39;
