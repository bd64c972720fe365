/** Names in hashtags, with the project's alias index and rules. Sentences are written for these tests. */
import { describe, expect, it } from 'vitest';
import { page } from './project-matcher';

describe('a hashtag that is exactly one of our names', () => {
  it('counts in any case, as tags are typed', () => {
    expect(page('Bu gün evdə idik. #azerbaijan #baku #TÜRKİYE #türkiye')).toEqual([
      ['azerbaijan', 'azerbaijan'],
      ['baku', 'baku'],
      ['TÜRKİYE', 'turkiye'],
      ['türkiye', 'turkiye'],
    ]);
    expect(page('Кеше келдік #ташкент #самарканд')).toEqual([
      ['ташкент', 'tashkent'],
      ['самарканд', 'samarkand'],
    ]);
    expect(page('Yangi loyiha #tanap #socar')).toEqual([
      ['tanap', 'tanap'],
      ['socar', 'socar'],
    ]);
  });

  it('counts with the words of a name of several words joined, in any case', () => {
    expect(page('Yük trenleri yola çıktı #OrtaKoridor #ortakoridor #MiddleCorridor')).toEqual([
      ['OrtaKoridor', 'middle-corridor'],
      ['ortakoridor', 'middle-corridor'],
      ['MiddleCorridor', 'middle-corridor'],
    ]);
    expect(page('Zirve başladı #türkdevletleriteşkilatı #bakutbilisiceyhan')).toEqual([
      ['türkdevletleriteşkilatı', 'ots'],
      ['bakutbilisiceyhan', 'btc-pipeline'],
    ]);
  });

  it('ends where a number begins (the year of an event held there)', () => {
    expect(page('Bu il festival Naxçıvanda olsun. #TEKNOFEST2026')).toContainEqual(['TEKNOFEST', 'teknofest']);
    expect(page('Bapkerı qatysty. #Bışkek2026')).toEqual([['Bışkek', 'bishkek']]);
  });

  it('not when the name is a common word in lowercase, a short acronym, or a bare surname', () => {
    expect(page('Thanksgiving dinner #turkey #china #eu #erdogan')).toEqual([]);
  });
});

describe('a hashtag in which our name is only part of a coined word', () => {
  it('names a campaign, a festival or a brand, in any case', () => {
    expect(page('Photos from the trip: #travelgram #BakuNext #TurkeyTrot #bakuenergyweek #QarabağBizimdir')).toEqual(
      [],
    );
  });

  it('and outside a hashtag a name never ends inside a word', () => {
    expect(page('Bakunext and Baku2026 are brand names; so is #Bakunext.')).toEqual([]);
  });
});
