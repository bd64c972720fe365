/**
 * A name of ours in quotation marks beside the word of a thing's kind is that thing's name (data/languages.yaml
 * `quoted-kinds`, lib/matcher/quoted-kinds.ts), and an idea's name heads things named after it as a place's does.
 * Sentences in no evaluation page, in every language of the region; each pairs the thing with the name as itself.
 */
import { describe, expect, it } from 'vitest';
import { ids } from './project-matcher';

describe('a person’s name in the quoted name of a hotel, a shop, a club or a company', () => {
  it('drops it before the kind’s word, as Russian, English, Georgian and Armenian write it', () => {
    expect(ids('Ужинали в ресторане «Гейдар Алиев». Гейдар Алиев родился в Нахчыване.')).toEqual([
      'heydar-aliyev',
      'nakhchivan',
    ]);
    expect(ids('We met at the cafe "Heydar Aliyev"; Heydar Aliyev was born in 1923.')).toEqual(['heydar-aliyev']);
    expect(ids('სასტუმრო „ჰეიდარ ალიევი“ დაიხურა. ჰეიდარ ალიევი')).toEqual(['heydar-aliyev']);
    expect(ids('ՍՊԸ «Արմեն Սարգսյան» փակվեց։ Արմեն Սարգսյան')).toEqual(['armen-sarkissian']);
  });
  it('drops it after the kind’s word, as the Turkic languages and Armenian write it, up to three words on', () => {
    expect(ids('Konser "Mustafa Kemal Atatürk" Oteli salonunda. Mustafa Kemal Atatürk')).toEqual(['ataturk']);
    expect(ids('Toplantı "Heydər Əliyev" MMC ofisində keçirildi. Heydər Əliyev')).toEqual(['heydar-aliyev']);
    expect(ids('"Islom Karimov" mehmonxonasi yopildi. Islom Karimov')).toEqual(['islam-karimov']);
    expect(ids('«Ислом Каримов» меҳмонхонаси ёпилди. Ислом Каримов')).toEqual(['islam-karimov']);
    expect(ids('«Нұрсұлтан Назарбаев» балалар шахмат мектебі ашылды. Нұрсұлтан Назарбаев')).toEqual(['nazarbayev']);
    expect(ids('«Արմեն Սարգսյան» ԱՁ, Մաշտոցի պող. 12։ Արմեն Սարգսյան')).toEqual(['armen-sarkissian']);
  });
  it('keeps a quoted sentence, and a company’s own name beside its kind’s word', () => {
    expect(ids('«Гейдар Алиев — наш лидер», — сказали в клубе.')).toEqual(['heydar-aliyev']);
    expect(ids('"Heydər Əliyev, sağ olun" dedi şirkətin rəhbəri.')).toEqual(['heydar-aliyev']);
    expect(ids('Соглашение подписала компания «КазМунайГаз».')).toEqual(['kazmunaygaz']);
    // The hotel's city after a comma is the city.
    expect(ids('Гостиница «Гейдар Алиев», Баку')).toEqual(['baku']);
  });
});

describe('an idea’s name (Turan) heading the name of a thing named after it', () => {
  it('drops it before a bank’s, a university’s or a neighbourhood’s head, in a list as in prose', () => {
    expect(ids('Sponsors: TAV Airports · Caspian Hotel Group · Turan Bank · Pan-Turkism Review')).toEqual([
      'tav-airports',
      'pan-turkism',
    ]);
    expect(ids('Tūran universitetınıñ studentterı Pan-Turanism turaly jazdy.')).toEqual(['pan-turkism']);
    expect(ids('Satılık daire — Çeşme, Turan Mahallesi. Turancılık üzerine bir kitap.')).toEqual(['pan-turkism']);
  });
  it('keeps the idea alone in quotation marks and a longer name of ours that holds it', () => {
    expect(ids('Pan-Turkism dreamt of "Turan", a land of all Turks.')).toEqual(['pan-turkism', 'pan-turkism']);
    expect(ids('There is no "Turan Army" in the making.')).toEqual(['turan-army']);
  });
});

describe('a place’s or a country’s name before one lowercase word of a thing’s name and its head', () => {
  it('drops it in the languages that write a name so, and keeps the inflected place of the same sentence', () => {
    expect(ids('Шымкент май зауыты жабылды, Шымкентте жаңбыр.')).toEqual(['shymkent']);
    expect(ids('Samarqand ipak fabrikasi yopildi; Samarqandda bayram.')).toEqual(['samarkand']);
    expect(ids('Тошкент трактор заводи ёпилди, Тошкентда ёмғир.')).toEqual(['tashkent']);
    expect(ids('Qazaqstan halyq bankı qarjy berdı.')).toEqual([]);
    expect(ids('Գյումրու տեքստիլ գործարանը փակվեց։')).toEqual([]);
    expect(ids('თურქეთის სახელმწიფო რკინიგზა')).toEqual([]);
  });
  it('keeps a central bank, a postposition before a route’s word, a part of the place and a Russian sentence', () => {
    expect(ids('Oʻzbekiston markaziy banki foizni tushirdi.')).toEqual(['uzbekistan']);
    expect(ids('საქართველოს ეროვნული ბანკი')).toEqual(['georgia']);
    expect(ids('Samarqand bilan temir yo‘l loyihasi')).toEqual(['samarkand']);
    expect(ids('Երևանի պատմական թաղամասերը')).toEqual(['yerevan']);
    // A name Russian shares: its verb and a plural after it ("форумы" is also a Kazakh forum's possessive).
    expect(ids('Ташкент примет форумы')).toEqual(['tashkent']);
  });
});

describe('heads of institutions in the other orders', () => {
  it('reads a Russian court’s “города”, a Cyrillic “Борса”, a Georgian arena and a Turkish cooperative', () => {
    expect(ids('Арбитражный суд города Москвы; мэр города Москвы')).toEqual(['moscow']);
    expect(ids('BIST 100 (Борса Истанбул) вырос. Истанбул ждёт туристов.')).toEqual(['istanbul']);
    expect(ids('კონცერტი შავი ზღვის არენაზე')).toEqual([]);
    expect(ids('Site yönetimi Nahçıvan Yapı Kooperatifi’ne aittir.')).toEqual([]);
  });
});
