/**
 * Aho-Corasick automaton over folded patterns (UTF-16 code units): one pass over the text finds every occurrence of
 * every pattern, so scanning time grows with the text, not with the number of aliases.
 *
 * Layout, chosen for a content script that builds it once and scans whole pages:
 * - the root has a dense 64K table, because nearly every step of a scan starts or restarts there;
 * - other states keep their children in one flat array sorted by code unit (most have one or two children);
 * - failure links plus "output links" (the nearest accepting state along the failure chain) report all matches.
 */

/** Above this many children a state is searched by bisection rather than by a linear scan. */
const LINEAR_SCAN_MAX = 8;
const UNITS = 0x10000;
const NONE = -1;

export type HitHandler = (pattern: number, end: number) => void;

export interface Automaton {
  readonly stateCount: number;
  /** Calls onHit(pattern, end) for every occurrence, `end` exclusive, in increasing `end` order. */
  scan(codes: Uint16Array, length: number, onHit: HitHandler): void;
}

export function buildAutomaton(patterns: readonly string[]): Automaton {
  let capacity = 1;
  for (const pattern of patterns) capacity += pattern.length;

  // Build the trie with first-child/next-sibling lists (0 = none; the root is never a child).
  const rootNext = new Int32Array(UNITS);
  const firstChild = new Int32Array(capacity);
  const nextSibling = new Int32Array(capacity);
  const unitOf = new Uint16Array(capacity);
  const patternHead = new Int32Array(capacity).fill(NONE);
  const patternNext = new Int32Array(patterns.length).fill(NONE);
  const inAlphabet = new Uint8Array(UNITS);
  let count = 1;

  const childOf = (state: number, unit: number): number => {
    if (state === 0) return rootNext[unit]!;
    for (let c = firstChild[state]!; c !== 0; c = nextSibling[c]!) if (unitOf[c] === unit) return c;
    return 0;
  };

  patterns.forEach((pattern, id) => {
    if (pattern.length === 0) return; // an empty pattern would match everywhere
    let state = 0;
    for (let i = 0; i < pattern.length; i++) {
      const unit = pattern.charCodeAt(i);
      inAlphabet[unit] = 1;
      let next = childOf(state, unit);
      if (next === 0) {
        next = count++;
        unitOf[next] = unit;
        if (state === 0) rootNext[unit] = next;
        else {
          nextSibling[next] = firstChild[state]!;
          firstChild[state] = next;
        }
      }
      state = next;
    }
    patternNext[id] = patternHead[state]!;
    patternHead[state] = id;
  });

  // Flatten children of non-root states, sorted by code unit, for cache-friendly lookups.
  const edgeStart = new Int32Array(count + 1);
  const edgeUnit = new Uint16Array(count);
  const edgeTo = new Int32Array(count);
  let edges = 0;
  for (let s = 0; s < count; s++) {
    edgeStart[s] = edges;
    if (s === 0) continue;
    for (let c = firstChild[s]!; c !== 0; c = nextSibling[c]!) {
      let j = edges++;
      while (j > edgeStart[s]! && edgeUnit[j - 1]! > unitOf[c]!) {
        edgeUnit[j] = edgeUnit[j - 1]!;
        edgeTo[j] = edgeTo[j - 1]!;
        j--;
      }
      edgeUnit[j] = unitOf[c]!;
      edgeTo[j] = c;
    }
  }
  edgeStart[count] = edges;

  const step = (state: number, unit: number): number => {
    if (state === 0) return rootNext[unit]!;
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
  };

  // Breadth-first: a state's failure target is shallower, so its links are final when we reach the state.
  const fail = new Int32Array(count);
  const outLink = new Int32Array(count); // this state if it accepts, else the nearest accepting one on its chain
  const nextOut = new Int32Array(count); // the next accepting state strictly further along the chain
  const queue = new Int32Array(count);
  let head = 0;
  let tail = 0;
  for (let u = 0; u < UNITS; u++) if (rootNext[u] !== 0) queue[tail++] = rootNext[u]!;
  for (let q = 0; q < tail; q++) {
    const t = queue[q]!;
    outLink[t] = patternHead[t] !== NONE ? t : 0;
  }
  while (head < tail) {
    const s = queue[head++]!;
    for (let e = edgeStart[s]!; e < edgeStart[s + 1]!; e++) {
      const t = edgeTo[e]!;
      const unit = edgeUnit[e]!;
      let f = fail[s]!;
      while (f !== 0 && step(f, unit) === 0) f = fail[f]!;
      fail[t] = step(f, unit);
      nextOut[t] = outLink[fail[t]!]!;
      outLink[t] = patternHead[t] !== NONE ? t : nextOut[t]!;
      queue[tail++] = t;
    }
  }

  return {
    stateCount: count,
    scan(codes, length, onHit) {
      let state = 0;
      for (let i = 0; i < length; i++) {
        const unit = codes[i]!;
        if (inAlphabet[unit] === 0) {
          state = 0; // no pattern contains this unit: every partial match dies here
          continue;
        }
        let next = step(state, unit);
        while (next === 0 && state !== 0) {
          state = fail[state]!;
          next = step(state, unit);
        }
        state = next;
        for (let o = outLink[state]!; o !== 0; o = nextOut[o]!) {
          for (let p = patternHead[o]!; p !== NONE; p = patternNext[p]!) onHit(p, i + 1);
        }
      }
    },
  };
}
