/**
 * An acronym in parentheses takes its marks away from our entity only when the words before it spell it out as
 * something else. Sentences written for these tests, in no evaluation page.
 */
import { describe, expect, it } from 'vitest';
import { ids } from './project-matcher';
import { spellsOut } from '../../lib/matcher/acronym-expansion';

const before = (acronym: string, text: string) => spellsOut(acronym, text, text.length);

describe('spellsOut', () => {
  it('reads initials in order, skipping lowercase words that give none, in any alphabet', () => {
    expect(before('CPC', 'Delegates of the Communist Party of China ')).toBe(true);
    expect(before('ŞİÖ', 'Zirve, Şanghay İşbirliği Örgütü ')).toBe(true);
    expect(before('КПК', 'Делегация Коммунистической партии Китая ')).toBe(true);
    expect(before('ECO', '“Economic Cooperation Organization” ')).toBe(true);
  });
  it('reads capitals inside a name written solid, or the letters of one word in order', () => {
    expect(before('KMG', 'the state firm KazMunayGas ')).toBe(true);
    expect(before('BTC', 'a slide in Bitcoin ')).toBe(true);
  });
  it('is not spelled out by a phrase in another alphabet, a description, or a word that gives no letter', () => {
    expect(before('TANAP', 'Անդրանատոլիական գազատարը ')).toBe(false);
    expect(before('TANAP', 'the new export line ')).toBe(false);
    expect(before('CPC', 'Reuters said the company ')).toBe(false);
    expect(before('CPC', 'China Petroleum ')).toBe(false);
  });
});

describe('an acronym the page spells out', () => {
  it('keeps our acronym after a name of it in a language the fact base lacks, or after a description', () => {
    expect(ids('Անդրանատոլիական գազատարը (TANAP) ընդլայնվում է։', 'Մինչ այդ TANAP ...')).toEqual(['tanap', 'tanap']);
    expect(ids('The export line (TANAP) doubled its flow; TANAP now runs full.')).toEqual(['tanap', 'tanap']);
  });
  it('still follows an acronym spelled out as something else', () => {
    expect(ids('Delegates of the Communist Party of China (CPC) arrived. The CPC spoke first.')).toEqual(['china']);
  });
});
