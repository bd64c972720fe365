/**
 * Reads a subtree as blocks of running text: the text nodes between two block boundaries, concatenated, so a name
 * split by inline tags (`<b>Shavkat</b> Mirziyoyev`) reads as one string. Walks lazily so callers can time-slice.
 */
import { isBlock, isSkipped } from './skip-rules';

export interface TextBlock {
  nodes: Text[];
  /** Offset of each node's first character in `text` (negative when a window starts inside the node). */
  starts: number[];
  text: string;
  /**
   * Set on the windows of an oversized block (see splitBlock): only matches starting in [own[0], own[1]) belong to
   * this window; the rest of `text` is context shared with its neighbours.
   */
  own?: [number, number];
}

/**
 * Longest text matched in one piece. A longer block (a 10 MB text node, a page of inline elements without a single
 * block boundary) is matched window by window, so one scanning slice stays a few milliseconds (the matcher reads
 * about 10 MB/s).
 */
const MAX_BLOCK_CHARS = 32_768;
/** Each window also reads this much of its neighbours, longer than any alias, so a name on a window edge is found. */
const BLOCK_OVERLAP_CHARS = 256;

/**
 * Yields the text blocks under `root` in document order, descending into open shadow roots.
 *
 * A plain depth-first walk over `firstChild`/`nextSibling`/`parentNode`, not a TreeWalker with a NodeFilter: the
 * filter is a call from the browser into this script for every node, and leaving a block is seen here as climbing out
 * of it rather than by asking the last block entered whether it contains each node. It runs once in every frame the
 * lens scans, so its cost is the floor's walk plus what it must add (issue 17: about 1.2 ms less on the scan bench's
 * article than the filtered walk).
 */
export function* textBlocks(root: Node): Generator<TextBlock> {
  let block: TextBlock = { nodes: [], starts: [], text: '' };
  let inked = false;
  /** Ends the current block; returns it when it has visible text. A plain function: no generator per boundary. */
  const take = (): TextBlock | null => {
    const done = block.nodes.length && inked ? block : null;
    if (block.nodes.length) block = { nodes: [], starts: [], text: '' };
    inked = false;
    return done;
  };
  let node: Node | null = root.firstChild;
  while (node) {
    let inside: Node | null = null;
    if (node.nodeType === Node.TEXT_NODE) {
      const text = (node as Text).data;
      if (text) {
        block.nodes.push(node as Text);
        block.starts.push(block.text.length);
        block.text += text;
        if (!inked && /\S/.test(text)) inked = true;
      }
    } else if (node.nodeType === Node.ELEMENT_NODE && !isSkipped(node as Element)) {
      // Entering a block element, or a shadow host (its shadow tree reads apart from its light children), ends a block.
      const el = node as Element;
      const shadow = el.shadowRoot;
      if (shadow || isBlock(el)) {
        const done = take();
        if (done) yield* emit(done);
      }
      if (shadow) yield* textBlocks(shadow);
      inside = el.firstChild;
    }
    if (inside) {
      node = inside;
      continue;
    }
    // On to the next sibling, climbing out of finished elements first: leaving a block element ends its block.
    while (node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (!node || node === root) break;
      if (node.nodeType === Node.ELEMENT_NODE && isBlock(node as Element)) {
        const done = take();
        if (done) yield* emit(done);
      }
    }
    node = node && node !== root ? node.nextSibling : null;
  }
  const last = take();
  if (last) yield* emit(last);
}

/** A block as it is, or an oversized one window by window. */
function* emit(block: TextBlock): Generator<TextBlock> {
  if (block.text.length > MAX_BLOCK_CHARS) yield* splitBlock(block);
  else yield block;
}

/**
 * An oversized block as overlapping windows of at most `max` own characters plus `overlap` of context on each side;
 * each match is kept by exactly one window (the one whose own range holds its start).
 */
function* splitBlock(block: TextBlock, max = MAX_BLOCK_CHARS, overlap = BLOCK_OVERLAP_CHARS): Generator<TextBlock> {
  const length = block.text.length;
  for (let ownStart = 0; ownStart < length; ownStart += max) {
    const ownEnd = Math.min(length, ownStart + max);
    const from = Math.max(0, ownStart - overlap);
    const to = Math.min(length, ownEnd + overlap);
    const nodes: Text[] = [];
    const starts: number[] = [];
    for (let i = nodeAt(block, from); i < block.nodes.length && block.starts[i]! < to; i++) {
      nodes.push(block.nodes[i]!);
      starts.push(block.starts[i]! - from);
    }
    yield { nodes, starts, text: block.text.slice(from, to), own: [ownStart - from, ownEnd - from] };
  }
}

/** Index of the node holding `offset` in a block's text. */
function nodeAt(block: TextBlock, offset: number): number {
  let lo = 0;
  let hi = block.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (block.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Finds the text node and offset for a position in a block's text. */
export function pointInBlock(block: TextBlock, offset: number): { node: Text; offset: number } {
  // Most blocks are one text node (a paragraph with no inline tags): no search. A window of an oversized one may
  // start inside its node (splitBlock), so the node's start still counts.
  if (block.nodes.length === 1) return { node: block.nodes[0]!, offset: offset - block.starts[0]! };
  const i = nodeAt(block, offset);
  return { node: block.nodes[i]!, offset: offset - block.starts[i]! };
}
