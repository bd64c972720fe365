/**
 * Case rules, checked on the original text after a case-folded match: folding finds "turkey" for "Turkey", and these
 * rules decide whether that is the country or the bird.
 */

import { ALIAS_EXACT_CASE } from '../factbase/types';
import { CASELESS, LOWER, UPPER, caseOfUnit } from './char-kinds';

export type CaseRule =
  /** Starts lowercase (pan-Turkism): any case matches. */
  | { kind: 'any' }
  /** Starts uppercase (Turkey): the first letter on the page must be uppercase too; "ERDOĞAN" headlines pass. */
  | { kind: 'capitalized' }
  /**
   * Acronyms (OTS, TANAP) and `exact-case` aliases: each cased letter must have the alias's case; letters after them
   * are an ending written solid onto an acronym (TDTning, ЖККУнун), in lowercase.
   */
  | { kind: 'exact'; cases: Uint8Array };

const ANY: CaseRule = { kind: 'any' };
const CAPITALIZED: CaseRule = { kind: 'capitalized' };

function casesOf(text: string): Uint8Array {
  const cases: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = caseOfUnit(text.charCodeAt(i));
    if (c !== CASELESS) cases.push(c);
  }
  return Uint8Array.from(cases);
}

/**
 * The rule for an alias, reading its letters once: only an exact rule keeps their cases, so the build allocates
 * nothing for the thousands of other aliases. An alias with two or more cased letters, all uppercase, is an acronym.
 */
export function caseRuleFor(alias: string, flags: number): CaseRule {
  if ((flags & ALIAS_EXACT_CASE) !== 0) return { kind: 'exact', cases: casesOf(alias) };
  let first = CASELESS;
  let cased = 0;
  // Up to the first letter that is not uppercase, which settles it: most aliases ("Turkey") are read two letters in.
  for (let i = 0; i < alias.length; i++) {
    const c = caseOfUnit(alias.charCodeAt(i));
    if (c === CASELESS) continue;
    if (cased++ === 0) first = c;
    if (c !== UPPER) return first === UPPER ? CAPITALIZED : ANY;
  }
  if (cased >= 2) return { kind: 'exact', cases: casesOf(alias) };
  return first === UPPER ? CAPITALIZED : ANY;
}

export function isExactCase(rule: CaseRule): boolean {
  return rule.kind === 'exact';
}

/** The fewest letters of an acronym that takes endings: "AB" + "D" is not an ending, but the Turkish "ABD". */
const MIN_INFLECTED_ACRONYM = 3;

/**
 * Whether an exact-case alias is an acronym that takes its language's endings, written solid in lowercase (Uzbek
 * "TDTning", Kyrgyz "ЖККУнун"; the case check compares the acronym's letters, not the ending's).
 */
export function takesEndings(rule: CaseRule): boolean {
  if (rule.kind !== 'exact' || rule.cases.length < MIN_INFLECTED_ACRONYM) return false;
  for (let i = 0; i < rule.cases.length; i++) if (rule.cases[i] !== UPPER) return false;
  return true;
}

/** Whether text[start, end) satisfies the rule. Allocation-free: it runs on every candidate. */
export function caseAllows(rule: CaseRule, text: string, start: number, end: number): boolean {
  if (rule.kind === 'any') return true;
  if (rule.kind === 'capitalized') {
    for (let i = start; i < end; i++) {
      const c = caseOfUnit(text.charCodeAt(i));
      if (c !== CASELESS) return c === UPPER;
    }
    return true;
  }
  const { cases } = rule;
  let j = 0;
  for (let i = start; i < end; i++) {
    const c = caseOfUnit(text.charCodeAt(i));
    if (c === CASELESS) continue;
    if (j >= cases.length) {
      if (c !== LOWER) return false;
      continue;
    }
    if (cases[j] !== c) return false;
    j++;
  }
  return j === cases.length;
}
