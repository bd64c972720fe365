/**
 * Names formed from another name and a head in each language (data/languages.yaml `formed-names`,
 * lib/factbase/formed-names.ts): the case forms they take the other name in, what the build forms and refuses, and
 * the longer name winning over the name inside it on a page. Sentences in no evaluation page.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkFormedNames, formNames } from '../../lib/factbase/formed-names';
import type { LanguagesInput } from '../../lib/factbase/matching-rules';
import type { Entity } from '../../lib/factbase/types';
import { foldAlias } from '../../lib/matcher/fold';
import { caseForms } from '../../lib/matcher/morphology';
import { page } from './project-matcher';

const languages = parse(readFileSync(new URL('../../data/languages.yaml', import.meta.url), 'utf8')) as LanguagesInput;
const cls = (name: string) => languages.morphology[name]!;

const entity = (id: string, name: string, aliases: [string, string?][] = []): Entity =>
  ({
    id,
    name,
    type: 'event',
    aliases: aliases.map(([text, lang]) => ({ text, inCorpus: false, ...(lang ? { lang } : {}) })),
  }) as Entity;

describe('the case a formed name takes the other name in', () => {
  it('is each kind of class’s own: a suffix, an ending with its stem change, a Russian case', () => {
    expect(caseForms('Sowet Soýuzy', cls('turkmen'), 'genitive')).toEqual(['Sowet Soýuzynyň']);
    expect(caseForms('Sovet Ittifoqi', cls('uzbek-latin'), 'genitive')).toEqual(['Sovet Ittifoqining']);
    expect(caseForms('Sovyetler Birliği', cls('turkish'), 'genitive')).toEqual(['Sovyetler Birliğinin']);
    expect(caseForms('Խորհրդային Միություն', cls('armenian'), 'genitive')).toEqual(['Խորհրդային Միության']);
    expect(caseForms('საბჭოთა კავშირი', cls('georgian'), 'genitive')).toEqual(['საბჭოთა კავშირის']);
    expect(caseForms('Советский Союз', cls('russian'), 'genitive')).toEqual(['Советского Союза']);
    expect(caseForms('Таджикистан', cls('russian'), 'locative')).toEqual(['Таджикистане']);
    expect(caseForms('Samarqand', cls('uzbek-latin'), 'dative-of-nothing')).toEqual([]);
  });
});

describe('the build', () => {
  const heads = { ...languages, 'formed-names': { summit: { en: ['{X} summit'], uz: ['{X} sammiti'] } } };
  it('forms the name in each language the head has, from the other name’s spellings there, with the record’s rules', () => {
    const city = entity('city', 'Samarkand', [
      ['Samarqand', 'uz'],
      ['Самарканд', 'ru'],
      ['SMQ', 'uz'],
    ]);
    const summit = entity('summit', 'The Summit');
    const errors: string[] = [];
    const taken = new Set([foldAlias('Samarkand summit')]);
    formNames(
      [{ where: 'x', entity: summit, of: ['city'], as: 'summit', rules: { needs: ['@ots'] } }],
      new Map([['city', city]]),
      heads,
      (key) => taken.has(key),
      foldAlias,
      errors,
    );
    // English is taken by another spelling already; Russian has no head; an acronym is written as it is.
    expect(summit.aliases).toEqual([
      { text: 'Samarqand sammiti', inCorpus: false, lang: 'uz', needs: ['@ots'] },
      { text: 'SMQ sammiti', inCorpus: false, lang: 'uz', needs: ['@ots'] },
    ]);
    expect(errors).toEqual([]);
  });
  it('forms a chain of two parties in either order before the head, from each party’s spellings', () => {
    const chainHeads = { ...languages, 'formed-names': { council: { en: ['{X} Council'], az: ['{X} Şurası'] } } };
    const a = entity('a', 'Azerbaijan', [['Azərbaycan', 'az']]);
    const k = entity('k', 'Kazakhstan', [['Qazaxıstan', 'az']]);
    const council = entity('council', 'The Council');
    const errors: string[] = [];
    formNames(
      [{ where: 'x', entity: council, of: ['a', 'k'], as: 'council', rules: {} }],
      new Map([
        ['a', a],
        ['k', k],
      ]),
      chainHeads,
      () => false,
      foldAlias,
      errors,
    );
    expect(council.aliases.map((x) => x.text)).toEqual([
      'Azerbaijan–Kazakhstan Council',
      'Kazakhstan–Azerbaijan Council',
      'Azərbaycan–Qazaxıstan Şurası',
      'Qazaxıstan–Azərbaycan Şurası',
    ]);
    expect(errors).toEqual([]);
  });
  it('forms a name of a kind from each choice of its words, and only for a record with evidence', () => {
    const kindHeads = {
      ...languages,
      'formed-names': { memo: { tk: ['(gaz|nebit) babatda (ähtnama|ylalaşyk haty)'] } },
    };
    const memo = entity('memo', 'The Memorandum');
    const errors: string[] = [];
    const request = { where: 'x', entity: memo, of: [], as: 'memo' };
    formNames([{ ...request, rules: { needs: ['2024'] } }], new Map(), kindHeads, () => false, foldAlias, errors);
    expect(memo.aliases.map((x) => x.text)).toEqual([
      'gaz babatda ähtnama',
      'gaz babatda ylalaşyk haty',
      'nebit babatda ähtnama',
      'nebit babatda ylalaşyk haty',
    ]);
    formNames([{ ...request, rules: {} }], new Map(), kindHeads, () => false, foldAlias, errors);
    expect(errors).toEqual([
      'x: formed name "as: memo" (tk "gaz babatda ähtnama") names a kind and needs evidence',
      'x: formed name "as: memo" (tk "gaz babatda ylalaşyk haty") names a kind and needs evidence',
      'x: formed name "as: memo" (tk "nebit babatda ähtnama") names a kind and needs evidence',
      'x: formed name "as: memo" (tk "nebit babatda ylalaşyk haty") names a kind and needs evidence',
    ]);
  });
  it('writes an acronym only as it is, never declined, and never a short form', () => {
    const acronymHeads = {
      ...languages,
      'formed-names': { summit: { uz: ['{X} sammiti'], hy: ['{X:genitive} գագաթնաժողով'] } },
    };
    const org = {
      ...entity('org', 'The Organisation', [
        ['TDT', 'uz'],
        ['ԹՊԿ', 'hy'],
      ]),
    } as Entity;
    org.aliases.push({ text: 'TS', inCorpus: false, lang: 'uz', rule: 'short-form' });
    const summit = entity('summit', 'The Summit');
    formNames(
      [{ where: 'x', entity: summit, of: ['org'], as: 'summit', rules: {} }],
      new Map([['org', org]]),
      acronymHeads,
      () => false,
      foldAlias,
      [],
    );
    expect(summit.aliases.map((x) => x.text)).toEqual(['TDT sammiti']);
  });
  it('refuses a head it does not have, an entity that is not there, and a template with two slots of a kind', () => {
    const errors: string[] = [];
    formNames(
      [{ where: 'x', entity: entity('e', 'E'), of: ['nowhere'], as: 'parade', rules: {} }],
      new Map(),
      heads,
      () => false,
      foldAlias,
      errors,
    );
    expect(errors).toEqual([
      'x: formed name "as: parade" is not a head of languages.yaml formed-names',
      'x: formed name "of: nowhere" is no entity',
    ]);
    const bad: string[] = [];
    checkFormedNames(
      { ...languages, 'formed-names': { war: { uz: ['{Y} urush {Y}'], tr: ['{X} savaşı {X}'], kk: ['{X} war'] } } },
      bad,
    );
    expect(bad).toHaveLength(3);
    checkFormedNames(languages, bad);
    expect(bad).toHaveLength(3);
  });
});

describe('on a page, the formed name', () => {
  it('wins over the name inside it, in the forms each language writes', () => {
    expect(page('1991-nji ýylda Sowet Soýuzynyň dargamagy bilen täze döwür başlandy.')).toEqual([
      ['Sowet Soýuzynyň dargamagy', 'dissolution-of-the-soviet-union'],
    ]);
    expect(page('Хорижий муҳбирлар Тошкентдаги портлашлар ҳақида ёзди.')).toEqual([
      ['Тошкентдаги портлашлар', 'tashkent-bombings-1999'],
    ]);
    expect(page('Gazeteler yıllarca Ukrayna savaşını yazdı.')).toEqual([['Ukrayna savaşını', 'russia-ukraine-war']]);
  });
  it('is a summit of the OTS only with the OTS named near, never right after the SCO', () => {
    expect(page('TDT yetakchilari Samarqand sammitida yig‘ildi.')).toEqual([
      ['TDT', 'ots'],
      ['Samarqand sammitida', 'ots-samarkand-summit-2022'],
    ]);
    expect(page('Samarqand sammitida yetakchilar yig‘ildi.')).toEqual([['Samarqand', 'samarkand']]);
    expect(page('ShHT Samarqand sammitida TDT haqida ham gapirildi.')).toEqual([
      ['ShHT', 'sco'],
      ['Samarqand', 'samarkand'],
      ['TDT', 'ots'],
    ]);
  });
});
