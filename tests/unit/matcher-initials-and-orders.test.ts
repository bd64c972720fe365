/**
 * A bare surname with initials or a given name written after it, as registers, indexes and reference lists order a
 * name (surname-evidence.ts `wordAfterSurname`), two-letter Latin initials ("Sh."), hyphenated ones ("К.-Ж.") and the
 * father's given name before the surname. Each reading has, beside it, one where the rule must not fire. Sentences in
 * no evaluation page.
 */
import { describe, expect, it } from 'vitest';
import { ids, index, page } from './project-matcher';

const personIds = new Set(index.entities.filter((e) => e[2] === 'person').map((e) => e[0]));
/** The people the texts, read as one page, are marked with, in order. */
const people = (...texts: string[]) => ids(...texts).filter((id) => personIds.has(id));

describe('initials before the surname', () => {
  it('reads a Latin digraph as one initial, with the case ending on the surname', () => {
    expect(page('Sh. Mirziyoyevga xat yo‘llandi.')).toEqual([['Mirziyoyevga', 'mirziyoyev']]);
    expect(people('Sh.M. Mirziyoyev nutq so‘zladi.')).toEqual(['mirziyoyev']);
    expect(people('Sh. Mirziyoyev va Sh. Rashidov uchrashdi.')).toEqual(['mirziyoyev']);
    // Another initial names someone else, and "Dr." or "Mr." is no initial at all.
    expect(people('B. Mirziyoyev futbol o‘ynadi.')).toEqual([]);
    expect(people('Dr. Aliyev opened the clinic.')).toEqual([]);
  });
  it('reads the first of a hyphenated given name’s initials', () => {
    expect(people('Выступил К.-Ж. Токаев.')).toEqual(['tokayev']);
    expect(people('Қ.-Ж. Тоқаевқа хат жолданды.')).toEqual(['tokayev']);
    expect(people('На ринг вышел Е.-М. Токаев.')).toEqual([]);
  });
});

describe('initials or a given name after the surname', () => {
  it('takes the person’s own initials written after the surname, in any script', () => {
    expect(people('Путин В.В. подписал указ.')).toEqual(['putin']);
    expect(people('Mirziyoyev Sh.M. farmonni imzoladi.')).toEqual(['mirziyoyev']);
    expect(people('Указ подписал Токаев К.-Ж. в Астане.')).toEqual(['tokayev']);
    expect(people('Жапаров С.Н. Бишкекке кайтты.')).toEqual(['sadyr-japarov']);
    // Between namesakes the initial decides: Ilham, not Heydar.
    expect(people('Aliyev I. addressed the forum.')).toEqual(['ilham-aliyev']);
    expect(people('Aliyev H. addressed the forum in 1999.')).toEqual(['heydar-aliyev']);
  });
  it('gives it to someone else after another initial', () => {
    expect(people('Тоқаев Е.М. гол соқты.')).toEqual([]);
    expect(people('Aliyev R. scored twice.')).toEqual([]);
  });
  it('reads a second initial as the patronymic’s, which must start the father’s name where the data gives it', () => {
    expect(people('Мирзиёев Ш. М. подписал постановление.')).toEqual(['mirziyoyev']);
    expect(people('Поставщик: Мирзиёев Ш. А., г. Самарканд, частное предприятие.')).toEqual([]);
    expect(people('Токаев К. А. выиграл турнир.')).toEqual([]);
  });
  it('gives a surname after a sole trader’s legal form to that trader', () => {
    // The page has named the person in full, which would let the bare surname count.
    const president = 'Президент Шавкат Мирзиёев посетил Самарканд.';
    expect(people(president, 'Поставщик: Мирзиёев, г. Самарканд.')).toEqual(['mirziyoyev', 'mirziyoyev']);
    expect(people(president, 'Поставщик: ИП Мирзиёев, г. Самарканд.')).toEqual(['mirziyoyev']);
    expect(people('Shavkat Mirziyoyev Samarqandda.', 'Yetkazib beruvchi: YaTT Mirziyoyev, Samarqand.')).toEqual([
      'mirziyoyev',
    ]);
  });
  it('takes a given name after the surname’s comma, as an index or a register writes it', () => {
    expect(people('Aliyev, Ilham (born 1961), President of Azerbaijan')).toEqual(['ilham-aliyev']);
    expect(people('Алиев, Ильхам Гейдарович — президент Азербайджана.')).toEqual(['ilham-aliyev']);
    expect(people('Tokayev, Kassym-Jomart')).toEqual(['tokayev']);
    expect(people('Erdoğan, Recep Tayyip (d. 1954), Türkiye Cumhurbaşkanı.')).toEqual(['erdogan']);
    expect(people('Əliyev, İlham Heydər oğlu')).toEqual(['ilham-aliyev']);
  });
  it('gives it to someone else after a comma and another given name or patronymic, in any case', () => {
    expect(people('Aliyev, Rustam — footballer.')).toEqual([]);
    expect(people('Не следует путать с Токаевым, Ерланом Маратовичем — футболистом.')).toEqual([]);
    expect(people('Назарбаев, Ерлан Маратович')).toEqual([]);
  });
  it('does not take a bare given name after the surname, nor an author’s with a year', () => {
    // A wanted notice or a register writes a namesake so; a reference list's author is often a scholar of that name.
    expect(people('Разыскивается Бердымухамедов Сердар, 2001 г. р.')).toEqual([]);
    expect(people('Karimov, Islam (2021). The Caspian in Transit.')).toEqual([]);
    // A given name that starts another full name is not the surname's.
    expect(people('Tokayev, Ilham Aliyev and Putin met.')).toEqual(['tokayev', 'ilham-aliyev', 'putin']);
  });
});

describe('the father’s given name before the surname', () => {
  it('names the father, not the person, even after the person was named', () => {
    expect(people('Prezident Toqaevtyñ äkesı. Kemel Toqaevtyñ kıtaptary.')).toEqual(['tokayev']);
    expect(people('Президент Токаев вспоминал отца. Кемель Токаев писал детективы.')).toEqual(['tokayev']);
  });
  it('keeps a father who is ours himself, by his own given name', () => {
    expect(people('Ilham Aliyev spoke. In 1995 Heydar Aliyev had signed it.')).toEqual([
      'ilham-aliyev',
      'heydar-aliyev',
    ]);
  });
});
