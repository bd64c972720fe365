/**
 * A name inside a cited work's title is the title's (citations.ts, and titles.ts for a quoted title): a reference
 * list's entry gives itself away by its shape, author, title and imprint, in any language. Sentences in no evaluation
 * page: other authors, titles, journals and publishers, and the prose that has the same parts but cites nothing.
 */
import { describe, expect, it } from 'vitest';
import { ids, page } from './project-matcher';

describe('a name inside the title of a work in a reference list', () => {
  it('drops the title’s names after an author with initials, and keeps the imprint’s city', () => {
    expect(ids('7. Сейткали Б. Н. Грузия и Армения после 2020 года. — Астана: Фолиант, 2022. — 210 с.')).toEqual([
      'astana',
    ]);
    expect(ids('Mamedov R., Yusupov K. Kazakhstan between Russia and China. — London, 2019.')).toEqual([]);
  });
  it('drops a journal’s name after "//" as part of the title', () => {
    expect(ids('Исмаилов Т. Порты Каспия // Вопросы Азербайджана. 2021. № 4. С. 12–30.')).toEqual([]);
    expect(ids('3. Ли В. Грузия и Армения: соседи // Вестник. 2020. № 1.')).toEqual([]);
    expect(ids('Для цитирования: Ли В. Грузия и Армения // Вестник. 2020. № 1.')).toEqual([]);
  });
  it('reads "Surname, Given (Year). Title. City: Publisher" the same way', () => {
    expect(ids('Hasanova, Leyla (2018). Georgia and the Black Sea Ports. Tbilisi: Ilia Press. p. 40.')).toEqual([
      'tbilisi',
    ]);
  });
  it('takes the publisher after the imprint’s colon as the publisher’s name, not the country', () => {
    expect(ids('Rashidov A. «Tarix sahifalari». — Samarqand: Oʻzbekiston, 2004.')).toEqual(['samarkand']);
  });
  it('keeps the names of a report that starts like a citation but has no imprint', () => {
    expect(ids('Каримов Д. А. задержан в Ташкенте, дело передано в суд.')).toEqual(['tashkent']);
    expect(ids('Aliyev R. T. visited Georgia and Armenia last week.')).toEqual(['georgia', 'armenia']);
  });
});

describe('a quoted title in the shape of a citation', () => {
  it('drops a quoted title after an author’s initial or a footnote’s number', () => {
    expect(ids('Qasımova N. «Gürcüstan və Ermənistan: yollar» kitabından')).toEqual([]);
    expect(ids('² «Türkiýe bilen söwda», Aşgabat, 2023.')).toEqual(['ashgabat']);
  });
  it('drops a quoted title followed by its place and year, its date or its imprint', () => {
    expect(ids('"Azerbaijan at the Crossroads", Oxford, 2015, chapter 3.')).toEqual([]);
    expect(ids('«Тбилиси в объективе», 14.03.2022')).toEqual([]);
    expect(ids('"Gürcistan’da bir yaz" (Haziran 2025)')).toEqual([]);
  });
  it('keeps a quoted sentence followed by who said it or by a plain verdict', () => {
    expect(ids('"Georgia is our partner," the minister of Azerbaijan said in 2024.')).toEqual([
      'georgia',
      'azerbaijan',
    ]);
    expect(page('"Kazakhstan left the OSCE" — FALSE: it did not, 2023.').map(([w]) => w)).toEqual(['Kazakhstan']);
  });
});
