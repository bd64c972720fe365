/**
 * Given names known by their shape, not by a list: a person's bare surname after a capitalised word that is no given
 * name of theirs, no title, no office and no sentence opening is someone else's, initials written solid included.
 * With the project's alias index and rules; sentences and names here are in no evaluation page.
 */
import { describe, expect, it } from 'vitest';
import { ids, page } from './project-matcher';
import { wordBefore } from '../../lib/matcher/words';

describe('a surname after a capitalised word that is not the person’s given name', () => {
  it('is someone else’s for every person known by a bare surname, given name listed or not', () => {
    // Belqasem is in no list of given names: its place before the surname says it is one.
    expect(
      page('Belqasem Haftar, the general’s son, met officials in Ankara.', 'Haftar said talks would go on.'),
    ).toEqual([['Ankara', 'ankara']]);
    expect(
      page('Tarık Akar, a chemist from İzmir, won the prize.', 'Mr. Akar thanked his students in Ankara.'),
    ).toEqual([
      ['İzmir', 'izmir'],
      ['Ankara', 'ankara'],
    ]);
  });
  it('is still the person’s after their own given name, a title of theirs, or after they were named in full', () => {
    expect(page('Khalifa Haftar flew to Ankara.', 'Haftar met the defence minister.')).toEqual([
      ['Khalifa Haftar', 'khalifa-haftar'],
      ['Ankara', 'ankara'],
      ['Haftar', 'khalifa-haftar'],
    ]);
    expect(page('Dışişleri Bakanı Kamilov Ankara’da temaslarda bulundu.')).toEqual([
      ['Kamilov', 'abdulaziz-kamilov'],
      ['Ankara’da', 'ankara'],
    ]);
  });
  it('reads an office, a rank, a weekday or a month as no given name: the page’s last full mention decides', () => {
    expect(page('Recep Tayyip Erdoğan arrived in Astana.', 'On Thursday Erdoğan met students.')).toEqual([
      ['Recep Tayyip Erdoğan', 'erdogan'],
      ['Astana', 'astana'],
      ['Erdoğan', 'erdogan'],
    ]);
    expect(page('Abdusalom Azizov visited Ankara.', 'Ambassador Azizov hosted a dinner.')).toEqual([
      ['Abdusalom Azizov', 'abdusalom-azizov'],
      ['Ankara', 'ankara'],
      ['Azizov', 'abdusalom-azizov'],
    ]);
  });
  it('knows a Georgian given name from the list, as Georgian writes no capitals', () => {
    expect(
      page('ილჰამ ალიევი თბილისში ჩავიდა.', 'ზაურ ალიევი, დეპუტატი, არ დაეთანხმა.', 'ალიევმა ხელი მოაწერა.'),
    ).toEqual([
      ['ილჰამ ალიევი', 'ilham-aliyev'],
      ['თბილისში', 'tbilisi'],
    ]);
    // Any other word before the surname is no given name: the page's last full mention decides.
    expect(page('ილჰამ ალიევი თბილისში ჩავიდა.', 'შეხვედრის შემდეგ ალიევმა განაცხადა.')).toEqual([
      ['ილჰამ ალიევი', 'ilham-aliyev'],
      ['თბილისში', 'tbilisi'],
      ['ალიევმა', 'ilham-aliyev'],
    ]);
  });
  it('reads a given name that begins like a courtesy word as a given name (Bayram is not Bay, Drew is not Dr)', () => {
    expect(page('Prezident İlham Əliyev forumu açdı.', 'Sonra Bayram Əliyev çıxış etdi.')).toEqual([
      ['İlham Əliyev', 'ilham-aliyev'],
    ]);
    expect(page('Ilham Aliyev opened the forum.', 'Later Drew Aliyev, a coach from Ohio, spoke.')).toEqual([
      ['Ilham Aliyev', 'ilham-aliyev'],
    ]);
    // A courtesy word with its own case ending still confirms nobody and lets the last full mention decide.
    expect(page('Ильхам Алиев открыл форум.', 'Речь господина Алиева была короткой.')).toEqual([
      ['Ильхам Алиев', 'ilham-aliyev'],
      ['Алиева', 'ilham-aliyev'],
    ]);
  });
});

describe('initials', () => {
  it('are read written solid with the surname, as with a space', () => {
    expect(wordBefore('Р.Алиев', 2)).toMatchObject({ original: 'Р', initial: true, sentenceStart: false });
    expect(wordBefore('Депутат Р. Алиев', 11)).toMatchObject({ original: 'Р', initial: true, sentenceStart: false });
    expect(wordBefore('St.Petersburg', 3)).toBeNull();
  });
  it('give a surname to someone else unless they are the person’s', () => {
    expect(page('Ильхам Алиев провёл совещание.', 'Р.Алиев, депутат, выступил против.')).toEqual([
      ['Ильхам Алиев', 'ilham-aliyev'],
    ]);
    expect(page('Ильхам Алиев провёл совещание.', 'И.Алиев отметил рост экспорта.')).toEqual([
      ['Ильхам Алиев', 'ilham-aliyev'],
      ['Алиев', 'ilham-aliyev'],
    ]);
  });
});

describe('surnames in the scripts a page uses', () => {
  it('follows a Cyrillic full mention with the bare surname', () => {
    expect(page('Сулейман Демирель прибыл в Анкару.', 'Демирель подписал договор.')).toEqual([
      ['Сулейман Демирель', 'suleyman-demirel'],
      ['Анкару', 'ankara'],
      ['Демирель', 'suleyman-demirel'],
    ]);
    expect(page('Сүлеймен Демирел Астанаға келді.', 'Демирелдің сөзі есте қалды.').map(([, id]) => id)).toEqual([
      'suleyman-demirel',
      'astana',
      'suleyman-demirel',
    ]);
  });
});

describe('countries and regions in every language of the region', () => {
  it('are found in the spellings and endings of each language’s press', () => {
    expect(ids('Қазақстан мен Пәкістан арасындағы сауда өсті.')).toEqual(['kazakhstan', 'pakistan']);
    expect(ids('Yaxın Şərqdə vəziyyət gərginləşib, Suriyada atəşkəs pozulub.')).toEqual(['middle-east', 'syria']);
    expect(ids('Түркмөнстанга жана Тажикстанга жүк жөнөтүлдү.')).toEqual(['turkmenistan', 'tajikistan']);
    expect(ids('Ýakyn Gündogarda we Ukrainada parahatçylyk gerek.')).toEqual(['middle-east', 'ukraine']);
    expect(ids('Իսրայելը և Սիրիան բանակցում են։')).toEqual(['israel', 'syria']);
    expect(ids('ინდოეთი და პაკისტანი შეთანხმდნენ.')).toEqual(['india', 'pakistan']);
  });
});

describe('a bare name shared by a thing and the town or province it is named after', () => {
  it('is the port only with a word for the port or for shipping in its clause, and never right before “city”', () => {
    expect(page('В Актау прошёл джазовый фестиваль, гости приехали из России.')).toEqual([['России', 'russia']]);
    expect(page('Паромы из Баку теперь приходят в Актау, в новый порт, дважды в неделю.')).toEqual([
      ['Баку', 'baku'],
      ['Актау', 'aktau-port'],
    ]);
    // A ferry calls at the port (tests/eval/README.md, "Rules settled across the sets"); a festival is the town's.
    expect(page('Паромы из Баку теперь приходят в Актау дважды в неделю.')).toEqual([
      ['Баку', 'baku'],
      ['Актау', 'aktau-port'],
    ]);
    expect(page('Ақтау қаласында Қазақстан мен Түркия мектебі ашылды, паром да келді.')).toEqual([
      ['Қазақстан', 'kazakhstan'],
      ['Түркия', 'turkiye'],
    ]);
  });
  it('is the town, not the person whose epithet it is, right before a word for a town', () => {
    expect(page('Turkmenistan opened two schools in Arkadag city this year.')).toEqual([
      ['Turkmenistan', 'turkmenistan'],
    ]);
  });
  it('is the gas field only with a word of gas fields close by', () => {
    expect(page('Sakarya’da sel oldu, Türkiye yardım gönderdi.')).toEqual([['Türkiye', 'turkiye']]);
    expect(page('Türkiye, Sakarya sahasından ilk gazı çıkardı.')).toEqual([
      ['Türkiye', 'turkiye'],
      ['Sakarya', 'sakarya-gas-field'],
    ]);
  });
});
