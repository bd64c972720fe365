/**
 * Whether a person's, place's or country's name means someone or something else where it stands: a namesake's surname
 * after a given name that is not the person's, a thing named after it, or (any name) a work's title it stands in. Read for every candidate whose alias may be
 * a surname or an eponym (see `Pattern.eponym`, `Pattern.surnameToo`).
 */
import type { BatchText, RuledCandidate, RuleTables } from './disambiguate';
import { namesAThing } from './things-named-after';
import { mayNameATitle, namesATitle } from './titles';
import { wordBeforeStart } from './words';

/** Whether the name at `c` is not its entity's here: a thing named after it, or a namesake's surname. */
export function namesSomeoneElse(t: RuleTables, b: BatchText, c: RuledCandidate, previous: RuledCandidate | undefined) {
  const p = c.pattern;
  return (
    (p.eponym !== null && namesAThing(t, b, c)) ||
    (p.surnameToo && afterGivenName(t, b.text, c, previous)) ||
    (p.titled && mayNameATitle(b, c) && namesATitle(t, b, c))
  );
}

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
