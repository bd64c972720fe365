/**
 * The gate's screen (page/frame-gate.ts, issue 17): whether a small frame's text may name something the matcher knows,
 * decided in the frame with no message. Each of the matcher's patterns (lib/matcher/patterns.ts) is known here by the
 * keys of its forms at one place: the first SCREEN_KEY_UNITS folded letters of one of its words, or of two words in a
 * row ("coun|europe"), or a whole shorter word ("eu "). A text can name something only if a word of it (or two in a row)
 * gives one of those keys, so a frame whose words give none (an ad, a widget) asks nobody. The keys are kept as a
 * Bloom filter: no key is ever missed, and a few words in a thousand that give no key pass anyway. The filter is built
 * with the extension (lib/screen/build-frame-screen.ts, wxt.config.ts) from the same patterns the background compiles.
 *
 * The screen reads letters as the matcher folds them (lib/matcher/fold.ts: case, diacritics, the region's letters),
 * in the scripts whose folding it repeats exactly, unit by unit: Latin, Cyrillic, and the spaces and punctuation
 * between (tests/unit/frame-screen.test.ts compares every code unit with the matcher's). A text with any other
 * character (Armenian, Georgian, Chinese, most symbols) passes, and the background decides as before.
 */

/** Letters in a key: six keep most words of pages that name nothing apart from the keys of 2,500 patterns. */
export const SCREEN_KEY_UNITS = 6;
/** Bits in the filter (16 KB, 22 KB as text), and how many each key sets: about one false hit in 1,000 look-ups. */
export const SCREEN_BITS = 1 << 17;
const HASHES = 3;

/** A unit the screen does not read: the text may name anything. */
const UNKNOWN = -1;
/** Between words: white space, punctuation, symbols. */
const GAP = -2;
/** Read across without a letter: combining marks, soft hyphens and invisible format characters, apostrophes. */
const SKIP = -3;

/** Apostrophes (lib/matcher/fold.ts APOSTROPHES, in the screen's ranges): a word starts after one and reads across. */
const APOSTROPHES = "'`\u00b4\u2018\u2019\u2032";
/** Latin-1's letters and figures that are not Latin letters (ª, ², µ, º, ¼...): their folds are not repeated here. */
const LATIN1_WORDS = '\u00aa\u00b2\u00b3\u00b5\u00b9\u00ba\u00bc\u00bd\u00be';
/** The matcher's own letter folds (lib/matcher/fold.ts LETTER_FOLDS) in the screen's ranges, escaped: the gate is ASCII. */
const LETTER_FOLDS = new Map(
  '\u0131i \u0130i \u0259e \u0451\u0435 \u0439\u0439 \u049b\u043a \u0493\u0433 \u04af\u0443 \u04b1\u0443 \u04e9\u043e \u04bb\u0445 \u0456\u0438 \u04a3\u043d \u04d9\u0430 \u045e\u0443 \u04b3\u0445 \u04b7\u0447 \u0491\u0433 \u0454\u0435 \u00f8o \u0142l \u0111d \u0127h'
    .split(' ')
    .map((pair) => [pair[0]!, pair[1]!] as const),
);

const known = new Map<number, number>();

/** How the screen reads one code unit: its folded letter or digit, or UNKNOWN, GAP or SKIP. */
export function screenUnit(unit: number): number {
  if (unit < 0x80) {
    if (unit >= 0x61 && unit <= 0x7a) return unit;
    if (unit >= 0x41 && unit <= 0x5a) return unit + 0x20;
    if (unit >= 0x30 && unit <= 0x39) return unit;
    return unit === 0x27 || unit === 0x60 ? SKIP : GAP;
  }
  let read = known.get(unit);
  if (read === undefined) known.set(unit, (read = classify(unit)));
  return read;
}

function classify(unit: number): number {
  const ch = String.fromCharCode(unit);
  if (APOSTROPHES.includes(ch) || isMark(unit) || unit === 0xad || unit === 0xfeff) return SKIP;
  // Zero-width and direction marks (format characters): dropped by the fold.
  if ((unit >= 0x200b && unit <= 0x200f) || (unit >= 0x202a && unit <= 0x202e)) return SKIP;
  if (unit >= 0x2060 && unit <= 0x206f && unit !== 0x2065) return SKIP;
  if (LATIN1_WORDS.includes(ch)) return UNKNOWN;
  if (unit < 0xc0 || unit === 0xd7 || unit === 0xf7) return GAP;
  if (unit <= 0x24f || (unit >= 0x400 && unit <= 0x4ff && unit !== 0x482)) return fold(ch);
  // General punctuation and spaces (dashes, quotation marks, the ellipsis).
  if (unit >= 0x2000 && unit <= 0x206f) return GAP;
  return UNKNOWN;
}

/** Combining marks: part of the word before them. */
const isMark = (unit: number) => (unit >= 0x300 && unit <= 0x36f) || (unit >= 0x483 && unit <= 0x489);

/** lib/matcher/fold.ts computeFold, for the letters of the screen's ranges. */
function fold(ch: string): number {
  const lower = ch.toLowerCase();
  const base = LETTER_FOLDS.get(ch) ?? LETTER_FOLDS.get(lower[0]!) ?? lower.normalize('NFD')[0]!;
  return (LETTER_FOLDS.get(base) ?? base).charCodeAt(0);
}

/**
 * A word as the screen reads it: `key`, its first SCREEN_KEY_UNITS letters read across marks and apostrophes, or the
 * whole word and a space when it is shorter; `cut`, the same for the word ended at its first apostrophe when that
 * comes sooner ("China's": "china ").
 */
export interface ScreenWord {
  key: string;
  cut?: string;
  /** Only spaces or dashes lie between it and the next word, as between the words of a name. */
  spaced: boolean;
  /**
   * The index of the next word after this one's letters end (-1 at the last): not the word that starts after an
   * apostrophe inside it ("Farg\u2018ona vodiysi": "vodiys", not "ona").
   */
  next: number;
}

/**
 * The words of `text` in order, one for every place a word may start (after anything but a letter, digit or mark, as
 * the matcher starts words); null when `text` holds a character the screen does not read.
 */
export function screenWords(text: string): ScreenWord[] | null {
  const words: ScreenWord[] = [];
  /** Where each word starts and its letters end, for `next`. */
  const starts: number[] = [];
  const ends: number[] = [];
  const n = text.length;
  let wordBefore = false;
  for (let i = 0; i < n; i++) {
    const u = screenUnit(text.charCodeAt(i));
    if (u === UNKNOWN) return null;
    const startsHere = !wordBefore && u >= 0;
    // A mark continues the word it follows; an apostrophe or an invisible character ends it (lib/matcher/char-kinds).
    wordBefore = u >= 0 || isMark(text.charCodeAt(i));
    if (!startsHere) continue;
    let key = '';
    let cut: string | undefined;
    let j = i;
    for (; j < n; j++) {
      const c = text.charCodeAt(j);
      const v = screenUnit(c);
      if (v === UNKNOWN) return null;
      if (v === GAP) break;
      if (v >= 0) {
        if (key.length < SCREEN_KEY_UNITS) key += String.fromCharCode(v);
      } else if (cut === undefined && key.length < SCREEN_KEY_UNITS && APOSTROPHES.includes(text[j]!)) cut = `${key} `;
    }
    ends.push(j);
    let spaced = j < n;
    for (; j < n && screenUnit(text.charCodeAt(j)) < 0; j++) if (!isSpaceOrDash(text.charCodeAt(j))) spaced = false;
    words.push({
      key: key.length < SCREEN_KEY_UNITS ? `${key} ` : key,
      spaced: spaced && j < n,
      next: -1,
      ...(cut ? { cut } : {}),
    });
    starts.push(i);
  }
  // Each word's next: the first that starts where its letters have ended.
  for (let w = 0, k = 1; w < words.length; w++) {
    while (k < words.length && (k <= w || starts[k]! < ends[w]!)) k++;
    if (k < words.length) words[w]!.next = k;
  }
  return words;
}

/** What the fold turns into a space between two words (white space, controls, hyphens and dashes). */
const isSpaceOrDash = (c: number) =>
  c <= 0x20 || (c >= 0x7f && c <= 0xa0) || c === 0x2d || (c >= 0x2000 && c <= 0x200a) || (c >= 0x2010 && c <= 0x2015);

/** Two words in a row as one key. */
export const pairKey = (first: string, second: string) => `${first}|${second}`;

/** The filter's bits of a key: FNV-1a, then double hashing. */
function eachBit(key: string, use: (bit: number) => void): void {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  const step = Math.imul(h ^ (h >>> 16), 0x45d9f3b) | 1;
  for (let k = 0; k < HASHES; k++) use((h + Math.imul(k, step)) & (SCREEN_BITS - 1));
}

/** Six bits a character, in base64url's alphabet: plain ASCII, and one bit is read without decoding the rest. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const sixBits = (c: number) => (c >= 97 ? c - 71 : c >= 65 ? c - 65 : c >= 48 ? c + 4 : c === 45 ? 62 : 63);

/** The filter of these keys, as text (the build's side). */
export function screenFilter(keys: Iterable<string>): string {
  const values = new Uint8Array(Math.ceil(SCREEN_BITS / 6));
  for (const key of keys) eachBit(key, (bit) => (values[(bit / 6) | 0]! |= 1 << (bit % 6)));
  return Array.from(values, (v) => ALPHABET[v]).join('');
}

/** Whether the filter holds `key` (or a key that shares its bits). */
function holds(filter: string, key: string): boolean {
  let all = true;
  eachBit(key, (bit) => (all &&= ((sixBits(filter.charCodeAt((bit / 6) | 0)) >> (bit % 6)) & 1) === 1));
  return all;
}

/** Whether `text` may name something the matcher knows: a word or two of it give a key, or the screen cannot read it. */
export function mayName(filter: string, text: string): boolean {
  const words = screenWords(text);
  if (!words) return true;
  for (let i = 0; i < words.length; i++) {
    const { key, cut } = words[i]!;
    if (holds(filter, key) || (cut && holds(filter, cut))) return true;
    // Any two words in a row: the page's pairs need not be spaced for the screen to be safe, only the names'.
    const next = words[i]!.next;
    if (next >= 0 && holds(filter, pairKey(key, words[next]!.key))) return true;
  }
  return false;
}
