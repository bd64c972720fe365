/**
 * Scans a document (or any subtree) for mentions in time slices, so no task on the page's main thread runs long.
 * Content near the top of the viewport is scanned first; the rest follows in idle slices.
 *
 * The page only walks its text and paints what is found: the matching itself happens in the background, whose one
 * automaton (built once per browser session) serves every page and frame. While a batch of text is away, the page
 * walks on, so the round trips overlap the walk.
 */
import {
  joinTexts,
  NEAR_RUN_CHARS,
  unpackMatches,
  type PackedMatches,
  type TextBatch,
  type WireMatch,
} from '~/lib/matcher/wire';
import { FIND_LIMITS } from '~/lib/messaging/messages';
import type { MentionStore, Mention } from './mention-store';
import { pointInBlock, textBlocks, type TextBlock } from './text-blocks';
import { blockContainer } from './skip-rules';

/** A slice stays well under the 50 ms long-task threshold, leaving the page room to respond in between. */
export const SLICE_MS = 8;
/**
 * Text sent for matching in one message, about. Chromium converts a message on the sender's main thread, inside the
 * slice (a 64K batch took 5-8 ms there); 16K keeps that to a small part of a slice. A block may overshoot it by one.
 */
export const BATCH_CHARS = 16_384;
const BATCH_TEXTS = FIND_LIMITS.texts / 2;

interface ScanStats {
  /** Main-thread milliseconds spent scanning (walking text and painting marks), summed over slices. */
  scanMs: number;
  longestSliceMs: number;
  /** Wall-clock milliseconds from the start of each scan to its last mark painted, summed over scans. */
  wallMs: number;
}

interface Yielder {
  (): Promise<void>;
}

/** Finds the mentions in a batch of texts: flat [text, start, end, entity] quadruples (lib/matcher/wire.ts). */
export type MentionFinder = (batch: TextBatch) => Promise<PackedMatches>;

/** Yields to the page's own work between slices: scheduler.yield where the browser has it. */
export function defaultYield(win: Window): Yielder {
  const scheduler = (win as Window & { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return () => scheduler.yield!();
  return () => new Promise((resolve) => win.setTimeout(resolve, 0));
}

/** A block waiting to be matched, with its place in reading order (see Mention.order). */
type Pending = [block: TextBlock, order: number, step: number];

export class PageScanner {
  readonly stats: ScanStats = { scanMs: 0, longestSliceMs: 0, wallMs: 0 };

  constructor(
    private readonly find: MentionFinder,
    private readonly store: MentionStore,
    private readonly yieldToPage: Yielder,
    private readonly signal: AbortSignal,
  ) {}

  /** Scans `root` from scratch, dropping what was found under it before. Resolves when every mark is painted. */
  scan(root: Node, firstVisible?: Node | null): Promise<void> {
    return this.scanAll([root], firstVisible);
  }

  /**
   * Scans several subtrees (none inside another) as one job, so the blocks a burst of mutations touched travel in
   * shared batches rather than one message per subtree.
   */
  async scanAll(roots: readonly Node[], firstVisible?: Node | null): Promise<void> {
    const started = performance.now();
    const blocks = this.numberedBlocks(roots);
    const deferred: Pending[] = [];
    const inFlight: Promise<void>[] = [];
    const send = (batch: Pending[]) => {
      const done = this.match(batch);
      done.catch(() => {}); // awaited below; this only keeps a failure from counting as unhandled meanwhile
      inFlight.push(done);
    };
    let seenVisible = !firstVisible;
    let ahead = blocks.next();
    // Pass 1: walk the tree; blocks before the first visible text wait, blocks from it onward go out at once.
    while (!ahead.done && !this.signal.aborted) {
      const sliceStart = performance.now();
      const batch: Pending[] = [];
      let chars = 0;
      for (; !ahead.done; ahead = blocks.next()) {
        const pending = ahead.value;
        const full = performance.now() - sliceStart >= SLICE_MS || chars >= BATCH_CHARS || batch.length >= BATCH_TEXTS;
        if (full && !continuesRun(batch, pending, chars)) break;
        if (!seenVisible && pending[0].nodes.some((n) => n === firstVisible || firstVisible!.contains(n))) {
          seenVisible = true;
          // The short texts just above the viewport read with the first visible one (see continuesRun).
          if (isShort(pending)) batch.push(...takeTrailingRun(deferred));
          for (const [block] of batch) chars += block.text.length;
        }
        if (seenVisible) {
          batch.push(pending);
          chars += pending[0].text.length;
        } else deferred.push(pending);
      }
      if (batch.length) send(batch); // serialising the message is the page's work too: inside the slice
      this.account(performance.now() - sliceStart);
      if (!ahead.done) await this.yieldToPage();
    }
    // Pass 2: what came before the viewport.
    for (let i = 0; i < deferred.length && !this.signal.aborted;) {
      const sliceStart = performance.now();
      const batch: Pending[] = [];
      let chars = 0;
      while (
        i < deferred.length &&
        ((chars < BATCH_CHARS && batch.length < BATCH_TEXTS) || continuesRun(batch, deferred[i]!, chars))
      ) {
        batch.push(deferred[i]!);
        chars += deferred[i++]![0].text.length;
      }
      send(batch);
      this.account(performance.now() - sliceStart);
      if (i < deferred.length) await this.yieldToPage();
    }
    await Promise.all(inFlight);
    this.stats.wallMs += performance.now() - started;
  }

  /**
   * The blocks under each root in walk (reading) order, numbered between the mentions before and after the root (see
   * Mention.order). Every root's old mentions are dropped first; roots with no mention between them share out the
   * same gap in document order, as their mentions are painted only later.
   */
  private *numberedBlocks(roots: readonly Node[]): Generator<Pending> {
    const ordered = [...roots].sort(inDocumentOrder);
    for (const root of ordered) this.store.dropWithin(root);
    const gaps = ordered.map((root) => this.store.orderBounds(root));
    for (let i = 0; i < gaps.length;) {
      const [before, after] = gaps[i]!;
      let n = 1;
      while (i + n < gaps.length && gaps[i + n]![0] === before && gaps[i + n]![1] === after) n++;
      for (let k = 0; k < n; k++)
        gaps[i + k] = [before + ((after - before) * k) / n, before + ((after - before) * (k + 1)) / n];
      i += n;
    }
    for (let r = 0; r < ordered.length; r++) {
      const root = ordered[r]!;
      const [before, after] = gaps[r]!;
      const step = (after - before) / (2 * countElements(root) + 4);
      let walked = 0;
      for (const block of textBlocks(root)) yield [block, before + step * ++walked, step];
    }
  }

  /**
   * Paints the matches the gate's start brought for the blocks it walked (page/top-gate.ts), which are every block
   * under `root` in walk order: the first scan of a page whose text went to the matcher with start-lens, so the page
   * is neither walked nor sent again.
   */
  async paintWalked(root: Node, blocks: readonly TextBlock[], found: PackedMatches): Promise<void> {
    const started = performance.now();
    this.store.dropWithin(root);
    const [before, after] = this.store.orderBounds(root);
    const step = (after - before) / (2 * countElements(root) + 4);
    await this.paint(
      blocks.map((block, i): Pending => [block, before + step * (i + 1), step]),
      found,
    );
    this.stats.wallMs += performance.now() - started;
  }

  /** Counts main-thread work done for this scanner elsewhere (the gate's walk of the text it hands over). */
  addScanMs(ms: number): void {
    this.account(ms);
  }

  /** Sends a batch to the matcher and paints what it finds. */
  private async match(batch: Pending[]): Promise<void> {
    await this.paint(batch, await this.find(joinTexts(batch.map(([block]) => block.text))));
  }

  /** Paints a batch's matches, in slices too: a batch can hold hundreds of names. */
  private async paint(batch: readonly Pending[], packed: PackedMatches): Promise<void> {
    const found = unpackMatches(packed, batch.length);
    for (let i = 0; i < batch.length && !this.signal.aborted;) {
      const sliceStart = performance.now();
      for (; i < batch.length && performance.now() - sliceStart < SLICE_MS; i++) {
        const [block, order, step] = batch[i]!;
        // A block whose text left the page meanwhile is the mutation watcher's to rescan, not ours to paint.
        if (block.nodes[0]!.isConnected) this.paintBlock(block, found[i]!, order, step);
      }
      this.account(performance.now() - sliceStart);
      if (i < batch.length) await this.yieldToPage();
    }
  }

  private paintBlock(block: TextBlock, found: WireMatch[], order: number, step: number): void {
    if (!found.length) return;
    const container = blockContainer(block.nodes[0]!);
    const mentions: Mention[] = [];
    for (const m of found) {
      // A window of an oversized block keeps only the matches that start in its own part (see splitBlock).
      if (block.own && (m.start < block.own[0] || m.start >= block.own[1])) continue;
      if (m.end > block.text.length) continue;
      const start = pointInBlock(block, m.start);
      const end = pointInBlock(block, m.end - 1);
      const range = new StaticRange({
        startContainer: start.node,
        startOffset: start.offset,
        endContainer: end.node,
        endOffset: end.offset + 1,
      });
      const mention: Mention = {
        entity: m.entity,
        text: block.text.slice(m.start, m.end).replace(/\s+/g, ' '),
        range,
        container,
        order: order + (step * m.start) / (block.text.length + 1),
      };
      // Set only when present, not spread in: this runs for every mark on the page, before the engine optimises it.
      if (m.why) mention.why = m.why;
      if (m.or) mention.or = m.or;
      mentions.push(mention);
    }
    if (mentions.length) this.store.add(container, mentions);
  }

  private account(ms: number): void {
    this.stats.scanMs += ms;
    if (ms > this.stats.longestSliceMs) this.stats.longestSliceMs = ms;
  }
}

/**
 * Whether `next` must join `batch` although the batch is full: the matcher reads a run of short texts (an "other news"
 * list, a weather box) as one context for words that count only near another name (lib/matcher/wire.ts
 * NEAR_RUN_CHARS), so a run split between two messages would mark a name or not depending on where a time slice
 * happened to end. The message's own limits still hold.
 */
function continuesRun(batch: readonly Pending[], next: Pending, chars: number): boolean {
  const last = batch[batch.length - 1];
  return (
    last !== undefined &&
    isShort(last) &&
    isShort(next) &&
    batch.length < FIND_LIMITS.texts &&
    chars + next[0].text.length <= FIND_LIMITS.chars
  );
}

const isShort = ([block]: Pending) => block.text.length < NEAR_RUN_CHARS;

/** Removes and returns the run of short blocks at the end of `deferred` (at most half a message's texts). */
function takeTrailingRun(deferred: Pending[]): Pending[] {
  let from = deferred.length;
  while (from > 0 && deferred.length - from < BATCH_TEXTS && isShort(deferred[from - 1]!)) from--;
  return deferred.splice(from);
}

function inDocumentOrder(a: Node, b: Node): number {
  if (a === b) return 0;
  return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

/** An upper bound on the elements under `root`, which bounds the blocks a walk of it yields (two per element). */
function countElements(root: Node): number {
  const el = root as Element;
  return typeof el.getElementsByTagName === 'function' ? el.getElementsByTagName('*').length : 1_000_000;
}
