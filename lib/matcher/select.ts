/**
 * Chooses the reported matches among candidates: ambiguous (`near`) aliases only next to an unambiguous mention,
 * then leftmost first, longest at each start, never overlapping.
 */

export interface Candidate {
  start: number;
  end: number;
  entity: number;
  alias: number;
  near: boolean;
}

function byStartThenLongest(a: Candidate, b: Candidate): number {
  return a.start - b.start || b.end - a.end || a.alias - b.alias;
}

/** Candidates must already be sorted by byStartThenLongest. */
function leftmostLongest(sorted: readonly Candidate[]): Candidate[] {
  const chosen: Candidate[] = [];
  let lastEnd = -1;
  for (const c of sorted) {
    if (c.start < lastEnd) continue;
    chosen.push(c);
    lastEnd = c.end;
  }
  return chosen;
}

/**
 * Whether some anchor lies within `window` characters of `c` without overlapping it (an ambiguous alias cannot
 * vouch for itself through a name it contains). Anchors are sorted and disjoint, so their ends increase too.
 */
function hasAnchorNear(anchors: readonly Candidate[], c: Candidate, window: number): boolean {
  let lo = 0;
  let hi = anchors.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (anchors[mid]!.end < c.start - window) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < anchors.length; i++) {
    const a = anchors[i]!;
    if (a.start > c.end + window) break;
    if (a.end <= c.start || a.start >= c.end) return true;
  }
  return false;
}

export function selectMatches(candidates: Candidate[], nearWindow: number): Candidate[] {
  candidates.sort(byStartThenLongest);
  if (!candidates.some((c) => c.near)) return leftmostLongest(candidates);
  const anchors = leftmostLongest(candidates.filter((c) => !c.near));
  const kept = candidates.filter((c) => !c.near || hasAnchorNear(anchors, c, nearWindow));
  return leftmostLongest(kept);
}
