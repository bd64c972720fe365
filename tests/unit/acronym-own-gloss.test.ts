/**
 * A page that uses one acronym in two meanings and glosses each where it stands: each glossed mention follows its own
 * gloss, and a mention without one follows the meaning the page gave last before it (the first one, before any).
 * Sentences written for these tests, in no evaluation page.
 */
import { describe, expect, it } from 'vitest';
import { page } from './project-matcher';

describe("a mention's own gloss", () => {
  it('wins over the other meaning the page gives the acronym, either way round', () => {
    expect(page("Bitcoin (BTC) düştü; BTC (Bakü-Tiflis-Ceyhan) petrol taşır. BTC hattı Ceyhan'a ulaşır.")).toEqual([
      ['BTC', 'btc-pipeline'],
      ['Bakü-Tiflis-Ceyhan', 'btc-pipeline'],
      ['BTC', 'btc-pipeline'],
    ]);
    expect(
      page('The ACG (Associated Contractors Group) protested; the ACG (Azeri–Chirag–Gunashli) field kept pumping.'),
    ).toEqual([
      ['ACG', 'azeri-chirag-gunashli'],
      ['Azeri–Chirag–Gunashli', 'azeri-chirag-gunashli'],
    ]);
    expect(
      page(
        'Доставка: КТК (компания транспортного контроля) выдала накладную.',
        'Нефть идёт через КТК (Каспийский трубопроводный консорциум). КТК нарастил прокачку.',
      ),
    ).toEqual([
      ['КТК', 'cpc'],
      ['Каспийский трубопроводный консорциум', 'cpc'],
      ['КТК', 'cpc'],
    ]);
  });
  it('keeps ours glossed as ours and drops the mention glossed as something else, in every language', () => {
    expect(
      page('ABŞ (Amerika Birləşmiş Ştatları) səfiri gəldi. ABŞ-ın mövqeyi. ABŞ (avtomobil baxış şöbəsi) bağlıdır.'),
    ).toEqual([
      ['ABŞ', 'united-states'],
      ['Amerika Birləşmiş Ştatları', 'united-states'],
      ['ABŞ', 'united-states'],
    ]);
    expect(page('ШҲТ (Шанхай ҳамкорлик ташкилоти) саммити. ШҲТ (шаҳар ҳокимлиги техникуми) ёпилди.')).toEqual([
      ['ШҲТ', 'sco'],
      ['Шанхай ҳамкорлик ташкилоти', 'sco'],
    ]);
    expect(page('ШЫҰ (Шанхай ынтымақтастық ұйымы) жиналды. Клубта ШЫҰ (шахмат ынталылары ұйымы) ашылды.')).toEqual([
      ['ШЫҰ', 'sco'],
      ['Шанхай ынтымақтастық ұйымы', 'sco'],
    ]);
  });
  it('is a name of its entity in brackets after it, in another language: not the letters, but ours', () => {
    expect(
      page(
        'Toplantıya NATO (Kuzey Atlantik Antlaşması Örgütü) heyeti geldi; NATO açıklama yaptı.',
        'NATO (network access terminal online) girişi kapalı. NATO şifreniz yenilenmeli.',
      ),
    ).toEqual([
      ['NATO', 'nato'],
      ['Kuzey Atlantik Antlaşması Örgütü', 'nato'],
      ['NATO', 'nato'],
    ]);
  });
  it('leaves a mention without a gloss to the meaning the page gave last before it', () => {
    expect(
      page(
        'ШОС (Шанхайская организация сотрудничества) провела саммит. ШОС приняла Иран.',
        'ШОС (школа охраны строителей) закрыта на ремонт. ШОС откроется в мае.',
      ),
    ).toEqual([
      ['ШОС', 'sco'],
      ['Шанхайская организация сотрудничества', 'sco'],
      ['ШОС', 'sco'],
      ['Иран', 'iran'],
    ]);
    expect(page('Log in to NATO with your card; NATO (network access terminal online) sessions expire.')).toEqual([]);
  });
});
