/**
 * Whether a person's, place's or country's name means someone or something else where it stands: a namesake's surname
 * after a given name that is not the person's, someone's given name before a surname (Nursultan), a thing named after
 * it, or (any name) a work's title it stands in, and a quoted name with its kind's word (quoted-kinds.ts). Read for every candidate whose alias may be a surname, a given name,
 * an eponym or a title's word (see `Pattern.eponym`, `surnameToo`, `givenNameToo`, `titled`).
 */
import type { BatchText, RuledCandidate, RuleTables } from './disambiguate';
import { asWritten, namesAThing } from './things-named-after';
import { insideRoute } from './route-names';
import { namesATitle } from './titles';
import { namesAQuotedThing } from './quoted-kinds';
import { Seen } from './evidence-seen';
import { inCitedTitle, publisherInImprint } from './citations';
import { caseOfUnit, UPPER } from './char-kinds';
import { foldedSlice, wordAfterStart, wordBeforeStart } from './words';

/**
 * Whether the name at `c` is not its entity's here: a thing named after it, or a namesake's surname. `seen`: what
 * `mayNameSomeoneElse` (disambiguate.ts) saw beside it; only the checks it leaves possible are run.
 */
export function namesSomeoneElse(
  t: RuleTables,
  b: BatchText,
  c: RuledCandidate,
  previous: RuledCandidate | undefined,
  seen: number,
) {
  const p = c.pattern;
  if ((seen & Seen.Cited) !== 0 && (inCitedTitle(b, c.start, c.end) || publisherInImprint(b.text, c.start, c.end)))
    return true;
  return (
    (p.eponym !== null && (seen & THING) !== 0 && namesAThing(t, b, c, seen)) ||
    (p.routeEnd &&
      (seen & Seen.Dash) !== 0 &&
      insideRoute(b.text, c.start, c.end, t.namedAfter.routeAfter, t.namedAfter.routeBefore)) ||
    (p.surnameToo && (seen & Seen.WordBefore) !== 0 && afterGivenName(t, b.text, c, previous)) ||
    (p.givenNameToo && beforeSurname(t, b, c)) ||
    (p.titled && (seen & (Seen.Quote | Seen.Parenthesis)) !== 0 && namesATitle(t, b, c, seen)) ||
    (p.kindQuoted && (seen & Seen.Quote) !== 0 && namesAQuotedThing(t, b, c))
  );
}

/** The evidence a thing named after a name may show (things-named-after.ts). */
const THING = Seen.WordAfter | Seen.WordBefore | Seen.Dash | Seen.ScoreRow | Seen.Quote;

/**
 * Whether a common given name stands right before the name, which is then a namesake's surname ("Leyla Turan", a
 * byline; "Selçuk Bayraktar"). Not the person's own given name, and not a name of ours that ends right there (the
 * list's Erdoğan is a given name too: "Cumhurbaşkanı Erdoğan Baykar'ı ziyaret etti").
 */
function afterGivenName(t: RuleTables, text: string, c: RuledCandidate, previous: RuledCandidate | undefined) {
  const at = wordBeforeStart(text, c.start);
  const given = t.givenNameWords.wholeWordAt(text, at);
  if (given === null || t.givenNames.get(c.pattern.entity)?.includes(given)) return false;
  return !(previous !== undefined && previous.text === c.text && previous.start <= at && previous.end > at);
}

/**
 * Whether a name of ours that is also a common given name (Nursultan, the capital's name in 2019–2022) is someone's
 * given name here: as written, right before a capitalised word (a surname: "Балуан Нұрсұлтан Тұрсынов", a wrestler)
 * that heads no thing named after a place ("Nursultan Airport" is the place's, and dropped as such), or before a word
 * that says someone is called so ("Нұрсұлтан есімді бала", a boy called Nursultan).
 */
function beforeSurname(t: RuleTables, b: BatchText, c: RuledCandidate): boolean {
  const { text } = b;
  const at = wordAfterStart(text, c.end);
  // Written solid, as a given name is: "Нұр-Сұлтан Тоқаев" is the city's name before the president's.
  const form = at < 0 ? '' : foldedSlice(b, c.foldedStart, c.foldedEnd);
  if (at < 0 || form.indexOf(' ') >= 0 || !asWritten(c, form)) return false;
  if (t.namedAfter.called.startsWordAt(text, at)) return true;
  return caseOfUnit(text.charCodeAt(at)) === UPPER && !t.namedAfter.placeAfter.startsWordAt(text, at);
}
