/**
 * A person's given name alone (data/entities `rule: given-name`): the region's press calls a few people so once it
 * has named them ("President Serdar Berdimuhamedov and his father Gurbanguly", "Қасым-Жомарт … деді"). Only their
 * uncommon given names carry the rule, and even those count only where the page names the person, or a person who
 * shares their surname (their family), in full, and where no capitalised word follows: "Gurbanguly Saparow" is
 * someone else whose surname follows. Read only at such names, a few per page.
 */
import { caseOfUnit, UPPER } from './char-kinds';
import { wordAfterStart } from './words';

/** Who the page has named in full: this batch (later texts too), and earlier batches. */
export interface NamedInFull {
  batch: ReadonlySet<number>;
  page: ReadonlySet<number>;
}

/**
 * Whether the given name that ends at `end` of `text`, written capitalised, is `entity`'s: they or one of `family` are
 * named in full on the page, and the next word on its line is not capitalised.
 */
export function givenNameIsTheirs(
  text: string,
  end: number,
  entity: number,
  family: readonly number[] | undefined,
  named: NamedInFull,
): boolean {
  const next = wordAfterStart(text, end);
  if (next >= 0 && caseOfUnit(text.charCodeAt(next)) === UPPER && !lineBreakBetween(text, end, next)) return false;
  if (named.batch.has(entity) || named.page.has(entity)) return true;
  if (family === undefined) return false;
  for (let i = 0; i < family.length; i++) if (named.batch.has(family[i]!) || named.page.has(family[i]!)) return true;
  return false;
}

function lineBreakBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 0x0a || unit === 0x0d || unit === 0x2028 || unit === 0x2029) return true;
  }
  return false;
}
