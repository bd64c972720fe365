/**
 * Letters typed from the other alphabet inside a word (a Latin "a" in a Cyrillic word, a Cyrillic "Т" in a Latin
 * one): the reader sees the name, and so does the matcher. Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { foldText } from '../../lib/matcher/fold';
import { page } from './project-matcher';

const folded = (text: string) => foldText(text).folded;

describe('look-alike letters from the other alphabet', () => {
  it('fold as the letters of the word around them', () => {
    expect(folded('Азербайджaне')).toBe(folded('Азербайджане'));
    expect(folded('Казахcтана')).toBe(folded('Казахстана'));
    expect(folded('Тürkiia')).toBe(folded('Türkiia'));
    expect(folded('Түркiстан')).toBe(folded('Түркістан'));
    // a capital B and В look alike too
    expect(folded('ВAKU')).toBe(folded('BAKU'));
  });

  it('leave words of one alphabet, and words that mix letters of both that have no twin, as typed', () => {
    expect(folded('coca Coca-Cola сосна')).toBe('coca coca cola сосна');
    // ж and d have no twin in the other alphabet: the word is mixed on purpose (a code, a typo) and stays so
    expect(folded('Ажdar')).toBe('ажdar');
    // a Latin word next to a Cyrillic one, with no letter between, is two words
    expect(folded('Baku Баку')).toBe('baku баку');
  });

  it('let the names they spell be found, with their endings', () => {
    expect(page('Инфляция в Азербайджaне замедлилась, сообщил ЦБ.')).toContainEqual(['Азербайджaне', 'azerbaijan']);
    expect(page('Экспорт нефти из Казахcтана вырос.')).toContainEqual(['Казахcтана', 'kazakhstan']);
    expect(page('Bıyl Тürkiiağa jäne Äzerbaijanğa sapar jasadyq.')).toContainEqual(['Тürkiiağa', 'turkiye']);
  });
});
