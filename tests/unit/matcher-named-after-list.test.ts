/**
 * The named-after word lists (named-after.ts) learn per folded letter of a page's words, in tables shared by every
 * list and grown as a page brings letters of more scripts: they must answer alike whatever came first.
 */
import { describe, expect, it } from 'vitest';
import { headBefore, NamedAfterList } from '../../lib/matcher/named-after';

/** One word starting with each of `count` letters from `from` on (a page in several scripts at once). */
const wordsFrom = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => `${String.fromCharCode(from + i)}x`);

describe('a named-after word list', () => {
  it('finds its words by their folded first letter and case, after hundreds of other letters were learned', () => {
    const list = new NamedAfterList(['Airport', 'аэропорт', 'ㄱㄴ', 'viloyati']);
    // CJK, Hangul and Greek words first: their letters outnumber a list's first tables.
    for (const w of [...wordsFrom(0x4e00, 400), ...wordsFrom(0xac00, 200), ...wordsFrom(0x3b1, 20)])
      expect(list.startsWordAt(w, 0)).toBe(false);
    expect(list.startsWordAt('Airports', 0)).toBe(true);
    // A capitalised head is read only as written so: "airport" in lowercase is no head of a name.
    expect(list.startsWordAt('airport', 0)).toBe(false);
    expect(list.startsWordAt('Аэропорт', 0)).toBe(true);
    expect(list.startsWordAt('аэропорту', 0)).toBe(true);
    expect(list.startsWordAt('ㄱㄴㄷ', 0)).toBe(true);
    expect(list.startsWordAt('Viloyati', 0)).toBe(true);
    expect(list.startsWordAt('Vilayet', 0)).toBe(false);
  });
  it('gives two lists their own answers for the same letters, learned in either order', () => {
    const heads = new NamedAfterList(['суд', 'оркестр']);
    const links = new NamedAfterList(['of']);
    const text = 'the Orchestra of Baku and the суд Москвы';
    expect(headBefore(heads, links, text, text.indexOf('Baku'))).toBe(false);
    expect(headBefore(heads, links, text, text.indexOf('Москвы'))).toBe(true);
    expect(heads.endsWith('д'.charCodeAt(0))).toBe(true);
    expect(links.endsWith('д'.charCodeAt(0))).toBe(false);
    expect(links.endsWith('F'.charCodeAt(0))).toBe(true);
    for (const w of wordsFrom(0x4e00, 600)) heads.startsWordAt(w, 0);
    expect(heads.endsWith('Р'.charCodeAt(0))).toBe(true);
    expect(headBefore(heads, links, text, text.indexOf('Москвы'))).toBe(true);
  });
});
