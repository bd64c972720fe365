/**
 * A screen over the words right next to a name, compiled once per matcher from the word lists the rules read (the
 * named-after heads, the common given names, …): each list gets a bit, and a page's word gets, by its first three
 * folded letters (two or one for the lists' shorter words), the bits of the lists one of whose words it may start.
 * Most words next to a name ("and", "said", "the") start no listed word, so the rules that read them are not run at
 * all; two letters were too few ("has" and "had" passed for Havayol). The screen may say yes wrongly (two lists'
 * words sharing a slot), never no: a rule it lets through decides as before.
 */
import { DROPPED_UNIT, foldAlias, foldedUnit } from './fold';

/** Every bit: the screen cannot tell (a dropped unit or an apostrophe among the first two, which the fold rereads). */
export const ANY_LIST = 0xff;

const SLOTS = 1 << 16;
const slotOf = (first: number, second: number) => ((first << 6) ^ second) & (SLOTS - 1);
/** Three units mixed into a slot: a list word's first three letters, or a page word's. */
const slotOf3 = (first: number, second: number, third: number) =>
  (Math.imul((first << 16) ^ (second << 8) ^ third ^ (second >>> 8), 0x9e3779b1) >>> 16) & (SLOTS - 1);
const APOSTROPHE = 0x27;
const unsure = (unit: number) => unit === DROPPED_UNIT || unit === APOSTROPHE || (unit >= 0xd800 && unit <= 0xdfff);

export class NeighbourScreen {
  /** Per slot of two folded units, the bits of the lists with a two-letter word (of) made of them. */
  private readonly pairs = new Uint8Array(SLOTS);
  /** Per slot of three folded units, the bits of the lists with a longer word starting with them. */
  private readonly triples = new Uint8Array(SLOTS);
  /** Per folded unit, the bits of the lists with a one-letter word (an initial): rare, made when one comes. */
  private singles: Uint8Array | null = null;
  private lists = 0;

  /**
   * Registers a list of words (as the data writes them; each matches as a prefix of a page's word, or as the whole
   * word) and returns its bit. Past eight lists, the last bit is shared: a shared bit lets more through, nothing less.
   */
  listen(words: readonly string[]): number {
    const bit = 1 << Math.min(this.lists++, 7);
    for (const word of words) {
      const folded = foldAlias(word);
      if (folded.length === 0) continue;
      const first = folded.charCodeAt(0);
      const second = folded.charCodeAt(1);
      if (folded.length === 1) {
        this.singles ??= new Uint8Array(SLOTS);
        this.singles[first] = this.singles[first]! | bit;
        continue;
      }
      const table = folded.length === 2 ? this.pairs : this.triples;
      const slot = folded.length === 2 ? slotOf(first, second) : slotOf3(first, second, folded.charCodeAt(2));
      table[slot] = table[slot]! | bit;
    }
    return bit;
  }

  /**
   * The bits of the lists one of whose words the page's word at original offset `at` may start (0: none; `at` < 0:
   * no word there). Reads three code units of the page, folded as the fold does; past the word's end they are not
   * letters, and a list word of three letters or more, which a rule compares with the whole word, finds no slot.
   */
  at(text: string, at: number): number {
    if (at < 0) return 0;
    const first = foldedUnit(text.charCodeAt(at));
    const second = at + 1 < text.length ? foldedUnit(text.charCodeAt(at + 1)) : 0;
    const third = at + 2 < text.length ? foldedUnit(text.charCodeAt(at + 2)) : 0;
    if (unsure(first) || unsure(second) || unsure(third)) return ANY_LIST;
    const single = this.singles === null ? 0 : this.singles[first]!;
    return this.pairs[slotOf(first, second)]! | this.triples[slotOf3(first, second, third)]! | single;
  }
}
