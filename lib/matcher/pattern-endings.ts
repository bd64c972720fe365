/**
 * What a hit needs to know about its pattern's endings, in flat arrays by pattern, filled in on the pattern's first
 * hit. Most hits are followed by a space or a stop: one read of the bits of the endings' first units says so, without
 * following the pattern to its endings and their trie, a chain of reads that cost more than the rest of a hit.
 */
import type { EndingTrie } from './ending-trie';
import type { Pattern } from './patterns';

export class PatternEndings {
  /** 1 once a pattern's entries are filled in. */
  private readonly ready: Uint8Array;
  /** 1 when the pattern may stand with no ending (every pattern without endings may). */
  private readonly bare: Uint8Array;
  /** Four words per pattern: its endings' first units, by unit mod 128, as bits (see EndingTrie). */
  private readonly firstUnits: Uint32Array;
  private readonly tries: (EndingTrie | null)[];

  constructor(private readonly patterns: readonly Pattern[]) {
    this.ready = new Uint8Array(patterns.length);
    this.bare = new Uint8Array(patterns.length);
    this.firstUnits = new Uint32Array(4 * patterns.length);
    this.tries = new Array<EndingTrie | null>(patterns.length).fill(null);
  }

  private fill(id: number): void {
    const trie = this.patterns[id]!.endings?.trie ?? null;
    this.tries[id] = trie;
    this.bare[id] = !trie || trie.bare ? 1 : 0;
    if (trie) this.firstUnits.set(trie.firstUnits, 4 * id);
    this.ready[id] = 1;
  }

  /** The trie of the pattern's endings when `next`, the unit after the hit, may start one of them; else null. */
  trieBefore(id: number, next: number): EndingTrie | null {
    if (this.ready[id] === 0) this.fill(id);
    if (((this.firstUnits[4 * id + ((next >>> 5) & 3)]! >>> (next & 31)) & 1) === 0) return null;
    return this.tries[id]!;
  }

  /** Whether the pattern may stand with no ending after it. */
  mayStandBare(id: number): boolean {
    if (this.ready[id] === 0) this.fill(id);
    return this.bare[id] === 1;
  }
}
