/**
 * A quoted title in a listing, told by the listing's shape rather than by a word of its kind, in any language: a TV
 * or radio guide's programme after its time of day ("20:00 · «Merkezi Aziýa sazlary»", "09:30 "Səyahət": …"), a
 * book list's entry after its author's name ("Дмитрий Васильев. «Туркестан: роман-хроника»"). The names inside are the
 * title's; the blurb after it still names real places and people. Neither a run of quotations nor a quotation that
 * opens with a kind's word is read so: "Similar threads: "…" · "Shipping a bike from Baku…"" lists headlines, whose
 * names are real mentions, as often as a song list lists titles.
 * A quoted sentence is no title: it holds a sentence's marks (. ? ! …) or goes on with a comma or a lowercase word
 * ("10:20 «Газпром» и «КазМунайГаз» подписали…", "«Баку готов», — заявил…").
 */
import { caseOfUnit, isAsciiDigit, isSpaceOrNbsp, LOWER, UPPER } from './char-kinds';

const COLON = 0x3a;
const COMMA = 0x2c;
const PERIOD = 0x2e;
/** Separators a listing writes between an entry's parts (its time, its channel, its title): · | / ; • and dashes. */
const isSeparator = (u: number) =>
  u === 0xb7 || u === 0x7c || u === 0x2f || u === 0x3b || u === 0x2022 || u === 0x2d || u === 0x2013 || u === 0x2014;
/** A sentence's marks inside a quotation, which a title does not hold (a colon or a comma may: a subtitle, a call). */
const isSentenceMark = (u: number) => u === 0x3f || u === 0x21 || u === 0x2026 || u === 0x589 || u === 0x55e;

/**
 * Whether the quotation from `open` to its closing mark `close` is a listed title (see the module's comment).
 */
export function listedTitle(text: string, open: number, close: number): boolean {
  if (!titleShaped(text, open, close)) return false;
  if (!endsAsTitle(text, close)) return false;
  return timeBefore(text, open) || authorBefore(text, open);
}

/** No sentence's marks inside: a period only where a number or an initial has it ("№ 3", "Т. Алиев" excepted). */
function titleShaped(text: string, open: number, close: number): boolean {
  for (let i = open + 1; i < close; i++) {
    const u = text.charCodeAt(i);
    if (isSentenceMark(u)) return false;
    if (u === PERIOD && isSpaceOrNbsp(text.charCodeAt(i + 1)) && caseOfUnit(text.charCodeAt(i - 1)) === LOWER)
      return false;
  }
  return true;
}

/** After the closing mark, no comma and no lowercase word: the quotation does not go on as a sentence's part. */
function endsAsTitle(text: string, close: number): boolean {
  let k = close + 1;
  while (k < text.length && isSpaceOrNbsp(text.charCodeAt(k))) k++;
  if (k >= text.length) return true;
  const u = text.charCodeAt(k);
  return u !== COMMA && caseOfUnit(u) !== LOWER;
}

/** Skips spaces and at most one separator back from `i` (exclusive); the index after the last unit kept. */
function backOverSeparator(text: string, i: number): number {
  while (i > 0 && isSpaceOrNbsp(text.charCodeAt(i - 1))) i--;
  if (i > 0 && isSeparator(text.charCodeAt(i - 1))) {
    i--;
    while (i > 0 && isSpaceOrNbsp(text.charCodeAt(i - 1))) i--;
  }
  return i;
}

/**
 * A time of day right before the quotation, past a separator ("20:00 · «…»", "07:00 "…"", "21.30 — «…»"): hours to
 * 24 and minutes to 59, with nothing but a line's start, a space or a separator before them.
 */
function timeBefore(text: string, open: number): boolean {
  const end = backOverSeparator(text, open);
  if (end < 4 || !isAsciiDigit(text.charCodeAt(end - 1)) || !isAsciiDigit(text.charCodeAt(end - 2))) return false;
  const mark = text.charCodeAt(end - 3);
  if ((mark !== COLON && mark !== PERIOD) || text.charCodeAt(end - 2) > 0x35) return false;
  let h = end - 4;
  if (!isAsciiDigit(text.charCodeAt(h))) return false;
  let hours = text.charCodeAt(h) - 0x30;
  if (h > 0 && isAsciiDigit(text.charCodeAt(h - 1))) hours += 10 * (text.charCodeAt(--h) - 0x30);
  if (hours > 24) return false;
  return h === 0 || isSpaceOrNbsp(text.charCodeAt(h - 1)) || isSeparator(text.charCodeAt(h - 1));
}

/**
 * A book list's entry: its author's given name and surname open the text, then a period, then the title ("Айдар
 * Хабиров. «Дети Османской империи»"). A sentence that ends with a name before a quoted one does not open with it.
 */
function authorBefore(text: string, open: number): boolean {
  let i = open;
  while (i > 0 && isSpaceOrNbsp(text.charCodeAt(i - 1))) i--;
  if (text.charCodeAt(i - 1) !== PERIOD) return false;
  i--;
  for (let word = 0; word < 2; word++) {
    const end = i;
    while (i > 0 && isNameUnit(text.charCodeAt(i - 1))) i--;
    if (i === end || caseOfUnit(text.charCodeAt(i)) !== UPPER) return false;
    if (word === 0) {
      if (i === 0 || !isSpaceOrNbsp(text.charCodeAt(i - 1))) return false;
      i--;
    }
  }
  return i === 0;
}

/** A letter of a name's word, or a hyphen inside it (Касым-Жомарт). */
const isNameUnit = (u: number) => caseOfUnit(u) !== 0 || u === 0x2d;
