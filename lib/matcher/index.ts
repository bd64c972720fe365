/**
 * Finds fact-base names in page text: fold the text, run one Aho-Corasick pass over it, then keep the hits that
 * pass the rules checked on the original text (word boundaries, case, Russian endings, `near`) and do not overlap.
 * Pure: no DOM; the content script hands in text and maps offsets back to its nodes.
 */

import type { AliasIndex } from '../factbase/types';
import { buildAutomaton, type Automaton } from './automaton';
import { caseAllows } from './case-rules';
import { isWordCharAt, isWordCharBefore, skipMarks } from './char-kinds';
import { foldCodes, type FoldedCodes } from './fold';
import { compilePatterns, type Pattern } from './patterns';
import { hasEndingAt } from './russian-endings';
import { selectMatches, type Candidate } from './select';

export { foldText, foldAlias } from './fold';

/** A few sentences: how close an ambiguous alias (TAP, Anka, Star) must be to an unambiguous mention to count. */
export const DEFAULT_NEAR_WINDOW = 400;

export interface Match {
  /** Offsets into the original text, end exclusive. */
  start: number;
  end: number;
  /** Index into AliasIndex.entities. */
  entity: number;
  /** Index into AliasIndex.aliases. */
  alias: number;
}

export interface MatcherOptions {
  nearWindow?: number;
}

export interface Matcher {
  /** Matches sorted by start, never overlapping. Never throws, whatever the text. */
  find(text: string): Match[];
}

export function createMatcher(index: AliasIndex, options: MatcherOptions = {}): Matcher {
  const patterns = compilePatterns(index.aliases);
  return matcherFrom(patterns, buildAutomaton(patterns.map((p) => p.text)), options);
}

function matcherFrom(patterns: readonly Pattern[], automaton: Automaton, options: MatcherOptions): Matcher {
  const nearWindow = Math.max(0, options.nearWindow ?? DEFAULT_NEAR_WINDOW);
  return {
    find(text) {
      if (typeof text !== 'string' || text.length === 0 || patterns.length === 0) return [];
      const candidates = collectCandidates(text, foldCodes(text), automaton, patterns);
      return selectMatches(candidates, nearWindow).map(({ start, end, entity, alias }) => ({
        start,
        end,
        entity,
        alias,
      }));
    },
  };
}

function collectCandidates(
  text: string,
  folded: FoldedCodes,
  automaton: Automaton,
  patterns: readonly Pattern[],
): Candidate[] {
  const { codes, length, map } = folded;
  const candidates: Candidate[] = [];

  /** Original offset just after the folded unit before `foldedEnd`, with its combining marks. */
  const originalEnd = (foldedEnd: number): number => skipMarks(text, map[foldedEnd - 1]! + 1);

  /** Original end of the match, or -1 when no allowed ending reaches a word boundary. */
  const boundedEnd = (pattern: Pattern, foldedEnd: number): number => {
    if (pattern.endings === null) {
      const end = originalEnd(foldedEnd);
      return isWordCharAt(text, end) ? -1 : end;
    }
    for (const ending of pattern.endings) {
      if (!hasEndingAt(codes, length, foldedEnd, ending)) continue;
      const end = originalEnd(foldedEnd + ending.length);
      if (!isWordCharAt(text, end)) return end;
    }
    return -1;
  };

  automaton.scan(codes, length, (id, foldedEnd) => {
    const pattern = patterns[id]!;
    const start = map[foldedEnd - pattern.text.length]!;
    if (isWordCharBefore(text, start)) return;
    const end = boundedEnd(pattern, foldedEnd);
    if (end < 0 || !caseAllows(pattern.caseRule, text, start, end)) return;
    candidates.push({ start, end, entity: pattern.entity, alias: pattern.alias, near: pattern.near });
  });
  return candidates;
}
