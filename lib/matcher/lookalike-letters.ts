/**
 * Letters that look alike in the Latin and Cyrillic alphabets (a/а, c/с, e/е, o/о, p/р, x/х, y/у, k/к, m/м, t/т,
 * B/В, i/і). Pages type one for the other inside a word ("Азербайджaне" with a Latin a, "Казахcтана" with a Latin c,
 * "Тürkiia" with a Cyrillic Т, Kazakh "Түркiстан" with a Latin i for і): the reader sees the name, so the fold writes
 * such a letter in the alphabet of the word's other letters.
 *
 * The fold notices a Latin letter right next to a Cyrillic one as it goes (a bit per code unit, no branch), and only
 * a text where that happens is read again here, word by word: such words are rare, so pages pay nothing else.
 */

export const NO_SCRIPT = 0;
export const LATIN = 1;
export const CYRILLIC = 2;

/** The script of a letter's code unit, by block: Latin, Cyrillic, or neither (digits, marks, other scripts). */
export function scriptOfUnit(unit: number): number {
  if ((unit >= 0x41 && unit <= 0x5a) || (unit >= 0x61 && unit <= 0x7a)) return LATIN;
  if (unit >= 0xc0 && unit <= 0x24f && unit !== 0xd7 && unit !== 0xf7) return LATIN;
  if (unit >= 0x1e00 && unit <= 0x1eff) return LATIN;
  if (unit >= 0x400 && unit <= 0x52f && !(unit >= 0x483 && unit <= 0x489)) return CYRILLIC;
  return NO_SCRIPT;
}

/**
 * Folded letter → its look-alike's fold in the other alphabet (0: none). Folded, so lowercase: "b" pairs with "в"
 * for the capitals B and В; Cyrillic і already folds to и, so a Latin i pairs with и.
 */
const PAIRS = 'aа cс eе oо pр xх yу kк mм tт bв iи';
const OTHER = new Uint16Array(0x10000);
for (const pair of PAIRS.split(' ')) {
  OTHER[pair.charCodeAt(0)] = pair.charCodeAt(1);
  OTHER[pair.charCodeAt(1)] = pair.charCodeAt(0);
}

/**
 * Rewrites, in folded `codes`, each look-alike letter of the wrong alphabet in a word whose other letters (those
 * with no look-alike) are all of one alphabet. A word with no such letter, or with some of each, stays as typed.
 * `scriptAt(i)` is the script of the original character folded unit i comes from.
 */
export function unmixLookalikes(codes: Uint16Array, length: number, scriptAt: (i: number) => number): void {
  let i = 0;
  while (i < length) {
    if (scriptAt(i) === NO_SCRIPT) {
      i++;
      continue;
    }
    let latin = 0;
    let cyrillic = 0;
    let end = i;
    for (; end < length; end++) {
      const script = scriptAt(end);
      if (script === NO_SCRIPT) break;
      if (OTHER[codes[end]!] !== 0) continue;
      if (script === LATIN) latin++;
      else cyrillic++;
    }
    const to = latin > 0 && cyrillic === 0 ? LATIN : cyrillic > 0 && latin === 0 ? CYRILLIC : NO_SCRIPT;
    if (to !== NO_SCRIPT)
      for (let k = i; k < end; k++) {
        const other = OTHER[codes[k]!]!;
        if (other !== 0 && scriptAt(k) !== to) codes[k] = other;
      }
    i = end;
  }
}
