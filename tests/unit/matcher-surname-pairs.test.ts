/**
 * Bare surnames named as a pair (lib/matcher/disambiguate.ts `pairedWithAPerson`, data/languages.yaml `pair-joiners`)
 * and a surname that names a family (`family-after`). Sentences in no evaluation page.
 */
import { describe, expect, it } from 'vitest';
import { ids, page } from './project-matcher';

describe('a bare surname paired with another person of ours', () => {
  it('is that person, with no full name on the page, in each script', () => {
    expect(page('Erdoğan ve Tokayev telefonda görüştü.')).toEqual([
      ['Erdoğan', 'erdogan'],
      ['Tokayev', 'tokayev'],
    ]);
    expect(page('Мирзиёев и Путин обсудили поставки.')).toEqual([
      ['Мирзиёев', 'mirziyoyev'],
      ['Путин', 'putin'],
    ]);
    expect(page('Жапаров менен Токаев жолугушту.')).toEqual([
      ['Жапаров', 'sadyr-japarov'],
      ['Токаев', 'tokayev'],
    ]);
    expect(page('Putin, Erdoğan and Mirziyoyev spoke.').map(([, id]) => id)).toEqual([
      'putin',
      'erdogan',
      'mirziyoyev',
    ]);
    expect(page('ერდოღანი და პუტინი შეხვდნენ.')).toEqual([
      ['ერდოღანი', 'erdogan'],
      ['პუტინი', 'putin'],
    ]);
  });
  it('is that person joined by “with”, “or”, “neither… nor”, and Armenian և', () => {
    expect(ids('Erdoğan ile Putin telefonda görüştü.')).toEqual(['erdogan', 'putin']);
    expect(ids('Путин с Эрдоганом обсудили поставки газа.')).toEqual(['putin', 'erdogan']);
    expect(ids('A photo of Mirziyoyev with Erdoğan hung on the wall.')).toEqual(['mirziyoyev', 'erdogan']);
    expect(ids('Тоқаев пен Жапаров кездесті.')).toEqual(['tokayev', 'sadyr-japarov']);
    expect(ids('Но ни Токаев, ни Мирзиёев не приехали.')).toEqual(['tokayev', 'mirziyoyev']);
    expect(ids('Հայտարարությունը ստորագրեցին Ալիևը և Էրդողանը։')).toEqual(['ilham-aliyev', 'erdogan']);
    // "With" joins a name of ours to a namesake just as it joins two leaders: a given name still tells.
    expect(ids('Tokayev with Rustam Aliyev spoke.')).toEqual([]);
  });
  it('is not where the other is someone else’s', () => {
    // A given name before the other: "Rustam Aliyev" is a namesake, so nothing vouches for Tokayev.
    expect(page('Yesterday Rustam Aliyev and Tokayev spoke.')).toEqual([]);
    expect(page('Tokayev and Rustam Aliyev spoke.')).toEqual([]);
    // The other written surname first before another given name (a list): someone else, vouching for nobody.
    expect(page('Токаев и Жапаров Нурбек выступили.')).toEqual([]);
    // Beside a footballer of a leader's surname (`not-near` @sports), nor joined by another word.
    expect(page('Erdoğan ve Aliyev birer gol attı, maç 2-0 bitti.')).toEqual([]);
    expect(page('Putin met Tokayev.')).toEqual([]);
    // Across a line: two lines of a list are no pair.
    expect(page('Putin,\nTokayev')).toEqual([]);
  });
});

describe('a surname before a family word', () => {
  it('names the family, not the person, and leaves the next bare mention to the page', () => {
    expect(page('Binali Yıldırım konuştu. Haberdeki Yıldırım ailesi ayrı bir ailedir. Yıldırım ekledi.')).toEqual([
      ['Binali Yıldırım', 'binali-yildirim'],
      ['Yıldırım', 'binali-yildirim'],
    ]);
    expect(page('Ilham Aliyev spoke. The Aliyev family owns no bank, Aliyev said.')).toEqual([
      ['Ilham Aliyev', 'ilham-aliyev'],
      ['Aliyev', 'ilham-aliyev'],
    ]);
    expect(page('İlham Əliyev çıxış edib. Əliyev ailəsindən heç kim gəlmədi.')).toEqual([
      ['İlham Əliyev', 'ilham-aliyev'],
    ]);
  });
});
