/**
 * A bare surname after the head of state's office as each language words it, one word or two ("Rusya Devlet Başkanı
 * Putin", "Döwlet Baştutany", "глава государства"), and the evidence against a bare surname that lists in data/ give:
 * a Georgian given name, a drone model after the minister's surname, a hat-trick beside a footballer's. Sentences in
 * no evaluation page.
 */
import { describe, expect, it } from 'vitest';
import { ids, page } from './project-matcher';

describe('the office of head of state before a bare surname', () => {
  it('confirms the person in Turkish, Turkmen and Russian', () => {
    expect(page('Çin ile Rusya Devlet Başkanı Putin arasında görüşme yapıldı.')).toContainEqual(['Putin', 'putin']);
    expect(page('Gazakystanyň Döwlet Baştutany Tokaýew çykyş etdi.').map(([, id]) => id)).toContain('tokayev');
    expect(page('Слово взял глава государства Токаев.')).toContainEqual(['Токаев', 'tokayev']);
  });
  it('keeps a state museum, where “Devlet” alone heads another name', () => {
    expect(ids('Ödünç veren: Özbekistan Devlet Sanat Müzesi, Taşkent.')).not.toContain('uzbekistan');
  });
});

describe('evidence against a bare surname from the lists', () => {
  it('reads a Georgian given name before a surname as someone else’s', () => {
    expect(ids('ილჰამ ალიევი ჩავიდა. საკრებულოს წევრმა რამინ ალიევმა თანამდებობა დატოვა.')).toEqual(['ilham-aliyev']);
    expect(ids('ილჰამ ალიევი ჩავიდა. განმცხადებელი: რუსლან ალიევი.')).toEqual(['ilham-aliyev']);
  });
  it('reads a drone model after the minister’s surname as the drone family’s', () => {
    expect(ids('Alparslan Bayraktar spoke. The new Bayraktar Kızılelma flew.')).toEqual(['alparslan-bayraktar']);
    expect(ids('Alparslan Bayraktar spoke. Later Bayraktar met investors.')).toEqual([
      'alparslan-bayraktar',
      'alparslan-bayraktar',
    ]);
  });
  it('reads a hat-trick beside a bare Aliyev as a footballer’s', () => {
    expect(ids('İlham Əliyev çıxış etdi. Aliyev hat-trick etdi və komandası qalib gəldi.')).toEqual(['ilham-aliyev']);
  });
});
