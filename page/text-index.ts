/**
 * The text of a document as one string with a map back to its text nodes, so TextQuoteSelectors (pure, over
 * strings: lib/snippets/quote-selector.ts) can be made from a selection and found again on a later visit.
 * Script, style and template text is left out on both sides, so what is quoted is what a reader can see.
 */

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);

interface TextIndex {
  text: string;
  nodes: Text[];
  /** Offset in `text` where each node starts. */
  starts: number[];
}

export function buildTextIndex(root: Node): TextIndex {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => {
      for (let p = node.parentElement; p && p !== root; p = p.parentElement)
        if (SKIPPED.has(p.tagName)) return NodeFilter.FILTER_REJECT;
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let at = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n as Text;
    nodes.push(t);
    starts.push(at);
    parts.push(t.data);
    at += t.data.length;
  }
  return { text: parts.join(''), nodes, starts };
}

/** The offset in the index's text of a DOM boundary point (a range's start or end). */
export function offsetOfPoint(index: TextIndex, container: Node, offset: number): number {
  if (container.nodeType === Node.TEXT_NODE) {
    const i = index.nodes.indexOf(container as Text);
    if (i !== -1) return index.starts[i]! + Math.min(offset, (container as Text).data.length);
  }
  // An element boundary, or a text node we skipped: the position is just before the first indexed text node that
  // follows the point in document order.
  const probe = container.ownerDocument!.createRange();
  probe.setStart(container, Math.min(offset, maxOffset(container)));
  for (let i = 0; i < index.nodes.length; i++) {
    const node = index.nodes[i]!;
    if (probe.comparePoint(node, 0) >= 0) return index.starts[i]!;
  }
  return index.text.length;
}

function maxOffset(node: Node): number {
  return node.nodeType === Node.TEXT_NODE || node.nodeType === Node.COMMENT_NODE
    ? (node as CharacterData).data.length
    : node.childNodes.length;
}

/** A DOM Range over `[start, end)` of the index's text, or null when the offsets fall outside it. */
export function rangeOfSpan(index: TextIndex, start: number, end: number): Range | null {
  if (start < 0 || end > index.text.length || start >= end || !index.nodes.length) return null;
  const locate = (offset: number, preferNext: boolean): [Text, number] => {
    // Binary search for the last node starting at or before the offset.
    let lo = 0;
    let hi = index.nodes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (index.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    let i = lo;
    // A start exactly at a node's end reads better at the next node's beginning.
    if (preferNext)
      while (
        i + 1 < index.nodes.length &&
        index.starts[i + 1]! <= offset &&
        offset - index.starts[i]! >= index.nodes[i]!.data.length
      )
        i++;
    return [index.nodes[i]!, offset - index.starts[i]!];
  };
  const [startNode, startOffset] = locate(start, true);
  const [endNode, endOffset] = locate(end, false);
  const range = startNode.ownerDocument.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, Math.min(endOffset, endNode.data.length));
  return range;
}
