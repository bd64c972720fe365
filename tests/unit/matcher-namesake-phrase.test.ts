/**
 * What the page says, in a person's name's own phrase, that makes the name someone else's (lib/matcher/namesake-phrase.ts):
 * a namesake's word in the apposition after it or right before it, a word saying someone is called so, a young age in
 * brackets, a role none of ours holds, a patronymic after it. Each case has its reading that must not change beside
 * it. Sentences in no evaluation page.
 */
import { describe, expect, it } from 'vitest';
import { ids, page } from './project-matcher';

describe('a namesake’s word in the apposition after a name, or right before it', () => {
  it('drops the full name, in every language, and the next bare mention goes to the namesake too', () => {
    expect(ids('Turnirdə Heydər Əliyev (adaş, prezidentlə qohumluğu yoxdur) qalib gəldi. Əliyev sevindi.')).toEqual([]);
    expect(ids('Ильхам Алиев (тёзка президента) выиграл турнир в Гяндже.')).toEqual([]);
    expect(ids('В финале Ильхам Алиев, однофамилец президента, уступил.')).toEqual([]);
    expect(ids('Dr. Ilham Aliyev (no relation to the president) will teach the course.')).toEqual([]);
    expect(ids('Fuarda İlham Aliyev (akrabalığı yok) bir stant açtı.')).toEqual([]);
    expect(ids('Турнирде Ильхам Алиев (президенттің аттасы) жеңіске жетті.')).toEqual([]);
    expect(ids('Musobaqada Ilhom Aliyev (adash, qarindoshi emas) g‘olib chiqdi.')).toEqual([]);
    expect(ids('Ýaryşda Ilham Aliýew (atdaş) ýeňiji boldy.')).toEqual([]);
    expect(ids('Մրցաշարում Իլհամ Ալիևը (անվանակից) հաղթեց։').filter((id) => id.includes('aliyev'))).toEqual([]);
    expect(ids('პრეზიდენტის სეხნია ილჰამ ალიევი ჩემპიონი გახდა.').filter((id) => id.includes('aliyev'))).toEqual([]);
    expect(ids('Prezidentin adaşı İlham Əliyev yarışda qalib gəldi.')).toEqual([]);
  });
  it('keeps the person where the word speaks of someone else after the name, not in its apposition', () => {
    expect(ids('Ilham Aliyev met his namesake, a young wrestler, in Ganja.')).toEqual(['ilham-aliyev']);
    expect(ids('İlham Əliyev adaşı olan gənc idmançı ilə görüşüb.')).toEqual(['ilham-aliyev']);
    expect(ids('Ильхам Алиев (президент Азербайджана) прибыл в Москву.')).toContain('ilham-aliyev');
  });
  it('takes a bare surname the page already gave its person away where its phrase says namesake', () => {
    expect(page('Ilham Aliyev spoke in Baku. Guest speaker: Prof. I. Aliyev (no relation to the president).')).toEqual([
      ['Ilham Aliyev', 'ilham-aliyev'],
      ['Baku', 'baku'],
    ]);
  });
});

describe('a word saying someone is called so, a young age, a role or a patronymic', () => {
  it('drops a full name before a word for “called”', () => {
    expect(ids('Güləşdə İlham Əliyev adlı gənc idmançı qalib gəldi.')).toEqual([]);
    expect(ids('Ауылда Нұрсұлтан Назарбаев есімді бала тұрады.')).toEqual([]);
  });
  it('drops a full name before an age younger than any of ours, with the sentence going on', () => {
    expect(ids('His son, Heydar Aliyev (21), also wrestles.')).toEqual([]);
    expect(ids('Президент Ильхам Алиев (63) прибыл в Москву.')).toContain('ilham-aliyev');
    // A crossword's count of letters ends its line.
    expect(ids('3. Türkiyenin kurucusu Mustafa Kemal (7)')).toContain('ataturk');
  });
  it('drops a full name after a role none of ours holds, or with one in its description', () => {
    expect(ids('The man is Ilham Aliyev, a wrestling coach from Ganja.')).toEqual([]);
    expect(ids('Тренер Ильхам Алиев похвалил команду.')).toEqual([]);
    expect(ids('Hakim Recep Tayyip Erdoğan davayı erteledi.')).toEqual([]);
    expect(ids('And Aliyev the wrestler won again, said Ilham Aliyev.')).toContain('ilham-aliyev');
    // A role after a list's comma is another person's: "Erdoğan and the coach".
    expect(ids('Ilham Aliyev, Recep Tayyip Erdoğan and the coach of the team met.')).toEqual([
      'ilham-aliyev',
      'erdogan',
    ]);
    expect(ids('Ilham Aliyev, the president, met the coach.')).toEqual(['ilham-aliyev']);
  });
  it('drops a full name with a patronymic after it, in any case', () => {
    expect(ids('Задержан Садыр Жапаров Нурланович, 1995 года рождения.')).toEqual([]);
    expect(ids('Садыр Жапаров подписал указ.')).toEqual(['sadyr-japarov']);
  });
});

describe('initials and patronymics in any case before and after a bare surname', () => {
  it('reads the first of two initials as the given name’s', () => {
    expect(ids('Ильхам Алиев подписал указ. Решение вынесла судья Т. И. Алиева.')).toEqual(['ilham-aliyev']);
    expect(ids('Ильхам Алиев подписал указ. Рядом стоял И. Г. Алиев.')).toEqual(['ilham-aliyev', 'ilham-aliyev']);
  });
  it('reads a declined patronymic as one', () => {
    expect(ids('Ильхам Алиев подписал указ. Письмо Алиева Тимура Ильхамовича получено.')).toEqual(['ilham-aliyev']);
    expect(page('Встреча с Ильхамом Гейдаровичем Алиевым прошла в Москве.')).toContainEqual([
      'Алиевым',
      'ilham-aliyev',
    ]);
    expect(ids('Встреча с Бакытом Садыровичем Жапаровым прошла в Бишкеке.')).toEqual(['bishkek']);
  });
});

describe('a word for one who shares the surname (soyadaş, familiyadosh, фамилиялаш)', () => {
  it('drops the full name it stands before or in the apposition of', () => {
    expect(ids('Cumhurbaşkanının soyadaşı İlham Aliyev yarışı kazandı.')).toEqual([]);
    expect(ids('Prezidentning familiyadoshi Ilhom Aliyev musobaqada g‘olib chiqdi.')).toEqual([]);
    expect(
      ids('Турнирде Ильхам Алиев (президенттин фамилиялашы) жеңди.').filter((id) => id.includes('aliyev')),
    ).toEqual([]);
  });
  it('keeps the person where the word is about someone else', () => {
    expect(ids('İlham Aliyev soyadaşı olan güreşçiyle görüştü.')).toEqual(['ilham-aliyev']);
  });
});

describe('a phrase that tells the name after it apart from another (“not to be confused with”)', () => {
  it('drops the name after it, full or bare, and the next bare mention goes to the namesake too', () => {
    expect(ids('Not to be confused with Ilham Aliyev (born 1990).')).toEqual([]);
    expect(ids('Не следует путать с Ильхамом Алиевым — футболистом.')).toEqual([]);
    expect(page('Ilham Aliyev spoke. Not to be confused with Aliyev, the footballer. Aliyev scored.')).toEqual([
      ['Ilham Aliyev', 'ilham-aliyev'],
    ]);
  });
  it('keeps ours where the apposition gives one of his titles, or the name is a possessive', () => {
    expect(ids('He is not to be confused with Heydar Aliyev, the later President of Azerbaijan.')).toEqual([
      'heydar-aliyev',
      'azerbaijan',
    ]);
    expect(ids('Ilham Aliyev spoke in Baku. It should not be confused with Aliyev’s earlier speech.')).toEqual([
      'ilham-aliyev',
      'baku',
      'ilham-aliyev',
    ]);
    // The phrase must end right before the name: a title between is the page naming ours.
    expect(ids('Не путать с президентом Туркменистана Сердаром Бердымухамедовым.')).toEqual([
      'turkmenistan',
      'serdar-berdimuhamedov',
    ]);
  });
});
