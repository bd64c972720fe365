/**
 * The mentions found on one document, painted with the CSS Custom Highlight API: ranges are styled without touching
 * the page's DOM, so its text, layout, selection and event handling stay exactly as they were.
 */
import type { AliasIndex } from '~/lib/factbase/types';
import type { MentionCount } from '~/lib/messaging/messages';

export interface Mention {
  entity: number;
  /** The text as it reads on the page, white space folded. */
  text: string;
  /** The evidence a disambiguation rule used, for the card's "why this matched" (lib/matcher/wire.ts). */
  why?: string;
  /** Namesakes the page did not tell apart: other entity numbers the card offers. */
  or?: number[];
  range: StaticRange;
  /** The block-level container the mention was found under, so a rescan of it can drop its old mentions. */
  container: Node;
  /**
   * Position in reading order. Comparing DOM positions costs a walk over siblings (seconds on a page with 25,000
   * paragraphs), so the scanner numbers mentions as it walks and the store sorts by number.
   */
  order: number;
}

export const MENTION_HIGHLIGHT = 'lens-mention';

export class MentionStore {
  private readonly byContainer = new Map<Node, Mention[]>();
  private readonly byNode = new Map<Node, Mention[]>();
  private readonly highlight: Highlight | null;
  /** Cache of all() in document order; dropped whenever a mention is added or removed. */
  private ordered: Mention[] | null = null;
  private visible: (m: Mention) => boolean = () => true;

  constructor(
    private readonly doc: Document,
    private readonly index: Pick<AliasIndex, 'entities'>,
  ) {
    const registry = doc.defaultView?.CSS?.highlights;
    this.highlight = registry ? new Highlight() : null;
    if (registry && this.highlight) registry.set(MENTION_HIGHLIGHT, this.highlight);
  }

  add(container: Node, mentions: Mention[]): void {
    if (!mentions.length) return;
    this.ordered = null;
    const list = this.byContainer.get(container) ?? [];
    for (const m of mentions) {
      list.push(m);
      if (this.visible(m)) this.highlight?.add(m.range);
      for (const node of nodesOf(m.range)) {
        const at = this.byNode.get(node) ?? [];
        at.push(m);
        this.byNode.set(node, at);
      }
    }
    this.byContainer.set(container, list);
  }

  /** Drops every mention found under any container inside `root` (inclusive). */
  dropWithin(root: Node): void {
    for (const [container, list] of this.byContainer)
      if (root === container || root.contains(container)) this.dropContainer(container, list);
  }

  /** Drops mentions whose text left the document. */
  dropDisconnected(): void {
    for (const [container, list] of this.byContainer)
      if (!container.isConnected || list.some((m) => !m.range.startContainer.isConnected))
        this.dropContainer(container, list);
  }

  clear(): void {
    for (const [container, list] of this.byContainer) this.dropContainer(container, list);
  }

  /**
   * Paints only the mentions `visible` accepts (settings: hidden entities, paused, site off); the others stay known,
   * so turning them back on repaints at once without a rescan.
   */
  setVisible(visible: (m: Mention) => boolean): void {
    this.visible = visible;
    if (!this.highlight) return;
    this.highlight.clear();
    for (const list of this.byContainer.values()) for (const m of list) if (visible(m)) this.highlight.add(m.range);
  }

  isVisible(m: Mention): boolean {
    return this.visible(m);
  }

  /** Mentions touching a text node, for hit-testing under the pointer. */
  at(node: Node): readonly Mention[] {
    return this.byNode.get(node) ?? [];
  }

  /** Every mention in document order; sorted once per change, since reports, keyboard and settings all ask. */
  all(): readonly Mention[] {
    if (!this.ordered) {
      this.ordered = [...this.byContainer.values()].flat();
      this.ordered.sort((a, b) => a.order - b.order || compareRanges(a.range, b.range));
    }
    return this.ordered;
  }

  /**
   * The order numbers just before and after `root`'s place in the document, for numbering what a rescan of `root`
   * finds (its own old mentions must have been dropped). A binary search: log2(n) DOM comparisons.
   */
  orderBounds(root: Node): [number, number] {
    const list = this.all();
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const follows = root.compareDocumentPosition(list[mid]!.range.startContainer) & Node.DOCUMENT_POSITION_FOLLOWING;
      if (follows) hi = mid;
      else lo = mid + 1;
    }
    const after = lo < list.length ? list[lo]!.order : (list.at(-1)?.order ?? 0) + 1;
    const before = lo > 0 ? list[lo - 1]!.order : after - 1;
    return [before, after];
  }

  counts(): MentionCount[] {
    const counts = new Map<string, MentionCount>();
    for (const m of this.all()) {
      const [entityId, name] = this.index.entities[m.entity]!;
      const key = `${entityId}\u0000${m.text}`;
      const row = counts.get(key) ?? { entityId, name, text: m.text, count: 0 };
      row.count++;
      counts.set(key, row);
    }
    return [...counts.values()];
  }

  get size(): number {
    let n = 0;
    for (const list of this.byContainer.values()) n += list.length;
    return n;
  }

  destroy(): void {
    this.clear();
    this.doc.defaultView?.CSS?.highlights?.delete(MENTION_HIGHLIGHT);
  }

  private dropContainer(container: Node, list: Mention[]): void {
    this.ordered = null;
    for (const m of list) {
      this.highlight?.delete(m.range);
      for (const node of nodesOf(m.range)) {
        const at = this.byNode.get(node);
        if (!at) continue;
        const rest = at.filter((x) => x !== m);
        if (rest.length) this.byNode.set(node, rest);
        else this.byNode.delete(node);
      }
    }
    this.byContainer.delete(container);
  }
}

/** The text nodes a range covers (a mention split by inline tags spans several). */
function nodesOf(range: StaticRange): Node[] {
  const nodes: Node[] = [range.startContainer];
  if (range.endContainer === range.startContainer) return nodes;
  const root = range.startContainer.getRootNode();
  const walker = (range.startContainer.ownerDocument ?? document).createTreeWalker(root, NodeFilter.SHOW_TEXT);
  walker.currentNode = range.startContainer;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push(n);
    if (n === range.endContainer) break;
  }
  return nodes;
}

function compareRanges(a: StaticRange, b: StaticRange): number {
  if (a.startContainer === b.startContainer) return a.startOffset - b.startOffset;
  const pos = a.startContainer.compareDocumentPosition(b.startContainer);
  return pos & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : pos & Node.DOCUMENT_POSITION_PRECEDING ? 1 : 0;
}
