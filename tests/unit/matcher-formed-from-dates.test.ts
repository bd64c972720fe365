/**
 * Names an event or an agreement takes from its own date or its subject, in each language (data/languages.yaml `formed-names` with `{Y}`, `{M}`,
 * `{D}`; lib/factbase/own-dates.ts): the number of days a war lasted, the year (and month) of earthquakes and of an
 * offensive, checked against the date the fact base gives; and names a language gives every such happening (a
 * trilateral statement, January's events), which count only with the event's own year near (`needs: ["@its-year"]`).
 * Sentences in no evaluation page; each class has sentences where the rule must not fire.
 */
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../lib/factbase/types';
import { ownDates } from '../../lib/factbase/own-dates';
import { page } from './project-matcher';

const event = (date: string, entities: string[], to?: string): TimelineEvent =>
  ({ id: `${entities[0]}-${date}`, date, title: 't', entities, ...(to ? { to } : {}) }) as TimelineEvent;

describe("an entity's own dates", () => {
  it('are its own events’ years and months, and the days of its one ranged event', () => {
    const dates = ownDates('war', [event('2020-09-27', ['war'], '2020-11-10'), event('2021', ['treaty', 'war'])]);
    expect(dates).toEqual({ years: ['2020'], months: [['2020', 9]], days: 44 });
  });
  it('are those of the events that list it when none is written on it, and every year of a range', () => {
    expect(ownDates('parade', [event('2020-12-10', ['baku', 'parade'])]).years).toEqual(['2020']);
    expect(ownDates('war', [event('1992-08', ['war'], '1994')]).years).toEqual(['1992', '1993', '1994']);
    expect(ownDates('war', [event('1992-08', ['war'], '1994')]).days).toBeUndefined();
    expect(ownDates('nothing', [event('2020', ['war'])])).toEqual({ years: [], months: [] });
  });
});

describe('a war named by the days it lasted', () => {
  it('is the war of that length, in each language, declined', () => {
    expect(page('Ветераны 44-дневной войны собрались в парке.')).toEqual([['44-дневной войны', 'second-karabakh-war']]);
    expect(page('Kitap 44 günlük savaşta yaşananları anlatıyor.')).toEqual([
      ['44 günlük savaşta', 'second-karabakh-war'],
    ]);
    expect(page('Ардагерлер 44 күндік соғыстан кейін оралды.')).toEqual([
      ['44 күндік соғыстан', 'second-karabakh-war'],
    ]);
    expect(page('Ardagerler 44 kündık soğystan keiın oraldy.')).toEqual([
      ['44 kündık soğystan', 'second-karabakh-war'],
    ]);
    expect(page('Фахрийлар 44 кунлик урушдан кейин қайтди.')).toEqual([['44 кунлик урушдан', 'second-karabakh-war']]);
    expect(page('Ардагерлер 44 күндүк согуштан кийин кайтышты.')).toEqual([
      ['44 күндүк согуштан', 'second-karabakh-war'],
    ]);
    expect(page('Kitap 44 günlük uruş hakynda gürrüň berýär.')).toEqual([['44 günlük uruş', 'second-karabakh-war']]);
  });
  it('is not a war of another length', () => {
    expect(page('Ветераны пятидневной и 12-дневной войны собрались в парке.')).toEqual([]);
    expect(page('Kitap 45 günlük savaşta yaşananları anlatıyor.')).toEqual([]);
    expect(page('Ardagerler 4 kündık soğystan keiın oraldy.')).toEqual([]);
  });
});

describe('earthquakes named by their year and country', () => {
  it('are the earthquakes of that year, in English, Turkish and Russian', () => {
    expect(page('Aid for survivors of the 2023 earthquakes in Türkiye continued.')).toEqual([
      ['2023 earthquakes in Türkiye', 'turkiye-earthquakes-2023'],
    ]);
    expect(page('The February 2023 earthquakes in Türkiye left millions homeless.')).toEqual([
      ['February 2023 earthquakes in Türkiye', 'turkiye-earthquakes-2023'],
    ]);
    expect(page('Bina 2023 depremlerinden sonra güçlendirildi.')).toEqual([
      ['2023 depremlerinden', 'turkiye-earthquakes-2023'],
    ]);
    expect(page('Отчёт о землетрясении в Турции 2023 года вышел в мае.')).toEqual([
      ['землетрясении в Турции 2023 года', 'turkiye-earthquakes-2023'],
    ]);
  });
  it('are not another year’s earthquake, which leaves the country marked as itself', () => {
    expect(page('The 1999 earthquakes in Türkiye struck the Marmara coast.')).toEqual([['Türkiye', 'turkiye']]);
    expect(page('Bina 1999 depremlerinden sonra güçlendirildi.')).toEqual([]);
    expect(page('Отчёт о землетрясении в Турции 1999 года вышел в мае.')).toEqual([['Турции', 'turkiye']]);
  });
});

describe('an offensive named by its month and year', () => {
  it('is the offensive of that month, and not of another', () => {
    expect(page("After Azerbaijan's September 2023 offensive, the enclave emptied.")).toEqual([
      ['Azerbaijan', 'azerbaijan'],
      ['September 2023 offensive', 'azerbaijan-karabakh-operation-2023'],
    ]);
    expect(page('The March 2023 offensive stalled.')).toEqual([]);
  });
});

describe('a name every such happening takes, with its own year near', () => {
  it('is the ceasefire statement beside 2020, in each language', () => {
    expect(page('2020-ci ilin noyabrında üçtərəfli bəyanat imzalandı.')).toEqual([
      ['üçtərəfli bəyanat', 'karabakh-ceasefire-2020'],
    ]);
    expect(page('В ноябре 2020 года было подписано трёхстороннее заявление.')).toEqual([
      ['трёхстороннее заявление', 'karabakh-ceasefire-2020'],
    ]);
    expect(page('2020 թվականին ստորագրված եռակողմ հայտարարությունը')).toEqual([
      ['եռակողմ հայտարարությունը', 'karabakh-ceasefire-2020'],
    ]);
    expect(page('2020 წლის სამმხრივი განცხადება ძალაშია.')).toEqual([
      ['სამმხრივი განცხადება', 'karabakh-ceasefire-2020'],
    ]);
  });
  it('is not another trilateral statement, of another year', () => {
    expect(page('2023-cü ildə Bakıda üçtərəfli bəyanat imzalandı.')).toEqual([['Bakıda', 'baku']]);
    expect(page('В 2024 году министры приняли трёхстороннее заявление.')).toEqual([]);
    expect(page('The trilateral statement on trade was signed in 2019.')).toEqual([]);
  });
  it('is January’s events in Kazakhstan: the Kazakh proper name, or another language’s words beside 2022', () => {
    expect(page('Бұл сайлау Қаңтар оқиғаларынан кейінгі реформаның жалғасы.')).toEqual([
      ['Қаңтар оқиғаларынан', 'kazakhstan-unrest-2022'],
    ]);
    expect(page('Январские события 2022 года изменили страну.')).toEqual([
      ['Январские события', 'kazakhstan-unrest-2022'],
    ]);
    expect(page('Январские события 1990 года в Баку не забыты.')).toEqual([['Баку', 'baku']]);
    expect(page('Бұл қаңтар айындағы оқиғалар туралы емес.')).toEqual([]);
  });
});

describe('a memorandum named by its subject, a postposition and the document word (Turkmen)', () => {
  it('is the gas memorandum with Türkiye or its year in the clause', () => {
    expect(
      page('Türkiýe bilen 2024-nji ýylda gol çekilen tebigy gaz boýunça ylalaşyk haty täze mümkinçilik açýar.'),
    ).toEqual([
      ['Türkiýe', 'turkiye'],
      ['tebigy gaz boýunça ylalaşyk haty', 'turkiye-turkmenistan-gas-mou-2024'],
    ]);
    expect(page('Ministr Türkiýe bilen gaz babatda özara düşünişmek hakynda ähtnamany ýatlatdy.')).toEqual([
      ['Türkiýe', 'turkiye'],
      ['gaz babatda özara düşünişmek hakynda ähtnamany', 'turkiye-turkmenistan-gas-mou-2024'],
    ]);
  });
  it('is not another party’s gas memorandum of another year, nor one a sentence away from Türkiye', () => {
    expect(page('Hytaý bilen 2019-njy ýylda gol çekilen tebigy gaz babatda ähtnama güýje girdi.')).toEqual([
      ['Hytaý', 'china'],
    ]);
    expect(page('Türkiýe bilen söwda artdy. Hytaý bilen gaz babatda ähtnama baglaşyldy.')).toEqual([
      ['Türkiýe', 'turkiye'],
      ['Hytaý', 'china'],
    ]);
  });
});

describe('a victory parade in Kazakh, Uzbek and Kyrgyz', () => {
  it('is Baku’s parade with Baku in its clause, and not Moscow’s', () => {
    expect(page('2020 · Bakude Jeñıs parady ötti.')).toEqual([
      ['Bakude', 'baku'],
      ['Jeñıs parady', 'baku-victory-parade-2020'],
    ]);
    expect(page('Мәскеуде Жеңіс парады өтті.')).toEqual([['Мәскеуде', 'moscow']]);
  });
});
