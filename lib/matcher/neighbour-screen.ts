/**
 * A screen over the words right next to a name, compiled once per matcher from the word lists the rules read (the
 * named-after heads, the common given names, …): each list gets a bit, and a page's word gets, by its first two
 * folded letters, the bits of the lists one of whose words it may start. Most words next to a name ("and", "said",
 * "the") start no listed word, so the rules that read them are not run at all. The screen may say yes wrongly (two
 * lists' words sharing a slot), never no: a rule it lets through decides as before.
 */
import { DROPPED_UNIT, foldAlias, foldedUnit } from './fold';

/** Every bit: the screen cannot tell (a dropped unit or an apostrophe among the first two, which the fold rereads). */
export const ANY_LIST = 0xff;

const SLOTS = 1 << 16;
const slotOf = (first: number, second: number) => ((first << 6) ^ second) & (SLOTS - 1);
const APOSTROPHE = 0x27;
const unsure = (unit: number) => unit === DROPPED_UNIT || unit === APOSTROPHE || (unit >= 0xd800 && unit <= 0xdfff);

export class NeighbourScreen {
  /** Per slot of two folded units, the bits of the lists with a word starting with them. */
  private readonly pairs = new Uint8Array(SLOTS);
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
      const table = folded.length === 1 ? (this.singles ??= new Uint8Array(SLOTS)) : this.pairs;
      const slot = folded.length === 1 ? first : slotOf(first, folded.charCodeAt(1));
      table[slot] = table[slot]! | bit;
    }
    return bit;
  }

  /**
   * The bits of the lists one of whose words the page's word at original offset `at` may start (0: none; `at` < 0:
   * no word there). Reads two code units of the page, folded as the fold does.
   */
  at(text: string, at: number): number {
    if (at < 0) return 0;
    const first = foldedUnit(text.charCodeAt(at));
    const second = at + 1 < text.length ? foldedUnit(text.charCodeAt(at + 1)) : 0;
    if (unsure(first) || unsure(second)) return ANY_LIST;
    const single = this.singles === null ? 0 : this.singles[first]!;
    return this.pairs[slotOf(first, second)]! | single;
  }
}
