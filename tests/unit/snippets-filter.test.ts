import { describe, expect, it } from 'vitest';
import { entityLookupFromRows } from '../../lib/snippets/entity-names';
import {
  compareNewestFirst,
  facets,
  filterSnippets,
  foldForSearch,
  parseTags,
  searchHaystack,
} from '../../lib/snippets/filter';
import { snippet } from './snippets-fixtures';

const lookup = entityLookupFromRows([
  ['ilham-aliyev', 'İlham Əliyev', 'person'],
  ['tanap', 'TANAP', 'pipeline'],
]);
const list = [
  snippet({
    id: 'a',
    text: 'Talks in Baku.',
    entityIds: ['ilham-aliyev'],
    tags: ['diplomacy'],
    url: 'https://a.example/x',
    createdAt: 3,
  }),
  snippet({
    id: 'b',
    text: 'Gas via Türkiye.',
    entityIds: ['tanap'],
    tags: ['energy'],
    url: 'https://www.b.example/y',
    note: 'check',
    createdAt: 2,
  }),
  snippet({
    id: 'c',
    text: 'Nothing here.',
    entityIds: [],
    tags: [],
    url: 'https://a.example/z',
    title: 'Quiet day',
    note: '',
    createdAt: 1,
  }),
];
const hay = (s: (typeof list)[number]) => searchHaystack(s, lookup);
const ids = (q: Parameters<typeof filterSnippets>[1]) => filterSnippets(list, q, hay).map((s) => s.id);

describe('library search and filters', () => {
  it('folds case and diacritics, Azerbaijani and Turkish letters included', () => {
    expect(foldForSearch('İlham Əliyev TÜRKİYE Şuşa')).toBe('ilham eliyev turkiye susa');
  });

  it('matches every word across text, notes, titles and entity names', () => {
    expect(ids({ text: 'eliyev' })).toEqual(['a']);
    expect(ids({ text: 'turkiye CHECK' })).toEqual(['b']);
    expect(ids({ text: 'quiet' })).toEqual(['c']);
    expect(ids({ text: 'baku tanap' })).toEqual([]);
    expect(ids({ text: '  ' })).toEqual(['a', 'b', 'c']);
  });

  it('filters by entity, tag and site', () => {
    expect(ids({ text: '', entityId: 'tanap' })).toEqual(['b']);
    expect(ids({ text: '', tag: 'diplomacy' })).toEqual(['a']);
    expect(ids({ text: '', site: 'a.example' })).toEqual(['a', 'c']);
    expect(ids({ text: '', site: 'b.example' })).toEqual(['b']);
  });

  it('counts facets, most frequent first', () => {
    expect(facets(list).sites).toEqual([
      { value: 'a.example', count: 2 },
      { value: 'b.example', count: 1 },
    ]);
  });

  it('sorts newest first, ties by id', () => {
    const same = [
      snippet({ id: 'z', createdAt: 5 }),
      snippet({ id: 'y', createdAt: 5 }),
      snippet({ id: 'x', createdAt: 9 }),
    ];
    expect(same.sort(compareNewestFirst).map((s) => s.id)).toEqual(['x', 'y', 'z']);
  });

  it('parses typed tags: commas, spaces, duplicates', () => {
    expect(parseTags(' energy,  Baku   pipeline ,energy, ,ENERGY ')).toEqual(['energy', 'Baku pipeline']);
  });
});
