/**
 * The search form of a text: the matcher's fold (case, diacritics, Turkic and Kazakh letters, apostrophes, dashes,
 * white space) followed by a transliteration skeleton, so that the spellings a reader may type for one name compare
 * equal before any fuzzy matching starts:
 *
 *   Токаев · Тоқаев · Tokayev · Tokaev · Toqaev        → tokaev
 *   Şuşa · Shusha · Шуша                                → susa
 *   Kazakhstan · Qazaqstan · Казахстан                  → kazakstan
 *   Mirziyoyev · Mirziyoev                              → mirzioev
 *
 * Every output code unit keeps the offset of the original character it came from, so matches found on the skeleton
 * are highlighted on the text the reader sees. Works on code units in typed arrays: the popup folds the whole fact
 * base (about 200,000 characters) while it opens. Pure: no DOM, no browser.
 */
import { foldCodes } from '../matcher/fold';

interface SearchForm {
  /** The skeleton: lowercase, mostly Latin, single spaces. */
  text: string;
  /** `map[i]` is the original offset of `text[i]`; `map[text.length]` is the original length. */
  map: Uint32Array;
}

/**
 * Russian and Kazakh Cyrillic to Latin, as English-language news spells names (BGN-like). Kazakh letters were folded
 * to their Russian neighbours by the matcher's fold already (қ→к, ғ→г, ү→у, ө→о, ...).
 */
const CYRILLIC =
  'аa бb вv гg дd еe жzh зz иi йy кk лl мm нn оo пp рr сs тt уu фf хkh цts чch шsh щshch ъ ыy ь эe юyu яya';
const LATIN_OF = new Map<number, number[]>();
for (const entry of CYRILLIC.split(' '))
  LATIN_OF.set(
    entry.charCodeAt(0),
    [...entry.slice(1)].map((c) => c.charCodeAt(0)),
  );

const [A, C, D, E, G, H, I, J, K, O] = [0x61, 0x63, 0x64, 0x65, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6f] as const; // a c d e g h i j k o
const [Q, S, U, V, W, Y, Z] = [0x71, 0x73, 0x75, 0x76, 0x77, 0x79, 0x7a] as const; // q s u v w y z
const SPACE = 0x20;
const isVowel = (c: number) => c === A || c === E || c === I || c === O || c === U;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
/** Latin digraphs the region's languages write with one letter (ş, ç, ж, х, ғ): both spellings become that letter. */
const digraphOf = (c: number) => (c === S ? S : c === C ? C : c === Z ? J : c === K ? K : c === G ? G : -1);

const SCHWA = /[əƏ]/g;

/** Separates texts folded in one batch; a private-use character, so fold and skeleton leave it alone. */
const SEPARATOR = '\uE000';

/** Folds and skeletonises `text`, keeping a map back to original offsets. */
export function toSearchForm(text: string): SearchForm {
  // Azerbaijani ə is written "a" in English (Əliyev → Aliyev, Heydər → Heydar); the matcher folds it to e, which is
  // right for Kazakh ә's neighbours but not here. Same length, so offsets are unchanged.
  const folded = foldCodes(text.replace(SCHWA, (c) => (c === 'ə' ? 'a' : 'A')));
  const n = folded.length;
  // Stage 1: Cyrillic to Latin (at most four letters per letter: щ → shch).
  const latin = new Uint16Array(n * 4);
  const from = new Uint32Array(n * 4);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const c = folded.codes[i]!;
    const out = c >= 0x400 && c < 0x500 ? LATIN_OF.get(c) : undefined;
    if (out === undefined) {
      latin[m] = c;
      from[m++] = i;
    } else
      for (const o of out) {
        latin[m] = o;
        from[m++] = i;
      }
  }
  // Stage 2: digraphs, letter swaps, the glide y after a vowel (Tokayev/Tokaev, Aliyev/Aliev), doubled letters.
  const out = new Uint16Array(m);
  const map = new Uint32Array(m + 1);
  let k = 0;
  let prev = -1;
  for (let i = 0; i < m; i++) {
    let c = latin[i]!;
    const at = from[i]!;
    const next = i + 1 < m ? latin[i + 1]! : -1;
    if (c === D && next === Z && i + 2 < m && latin[i + 2] === H) {
      c = J; // дж → dzh
      i += 2;
    } else if (c === D && next === J) {
      c = J;
      i += 1;
    } else if (next === H && digraphOf(c) >= 0) {
      c = digraphOf(c);
      i += 1;
    } else if (c === Q) c = K;
    else if (c === W) c = V;
    if (c === Y && isVowel(prev)) continue;
    if (c === prev && c !== SPACE && !isDigit(c)) continue;
    out[k] = c;
    map[k++] = folded.map[at]!;
    prev = c;
  }
  map[k] = text.length;
  return { text: decode(out, k), map: map.subarray(0, k + 1) };
}

/**
 * The search forms of many texts at once, without maps: how the index is built. Equal to `toSearchForm(t).text` for
 * each text (the separator resets every rule that looks at neighbours); tests check that on the whole fact base.
 */
export function toSearchForms(texts: readonly string[]): string[] {
  const joined = texts.map((t) => (t.includes(SEPARATOR) ? t.replaceAll(SEPARATOR, ' ') : t)).join(SEPARATOR);
  return toSearchForm(joined).text.split(SEPARATOR);
}

const decoder = typeof TextDecoder === 'undefined' ? null : new TextDecoder('utf-16le');
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/** Long runs go through TextDecoder: spreading code units into String.fromCharCode is many times slower. */
function decode(codes: Uint16Array, length: number): string {
  if (length < 64 || !decoder || !LITTLE_ENDIAN) {
    let s = '';
    for (let i = 0; i < length; i += 4096) s += String.fromCharCode(...codes.subarray(i, Math.min(length, i + 4096)));
    return s;
  }
  return decoder.decode(codes.subarray(0, length));
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a search form, in order. */
export function wordsOf(form: string): string[] {
  return form.match(WORD) ?? [];
}

/** Words with their offsets in the form. */
export function wordSpans(form: string): { word: string; start: number }[] {
  return [...form.matchAll(WORD)].map((m) => ({ word: m[0], start: m.index }));
}

export interface Query {
  /** Words of the query's search form. */
  tokens: string[];
  /** True while the last word may still be growing (the reader has not typed a space after it). */
  lastIsPrefix: boolean;
}

export function parseQuery(raw: string): Query {
  const tokens = wordsOf(toSearchForm(raw).text);
  return { tokens, lastIsPrefix: tokens.length > 0 && !/[\s\p{P}]$/u.test(raw) };
}

/**
 * Original-text ranges for inclusive `[start, end]` pairs on a search form (what fuse.js reports), merged and sorted.
 * Returned ranges are half-open: `[start, end)`.
 */
export function toOriginalRanges(
  map: Uint32Array,
  pairs: ReadonlyArray<readonly [number, number]>,
): [number, number][] {
  const ranges = pairs
    .map(([s, e]): [number, number] => [map[s]!, map[e + 1]!])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}
