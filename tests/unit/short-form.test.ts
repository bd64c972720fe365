/**
 * A short form that is also a common acronym (`rule: short-form`) counts only with evidence of its own entity on the
 * page; the short forms that are their entity's in every text count alone, with the endings each language puts after a
 * hyphen or an apostrophe. Sentences written for these tests, in no evaluation page.
 */
import { describe, expect, it } from 'vitest';
import { ids, page } from './project-matcher';

describe('a short form that is also a common acronym', () => {
  it('counts beside a word of its kind in its clause', () => {
    expect(ids('AR Prezidentinin fərmanı dərc olunub.')).toEqual(['azerbaijan']);
    expect(ids('TC Cumhurbaşkanlığı yeni kararı duyurdu.')).toEqual(['turkiye']);
    expect(ids('RF Tashqi ishlar vazirligi bayonot berdi.')).toEqual(['russia']);
    expect(ids('RF hökümeti bilen gepleşikler geçirildi.')).toEqual(['russia']);
  });
  it('counts where the page names its entity by another name, in the same text or an earlier one', () => {
    expect(ids('Azərbaycan bu il 3 faiz böyüdü. AR iqtisadiyyatı sabitdir.')).toEqual(['azerbaijan', 'azerbaijan']);
    expect(ids('Переговоры с Арменией.', 'Делегация РА прибыла в пятницу.')).toEqual(['armenia', 'armenia']);
    expect(ids('Делегация РК прибыла; Казахстан подписал протокол.')).toEqual(['kazakhstan', 'kazakhstan']);
  });
  it('counts where the page spells it out as its entity, by its long form or a name of ours running over the words', () => {
    expect(page('Rusiya Federasiyası (RF) ilə razılaşma imzalanıb. RF-in mövqeyi dəyişməyib.')).toEqual([
      ['Rusiya Federasiyası', 'russia'],
      ['RF', 'russia'],
      ['RF', 'russia'],
    ]);
    expect(page('Türkiyə Cümhuriyyəti (TC) ilə saziş imzalanıb; TC-nin mövqeyi aydındır.')).toEqual([
      ['TC', 'turkiye'],
      ['TC', 'turkiye'],
    ]);
  });
  it('is not marked with no evidence of its entity, whatever else of the region the page names', () => {
    expect(ids('The RF front end and the AR headset ship in May.')).toEqual([]);
    expect(ids('AR eynəkləri Bakıda satışa çıxdı.')).toEqual(['baku']);
    expect(ids('TC kimlik numaranızı girip İstanbul şubesini seçin.')).toEqual(['istanbul']);
    expect(ids('Президент РК Юн Сук Ёль посетил Ташкент.')).toEqual(['tashkent']);
    expect(ids('Совет министров АР Крым собрался в Симферополе.')).toEqual([]);
  });
  it('is not marked as a spelled-out something else', () => {
    expect(ids('Rusya ile görüşmeler sürdü; RF (radyo frekansı) modülü ise bozuktu, RF sinyali yok.')).toEqual([
      'russia',
    ]);
  });
});

describe("a state's short form that is its own in every text", () => {
  it('counts alone, and with an ending after a hyphen or an apostrophe', () => {
    expect(ids('Санкции против РФ продлены; позиция ЕС не изменилась.')).toEqual(['russia', 'european-union']);
    expect(ids('ЕО елдері мен ҚХР-дың сауда көлемі өсті.')).toEqual(['european-union', 'china']);
    expect(ids('ABŞ-nyň wekiliýeti geldi.')).toEqual(['united-states']);
    expect(ids('Վրաստանը ձգտում է ԵՄ-ին անդամակցել։')).toEqual(['georgia', 'european-union']);
    expect(ids('აშშ-ის ელჩი თბილისში ჩავიდა.')).toEqual(['united-states', 'tbilisi']);
    expect(ids("ŞİÖ'nün zirvesi ve BMGK'nın kararı")).toEqual(['sco', 'un-security-council']);
    expect(ids('Резолюция СБ ООН принята; КНР воздержалась.')).toEqual(['un-security-council', 'china']);
  });
  it("is not a state where it ends a code of law's short form", () => {
    expect(ids('Осуждён по статье 159 УК РФ.')).toEqual([]);
    expect(ids('Власти РФ заявили, что штраф по КоАП РФ законен.')).toEqual(['russia']);
  });
});

describe("the Russian press's Cyrillic short forms of companies, parties and armed groups", () => {
  it('counts the unambiguous ones alone, and the ambiguous ones with their evidence only', () => {
    expect(ids('Боевики ДАИШ отступили; БОТАШ и ТПАО подписали контракт с АСЕЛСАН.')).toEqual([
      'islamic-state',
      'botas',
      'tpao',
      'aselsan',
    ]);
    expect(ids('В Турции правящая ПСР потеряла Стамбул.')).toEqual(['turkiye', 'akp', 'istanbul']);
    expect(ids('В Марокко ПСР проиграла выборы.')).toEqual([]);
    expect(ids('Газ по ТАНАП и ТАП идёт в Италию.')).toEqual(['tanap', 'tap']);
    expect(ids('ТАП — технический анализ производства. Отчёт ТАП готов, газ подешевел, ТАНАП растёт.')).toEqual([
      'tanap',
    ]);
  });
});

describe("a state's name in its currency's name", () => {
  it('is the dollar, not the state, in every language that names the dollar so', () => {
    expect(ids('Kurs: 1 ABŞ dollary 17 manat. Türkmenistan bilen ABŞ-nyň arasynda.')).toEqual([
      'turkmenistan',
      'united-states',
    ]);
    expect(ids('АҚШ доллары арзандады, ал АҚШ үкіметі үнсіз.')).toEqual(['united-states']);
    expect(ids('Кредит выдан в долларах США; США ввели пошлины.')).toEqual(['united-states']);
    expect(ids('Kazakhstan sold US dollar bonds; the US and Kazakhstan met.')).toEqual([
      'kazakhstan',
      'united-states',
      'kazakhstan',
    ]);
  });
  it("leaves another country's name before a bare word for the dollar to the country", () => {
    expect(ids('Azərbaycan dollar ehtiyatlarını artırıb.')).toEqual(['azerbaijan']);
    expect(ids('Kazakhstan dollar bonds rallied.')).toEqual(['kazakhstan']);
  });
});
