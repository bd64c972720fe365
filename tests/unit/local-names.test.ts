/**
 * Local names of the region's seas, continents and cities, as its press writes them with their endings, and the
 * namesakes those words also are. Sentences are written for these tests, with the project's alias index and rules.
 */
import { describe, expect, it } from 'vitest';
import { page } from './project-matcher';

describe("the Caspian's bare local name", () => {
  it('is the sea near another name, with its endings', () => {
    expect(page('Bakı limanından verilən məlumata görə, Xəzərdə dalğanın hündürlüyü 4 metrə çatır.')).toEqual([
      ['Bakı', 'baku'],
      ['Xəzərdə', 'caspian-sea'],
    ]);
    expect(page("Kazakistan petrolü Hazar'ı geçerek Bakü'ye ulaşıyor.")).toContainEqual(["Hazar'ı", 'caspian-sea']);
    expect(page('Özbekiston yuklari Kaspiy orqali Bokuga yetib bordi.')).toContainEqual(['Kaspiy', 'caspian-sea']);
    expect(page('Aşgabat habar berdi: Hazaryň kenarynda täze port açyldy.')).toContainEqual(['Hazaryň', 'caspian-sea']);
  });

  it('is a person before a courtesy word, a town before a town word, a lake before "göl"', () => {
    expect(page('Xəzər bəy, Bakıdan biletləri haradan aldınız?')).toEqual([['Bakıdan', 'baku']]);
    expect(page('Aşgabat habar berdi: Hazar şäherinde täze port açyldy.')).not.toContainEqual(
      expect.arrayContaining(['caspian-sea']),
    );
    expect(page('Elazığ yakınındaki Hazar Gölü kıyısında Ankara’dan gelen turistler vardı.')).not.toContainEqual(
      expect.arrayContaining(['caspian-sea']),
    );
  });
});

describe('city names with their endings in Kazakh Latin, Uzbek and Kazakh', () => {
  it('are found', () => {
    expect(page('Qyrğyzstanğa ötu üşın Bışkekke baratyn avtobustar Şymkentten jüredı.')).toContainEqual([
      'Bışkekke',
      'bishkek',
    ]);
    expect(page('Air Astana reisımen Taşkentke ūşyp barady ekenbız, sodan soñ Samarkandqa.')).toEqual([
      ['Taşkentke', 'tashkent'],
      ['Samarkandqa', 'samarkand'],
    ]);
    expect(page('Elordamyz 1997 jyly Almatydan Ақмолаға köşırıldı.')).toContainEqual(['Ақмолаға', 'astana']);
    expect(page('Xorijiy vakolatxonalar: Ostona, Boku, Istanbul.')).toContainEqual(['Ostona', 'astana']);
    expect(page('Qozogʻiston bilan savdo: Xorgos orqali konteynerlar oqimi oshdi.')).toContainEqual([
      'Xorgos',
      'khorgos',
    ]);
  });
});

describe('Fuzuli, the city and the poet', () => {
  it("the city takes a place's cases in Azerbaijani", () => {
    expect(page('Biz Bakıdan gec çıxdıq, Füzulidə tıxac var idi.')).toEqual([
      ['Bakıdan', 'baku'],
      ['Füzulidə', 'fuzuli'],
    ]);
    expect(page('Bakıdan Füzuliyə ilk qatar reysi.')).toContainEqual(['Füzuliyə', 'fuzuli']);
  });
  it("the poet's genitive, or his name after his given name, is not the city", () => {
    expect(page('Bakıda dahi şairimiz Füzulinin qəzəlləri oxundu.')).toEqual([['Bakıda', 'baku']]);
    expect(page('Bakıda Məhəmməd Füzuliyə həsr olunmuş gecə keçirildi.')).toEqual([['Bakıda', 'baku']]);
  });
});

describe('the port of Kuryk in Azerbaijani', () => {
  it('is found with its endings, and the bare name beside a port word', () => {
    expect(page('Aktau limanından və Kurık limanından gələn bərələr Bakıda gözləyir.')).toContainEqual([
      'Kurık limanından',
      'kuryk-port',
    ]);
  });
});

describe('names in more of the languages that write them', () => {
  it('Yusuf Akçura in Russian, then his bare surname declined', () => {
    expect(page('Главным её голосом стал Юсуф Акчура.', 'Автор разбирает статью Акчуры «Три типа политики».')).toEqual([
      ['Юсуф Акчура', 'yusuf-akcura'],
      ['Акчуры', 'yusuf-akcura'],
    ]);
  });
  it('the Soviet Union, the CIS and the CSTO by their Kazakh Latin, Armenian and Uzbek acronyms', () => {
    expect(page('1940 · Nūrsūltan Äbdıqalyqov, kürescı, KSRO çempiony')).toContainEqual(['KSRO', 'soviet-union']);
    expect(page('1922՝ ԽՍՀՄ')).toEqual([['ԽՍՀՄ', 'soviet-union']]);
    expect(page('Ўзбекистон КХШТдан 2012 йилда чиққан.')).toContainEqual(['КХШТдан', 'csto']);
    expect(page('2022 · Qañtar oqiğasynan keiın ŪQŞŪ kontingentı Qazaqstannan şyğaryldy.')).toContainEqual([
      'ŪQŞŪ',
      'csto',
    ]);
  });
  it("TMD and GDA, also other things' letters, count only near another name", () => {
    expect(page('TMD jüiesı jañartyldy.')).toEqual([]);
    expect(page('Qazaqstan basşylary jinaldy, bes künnen keiın TMD qūryldy.')).toContainEqual(['TMD', 'cis']);
  });
});

describe('the Iğdır–Nakhchivan pipeline in Azerbaijani', () => {
  it('is its dash-joined name before the word for a pipeline, not the two places', () => {
    expect(page('Naxçıvan qazla artıq İğdır–Naxçıvan kəməri vasitəsilə təmin olunur.')).toEqual([
      ['Naxçıvan', 'nakhchivan'],
      ['İğdır–Naxçıvan kəməri', 'igdir-nakhchivan-gas-pipeline'],
    ]);
  });
});

describe("cities' and countries' names in the languages that lacked them", () => {
  it('Kazakh Cyrillic spellings take their endings, and their 2021 Latin forms are derived', () => {
    expect(page('Делегация Мәскеуден оралып, келесі аптада Бейжіңге аттанады.')).toEqual([
      ['Мәскеуден', 'moscow'],
      ['Бейжіңге', 'beijing'],
    ]);
    expect(page('Жүк Ыстамбұлдан Алматыға жеткізілді.')).toContainEqual(['Ыстамбұлдан', 'istanbul']);
    expect(page('Sapar Mäskeuden bastalyp, Vengriiada aiaqtaldy.')).toEqual([
      ['Mäskeuden', 'moscow'],
      ['Vengriiada', 'hungary'],
    ]);
  });
  it('the US by its Kazakh, Kyrgyz and Uzbek acronyms, in capitals only', () => {
    expect(page('АҚШ-тың елшісі Астанаға келді.')).toContainEqual(['АҚШ', 'united-states']);
    expect(page('Бишкектен АКШга түз каттам жок.')).toContainEqual(['АКШга', 'united-states']);
  });
  it('Turkmen writes Baku with a final w, and Sumgayit has a spelling in each language', () => {
    expect(page('Türkmenbaşydan Bakuwa parom gatnawy dikeldildi.')).toContainEqual(['Bakuwa', 'baku']);
    expect(page('Сумгайытта жаңы завод ачылды, деп билдирди Бакудагы элчилик.')).toContainEqual([
      'Сумгайытта',
      'sumgayit',
    ]);
    expect(page('Qorgʻos orqali Toshkentga yuk poyezdi keldi.')).toContainEqual(['Qorgʻos', 'khorgos']);
  });
  it("Istanbul's old English name is the city", () => {
    expect(page('He left Baku for Constantinople in 1918.')).toContainEqual(['Constantinople', 'istanbul']);
  });
});

describe('spellings of Turkestan, Shusha, Turkmenistan and Ashgabat that the Kyrgyz, Azerbaijani and Kazakh press writes', () => {
  it('are the city and the country, with their endings', () => {
    expect(page('Казакстандын Түркстан шаарында Кыргызстандын делегациясы болду.')).toContainEqual([
      'Түркстан',
      'turkestan-city',
    ]);
    expect(page('Şuşa ilə Türküstan şəhərləri qardaşlaşıb, Azərbaycan bildirib.')).toContainEqual([
      'Türküstan',
      'turkestan-city',
    ]);
    expect(page('Türkıstan qalasy Şuşamen bauyrlas, dedı Qazaqstan.')).toContainEqual(['Şuşamen', 'shusha']);
    expect(page('Түркіменстанмен шекара ашылды.')).toEqual([['Түркіменстанмен', 'turkmenistan']]);
    expect(page('Türkımenstanğa jük jıberıldı.')).toEqual([['Türkımenstanğa', 'turkmenistan']]);
    expect(page('Ашгабатта жолугушуу өттү.')).toEqual([['Ашгабатта', 'ashgabat']]);
    expect(page('Ашғабатқа рейс ашылды.')).toEqual([['Ашғабатқа', 'ashgabat']]);
  });
  it('keep the rules of the name they spell: East Turkestan is not the city, nor is a lone Türküstan', () => {
    expect(page('Чыгыш Түркстан жөнүндө Кыргызстан айтты.')).toEqual([['Кыргызстан', 'kyrgyzstan']]);
    expect(page('Türküstan adlı mağaza açılıb.')).toEqual([]);
  });
});
