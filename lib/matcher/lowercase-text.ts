/**
 * Text typed all in lowercase (comments, search queries, machine transcripts: "prezident aliyev ve erdogan …",
 * "it goes baku tbilisi and then under the sea") writes names in lowercase too. A name the fact base capitalises may
 * match in lowercase only inside such a stretch; in ordinary text a lowercase "turkey" or "georgia" stays the common
 * word, so the stretch must show that its writer capitalises nothing, not just that a name is lowercase.
 */

import { caseOfUnit, CASELESS, LOWER, UPPER, isWordUnit } from './char-kinds';
import type { CaseRule } from './case-rules';

/**
 * A stretch of fewer words says too little about its writer: a tag ("roast turkey"), a file name, a slug. Four words
 * with no capital among them is a sentence, a query or a comment typed in lowercase.
 */
const MIN_WORDS = 4;

/** How far either side of a name the stretch is read: a long lowercase run needs no more to tell what it is. */
const MAX_READ = 400;

/** An acronym of fewer letters is too often another word in lowercase (eu, btc, ots); SOCAR, TANAP, BOTAŞ are not. */
const MIN_LOWERCASE_ACRONYM = 4;

/**
 * Where a stretch ends: the end of a sentence, a line, or an item of a run (a middle dot or bullet between comments,
 * queries and their metadata: "Anonim · 50 dəq əvvəl · prezident aliyev …").
 */
const BREAKS = new Uint8Array(0x10000);
for (const ch of '.!?\n\r\u00b7\u2022\u2027|\u2026\u061f\u0589\u3002') BREAKS[ch.charCodeAt(0)] = 1;

/**
 * Whether the case rule refuses text[start, end) only because it is written in lowercase, so that a lowercase stretch
 * may let it through: a capitalised name, or an acronym of four letters or more that is no common word (not `near`:
 * STAR, SİHA, SETA), written with no capital at all.
 */
export function lowercaseMayMatch(rule: CaseRule, near: boolean, text: string, start: number, end: number): boolean {
  if (rule.kind === 'any') return false;
  if (rule.kind === 'exact') {
    if (near || rule.cases.length < MIN_LOWERCASE_ACRONYM) return false;
    for (let i = 0; i < rule.cases.length; i++) if (rule.cases[i] !== UPPER) return false;
  }
  let cased = 0;
  for (let i = start; i < end; i++) {
    const c = caseOfUnit(text.charCodeAt(i));
    if (c === UPPER) return false;
    if (c === LOWER) cased++;
  }
  return cased > 0;
}

/**
 * Whether the name at text[start, end) stands in a stretch typed in lowercase: between the breaks either side, at
 * least MIN_WORDS words, and no word that starts with a capital. Reads at most MAX_READ units each way, comparing code
 * units only: it runs for the rare candidate a case rule turned away.
 */
export function inLowercaseStretch(text: string, start: number, end: number): boolean {
  let words = 1;
  for (let i = start + 1; i < end; i++)
    if (isWordUnit(text.charCodeAt(i)) && !isWordUnit(text.charCodeAt(i - 1))) words++;
  const from = Math.max(0, start - MAX_READ);
  for (let i = start - 1; i >= from; i--) {
    const unit = text.charCodeAt(i);
    if (BREAKS[unit] === 1) break;
    if (!isWordUnit(unit) || (i > 0 && isWordUnit(text.charCodeAt(i - 1)))) continue;
    // A word starts at i.
    const c = caseOfUnit(unit);
    if (c === UPPER) return false;
    if (c !== CASELESS) words++;
  }
  const to = Math.min(text.length, end + MAX_READ);
  for (let i = end; i < to; i++) {
    const unit = text.charCodeAt(i);
    if (BREAKS[unit] === 1) break;
    if (!isWordUnit(unit) || isWordUnit(text.charCodeAt(i - 1))) continue;
    const c = caseOfUnit(unit);
    if (c === UPPER) return false;
    if (c !== CASELESS) words++;
  }
  return words >= MIN_WORDS;
}

/**
 * A name of this many words typed in lowercase ("bakü tiflis ceyhan boru hattı", "bir millet iki dovlet") is rarely
 * anything else; a shorter one may be ("turkey", "ayni", "black sea bass" on a menu), so it needs another name near.
 */
const WORDS_ALONE = 3;

/** Whether a name typed in lowercase at text[start, end) is too short to count without another name near. */
export function needsCompany(text: string, start: number, end: number): boolean {
  let words = 1;
  for (let i = start + 1; i < end; i++)
    if (isWordUnit(text.charCodeAt(i)) && !isWordUnit(text.charCodeAt(i - 1))) words++;
  return words < WORDS_ALONE;
}

/**
 * The languages whose country names no common word shares in lowercase: Turkish ("türkiye", "kazakistan"),
 * Azerbaijani, Russian ("в узбекистане") and Armenian. Not English, where several are common nouns (china, turkey,
 * jordan); not Kazakh, Kyrgyz, Uzbek or Turkmen, which write a people's adjective as its country's name in lowercase
 * ("қытай шайы", Chinese tea; "әзербайжан тілі", the Azerbaijani language); nor a name with no language label.
 */
const COUNTRY_NAMES_NO_WORD = new Set(['tr', 'az', 'ru', 'hy']);

/** Shorter names are too often a word or a syllable in some language of the region (Çin, Eron, Irak). */
const MIN_LOWERCASE_COUNTRY_LETTERS = 5;

/**
 * Whether a country's one-word name (its folded `key`), labelled with the languages `langs` (space-separated), may
 * match typed in lowercase in any text: it is labelled, only with languages of the region, and long enough.
 */
export function mayStandInLowercase(key: string, langs: string): boolean {
  if (key.length < MIN_LOWERCASE_COUNTRY_LETTERS || key.includes(' ') || langs === '') return false;
  for (const lang of langs.split(' ')) if (!COUNTRY_NAMES_NO_WORD.has(lang)) return false;
  return true;
}

/**
 * Languages whose country's name is never its people's adjective before a noun (English "azerbaijani", Russian
 * "узбекский"); a name with no language label is read as English is.
 */
const ADJECTIVE_DIFFERS = new Set(['', 'en', 'ru', 'hy', 'ka']);

/** Whether a name labelled with `langs` (space-separated) may be written as its people's adjective in one of them. */
export function mayBeAdjective(langs: string): boolean {
  for (const lang of langs.split(' ')) if (!ADJECTIVE_DIFFERS.has(lang)) return true;
  return false;
}

/**
 * Whether a name typed in lowercase that ends at `end` may modify the word after it rather than name the country:
 * written `bare` (no case ending) right before a lowercase word, as a people's adjective stands before a language, a
 * people or a dish ("azərbaycan dilini", "türkiye türkçesi"). With an ending ("türkiyede"), or before punctuation,
 * it names the country.
 */
export function mayModifyNextWord(text: string, end: number, bare: boolean): boolean {
  if (!bare || end + 1 >= text.length || text.charCodeAt(end) !== 0x20) return false;
  return caseOfUnit(text.charCodeAt(end + 1)) === LOWER;
}
