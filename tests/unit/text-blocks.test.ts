/**
 * Where a match found in a block's text lies in the page (page/text-blocks.ts pointInBlock): the text node and the
 * offset in it, for a block of one node, of several (a name split by inline tags), and for a window of an oversized
 * block (splitBlock), which may start inside its only node (its `starts` then holds a negative offset).
 */
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { pointInBlock, type TextBlock } from '~/page/text-blocks';

/** The text nodes of `html`'s first paragraph, in order. */
const textNodes = (html: string): Text[] => {
  const doc = new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html');
  const nodes: Text[] = [];
  const collect = (n: ChildNode) => (n.nodeType === 3 ? nodes.push(n as Text) : n.childNodes.forEach(collect));
  (doc as unknown as Document).querySelector('p')!.childNodes.forEach(collect);
  return nodes;
};

/** A block as textBlocks builds one: the nodes' texts joined, each node's start in it. */
const blockOf = (nodes: Text[]): TextBlock => {
  const starts: number[] = [];
  let text = '';
  for (const n of nodes) {
    starts.push(text.length);
    text += n.data;
  }
  return { nodes, starts, text };
};

/** The character the page holds where `pointInBlock` says the block's character `at` is. */
const pageCharAt = (block: TextBlock, at: number) => {
  const { node, offset } = pointInBlock(block, at);
  return node.data.charAt(offset);
};

describe('a point of a block in the page', () => {
  it('is the same character in a block of one node and in one split by inline tags', () => {
    const plain = blockOf(textNodes('<p>Tokayev met Erdoğan.</p>'));
    const split = blockOf(textNodes('<p>Shavkat <b>Mirziyoyev</b> and <i>Aliyev</i>.</p>'));
    expect(plain.nodes).toHaveLength(1);
    expect(split.nodes).toHaveLength(5);
    for (const block of [plain, split])
      for (let at = 0; at < block.text.length; at++) expect(pageCharAt(block, at)).toBe(block.text.charAt(at));
  });

  it('counts where a window of an oversized one-node block starts inside that node', () => {
    const [node] = textNodes(`<p>${Array.from({ length: 200 }, (_, i) => `w${i}`).join(' ')}</p>`);
    const from = 300;
    const window: TextBlock = { nodes: [node!], starts: [-from], text: node!.data.slice(from, 600), own: [0, 300] };
    for (const at of [0, 1, 150, window.text.length - 1]) expect(pageCharAt(window, at)).toBe(window.text.charAt(at));
    expect(pointInBlock(window, 0)).toEqual({ node, offset: from });
  });
});
