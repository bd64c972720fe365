/**
 * A place's, a country's or a person's name that is one word of a longer proper name the fact base lacks is not
 * marked as itself (lib/matcher/longer-name.ts), in the scripts that write capitals: Latin, Cyrillic, Armenian. Where
 * the case says nothing (Title Case, capitals, a list of names, Georgian) the rule stands aside. Sentences in no
 * evaluation page.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkLanguages, type LanguagesInput } from '../../lib/factbase/matching-rules';
import { ids } from './project-matcher';

const languages = parse(readFileSync(new URL('../../data/languages.yaml', import.meta.url), 'utf8')) as LanguagesInput;

describe('a name run on into capitalised words that are no names', () => {
  it('drops an idea’s name that heads a brand’s, a bank’s or a startup’s, and keeps the idea itself', () => {
    expect(ids('The MHP has talked about Turan since the 1960s, and Turan Airlines flew to Baku.')).toEqual([
      'mhp',
      'pan-turkism',
      'baku',
    ]);
    expect(ids('MHP bu hafta Turan Sigorta ile anlaştı ve Ankara da onayladı.')).toEqual(['mhp', 'ankara']);
  });
  it('drops a place before the words of a club, a mall or a garden, in Latin script', () => {
    expect(ids('Dün akşam Ankara Akçaabat Gençlik kulübü, Sivas Demirspor ile berabere kaldı.')).toEqual([]);
    expect(ids('We walked through the Tbilisi Botanical Garden and then took a taxi to Tbilisi.')).toEqual(['tbilisi']);
    expect(ids('Kecha Toshkent Riviera savdo markazida yangi do‘kon ochildi, Toshkentda esa yomg‘ir yog‘di.')).toEqual([
      'tashkent',
    ]);
  });
  it('drops a place after a capitalised word that opens no sentence', () => {
    expect(ids('The riders of Zenit Astana met yesterday.')).toEqual([]);
    expect(ids('Our reporter met Fyodor Moscow, a painter, in a café near Baku.')).toEqual(['baku']);
  });
  it('drops a country before the words of an unknown body, in Cyrillic script', () => {
    expect(ids('Вчера Казахстан Голд Ломбард открыл филиал, а Казахстан продал нефть.')).toEqual(['kazakhstan']);
    expect(ids('Кеше Қазақстан Өнертапқыштар Қоғамы жиналыс өткізді.')).toEqual([]);
  });
  it('drops a city before the words of a shop, in Armenian script', () => {
    expect(ids('Երեկ Երևան Սիթի սուպերմարկետը նոր մասնաճյուղ բացեց։ Երևանում անձրև էր։')).toEqual(['yerevan']);
  });
});

describe('the words that keep a name its own', () => {
  it('keeps a country before a title, a ministry, its state’s form or a contest of its teams', () => {
    expect(ids('Yesterday Azerbaijan Deputy Foreign Minister Elnur Mammadov spoke.')).toContain('azerbaijan');
    expect(ids('Dün Azerbaycan Kültür ve Turizm Bakanlığı açıklama yaptı.')).toContain('azerbaijan');
    expect(ids('Вчера Узбекистан Республикасы делегация прилетела.')).toContain('uzbekistan');
    expect(ids('Geçen hafta Türkiye Kupası maçında taraftarlar sevindi.')).toContain('turkiye');
  });
  it('keeps names side by side: another name of ours, a given name, a name written with its own ending', () => {
    expect(ids('Dün Bakü Tiflis hattında tren gecikti.')).toEqual(['baku', 'tbilisi']);
    expect(ids('Kecha Samarqand Jasur bilan uchrashdi.')).toEqual(['samarkand']);
    expect(ids('Bahçeli akşam İstanbul Ataşehir’deki kongreye katılacak.')).toEqual(['istanbul']);
    expect(ids('Bu yıl Naxçıvan Türkiyeden daha çox qaz aldı.')).toEqual(['nakhchivan', 'turkiye']);
  });
  it('keeps a name with a case ending before a capitalised word: it plays its own part in the sentence', () => {
    expect(ids('Встреча в Москве Лавров и Байрамов обсудили транзит.')).toEqual(['moscow']);
  });
});

describe('where the case says nothing', () => {
  it('stands aside in a Title Case headline, an all-caps line and a list of names', () => {
    expect(ids('Erdogan Meets Aliyev In Baku Ahead Of Summit')).toContain('baku');
    expect(ids('BAKU TRANSIT HUB GROWS AS TRADE RISES')).toEqual(['baku']);
    expect(ids('Home · World · Tashkent Guide · Opinion')).toEqual(['tashkent']);
  });
  it('stands aside in Georgian, which writes no capitals', () => {
    expect(ids('გუშინ თბილისი მოლში ახალი მაღაზია გაიხსნა.')).toContain('tbilisi');
  });
  it('keeps a name whose capitalised neighbour opens the sentence', () => {
    expect(ids('Yesterday. Kuzey Baku is not a district; Baku is a city.')).toEqual(['baku', 'baku']);
  });
});

describe('the list of words that keep a name its own', () => {
  it('is refused by facts:build when a word is shorter than three letters or more than one word', () => {
    const input = structuredClone(languages);
    input['named-after'] = { ...input['named-after']!, 'longer-name-keeps': ['Republic', 'Re', 'State Oil'] };
    const errors: string[] = [];
    checkLanguages(input, errors);
    expect(errors).toEqual([
      'languages.yaml: longer-name-keeps "Re" is not one word of three letters or more',
      'languages.yaml: longer-name-keeps "State Oil" is not one word of three letters or more',
    ]);
    const ok: string[] = [];
    checkLanguages(languages, ok);
    expect(ok).toEqual([]);
  });
});

describe('names joined by a hyphen or a dash written solid, with no route’s head after them', () => {
  it('reads a hyphen and a dash alike: a name of ours joined to a word the fact base lacks is not marked', () => {
    expect(ids('The Karaganda–Astana flight was late, and the Karaganda-Astana bus too.')).toEqual([]);
    expect(ids('Dün Temirtau—Astana reysi gecikti.')).toEqual([]);
  });
  it('keeps two names of ours, and a person joined to anyone', () => {
    expect(ids('The Moscow–Baku flight and the Tashkent-Bishkek bus were late.')).toEqual([
      'moscow',
      'baku',
      'tashkent',
      'bishkek',
    ]);
    expect(ids('The Ilham Aliyev–Macron talks went well.')).toEqual(['ilham-aliyev']);
  });
});
