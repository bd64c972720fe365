/**
 * Whether a person's, place's, country's or company's name is part of the name of a thing named after it, where its
 * card would be wrong (data/languages.yaml `named-after`, FORMAT.md). Read for every candidate whose alias is an
 * eponym (see `Pattern.eponym`); each check reads the page only once a listed word stands next to the name.
 */
import type { BatchText, RuledCandidate, RuleTables } from './disambiguate';
import { headBefore, type NamedAfterList } from './named-after';
import { NAME_WORDS_BETWEEN, wordPastLowercaseWord, wordPastNameWords } from './head-after-name';
import { insideQuotedName } from './quoted-name';
import { Seen } from './evidence-seen';
import { afterDash, insideRoute } from './route-names';
import { inScoreRow } from './score-rows';
import { foldedSlice, wordAfterStart, wordBeforeStart } from './words';

/**
 * Whether the name at `c` is part of the name of a thing named after a person or a city, where the card of the
 * person or the city would be wrong:
 * - a person's: an airport, a university, a foundation, a street ("Heydar Aliyev International Airport", "Nazarbayev
 *   University", "Islom Karimov nomidagi", "аэропорт имени Гейдара Алиева");
 * - a place's (a city, a region, a sea): the region, university, airport, stadium, court, orchestra, hotel, club,
 *   festival… named after it, its head after the name ("Samarqand viloyati", "Bakı Dövlət Universiteti", "Astana
 *   Opera") or before it ("суд Москвы", "University of Baku"); a route written with dashes ("Kars-Nahçıvan hattı",
 *   see route-names.ts); a short proper name in quotation marks (the «Москва» cinema, «Dinamo Tbilisi»), or a
 *   quoted title after a film's, book's, song's or podcast's word (драма «Баку, я люблю тебя»); a club's in a row
 *   of results ("Pakhtakor Taşkent 0-1 Ordabasy Şımkent", see score-rows.ts);
 * - a country's: the airline, railway or race named after it ("Azerbaijan Airlines", "Qazaqstan Temır Joly"), or a
 *   ship's or hotel's name in quotation marks (the «Азербайджан» ferry). Not the state words a city's list has:
 *   after a country's name they are its own ("Turkiyaga davlat tashrifi", a state visit to Türkiye);
 * - a company's: the arena or stadium named after it («Газпром Арена»).
 * `seen`: what `mayNameSomeoneElse` (disambiguate.ts) saw beside the name; a check it rules out is not read.
 */
export function namesAThing(t: RuleTables, b: BatchText, c: RuledCandidate, seen: number): boolean {
  const { text } = b;
  const { after, before, placeAfter, countryAfter, companyAfter } = t.namedAfter;
  const wordAfter = (seen & Seen.WordAfter) !== 0;
  const wordBefore = (seen & Seen.WordBefore) !== 0;
  if (c.pattern.eponym === 'person')
    return (
      (wordAfter && (after.startsWordAt(text, wordAfterStart(text, c.end)) || headPastNameWords(after, text, c.end))) ||
      (wordBefore && before.startsWordAt(text, wordBeforeStart(text, c.start)) && !inRecipientCase(b, c))
    );
  const { eponym } = c.pattern;
  const list = eponym === 'country' ? countryAfter : eponym === 'company' ? companyAfter : placeAfter;
  // A head after a chain of names is the route's ("Кытай – Кыргызстан – Өзбекстан темир жолу"), which names the
  // countries it crosses.
  if (wordAfter) {
    const next = wordAfterStart(text, c.end);
    const headAfter =
      list.startsWordAt(text, next) ||
      (c.pattern.region && t.namedAfter.regionAfter.startsWordAt(text, next)) ||
      (eponym !== 'company' && headPastNameWords(list, text, c.end)) ||
      (c.pattern.compound && headPastLowercaseWord(t, eponym === 'country', text, c.end));
    if (headAfter && (standsAsModifier(t, b, c) || inGenitiveOfAName(t, b, c)))
      return eponym !== 'country' || !afterDash(text, c.start);
  }
  // A company's name names only the thing whose name it heads (its arena); alone in quotation marks it is its own.
  if (eponym === 'company') return false;
  return (
    (wordBefore && headBefore(t.namedAfter.placeBefore, t.namedAfter.links, text, c.start)) ||
    (eponym === 'place' &&
      (seen & Seen.Dash) !== 0 &&
      insideRoute(text, c.start, c.end, t.namedAfter.routeAfter, t.namedAfter.routeBefore)) ||
    // As written: "В Ташкенте 1:0" is in the city.
    (eponym === 'place' &&
      (seen & Seen.ScoreRow) !== 0 &&
      inScoreRow(text, c.start, c.end) &&
      asWritten(c, foldedSlice(b, c.foldedStart, c.foldedEnd))) ||
    // An acronym in quotation marks ("BTC") is still that acronym, and an idea's name may be the idea (see `quoted`).
    (c.pattern.quoted && (seen & Seen.Quote) !== 0 && quoted(text, c))
  );
}

/** Russian dative and instrumental endings of a man's name (Алиеву, Ататюрку, Алиевым, Эрдоганом), folded. */
const RECIPIENT_ENDINGS = ['у', 'ю', 'ым', 'им', 'ом', 'ем'];

/**
 * Whether a person's name after a head stands in the dative or the instrumental: the one who is given the thing
 * ("вручил орден Ильхаму Алиеву"), not the one it is named after, who stands in the genitive ("орден Гейдара Алиева").
 * Read only once a head stands before the name.
 */
function inRecipientCase(b: BatchText, c: RuledCandidate): boolean {
  const form = foldedSlice(b, c.foldedStart, c.foldedEnd);
  return form !== c.pattern.key && RECIPIENT_ENDINGS.some((e) => form.endsWith(e) && !c.pattern.key.endsWith(e));
}

/**
 * Whether a head of `list` follows a word or two of the thing's own name after the name ("Baku Crystal Hall", "Heydar
 * Aliyev Young Researcher Prize"): see head-after-name.ts.
 */
function headPastNameWords(list: NamedAfterList, text: string, end: number): boolean {
  return headPastNameWordsAt(list, text, end) >= 0;
}

/** `headPastNameWords`, with where the head starts (-1: none). */
function headPastNameWordsAt(list: NamedAfterList, text: string, end: number): number {
  for (let words = 1; words <= NAME_WORDS_BETWEEN; words++) {
    const at = wordPastNameWords(text, end, words);
    if (at < 0) return -1;
    if (list.startsWordAt(text, at)) return at;
  }
  return -1;
}

/**
 * Whether a head of `place-after-word` (`country-after-word` for a country's name) follows one lowercase word of the
 * thing's own name, in the languages that write a name so ("Тошкент трактор заводи", "Қазақстан халық банкі",
 * "Հայաստանի պատմության թանգարան"). A word that keeps a name its own there is no word of the thing's name: an office's
 * or a central bank's ("Հայաստանի կենտրոնական բանկ" is the country's, `longer-name-keeps`), and a postposition or
 * a pair's joiner joins the name to the sentence ("Хитой билан темир йўл", `not-between`).
 */
function headPastLowercaseWord(t: RuleTables, country: boolean, text: string, end: number): boolean {
  const head = wordPastLowercaseWord(text, end);
  if (head < 0) return false;
  const list = country ? t.namedAfter.countryAfterWord : t.namedAfter.placeAfterWord;
  if (!list.startsWordAt(text, head) || t.longerNameStops.startsWordAt(text, end + 1)) return false;
  return t.namedAfter.notBetween.wholeWordAt(text, end + 1) === null;
}

/**
 * Whether the name is a short proper name in quotation marks («Москва» the cinema): read only when an opening
 * quotation mark stands shortly before the name. (Inside a work's title, any name is the title's: titles.ts.)
 */
const quoted = (text: string, c: RuledCandidate) => insideQuotedName(text, c.start, c.end);

/**
 * Whether a place's or country's name stands as the modifier of the name after it: as written ("Toshkent xalqaro
 * aeroporti", "Bakı Beynəlxalq Dəniz Ticarət Limanı") or in a modifier ending, the genitive of the languages that put
 * one there ("Երևանի պետական համալսարան", "საქართველოს ბანკი"). Another ending puts it in a sentence of its own:
 * "Samarqandda xalqaro forum" is in the city. Read only once a word of the lists follows.
 */
function standsAsModifier(t: RuleTables, b: BatchText, c: RuledCandidate): boolean {
  const { key } = c.pattern;
  const form = foldedSlice(b, c.foldedStart, c.foldedEnd);
  if (asWritten(c, form)) return true;
  // A modifier ending may replace the name's last letter (Georgian თბილისი → თბილისის).
  for (const ending of t.namedAfter.modifierEndings)
    if (form.endsWith(ending) && form.length - ending.length >= key.length - 1) return true;
  return false;
}

/**
 * Whether the name stands in a Turkic genitive before an institution's name whose capitalised head, right after it or
 * past one or two capitalised words, is one of `genitive-heads` ("Bakının Dövlət Universiteti", "Türkmenistanyň Döwlet Medeniýet Instituty"): the university's
 * name, as the Armenian and Georgian genitive is (`standsAsModifier`). Read only once a head was found after the
 * name. Only a university's, an institute's, an academy's, a museum's or a library's head: the genitive before a
 * lowercase word is the place's own ("Bakının küçələri", its streets), and before a state body's it is the
 * country's ("Azərbaycanın Mərkəzi Bankı", its central bank; "Türkiye'nin Ankara Büyükelçiliği").
 */
function inGenitiveOfAName(t: RuleTables, b: BatchText, c: RuledCandidate): boolean {
  const { text } = b;
  const { genitiveHeads, genitiveEndings } = t.namedAfter;
  const head = genitiveHeads.startsWordAt(text, wordAfterStart(text, c.end))
    ? 0
    : headPastNameWordsAt(genitiveHeads, text, c.end);
  if (head < 0 || t.longerNameStops.startsWordAt(text, c.end + 1)) return false;
  const form = foldedSlice(b, c.foldedStart, c.foldedEnd);
  // The name's last letter may change before the ending (Turkmen Aşgabat → Aşgabadyň).
  const stem = c.pattern.key.slice(0, -1);
  for (const ending of genitiveEndings)
    if (form.endsWith(ending) && form.length - ending.length >= stem.length + 1 && form.startsWith(stem)) return true;
  return false;
}

/**
 * Whether the page writes the name with no ending: its alias as it is, written solid ("Nursultan" for Nur-Sultan), or
 * with the final letter its language changes when the name stands alone (Turkmen "Samarkant" is read in "Samarkand",
 * as the English spelling writes it).
 */
export function asWritten(c: RuledCandidate, form: string): boolean {
  const { key } = c.pattern;
  if (form === key) return true;
  const solid = key.indexOf(' ') >= 0 ? key.replace(SPACES, '') : key;
  return form === solid || (form.length === solid.length && form.startsWith(solid.slice(0, -1)));
}

const SPACES = / /g;
