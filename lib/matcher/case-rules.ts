/**
 * Case rules, checked on the original text after a case-folded match: folding finds "turkey" for "Turkey", and these
 * rules decide whether that is the country or the bird.
 */

import { ALIAS_EXACT_CASE } from '../factbase/types';
import { CASELESS, UPPER, caseOfUnit } from './char-kinds';

export type CaseRule =
  /** Starts lowercase (pan-Turkism): any case matches. */
  | { kind: 'any' }
  /** Starts uppercase (Turkey): the first letter on the page must be uppercase too; "ERDOĞAN" headlines pass. */
  | { kind: 'capitalized' }
  /** Acronyms (OTS, TANAP) and `exact-case` aliases: each cased letter must have the alias's case. */
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

/** An alias with two or more cased letters, all uppercase, is an acronym. */
function isAcronym(cases: Uint8Array): boolean {
  return cases.length >= 2 && cases.every((c) => c === UPPER);
}

export function caseRuleFor(alias: string, flags: number): CaseRule {
  const cases = casesOf(alias);
  if ((flags & ALIAS_EXACT_CASE) !== 0 || isAcronym(cases)) return { kind: 'exact', cases };
  if (cases[0] === UPPER) return CAPITALIZED;
  return ANY;
}

export function isExactCase(rule: CaseRule): boolean {
  return rule.kind === 'exact';
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
    if (j >= cases.length || cases[j] !== c) return false;
    j++;
  }
  return j === cases.length;
}
