/**
 * Aho-Corasick automaton over folded patterns (UTF-16 code units): one pass over the text finds every occurrence of
 * every pattern, so scanning time grows with the text, not with the number of aliases.
 *
 * Built in two stages: compileAutomaton finds the trie and failure links and reduces them to compact tables (what a
 * copy elsewhere would need); loadAutomaton derives the scanning tables from them in one forward pass.
 *
 * Layout, chosen for scanning whole pages:
 * - code units that occur in patterns get small class numbers (0 = in no pattern, which resets the scan);
 * - the shallow states, where a scan of ordinary prose spends nearly all its time, get full DFA rows (failure
 *   links already followed), so most steps are one array read;
 * - deeper states keep their children in one flat array sorted by code unit and fall back on failure links;
 * - "output links" (the nearest accepting state along the failure chain) report every match.
 */

/** Budget for the dense rows (Int32 cells): 2 MB covers the first few thousand states of a real alias list. */
const DENSE_CELLS = 1 << 19;
/** Above this many children a sparse state is searched by bisection rather than by a linear scan. */
const LINEAR_SCAN_MAX = 8;
const UNITS = 0x10000;
const NONE = -1;

export type HitHandler = (pattern: number, end: number) => void;

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

/** Just the sorted edge rows: all a lookup needs. */
interface SparseTrie {
  edgeStart: Int32Array;
  edgeUnit: Uint16Array;
}

/** The edge of `state` labelled `unit`, NONE if there is none. */
function edgeOf(trie: SparseTrie, state: number, unit: number): number {
  const { edgeStart, edgeUnit } = trie;
  let lo = edgeStart[state]!;
  let hi = edgeStart[state + 1]!;
  if (hi - lo <= LINEAR_SCAN_MAX) {
    for (; lo < hi; lo++) if (edgeUnit[lo] === unit) return lo;
    return NONE;
  }
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const u = edgeUnit[mid]!;
    if (u === unit) return mid;
    if (u < unit) lo = mid + 1;
    else hi = mid;
  }
  return NONE;
}

/** The child of `state` on `unit` in the trie as built, 0 if none. */
function childOf(trie: Trie, state: number, unit: number): number {
  const e = edgeOf(trie, state, unit);
  return e === NONE ? 0 : trie.edgeTo[e]!;
}

/**
 * The automaton reduced to what cannot be cheaply recomputed, with states numbered breadth-first. In that order a
 * state's children are consecutive and edge e leads to state e + 1, so the trie needs no target array, and a state's
 * failure target always comes before it, so every derived table fills in one forward pass.
 */
export interface AutomatonTables {
  /** The code unit of each class: class c (from 1) is classUnits[c - 1]. */
  classUnits: Uint16Array;
  /** Children per state. */
  childCounts: Uint16Array;
  /** Code unit of edge e, which leads to state e + 1 (sorted within each state's run). */
  edgeUnits: Uint16Array;
  fail: Int32Array;
  /** The state each pattern ends in (0 for an empty pattern, which never matches). */
  patternEnds: Int32Array;
}

/** Builds the tables: the costly part (trie, failure links), done once per browser session, not per page. */
export function compileAutomaton(patterns: readonly string[]): AutomatonTables {
  const trie = buildTrie(patterns);
  const { count, classOf, classCount, edgeStart, edgeUnit, edgeTo, patternHead, patternNext } = trie;
  // Breadth-first order, with failure links found through the trie's own goto function: each lookup walks the chain
  // of shallower failure targets, whose links are final by then.
  const order = new Int32Array(count);
  const fail = new Int32Array(count);
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const s = order[head]!;
    for (let e = edgeStart[s]!; e < edgeStart[s + 1]!; e++) {
      const t = edgeTo[e]!;
      if (s !== 0) {
        const unit = edgeUnit[e]!;
        let f = fail[s]!;
        let next = childOf(trie, f, unit);
        while (next === 0 && f !== 0) {
          f = fail[f]!;
          next = childOf(trie, f, unit);
        }
        fail[t] = next;
      }
      order[tail++] = t;
    }
  }
  const rank = new Int32Array(count);
  for (let i = 0; i < count; i++) rank[order[i]!] = i;
  const childCounts = new Uint16Array(count);
  const edgeUnits = new Uint16Array(Math.max(0, count - 1));
  const bfsFail = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const s = order[i]!;
    childCounts[i] = edgeStart[s + 1]! - edgeStart[s]!;
    bfsFail[i] = rank[fail[s]!]!;
  }
  // Edge e leads to state e + 1; its unit is the one on that state's incoming edge.
  for (let i = 0; i < count; i++) {
    const s = order[i]!;
    for (let e = edgeStart[s]!; e < edgeStart[s + 1]!; e++) edgeUnits[rank[edgeTo[e]!]! - 1] = edgeUnit[e]!;
  }
  const patternEnds = new Int32Array(patterns.length);
  for (let s = 0; s < count; s++) {
    for (let p = patternHead[s]!; p !== NONE; p = patternNext[p]!) patternEnds[p] = rank[s]!;
  }
  const classUnits = new Uint16Array(classCount - 1);
  for (let unit = 0; unit < UNITS; unit++) if (classOf[unit] !== 0) classUnits[classOf[unit]! - 1] = unit;
  return { classUnits, childCounts, edgeUnits, fail: bfsFail, patternEnds };
}

/** Trie and failure links in one go, for Node tools and tests. */
export function buildAutomaton(patterns: readonly string[], denseCells = DENSE_CELLS): Automaton {
  return loadAutomaton(compileAutomaton(patterns), denseCells);
}

/**
 * Turns tables into a scanner: dense rows for the shallow states and output links, one forward pass, a few
 * milliseconds. `denseCells` defaults to the budget above; tests pass small ones to exercise the sparse states.
 */
export function loadAutomaton(tables: AutomatonTables, denseCells = DENSE_CELLS): Automaton {
  const { classUnits, childCounts, edgeUnits, fail, patternEnds } = tables;
  const count = childCounts.length;
  checkTables(tables);
  const classCount = classUnits.length + 1;
  const classOf = new Uint16Array(UNITS);
  for (let c = 0; c < classUnits.length; c++) classOf[classUnits[c]!] = c + 1;
  const edgeStart = new Int32Array(count + 1);
  for (let s = 0; s < count; s++) edgeStart[s + 1] = edgeStart[s]! + childCounts[s]!;
  const patternHead = new Int32Array(count).fill(NONE);
  const patternNext = new Int32Array(patternEnds.length).fill(NONE);
  for (let p = patternEnds.length - 1; p >= 0; p--) {
    const end = patternEnds[p]!;
    if (end === 0) continue;
    patternNext[p] = patternHead[end]!;
    patternHead[end] = p;
  }
  const trie: SparseTrie = { edgeStart, edgeUnit: edgeUnits };

  // A state's failure target comes earlier in breadth-first order, so its row and output link are ready when read.
  const outLink = new Int32Array(count); // this state if it accepts, else the nearest accepting one on its chain
  const nextOut = new Int32Array(count); // the next accepting state strictly further along the chain
  const denseStates = Math.min(count, Math.max(1, Math.floor(denseCells / classCount)));
  const dense = new Int32Array(denseStates * classCount);
  const denseRow = new Int32Array(count).fill(NONE);
  for (let s = 0; s < count; s++) {
    if (s < denseStates) {
      const row = s * classCount;
      denseRow[s] = row;
      if (s !== 0) dense.copyWithin(row, fail[s]! * classCount, fail[s]! * classCount + classCount);
      for (let e = edgeStart[s]!; e < edgeStart[s + 1]!; e++) dense[row + classOf[edgeUnits[e]!]!] = e + 1;
    }
    if (s !== 0) {
      nextOut[s] = outLink[fail[s]!]!;
      outLink[s] = patternHead[s] !== NONE ? s : nextOut[s]!;
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
          // Edge e leads to state e + 1, so NONE (-1) becomes 0, "no child".
          let next = edgeOf(trie, state, unit) + 1;
          while (next === 0 && row === NONE) {
            state = failure[state]!;
            row = rows[state]!;
            if (row === NONE) next = edgeOf(trie, state, unit) + 1;
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

/**
 * The tables come from the extension's own background (a page cannot answer that message), so only their shape is
 * checked here, in constant time: a mismatch means a background of another version, not an attack.
 */
function checkTables({ childCounts, edgeUnits, fail, classUnits }: AutomatonTables): void {
  const count = childCounts.length;
  if (count < 1 || edgeUnits.length !== count - 1 || fail.length !== count || classUnits.length >= UNITS)
    throw new Error('matcher tables are inconsistent');
}
