/**
 * Scans a document (or any subtree) for mentions in time slices, so no task on the page's main thread runs long.
 * Content near the top of the viewport is scanned first; the rest follows in idle slices.
 */
import type { Matcher } from '~/lib/matcher';
import type { MentionStore, Mention } from './mention-store';
import { pointInBlock, textBlocks, type TextBlock } from './text-blocks';
import { isBlock } from './skip-rules';

/** A slice stays well under the 50 ms long-task threshold, leaving the page room to respond in between. */
export const SLICE_MS = 8;

export interface ScanStats {
  /** Main-thread milliseconds spent scanning, summed over slices. */
  scanMs: number;
  longestSliceMs: number;
}

export interface Yielder {
  (): Promise<void>;
}

/** Yields to the page's own work between slices: scheduler.yield where the browser has it. */
export function defaultYield(win: Window): Yielder {
  const scheduler = (win as Window & { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return () => scheduler.yield!();
  return () => new Promise((resolve) => win.setTimeout(resolve, 0));
}

export class PageScanner {
  readonly stats: ScanStats = { scanMs: 0, longestSliceMs: 0 };

  constructor(
    private readonly matcher: Matcher,
    private readonly store: MentionStore,
    private readonly yieldToPage: Yielder,
    private readonly signal: AbortSignal,
  ) {}

  /** Scans `root` from scratch, dropping what was found under it before. */
  async scan(root: Node, firstVisible?: Node | null): Promise<void> {
    const blocks = textBlocks(root);
    const deferred: [TextBlock, number, number][] = [];
    let seenVisible = !firstVisible;
    let done = false;
    this.store.dropWithin(root);
    // Number blocks in walk (reading) order, between the mentions before and after `root`: see Mention.order.
    const [before, after] = this.store.orderBounds(root);
    const step = (after - before) / (2 * countElements(root) + 4);
    let walked = 0;
    // Pass 1: walk the tree; blocks before the first visible text wait, blocks from it onward are matched at once.
    while (!done && !this.signal.aborted) {
      const sliceStart = performance.now();
      while (performance.now() - sliceStart < SLICE_MS) {
        const next = blocks.next();
        if (next.done) {
          done = true;
          break;
        }
        const block = next.value;
        const order = before + step * ++walked;
        if (!seenVisible && block.nodes.some((n) => n === firstVisible || firstVisible!.contains(n)))
          seenVisible = true;
        if (seenVisible) this.matchBlock(block, order, step);
        else deferred.push([block, order, step]);
      }
      this.account(performance.now() - sliceStart);
      if (!done) await this.yieldToPage();
    }
    // Pass 2: what came before the viewport.
    let i = 0;
    while (i < deferred.length && !this.signal.aborted) {
      const sliceStart = performance.now();
      while (i < deferred.length && performance.now() - sliceStart < SLICE_MS) this.matchBlock(...deferred[i++]!);
      this.account(performance.now() - sliceStart);
      if (i < deferred.length) await this.yieldToPage();
    }
  }

  private matchBlock(block: TextBlock, order: number, step: number): void {
    const found = this.matcher.find(block.text);
    if (!found.length) return;
    const container = blockContainer(block.nodes[0]!);
    const mentions: Mention[] = [];
    for (const m of found) {
      // A window of an oversized block keeps only the matches that start in its own part (see splitBlock).
      if (block.own && (m.start < block.own[0] || m.start >= block.own[1])) continue;
      const start = pointInBlock(block, m.start);
      const end = pointInBlock(block, m.end - 1);
      const range = new StaticRange({
        startContainer: start.node,
        startOffset: start.offset,
        endContainer: end.node,
        endOffset: end.offset + 1,
      });
      const text = block.text.slice(m.start, m.end).replace(/\s+/g, ' ');
      mentions.push({
        entity: m.entity,
        text,
        range,
        container,
        order: order + (step * m.start) / (block.text.length + 1),
      });
    }
    if (mentions.length) this.store.add(container, mentions);
  }

  private account(ms: number): void {
    this.stats.scanMs += ms;
    if (ms > this.stats.longestSliceMs) this.stats.longestSliceMs = ms;
  }
}

/** An upper bound on the elements under `root`, which bounds the blocks a walk of it yields (two per element). */
function countElements(root: Node): number {
  const el = root as Element;
  return typeof el.getElementsByTagName === 'function' ? el.getElementsByTagName('*').length : 1_000_000;
}

/** The closest block-level ancestor (or shadow root) of a node: the unit the mutation watcher rescans. */
export function blockContainer(node: Node): Node {
  for (let n: Node | null = node.parentNode; n; n = n.parentNode) {
    if (n.nodeType === Node.ELEMENT_NODE && isBlock(n as Element)) return n;
    if (n.nodeType === Node.DOCUMENT_FRAGMENT_NODE || n.nodeType === Node.DOCUMENT_NODE) return n;
  }
  return node;
}
