/**
 * A name of ours in quotation marks with the word of a thing's kind beside them is that thing's name: the hotel
 * «Туран», ООО «Азербайджан», სასტუმრო „თბილისი“, "Arkadag" söwda merkezi, «Алтын Қыран» балалар шахмат мектебі,
 * «Արմեն Սարգսյան» ԱՁ. The card of the person, the place, the country or the idea would be wrong there. Words:
 * data/languages.yaml `quoted-kinds`, right before the opening mark or in one of the words after the closing one.
 * Read only for a name with an opening quotation mark shortly before it (`mayNameATitle`), and not for a company's or
 * an organisation's name, which in quotation marks beside its kind's word is itself (компания «Газпром»).
 */
import type { BatchText, RuledCandidate, RuleTables } from './disambiguate';
import { isSpaceOrNbsp, isWordUnit } from './char-kinds';
import type { NamedAfterList } from './named-after';
import { quotationStart } from './quoted-name';
import { kindAfterClose, kindBefore } from './titles';

/** How far after a name the closing mark of the thing's quoted name may stand. */
const NAME_END_CHARS = 40;
/** How many words after the closing mark may hold the kind: "балалар шахмат мектебі", a children's chess school. */
const WORDS_AFTER = 3;

/** Whether the name at `c` stands in the quoted name of a thing a kind's word names (see the module's comment). */
export function namesAQuotedThing(t: RuleTables, b: BatchText, c: RuledCandidate): boolean {
  if (!c.pattern.kindQuoted) return false;
  const { text } = b;
  const open = quotationStart(text, c.start);
  if (open < 0 || !nameOnly(text, open + 1, c.start)) return false;
  const close = closingMarkAfter(text, c.end);
  if (close < 0) return false;
  const { before, after } = t.quotedKinds;
  return kindBefore(before, text, open) || kindAfterClose(after, text, close, WORDS_AFTER);
}

/**
 * Where the quotation that holds a name ending at `end` closes, when only words of a name stand between (letters,
 * digits, spaces, hyphens and apostrophes: «Астана-1», «Ўзбекистон темир йўллари»); -1 otherwise. A comma, a period or
 * another sentence mark inside shows a quoted sentence, whose speaker's words after it name no kind of thing.
 */
function closingMarkAfter(text: string, end: number): number {
  const limit = Math.min(text.length, end + NAME_END_CHARS);
  for (let i = end; i < limit; i++) {
    const u = text.charCodeAt(i);
    if (isClosingMark(u)) return i;
    if (!inName(u)) return -1;
  }
  return -1;
}

/** Whether only words of a name stand in text[from, to) (see `closingMarkAfter`). */
function nameOnly(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!inName(text.charCodeAt(i))) return false;
  return true;
}

const inName = (u: number) =>
  isWordUnit(u) ||
  u === 0x20 ||
  u === 0xa0 ||
  u === 0x2d ||
  u === 0x27 ||
  u === 0x2019 ||
  u === 0x2018 ||
  u === 0x02bb ||
  u === 0x02bc;
const isClosingMark = (u: number) => u === 0xbb || u === 0x201d || u === 0x201c || u === 0x22;

/**
 * Whether the acronym at `c` is a company's name: a legal form's word (data/languages.yaml `quoted-kinds`
 * `legal-forms`: ООО, MChJ, LLC, A.Ş.) right before or after it ("ТОО ШОС", "SCO LLC"), or before or in one of the
 * words after the quotation that holds it as a name (ООО «ШОС», «ЕАЭС» ЖШС, "OTS Lojistik" Ltd. Şti.). A legal form
 * names a company and nothing else: an organisation, a country or a corridor of ours is never an LLC. Read only for an
 * acronym that is not a company's or a pipeline's own (`companyToo`: АО «КТК» is the consortium), whose words beside
 * it start no legal form for most.
 */
export function namesACompany(t: RuleTables, b: BatchText, c: RuledCandidate): boolean {
  if (!c.pattern.companyToo) return false;
  const forms = t.quotedKinds.legalForms;
  const { text } = b;
  if (legalFormAt(forms, text, tokenBefore(text, c.start)) || legalFormAt(forms, text, tokenAfter(text, c.end)))
    return true;
  const open = quotationStart(text, c.start);
  if (open < 0 || !nameOnly(text, open + 1, c.start)) return false;
  const close = closingMarkAfter(text, c.end);
  if (close < 0) return false;
  if (legalFormAt(forms, text, tokenBefore(text, open))) return true;
  let at = close + 1;
  for (let word = 0; word < WORDS_AFTER; word++) {
    at = tokenAfter(text, at);
    if (at < 0) return false;
    if (legalFormAt(forms, text, at)) return true;
    while (at < text.length && (isWordUnit(text.charCodeAt(at)) || text.charCodeAt(at) === FULL_STOP)) at++;
  }
  return false;
}

const FULL_STOP = 0x2e;

/** Where the word after `end` starts, past spaces only (one at least, or none after a closing mark); -1: none. */
function tokenAfter(text: string, end: number): number {
  let i = end;
  while (i < text.length && isSpaceOrNbsp(text.charCodeAt(i))) i++;
  return i < text.length && isWordUnit(text.charCodeAt(i)) && (i > end || !isWordUnit(text.charCodeAt(end - 1)))
    ? i
    : -1;
}

/** Where the word before `start` starts, past spaces only, periods inside it ("A.Ş. «…»") read as its own; -1: none. */
function tokenBefore(text: string, start: number): number {
  let i = start;
  while (i > 0 && isSpaceOrNbsp(text.charCodeAt(i - 1))) i--;
  if (i === start) return -1;
  const end = i;
  while (i > 0 && (isWordUnit(text.charCodeAt(i - 1)) || text.charCodeAt(i - 1) === FULL_STOP)) i--;
  while (i < end && text.charCodeAt(i) === FULL_STOP) i++;
  return i < end ? i : -1;
}

/**
 * Whether the word at `at` is a legal form, whole, as written or with periods between its letters ("A.Ş.", "L.L.C."):
 * the list's words are capitalised, so only a capitalised word is read.
 */
function legalFormAt(forms: NamedAfterList, text: string, at: number): boolean {
  if (at < 0) return false;
  let end = at;
  while (end < text.length && isWordUnit(text.charCodeAt(end))) end++;
  if (text.charCodeAt(end) !== FULL_STOP || !isWordUnit(text.charCodeAt(end + 1)))
    return forms.wholeWordAt(text, at) !== null;
  let letters = '';
  let i = at;
  for (; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (isWordUnit(u)) letters += text.charAt(i);
    else if (u !== FULL_STOP || !isWordUnit(text.charCodeAt(i + 1))) break;
  }
  return forms.wholeWordAt(letters, 0) !== null;
}
