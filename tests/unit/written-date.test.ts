/**
 * Dates written out in a byline, in the languages of the pages our readers read (lib/hover/written-date.ts). The
 * bylines are shaped as the region's news sites write them; the card's timeline is anchored on what is read here.
 */
import { describe, expect, it } from 'vitest';
import { monthOf, writtenDate } from '~/lib/hover/written-date';

describe('a date written in a byline', () => {
  it.each([
    ['en', 'By Leyla Mammadova · Baku · 14 May 2025 · 6 min read', '2025-05-14'],
    ['en', 'Published Sept. 5, 2023', '2023-09-05'],
    ['en', 'December 1, 2024 at 09:30', '2024-12-01'],
    ['tr', 'Ankara | 14 Mayıs 2025, 10:42', '2025-05-14'],
    ['tr', 'Güncelleme: 3 Ağustos 2024 Cumartesi', '2024-08-03'],
    ['tr', 'ŞUBAT 9, 2024', '2024-02-09'],
    ['tr', '29 EKİM 2023', '2023-10-29'],
    ['az', 'Bakı, 10 may 2025, 12:15', '2025-05-10'],
    ['az', '27 sentyabr 2023 / 18:40', '2023-09-27'],
    ['ru', 'Москва, 14 мая 2025 г., 10:00', '2025-05-14'],
    ['ru', 'Опубликовано: 1 сентября 2024', '2024-09-01'],
    ['kk', 'Астана, 2025 жылғы 14 мамыр', '2025-05-14'],
    ['kk', '21 қыркүйек 2024, 14:05', '2024-09-21'],
    ['kk Latin', '3 qarasha 2024 j.', '2024-11-03'],
    ['uz', '2025-yil 14-may, 11:20', '2025-05-14'],
    ['uz', 'Toshkent, 9-dekabr, 2024', '2024-12-09'],
    ['uz Cyrillic', '14 май, 2025', '2025-05-14'],
    ['ky', 'Бишкек, 2025-ж., 14-май', '2025-05-14'],
    ['tk', 'Aşgabat, 14-nji maý 2025', '2025-05-14'],
    ['tk', '7 iýun 2024 ý.', '2024-06-07'],
    ['hy', 'Երևան, 14 մայիսի, 2025 թ.', '2025-05-14'],
    ['hy', '2024 թ. հոկտեմբերի 3', '2024-10-03'],
    ['ka', 'თბილისი, 14 მაისი, 2025', '2025-05-14'],
    ['figures', 'Lenta.az · 14.05.2025 · 09:12', '2025-05-14'],
    ['figures', 'Updated 2024-02-29T09:15', '2024-02-29'],
  ])('%s: "%s"', (_lang, line, iso) => {
    expect(writtenDate(line)).toBe(iso);
  });

  it('takes the first date in the line', () => {
    expect(writtenDate('12.03.2024, updated 14 March 2024')).toBe('2024-03-12');
    expect(writtenDate('14 March 2024, updated 15.03.2024')).toBe('2024-03-14');
  });

  it('knows leap days and month lengths', () => {
    expect(writtenDate('29 February 2024')).toBe('2024-02-29');
    expect(writtenDate('29.02.2000')).toBe('2000-02-29');
    expect(writtenDate('29.02.2100')).toBeUndefined();
    expect(writtenDate('30 April 2025')).toBe('2025-04-30');
    expect(writtenDate('31 December 2100')).toBe('2100-12-31');
  });

  it('reads nothing where no whole date is written', () => {
    for (const line of [
      'Tokayev first visited Baku in 2022.',
      'By Leyla Mammadova · 6 min read',
      'In May the summit met for the 3rd time',
      'Ekim ayında 2024 seçimleri',
      'Майдан 5 лет спустя, 2019',
      '31 february 2024 is no date',
      '29 February 2025',
      '31.04.2025',
      '0 May 2025',
      '45.13.2024',
      '1899-12-31',
    ])
      expect(writtenDate(line), line).toBeUndefined();
  });
});

describe('month names', () => {
  it('knows a name with its case ending, and not a word that merely starts like one', () => {
    expect(monthOf('сентября')).toBe(9);
    expect(monthOf('Mayıs’ta')).toBe(5);
    expect(monthOf('ოქტომბერს')).toBe(10);
    expect(monthOf('NİSAN')).toBe(4);
    expect(monthOf('Septuagint')).toBe(0);
    expect(monthOf('marshal')).toBe(0);
    expect(monthOf('Майдан')).toBe(0);
  });
});
