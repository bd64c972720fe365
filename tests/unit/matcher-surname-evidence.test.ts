/**
 * What a page says about a bare surname that gives it to someone else (lib/matcher/surname-evidence.ts): a given name
 * or initial written after it, a role no person of ours is known by right before it, and a Russian female form as a
 * woman's. Each page names the person in full first, so without the rule the last full mention would take the
 * surname. Sentences in no evaluation page.
 */
import { describe, expect, it } from 'vitest';
import { page } from './project-matcher';

describe('a surname written first, before a given name (lists, tables, official documents)', () => {
  it('is someone else with a listed given name that is not the person’s, and so is the next bare mention', () => {
    expect(page('Садыр Жапаров подписал указ. Назначены: Жапаров Нурбек, Алиев Рауф. Жапаров отчитается.')).toEqual([
      ['Садыр Жапаров', 'sadyr-japarov'],
    ]);
    expect(page('Sadyr Japarov visited the plant. On duty: Japarov Nurbek (shift head).')).toEqual([
      ['Sadyr Japarov', 'sadyr-japarov'],
    ]);
    expect(page('İlham Əliyev fərman imzalayıb. Siyahıda Əliyev Rauf da var.')).toEqual([
      ['İlham Əliyev', 'ilham-aliyev'],
    ]);
    expect(page('Shavkat Mirziyoyev keldi. Navbatchi: Mirziyoyev Sardor, 2-sinf.')).toEqual([
      ['Shavkat Mirziyoyev', 'mirziyoyev'],
    ]);
  });
  it('is someone else with another initial, and not with the person’s own', () => {
    expect(page('Ilham Aliyev signed a decree. The protocol was signed by Aliyev R. for the city.')).toEqual([
      ['Ilham Aliyev', 'ilham-aliyev'],
    ]);
    expect(page('Ilham Aliyev signed a decree. The protocol was signed by Aliyev I. for the state.')).toEqual([
      ['Ilham Aliyev', 'ilham-aliyev'],
      ['Aliyev', 'ilham-aliyev'],
    ]);
  });
  it('keeps the person where the word after is a name of ours or starts another full name', () => {
    // A surname that ends a line: the next line's first word is not its given name.
    expect(page('Садыр Жапаров подписал указ. Выступил Жапаров\nНурбек, депутат, тоже.')).toContainEqual([
      'Жапаров',
      'sadyr-japarov',
    ]);
    // Erdoğan and Xəzər are listed given names, and names of ours: "Tokayev Erdoğan ile", "Əliyev Xəzər dənizi".
    expect(page('Kassym-Jomart Tokayev ve Recep Tayyip Erdoğan. Tokayev Erdoğan ile görüştü.').map(([w]) => w)).toEqual(
      ['Kassym-Jomart Tokayev', 'Recep Tayyip Erdoğan', 'Tokayev', 'Erdoğan'],
    );
    expect(
      page('İlham Əliyev Aktauda olub. Görüşdə Əliyev Xəzər dənizi barədə danışıb.').map(([, id]) => id),
    ).toContain('ilham-aliyev');
    expect(
      page('İlham Əliyev Aktauda olub. Görüşdə Əliyev Xəzər dənizi barədə danışıb.').filter(([w]) => w === 'Əliyev'),
    ).toEqual([['Əliyev', 'ilham-aliyev']]);
  });
});

describe('a role no person of ours is known by, right before a bare surname', () => {
  it('gives the surname to someone else, in each script', () => {
    expect(page('Ильхам Алиев подписал указ. В суде судья Алиева отклонила иск.')).toEqual([
      ['Ильхам Алиев', 'ilham-aliyev'],
    ]);
    expect(page('Recep Tayyip Erdoğan konuştu. Maçı yöneten hakem Erdoğan kartı gösterdi.')).toEqual([
      ['Recep Tayyip Erdoğan', 'erdogan'],
    ]);
    expect(page('Ilham Aliyev signed a decree. In the afternoon the judge Aliyev heard the appeal.')).toEqual([
      ['Ilham Aliyev', 'ilham-aliyev'],
    ]);
    expect(page('Қасым-Жомарт Тоқаев келді. Сотта куәгер Тоқаев сөйледі.')).toEqual([
      ['Қасым-Жомарт Тоқаев', 'tokayev'],
    ]);
    expect(page('İlham Əliyev fərman imzalayıb. Məhkəmədə şahid Əliyev ifadə verib.')).toEqual([
      ['İlham Əliyev', 'ilham-aliyev'],
    ]);
  });
  it('leaves an office and the person’s own title to the rules that read them', () => {
    expect(page('Ilham Aliyev signed a decree. Later President Aliyev heard the appeal.')).toEqual([
      ['Ilham Aliyev', 'ilham-aliyev'],
      ['Aliyev', 'ilham-aliyev'],
    ]);
  });
});

describe('a Russian surname in its female form', () => {
  it('is a woman where it opens a sentence before a feminine verb', () => {
    expect(page('Ильхам Алиев подписал указ. Алиева заявила, что иск отклонён.')).toEqual([
      ['Ильхам Алиев', 'ilham-aliyev'],
    ]);
    expect(page('Ильхам Алиев подписал указ. Депутат Алиева заявила о поддержке.')).toEqual([
      ['Ильхам Алиев', 'ilham-aliyev'],
    ]);
    expect(page('Касым-Жомарт Токаев выступил. Токаева назначена директором школы.')).toEqual([
      ['Касым-Жомарт Токаев', 'tokayev'],
    ]);
  });
  it('stays the man’s genitive or accusative elsewhere', () => {
    expect(page('Ильхам Алиев подписал указ. Встреча Алиева и Путина прошла в Москве.').slice(0, 2)).toEqual([
      ['Ильхам Алиев', 'ilham-aliyev'],
      ['Алиева', 'ilham-aliyev'],
    ]);
    // After an inflected courtesy word: "Речь господина Алиева была короткой" (his speech was short).
    expect(page('Ильхам Алиев открыл форум. Речь депутата Алиева была короткой.')).toEqual([
      ['Ильхам Алиев', 'ilham-aliyev'],
      ['Алиева', 'ilham-aliyev'],
    ]);
    // A feminine verb whose subject comes after: "Алиева встретили" (they met Aliyev) has no feminine verb at all.
    expect(page('Ильхам Алиев прилетел. Алиева встретили в аэропорту.')).toEqual([
      ['Ильхам Алиев', 'ilham-aliyev'],
      ['Алиева', 'ilham-aliyev'],
    ]);
  });
});
