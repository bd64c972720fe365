/**
 * An alias's ending list as a trie over folded code units. A hit reads the codes after it once and learns every
 * ending that can follow it: grouping the list by first letter still left a hit on a Turkish or Russian name
 * comparing a dozen to ninety strings one by one, the costliest step of handling a hit.
 */

/** Above this many children a node is searched by bisection rather than by a linear scan. */
const LINEAR_SCAN_MAX = 8;

export interface EndingTrie {
  /** Children of node n are edges edgeStart[n] .. edgeStart[n + 1], sorted by unit. */
  edgeStart: Int32Array;
  edgeUnit: Uint16Array;
  edgeTo: Int32Array;
  /** 1 where an ending ends at the node (the path from the root spells it). */
  terminal: Uint8Array;
  /** Whether the alias may also stand with no ending at all. */
  bare: boolean;
  /** The longest ending: how many lengths `endingsAt` can report at most. */
  depth: number;
  /**
   * The first units of the endings, by unit mod 128, as bits: most hits are followed by a space or a stop, which no
   * ending starts with, and one bit says so before a search of the root's children.
   */
  firstUnits: Uint32Array;
}

/** Builds the trie of `endings` ('' means the alias may stand bare). */
export function buildEndingTrie(endings: readonly string[]): EndingTrie {
  // Build with per-node maps (lists are short and built once per session), then flatten breadth-first.
  const children: Map<number, number>[] = [new Map()];
  const ends: boolean[] = [false];
  let bare = false;
  let depth = 0;
  for (const ending of endings) {
    if (ending === '') {
      bare = true;
      continue;
    }
    depth = Math.max(depth, ending.length);
    let node = 0;
    for (let i = 0; i < ending.length; i++) {
      const unit = ending.charCodeAt(i);
      let next = children[node]!.get(unit);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        ends.push(false);
        children[node]!.set(unit, next);
      }
      node = next;
    }
    ends[node] = true;
  }
  const count = children.length;
  const edgeStart = new Int32Array(count + 1);
  const edgeUnit = new Uint16Array(count - 1);
  const edgeTo = new Int32Array(count - 1);
  const terminal = new Uint8Array(count);
  let e = 0;
  for (let n = 0; n < count; n++) {
    edgeStart[n] = e;
    terminal[n] = ends[n] ? 1 : 0;
    for (const [unit, to] of [...children[n]!].sort((a, b) => a[0] - b[0])) {
      edgeUnit[e] = unit;
      edgeTo[e++] = to;
    }
  }
  edgeStart[count] = e;
  const firstUnits = new Uint32Array(4);
  for (const unit of children[0]!.keys()) firstUnits[(unit >>> 5) & 3]! |= 1 << (unit & 31);
  return { edgeStart, edgeUnit, edgeTo, terminal, bare, depth, firstUnits };
}

/** The child of `node` on `unit`, or 0 (the root is nobody's child). */
function childOf(trie: EndingTrie, node: number, unit: number): number {
  const { edgeStart, edgeUnit, edgeTo } = trie;
  let lo = edgeStart[node]!;
  let hi = edgeStart[node + 1]!;
  if (hi - lo <= LINEAR_SCAN_MAX) {
    for (; lo < hi; lo++) if (edgeUnit[lo] === unit) return edgeTo[lo]!;
    return 0;
  }
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const u = edgeUnit[mid]!;
    if (u === unit) return edgeTo[mid]!;
    if (u < unit) lo = mid + 1;
    else hi = mid;
  }
  return 0;
}

/**
 * Writes into `lengths` the length of every ending that codes[at ..] starts with, shortest first, and returns how
 * many there are (at most `trie.depth`). No allocation: it runs on every hit of an inflected name.
 */
export function endingsAt(
  trie: EndingTrie,
  codes: Uint16Array,
  length: number,
  at: number,
  lengths: Int32Array,
): number {
  if (at >= length) return 0;
  const first = codes[at]!;
  if (((trie.firstUnits[(first >>> 5) & 3]! >>> (first & 31)) & 1) === 0) return 0;
  let found = 0;
  let node = 0;
  for (let i = at; i < length; i++) {
    node = childOf(trie, node, codes[i]!);
    if (node === 0) break;
    if (trie.terminal[node] === 1) lengths[found++] = i + 1 - at;
  }
  return found;
}
