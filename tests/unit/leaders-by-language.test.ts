/**
 * Leaders' names and epithets in the region's languages (data/entities/people-by-language.yaml), with the project's
 * alias index and rules. Sentences here are written for these tests, not taken from the evaluation sets.
 */
import { describe, expect, it } from 'vitest';
import { ids, page } from './project-matcher';

describe("leaders' names in Armenian, Georgian and Turkmen take the language's endings", () => {
  it('Georgian ergative and comitative on the last word; the given name stays bare', () => {
    expect(page('ვლადიმერ პუტინმა ყასიმ-ჟომარტ ტოკაევთან ისაუბრა.')).toEqual([
      ['ვლადიმერ პუტინმა', 'putin'],
      ['ყასიმ-ჟომარტ ტოკაევთან', 'tokayev'],
    ]);
  });
  it('Armenian genitive and dative', () => {
    expect(ids('Վլադիմիր Պուտինի և Կասիմ-Ժոմարտ Տոկաևին ուղղված նամակը')).toEqual(['putin', 'tokayev']);
  });
  it('Turkmen genitive and dative', () => {
    expect(ids('Kasym-Žomart Tokaýewiň çagyrmagy boýunça Şawkat Mirziýoýewe hat iberildi.')).toEqual([
      'tokayev',
      'mirziyoyev',
    ]);
  });
});

describe('epithets that name one person', () => {
  it('"ümummilli lider" alone is Heydar Aliyev; right before his name it is his title and the name is marked', () => {
    expect(page('Ümummilli liderin irsi haqqında kitab çıxıb.')).toEqual([['Ümummilli liderin', 'heydar-aliyev']]);
    expect(page('Ümummilli lider Heydər Əliyevin xatirəsi yad edilib.')).toEqual([
      ['Heydər Əliyevin', 'heydar-aliyev'],
    ]);
  });
  it('"ulu öndər" counts only with his name in Azerbaijani spelling nearby, never for the Turkish Ulu Önder', () => {
    const az = 'Heydər Əliyev 1993-cü ildə Bakıya qayıdıb. Qəzet yazır ki, ulu öndər bu ifadəni ilk dəfə işlədib.';
    expect(page(az)).toContainEqual(['ulu öndər', 'heydar-aliyev']);
    expect(ids("Ulu Önder'in Samsun'a çıkışının yıl dönümü kutlandı. Ankara'da tören yapıldı.")).not.toContain(
      'heydar-aliyev',
    );
    expect(ids('Törende Ulu Önder Atatürk anıldı; Heydər Əliyev de anıldı.')).toEqual(['ataturk', 'heydar-aliyev']);
  });
  it('"Türkmen halkynyň Milli Lideri" is Gurbanguly Berdimuhamedov; "Milli Lider" alone is nobody', () => {
    expect(ids('Türkmen halkynyň Milli Lideriniň çykyşy diňlenildi.')).toEqual(['gurbanguly-berdimuhamedov']);
    expect(ids('Partiýanyň Milli Lideri çykyş etdi.')).toEqual([]);
  });
});
