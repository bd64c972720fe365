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
export function spellsOut(acronym: string, text: string, end: number): boolean {
  const letters = [...acronym].map(letterKey);
  const words = text.slice(Math.max(0, end - REACH), end).match(WORD);
  if (!words) return false;
  if (shortFor(letters, words[words.length - 1]!)) return true;
  let j = letters.length - 1;
  for (let w = words.length - 1; w >= 0 && j >= 0; w--) {
    const given = initialsOf(words[w]!);
    const before = j;
    for (let k = given.length - 1; k >= 0 && j >= 0; k--) if (given[k] === letters[j]) j--;
    if (j === before && (w === words.length - 1 || UPPER_LETTER.test(words[w]![0]!))) return false;
  }
  return j < 0;
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
  return c.toUpperCase().normalize('NFD').charAt(0);
}
