/**
 * Names as people type them: without their alphabet's special letters, and in capitals, with the project's alias
 * index and rules. Sentences are written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { page } from './project-matcher';
import { typedEndingLetters, typedForm, typedStem } from '../../lib/matcher/typed-forms';
import { foldAlias } from '../../lib/matcher/fold';

const letters = { az: { ə: 'a', Ə: 'A' }, hy: { և: 'եվ' } };

describe('typed forms, derived from an alias by its languages’ letters', () => {
  it('replaces every special letter of the alias’s languages, and only theirs', () => {
    expect(typedForm('Azərbaycan Respublikası', 'az', letters)).toBe('Azarbaycan Respublikası');
    expect(typedForm('Əliyev', 'az', letters)).toBe('Aliyev');
    expect(typedForm('Ալիև', 'hy', letters)).toBe('Ալիեվ');
    expect(typedForm('Bakı', 'az', letters)).toBeNull();
    expect(typedForm('Azərbaycan', 'tr', letters)).toBeNull();
    expect(typedForm('Azərbaycan', '', letters)).toBeNull();
  });

  it('keeps the cut-off letters of the stem, or gives up when the substitution is in them', () => {
    expect(typedStem('kelbecer', 'kelbecer', 'kalbacar')).toBe('kalbacar');
    expect(typedStem('алиев', 'алие', 'алиеа')).toBeNull();
  });

  it('types the endings with the substitute when the last vowel was substituted', () => {
    expect(typedEndingLetters('Kəlbəcər', 'az', letters, foldAlias)).toEqual(['e', 'a']);
    expect(typedEndingLetters('Azərbaycan', 'az', letters, foldAlias)).toBeNull();
    expect(typedEndingLetters('Ալիև', 'hy', letters, foldAlias)).toBeNull();
  });
});

describe('Azerbaijani typed with a for ə', () => {
  it('finds the name with its endings typed the same way', () => {
    expect(page('Dünən Azarbaycan və Türkiya nümayəndələri Kalbacarda görüşdü, sonra Türkiyaya qayıtdılar')).toEqual([
      ['Azarbaycan', 'azerbaijan'],
      ['Türkiya', 'turkiye'],
      ['Kalbacarda', 'kelbajar'],
      ['Türkiyaya', 'turkiye'],
    ]);
  });

  it('and with e for ə, as the fold gives', () => {
    expect(page('Prezident Ilham Aliyev Azerbaycan xalqini Kelbecerde tebrik etdi')).toEqual([
      ['Ilham Aliyev', 'ilham-aliyev'],
      ['Azerbaycan', 'azerbaijan'],
      ['Kelbecerde', 'kelbajar'],
    ]);
  });

  it('not with the endings of the other vowel', () => {
    expect(page('Yeni məktəb Kalbacardə açıldı')).toEqual([]);
  });
});

describe('names in capitals', () => {
  it('count when the line is in capitals, in every alphabet of the region', () => {
    expect(page('TURKIYE VE AZERBAYCAN ARASINDA YENİ ANLAŞMA: ANKARA’DA İMZALANDI')).toEqual([
      ['TURKIYE', 'turkiye'],
      ['AZERBAYCAN', 'azerbaijan'],
      ['ANKARA’DA', 'ankara'],
    ]);
    expect(page('ҚАЗАҚСТАН ПРЕЗИДЕНТІ ҚАСЫМ-ЖОМАРТ ТОҚАЕВ ТҮРКІСТАНДА')).toEqual([
      ['ҚАЗАҚСТАН', 'kazakhstan'],
      ['ҚАСЫМ-ЖОМАРТ ТОҚАЕВ', 'tokayev'],
      ['ТҮРКІСТАНДА', 'turkestan-city'],
    ]);
    expect(page('OʻZBEKISTON PREZIDENTI SHAVKAT MIRZIYOYEV TOSHKENTDA')).toEqual([
      ['OʻZBEKISTON', 'uzbekistan'],
      ['SHAVKAT MIRZIYOYEV', 'mirziyoyev'],
      ['TOSHKENTDA', 'tashkent'],
    ]);
  });

  it('in Armenian, where capitals write և as ԵՎ', () => {
    expect(page('ԻԼՀԱՄ ԱԼԻԵՎԸ ՍԵՎ ԾՈՎԻ ԱՓԻՆ')).toEqual([
      ['ԻԼՀԱՄ ԱԼԻԵՎԸ', 'ilham-aliyev'],
      ['ՍԵՎ ԾՈՎԻ', 'black-sea'],
    ]);
    expect(page('Նախագահ Իլհամ Ալիեվը')).toEqual([['Իլհամ Ալիեվը', 'ilham-aliyev']]);
  });
});
