/**
 * A person's given name alone (data/entities `rule: given-name`, lib/matcher/given-name-alone.ts): counts where the
 * page names the person or their family in full, never before a capitalised word. Sentences in no evaluation page.
 */
import { describe, expect, it } from 'vitest';
import { ids, page } from './project-matcher';

describe('a given name alone', () => {
  it('is the person where the page names them or a namesake of their family in full, in each language', () => {
    expect(ids('Gurbanguly Berdimuhamedov opened the plant.', 'Later Gurbanguly toured the port.')).toEqual([
      'gurbanguly-berdimuhamedov',
      'gurbanguly-berdimuhamedov',
    ]);
    // Named beside his son's full name, before or after it.
    expect(page('The son, Serdar Berdimuhamedov, rules now; his father Gurbanguly chairs the council.')).toEqual([
      ['Serdar Berdimuhamedov', 'serdar-berdimuhamedov'],
      ['Gurbanguly', 'gurbanguly-berdimuhamedov'],
    ]);
    expect(ids('Power passed from Gurbanguly to Serdar Berdimuhamedov in 2022.')).toEqual([
      'gurbanguly-berdimuhamedov',
      'serdar-berdimuhamedov',
    ]);
    expect(ids('Сердар Бердымухамедов выступил. Гурбангулы молча слушал.')).toEqual([
      'serdar-berdimuhamedov',
      'gurbanguly-berdimuhamedov',
    ]);
    expect(ids('Serdar Berdimuhamedov konuştu; babası Gurbangulı da oradaydı.')).toEqual([
      'serdar-berdimuhamedov',
      'gurbanguly-berdimuhamedov',
    ]);
    expect(ids('Қасым-Жомарт Тоқаев сөз сөйледі. Содан кейін Қасым-Жомарт қонақтармен сөйлесті.')).toEqual([
      'tokayev',
      'tokayev',
    ]);
    expect(ids('Kassym-Jomart Tokayev arrived. Kassym-Jomart thanked the hosts.')).toEqual(['tokayev', 'tokayev']);
  });
  it('is nobody where the page names no one of that family in full', () => {
    expect(page('Gurbanguly toured the port.')).toEqual([]);
    expect(page('Қасым-Жомарт қонақтармен сөйлесті.')).toEqual([]);
    // A bare surname of the family is no full mention.
    expect(ids('President Berdimuhamedov spoke; Gurbanguly, a fisherman, listened.')).not.toContain(
      'gurbanguly-berdimuhamedov',
    );
  });
  it('is someone else before a capitalised word: a namesake whose surname follows', () => {
    expect(ids('Serdar Berdimuhamedow geldi. Mugallym Gurbanguly Saparow sapak berdi.')).toEqual([
      'serdar-berdimuhamedov',
    ]);
    expect(ids('Тоқаев Қасым-Жомарт Кемелұлы келді. Қасым-Жомарт Әлиев, мұғалім, сөйледі.')).toEqual(['tokayev']);
  });
});
