/**
 * A Turkic official name with the state's form inside it, written bare or in the genitive
 * (lib/factbase/genitive-variants.ts, data/languages.yaml `genitive-alternates`). Sentences in no evaluation page.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { genitiveVariants } from '../../lib/factbase/genitive-variants';
import type { LanguagesInput } from '../../lib/factbase/matching-rules';
import { page } from './project-matcher';

const languages = parse(readFileSync(new URL('../../data/languages.yaml', import.meta.url), 'utf8')) as LanguagesInput;
const variants = (text: string, lang: string) => genitiveVariants({ text, lang, inCorpus: false }, languages);

describe('a state word inside a Turkic name', () => {
  it('gains the genitive when written bare, and loses it when written in it', () => {
    expect(variants('Azərbaycan Respublikası Dövlət Neft Şirkəti', 'az')).toEqual([
      'Azərbaycan Respublikasının Dövlət Neft Şirkəti',
    ]);
    expect(variants('Azərbaycan Respublikasının Energetika Nazirliyi', 'az')).toEqual([
      'Azərbaycan Respublikası Energetika Nazirliyi',
    ]);
    expect(variants('Oʻzbekiston Respublikasining Tashqi ishlar vazirligi', 'uz')).toEqual([
      'Oʻzbekiston Respublikasi Tashqi ishlar vazirligi',
    ]);
  });
  it('is left as it is last in the name, in a name of two words, and in Russian, which declines another way', () => {
    expect(variants('Azərbaycan Respublikası', 'az')).toEqual([]);
    expect(variants('Türkiye Cumhuriyeti Dışişleri', 'en')).toEqual([]);
    expect(variants('Министерство иностранных дел Республики Казахстан', 'ru')).toEqual([]);
    expect(variants('Қазақстан Республикасы Сыртқы істер министрлігі', 'ru')).toEqual([]);
  });
});

describe('on a page', () => {
  it('the body is found in either form, not the country inside it', () => {
    expect(page('Sifarişçi: Azərbaycan Respublikasının Dövlət Neft Şirkəti, Bakı.')).toEqual([
      ['Azərbaycan Respublikasının Dövlət Neft Şirkəti', 'socar'],
      ['Bakı', 'baku'],
    ]);
    expect(page('Қазақстан Республикасы Сыртқы істер министрлігінің мәлімдемесі жарияланды.')).toEqual([
      ['Қазақстан Республикасы Сыртқы істер министрлігінің', 'kazakhstan-foreign-ministry'],
    ]);
  });
});
