/**
 * What facts:build checks in data/named-after.yaml (lib/factbase/named-after-heads.ts): each category speaks every
 * language or says why not, each word is of its language's alphabet, and no head swallows a word that means the place.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { LanguagesInput } from '../../lib/factbase/matching-rules';
import { withNamedAfterHeads, type NamedAfterHeadsInput } from '../../lib/factbase/named-after-heads';

const ROOT = join(__dirname, '..', '..');
const languages = parse(readFileSync(join(ROOT, 'data', 'languages.yaml'), 'utf8')) as LanguagesInput;
const heads = parse(readFileSync(join(ROOT, 'data', 'named-after.yaml'), 'utf8')) as NamedAfterHeadsInput;

function merge(input: NamedAfterHeadsInput) {
  const errors: string[] = [];
  const named = withNamedAfterHeads(
    { after: ['Airport'], before: [], 'place-after': ['Hotel'] },
    input,
    languages,
    errors,
  );
  return { named, errors };
}

describe('data/named-after.yaml', () => {
  it('passes the build, and speaks each of its languages in every category', () => {
    expect(merge(heads).errors).toEqual([]);
    for (const c of Object.values(heads.categories))
      for (const lang of heads.languages)
        expect(c.after?.[lang] ?? c.before?.[lang] ?? c.without?.[lang], lang).toBeTruthy();
  });
});

describe('withNamedAfterHeads', () => {
  const base: NamedAfterHeadsInput = {
    languages: ['en', 'kk'],
    keeps: { en: ['city'], kk: ['қаласы'] },
    categories: { food: { of: ['place'], after: { en: ['plov'], kk: ['палау'] } } },
  };

  it('adds a category’s heads to the lists of the names it follows, after the lists already there', () => {
    const { named, errors } = merge(base);
    expect(errors).toEqual([]);
    expect(named?.['place-after']).toEqual(['Hotel', 'plov', 'палау']);
    expect(named?.after).toEqual(['Airport']);
  });

  it('fails on a category that leaves out a language and says nothing of why', () => {
    const input = { ...base, categories: { food: { of: ['place' as const], after: { en: ['plov'] } } } };
    expect(merge(input).errors).toEqual(['named-after.yaml: food: no head in kk (or say why under without)']);
    const why = { food: { of: ['place' as const], after: { en: ['plov'] }, without: { kk: 'adjectival' } } };
    expect(merge({ ...base, categories: why }).errors).toEqual([]);
  });

  it('fails on a word that is not of its language’s alphabet', () => {
    const input = { ...base, categories: { food: { of: ['place' as const], after: { en: ['plov'], kk: ['palau'] } } } };
    expect(merge(input).errors.join('\n')).toMatch(/"palau" is labelled kk, but "p" is not Cyrillic script/);
  });

  it('fails on a head that would make a word meaning the place itself a thing’s, case by case', () => {
    const input = { ...base, categories: { food: { of: ['place' as const], after: { en: ['ci'], kk: ['қала'] } } } };
    expect(merge(input).errors).toEqual([
      'named-after: head "ci" would make "city" (en), which means the place, a thing\'s',
      'named-after: head "қала" would make "қаласы" (kk), which means the place, a thing\'s',
    ]);
    // A capitalised head counts only for a capitalised word: "Tashkent City", a development, is not "Tashkent city".
    const capital = {
      ...base,
      categories: { food: { of: ['place' as const], after: { en: ['City'], kk: ['палау'] } } },
    };
    expect(merge(capital).errors).toEqual([]);
  });

  it('keeps only capitalised heads after a person where the category says so', () => {
    const input: NamedAfterHeadsInput = {
      ...base,
      categories: {
        venues: { of: ['person'], 'person-after': 'capitalised', after: { en: ['Museum'], kk: ['мұражайы'] } },
      },
    };
    expect(merge(input).named?.after).toEqual(['Airport', 'Museum']);
  });
});
