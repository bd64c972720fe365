/**
 * Lists of abbreviations and glossaries in official documents, reports and dictionaries ("РФ — Российская
 * Федерация; ЕС — Европейский союз"): each full form is a name of ours, in its official long form in each language,
 * and an acronym of ours the list defines is ours on the page. Sentences written for these tests, in no evaluation
 * page.
 */
import { describe, expect, it } from 'vitest';
import { page } from './project-matcher';

describe("a state's official long form, as a list of abbreviations writes it", () => {
  it('is marked whole in Russian, Kazakh, Kyrgyz and Uzbek', () => {
    expect(page('РУз — Республика Узбекистан; РА — Республика Армения; КР — Кыргызская Республика')).toEqual(
      expect.arrayContaining([
        ['Республика Узбекистан', 'uzbekistan'],
        ['Республика Армения', 'armenia'],
        ['Кыргызская Республика', 'kyrgyzstan'],
      ]),
    );
    expect(
      page('Қысқартулар: ӨР — Өзбекстан Республикасы, ӘР — Әзірбайжан Республикасы, РФ — Ресей Федерациясы'),
    ).toEqual(
      expect.arrayContaining([
        ['Өзбекстан Республикасы', 'uzbekistan'],
        ['Әзірбайжан Республикасы', 'azerbaijan'],
        ['Ресей Федерациясы', 'russia'],
      ]),
    );
    expect(page('Келишимге Тажикстан Республикасы жана Азербайжан Республикасы кол койду.')).toEqual([
      ['Тажикстан Республикасы', 'tajikistan'],
      ['Азербайжан Республикасы', 'azerbaijan'],
    ]);
    expect(page('Qisqartmalar: QR — Qozogʻiston Respublikasi; TR — Turkiya Respublikasi.')).toEqual(
      expect.arrayContaining([
        ['Qozogʻiston Respublikasi', 'kazakhstan'],
        ['Turkiya Respublikasi', 'turkiye'],
      ]),
    );
  });
  it('is marked whole in Turkmen, Azerbaijani and Turkish, bare or in the genitive', () => {
    expect(page('Gazagystan Respublikasy we Özbegistan Respublikasy ylalaşdy.')).toEqual([
      ['Gazagystan Respublikasy', 'kazakhstan'],
      ['Özbegistan Respublikasy', 'uzbekistan'],
    ]);
    expect(page('Qazaxıstan Respublikasının nümayəndəsi və Rusiya Federasiyası səfiri gəldi.')).toEqual([
      ['Qazaxıstan Respublikasının', 'kazakhstan'],
      ['Rusiya Federasiyası', 'russia'],
    ]);
    expect(page('KC: Kazakistan Cumhuriyeti; ÖC: Özbekistan Cumhuriyeti')).toEqual(
      expect.arrayContaining([
        ['Kazakistan Cumhuriyeti', 'kazakhstan'],
        ['Özbekistan Cumhuriyeti', 'uzbekistan'],
      ]),
    );
  });
  it('is marked whole in Armenian and Georgian, the country in the genitive before the word', () => {
    expect(page('Ադրբեջանի Հանրապետություն, Ռուսաստանի Դաշնություն')).toEqual([
      ['Ադրբեջանի Հանրապետություն', 'azerbaijan'],
      ['Ռուսաստանի Դաշնություն', 'russia'],
    ]);
    expect(page('ხელშეკრულება აზერბაიჯანის რესპუბლიკასა და ყაზახეთის რესპუბლიკას შორის')).toEqual([
      ['აზერბაიჯანის რესპუბლიკასა', 'azerbaijan'],
      ['ყაზახეთის რესპუბლიკას', 'kazakhstan'],
    ]);
  });
});
