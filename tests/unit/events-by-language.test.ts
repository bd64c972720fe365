/**
 * The standing names of events in the region's languages (data/entities/events-by-language.yaml and the events'
 * own records), with the project's alias index and rules. Sentences here are written for these tests, not taken from
 * the evaluation sets.
 */
import { describe, expect, it } from 'vitest';
import { ids } from './project-matcher';

describe('event names in the languages of the region', () => {
  it('decline like the language declines their last word', () => {
    expect(ids('2008 წლის აგვისტოს ომის მონაწილეები', '44-օրյա պատերազմի ժամանակ')).toEqual([
      'russo-georgian-war-2008',
      'second-karabakh-war',
    ]);
  });
  it('match mid-sentence in lowercase, as Russian writes a war or a collapse', () => {
    expect(ids('память о российско-грузинской войне', 'после распада СССР')).toEqual([
      'russo-georgian-war-2008',
      'dissolution-of-the-soviet-union',
    ]);
  });
  it('"Vətən müharibəsi" is the 2020 war, but "Böyük Vətən müharibəsi" is the Second World War', () => {
    expect(ids('44 günlük Vətən müharibəsi')).toEqual(['second-karabakh-war']);
    expect(ids('Böyük Vətən müharibəsi illərində')).toEqual([]);
  });
  it('"Zəfər paradı" is the Baku parade of 2020 only with its year or city near', () => {
    expect(ids('2020-ci ilin dekabrında Zəfər paradı keçirilib.')).toEqual(['baku-victory-parade-2020']);
    expect(ids('Məktəbdə Zəfər paradı adlı tamaşa göstərildi.')).toEqual([]);
  });
});
