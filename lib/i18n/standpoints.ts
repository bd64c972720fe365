/**
 * The fact base's standpoint words (data/sources.yaml: "Western analyst", "Armenian outlet"; an entity's missing
 * standpoints: "Armenian", "Kurdish") in the interface language. They are a small closed set, each with a catalog key
 * made of its English words run together (`cardStanceWesternAnalyst`, `cardStanceMissingArmenian`): `card` keys, so
 * the card's stage gets them with the rest of its words. Words without a key (a reader's own label, a standpoint added
 * to the fact base since) stay as written. Pure: no browser, no DOM.
 */
import { t, type MessageKey } from './translator';

/** A source's standpoint, said on its own ("Western analyst"), or a missing one, said of a standpoint ("Armenian"). */
type StandpointUse = 'cardStance' | 'cardStanceMissing';

/** `Western analyst, former U.S. official` → `cardStanceWesternAnalystFormerUSOfficial`; `Gülenist` → `…Gulenist`. */
export const standpointKey = (words: string, use: StandpointUse = 'cardStance'): string =>
  use +
  words
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\b\w/g, (c) => c.toUpperCase())
    .replace(/[^A-Za-z]/g, '');

export function standpointWords(words: string, use?: StandpointUse): string {
  const key = standpointKey(words, use) as MessageKey;
  const said = t(key);
  return said === key ? words : said;
}
