/**
 * Armenian is printed in two spellings: the reformed one of Armenia (1922–40) and the classical one that the press of
 * the diaspora keeps, Western Armenian above all. The reform changed a few letters by rule (classical թիւ, -եան after
 * a consonant, եւ at a word's start: reformed թյու, -յան, եվ), so the build writes each Armenian alias in the classical
 * spelling as well, with the same rule and evidence: Միացյալ Նահանգներ → Միացեալ Նահանգներ, Եվրոպա → Եւրոպա,
 * Խորհրդային Միություն → Խորհրդային Միութիւն. The rewrites are data/languages.yaml `classical-spellings`; what
 * no rule gives (է for ե, Իսրայէլ) a record writes. Pure.
 */
import type { Alias } from './types';

export interface SpellingRewrite {
  reformed: string;
  classical: string;
  /** Only right after a consonant, or only at a word's start. */
  after?: 'consonant';
  at?: 'word-start';
}

export interface ClassicalSpellings {
  /** The script's vowel letters, lowercase; ւ after ո counts with them (ու). */
  vowels: string;
  rewrites: SpellingRewrite[];
}

/** An acronym (two capitals in a row): letters, not words, and spelled alike in both. */
const ACRONYM = /\p{Lu}{2}/u;
const ARMENIAN_LETTER = /\p{Script=Armenian}/u;

/** `text` in the classical spelling, or itself when no rewrite applies. */
export function classicalSpelling(text: string, rules: ClassicalSpellings): string {
  if (ACRONYM.test(text)) return text;
  const lower = text.toLowerCase();
  const isVowel = (ch: string | undefined) => ch !== undefined && (rules.vowels.includes(ch) || ch === 'ւ');
  const isConsonant = (ch: string | undefined) => ch !== undefined && ARMENIAN_LETTER.test(ch) && !isVowel(ch);
  let out = '';
  for (let i = 0; i < text.length;) {
    const rule = rules.rewrites.find(
      (r) =>
        lower.startsWith(r.reformed, i) &&
        (r.after !== 'consonant' || isConsonant(lower[i - 1])) &&
        (r.at !== 'word-start' || !ARMENIAN_LETTER.test(lower[i - 1] ?? ' ')),
    );
    if (!rule) {
      out += text[i++];
      continue;
    }
    // Keep a capital where the reformed spelling had one (Եվրոպա → Եւրոպա).
    const capital = text[i] !== lower[i];
    out += capital ? rule.classical[0]!.toUpperCase() + rule.classical.slice(1) : rule.classical;
    i += rule.reformed.length;
  }
  return out;
}

/**
 * The aliases `aliases` gains in the classical spelling: of each alias labelled `lang` or in the script with no
 * label. `taken` holds the folded form of every spelling already in the fact base; a classical spelling that folds
 * like one of them is left out, so it never doubles a written spelling or takes another entity's name.
 */
export function deriveClassicalSpellings(
  aliases: readonly Alias[],
  lang: string,
  rules: ClassicalSpellings,
  taken: Set<string>,
  fold: (text: string) => string,
): Alias[] {
  const out: Alias[] = [];
  for (const alias of aliases) {
    const langs = alias.lang?.split(' ');
    if (langs ? !langs.includes(lang) : !ARMENIAN_LETTER.test(alias.text)) continue;
    const text = classicalSpelling(alias.text, rules);
    const key = fold(text);
    if (text === alias.text || !key || taken.has(key)) continue;
    taken.add(key);
    out.push({ ...alias, text, inCorpus: false });
  }
  return out;
}
