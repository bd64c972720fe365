/**
 * A name inside the title of a film, a book, a programme or a series is the title's (titles.ts, data/languages.yaml
 * `title-before` and `title-after`). Sentences in no evaluation page: other titles, other kinds of work, other
 * languages.
 */
import { describe, expect, it } from 'vitest';
import { ids } from './project-matcher';

describe('a name inside a work’s title', () => {
  it('drops it where the kind of work follows the title, as the Turkic languages write it', () => {
    expect(ids('Kinoteatrda "Naxçıvan gecələri" filmi göstərilir; Naxçıvanda hava istidir.')).toEqual(['nakhchivan']);
    expect(ids('«Ташкенттегі бір күн» кітабы шықты.')).toEqual([]);
    expect(ids('"Aşgabatda bir gün" kitaby çapdan çykdy.')).toEqual([]);
    expect(ids('«Ереван — Тбилиси» альбомы, Ереван')).toEqual(['yerevan']);
  });
  it('drops it where the kind of work stands before the title, past a colon, and for a person’s name too', () => {
    expect(ids('Documentary: "Nursultan Nazarbayev: the first years" (2011)')).toEqual([]);
    expect(ids('Serial "Bakı gecələri" (12-ci seriya)')).toEqual([]);
  });
  it('drops a name that a kind of work in parentheses tells apart, and keeps the next', () => {
    expect(ids('See Shusha (novel); Shusha is a city.')).toEqual(['shusha']);
  });
  it('drops a name that a namesake’s kind in brackets tells apart, as a list of namesakes writes it', () => {
    expect(ids('Baku (disambiguation) · Baku (ship), a tanker built in 1978 · Baku is a city.')).toEqual(['baku']);
    expect(ids('Ташкент (значения). Ташкент — столица Узбекистана.')).toEqual(['tashkent', 'uzbekistan']);
    expect(ids('The ship "Tbilisi" left the port; Tbilisi stayed calm.')).toEqual(['tbilisi']);
  });
  it('keeps a name that a word in brackets only comments on', () => {
    expect(ids('We flew on to Samarkand (long trip!) and then Tashkent.')).toEqual(['samarkand', 'tashkent']);
  });
  it('keeps the names of a quoted sentence that no kind of work follows', () => {
    expect(ids('Recep Tayyip Erdoğan "Bakü bizim" dedi.')).toEqual(['erdogan', 'baku']);
  });
});
