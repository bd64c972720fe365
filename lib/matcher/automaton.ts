/**
 * Aho-Corasick automaton over folded patterns (UTF-16 code units): one pass over the text finds every occurrence of
 * every pattern, so scanning time grows with the text, not with the number of aliases.
 *
 * Layout, chosen for a matcher the background builds once per session and that scans whole pages:
 * - code units that occur in patterns get small class numbers (0 = in no pattern, which resets the scan);
 * - the shallow states, where a scan of ordinary prose spends nearly all its time, get full DFA rows (failure
 *   links already followed), so most steps are one array read;
 * - deeper states keep their children in one flat array sorted by code unit and fall back on failure links;
 * - "output links" (the nearest accepting state along the failure chain) report every match.
 */

/**
 * Budget for the dense rows, in cells: the first few thousand states of a real alias list. A cell is 16 bits while
 * every state number fits (a real list has some 26,000 states): 1 MB instead of 2, so a build fills half the bytes
 * and a scan, which reads a cell per character, misses the cache less.
 */
const DENSE_CELLS = 1 << 19;
/** Above this many children a sparse state is searched by bisection rather than by a linear scan. */
const LINEAR_SCAN_MAX = 8;
const UNITS = 0x10000;
const NONE = -1;

type HitHandler = (pattern: number, end: number) => void;

export interface Automaton {
  readonly stateCount: number;
  /** Calls onHit(pattern, end) for every occurrence, `end` exclusive, in increasing `end` order. */
  scan(codes: Uint16Array, length: number, onHit: HitHandler): void;
}

/** The trie, with each state's children flattened and sorted: edges of s are edgeStart[s] .. edgeStart[s + 1]. */
interface Trie {
  count: number;
  classOf: Uint16Array;
  classCount: number;
  edgeStart: Int32Array;
  edgeUnit: Uint16Array;
  edgeTo: Int32Array;
  patternHead: Int32Array;
  patternNext: Int32Array;
}

function buildTrie(patterns: readonly string[]): Trie {
  let capacity = 1;
  for (const pattern of patterns) capacity += pattern.length;
  const firstChild = new Int32Array(capacity); // first-child/next-sibling lists while building; 0 = none
  const nextSibling = new Int32Array(capacity);
  const parentOf = new Int32Array(capacity);
  const unitOf = new Uint16Array(capacity);
  const patternHead = new Int32Array(capacity).fill(NONE);
  const patternNext = new Int32Array(patterns.length).fill(NONE);
  const classOf = new Uint16Array(UNITS);
  let classCount = 1;
  let count = 1;
  patterns.forEach((pattern, id) => {
    if (pattern.length === 0) return; // an empty pattern would match everywhere
    let state = 0;
    for (let i = 0; i < pattern.length; i++) {
      const unit = pattern.charCodeAt(i);
      if (classOf[unit] === 0) classOf[unit] = classCount++;
      let child = firstChild[state]!;
      while (child !== 0 && unitOf[child] !== unit) child = nextSibling[child]!;
      if (child === 0) {
        child = count++;
        unitOf[child] = unit;
        parentOf[child] = state;
        nextSibling[child] = firstChild[state]!;
        firstChild[state] = child;
      }
      state = child;
    }
    patternNext[id] = patternHead[state]!;
    patternHead[state] = id;
  });
  // Every state but the root is one edge; count children, then place each edge and keep each row sorted.
  const edgeStart = new Int32Array(count + 1);
  for (let s = 1; s < count; s++) edgeStart[parentOf[s]! + 1]!++;
  for (let s = 0; s < count; s++) edgeStart[s + 1]! += edgeStart[s]!;
  const fill = edgeStart.slice(0, count);
  const edgeUnit = new Uint16Array(count);
  const edgeTo = new Int32Array(count);
  for (let s = 1; s < count; s++) {
    const row = edgeStart[parentOf[s]!]!;
    let j = fill[parentOf[s]!]!++;
    while (j > row && edgeUnit[j - 1]! > unitOf[s]!) {
      edgeUnit[j] = edgeUnit[j - 1]!;
      edgeTo[j] = edgeTo[j - 1]!;
      j--;
    }
    edgeUnit[j] = unitOf[s]!;
    edgeTo[j] = s;
  }
  return { count, classOf, classCount, edgeStart, edgeUnit, edgeTo, patternHead, patternNext };
}

/** The child of `state` on `unit` in the trie, 0 if none. */
function childOf(trie: Trie, state: number, unit: number): number {
  const { edgeStart, edgeUnit, edgeTo } = trie;
  let lo = edgeStart[state]!;
  let hi = edgeStart[state + 1]!;
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

/** `denseCells` defaults to the budget above; tests pass small ones to exercise the sparse states. */
export function buildAutomaton(patterns: readonly string[], denseCells = DENSE_CELLS): Automaton {
  const trie = buildTrie(patterns);
  const { count, classOf, classCount, edgeStart, edgeUnit, edgeTo, patternHead, patternNext } = trie;

  // One breadth-first pass: a state's failure target is shallower, so its links and (for the shallow states) its
  // dense DFA row are final before the state is reached. A shallow state's row is its failure target's row plus
  // its own children; its children's failure links are then read from dense rows wherever the chain reaches one.
  const fail = new Int32Array(count);
  const outLink = new Int32Array(count); // this state if it accepts, else the nearest accepting one on its chain
  const nextOut = new Int32Array(count); // the next accepting state strictly further along the chain
  const denseStates = Math.min(count, Math.max(1, Math.floor(denseCells / classCount)));
  const dense = count <= 0xffff ? new Uint16Array(denseStates * classCount) : new Int32Array(denseStates * classCount);
  const denseRow = new Int32Array(count).fill(NONE);
  const order = new Int32Array(count);
  let tail = 1; // order[0] is the root
  for (let head = 0; head < tail; head++) {
    const s = order[head]!;
    if (head < denseStates) {
      const row = head * classCount;
      denseRow[s] = row;
      if (s !== 0) dense.copyWithin(row, denseRow[fail[s]!]!, denseRow[fail[s]!]! + classCount);
      for (let e = edgeStart[s]!; e < edgeStart[s + 1]!; e++) dense[row + classOf[edgeUnit[e]!]!] = edgeTo[e]!;
    }
    for (let e = edgeStart[s]!; e < edgeStart[s + 1]!; e++) {
      const t = edgeTo[e]!;
      if (s !== 0) {
        const unit = edgeUnit[e]!;
        let f = fail[s]!;
        let next = denseRow[f] === NONE ? childOf(trie, f, unit) : 0;
        while (next === 0 && denseRow[f] === NONE) {
          f = fail[f]!;
          if (denseRow[f] === NONE) next = childOf(trie, f, unit);
        }
        fail[t] = next !== 0 ? next : dense[denseRow[f]! + classOf[unit]!]!;
      }
      nextOut[t] = outLink[fail[t]!]!;
      outLink[t] = patternHead[t] !== NONE ? t : nextOut[t]!;
      order[tail++] = t;
    }
  }

  return {
    stateCount: count,
    scan(codes, length, onHit) {
      // Locals rather than closure variables: the loop below runs once per character of every page.
      const classes = classOf;
      const rows = denseRow;
      const table = dense;
      const failure = fail;
      const outputs = outLink;
      const nextOutput = nextOut;
      const heads = patternHead;
      const nexts = patternNext;
      let state = 0;
      for (let i = 0; i < length; i++) {
        const unit = codes[i]!;
        const cls = classes[unit]!;
        if (cls === 0) {
          state = 0; // no pattern contains this unit: every partial match dies here
          continue;
        }
        let row = rows[state]!;
        if (row === NONE) {
          let next = childOf(trie, state, unit);
          while (next === 0 && row === NONE) {
            state = failure[state]!;
            row = rows[state]!;
            if (row === NONE) next = childOf(trie, state, unit);
          }
          state = next !== 0 ? next : table[row + cls]!;
        } else {
          state = table[row + cls]!;
        }
        for (let o = outputs[state]!; o !== 0; o = nextOutput[o]!) {
          for (let p = heads[o]!; p !== NONE; p = nexts[p]!) onHit(p, i + 1);
        }
      }
    },
  };
}
