/**
 * Names the fact base shares with other things, told apart by evidence on the alias (data/entities, `not-after`,
 * `not-before`, `not-near`) or by the kind of name (a pipeline's oil grade). Sentences in no evaluation page.
 */
import { describe, expect, it } from 'vitest';
import { ids } from './project-matcher';

describe('namesakes told apart by the words next to the name', () => {
  it('reads a people’s “NATO” as a proposed alliance, and NATO itself as NATO', () => {
    expect(ids('Bazıları "Türk NATO’su" kurulmasını istiyor; Türkiye NATO üyesidir.')).toEqual(['turkiye', 'nato']);
  });
  it('reads a pipeline’s name before an oil grade’s word as the grade', () => {
    expect(ids('CPC Blend traded at a discount while the Caspian Pipeline Consortium ran at capacity.')).toEqual([
      'cpc',
    ]);
  });
  it('reads the US state, the wax print and the city of Kazan as none of ours', () => {
    expect(ids('Kassym-Jomart Tokayev met Joe Biden. She moved to Washington State, then to Washington.')).toEqual([
      'tokayev',
      'joe-biden',
      'washington',
    ]);
    expect(ids('Ilham Aliyev spoke. An Ankara fabric skirt was sold in Ankara.')).toEqual(['ilham-aliyev', 'ankara']);
    expect(ids('Kazan hosted the summit; Kazan Tatar poets read.')).toEqual(['kazan-tatars']);
  });
  it('reads a club named after a city beside “liga” as the club', () => {
    expect(ids('Astana Qazaqstan Premer-ligasynda üşınşı oryn aldy.')).toEqual(['kazakhstan']);
  });
});

describe('a name of ours that is also a common given name', () => {
  it('is someone’s given name written solid before a surname, or before a word saying someone is called so', () => {
    expect(ids('Сынып жетекшісі Нұрсұлтан Сейтов; Нұрсұлтан қаласы')).toEqual(['astana']);
    expect(ids('Kassym-Jomart Tokayev Nursultan adlı bir çocukla görüştü; Nursultan Airport.')).toEqual(['tokayev']);
  });
  it('stays the city written with its hyphen, before the president’s name', () => {
    expect(ids('Нұр-Сұлтан Тоқаевты қарсы алды.')).toEqual(['astana']);
  });
});

describe('Turkestan the city, the region named after it, and East Turkestan', () => {
  it('keeps the city, and reads “East” in any language and spelling, and a region’s word, as something else', () => {
    expect(ids('Doğu Türkistan’da değil; Türkistan ilinde; Ahmet Yesevi Türkistan’da yatar.')).toEqual([
      'ahmet-yesevi',
      'turkestan-city',
    ]);
    expect(ids('Kassym-Jomart Tokayev visited Turkestan province and Eastern Turkestan.')).toEqual(['tokayev']);
  });
});

describe('a bare surname among sports words', () => {
  it('is an athlete’s, even after the person was named in full, and the person’s after their own title', () => {
    expect(ids('İlham Əliyev Bakıya gəlib. Futbol: Əliyev 2 qol vurdu, Neftçi qalib gəldi.')).toEqual([
      'ilham-aliyev',
      'baku',
    ]);
    expect(
      ids(
        'Ilham Aliyev spoke. At the match, President Aliyev watched from the stands; the club’s Aliyev scored a goal.',
      ),
    ).toEqual(['ilham-aliyev', 'ilham-aliyev']);
  });
});
