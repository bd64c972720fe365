/**
 * Full names with a patronymic (data/languages.yaml `patronymics`): written surname first, as official lists and
 * documents write them, or given name, patronymic, surname. The given name decides whose the surname is. Sentences in
 * no evaluation page.
 */
import { describe, expect, it } from 'vitest';
import { page } from './project-matcher';

describe('a surname written first, before a given name and a patronymic', () => {
  it('is someone else with another given name, and so is the next bare mention', () => {
    // The person named in full before: without the patronymic, the last full mention would decide.
    expect(page('İlham Əliyev fərman imzalayıb. Ərizəçi: Əliyev Rauf Vaqif oğlu. Əliyev ərizədə yazır.')).toEqual([
      ['İlham Əliyev', 'ilham-aliyev'],
    ]);
    expect(page('Касым-Жомарт Токаев выступил. Директор: Токаев Ерлан Маратович. Токаев сообщил.')).toEqual([
      ['Касым-Жомарт Токаев', 'tokayev'],
    ]);
    expect(page('Shavkat Mirziyoyev keldi. Müdir: Mirziyoyev Anvar Rustamovich. Mirziyoyev zavodni ko‘rdi.')).toEqual([
      ['Shavkat Mirziyoyev', 'mirziyoyev'],
    ]);
  });
  it('is the person with their own given name', () => {
    expect(page('Əliyev İlham Heydər oğlu Prezidentdir.')).toEqual([['Əliyev', 'ilham-aliyev']]);
  });
  it('after a courtesy word or an office, follows the namesake named so before', () => {
    expect(page('İlham Əliyev gəldi. Müraciət: Əliyev Rauf Vaqif oğlu. Deputat Əliyev sonra danışdı.')).toEqual([
      ['İlham Əliyev', 'ilham-aliyev'],
    ]);
  });
});

describe('a surname after a given name and a patronymic', () => {
  it('is the person whose given name stands before the patronymic, not the one the patronymic is formed from', () => {
    expect(page('Ильхам Гейдарович Алиев прибыл в Москву.')).toEqual([
      ['Алиев', 'ilham-aliyev'],
      ['Москву', 'moscow'],
    ]);
    expect(page('Бакыт Садырович Жапаров, автор. Жапаров сказал.')).toEqual([]);
  });
});
