/**
 * One batched MutationObserver per document: added or edited text is rescanned block by block, removed text drops
 * its mentions, and a storm of mutations (infinite scroll, a page re-rendering every frame) degrades to at most one
 * full rescan per STORM_RESCAN_MS.
 */
import { blockContainer, isBlock, isSkipped, LENS_PREFIX } from './skip-rules';

/** Collect mutations for this long before acting, so a render burst is handled once. */
const BATCH_MS = 120;
/** Above this many changed blocks in one batch, one full rescan is cheaper than many small ones. */
export const STORM_THRESHOLD = 400;
/** A page that mutates continuously gets at most one full rescan in this period. */
const STORM_RESCAN_MS = 2_000;

interface MutationSink {
  /** Rescan these subtrees (none contains another). */
  rescan(roots: Node[]): void;
  /** Rescan the whole document. */
  rescanAll(): void;
  /** Some text was removed: drop mentions that left the document. */
  dropDisconnected(): void;
}

export function watchMutations(
  root: Node,
  sink: MutationSink,
  signal: AbortSignal,
  win: Window,
  backlog: readonly MutationRecord[] = [],
): void {
  let pending = new Set<Node>();
  let removed = false;
  let timer: number | undefined;
  let lastFullRescan = -Infinity;

  const flush = () => {
    timer = undefined;
    const storm = pending.size > STORM_THRESHOLD;
    const roots = storm ? [] : outermost(pending);
    pending = new Set();
    if (removed) sink.dropDisconnected();
    removed = false;
    if (storm) {
      const wait = lastFullRescan + STORM_RESCAN_MS - performance.now();
      if (wait > 0) {
        // Keep the storm's work for later; one rescan then covers it all.
        pending.add(root);
        timer = win.setTimeout(flush, wait);
        return;
      }
      lastFullRescan = performance.now();
      sink.rescanAll();
    } else if (roots.length) sink.rescan(roots);
  };

  const take = (records: readonly MutationRecord[]) => {
    if (readChanges(records, pending)) removed = true;
    if (timer === undefined && (pending.size || removed)) timer = win.setTimeout(flush, BATCH_MS);
  };
  const observer = new MutationObserver(take);
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  // Changes seen before this watcher started (the gate's, while the page's text was with the matcher).
  take(backlog);
  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (timer !== undefined) win.clearTimeout(timer);
  });
}

/**
 * Adds to `pending` the containers whose text `records` changed or added (page/watch-mutations.ts's unit of rescan),
 * our own nodes and skipped subtrees aside; returns whether any node was removed.
 */
export function readChanges(records: readonly MutationRecord[], pending: Set<Node>): boolean {
  let removed = false;
  for (const record of records) {
    const target = record.target;
    if (isOurs(target)) continue;
    // Our own card host being appended is not page content: no rescan for it.
    if (record.addedNodes.length && !record.removedNodes.length && [...record.addedNodes].every(isOurs)) continue;
    if (record.removedNodes.length) removed = true;
    if (record.type === 'characterData' || record.addedNodes.length) {
      const inside = target.nodeType === Node.ELEMENT_NODE ? (target as Element) : target.parentElement;
      if (inside && insideSkipped(inside)) continue;
      if (record.type === 'characterData') pending.add(blockContainer(target));
      // Each added node's own block, not its parent's: a feed that prepends one paragraph every 10 ms must not
      // have all of its paragraphs rescanned each time.
      else for (const added of record.addedNodes) if (!isOurs(added)) pending.add(containerOfAdded(added));
    }
  }
  return removed;
}

/**
 * What to rescan for an added node: a block element that sits between block boundaries is a unit of its own;
 * anything else (text, inline elements, a block wedged into running text) changes its surrounding block.
 */
function containerOfAdded(node: Node): Node {
  if (
    node.nodeType === Node.ELEMENT_NODE &&
    isBlock(node as Element) &&
    isBoundary(node.previousSibling) &&
    isBoundary(node.nextSibling)
  )
    return node;
  return blockContainer(node);
}

const isBoundary = (node: Node | null): boolean =>
  node === null ||
  node.nodeType === Node.COMMENT_NODE ||
  (node.nodeType === Node.ELEMENT_NODE && isBlock(node as Element)) ||
  (node.nodeType === Node.TEXT_NODE && !/\S/.test((node as Text).data));
const isOurs = (node: Node): boolean =>
  node.nodeType === Node.ELEMENT_NODE && (node as Element).tagName.toLowerCase().startsWith(LENS_PREFIX);

function insideSkipped(el: Element): boolean {
  for (let n: Element | null = el; n; n = n.parentElement) if (isSkipped(n)) return true;
  return false;
}

/** Drops nodes contained in another pending node, and nodes that left the document. */
export function outermost(nodes: Set<Node>): Node[] {
  const list = [...nodes].filter((n) => n.isConnected);
  return list.filter((n) => !list.some((other) => other !== n && other.contains(n)));
}
