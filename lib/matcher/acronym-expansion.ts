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
  let key = letterKeys.get(c);
  if (key === undefined) {
    key = c.toUpperCase().normalize('NFD').charAt(0);
    letterKeys.set(c, key);
  }
  return key;
}
/** Normalising is slow and pages repeat their letters: each letter's key is worked out once. */
const letterKeys = new Map<string, string>();

const LOWER_LETTER = /\p{Ll}/u;
/** A lowercase word of this many letters or fewer may sit inside a spelled-out name ("of", "ve", "и", "için"). */
const LINKING_WORD = 4;
/** Units that may join the words of one name: spaces, hyphens and dashes, and an apostrophe. */
const JOINER = /^[\s\-‐‑–—'’]*$/u;
/** Units that close off a name on one side: quotation marks, brackets, commas, colons, dashes or a sentence's end. */
const FENCE = /[«»"“”„‹›'‘’()[\],:;–—.!?]/u;

/**
 * Where `text` (the words around an acronym) spells it out as a free-standing run of capitalised words whose
 * initials give its letters in order ("ACG" (Associated Contractors Group, …), SCP stands for "Smart City
 * Platform"), as [start, end), or null. The run must be fenced off from the words around it on both sides
 * (a quotation mark, a bracket, a comma, a lowercase word) and on one side by more than the text's own edge, so that
 * a Title Case headline's words ("Officials Tour Samarkand") never spell out OTS by chance.
 */
export function spelledOutIn(acronym: string, text: string): [number, number] | null {
  const letters = [...acronym].map(letterKey);
  const itself = letters.join('');
  const words = [...text.matchAll(WORD)];
  for (let i = 0; i < words.length; i++) {
    const first = words[i]![0];
    if (!UPPER_LETTER.test(first[0]!) || letterKey(first[0]!) !== letters[0]) continue;
    if ([...first].map(letterKey).join('') === itself) continue;
    let j = 0;
    let w = i;
    for (; w < words.length && j < letters.length; w++) {
      const word = words[w]![0];
      if (w > i && !JOINER.test(text.slice(words[w - 1]!.index + words[w - 1]![0].length, words[w]!.index))) break;
      if (LOWER_LETTER.test(word[0]!)) {
        if (word.length > LINKING_WORD) break;
        continue;
      }
      const given = initialsOf(word);
      if (given.length > letters.length - j || given.some((g, k) => g !== letters[j + k])) break;
      j += given.length;
    }
    if (j < letters.length) continue;
    const start = words[i]!.index;
    const end = words[w - 1]!.index + words[w - 1]![0].length;
    const left = sideOf(text.slice(i > 0 ? words[i - 1]!.index + words[i - 1]![0].length : 0, start), words[i - 1]);
    const right = sideOf(text.slice(end, w < words.length ? words[w]!.index : text.length), words[w]);
    if (left !== OPEN && right !== OPEN && (left === FENCED || right === FENCED)) return [start, end];
  }
  return null;
}

const OPEN = 0; // only spaces, then a capitalised word: the run may go on
const EDGE = 1; // the text's own start or end
const FENCED = 2; // punctuation, or a lowercase word

function sideOf(between: string, word: RegExpMatchArray | undefined): number {
  if (FENCE.test(between)) return FENCED;
  if (word === undefined) return EDGE;
  return UPPER_LETTER.test(word[0][0]!) ? OPEN : FENCED;
}
