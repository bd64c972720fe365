/**
 * Names as people type them without their alphabet's special letters, where the fold cannot make the two spellings
 * equal because the letter is typed as one the fold keeps apart: Azerbaijani ə typed as a ("Azarbaycan", "Aliyev"
 * beside the ə-as-e the fold gives), and Armenian և, which capitals write as two letters (ԱԼԻԵՎ, and lowercase
 * Ալիեվ in the spelling that follows them). Each language's substitutions are data (data/languages.yaml
 * `typed-letters`); the forms are derived once per alias when patterns are compiled, so a page pays nothing for them.
 */

/**
 * The alias as typed with every special letter of its languages replaced, or null when none of its letters has a
 * substitute. `letters` maps a language to its substitutions ({ ə: 'a', Ə: 'A' }); `langs` is space-separated.
 */
export function typedForm(
  text: string,
  langs: string,
  letters: Readonly<Record<string, Record<string, string>>>,
): string | null {
  if (langs === '') return null;
  let out: string | null = null;
  for (const lang of langs.split(' ')) {
    const subs = letters[lang];
    if (!subs) continue;
    let typed: string = out ?? text;
    for (const [letter, as] of Object.entries(subs)) if (typed.includes(letter)) typed = typed.split(letter).join(as);
    if (typed !== text) out = typed;
  }
  return out;
}

/**
 * The stem of the typed form, given the alias's folded key and stem and the typed form's folded key: the same
 * letters cut off its end as the alias's stem cuts from its key, when the two keys end alike there; else null (a
 * substituted letter in the cut-off part, which the endings were not worked out for).
 */
export function typedStem(key: string, stem: string, typedKey: string): string | null {
  if (!key.startsWith(stem)) return null;
  const cut = key.slice(stem.length);
  if (!typedKey.endsWith(cut) || typedKey.length <= cut.length) return null;
  return typedKey.slice(0, typedKey.length - cut.length);
}

/** Vowels of the Latin Turkic alphabets: a suffix's vowel follows the last of them in the word. */
const VOWEL = /[aeıioöuüəäAEIİOÖUÜƏÄ]/u;

/**
 * How the endings are typed with the typed form: when the alias's last vowel is a substituted letter, the suffixes
 * that harmonise with it are typed with its substitute too ("Kəlbəcərdə" as "Kalbacarda", "Türkiyəyə" as
 * "Türkiyaya"), so each folded letter of such a vowel maps to the substitute's in the endings. Null when the last
 * vowel is untouched, or the substitute is not one letter (Armenian և as ԵՎ harmonises nothing).
 */
export function typedEndingLetters(
  text: string,
  langs: string,
  letters: Readonly<Record<string, Record<string, string>>>,
  fold: (s: string) => string,
): [string, string] | null {
  let last = '';
  for (const ch of text) if (VOWEL.test(ch)) last = ch;
  if (last === '') return null;
  for (const lang of langs.split(' ')) {
    const as = letters[lang]?.[last];
    if (as === undefined || [...as].length !== 1) continue;
    const from = fold(last);
    const to = fold(as);
    return from !== to ? [from, to] : null;
  }
  return null;
}
