/**
 * Finds fact-base names in page text: fold the text, walk a trie of the folded aliases from each word start, then keep
 * the hits that pass the rules checked on the original text (word boundaries, case, morphology, disambiguation evidence, `near`)
 * and do not overlap. Pure: no DOM; the content script hands in text and maps offsets back to its nodes.
 */

import type { AliasIndex } from '../factbase/types';
import type { MatchingRules } from '../factbase/matching-rules';
import { caseAllows } from './case-rules';
import { isWordCharAt, skipMarks } from './char-kinds';
import { endingsAt } from './ending-trie';
import { endsInHashtag, mayStartHashtag } from './hashtag';
import { insideAddressOrHandle } from './web-address';
import { inLowercaseStretch, needsCompany, lowercaseMayMatch, mayModifyNextWord } from './lowercase-text';
import { inInformalLine } from './informal-line';
import { applyRules, batchText, buildRuleTables, NO_GLOSS, type BatchText, type RuledCandidate } from './disambiguate';
import { foldCodesInto, skipDropped, type FoldedCodes } from './fold';
import { newPageContext, type PageContext } from './page-context';
import { compilePatterns, type Pattern } from './patterns';
import { PatternEndings } from './pattern-endings';
import { selectMatches } from './select';
import { buildWordTrie, type WordTrie } from './word-trie';
import { NEAR_RUN_CHARS } from './wire';

export { foldText, foldAlias } from './fold';
export { newPageContext, type PageContext } from './page-context';

/** A few sentences: how close an ambiguous alias (TAP, Anka, Star) must be to an unambiguous mention to count. */
const DEFAULT_NEAR_WINDOW = 400;

export interface Match {
  /** Offsets into the original text, end exclusive. */
  start: number;
  end: number;
  /** Index into AliasIndex.entities. */
  entity: number;
  /** Index into AliasIndex.aliases. */
  alias: number;
  /** The evidence a disambiguation rule used, in words ("after “President”", "near “drone”"), when one decided. */
  why?: string;
  /** Namesakes the page did not tell apart (Heydar or Ilham Aliyev): other entity indexes the words may mean. */
  or?: number[];
}

interface MatcherOptions {
  nearWindow?: number;
  /** Morphology and disambiguation rules (data/matching-rules.json); without them aliases match as written. */
  rules?: MatchingRules;
}

export interface Matcher {
  /** Matches sorted by start, never overlapping. Never throws, whatever the text. */
  find(text: string): Match[];
  /**
   * Matches for each text of a batch from one page, in page order: evidence in one text (a full name before a bare
   * surname, an acronym spelled out) counts for the others and, through `context`, for later batches.
   */
  findInPage(texts: readonly string[], context: PageContext): Match[][];
}

export function createMatcher(index: AliasIndex, options: MatcherOptions = {}): Matcher {
  const patterns = compilePatterns(index, options.rules);
  const tables = buildRuleTables(index, patterns, options.rules);
  const trie = buildWordTrie(patterns.map((p) => p.text));
  const endings = new PatternEndings(patterns);
  const nearWindow = Math.max(0, options.nearWindow ?? options.rules?.windows.near ?? DEFAULT_NEAR_WINDOW);
  const scratch = new FoldScratch();
  const findInPage = (texts: readonly string[], context: PageContext): Match[][] => {
    const batch: BatchText[] = [];
    const candidates: RuledCandidate[] = [];
    let order = context.offset;
    const buffers = scratch.reserve(texts);
    let at = 0;
    texts.forEach((text, i) => {
      const valid = typeof text === 'string' ? text : '';
      // Each text folds into its own stretch of one buffer: the batch's folded text is read until the rules are done.
      const folded = foldCodesInto(
        valid,
        buffers.codes.subarray(at, at + valid.length),
        buffers.map.subarray(at + i, at + i + valid.length + 1),
        buffers.starts.subarray(at, at + valid.length),
      );
      at += valid.length;
      batch.push(batchText(valid, folded));
      if (valid.length && patterns.length)
        collectCandidates(valid, folded, trie, patterns, endings, i, order, candidates);
      order += valid.length + 1;
    });
    context.offset = order;
    const kept = applyRules(tables, batch, candidates, context);
    const place = nearPlaces(texts);
    for (let i = 0; i < kept.length; i++) kept[i]!.place = place[kept[i]!.text]! + kept[i]!.start;
    return selectMatches(kept, texts.length, nearWindow, context.marked);
  };
  return {
    find(text) {
      if (typeof text !== 'string' || text.length === 0 || patterns.length === 0) return [];
      return findInPage([text], newPageContext())[0]!;
    },
    findInPage,
  };
}

/** Batches up to this many characters fold into buffers kept for the next batch; a bigger one gets its own. */
const KEPT_SCRATCH_CHARS = 1 << 19;

/**
 * The folded text of a batch, in buffers reused from batch to batch: folding allocated six bytes per character of
 * every page, and collecting that garbage cost more than the rules. The matcher is synchronous, so one is enough.
 */
class FoldScratch {
  private codes = new Uint16Array(0);
  private map = new Uint32Array(0);
  private starts = new Uint32Array(0);

  reserve(texts: readonly string[]): { codes: Uint16Array; map: Uint32Array; starts: Uint32Array } {
    let chars = 0;
    for (const text of texts) chars += typeof text === 'string' ? text.length : 0;
    const mapLength = chars + texts.length;
    if (chars > KEPT_SCRATCH_CHARS)
      return { codes: new Uint16Array(chars), map: new Uint32Array(mapLength), starts: new Uint32Array(chars) };
    if (this.codes.length < chars) {
      const size = Math.max(chars, 2 * this.codes.length, 4096);
      this.codes = new Uint16Array(size);
      this.starts = new Uint32Array(size);
    }
    if (this.map.length < mapLength) this.map = new Uint32Array(Math.max(mapLength, 2 * this.map.length, 4096));
    return { codes: this.codes, map: this.map, starts: this.starts };
  }
}

/** Scratch for the ending lengths found after a hit, grown to the longest ending seen. */
let endingScratch = new Int32Array(64);
const endingLengths = (depth: number) =>
  endingScratch.length >= depth ? endingScratch : (endingScratch = new Int32Array(depth));

/** Farther apart than any near window: texts in different places never vouch for each other. */
const APART = 1 << 24;

/**
 * Where each text sits for `near`: a long text stands alone (its own sentences are its context), while a run of
 * short texts (a weather box, an "other news" list) is one context: Түркістан in a weather box is the city because
 * Астана and Шымкент are in the lines above it, but a sidebar does not vouch for a recipe's "Turkey".
 */
function nearPlaces(texts: readonly string[]): number[] {
  const places: number[] = [];
  let at = 0;
  let inRun = false;
  texts.forEach((text, i) => {
    const short = typeof text === 'string' && text.length < NEAR_RUN_CHARS;
    if (!(short && inRun)) at = (i + 1) * APART;
    places.push(at);
    at += (typeof text === 'string' ? text.length : 0) + 1;
    inRun = short;
  });
  return places;
}

function collectCandidates(
  text: string,
  folded: FoldedCodes,
  trie: WordTrie,
  patterns: readonly Pattern[],
  endings: PatternEndings,
  textIndex: number,
  order: number,
  candidates: RuledCandidate[],
): void {
  const { codes, length, map } = folded;

  /** Original offset just after the folded unit before `foldedEnd`, with its combining marks. */
  const originalEnd = (foldedEnd: number): number => skipDropped(text, skipMarks(text, map[foldedEnd - 1]! + 1));

  // Every hit starts a word: the walk begins only where the original text has no letter, digit or mark before.
  trie.scan(codes, length, folded.starts, folded.startCount, (id, foldedStart, foldedEnd) => {
    // The ending that reaches a word boundary (longest first: "Токаевым", not "Токаев" + "ы"); none at all last.
    // In a hashtag a number is a boundary too (hashtag.ts).
    const pattern = patterns[id]!;
    const start = map[foldedStart]!;
    const hashtag = start > 0 && mayStartHashtag(text.charCodeAt(start - 1));
    let end = -1;
    let matchedEnd = foldedEnd;
    const endingTrie = foldedEnd < length ? endings.trieBefore(id, codes[foldedEnd]!) : null;
    if (endingTrie !== null) {
      const found = endingLengths(endingTrie.depth);
      for (let j = endingsAt(endingTrie, codes, length, foldedEnd, found) - 1; j >= 0; j--) {
        const e = originalEnd(foldedEnd + found[j]!);
        if (!isWordCharAt(text, e) || (hashtag && endsInHashtag(text, e))) {
          end = e;
          matchedEnd = foldedEnd + found[j]!;
          break;
        }
      }
    }
    if (end < 0 && endings.mayStandBare(id)) {
      const e = originalEnd(foldedEnd);
      if (!isWordCharAt(text, e) || (hashtag && endsInHashtag(text, e))) end = e;
    }
    if (end < 0) return;
    // In a web address, an e-mail address or a handle a name names the address, not the place (web-address.ts).
    if (insideAddressOrHandle(text, start, end)) return;
    // A name typed in lowercase counts only in a stretch typed so; a short one only near another (select.ts).
    let lowercase = false;
    let lowercaseAnchor = false;
    let lowercaseAdjective = false;
    if (!caseAllows(pattern.caseRule, text, start, end)) {
      if (pattern.lowercaseWord || !lowercaseMayMatch(pattern.caseRule, pattern.near, text, start, end)) return;
      // A hashtag that is exactly the name is typed in any case (hashtag.ts): #baku, #ortakoridor.
      if (!hashtag) {
        // A country's name in a language of the region is no common word there: lowercase, it is still the country,
        // and in a stretch typed so it vouches for the other names there (select.ts); in a line typed informally any
        // country's name does. Bare before a lowercase word it may be the people's adjective instead ("azərbaycan
        // dili", the language): then it needs company and vouches for none.
        lowercaseAdjective =
          pattern.adjectiveToo && mayModifyNextWord(text, end, matchedEnd - foldedStart === pattern.key.length);
        const stretch = inLowercaseStretch(text, start, end) || inInformalLine(text, start, end);
        const alone = !lowercaseAdjective && (pattern.lowercaseAlone || (stretch && pattern.lowercaseCountry));
        if (!stretch && !alone) return;
        lowercase = !alone && (lowercaseAdjective || needsCompany(text, start, end));
        lowercaseAnchor = alone && stretch;
      }
    }
    candidates.push({
      text: textIndex,
      start,
      end,
      foldedStart,
      foldedEnd: matchedEnd,
      order: order + start,
      place: 0,
      pattern,
      // Every candidate has the fields a rule may set, so all share one shape for the code that reads them.
      why: undefined,
      or: undefined,
      lowercase,
      lowercaseAnchor,
      lowercaseAdjective,
      anchorOnly: false,
      gloss: NO_GLOSS,
    });
  });
}
