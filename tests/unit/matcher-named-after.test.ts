/**
 * Things named after a place, and routes written with dashes (data/languages.yaml `named-after`): the place's card
 * would be wrong on them. Sentences in no evaluation page: other cities, other heads, other languages.
 */
import { describe, expect, it } from 'vitest';
import { ids } from './project-matcher';

/** Entity ids of the matches of `text`, read as a page of its own. */

describe('a place’s name heading the name of a thing named after it', () => {
  it('drops it before the thing’s head in each language, and keeps the inflected city of the same sentence', () => {
    expect(ids('İstanbul Havalimanı’na iniş yaptı; İstanbul’da yağmur yağıyor.')).toEqual(['istanbul']);
    expect(ids('Sumqayıt Dövlət Universitetinin tələbələri Sumqayıtda toplaşdı.')).toEqual(['sumgayit']);
    expect(ids('Шымкент мемлекеттік университетінің студенттері Шымкентте жиналды.')).toEqual(['shymkent']);
    expect(ids('Бишкек мамлекеттик университетинде окуйт, Бишкекте жашайт.')).toEqual(['bishkek']);
    expect(ids('Samarqand teatrida spektakl, Samarqandda bayram.')).toEqual(['samarkand']);
    expect(ids('Aşgabat döwlet uniwersitetiniň talyplary.')).toEqual([]);
    expect(ids('Матч на Ташкент Арене перенесли.')).toEqual([]);
  });
  it('reads the head after the Armenian and Georgian genitive', () => {
    expect(ids('Երևանի օդանավակայանում մեզ դիմավորեցին, իսկ Երևանում անձրև էր։')).toEqual(['yerevan']);
    expect(ids('თბილისის საერთაშორისო აეროპორტი დაიხურა. თბილისში წვიმს.')).toEqual(['tbilisi']);
  });
  it('drops a place’s or country’s name after the head of an institution: a Russian genitive, an English “of”', () => {
    expect(ids('Суд Бишкека отклонил иск; в Бишкеке тепло.')).toEqual(['bishkek']);
    expect(ids('Национальный банк Казахстана снизил ставку.')).toEqual([]);
    // An office is not an institution's head: the President of Uzbekistan is the country's.
    expect(ids('The Supreme Court of Uzbekistan ruled, the President of Uzbekistan said.')).toEqual(['uzbekistan']);
    // Whole words only: "судьба" (fate) starts like "суд" (court).
    expect(ids('Судьба Карабаха решается.')).toEqual(['karabakh']);
  });
  it('treats a region as a place, and a company’s name only before its arena', () => {
    expect(ids('Asia Times reported from Tashkent.')).toEqual(['tashkent']);
    // Any newspaper's head, not only the two most common ones.
    expect(ids('The Caspian Herald and the Georgia Gazette both sent reporters to Baku.')).toEqual(['baku']);
    expect(ids('Petkim Stadyumu’nda maç var, Petkim hisseleri yükseldi.')).toEqual(['petkim']);
    // A company's name before a country's is its branch there: both stay.
    expect(ids('SOCAR Türkiye yatırım yaptı.')).toEqual(['socar', 'turkiye']);
  });
});

describe('a place’s name inside the quoted title of a film, a book, a song or a podcast', () => {
  it('drops the names of a title the word before its quotation mark names as one', () => {
    expect(ids('The documentary "Tbilisi in winter" premiered in Tbilisi.')).toEqual(['tbilisi']);
    expect(ids('Yeni belgesel «Bakü’de bir gece» yayında.')).toEqual([]);
    expect(ids('Вышел роман «Ташкент, город хлебный» о войне.')).toEqual([]);
  });
  it('keeps them in a quotation that no such word names: an exhibition’s theme, a quoted statement', () => {
    expect(ids('The exhibition "Treasures of Samarkand" opens.')).toEqual(['samarkand']);
    expect(ids('Ilham Aliyev said "Tbilisi is our partner" on Monday.')).toEqual(['ilham-aliyev', 'tbilisi']);
  });
});

describe('a place’s name inside a route written with dashes', () => {
  it('drops the cities of a pipeline’s, railway’s or road’s name, written solid or spaced', () => {
    expect(ids('Ташкент — Бишкек железная дорога строится.')).toEqual([]);
    expect(ids('თბილისი-ერევნის რკინიგზა')).toEqual([]);
    // Three names joined solid need no head.
    expect(ids('Dushanbe-Tashkent-Bishkek')).toEqual([]);
  });
  it('drops the towns of a train or a ferry named by its two ends, in each language', () => {
    expect(ids('The Tashkent–Bishkek train leaves at nine; the Aktau–Baku ferry waits.')).toEqual([]);
    expect(ids('Bakı–Tbilisi qatarı yola düşdü. Bakü-Tiflis treni kalktı.')).toEqual([]);
    expect(ids('Шымкент — Ташкент поезі жүрді. Ташкент — Бишкек поезди жолго чыкты.')).toEqual([]);
    expect(ids('Toshkent–Samarqand poyezdi jo‘nadi. Bakuw–Aşgabat otlusy ugrady.')).toEqual([]);
    expect(ids('Aktau–Baku bərə xətti işləyir. ბაქო–თბილისის მატარებელი გავიდა.')).toEqual([]);
  });
  it('drops them after a head written first, as Russian writes it, and a port town at either end', () => {
    expect(ids('Поезд Ташкент — Бишкек отменён, паром Баку — Актау ушёл.')).toEqual([]);
    expect(ids('Нефть идёт по трубопроводу Баку — Новороссийск.')).toEqual([]);
    expect(ids('The Kuryk–Alat ferry is full.')).toEqual([]);
  });
  it('keeps the towns of a flight, a trip or a score, and a port town in a list of freight flows', () => {
    expect(ids('Рейс Ташкент — Бишкек отменён. Самолёт Баку — Москва сел.')).toEqual([
      'tashkent',
      'bishkek',
      'baku',
      'moscow',
    ]);
    expect(ids('Грузы: Актау — Баку — 1,9 млн т.')).toEqual(['aktau-port', 'baku']);
    expect(ids('Поезда Туркменистан — Казахстан ходят.')).toEqual(['turkmenistan', 'kazakhstan']);
  });
  it('keeps two cities with no route’s head, a spaced dash in running text, and the countries a route crosses', () => {
    expect(ids('Tashkent–Bishkek flights resumed.')).toEqual(['tashkent', 'bishkek']);
    expect(ids('HAVA DURUMU — Ankara’da 12 derece')).toEqual(['ankara']);
    expect(ids('Türkiye–Gürcistan–Azerbaycan demiryolu')).toEqual(['turkiye', 'georgia', 'azerbaijan']);
  });
  it('marks the route itself where the fact base has it, by its bare dash-joined name in each language', () => {
    expect(ids('Bakı-Tbilisi-Ərzurum boru kəməri ilə qaz nəql olunur.')).toEqual(['south-caucasus-pipeline']);
    expect(ids('Стройка на участке Карс — Нахчыван идёт.')).toEqual(['kars-nakhchivan-railway']);
    expect(ids('Բաքու-Սուփսա խողովակաշարը')).toEqual(['baku-supsa-pipeline']);
  });
});
