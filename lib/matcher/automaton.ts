/**
 * Aho-Corasick automaton over folded patterns (UTF-16 code units): one pass over the text finds every occurrence of
 * every pattern, so scanning time grows with the text, not with the number of aliases.
 *
 * Layout, chosen for a matcher the background builds once per session and that scans whole pages:
 * - code units that occur in patterns get small class numbers (0 = in no pattern, which resets the scan);
 * - the shallow states, where a scan of ordinary prose spends nearly all its time, get full DFA rows (failure
 *   links already followed), so most steps are one array read;
 * - states are numbered breadth first, so a state's children are consecutive states sorted by code unit; deeper
 *   states search them and fall back on failure links;
 * - "output links" (the nearest accepting state along the failure chain) report every match, and a dense cell says
 *   whether the state it leads to has any.
 */

/**
 * Budget for the dense rows, in cells: the first few thousand states of a real alias list. A cell is 16 bits while
 * every state number, doubled, fits (a real list has some 26,000 states): 1 MB instead of 2, so a build fills half
 * the bytes and a scan, which reads a cell per character, misses the cache less.
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

/**
 * The trie, its states numbered breadth first: the root is 0, a state's children are consecutive states sorted by
 * code unit (children of s are firstChild[s] .. firstChild[s + 1] - 1), and every state is shallower than or as deep
 * as the states after it. So the shallow states that get dense rows are simply states 0 .. denseStates - 1.
 */
interface Trie {
  count: number;
  classOf: Uint16Array;
  classCount: number;
  firstChild: Int32Array;
  unitOf: Uint16Array;
  patternHead: Int32Array;
  patternNext: Int32Array;
}

const byCodeUnits = (texts: readonly string[]) => (a: number, b: number) =>
  texts[a]! < texts[b]! ? -1 : texts[a]! > texts[b]! ? 1 : a - b;

/**
 * Inserts the patterns in sorted order, so each shares its prefix with the one before: no state searches its
 * children while the trie grows, and children come out sorted. Then renumbers the states breadth first.
 */
function buildTrie(patterns: readonly string[]): Trie {
  let capacity = 1;
  for (const pattern of patterns) capacity += pattern.length;
  // While growing, in insertion order: first child and next sibling (0 = none), the last child to append to.
  const first = new Int32Array(capacity);
  const last = new Int32Array(capacity);
  const sibling = new Int32Array(capacity);
  const unit = new Uint16Array(capacity);
  const heads = new Int32Array(capacity).fill(NONE);
  const patternNext = new Int32Array(patterns.length).fill(NONE);
  const classOf = new Uint16Array(UNITS);
  let classCount = 1;
  let count = 1;
  const sorted = Array.from(patterns.keys()).sort(byCodeUnits(patterns));
  const path = new Int32Array(capacity + 1); // path[d]: the state at depth d of the previous pattern
  let previous = '';
  for (const id of sorted) {
    const pattern = patterns[id]!;
    if (pattern.length === 0) continue; // an empty pattern would match everywhere
    let shared = 0;
    while (shared < pattern.length && shared < previous.length && pattern[shared] === previous[shared]) shared++;
    for (let d = shared; d < pattern.length; d++) {
      const u = pattern.charCodeAt(d);
      if (classOf[u] === 0) classOf[u] = classCount++;
      const parent = path[d]!;
      const child = count++;
      unit[child] = u;
      if (first[parent] === 0) first[parent] = child;
      else sibling[last[parent]!] = child;
      last[parent] = child;
      path[d + 1] = child;
    }
    // Equal patterns end on one state, listed from the highest id down.
    const end = path[pattern.length]!;
    patternNext[id] = heads[end]!;
    heads[end] = id;
    previous = pattern;
  }
  // Breadth first: a state's children are enqueued together, so they get consecutive numbers.
  const renumbered = new Int32Array(count);
  const queue = new Int32Array(count);
  const firstChild = new Int32Array(count + 1);
  const unitOf = new Uint16Array(count);
  const patternHead = new Int32Array(count).fill(NONE);
  let tail = 1;
  for (let head = 0; head < count; head++) {
    const old = queue[head]!;
    firstChild[head] = tail;
    patternHead[head] = heads[old]!;
    for (let c = first[old]!; c !== 0; c = sibling[c]!) {
      renumbered[c] = tail;
      unitOf[tail] = unit[c]!;
      queue[tail++] = c;
    }
  }
  firstChild[count] = count;
  return { count, classOf, classCount, firstChild, unitOf, patternHead, patternNext };
}

/** The child of `state` on `unit` in the trie, 0 if none. */
function childOf(trie: Trie, state: number, unit: number): number {
  const { firstChild, unitOf } = trie;
  let lo = firstChild[state]!;
  let hi = firstChild[state + 1]!;
  if (hi - lo <= LINEAR_SCAN_MAX) {
    for (; lo < hi; lo++) if (unitOf[lo] === unit) return lo;
    return 0;
  }
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const u = unitOf[mid]!;
    if (u === unit) return mid;
    if (u < unit) lo = mid + 1;
    else hi = mid;
  }
  return 0;
}

/** `denseCells` defaults to the budget above; tests pass small ones to exercise the sparse states. */
export function buildAutomaton(patterns: readonly string[], denseCells = DENSE_CELLS): Automaton {
  const trie = buildTrie(patterns);
  const { count, classOf, classCount, firstChild, unitOf, patternHead, patternNext } = trie;

  // One pass in state order, which is breadth first: a state's failure target is shallower, so its links and (for the
  // shallow states) its dense DFA row are final before the state is reached. A shallow state's row is its failure
  // target's row plus its own children; its children's failure links are read from dense rows wherever the chain
  // reaches one. A dense cell holds the next state times two, plus one when that state reports a match, so a scan
  // reads nothing more on the characters that end no name.
  const fail = new Int32Array(count);
  const outLink = new Int32Array(count); // this state if it accepts, else the nearest accepting one on its chain
  const nextOut = new Int32Array(count); // the next accepting state strictly further along the chain
  const denseStates = Math.min(count, Math.max(1, Math.floor(denseCells / classCount)));
  const dense = count < 0x8000 ? new Uint16Array(denseStates * classCount) : new Int32Array(denseStates * classCount);
  for (let s = 0; s < count; s++) {
    for (let t = firstChild[s]!; t < firstChild[s + 1]!; t++) {
      if (s !== 0) {
        const unit = unitOf[t]!;
        let f = fail[s]!;
        let next = f >= denseStates ? childOf(trie, f, unit) : 0;
        while (next === 0 && f >= denseStates) {
          f = fail[f]!;
          if (f >= denseStates) next = childOf(trie, f, unit);
        }
        fail[t] = next !== 0 ? next : dense[f * classCount + classOf[unit]!]! >>> 1;
      }
      nextOut[t] = outLink[fail[t]!]!;
      outLink[t] = patternHead[t] !== NONE ? t : nextOut[t]!;
    }
    if (s < denseStates) {
      const row = s * classCount;
      if (s !== 0) {
        const from = fail[s]! * classCount;
        dense.copyWithin(row, from, from + classCount);
      }
      for (let t = firstChild[s]!; t < firstChild[s + 1]!; t++)
        dense[row + classOf[unitOf[t]!]!] = (t << 1) | (outLink[t] !== 0 ? 1 : 0);
    }
  }

  return {
    stateCount: count,
    scan(codes, length, onHit) {
      // Locals rather than closure variables: the loop below runs once per character of every page.
      const classes = classOf;
      const table = dense;
      const width = classCount;
      const denseCount = denseStates;
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
        if (state < denseCount) {
          const cell = table[state * width + cls]!;
          state = cell >>> 1;
          if ((cell & 1) === 0) continue;
        } else {
          let next = childOf(trie, state, unit);
          while (next === 0 && state >= denseCount) {
            state = failure[state]!;
            if (state >= denseCount) next = childOf(trie, state, unit);
          }
          state = next !== 0 ? next : table[state * width + cls]! >>> 1;
          if (outputs[state] === 0) continue;
        }
        for (let o = outputs[state]!; o !== 0; o = nextOutput[o]!) {
          for (let p = heads[o]!; p !== NONE; p = nexts[p]!) onHit(p, i + 1);
        }
      }
    },
  };
}
