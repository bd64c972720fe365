/**
 * Names of organisations, ideas and places added per language (data/entities/*-by-language.yaml), with the
 * project's alias index and rules. Sentences here are written for these tests, not taken from the evaluation sets.
 */
import { describe, expect, it } from 'vitest';
import { ids } from './project-matcher';

describe('organisations and ideas in the languages of the region', () => {
  it('the West capitalised is the idea; the compass point in lowercase is not', () => {
    expect(ids('между Россией и Западом', 'на западе страны')).toEqual(['russia', 'the-west']);
    expect(ids('Oʻzbekiston va G‘arb', 'shahar g‘arbida')).toEqual(['uzbekistan', 'the-west']);
    expect(ids('Минобороны завершило учения «Запад-2021».')).toEqual([]);
  });
  it('official abbreviations with the language’s endings', () => {
    expect(ids('ҚР СІМ-інде брифинг өтті', 'ՌԴ-ի նախագահ')).toEqual(['kazakhstan-foreign-ministry', 'russia']);
  });
  it('Russian ideas as Russian writes them mid-sentence, in lowercase', () => {
    expect(ids('статья о пантюркизме и евразийстве')).toEqual(['pan-turkism', 'eurasianism']);
  });
  it('the Middle Corridor by its short Trans-Caspian name, and the Trans-Caspian pipeline written with a hyphen', () => {
    expect(ids('Грузы из Китая идут по Транскаспийскому маршруту.')).toEqual(['china', 'middle-corridor']);
    expect(ids('Юклар Транскаспий маршрути орқали ташилади.')).toEqual(['middle-corridor']);
    expect(ids('Trans-Xəzər qaz kəmərinin layihəsi müzakirə olunur.')).toEqual(['trans-caspian-gas-pipeline']);
  });
  it('the Türkiye–Uzbekistan partnership named without its parties, only with Türkiye near', () => {
    expect(ids('Turkiya bilan har tomonlama strategik sheriklik mustahkamlandi.')).toEqual([
      'turkiye',
      'turkiye-uzbekistan-comprehensive-strategic-partnership',
    ]);
    expect(ids('Xitoy bilan har tomonlama strategik sheriklik mustahkamlandi.')).toEqual(['china']);
  });
});
