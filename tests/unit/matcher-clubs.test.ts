/**
 * A city's name as a club's: in a row of results, and after the name of a sports society that has clubs in many
 * cities (score-rows.ts, data/languages.yaml `place-before`). Sentences in no evaluation page: other clubs, other
 * cities, other languages.
 */
import { describe, expect, it } from 'vitest';
import { ids } from './project-matcher';

describe('a city’s name in a row of a league table', () => {
  it('drops a club’s city between its rank and its points, a row to a line or rows on one line', () => {
    expect(ids('5. Ankara Demirspor 31')).toEqual([]);
    expect(ids('Cədvəl — 1. Neftçi 40 · 2. Sabail Bakı 33 · 3. Şamaxı 30')).toEqual([]);
    expect(ids('9. Дордой-Бишкек 12; 10. Алай 9')).toEqual([]);
  });
  it('keeps a city ranked by a figure with a unit or a large number, and a numbered sentence', () => {
    expect(ids('1. Istanbul 15,6 million · 2. Ankara 5,8 million')).toEqual(['istanbul', 'ankara']);
    expect(ids('3. Tashkent 2900 thousand')).toEqual(['tashkent']);
    expect(ids('2. Tashkent hosts the summit in 2026.')).toEqual(['tashkent']);
  });
});

describe('a city’s name beside a score', () => {
  it('drops the cities of both clubs of a results row, whichever side of the score they stand', () => {
    expect(ids('Dordoi Bishkek 2-1 Alay Osh')).toEqual([]);
    expect(ids('Kupa: Ankara Demirspor 0-3 Kocaelispor')).toEqual([]);
    expect(ids('Бунёдкор Ташкент 1:1 Навбахор Наманган')).toEqual([]);
    expect(ids('Kapaz – Sabail Baku 0:2, Zira – Shamakhi 1:1')).toEqual([]);
    expect(ids('«Насаф» – «Согдиана Джизак» 3:0, «Андижан» – «Самарканд» 1:0')).toEqual([]);
  });
  it('keeps a national team, a city with a case ending and a range that is no score', () => {
    expect(ids('Özbekistan 2-1 Tacikistan')).toEqual(['uzbekistan', 'tajikistan']);
    expect(ids('Oyun Taşkent’te 2-0 bitti; oyun Bakıda 1:1 bitdi.')).toEqual(['tashkent', 'baku']);
    expect(ids('From Yerevan 2-3 hours by car, and Tbilisi is 4-5 hours on.')).toEqual(['yerevan', 'tbilisi']);
    expect(ids('В Ташкенте 1:0, Ташкент 2-3 раза в неделю')).toEqual(['tashkent', 'tashkent']);
    // A year range and a time are no score.
    expect(ids('Bishkek 2021–2022, Bishkek 19:45')).toEqual(['bishkek', 'bishkek']);
  });
});

describe('a city’s name after a sports society’s or a club’s word', () => {
  it('drops it in each script, with a case ending on the club’s last word too', () => {
    expect(ids('Lokomotiv Tashkent won the cup.')).toEqual([]);
    expect(ids('«Динамо» играло с Динамо Москва, потом — с «Нефтчи» Фергана.')).toEqual([]);
    expect(ids('ლოკომოტივ თბილისმა თასი მოიგო.')).toEqual([]);
    expect(ids('FK Shymkent taraftarları sevindi.')).toEqual([]);
  });
  it('keeps the city where the word is not the club’s name before it', () => {
    expect(ids('Dinamo stadionu Tbilisidə deyil, Tbilisi şəhərindədir.')).toEqual(['tbilisi', 'tbilisi']);
  });
});
