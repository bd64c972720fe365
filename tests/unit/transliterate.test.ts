/**
 * Uzbek and Kazakh in their other alphabet (lib/factbase/transliterate.ts), on names and words that no eval page
 * holds, and the twins the fact base's build derives from them.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  deriveScriptTwins,
  kazakhToLatin,
  kazakhToLatin2018,
  uzbekToCyrillic,
  uzbekToLatin,
} from '../../lib/factbase/transliterate';
import { foldText } from '../../lib/matcher/fold';
import type { Alias, FactBase } from '../../lib/factbase/types';

const fold = (text: string) => foldText(text.trim()).folded;

describe('Uzbek, Latin to Cyrillic', () => {
  it.each([
    ['Shavkat Mirziyoyev', 'Шавкат Мирзиёев'],
    ['O‘zbekiston', 'Ўзбекистон'],
    ["G'afur G'ulom", 'Ғафур Ғулом'],
    ['Yevropa', 'Европа'],
    ['Erkin', 'Эркин'],
    ['poeziya', 'поэзия'],
    ['ma’naviyat', 'маънавият'],
    ['Gretsiya', 'Греция'],
    ['Yo‘ldosh', 'Йўлдош'],
    ['Xorazm', 'Хоразм'],
    ['Buxoro viloyati', 'Бухоро вилояти'],
  ])('%s → %s', (latin, cyrillic) => expect(uzbekToCyrillic(latin)).toBe(cyrillic));
});

describe('Uzbek, Cyrillic to Latin', () => {
  it.each([
    ['Ёшлар', 'Yoshlar'],
    ['Европа', 'Yevropa'],
    ['Шаҳрисабз', 'Shahrisabz'],
    ['Ғиждувон', 'G‘ijduvon'],
    ['Қўқон', 'Qo‘qon'],
    ['Наманган', 'Namangan'],
  ])('%s → %s', (cyrillic, latin) => expect(uzbekToLatin(cyrillic)).toBe(latin));
});

describe('Kazakh, Cyrillic to the 2021 Latin alphabet', () => {
  it.each([
    ['Өскемен', 'Öskemen'],
    ['Шымкент', 'Şymkent'],
    ['Ақтөбе', 'Aqtöbe'],
    ['Қызылорда', 'Qyzylorda'],
    ['Жаңаөзен', 'Jañaözen'],
    ['Ұлытау', 'Ūlytau'],
    ['Үкімет', 'Ükımet'],
    ['Ясауи', 'Iasaui'],
    ['Әлихан Бөкейхан', 'Älihan Bökeihan'],
    ['Щучинск', 'Şşuchinsk'],
  ])('%s → %s', (cyrillic, latin) => expect(kazakhToLatin(cyrillic)).toBe(latin));
});

describe('Kazakh, Cyrillic to the 2018 Latin alphabet with acute accents', () => {
  it.each([
    ['Шымкент', 'Shymkent'],
    ['Ақтау', 'Aqtaý'],
    ['Еуропа', 'Eýropa'],
    ['Ясауи', 'Iasaýı'],
    ['Әлихан Бөкейхан', 'Álıhan Bókeıhan'],
    ['Жаңаөзен', 'Jańaózen'],
    ['Түркістан', 'Túrkistan'],
  ])('%s → %s', (cyrillic, latin) => expect(kazakhToLatin2018(cyrillic)).toBe(latin));
});

describe('deriveScriptTwins', () => {
  const alias = (text: string, lang: string, more: Partial<Alias> = {}): Alias => ({
    text,
    lang,
    inCorpus: true,
    ...more,
  });

  it('gives an Uzbek or Kazakh spelling its twin, with the same rule and evidence, marked as not from the corpus', () => {
    const twins = deriveScriptTwins(
      [alias('Nurmatov', 'uz', { rule: 'surname', notAfter: ['Anvar'] }), alias('Қызылорда', 'kk')],
      new Set(),
      fold,
    );
    expect(twins).toEqual([
      { text: 'Нурматов', lang: 'uz-Cyrl', inCorpus: false, rule: 'surname', notAfter: ['Anvar'] },
      { text: 'Qyzylorda', lang: 'kk-Latn', inCorpus: false },
    ]);
  });

  it('leaves out a twin that folds like a spelling already in the fact base, an acronym, and other languages', () => {
    const taken = new Set([fold('Қўқон')]);
    const twins = deriveScriptTwins(
      [alias('Qo‘qon', 'uz'), alias('ҚТЖ', 'kk'), alias('Jizzax', 'tr'), alias('Namangan', 'uz uz-Cyrl')],
      taken,
      fold,
    );
    expect(twins).toEqual([]);
  });

  it("gives the twin's language to the entity's own spelling it folds like, when that fits its alphabet", () => {
    // Kazakh Latin "Bışkek" folds like Turkish "Bişkek": the Turkish spelling takes Kazakh endings (Bışkekke) too.
    const own = [alias('Bişkek', 'tr'), alias('Бішкек', 'kk')];
    const taken = new Set(own.map((a) => fold(a.text)));
    const fits = (text: string, lang: string) => lang === 'kk-Latn' && text === 'Bişkek';
    // (Only the 2018 spelling, whose sh folds unlike ş, is a twin of its own.)
    const acute = { text: 'Bishkek', lang: 'kk-Latn', inCorpus: false };
    expect(deriveScriptTwins(own, taken, fold, fits)).toEqual([acute]);
    expect(own[0]!.lang).toBe('tr kk-Latn');
    // Another entity's spelling, or one whose letters the language does not write, stays as it was.
    const other = [alias('Бішкек', 'kk'), alias('Bişkek', 'tr')];
    expect(deriveScriptTwins([other[0]!], new Set([fold('Bişkek')]), fold, () => true)).toEqual([acute]);
    expect(deriveScriptTwins(other, new Set([fold('Bişkek')]), fold, () => false)).toEqual([acute]);
    expect(other[1]!.lang).toBe('tr');
  });

  it('takes a derived spelling once, so two records cannot both claim it', () => {
    const taken = new Set<string>();
    deriveScriptTwins([alias('Termiz', 'uz')], taken, fold);
    expect(deriveScriptTwins([alias('Termiz', 'uz')], taken, fold)).toEqual([]);
  });
});

describe('the built fact base', () => {
  const factBase = JSON.parse(readFileSync('data/factbase.json', 'utf8')) as FactBase;
  const spelled = new Set(factBase.entities.flatMap((e) => [e.name, ...e.aliases.map((a) => a.text)].map(fold)));

  it('holds every Uzbek spelling in both alphabets and every Kazakh Cyrillic one in Latin', () => {
    const missing: string[] = [];
    for (const entity of factBase.entities)
      for (const a of entity.aliases) {
        const langs = a.lang?.split(' ') ?? [];
        if (/\p{Lu}{2}|^.{0,3}$/u.test(a.text)) continue;
        if (langs.includes('uz') && /^[\p{Script=Latin}\s\-‘ʻ'’`ʼ.]+$/u.test(a.text))
          if (!spelled.has(fold(uzbekToCyrillic(a.text)))) missing.push(`${entity.id}: ${a.text}`);
        if (langs.includes('kk') && /^[\p{Script=Cyrillic}\s\-.]+$/u.test(a.text))
          if (!spelled.has(fold(kazakhToLatin(a.text)))) missing.push(`${entity.id}: ${a.text}`);
      }
    expect(missing).toEqual([]);
  });
});
