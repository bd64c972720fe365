/**
 * An acronym of ours beside a company's legal form (data/languages.yaml `quoted-kinds` `legal-forms`) is that
 * company's name: an organisation, a country or a corridor of ours is never an LLC. Sentences written for these
 * tests, in no evaluation page.
 */
import { describe, expect, it } from 'vitest';
import { page } from './project-matcher';

describe('an acronym beside a legal form', () => {
  it('is a company in quotation marks after the legal form, or with it after the closing mark', () => {
    expect(page('Истец: ООО «ШОС», ответчик: АО «ЕАЭС»; дело о поставке.')).toEqual([]);
    expect(page('«ЕАЭС» ЖШС мен «ШЫҰ» АҚ арасындағы дау сотқа жетті.')).toEqual([]);
    expect(page('"NATO" MMC ilə müqavilə bağlanıb.')).toEqual([]);
    expect(page('"NATO Lojistik" Ltd. Şti. ile sözleşme imzalandı.')).toEqual([]);
    expect(page('"NATO" A.Ş. hisseleri yükseldi.')).toEqual([]);
    expect(page('MChJ "NATO" bilan shartnoma tuzildi.')).toEqual([]);
  });
  it('is a company with the legal form right before or after it, unquoted', () => {
    expect(page('SCO LLC, a shell firm in Delaware, filed for bankruptcy.')).toEqual([]);
    expect(page('Тендер выиграло ТОО ШОС из Алматы.')).toEqual([]);
    expect(page('ABŞ MMC ilə müqavilə bağlanıb.')).toEqual([]);
  });
  it('is ours wherever no legal form stands beside it, on the same page too', () => {
    expect(page('SCO LLC, a shell firm, filed for bankruptcy while the SCO met in Astana.')).toEqual([
      ['SCO', 'sco'],
      ['Astana', 'astana'],
    ]);
    expect(page('ООО «Азия Транзит» отправило груз в страны ШОС.')).toEqual([['ШОС', 'sco']]);
    expect(page('ТДТ саммиті Астанада өтті; «Азия Транзит» ЖШС жүк тасыды.')).toEqual(
      expect.arrayContaining([['ТДТ', 'ots']]),
    );
    expect(page('"NATO" hisseleri değil, NATO zirvesi; Ltd. şirketleri katılmadı.')).toEqual([
      ['NATO', 'nato'],
      ['NATO', 'nato'],
    ]);
    expect(page('"NATO" ilə müqavilə yox, ABŞ ilə danışıqlar.')).toEqual([
      ['NATO', 'nato'],
      ['ABŞ', 'united-states'],
    ]);
    expect(page('"NATO" bilan hamkorlik kengaymoqda.')).toEqual([['NATO', 'nato']]);
  });
  it("is a company's own acronym with its legal form", () => {
    expect(page('BOTAŞ A.Ş. doğal gaz tarifesini açıkladı.')).toEqual([['BOTAŞ', 'botas']]);
  });
});
