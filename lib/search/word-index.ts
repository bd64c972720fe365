/**
 * The prefilter in front of fuse.js: a dictionary of every word in the searchable fields, kept as a trie over the
 * sorted vocabulary, with the fields each word occurs in.
 *
 * fuse.js scores a pattern against every text it is given (Bitap, a full pass per allowed error), which is fine for a
 * few hundred short names and far too slow for every quote of a fact base 50 times ours. So each query word is first
 * looked up here, within a small edit distance (Levenshtein with transpositions, walked down the trie), as a whole
 * word or, for the word still being typed, as a word prefix. Only fields holding a match for every query word reach
 * fuse.js. Pure: no DOM, no browser.
 *
 * Names and aliases have one index, summaries and quotes another: the popup makes the first while it opens and the
 * second in idle time after (see Search.indexText).
 */

export interface WordRange {
  /** Word ids `[lo, hi)`: ids follow sorted order, so a prefix is one contiguous range. */
  lo: number;
  hi: number;
  /** Edits between the query word and the word (or prefix). */
  dist: number;
}

/** Postings in compressed rows: the fields of word `w` are `fields[start[w] .. start[w + 1])`. */
interface Postings {
  start: Int32Array;
  fields: Int32Array;
}

export interface WordIndex {
  readonly words: readonly string[];
  /** Word id of an exact word, or -1. */
  idOf(word: string): number;
  /** Words within `maxEdits` of `token` (as a whole word, or as a prefix of the word when `prefix`). */
  lookup(token: string, maxEdits: number, prefix: boolean): WordRange[];
  /** Calls `visit` with every field holding word `w`. */
  forEachField(w: number, visit: (field: number) => void): void;
}

/** Words longer than this are not searchable by edit distance (they are still found by exact lookup). */
const MAX_DEPTH = 48;

/**
 * Builds the index. `fieldWords[f]` are the words of field `offset + f`: names and aliases get one index, summaries
 * and quotes another, built later, in one id space.
 */
export function buildWordIndex(fieldWords: readonly (readonly string[])[], offset = 0): WordIndex {
  const ids = new Map<string, number>();
  for (const ws of fieldWords) for (const w of ws) if (!ids.has(w)) ids.set(w, 0);
  const words = [...ids.keys()].sort();
  words.forEach((w, i) => ids.set(w, i));
  const toIds = fieldWords.map((ws) => ws.map((w) => ids.get(w)!));
  const postings = buildPostings(words.length, toIds);
  const trie = buildTrie(words);

  return {
    words,
    idOf: (word) => ids.get(word) ?? -1,
    lookup: (token, maxEdits, prefix) => trie.lookup(token, maxEdits, prefix),
    forEachField(w, visit) {
      const { start, fields } = postings;
      for (let i = start[w]!, end = start[w + 1]!; i < end; i++) visit(offset + fields[i]!);
    },
  };
}

function buildPostings(wordCount: number, fieldWordIds: number[][]): Postings {
  const counts = new Int32Array(wordCount + 1);
  const seen = new Int32Array(wordCount).fill(-1);
  for (let f = 0; f < fieldWordIds.length; f++) {
    for (const w of fieldWordIds[f]!)
      if (seen[w] !== f) {
        seen[w] = f;
        counts[w + 1]!++;
      }
  }
  for (let w = 0; w < wordCount; w++) counts[w + 1]! += counts[w]!;
  const start = counts.slice();
  const fill = counts.slice();
  const fields = new Int32Array(start[wordCount]!);
  seen.fill(-1);
  for (let f = 0; f < fieldWordIds.length; f++) {
    for (const w of fieldWordIds[f]!)
      if (seen[w] !== f) {
        seen[w] = f;
        fields[fill[w]!++] = f;
      }
  }
  return { start, fields };
}

interface Trie {
  lookup(token: string, maxEdits: number, prefix: boolean): WordRange[];
}

/**
 * A trie as parallel arrays (first child, next sibling), built from the sorted vocabulary in one pass. Each node knows
 * the range of word ids below it, so a prefix match yields its whole subtree at once.
 */
function buildTrie(words: readonly string[]): Trie {
  const char: number[] = [0];
  const firstChild: number[] = [-1];
  const lastChild: number[] = [-1];
  const nextSibling: number[] = [-1];
  const lo: number[] = [0];
  const hi: number[] = [words.length];
  const word: number[] = [-1];
  // The path of the previous word, one node per depth, so shared prefixes are reused (words are sorted).
  const path: number[] = [0];
  let previous = '';
  for (let id = 0; id < words.length; id++) {
    const w = words[id]!;
    let common = 0;
    while (common < w.length && common < previous.length && w[common] === previous[common]) common++;
    path.length = common + 1;
    for (let d = common; d < w.length; d++) {
      const parent = path[d]!;
      const node = char.length;
      char.push(w.charCodeAt(d));
      firstChild.push(-1);
      lastChild.push(-1);
      nextSibling.push(-1);
      lo.push(id);
      hi.push(id + 1);
      word.push(-1);
      if (lastChild[parent]! < 0) firstChild[parent] = node;
      else nextSibling[lastChild[parent]!] = node;
      lastChild[parent] = node;
      path.push(node);
    }
    for (let d = 1; d <= w.length; d++) hi[path[d]!] = id + 1;
    word[path[w.length]!] = id;
    previous = w;
  }

  const nodeChar = Uint16Array.from(char);
  const child = Int32Array.from(firstChild);
  const sibling = Int32Array.from(nextSibling);
  const nodeLo = Int32Array.from(lo);
  const nodeHi = Int32Array.from(hi);
  const nodeWord = Int32Array.from(word);

  return {
    lookup(token, maxEdits, prefix) {
      const m = token.length;
      const out: WordRange[] = [];
      if (m === 0) return out;
      const q = new Uint16Array(m);
      for (let j = 0; j < m; j++) q[j] = token.charCodeAt(j);
      const width = m + 1;
      // rows[d * width + j]: edits between token[0..j) and the node's prefix of length d (optimal string alignment).
      const rows = new Uint8Array((MAX_DEPTH + 1) * width);
      const pathChars = new Uint16Array(MAX_DEPTH + 1);
      for (let j = 0; j <= m; j++) rows[j] = j;

      const visit = (node: number, d: number): void => {
        const c = nodeChar[node]!;
        pathChars[d] = c;
        const row = d * width;
        const up = row - width;
        rows[row] = d;
        let best = d;
        for (let j = 1; j <= m; j++) {
          const qj = q[j - 1]!;
          let v = Math.min(rows[up + j]! + 1, rows[row + j - 1]! + 1, rows[up + j - 1]! + (qj === c ? 0 : 1));
          if (j > 1 && d > 1 && qj === pathChars[d - 1] && q[j - 2] === c)
            v = Math.min(v, rows[up - width + j - 2]! + 1);
          rows[row + j] = v;
          if (v < best) best = v;
        }
        const dist = rows[row + m]!;
        if (dist <= maxEdits) {
          // A prefix match at least as long as the token, less its allowed edits, takes the whole subtree at once.
          if (prefix && d >= m - maxEdits) {
            out.push({ lo: nodeLo[node]!, hi: nodeHi[node]!, dist });
            return;
          }
          if (nodeWord[node]! >= 0) out.push({ lo: nodeWord[node]!, hi: nodeWord[node]! + 1, dist });
        }
        if (best > maxEdits || d >= MAX_DEPTH) return;
        for (let k = child[node]!; k >= 0; k = sibling[k]!) visit(k, d + 1);
      };
      for (let k = child[0]!; k >= 0; k = sibling[k]!) visit(k, 1);
      return out;
    },
  };
}
