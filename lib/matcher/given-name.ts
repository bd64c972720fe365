/**
 * Whether a person's, place's or country's name means someone or something else where it stands: a namesake's surname
 * after a given name that is not the person's, or a thing named after it. Read for every candidate whose alias may be
 * a surname or an eponym (see `Pattern.eponym`, `Pattern.surnameToo`).
 */
import type { BatchText, RuledCandidate, RuleTables } from './disambiguate';
import { insideQuotedName, openingQuoteBefore, openingQuotesIn } from './quoted-name';
import { foldedSlice, wordAfterStart, wordBeforeStart } from './words';

/** Whether the name at `c` is not its entity's here: a thing named after it, or a namesake's surname. */
export function namesSomeoneElse(t: RuleTables, b: BatchText, c: RuledCandidate, previous: RuledCandidate | undefined) {
  const p = c.pattern;
  return (p.eponym !== null && namesAThing(t, b, c)) || (p.surnameToo && afterGivenName(t, b.text, c, previous));
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

/**
 * Whether the name at `c` is part of the name of a thing named after a person or a city, where the card of the
 * person or the city would be wrong:
 * - a person's: an airport, a university, a foundation, a street ("Heydar Aliyev International Airport", "Nazarbayev
 *   University", "Islom Karimov nomidagi", "аэропорт имени Гейдара Алиева");
 * - a city's: the region or the state university named after it ("Samarqand viloyati", "Түркістан облысы", "Baku
 *   State University"), or a short proper name in quotation marks (the «Москва» cinema, «Dinamo Tbilisi»);
 * - a country's: the airline, railway or race named after it ("Azerbaijan Airlines", "Qazaqstan Temır Joly"), or a
 *   ship's or hotel's name in quotation marks (the «Азербайджан» ferry). Not the state words a city's list has:
 *   after a country's name they are its own ("Turkiyaga davlat tashrifi", a state visit to Türkiye).
 */
function namesAThing(t: RuleTables, b: BatchText, c: RuledCandidate): boolean {
  const { text } = b;
  const { after, before, placeAfter, countryAfter } = t.namedAfter;
  if (c.pattern.eponym === 'person')
    return (
      after.startsWordAt(text, wordAfterStart(text, c.end)) || before.startsWordAt(text, wordBeforeStart(text, c.start))
    );
  const list = c.pattern.eponym === 'country' ? countryAfter : placeAfter;
  return (
    (list.startsWordAt(text, wordAfterStart(text, c.end)) && standsAsModifier(t, b, c)) ||
    // An acronym in quotation marks ("BTC") is still that acronym.
    (!c.pattern.acronym &&
      openingQuoteBefore((b.openingQuotes ??= openingQuotesIn(text)), c.start) &&
      insideQuotedName(text, c.start, c.end))
  );
}

/**
 * Whether a place's or country's name stands as the modifier of the name after it: as written ("Toshkent xalqaro
 * aeroporti", "Bakı Beynəlxalq Dəniz Ticarət Limanı") or in a modifier ending, the genitive of the languages that put
 * one there ("Երևանի պետական համալսարան", "საქართველოს ბანკი"). Another ending puts it in a sentence of its own:
 * "Samarqandda xalqaro forum" is in the city. Read only once a word of the lists follows.
 */
function standsAsModifier(t: RuleTables, b: BatchText, c: RuledCandidate): boolean {
  const { key } = c.pattern;
  const form = foldedSlice(b, c.foldedStart, c.foldedEnd);
  if (form === key) return true;
  // A modifier ending may replace the name's last letter (Georgian თბილისი → თბილისის).
  for (const ending of t.namedAfter.modifierEndings)
    if (form.endsWith(ending) && form.length - ending.length >= key.length - 1) return true;
  return false;
}
