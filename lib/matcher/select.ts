/**
 * Chooses the reported matches among candidates: ambiguous (`near`) aliases only next to an unambiguous mention,
 * then leftmost first, longest at each start, never overlapping. Positions are page places (see `nearPlaces` in
 * index.ts), so that the short texts of a list vouch for each other; one sort serves every step.
 */
import { sortNearlySorted } from './sort-nearly-sorted';

interface Candidate {
  /** Which text of the batch, and the offsets in it. */
  text: number;
  start: number;
  end: number;
  /** Page place of `start`: texts far apart on the page are far apart here. */
  place: number;
  pattern: { entity: number; alias: number; near: boolean; ruled: boolean };
  why?: string;
  or?: number[];
  /** Typed in lowercase (lowercase-text.ts): it needs another name near, as an ambiguous alias does. */
  lowercase: boolean;
  /** Typed in lowercase and needing no company (a country's name): it vouches for those that do. */
  lowercaseAnchor: boolean;
  /**
   * Typed in lowercase where it may be its people's adjective ("қытай шайы", Chinese tea): it counts only before
   * another name ("azerbaycan turkiye bir millet"), and vouches for none.
   */
  lowercaseAdjective: boolean;
  /** Not marked, but an anchor for ambiguous names near it (a name inside a longer name: longer-name.ts). */
  anchorOnly: boolean;
}

interface Selected {
  start: number;
  end: number;
  entity: number;
  alias: number;
  why?: string;
  or?: number[];
}

const lengthOf = (c: Candidate) => c.end - c.start;

/** Equal places are in one text, so ends compare there. */
function byPlaceThenLongest(a: Candidate, b: Candidate): number {
  return a.place - b.place || b.end - a.end || a.pattern.alias - b.pattern.alias;
}

/** The unambiguous candidates chosen leftmost-longest (they must be sorted by byPlaceThenLongest). */
function anchorsOf(sorted: readonly Candidate[]): Candidate[] {
  const chosen: Candidate[] = [];
  let lastEnd = -1;
  for (let i = 0; i < sorted.length; i++) {
    const c = sorted[i]!;
    if (isAmbiguous(c) || c.lowercaseAdjective || c.place < lastEnd) continue;
    chosen.push(c);
    lastEnd = c.place + lengthOf(c);
  }
  return chosen;
}

/**
 * Whether some anchor lies within `window` characters of `c` without overlapping it (an ambiguous alias cannot
 * vouch for itself through a name it contains). Anchors are sorted and disjoint, so their ends increase too.
 */
function hasAnchorNear(anchors: readonly Candidate[], c: Candidate, window: number): boolean {
  const start = c.place;
  const end = c.place + lengthOf(c);
  let lo = 0;
  let hi = anchors.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const a = anchors[mid]!;
    if (a.place + lengthOf(a) < start - window) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < anchors.length; i++) {
    const a = anchors[i]!;
    if (a.place > end + window) break;
    if (a.place + lengthOf(a) <= start || a.place >= end) return true;
  }
  return false;
}

/**
 * The most units between a lowercase country's name and the next name for the two to be one list: a space, or a
 * joining word of up to three letters between spaces (" ve ", " и ", " and ", " мен "). A head noun ("dili", "шайы")
 * is longer, and a name after a short one ("қытай шай") is rare.
 */
const LIST_GAP = 5;

/**
 * Whether another candidate starts at most LIST_GAP units after candidates[i] ends, in the same text: a lowercase
 * country's name before another name is one of a list, not an adjective before its noun. Candidates are sorted by
 * place, and texts are far apart in places.
 */
function nameFollows(candidates: readonly Candidate[], i: number): boolean {
  const c = candidates[i]!;
  const end = c.place + lengthOf(c);
  for (let j = i + 1; j < candidates.length && candidates[j]!.place <= end + LIST_GAP; j++)
    if (candidates[j]!.place > end) return true;
  return false;
}

/** An ambiguous alias no rule decided: it vouches for nothing. */
const isAmbiguous = (c: Candidate) => c.pattern.near && c.why === undefined;
/**
 * What needs an anchor near: an ambiguous alias, and a name typed in lowercase, which needs another name typed in
 * lowercase (two names in one lowercase query or comment vouch for each other; neither vouches for itself). A
 * country's name that counts alone in lowercase (Pattern.lowercaseAlone) vouches for them too.
 */
const isNear = (c: Candidate) => (c.pattern.near || c.lowercase) && c.why === undefined;
const isLowercase = (c: Candidate) => (c.lowercase || c.lowercaseAnchor) && c.why === undefined;

/**
 * Whether a name typed in lowercase that needs company means an entity the page has already marked: a
 * comment or a chat line names what the page or the thread above it is about ("dont park near the flame towers in
 * baku" in a thread that named Baku). Not an ambiguous alias, nor one a rule decides (a bare surname, a port
 * town), nor a people's adjective, whose lowercase forms are other words or other people as often.
 */
const meansMarked = (c: Candidate, marked: ReadonlySet<number>) =>
  c.lowercase && !c.lowercaseAdjective && !c.pattern.near && !c.pattern.ruled && marked.has(c.pattern.entity);

/**
 * The matches of each of `textCount` texts, sorted, never overlapping. `marked` holds the entities the page has
 * marked so far by a name no ambiguity left open (PageContext.marked); the batch's own are added to it.
 */
export function selectMatches(
  candidates: Candidate[],
  textCount: number,
  nearWindow: number,
  marked: Set<number>,
): Selected[][] {
  // They come by text and start (see applyRules): only those sharing a start are out of order.
  sortNearlySorted(candidates, byPlaceThenLongest);
  const anchors = candidates.some(isNear) ? anchorsOf(candidates) : null;
  // A name typed in lowercase needs another typed so: a capitalised name in the next item of a list says nothing
  // about a lowercase word ("түрік немесе әзербайжан тілін", the Azerbaijani language, under a job's other lines).
  const lowercaseAnchors = anchors && candidates.some(isLowercase) ? anchors.filter(isLowercase) : null;
  // A plain loop: Array.from over an array-like object showed in profiles of the page loop.
  const perText: Selected[][] = [];
  for (let i = 0; i < textCount; i++) perText.push([]);
  // Leftmost-longest among the candidates kept: every unambiguous one, and the ambiguous ones near an anchor.
  let lastEnd = -1;
  // Index loops over the candidates: Node's engine allocated an iterator result per step of a for-of here.
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    if (c.place < lastEnd || c.anchorOnly || (c.lowercaseAdjective && !nameFollows(candidates, i))) continue;
    if (
      anchors &&
      isNear(c) &&
      !hasAnchorNear(isLowercase(c) ? lowercaseAnchors! : anchors, c, nearWindow) &&
      !meansMarked(c, marked)
    )
      continue;
    lastEnd = c.place + lengthOf(c);
    perText[c.text]!.push(selected(c));
    if (!isAmbiguous(c)) marked.add(c.pattern.entity);
  }
  return perText;
}

/**
 * The match for a kept candidate, each of its four shapes one literal. Adding `why` or `or` to a made object changed
 * its map, and reading the length of `or` there did too: the page loop, which the engine compiles with this inlined,
 * bailed out at either on every page that had one and finished the page in the interpreter. `or` is never empty
 * (`offer` in disambiguate.ts sets it only with other namesakes), so being there is enough.
 */
function selected(c: Candidate): Selected {
  const { start, end, why, or } = c;
  const { entity, alias } = c.pattern;
  if (or !== undefined) return why ? { start, end, entity, alias, why, or } : { start, end, entity, alias, or };
  return why ? { start, end, entity, alias, why } : { start, end, entity, alias };
}
