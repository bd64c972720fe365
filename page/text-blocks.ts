/**
 * Reads a subtree as blocks of running text: the text nodes between two block boundaries, concatenated, so a name
 * split by inline tags (`<b>Shavkat</b> Mirziyoyev`) reads as one string. Walks lazily so callers can time-slice.
 */
import { isBlock, isSkipped } from './skip-rules';

export interface TextBlock {
  nodes: Text[];
  /** Offset of each node's first character in `text`. */
  starts: number[];
  text: string;
}

/** Yields the text blocks under `root` in document order, descending into open shadow roots. */
export function* textBlocks(root: Node): Generator<TextBlock> {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.nodeType === Node.ELEMENT_NODE && isSkipped(node as Element)
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  let block: TextBlock = { nodes: [], starts: [], text: '' };
  const flush = function* () {
    if (block.nodes.length && /\S/.test(block.text)) yield block;
    block = { nodes: [], starts: [], text: '' };
  };
  // A block boundary is crossed when entering a block element or leaving one; leaving is seen as the next node
  // not being inside the block element we last entered, tracked with a stack of open block elements.
  const open: Node[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    while (open.length && !open[open.length - 1]!.contains(node)) {
      open.pop();
      yield* flush();
    }
    if (node.nodeType === Node.TEXT_NODE) {
      const text = (node as Text).data;
      if (!text) continue;
      block.nodes.push(node as Text);
      block.starts.push(block.text.length);
      block.text += text;
      continue;
    }
    const el = node as Element;
    if (isBlock(el)) {
      yield* flush();
      open.push(el);
    }
    if (el.shadowRoot) {
      yield* flush();
      yield* textBlocks(el.shadowRoot);
    }
  }
  yield* flush();
}

/** Finds the text node and offset for a position in a block's text. */
export function pointInBlock(block: TextBlock, offset: number): { node: Text; offset: number } {
  let lo = 0;
  let hi = block.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (block.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { node: block.nodes[lo]!, offset: offset - block.starts[lo]! };
}
