/**
 * Names run together with other words in a hashtag (#TEKNOFEST2026, #Bışkek2026, #BakuNext): a name that starts one
 * may end inside it, where a number or the next capitalised word begins. Elsewhere a name ends only at a word's end.
 */
import { caseOfUnit, LOWER, UPPER } from './char-kinds';

const HASH = 0x23;
const FULLWIDTH_HASH = 0xff03;

/** Whether the unit before a name opens a hashtag ("#", or its full-width form). */
export function mayStartHashtag(before: number): boolean {
  return before === HASH || before === FULLWIDTH_HASH;
}

/**
 * Whether a name that starts a hashtag may end at `end` although a letter or digit follows: a digit (the year of
 * #TEKNOFEST2026), or a capital after a lowercase letter (#BakuNext), but the capital only for a name that is no
 * common word (`unambiguous`: #TurkeyTrot is a race, not Türkiye). Reads two code units.
 */
export function endsInHashtag(text: string, end: number, unambiguous: boolean): boolean {
  const next = text.charCodeAt(end);
  if (next >= 0x30 && next <= 0x39) return true;
  return unambiguous && caseOfUnit(next) === UPPER && caseOfUnit(text.charCodeAt(end - 1)) === LOWER;
}
