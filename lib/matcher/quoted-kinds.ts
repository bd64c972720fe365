/**
 * A name of ours in quotation marks with the word of a thing's kind beside them is that thing's name: the hotel
 * «Туран», ООО «Азербайджан», სასტუმრო „თბილისი“, "Arkadag" söwda merkezi, «Алтын Қыран» балалар шахмат мектебі,
 * «Արմեն Սարգսյան» ԱՁ. The card of the person, the place, the country or the idea would be wrong there. Words:
 * data/languages.yaml `quoted-kinds`, right before the opening mark or in one of the words after the closing one.
 * Read only for a name with an opening quotation mark shortly before it (`mayNameATitle`), and not for a company's or
 * an organisation's name, which in quotation marks beside its kind's word is itself (компания «Газпром»).
 */
import type { BatchText, RuledCandidate, RuleTables } from './disambiguate';
import { isWordUnit } from './char-kinds';
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
