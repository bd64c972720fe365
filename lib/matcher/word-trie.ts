/**
 * Finds the folded patterns (UTF-16 code units) that start where a word of the page starts: a trie walked from each
 * word start the fold found (fold.ts, `starts`). A name never starts inside a word, so there is nothing to find
 * elsewhere; an Aho-Corasick automaton stepped through every character of the page and reported every alias hidden
 * inside other words, all to be thrown away.
 *
 * Layout, chosen for a matcher the background builds once per session and that scans whole pages:
 * - code units that occur in patterns get small class numbers (0 = in no pattern, which ends a walk);
 * - states are numbered breadth first, so a state's children are consecutive states sorted by code unit, and the
 *   shallow states, where nearly every walk ends, are simply the first ones: they get dense rows, one cell per
 *   class, so most steps are one array read; deeper states search their children;
 * - a dense cell holds the child doubled, plus one when a pattern ends there (0: no child, the walk ends).
 */

/**
 * Budget for the dense rows, in cells: the first 880 or so states of a real alias list (150 classes), 256 KB. A cell
 * is 16 bits while every state number, doubled, fits (a real list has some 26,000 states). Four times as many rows
 * scanned no faster: a walk rarely goes past the first two letters of a word.
 */
const DENSE_CELLS = 1 << 17;
/** Above this many children a state is searched by bisection rather than by a linear scan. */
const LINEAR_SCAN_MAX = 8;
const UNITS = 0x10000;
const NONE = -1;

type HitHandler = (pattern: number, start: number, end: number) => void;

export interface WordTrie {
  readonly stateCount: number;
  /**
   * Calls onHit(pattern, start, end) for every pattern spelled by codes[start, end) where `start` is one of
   * starts[0 .. startCount); in order of start, then of end; equal patterns from the highest index down.
   */
  scan(codes: Uint16Array, length: number, starts: Uint32Array, startCount: number, onHit: HitHandler): void;
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

/** Ids below this fit in a sort key's low bits, under the first two units (32 bits): 53 bits, a double's integers. */
const ID_SPAN = 1 << 21;

/**
 * The patterns' ids in the code-unit order of their texts, equal texts by id. Sorted as numbers first, natively, by
 * their first two units with the id below them, and then each run of the same first two units by the whole text: a
 * comparator called for every comparison of some three thousand patterns was a tenth of a build.
 */
function sortedIds(patterns: readonly string[]): number[] {
  const n = patterns.length;
  const compare = byCodeUnits(patterns);
  if (n >= ID_SPAN) return Array.from(patterns.keys()).sort(compare);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = patterns[i]!;
    // A missing unit counts as 0, below every unit, as a string that ends sorts before its longer forms.
    const prefix = (p.length > 0 ? p.charCodeAt(0) * 0x10000 : 0) + (p.length > 1 ? p.charCodeAt(1) : 0);
    keys[i] = prefix * ID_SPAN + i;
  }
  keys.sort();
  const ids = new Array<number>(n);
  for (let i = 0; i < n; i++) ids[i] = keys[i]! % ID_SPAN;
  for (let start = 0; start < n;) {
    const prefix = Math.floor(keys[start]! / ID_SPAN);
    let end = start + 1;
    while (end < n && Math.floor(keys[end]! / ID_SPAN) === prefix) end++;
    if (end - start > 1) {
      const run = ids.slice(start, end).sort(compare);
      for (let i = 0; i < run.length; i++) ids[start + i] = run[i]!;
    }
    start = end;
  }
  return ids;
}

/**
 * Inserts the patterns in sorted order, so each shares its prefix with the one before: no state searches its
 * children while the trie grows, and children come out sorted. Then renumbers the states breadth first.
 */
function buildTrie(patterns: readonly string[]): Trie {
  let capacity = 1;
  for (let i = 0; i < patterns.length; i++) capacity += patterns[i]!.length;
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
  const sorted = sortedIds(patterns);
  const path = new Int32Array(capacity + 1); // path[d]: the state at depth d of the previous pattern
  let previousLength = 0;
  // Each text's length and units read once, and compared with the previous pattern's units in the trie (its path):
  // the texts are strings of several layouts (sliced stems, two-byte Cyrillic), so every `.length`, `[i]` or
  // `charCodeAt` went through the engine's generic property lookup, the larger part of the trie's build.
  for (let i = 0; i < sorted.length; i++) {
    const id = sorted[i]!;
    const pattern = patterns[id]!;
    const length = pattern.length;
    if (length === 0) continue; // an empty pattern would match everywhere
    let shared = 0;
    const most = Math.min(length, previousLength);
    while (shared < most && pattern.charCodeAt(shared) === unit[path[shared + 1]!]) shared++;
    for (let d = shared; d < length; d++) {
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
    const end = path[length]!;
    patternNext[id] = heads[end]!;
    heads[end] = id;
    previousLength = length;
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
export function buildWordTrie(patterns: readonly string[], denseCells = DENSE_CELLS): WordTrie {
  const trie = buildTrie(patterns);
  const { count, classOf, classCount, firstChild, unitOf, patternHead, patternNext } = trie;
  const denseStates = Math.min(count, Math.max(1, Math.floor(denseCells / classCount)));
  const dense = count < 0x8000 ? new Uint16Array(denseStates * classCount) : new Int32Array(denseStates * classCount);
  for (let s = 0; s < denseStates; s++) {
    const row = s * classCount;
    for (let t = firstChild[s]!; t < firstChild[s + 1]!; t++)
      dense[row + classOf[unitOf[t]!]!] = (t << 1) | (patternHead[t] !== NONE ? 1 : 0);
  }

  return {
    stateCount: count,
    scan(codes, length, starts, startCount, onHit) {
      // Locals rather than closure variables: the loop below runs for every word of every page.
      const classes = classOf;
      const table = dense;
      const width = classCount;
      const denseCount = denseStates;
      const heads = patternHead;
      const nexts = patternNext;
      for (let s = 0; s < startCount; s++) {
        const start = starts[s]!;
        // The first step, from the root (always a dense row), apart: most walks end on the first or second unit.
        let cell = table[classes[codes[start]!]!]!;
        if (cell === 0) continue;
        let state = cell >>> 1;
        if ((cell & 1) !== 0) for (let p = heads[state]!; p !== NONE; p = nexts[p]!) onHit(p, start, start + 1);
        for (let i = start + 1; i < length; i++) {
          const unit = codes[i]!;
          const cls = classes[unit]!;
          if (state < denseCount) {
            cell = table[state * width + cls]!;
            if (cell === 0) break;
            state = cell >>> 1;
            if ((cell & 1) === 0) continue;
          } else {
            state = childOf(trie, state, unit);
            if (state === 0) break;
            if (heads[state] === NONE) continue;
          }
          for (let p = heads[state]!; p !== NONE; p = nexts[p]!) onHit(p, start, i + 1);
        }
      }
    },
  };
}
