/**
 * A Turkic official name with the state's form inside it, which pages write bare or in the genitive: "Azərbaycan
 * Respublikası Dövlət Neft Şirkəti" and "Azərbaycan Respublikasının Dövlət Neft Şirkəti", "Қазақстан Республикасының
 * Сыртқы істер министрлігі" and "Қазақстан Республикасы Сыртқы істер министрлігі". The build writes the other form of
 * every such alias, so a record lists one; the state words are data/languages.yaml `genitive-alternates`, the
 * genitive its language's morphology class's (`cases`). Only a word inside the name: the last word takes the
 * name's own endings. Pure.
 */
import { caseForms } from '../matcher/morphology';
import type { LanguagesInput, MorphologyClass } from './matching-rules';
import type { Alias } from './types';

/**
 * The language's own class, when it gives the genitive as a suffix: a Turkic language's. Russian declines its names
 * another way (and lists Turkic classes after its own for the names Turkic pages suffix).
 */
function suffixGenitive(lang: string, languages: LanguagesInput): MorphologyClass | undefined {
  const own = languages.languages[lang]?.morphology[0];
  const cls = own === undefined ? undefined : languages.morphology[own];
  return cls?.kind === 'suffixes' && cls.cases?.genitive ? cls : undefined;
}

/**
 * The word without its genitive suffix, when it has one the class gives ("Respublikasının" → "Respublikası", not
 * "Respublikasın", whose genitive it also is): the longest suffix first.
 */
function withoutGenitive(word: string, cls: MorphologyClass): string | undefined {
  for (let cut = 4; cut >= 2; cut--) {
    if (cut >= word.length - 2) continue;
    const bare = word.slice(0, -cut);
    if (caseForms(bare, cls, 'genitive').includes(word)) return bare;
  }
  return undefined;
}

/** The alias's texts with each state word inside it in its other form, bare or genitive. */
export function genitiveVariants(alias: Alias, languages: LanguagesInput): string[] {
  const stateWords = (languages['genitive-alternates'] ?? []).map((w) => w.toLocaleLowerCase('tr'));
  const words = alias.text.split(' ');
  if (words.length < 3 || !stateWords.length) return [];
  const out: string[] = [];
  for (const lang of alias.lang?.split(' ') ?? []) {
    const cls = suffixGenitive(lang, languages);
    if (!cls) continue;
    for (let i = 1; i < words.length - 1; i++) {
      const word = words[i]!;
      const lower = word.toLocaleLowerCase('tr');
      if (!stateWords.some((s) => lower.startsWith(s))) continue;
      const bare = withoutGenitive(word, cls);
      for (const other of bare ? [bare] : caseForms(word, cls, 'genitive'))
        out.push([...words.slice(0, i), other, ...words.slice(i + 1)].join(' '));
    }
  }
  return [...new Set(out)];
}
