/**
 * A name of ours that is one word of a longer proper name the fact base does not know: "Ankara Ticaret Odası" (a
 * chamber), "Gəncə Aqrar Universiteti", "Batumi Botanical Garden", "Kuzey Irak", "XDS Astana" (a team), "Denzel
 * Washington". Prose in a cased script capitalises only proper names, so a capitalised word right before or after the
 * name that is not itself a name (of ours, or a given name), a title, a courtesy word, a month or a day, nor a
 * sentence's first word, makes one longer name with it, and the short name's card would be wrong. Where every word may
 * be capitalised (a Title Case headline, an all-caps line, a menu, a list of names) the case says nothing, and the rule
 * stands aside: it needs a word in lowercase near the name (see `inSentenceCase`). Georgian has no capitals: never read.
 */
import { caseOfUnit, isSpaceOrNbsp, isWordUnit, LOWER, UPPER } from './char-kinds';
import type { BatchText, RuledCandidate, RuleTables } from './disambiguate';
import { isApostropheUnit } from './fold';
import { foldedSlice, foldWord, wordAt, wordEnd } from './words';

/**
 * How many words after the name are read for a title or a state's word: capitalised ones ("Azerbaijan Deputy Foreign
 * Minister", "Azerbaycan Gençlik ve Spor Bakanı"), and of them only the first few in lowercase.
 */
const RUN_WORDS = 4;
const LOWERCASE_WORDS = 3;
/** How far either side of the name a lowercase word is looked for: the sentence it stands in, not the page. */
const CASE_REACH = 160;
/** A word of the longer name may be this long at most when read back to its start (longer: not a word). */
const WORD_REACH = 40;

const HYPHEN = 0x2d;
const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;
/** A name's first word this long at least counts in `mayBeNameOfOurs`, with at most this many letters of ending. */
const MIN_FIRST_WORD = 4;
const MAX_ENDING = 5;
/**
 * A hyphen or a dash written solid joins two names as a space does (data/FORMAT.md, "names joined by a dash"):
 * "Москва-Сити", "Karaganda–Astana" with no route's head after them.
 */
const isDash = (u: number) => u === HYPHEN || (u >= 0x2010 && u <= 0x2014);
const isJoin = (u: number) => isSpaceOrNbsp(u) || isDash(u);
const isUpper = (u: number) => caseOfUnit(u) === UPPER;

/** The ends of a sentence or a line, where the lowercase evidence is no longer read. */
const SENTENCE_ENDS = new Uint8Array(0x10000);
for (const ch of '.!?\n\r\u2026\u0589') SENTENCE_ENDS[ch.charCodeAt(0)] = 1;
/** Where the word before a name opens a sentence: its capital says nothing then. */
const OPENERS = new Uint8Array(0x10000);
for (const ch of '.!?:;\n\r\u2026\u0589«»"“”„()[]|·•—–') OPENERS[ch.charCodeAt(0)] = 1;

/**
 * The words English Title Case leaves in lowercase (articles, conjunctions, prepositions): in "Erdogan Meets Aliyev
 * in Baku" they show no sentence case. Any other lowercase word does.
 */
const TITLE_CASE_SMALL = new Set(
  (
    'a an the and but or nor for so yet as at by in of off on per to up via vs with from into onto over upon amid ' +
    'than that near past like after about among under until since across before behind below beside between ' +
    'beyond during inside outside through toward towards against without within despite'
  ).split(' '),
);

/** Per candidate of a batch, 1 when it stands inside a longer name; reused from batch to batch. */
let inside = new Uint8Array(256);

/**
 * Moves the names of people, places, countries and ideas that are a word of a longer proper name (see the module's comment)
 * from `candidates` to `dropped`. Every candidate is judged against the batch's names as found, before any rule drops one: a name
 * of ours beside it ("Əliyev Avropa çempionu", "Հայաստան-Թուրքիա") shows a sequence of names, not one longer name.
 */
export function dropInsideLongerNames(
  t: RuleTables,
  texts: readonly BatchText[],
  candidates: RuledCandidate[],
  dropped: RuledCandidate[],
): void {
  if (inside.length < candidates.length) inside = new Uint8Array(Math.max(candidates.length, 2 * inside.length));
  let any = false;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    const { eponym } = c.pattern;
    const b = texts[c.text]!;
    // A bare surname has rules of its own for the words beside it: a given name or a patronymic after it ("Rais:
    // Karimov Baxtiyor Islomovich"), which the next bare "Karimov" then means too.
    const drop =
      (eponym === 'person' || eponym === 'place' || eponym === 'country' || c.pattern.idea) &&
      !c.pattern.evidence?.surname &&
      capitalisedBeside(b.text, c.start, c.end) &&
      insideLongerName(t, b, c, candidates, i);
    inside[i] = drop ? 1 : 0;
    any ||= drop;
  }
  if (!any) return;
  let kept = 0;
  for (let i = 0; i < candidates.length; i++) {
    if (inside[i] === 0) candidates[kept++] = candidates[i]!;
    else dropped.push(candidates[i]!);
  }
  candidates.length = kept;
}

/**
 * The cheap first test: a capitalised word joined to the name by a space or a hyphen right after it, or a word
 * ending right before it that starts with a capital. Reads a few code units, and a word back at most.
 */
function capitalisedBeside(text: string, start: number, end: number): boolean {
  if (isJoin(text.charCodeAt(end)) && isUpper(text.charCodeAt(end + 1))) return true;
  return wordStartBefore(text, start) >= 0;
}

/** Whether the name `candidates[i]` is a word of a longer proper name (see the module's comment). */
function insideLongerName(
  t: RuleTables,
  b: BatchText,
  c: RuledCandidate,
  candidates: readonly RuledCandidate[],
  i: number,
): boolean {
  const { text } = b;
  // A name in capitals ("BAKU, Dec 5") or in a script without them: its case says nothing.
  if (!isUpper(text.charCodeAt(c.start)) || caseOfUnit(text.charCodeAt(c.start + 1)) !== LOWER) return false;
  const longer = runsOnAfter(t, b, c, candidates, i) || runsOnBefore(t, b, c, candidates, i);
  return longer && inSentenceCase(text, c.start, c.end);
}

/**
 * A capitalised word right after the name, which is written with no ending, and is no name (of ours, or a given
 * name); none of the next few words a title, a state's word or written as a name of its own (see `nameOfItsOwn`).
 */
function runsOnAfter(
  t: RuleTables,
  b: BatchText,
  c: RuledCandidate,
  candidates: readonly RuledCandidate[],
  i: number,
): boolean {
  const { text } = b;
  const join = text.charCodeAt(c.end);
  if (!isJoin(join) || !isUpper(text.charCodeAt(c.end + 1))) return false;
  // Two people joined by a dash are two ("the Tokayev–Macron talks"), whoever the other is.
  if (c.pattern.eponym === 'person' && !isSpaceOrNbsp(join)) return false;
  // With an ending the name plays its own part in the sentence ("в Москве Лавров"); a name's modifier has none.
  if (!exactlyAsWritten(b, c)) return false;
  const first = c.end + 1;
  if (nameOfOursAfter(candidates, i, first) || mayBeNameOfOurs(t, text, first)) return false;
  if (t.givenNameWords.wholeWordAt(text, first) !== null) return false;
  for (let at = first, words = 0; words < RUN_WORDS && at >= 0; words++) {
    // A title in lowercase may end a short phrase ("Туркия Ташқи ишлар вазири"); past it the words are the sentence's
    // own ("Ankara Ticaret Odası yeni başkanını seçti").
    if (words >= LOWERCASE_WORDS && caseOfUnit(text.charCodeAt(at)) === LOWER) break;
    if (t.longerNameStops.startsWordAt(text, at)) return false;
    const end = wordEnd(text, at);
    if (nameOfItsOwn(text, end)) return false;
    at = nextWordStart(text, end);
  }
  return true;
}

/**
 * Whether the word ending at `end` takes its ending after an apostrophe, as Turkish writes a place's or a person's
 * name ("İzmir Aliağa'daki", "Bişkek Manas Havalimanı'nda", "İstanbul Bahçelievler'deki") and not an
 * organisation's ("Ankara Ticaret Odasının"): names side by side, a town and its district, not one longer name. The
 * Uzbek letters written with a turned comma (o‘, g‘) are no such apostrophe.
 */
function nameOfItsOwn(text: string, end: number): boolean {
  const unit = text.charCodeAt(end);
  return (unit === APOSTROPHE || unit === RIGHT_QUOTE) && caseOfUnit(text.charCodeAt(end + 1)) === LOWER;
}

/**
 * Whether the word at `at` may be a name of ours in a form the fact base lacks ("Naxçıvan İrandan", "Äzerbaijan
 * Kaspi arqyly"): it starts with the first word of an alias and adds at most an ending. Read for the rare word the
 * rule would otherwise take for a word of a longer name.
 */
function mayBeNameOfOurs(t: RuleTables, text: string, at: number): boolean {
  const word = foldWord(wordAt(text, at));
  for (let n = Math.max(MIN_FIRST_WORD, word.length - MAX_ENDING); n <= word.length; n++)
    if (t.aliasFirstWords.has(n === word.length ? word : word.slice(0, n))) return true;
  return false;
}

/**
 * A capitalised word right before a place's or a country's name that opens no sentence and is no name, title or given
 * name. (Before a person's name it is their own given name or title: "Mustafo Kamol Otaturk".)
 */
function runsOnBefore(
  t: RuleTables,
  b: BatchText,
  c: RuledCandidate,
  candidates: readonly RuledCandidate[],
  i: number,
): boolean {
  const { text } = b;
  if (c.pattern.eponym === 'person') return false;
  const at = wordStartBefore(text, c.start);
  // An ending after an apostrophe ("Yılmaz Bakü'de") puts the name in a part of the sentence of its own.
  if (at < 0 || isApostropheUnit(text.charCodeAt(c.end)) || opensSentence(text, at)) return false;
  if (nameOfOursBefore(candidates, i, at) || mayBeNameOfOurs(t, text, at)) return false;
  if (t.longerNameStops.startsWordAt(text, at) || t.givenNameWords.wholeWordAt(text, at) !== null) return false;
  return exactlyAsWritten(b, c);
}

/** The alias as the page writes it, or written solid; not with a changed last letter ("Армении" is no "Армения"). */
function exactlyAsWritten(b: BatchText, c: RuledCandidate): boolean {
  const { key } = c.pattern;
  const form = foldedSlice(b, c.foldedStart, c.foldedEnd);
  return form === key || (form.length < key.length && form === key.replace(SPACES, ''));
}

const SPACES = / /g;

/** Whether a name found after `candidates[i]` starts at `at` in the same text. */
function nameOfOursAfter(candidates: readonly RuledCandidate[], i: number, at: number): boolean {
  const { text } = candidates[i]!;
  for (let j = i + 1; j < candidates.length; j++) {
    const other = candidates[j]!;
    if (other.text !== text || other.start > at) return false;
    if (other.start === at) return true;
  }
  return false;
}

/** Whether a name found before `candidates[i]` (or with it) covers the word at `at` in the same text. */
function nameOfOursBefore(candidates: readonly RuledCandidate[], i: number, at: number): boolean {
  const c = candidates[i]!;
  for (let j = i - 1; j >= 0; j--) {
    const other = candidates[j]!;
    if (other.text !== c.text) return false;
    if (other.start <= at && other.end > at) return true;
    // Names come by start: one that starts a sentence earlier cannot reach the word.
    if (c.start - other.start > WORD_REACH * RUN_WORDS) return false;
  }
  return false;
}

/** Where the next word starts after a word ending at `end`, past one space or hyphen; -1 when none follows so. */
function nextWordStart(text: string, end: number): number {
  return isJoin(text.charCodeAt(end)) && isWordUnit(text.charCodeAt(end + 1)) ? end + 1 : -1;
}

/** Where the capitalised word that ends one space or hyphen before `start` begins; -1 when there is none. */
function wordStartBefore(text: string, start: number): number {
  if (!isJoin(text.charCodeAt(start - 1))) return -1;
  const end = start - 1;
  let i = end;
  while (i > 0 && end - i < WORD_REACH && isWordUnit(text.charCodeAt(i - 1))) i--;
  return i < end && (i === 0 || !isWordUnit(text.charCodeAt(i - 1))) && isUpper(text.charCodeAt(i)) ? i : -1;
}

/** Whether the word at `at` is the first of its sentence: nothing but spaces after an opener or the text's start. */
function opensSentence(text: string, at: number): boolean {
  let i = at;
  while (i > 0 && isSpaceOrNbsp(text.charCodeAt(i - 1))) i--;
  if (i === 0) return true;
  const unit = text.charCodeAt(i - 1);
  // A numbered item ("4. Ankara Keçiörengücü") opens a line too.
  return OPENERS[unit] === 1 || (unit >= 0x30 && unit <= 0x39);
}

/**
 * Whether the sentence around text[start, end) is written in sentence case: it has a word in lowercase that English
 * Title Case would capitalise. Reads at most CASE_REACH units either side, up to the sentence's ends.
 */
export function inSentenceCase(text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - CASE_REACH);
  for (let i = start - 1; i >= from; i--) {
    const unit = text.charCodeAt(i);
    if (SENTENCE_ENDS[unit] === 1) break;
    if (i > 0 && isWordUnit(text.charCodeAt(i - 1))) continue;
    if (caseOfUnit(unit) === LOWER && sentenceWord(text, i)) return true;
  }
  const to = Math.min(text.length, end + CASE_REACH);
  for (let i = end; i < to; i++) {
    const unit = text.charCodeAt(i);
    if (SENTENCE_ENDS[unit] === 1) break;
    if (isWordUnit(text.charCodeAt(i - 1))) continue;
    if (caseOfUnit(unit) === LOWER && sentenceWord(text, i)) return true;
  }
  return false;
}

/** A lowercase word at `at` that Title Case would not leave so (read only for the rare name beside a capital). */
function sentenceWord(text: string, at: number): boolean {
  const end = wordEnd(text, at);
  return end - at >= 2 && !TITLE_CASE_SMALL.has(text.slice(at, end));
}
