/**
 * The popup's search over the real fact base (data/factbase.json): which entity comes first for the spellings,
 * typos, transliterations and fact words a reader types, how matches are marked, and the parts it is built from.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FactBase } from '../../lib/factbase/types';
import { excerpt } from '../../lib/search/excerpt';
import { allFields } from '../../lib/search/fields';
import { parseQuery, toOriginalRanges, toSearchForm, toSearchForms } from '../../lib/search/normalize';
import { createSearch, type Search, type SearchHit } from '../../lib/search/search';
import { buildWordIndex } from '../../lib/search/word-index';
import { classifyUrl, entitiesOnPage, pickTargetTab } from '../../components/popup/tab-target';
import { keystrokes, syntheticFactBase } from '../../scripts/bench/search-bench';

const base = JSON.parse(readFileSync(new URL('../../data/factbase.json', import.meta.url), 'utf8')) as FactBase;
let search: Search;
beforeAll(() => {
  search = createSearch(base);
});

const first = (q: string) => search.search(q)[0]?.id;
const marked = (h: { text: string; ranges: [number, number][] }) => h.ranges.map(([s, e]) => h.text.slice(s, e));

describe('search form', () => {
  it.each([
    ['Токаев', 'tokaev'],
    ['Тоқаев', 'tokaev'],
    ['Tokayev', 'tokaev'],
    ['Toqaev', 'tokaev'],
    ['Şuşa', 'susa'],
    ['Shusha', 'susa'],
    ['Шуша', 'susa'],
    ['Kazakhstan', 'kazakstan'],
    ['Qazaqstan', 'kazakstan'],
    ['Казахстан', 'kazakstan'],
    ['Mirziyoyev', 'mirzioev'],
    ['Mirziyoev', 'mirzioev'],
    ['Erdoğan', 'erdogan'],
    ['Эрдоган', 'erdogan'],
    ['Kassym-Jomart', 'kasym jomart'], // a hyphen folds like a space (lib/matcher/fold)
    ['Қасым-Жомарт', 'kasym jomart'],
    ['Oʻzbekiston', 'ozbekiston'],
    ['İlham Əliyev', 'ilham aliev'],
    ['Heydər Əliyev', 'hedar aliev'],
    ['Heydar Aliyev', 'hedar aliev'],
    ['16 BCM', '16 bcm'],
  ])('%s → %s', (text, form) => {
    expect(toSearchForm(text).text).toBe(form);
  });

  it('maps every character of the form back to the original text', () => {
    const text = 'Президент Тоқаев и Şuşa';
    const { text: form, map } = toSearchForm(text);
    expect(map.length).toBe(form.length + 1);
    expect(map[form.length]).toBe(text.length);
    const at = form.indexOf('tokaev');
    expect(toOriginalRanges(map, [[at, at + 'tokaev'.length - 1]])).toEqual([[10, 16]]);
    const s = form.indexOf('susa');
    expect(text.slice(...toOriginalRanges(map, [[s, s + 3]])[0]!)).toBe('Şuşa');
  });

  it('folds a whole fact base in one batch exactly as text by text', () => {
    const texts = base.entities.flatMap((e) => [
      e.name,
      ...e.aliases.map((a) => a.text),
      ...e.facts.map((f) => f.quote),
    ]);
    expect(toSearchForms(texts)).toEqual(texts.map((t) => toSearchForm(t).text));
  });

  it('treats the last word as a prefix until a space or punctuation follows it', () => {
    expect(parseQuery('shusha decl')).toEqual({ tokens: ['susa', 'decl'], lastIsPrefix: true });
    expect(parseQuery('tap ')).toEqual({ tokens: ['tap'], lastIsPrefix: false });
    expect(parseQuery('  ')).toEqual({ tokens: [], lastIsPrefix: false });
  });
});

describe('ranking on the real fact base', () => {
  it.each([
    ['mirziyoev', 'mirziyoyev'],
    ['Mirziyoyev', 'mirziyoyev'],
    ['Мирзиёев', 'mirziyoyev'],
    ['mirzyoyev', 'mirziyoyev'],
    ['mirz', 'mirziyoyev'],
    ['tokaev', 'tokayev'],
    ['tokayev', 'tokayev'],
    ['toqaev', 'tokayev'],
    ['Токаев', 'tokayev'],
    ['Тоқаев', 'tokayev'],
    ['tokaeyv', 'tokayev'],
    ['tanap', 'tanap'],
    ['TANAP', 'tanap'],
    ['turkic states', 'ots'],
    ['organization of turkic states', 'ots'],
    ['shusha decl', 'shusha-declaration'],
    ['shusha declaration', 'shusha-declaration'],
    ['erdogan', 'erdogan'],
    ['Erdoğan', 'erdogan'],
    ['erdgoan', 'erdogan'],
    ['Эрдоган', 'erdogan'],
    ['Şuşa', 'shusha'],
    ['shusha', 'shusha'],
    ['Шуша', 'shusha'],
    ['Kazakhstan', 'kazakhstan'],
    ['qazaqstan', 'kazakhstan'],
    ['nazarbaev', 'nazarbayev'],
    ['aliev', 'ilham-aliyev'],
    ['baku tbilisi ceyhan', 'btc-pipeline'],
    ['bayraktar', 'bayraktar-tb2'],
    ['kuryk', 'kuryk-port'],
    ['golden eagle', 'altyn-kyran-order'],
    ['16 bcm', 'tanap'],
  ])('%s → %s', (query, id) => {
    expect(first(query)).toBe(id);
  });

  it('puts an exact name or alias before everything else', () => {
    for (const q of ['Baku', 'NATO', 'Kuryk', 'TAP']) {
      const [top] = search.search(q);
      expect(top?.tier, q).toBe(0);
    }
    // Heydar Aliyev is a whole-word hit, Ilham Aliyev has the alias "Aliyev" itself.
    const ids = search.search('aliyev').map((h) => h.id);
    expect(ids.indexOf('ilham-aliyev')).toBeLessThan(ids.indexOf('heydar-aliyev'));
  });

  it('finds the entity a fact belongs to and shows the matching quote, marked', () => {
    const hit = search.search('16 BCM').find((h) => h.id === 'tanap')!;
    expect(hit.context.kind).toBe('quote');
    expect(marked(hit.context).join(' ').toLowerCase()).toBe('16 bcm');
    const eagle = search.search('Golden Eagle').filter((h) => h.context.kind === 'quote');
    expect(eagle.length).toBeGreaterThan(0);
    expect(marked(eagle[0]!.context)).toEqual(['Golden', 'Eagle']);
  });

  it('marks the matched words of the name, and the alias when the name shows nothing', () => {
    const tokayev = search.search('tokaev')[0]!;
    expect(marked(tokayev.title)).toEqual(['Tokayev']);
    expect(tokayev.alias).toBeUndefined();
    const tanap = search.search('tanap')[0]!;
    expect(tanap.title.ranges).toEqual([]);
    expect(marked(tanap.alias!)).toEqual(['TANAP']);
    // One typed letter marks the start of a word, not every m in the name.
    const m = search.search('m')[0]!;
    expect(marked(m.title).every((t) => t.toLowerCase() === 'm')).toBe(true);
    expect(m.title.ranges.length).toBe(1);
  });

  // Was "prefers an alias in the script of the query", checked only `if (hit.alias)`: folding makes Эрдоган match the
  // Latin name itself, so no alias line is shown and that check never ran. This is what the search does.
  it('finds a name typed in Cyrillic and marks it in the Latin title, with no alias line', () => {
    const hit = search.search('Эрдоган')[0]!;
    expect(hit.id).toBe('erdogan');
    expect(marked(hit.title).join(' ')).toMatch(/Erdoğan/);
    expect(hit.alias).toBeUndefined();
  });

  it('gives every hit a type and one line of context', () => {
    for (const q of ['m', 'tur', 'pipeline', 'Astana']) {
      for (const h of search.search(q)) {
        expect(h.type).toBeTruthy();
        expect(h.context.text.length).toBeGreaterThan(0);
        expect(h.context.text.length).toBeLessThanOrEqual(130);
      }
    }
  });

  it('returns nothing for nothing, and for words in no field', () => {
    expect(search.search('')).toEqual([]);
    expect(search.search(' – ')).toEqual([]);
    expect(search.search('qwxzv')).toEqual([]);
  });

  it('answers every keystroke of a typed query', () => {
    for (const q of keystrokes(['mirziyoev', 'shusha decl', '16 bcm'])) expect(() => search.search(q)).not.toThrow();
    const typed = keystrokes(['mirziyoev']).map((q) => first(q));
    expect(typed.slice(3)).toEqual(Array(typed.length - 3).fill('mirziyoyev'));
  });

  it('keeps the results of one entity together: one hit per entity', () => {
    const hits: SearchHit[] = search.search('tur');
    expect(new Set(hits.map((h) => h.id)).size).toBe(hits.length);
    expect(hits.length).toBeLessThanOrEqual(20);
  });

  it('ranks the same way on a base five times the size (new names around the real ones change nothing)', () => {
    const big = createSearch(syntheticFactBase(base, 5));
    for (const q of ['mirziyoev', 'Токаев', 'turkic states', 'shusha decl', 'erdgoan'])
      expect(big.search(q)[0]?.id, q).toBe(first(q));
  }, 60_000); // indexing five fact bases takes seconds on a busy 2-core machine: a time limit here tests nothing
});

describe('word index', () => {
  const words = [['tokaev'], ['tokaev', 'visit'], ['token'], ['mirzioev'], ['16', 'bcm']];
  const index = buildWordIndex(words, 100);
  const found = (token: string, edits: number, prefix: boolean) =>
    index.lookup(token, edits, prefix).flatMap((r) => index.words.slice(r.lo, r.hi));

  it('finds whole words within the edits allowed, with transpositions', () => {
    expect(found('tokaev', 0, false)).toEqual(['tokaev']);
    expect(found('tokeav', 1, false)).toEqual(['tokaev']);
    expect(found('mirzoev', 1, false)).toEqual(['mirzioev']);
    expect(found('mirzoev', 0, false)).toEqual([]);
  });

  it('finds prefixes as whole subtrees', () => {
    expect(found('tok', 0, true).sort()).toEqual(['tokaev', 'token']);
    expect(found('toka', 0, true)).toEqual(['tokaev']);
  });

  it('lists the fields of a word, in the id space it was given', () => {
    const fields: number[] = [];
    index.forEachField(index.idOf('tokaev'), (f) => fields.push(f));
    expect(fields).toEqual([100, 101]);
  });

  it('searches names at once and summaries and quotes once they are indexed', () => {
    const deferred = createSearch(base, { deferText: true });
    expect(deferred.textReady).toBe(false);
    expect(deferred.search('16 bcm')).toEqual([]);
    expect(deferred.search('tokaev')[0]?.id).toBe('tokayev');
    deferred.indexText();
    expect(deferred.textReady).toBe(true);
    expect(deferred.search('16 bcm')[0]?.id).toBe('tanap');
  });
});

describe('parts', () => {
  it('collects names, aliases, summary sentences and quotes, dropping aliases that fold like the name', () => {
    const { fields } = allFields(base);
    const tokayev = base.entities.findIndex((e) => e.id === 'tokayev');
    const own = fields.filter((f) => f.entity === tokayev);
    expect(own.filter((f) => f.kind === 'name')).toHaveLength(1);
    const forms = own.filter((f) => f.kind === 'alias' || f.kind === 'name').map((f) => f.form);
    expect(new Set(forms).size).toBe(forms.length);
    expect(own.some((f) => f.kind === 'quote')).toBe(true);
  });

  it('cuts a long text around its first match, at word boundaries', () => {
    const text =
      'The TANAP segment of the Southern Gas Corridor is the largest gas pipeline in Türkiye, currently delivering over 16 BCM of gas annually.';
    const at = text.indexOf('16 BCM');
    const cut = excerpt(text, [[at, at + 6]], 60);
    expect(cut.clippedStart).toBe(true);
    expect(cut.text.slice(...cut.ranges[0]!)).toBe('16 BCM');
    expect(cut.text.startsWith(' ')).toBe(false);
    expect(excerpt('short', [[0, 5]])).toEqual({
      text: 'short',
      ranges: [[0, 5]],
      clippedStart: false,
      clippedEnd: false,
    });
  });
});

describe('the popup’s tab', () => {
  it('is the active tab of a real popup, and the tab used before it when popup.html is a tab itself', () => {
    const tabs = [
      { id: 1, active: false, lastAccessed: 100, url: 'https://a.example/' },
      { id: 2, active: true, lastAccessed: 300, url: 'chrome-extension://x/popup.html' },
      { id: 3, active: false, lastAccessed: 200 },
    ];
    expect(pickTargetTab(tabs, undefined)?.id).toBe(2);
    expect(pickTargetTab(tabs, 2)?.id).toBe(3);
    expect(pickTargetTab([tabs[1]!], 2)).toBeUndefined();
  });

  it.each([
    ['https://news.example/a', 'web'],
    ['http://127.0.0.1:8080/article.html', 'web'],
    ['chrome://extensions', 'restricted'],
    ['about:debugging', 'restricted'],
    ['moz-extension://abc/library.html', 'restricted'],
    ['view-source:https://a.example/', 'restricted'],
    ['https://chromewebstore.google.com/detail/x', 'restricted'],
    ['https://chrome.google.com/webstore/category/extensions', 'restricted'],
    ['https://addons.mozilla.org/en-US/firefox/', 'restricted'],
    [undefined, 'unknown'],
  ] as const)('%s is %s', (url, kind) => {
    expect(classifyUrl(url)).toBe(kind);
  });

  it('lists the page’s entities once each, in order of first appearance, counts summed', () => {
    const rows = entitiesOnPage([
      { entityId: 'baku', name: 'Baku', text: 'Baku', count: 2 },
      { entityId: 'tokayev', name: 'Kassym-Jomart Tokayev', text: 'Tokayev', count: 1 },
      { entityId: 'baku', name: 'Baku', text: 'Баку', count: 3 },
    ]);
    expect(rows).toEqual([
      { entityId: 'baku', name: 'Baku', count: 5, texts: ['Баку', 'Baku'] },
      { entityId: 'tokayev', name: 'Kassym-Jomart Tokayev', count: 1, texts: ['Tokayev'] },
    ]);
  });
});
