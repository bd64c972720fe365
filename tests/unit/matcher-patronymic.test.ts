/**
 * Full names with a patronymic (data/languages.yaml `patronymics`): written surname first, as official lists and
 * documents write them, or given name, patronymic, surname. The given name decides whose the surname is. Sentences in
 * no evaluation page.
 */
import { describe, expect, it } from 'vitest';
import { isPatronymic } from '../../lib/matcher/patronymic';
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

describe('a patronymic that names the father (data/entities `father:`)', () => {
  it('vouches for the person written surname first, in each language that writes patronymics', () => {
    expect(page('Siyahı: Əliyev İlham Heydər oğlu, Bakı.')).toEqual([
      ['Əliyev', 'ilham-aliyev'],
      ['Bakı', 'baku'],
    ]);
    expect(page('Подписал: Путин Владимир Владимирович.')).toEqual([['Путин', 'putin']]);
    expect(page('Токаев Қасым-Жомарт Кемелұлы сөз сөйледі.')).toEqual([['Токаев', 'tokayev']]);
    expect(page('Mirziyoyev Shavkat Miromonovich farmonni imzoladi.')).toEqual([['Mirziyoyev', 'mirziyoyev']]);
    expect(page('Жапаров Садыр Нургожоевич сүйлөдү.')).toEqual([['Жапаров', 'sadyr-japarov']]);
    expect(page('Berdimuhamedow Serdar Gurbangulyýewiç çykyş etdi.')).toEqual([
      ['Berdimuhamedow', 'serdar-berdimuhamedov'],
    ]);
  });
  it('tells the father’s namesake son apart: the father is Heydar Aliyev’s, not Ilham Aliyev’s', () => {
    expect(page('Гейдар Алиевич Алиев выступил.')).toEqual([['Алиев', 'heydar-aliyev']]);
    expect(page('Ильхам Гейдарович Алиев выступил.')).toEqual([['Алиев', 'ilham-aliyev']]);
  });
  it('with another father, is a namesake in either order, and so is the next bare mention', () => {
    expect(page('İlham Əliyev gəldi. Ərizəçi: Əliyev İlham Nazim oğlu. Əliyev ərizədə yazır.')).toEqual([
      ['İlham Əliyev', 'ilham-aliyev'],
    ]);
    expect(page('Ильхам Назимович Алиев, геолог, рассказал.')).toEqual([]);
    expect(page('Путин Владимир Николаевич, водитель, дал показания.')).toEqual([]);
    expect(page('Қасым-Жомарт Ерланұлы Тоқаев, мұғалім, сөйледі.')).toEqual([]);
    expect(page('Berdimuhamedow Serdar Aşyrowiç, balykçy, gürrüň berdi.')).toEqual([]);
    expect(page('Mirziyoyev Shavkat Rustamovich, haydovchi, gapirdi.')).toEqual([]);
    expect(page('Жапаров Садыр Асанович, мугалим, сүйлөдү.')).toEqual([]);
  });
  it('makes the namesake’s full name his on the rest of the page, unless the person’s title stands before it', () => {
    expect(
      page(
        'Prezident İlham Əliyev təbrik etdi.',
        'Oğlu: İlham Nazim oğlu Əliyev (geoloq).',
        'Oğlu İlham Əliyev arxivi Milli Arxivə verəcək.',
        'Prezident İlham Əliyev ailəyə başsağlığı verib.',
      ),
    ).toEqual([
      ['İlham Əliyev', 'ilham-aliyev'],
      ['İlham Əliyev', 'ilham-aliyev'],
    ]);
    expect(page('Ильхам Назимович Алиев, геолог, родился в Баку. Ильхам Алиев рассказал о детстве.')).toEqual([
      ['Баку', 'baku'],
    ]);
  });
  it('says nothing where the data gives no father: the given name decides as before', () => {
    // Bolat Akchulakov has no `father:`: any patronymic goes with his given name, and another given name does not.
    expect(page('Akchulakov Bolat Uralovich signed the order.')).toEqual([['Akchulakov', 'bolat-akchulakov']]);
    expect(page('Akchulakov Bolat Serikovich signed the order.')).toEqual([['Akchulakov', 'bolat-akchulakov']]);
    expect(page('Akchulakov Yerlan Serikovich signed the order.')).toEqual([]);
  });
});

describe('a patronymic by its ending', () => {
  const p = { endings: ['ович', 'ұлы', 'ovna'], words: new Set<string>() };
  it('takes a case ending of up to two letters after it, and a father’s name of three letters before it', () => {
    expect(isPatronymic(p, 'маратович')).toBe(true);
    expect(isPatronymic(p, 'ильхамовича')).toBe(true);
    expect(isPatronymic(p, 'маратовичем')).toBe(true);
    expect(isPatronymic(p, 'нұрсұлтанұлы')).toBe(true);
    expect(isPatronymic(p, 'rustamovnaga')).toBe(true);
    // Three letters after the ending are a word of its own, and "Ali-yevich" has too short a father's name.
    expect(isPatronymic(p, 'маратовичами')).toBe(false);
    expect(isPatronymic(p, 'ерович')).toBe(false);
    expect(isPatronymic(p, 'ович')).toBe(false);
    expect(isPatronymic(p, 'маратов')).toBe(false);
  });
});
