/**
 * Where the head of a thing's name may stand after a name of ours that begins it: right after it, or past a word or
 * two of the thing's own name ("Baku Crystal Hall", "Bakü Enerji Haftası", "Qarabağ Dirçəliş Fondu", "Heydar Aliyev
 * Young Researcher Prize", "Central Asia-Caucasus Institute", "Baku 2015 European Games"). Those words are
 * capitalised, joined to the name by a hyphen, or a year; a Title Case headline's verb ("Baku Hosts Energy Forum",
 * "Erdoğan Visits … University") ends the name, as a lowercase word does.
 */
import { caseOfUnit, isAsciiDigit, isSpaceOrNbsp, UPPER } from './char-kinds';
import { wordAfterStart, wordEnd } from './words';

/** How many words of a thing's own name may stand between a name of ours and the thing's head. */
export const NAME_WORDS_BETWEEN = 2;

const HYPHEN = 0x2d;
const LOWER_S = 0x73;

/**
 * The start of the capitalised word that follows `words` (1 or 2) words of a thing's name after original offset `end`,
 * the end of a name of ours; -1 when one of them is no word of a name, or that word is in lowercase. Reads a few code units per word, and stops at the
 * first word that is not capitalised, which most words after a name are not.
 */
export function wordPastNameWords(text: string, end: number, words: number): number {
  let at = end;
  for (let n = 0; n < words; n++) {
    const start = nameWordAt(text, at);
    if (start < 0) return -1;
    at = nameWordEnd(text, start);
    if (at < 0) return -1;
  }
  // The head of a name whose words are capitalised is capitalised too: "Самарқанд Туркий давлатлар ташкилоти
  // саммитига" is the city hosting a summit, not a state body named after it.
  const head = wordAfterStart(text, at);
  return head >= 0 && caseOfUnit(text.charCodeAt(head)) === UPPER ? head : -1;
}

/** Where a word of a thing's name starts right after `end`: past one space, or joined to it by a hyphen. */
function nameWordAt(text: string, end: number): number {
  const unit = text.charCodeAt(end);
  if (unit === HYPHEN) return caseOfUnit(text.charCodeAt(end + 1)) === UPPER ? end + 1 : -1;
  if (!isSpaceOrNbsp(unit)) return -1;
  const at = end + 1;
  const first = text.charCodeAt(at);
  return caseOfUnit(first) === UPPER || isAsciiDigit(first) ? at : -1;
}

/**
 * Where the word of a name at `start` ends: a capitalised word that is not a Title Case verb (an English word ending
 * in a lowercase "s": Hosts, Opens, Visits), or a year of four digits; -1 otherwise.
 */
function nameWordEnd(text: string, start: number): number {
  if (isAsciiDigit(text.charCodeAt(start))) {
    let i = start;
    while (i < text.length && isAsciiDigit(text.charCodeAt(i))) i++;
    return i - start === 4 ? i : -1;
  }
  const end = wordEnd(text, start);
  return end > start + 1 && text.charCodeAt(end - 1) !== LOWER_S ? end : -1;
}

/**
 * The start of the word that follows one word in lowercase (or of a script without capitals) after original offset
 * `end`, the end of a name of ours, each past one space: "трактор" in "Тошкент трактор заводи", "պատմության" in
 * "Հայաստանի պատմության թանգարան"; -1 otherwise. Reads the one word and a unit past it.
 */
export function wordPastLowercaseWord(text: string, end: number): number {
  if (!isSpaceOrNbsp(text.charCodeAt(end))) return -1;
  const word = end + 1;
  if (caseOfUnit(text.charCodeAt(word)) === UPPER) return -1;
  const wordStop = wordEnd(text, word);
  if (wordStop === word || !isSpaceOrNbsp(text.charCodeAt(wordStop))) return -1;
  const head = wordStop + 1;
  return wordEnd(text, head) > head ? head : -1;
}
