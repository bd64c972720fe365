/**
 * Russian case endings for aliases written in Cyrillic: pages say "Токаева", "в Азербайджане", "Турции", so the
 * last word of a Cyrillic alias may carry a case ending. Only the last word inflects (enough for surnames,
 * countries and cities; "Трансанатолийского газопровода" is left to an explicit alias).
 *
 * Endings are in folded form (lowercase, ё→е). The matcher keeps the one that ends exactly at a word boundary (at
 * most one can), so "Токаевского" is not Токаев plus an ending.
 */

export interface Inflection {
  /** The folded alias, minus a final vowel that the endings replace. */
  stem: string;
  endings: readonly string[];
}

/** Endings from a space-separated list, longest first. */
const endings = (list: string): readonly string[] => list.split(' ').sort((a, b) => b.length - a.length);

/** Hard and soft consonants (Токаев, Азербайджан, Эрдоган): the nominative has no ending (the final ''). */
const AFTER_CONSONANT = [...endings('а у е ы и ом ым им ой ей ем ою ах ам ами ов ев'), ''];
/** Москва → Москвы, Москве, Москву, Москвой; Шуша → Шуши. */
const REPLACING_A = endings('а ы и е у ой ою ам ами ах');
/** Турция → Турции, Турцию, Турцией; Россия → России. */
const REPLACING_YA = endings('я и ю е ей ею ям ями ях');
/** Каспий → Каспия, Каспию, Каспием, Каспии. */
const REPLACING_Y = endings('й я ю е и ем ям ями ях');
/** Soft-sign nouns: Казань → Казани, Казанью. */
const REPLACING_SOFT = endings('ь и я ю е ью ем ей ям ями ях');

const CONSONANTS = new Set('бвгджзклмнпрстфхцчшщ');
const REPLACED = new Map<string, readonly string[]>([
  ['а', REPLACING_A],
  ['я', REPLACING_YA],
  ['й', REPLACING_Y],
  ['ь', REPLACING_SOFT],
]);

/** A stem shorter than this would match too much once an ending is free to vary. */
const MIN_STEM = 3;

/**
 * How a folded alias inflects, or null when it does not (Latin script, indeclinable endings like Баку or Тбилиси,
 * acronyms, which the caller excludes as exact-case).
 */
export function russianInflection(folded: string): Inflection | null {
  const last = folded.slice(-1);
  if (CONSONANTS.has(last)) return { stem: folded, endings: AFTER_CONSONANT };
  const replacing = REPLACED.get(last);
  const stem = folded.slice(0, -1);
  if (replacing === undefined || lastWordLength(stem) < MIN_STEM) return null;
  return { stem, endings: replacing };
}

function lastWordLength(text: string): number {
  const space = Math.max(text.lastIndexOf(' '), text.lastIndexOf('-'));
  return text.length - space - 1;
}

/** True when folded codes at `at` spell `ending`. */
export function hasEndingAt(codes: Uint16Array, length: number, at: number, ending: string): boolean {
  if (at + ending.length > length) return false;
  for (let i = 0; i < ending.length; i++) if (codes[at + i] !== ending.charCodeAt(i)) return false;
  return true;
}
