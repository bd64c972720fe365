/**
 * Folds text so that spelling variants of a name compare equal (case, diacritics, Turkic and Central Asian letters,
 * Armenian ligatures, apostrophes, quotation marks, dashes and white space), keeping a map back to the original
 * offsets so matches land on the page text.
 *
 * Page text is folded whole, so this is one pass over UTF-16 code units with a 64K lookup table that is filled
 * lazily: the Unicode work (lowercasing, NFD) is paid once per distinct code unit per session, not per character.
 */
import { isWordCharBefore, isWordUnit } from './char-kinds';
import { scriptOfUnit, unmixLookalikes } from './lookalike-letters';

/** Folds that are not output code units. 0xFFFE/0xFFFF are non-characters, so no real output collides. */
const DROP = 0xffff;
const SPACE = 0xfffe;
const APOSTROPHE = 0x27;

/**
 * Folds that lowercasing and NFD do not give. `й` is listed so that NFD does not turn it into `и`: Russian never
 * writes one for the other, unlike `ё`/`е`.
 */
const LETTER_FOLDS = 'ıi İi əe ёе йй қк ғг үу ұу өо һх іи ңн әа ўу ҳх ҷч ґг єе øo łl đd ħh ևե';
const APOSTROPHES = '\u2018\u2019\u02bc\u02bb\u0060\u00b4\u2032\uff07';
const DASHES = '\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d';

/**
 * Armenian writes "և" or "եւ" for the same sound (Ալիև, Ալիեւ): և folds to ե and ւ is dropped, so "ու" folds to "ո"
 * on pages and in aliases alike.
 */
const ARMENIAN_YIWN = 0x0582;

const FIXED_FOLDS = new Map<number, number>();
for (const pair of LETTER_FOLDS.split(' ')) FIXED_FOLDS.set(pair.charCodeAt(0), pair.charCodeAt(1));
for (const ch of APOSTROPHES) FIXED_FOLDS.set(ch.charCodeAt(0), APOSTROPHE);
// A hyphen, a dash or a space inside a compound are one and the same: "Nagorno Karabakh", "Nagorno-Karabakh",
// "Баку — Тбилиси — Джейхан" and "Баку-Тбилиси-Джейхан" fold alike.
for (const ch of `-${DASHES}`) FIXED_FOLDS.set(ch.charCodeAt(0), SPACE);
FIXED_FOLDS.set(ARMENIAN_YIWN, DROP);
// A quoted name inside a longer one is quoted in whichever marks the page uses: "Кыргыз-Түрк «Манас» университети"
// is also written with „…“, “…” or "…", and an alias writes one of them.
for (const ch of '«»„“”‹›') FIXED_FOLDS.set(ch.charCodeAt(0), 0x22);

/** Whether `unit` is an apostrophe or one of the signs the fold reads as one (’ ‘ ʼ ʻ ` ´ ′ ＇). */
export function isApostropheUnit(unit: number): boolean {
  return APOSTROPHE_UNITS[unit] === 1;
}

/** The units `isApostropheUnit` accepts, as a table: it is asked at the end of every word the rules read. */
const APOSTROPHE_UNITS = new Uint8Array(0x10000);
APOSTROPHE_UNITS[APOSTROPHE] = 1;
for (const [unit, fold] of FIXED_FOLDS) if (fold === APOSTROPHE) APOSTROPHE_UNITS[unit] = 1;

// Invisible format characters (soft hyphen, zero-width joiners, bidi marks) sit inside words on real pages.
const INVISIBLE = /\p{Cf}/u;
const WHITE = /[\s\p{Cc}\p{Z}]/u;
const MARK = /\p{M}/u;

/**
 * Per code unit: its fold in the low 16 bits (a space for any white space), WORD_UNIT when it is a letter, digit or
 * mark by itself (the fold lists word starts in the same pass), WHITE_UNIT for white space, SPECIAL when the fold
 * must look closer (a dropped unit, an apostrophe, the second half of a surrogate pair), and LEARNED once filled in
 * (0: not seen yet).
 */
const foldTable = new Int32Array(0x10000);
/**
 * The entry's bits, as a const enum so the bundler writes them into the fold loop as numbers: read as module
 * constants there, each was loaded, checked and untagged per unit of the page, a sixth of the fold.
 */
const enum Entry {
  WORD_SHIFT = 16,
  WORD_UNIT = 1 << 16,
  LEARNED = 1 << 17,
  SPECIAL = 1 << 18,
  WHITE_SHIFT = 19,
  WHITE_UNIT = 1 << 19,
  /** The letter's script in the top bits, Latin or Cyrillic (lookalike-letters.ts). */
  SCRIPT_SHIFT = 20,
}

function learn(unit: number): number {
  const fold = computeFold(unit);
  const special = fold === DROP || fold === APOSTROPHE || (unit & 0xfc00) === 0xdc00;
  const entry =
    (fold === SPACE ? 0x20 | Entry.WHITE_UNIT : fold) |
    (isWordUnit(unit) ? Entry.WORD_UNIT : 0) |
    (special ? Entry.SPECIAL : 0) |
    Entry.LEARNED |
    (scriptOfUnit(unit) << Entry.SCRIPT_SHIFT);
  foldTable[unit] = entry;
  return entry;
}

function computeFold(unit: number): number {
  const direct = FIXED_FOLDS.get(unit);
  if (direct !== undefined) return direct;
  if (unit >= 0xd800 && unit <= 0xdfff) return unit; // surrogate halves pass through untouched
  const ch = String.fromCharCode(unit);
  if (INVISIBLE.test(ch)) return DROP;
  if (WHITE.test(ch)) return SPACE;
  if (MARK.test(ch)) return DROP;
  const lower = ch.toLowerCase();
  const viaLower = FIXED_FOLDS.get(lower.charCodeAt(0));
  if (viaLower !== undefined) return viaLower;
  const base = lower.normalize('NFD').charCodeAt(0);
  return FIXED_FOLDS.get(base) ?? base;
}

function foldOf(unit: number): number {
  const entry = foldTable[unit]!;
  return (entry === 0 ? learn(unit) : entry) & 0xffff;
}

/**
 * One code unit folded as text is, for reading a word unit by unit without folding it into a string: DROPPED_UNIT
 * for a unit the fold drops; an apostrophe, which the fold keeps or drops by its neighbours (Uzbek oʻ), as `'`.
 */
export const foldedUnit = foldOf;
export const DROPPED_UNIT = DROP;

/**
 * Moves `end` past characters the fold drops (combining marks, invisible format characters, Armenian ւ): they
 * belong to the word before them, so a name ending there ends after them ("Բաքու" is the alias "Բաքու").
 */
export function skipDropped(text: string, end: number): number {
  while (end < text.length && foldOf(text.charCodeAt(end)) === DROP) end++;
  return end;
}

/** Folded text as code units: what the matcher scans, without building a string. */
export interface FoldedCodes {
  codes: Uint16Array;
  length: number;
  /** codes[i] comes from original index map[i]; map[length] is the original length. */
  map: Uint32Array;
  /**
   * The folded positions where a word may start, ascending: every unit but a space whose original character has no
   * letter, digit or mark right before it (the boundary the matcher checks at a name's start).
   */
  starts: Uint32Array;
  startCount: number;
}

const LOWER_A = 0x61;
const LOWER_Z = 0x7a;
const LOWER_G = 0x67;
const LOWER_O = 0x6f;

/**
 * Uzbek Latin writes oʻ and gʻ with a modifier (often typed as ‘ ' or `): "Oʻzbekiston", "O'zbekiston" and
 * "Ozbekiston" are one word. An apostrophe between o/g and a Latin letter is dropped; "Beijing's" folds to
 * "beijings", which still matches "Beijing" because boundaries are checked on the original text.
 */
function isUzbekModifier(codes: Uint16Array, k: number, text: string, i: number): boolean {
  if (k === 0 || i + 1 >= text.length) return false;
  const before = codes[k - 1];
  if (before !== LOWER_O && before !== LOWER_G) return false;
  const after = foldOf(text.charCodeAt(i + 1));
  return after >= LOWER_A && after <= LOWER_Z;
}

export function foldCodes(text: string): FoldedCodes {
  return foldCodesInto(
    text,
    new Uint16Array(text.length),
    new Uint32Array(text.length + 1),
    new Uint32Array(text.length),
  );
}

/** How many word starts the last `foldInto` found (a second return value, without an object per call). */
let lastStartCount = 0;

/**
 * `foldCodes` into buffers the caller owns (at least text.length codes and starts, text.length + 1 map entries).
 * The word starts come out of the same pass, which reads every original character anyway.
 */
export function foldCodesInto(text: string, codes: Uint16Array, map: Uint32Array, starts: Uint32Array): FoldedCodes {
  const length = foldInto(text, codes, map, starts);
  return { codes, length, map: map.subarray(0, length + 1), starts, startCount: lastStartCount };
}

/** The fold itself, into buffers of at least text.length (+1 for the map); returns the folded length. */
function foldInto(text: string, codes: Uint16Array, map: Uint32Array, starts: Uint32Array): number {
  const n = text.length;
  let k = 0;
  let s = 0;
  let inSpace = 0; // 1: the last unit kept is a space
  let wordBefore = 0; // 1: a letter, digit or mark right before original index i
  let script = 0; // the script of the last unit kept (lookalike-letters.ts), 0 after anything but a letter
  let mixed = 0; // bit 2 set once a Latin letter stood right next to a Cyrillic one (scripts 1 and 2: 1 ^ 2 = 3)
  const table = foldTable;
  // The text's units are read through String.prototype.charCodeAt itself, not `text.charCodeAt`: that read's feedback
  // is shared with every alias the build folds, strings of seven layouts (sliced, joined, internalised, one or two
  // bytes a unit), and past four the optimised fold looked the method up at every unit of every page (an eighth of a
  // find). A call through `call` on the method itself depends on no layout.
  const unitAt = String.prototype.charCodeAt;
  let i = 0;
  while (i < n) {
    // Most units: a letter, digit, punctuation or space that folds to one unit, handled without a branch (one taken
    // at every word's edge was mispredicted there). The unit and its start are written every time; the start counts
    // only after a non-word character and never for a space, the unit not for a space after one. In a loop of their
    // own with no call in it: a call anywhere in the loop, even on the rare path below, made the compiler reload and
    // recheck the text and the four arrays at every unit (some 120 instructions a unit instead of 40).
    for (; i < n; i++) {
      const entry = table[unitAt.call(text, i)]!;
      if (entry === 0 || (entry & Entry.SPECIAL) !== 0) break;
      const white = (entry >>> Entry.WHITE_SHIFT) & 1;
      codes[k] = entry & 0xffff;
      map[k] = i;
      starts[s] = k;
      s += (wordBefore | white) ^ 1;
      k += 1 - (white & inSpace);
      inSpace = white;
      wordBefore = (entry >>> Entry.WORD_SHIFT) & 1;
      const unitScript = entry >>> Entry.SCRIPT_SHIFT;
      mixed |= (script ^ unitScript) + 1;
      script = unitScript;
    }
    if (i >= n) break;
    const unit = unitAt.call(text, i);
    const entry = table[unit]!;
    // A unit seen for the first time is learned here, off the common path, and read again.
    if (entry === 0) {
      learn(unit);
      continue;
    }
    const at = i++;
    const startsHere = wordBefore === 0;
    // Astral letters are rare: a low surrogate asks about the whole code point it ends.
    wordBefore =
      (unit & 0xfc00) === 0xdc00 ? (isWordCharBefore(text, at + 1) ? 1 : 0) : (entry >>> Entry.WORD_SHIFT) & 1;
    const folded = entry & 0xffff;
    if (folded === DROP) continue;
    inSpace = 0;
    if (folded === APOSTROPHE && isUzbekModifier(codes, k, text, at)) continue;
    if (startsHere) starts[s++] = k;
    codes[k] = folded;
    map[k++] = at;
  }
  map[k] = n;
  lastStartCount = s;
  if ((mixed & 4) !== 0) unmixFolded(text, codes, map, k);
  return k;
}

/**
 * `unmixLookalikes` over a folded text, its callback made here: made in `foldInto`, the closure moved the text, the
 * map and the table into a context object that the fold's loop read them from at every unit.
 */
function unmixFolded(text: string, codes: Uint16Array, map: Uint32Array, length: number): void {
  const table = foldTable;
  unmixLookalikes(codes, length, (at) => table[text.charCodeAt(map[at]!)]! >>> Entry.SCRIPT_SHIFT);
}

/** In chunks: one call with millions of arguments would overflow the stack. */
const STRING_CHUNK = 0x2000;

/** `apply` takes the typed array as it is; a spread would walk it through the iterator protocol. */
const charsOf = (codes: Uint16Array, from: number, to: number) =>
  String.fromCharCode.apply(null, codes.subarray(from, to) as unknown as number[]);

export function codesToString(codes: Uint16Array, length: number): string {
  if (length <= STRING_CHUNK) return charsOf(codes, 0, length);
  const parts: string[] = [];
  for (let i = 0; i < length; i += STRING_CHUNK) parts.push(charsOf(codes, i, Math.min(length, i + STRING_CHUNK)));
  return parts.join('');
}

/** Whether a Uint16Array is stored as UTF-16LE here (every browser's engine does), so the native decoder reads it. */
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
let utf16: TextDecoder | null | undefined;

/**
 * Folded text as a string to search in, by the engine's own decoder: several times faster than building it from
 * char codes for a page's text. A lone surrogate becomes U+FFFD, one unit for one, so offsets and every search for a
 * word (which holds none) stay the same.
 */
export function searchableString(codes: Uint16Array, length: number): string {
  utf16 ??=
    LITTLE_ENDIAN && typeof TextDecoder === 'function' ? new TextDecoder('utf-16le', { ignoreBOM: true }) : null;
  return utf16 ? utf16.decode(codes.subarray(0, length)) : codesToString(codes, length);
}

export function foldText(text: string): { folded: string; map: Uint32Array } {
  const { codes, length, map } = foldCodes(text);
  return { folded: codesToString(codes, length), map };
}

/** Scratch buffers for foldAlias: thousands of short aliases are folded per build, so they are reused. */
let aliasCodes = new Uint16Array(256);
let aliasMap = new Uint32Array(257);
let aliasStarts = new Uint32Array(256);

/** Folds an alias for the automaton: same rules as page text, without leading or trailing space. */
export function foldAlias(alias: string): string {
  if (alias.length > aliasCodes.length) {
    aliasCodes = new Uint16Array(alias.length);
    aliasMap = new Uint32Array(alias.length + 1);
    aliasStarts = new Uint32Array(alias.length);
  }
  return codesToString(aliasCodes, foldInto(alias, aliasCodes, aliasMap, aliasStarts)).trim();
}
