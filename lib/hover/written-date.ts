/**
 * A date written out in words in a byline ("14 May 2025", "14 мая 2025 г.", "2025 жылғы 14 мамыр", "14-may, 2025",
 * "14 մայիսի, 2025 թ.") or in figures ("14.05.2025", "2025-05-14"), read as an ISO `YYYY-MM-DD`.
 *
 * The month names are data here rather than `Intl.DateTimeFormat`'s: Chromium ships a trimmed ICU that has no month
 * names for Azerbaijani, Kazakh or Uzbek and none at all for Kyrgyz, Turkmen, Armenian or Georgian (it formats them
 * as "M05" or in English), so a byline would be read in one browser and not the other.
 */

/**
 * Each month's stems in the region's languages, lower case: a word is that month when it starts with a stem and adds
 * at most a case ending or suffix ("мая", "մայիսի", "Mayıs'ta"). The stems are whole names or long enough not to
 * start a common word.
 */
const MONTH_STEMS: readonly (readonly string[])[] = [
  // tr, az/uz/tk Latin, ru/uz/ky Cyrillic, kk Cyrillic, kk Latin (2021), hy, ka
  ['ocak', 'yanvar', 'ýanwar', 'январ', 'қаңтар', 'qańtar', 'հունվար', 'იანვარ'],
  ['şubat', 'fevral', 'fewral', 'феврал', 'ақпан', 'aqpan', 'փետրվար', 'თებერვალ'],
  ['mart', 'март', 'наурыз', 'naýryz', 'մարտ', 'მარტ'],
  ['nisan', 'aprel', 'апрел', 'сәуір', 'sáýir', 'ապրիլ', 'აპრილ'],
  ['mayıs', 'may', 'maý', 'мая', 'май', 'мамыр', 'mamyr', 'մայիս', 'მაის'],
  ['haziran', 'iyun', 'iýun', 'июн', 'маусым', 'maýsym', 'հունիս', 'ივნის'],
  ['temmuz', 'iyul', 'iýul', 'июл', 'шілде', 'shilde', 'հուլիս', 'ივლის'],
  ['ağustos', 'avqust', 'avgust', 'awgust', 'август', 'тамыз', 'tamyz', 'օգոստոս', 'აგვისტო'],
  ['eylül', 'sentyabr', 'sentabr', 'sentýabr', 'сентябр', 'қыркүйек', 'qyrkúiek', 'սեպտեմբեր', 'სექტემბერ'],
  ['ekim', 'oktyabr', 'oktabr', 'oktýabr', 'октябр', 'қазан', 'qazan', 'հոկտեմբեր', 'ოქტომბერ'],
  ['kasım', 'noyabr', 'noýabr', 'ноябр', 'қараша', 'qarasha', 'նոյեմբեր', 'ნოემბერ'],
  ['aralık', 'dekabr', 'декабр', 'желтоқсан', 'jeltoqsan', 'դեկտեմբեր', 'დეკემბერ'],
];

/** English takes no endings, so only its names and their abbreviations count ("Sept." but not "Septuagint"). */
const ENGLISH_MONTHS = new Map<string, number>([
  ...[
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december',
  ].flatMap((name, i): [string, number][] => [
    [name, i + 1],
    [name.slice(0, 3), i + 1],
  ]),
  ['sept', 9],
]);

/** How many letters a month word may add to its stem ("Mayıs'ta", "сентября", "ოქტომბერს"); a stem of three letters
 * takes a short ending only ("mayda", "мае", but not "Майдан"). */
const maxEnding = (stem: string) => (stem.length > 3 ? 4 : 2);

/**
 * The stems by their first letter, with their month: a byline's words are mostly not months, and each is then checked
 * against the few stems that start as it does instead of all ninety (this runs in every page's first scan, before
 * the engine has optimised anything).
 */
const STEMS_BY_INITIAL = new Map<string, [stem: string, month: number][]>();
MONTH_STEMS.forEach((stems, i) => {
  for (const stem of stems) {
    const list = STEMS_BY_INITIAL.get(stem[0]!) ?? [];
    list.push([stem, i + 1]);
    STEMS_BY_INITIAL.set(stem[0]!, list);
  }
});

/** The month (1–12) a word names, or 0. */
export function monthOf(word: string): number {
  // Turkish capital İ lower-cases to "i" + a combining dot; the stems are written without it.
  const w = word.toLowerCase().replace(/\u0307/g, '');
  let month = ENGLISH_MONTHS.get(w) ?? 0;
  let stemLength = 0;
  for (const [stem, i] of STEMS_BY_INITIAL.get(w[0]!) ?? [])
    if (stem.length > stemLength && w.startsWith(stem) && w.length - stem.length <= maxEnding(stem)) {
      month = i;
      stemLength = stem.length;
    }
  return month;
}

/**
 * ISO for a day that exists (no 31 February); undefined otherwise. Plain arithmetic, not a Date: this runs in every
 * page's first scan, and Chromium's first toISOString in a page costs about a millisecond.
 */
const iso = (year: number, month: number, day: number): string | undefined => {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  const real = year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= days;
  return real ? `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` : undefined;
};

/**
 * Letters of the scripts a byline near the region is written in, and their neighbours' (Latin with its extensions and
 * modifier letters, Greek, Cyrillic, Armenian, Hebrew, Arabic, Georgian, kana, CJK, Hangul), as plain ranges: a
 * Unicode property class (`\p{L}`) costs about a millisecond to compile, in every page whose byline has a year.
 */
const LETTERS = String.raw`A-Za-z\u00AA\u00B5\u00BA\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02C1\u02C6-\u02D1\u02E0-\u02E4\u02EC\u02EE\u0370-\u0373\u0376-\u03FF\u0400-\u0481\u048A-\u052F\u0531-\u0556\u0560-\u0588\u05D0-\u05EA\u0620-\u064A\u0671-\u06D3\u10A0-\u10FF\u1C90-\u1CBF\u1E00-\u1FFF\u2D00-\u2D2F\u3040-\u30FF\u4E00-\u9FFF\uAC00-\uD7AF`;
/** Combining marks that may follow a letter (the dot of a lower-cased Turkish İ, Cyrillic and Arabic marks). */
const MARKS = String.raw`\u0300-\u036F\u0483-\u0489\u064B-\u065F`;
/**
 * Words (with a Turkish apostrophe suffix: "Mayıs'ta", also with ’ and ʼ) and numbers; what lies between them does not
 * matter. The apostrophes are escapes, so the scanner stage that carries this stays plain ASCII (tests/e2e/package).
 */
// eslint-disable-next-line no-misleading-character-class -- the marks' range is meant: each may follow a letter
const TOKEN = new RegExp(String.raw`[${LETTERS}][${LETTERS}${MARKS}'\u2019\u02BC]*|\d+`, 'g');
/** A token is all figures or has none (TOKEN), so its first character and its length tell a day from a year. */
const isNumber = (token: string) => token.charCodeAt(0) <= 0x39 && token.charCodeAt(0) >= 0x30;
const DAY = (token: string) => isNumber(token) && token.length <= 2;
const YEAR = (token: string) => isNumber(token) && token.length === 4;

/**
 * The first date written in `text`: ISO figures, day.month.year figures, or a month word with the day right beside
 * it and the year within a few words either side (the year comes first in Kazakh "2025 жылғы 14 мамыр" and Uzbek
 * "2025-yil 14-may").
 */
export function writtenDate(text: string): string | undefined {
  // Every date read here has a four-figure year; most lines near a headline have none, and tokenising them costs
  // (the letter classes are Unicode's).
  if (!/\d{4}/.test(text)) return undefined;
  const figures = /\b(\d{4})-(\d{2})-(\d{2})(?!\d)|\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/.exec(text);
  const tokens = [...text.matchAll(TOKEN)];
  const is = (kind: (token: string) => boolean, at: number) => at >= 0 && at < tokens.length && kind(tokens[at]![0]);
  // A day with its ordinal ending written on: "14-nji maý", "14th May", "14-го мая".
  const ordinalDay = (at: number) => {
    if (!is(DAY, at) || at + 1 >= tokens.length) return false;
    const [day, ending] = [tokens[at]!, tokens[at + 1]!];
    const gap = ending.index - (day.index + day[0].length);
    return ending[0].length <= 4 && (gap === 0 || (gap === 1 && text[ending.index - 1] === '-'));
  };
  for (let i = 0; i < tokens.length; i++) {
    if (figures && figures.index < tokens[i]!.index) break;
    // Numbers name no month.
    const month = isNumber(tokens[i]![0]) ? 0 : monthOf(tokens[i]![0]);
    if (!month) continue;
    const day = is(DAY, i - 1) ? i - 1 : is(DAY, i + 1) ? i + 1 : ordinalDay(i - 2) ? i - 2 : -1;
    if (day < 0) continue;
    const after = Math.max(i, day);
    const before = Math.min(i, day);
    const year = [after + 1, after + 2, after + 3, before - 1, before - 2, before - 3].find((j) => is(YEAR, j));
    if (year !== undefined) return iso(Number(tokens[year]![0]), month, Number(tokens[day]![0]));
  }
  if (!figures) return undefined;
  const [, y, m, d, d2, m2, y2] = figures;
  return y ? iso(Number(y), Number(m), Number(d)) : iso(Number(y2), Number(m2), Number(d2));
}
