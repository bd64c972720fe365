/**
 * The heads of things named after a place, a country or a person, class by class in every language
 * (data/languages.yaml `named-after`): a street, a TV channel or radio, a company, a building, a railway or a bank, an
 * airline or a hotel before the name. Sentences in no evaluation page: other places, other heads, other languages.
 */
import { describe, expect, it } from 'vitest';
import { ids } from './project-matcher';

describe('a street or an avenue named after a place or a person', () => {
  it('drops the name before the street’s word of each language, the Uzbek apostrophe inside it included', () => {
    expect(ids('Bishkek ko‘chasi 12, Toshkent')).toEqual(['tashkent']);
    expect(ids('Бишкек көчөсүндө дүкөн ачылды, Бишкекте жаан.')).toEqual(['bishkek']);
    expect(ids('Назарбаев даңғылы, 12; Ататүрік көшесі, 3')).toEqual([]);
    expect(ids('Ilham Aliyev Avenue and Yerevan Avenue')).toEqual([]);
  });
});

describe('a TV channel, a radio, a company or a building named after a place or a country', () => {
  it('drops the name before the media’s or company’s word', () => {
    expect(ids('Samarkand TV and Qazaqstan Radiosy aired it.')).toEqual([]);
    expect(ids('The Tashkent Shipping Company bought Bishkek Motors.')).toEqual([]);
    expect(ids('Yerevan Plaza opened; Yerevan is warm.')).toEqual(['yerevan']);
    expect(ids('Tbilisi Mall, Tbilisi City Hall')).toEqual([]);
  });
  it('keeps a country before an office, which is the country’s', () => {
    expect(ids('Kazakhstan President Tokayev said so.')).toEqual(['kazakhstan', 'tokayev']);
  });
  it('drops an airline’s and a hotel’s name before the place', () => {
    expect(ids('Air Bishkek flies to Hotel Ashgabat guests.')).toEqual([]);
  });
  it('drops a country in the Georgian genitive before a railway or a bank, in any case of the head', () => {
    expect(ids('აზერბაიჯანის რკინიგზამ და თურქეთის ბანკმა განაცხადეს.')).toEqual([]);
    expect(ids('აზერბაიჯანში რკინიგზა')).toEqual(['azerbaijan']);
  });
});

describe('a stock exchange or a wall named after a place or a country', () => {
  it('drops the name before or after the exchange’s or the wall’s word', () => {
    expect(ids('Бишкек биржасы жабылды, Бишкекте жаан.')).toEqual(['bishkek']);
    expect(ids('Borsa Ankara mı? Ankara’da borsa yok.')).toEqual(['ankara']);
    expect(ids('Kassym-Jomart Tokayev: the Great Wall of China is long, said China.')).toEqual(['tokayev', 'china']);
  });
});

describe('a hall, a metro, a fund, an event or a river named after a place', () => {
  it('drops the name before a conference room’s or a hall’s word', () => {
    expect(ids('10:00 · Tashkent Hall · 12:00 · Bishkek Room · 14:00 · Yerevan Suite; Tashkent is warm.')).toEqual([
      'tashkent',
    ]);
  });
  it('drops the name before its metro’s, fund’s, week’s, marathon’s or river’s word', () => {
    expect(ids('Daşkənd Metropoliteni, Yerevan Foundation, İzmir Maratonu, Ankara Çayı')).toEqual([]);
    expect(ids('Ташкентский метрополитен? Нет: Бишкек марафону, Тошкент метрополитени.')).toEqual([]);
  });
});

describe('a part of a continent, and a province named after a country', () => {
  it('drops the continent after a word that names a part of it', () => {
    expect(ids('Малая Азия и Юго-Восточная Азия, пишет Казахстан.')).toEqual(['kazakhstan']);
    expect(ids('Southeast Asia buys from Kazakhstan and Asia.')).toEqual(['kazakhstan', 'asia']);
  });
  it('drops Asia Minor in the Turkic languages, in any case, and keeps Asia', () => {
    expect(ids('Davlat Kichik Osiyogacha cho‘zilgan, Osiyo kubogi esa Toshkentda.')).toEqual(['asia', 'tashkent']);
    expect(ids('Кіші Азияда, Кичи Азияга, Kiçi Aziýada: Қазақстан.')).toEqual(['kazakhstan']);
  });
  it('drops the country before a province’s word, and keeps it elsewhere', () => {
    expect(ids('Шығыс Қазақстан облысында жаңбыр, Қазақстан бойынша ыстық.')).toEqual(['kazakhstan']);
  });
});

describe('a head past a word or two of the thing’s own name', () => {
  it('drops the name before capitalised words of the thing’s name and its head', () => {
    expect(ids('Tashkent Silver Hall, Ankara Kitap Haftası, Bişkek 2030 Winter Games')).toEqual([]);
    expect(ids('The Yerevan-Tbilisi Institute opened; Tbilisi is warm.')).toEqual(['tbilisi']);
  });
  it('keeps the name before a Title Case verb or a lowercase head', () => {
    expect(ids('Tashkent Hosts Energy Forum')).toEqual(['tashkent']);
    expect(ids('Тошкент Туркий давлатлар саммитига мезбонлик қилди.')).toEqual(['tashkent']);
  });
});
