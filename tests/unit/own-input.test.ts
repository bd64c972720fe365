/**
 * The reader's input to their own material, checked before anything is stored or acted on: names typed or selected
 * for "Track this name", the popup's search over own names, and hostile shapes of the two messages a page's content
 * script may send about it (set-note, open-library).
 */
import { describe, expect, it, vi } from 'vitest';
import aliasIndexJson from '~/data/alias-index.json';
import factBaseJson from '~/data/factbase.json';
import { createBackgroundHandlers, type MessageSender } from '~/lib/background/handlers';
import { createFactBaseStore } from '~/lib/factbase/factbase-store';
import type { AliasIndex, FactBase } from '~/lib/factbase/types';
import { createMatcher } from '~/lib/matcher';
import { parseContentMessage } from '~/lib/messaging/validate';
import { createOwnBackground, type OwnStorage } from '~/lib/own/own-background';
import { nameDraftProblem, splitAliases } from '~/lib/own/name-draft';
import { problemText } from '~/components/own/problem-text';
import { mergeHits, ownSearchIndex } from '~/lib/own/own-search';
import { nameFromSelection, trackNameUrl } from '~/lib/own/track-name';
import { OWN_LIMITS, type OwnName } from '~/lib/own/types';
import { createSearch } from '~/lib/search/search';
import searchIndexJson from '~/data/search-index.json';
import type { SearchIndexData } from '~/lib/search/search-index';

const OWN_ID = 'lens-extension-id';
const sender: MessageSender = { id: OWN_ID, tab: { id: 7 }, url: 'https://news.example.com/a' };
const aliasIndex = aliasIndexJson as unknown as AliasIndex;
const store = createFactBaseStore(factBaseJson as unknown as FactBase);

const ownName = (over: Partial<OwnName> = {}): OwnName => ({
  id: 'own-name-rm',
  name: 'Rovshan Mammadli',
  aliases: ['Ровшан Мамедли', 'R. Mammadli'],
  type: 'person',
  summary: 'Deputy minister of energy.',
  createdAt: 1,
  updatedAt: 1,
  ...over,
});

describe('"Track this name": what the reader selected or typed', () => {
  it('makes one line of a selection, without the quotation marks and punctuation around it', () => {
    expect(nameFromSelection('  “Rovshan\n   Mammadli”, ')).toBe('Rovshan Mammadli');
    expect(nameFromSelection('«Азерэнержи».')).toBe('Азерэнержи');
    expect(nameFromSelection('x'.repeat(500))).toHaveLength(OWN_LIMITS.name);
    expect(nameFromSelection(' \n\t ')).toBe('');
  });

  it('opens the names form with the selection as a parameter, never as part of the URL’s structure', () => {
    const lib = 'chrome-extension://abc/library.html';
    expect(trackNameUrl(lib, 'Rovshan Mammadli')).toBe(`${lib}?track=Rovshan%20Mammadli`);
    const hostile = trackNameUrl(lib, '"><img src=x>&view=sources#x');
    expect(new URL(hostile).searchParams.get('track')).toBe('><img src=x>&view=sources#x');
    expect(new URL(hostile).searchParams.get('view')).toBeNull();
    expect(trackNameUrl(lib, '   ')).toBe(`${lib}?view=names`);
  });

  it('refuses empty and one-letter names and spellings with a sentence, and caps the spellings', () => {
    // The sentences the reader reads, from the English catalog (tests/unit/setup-i18n.ts).
    const say = (name: string, aliases: string) => {
      const p = nameDraftProblem(name, aliases);
      return p && problemText(p);
    };
    expect(say('', '')).toBe('The name is empty.');
    expect(say('   ', '')).toBe('The name is empty.');
    expect(say('A', '')).toMatch(/The name “A” is too short: one letter would mark every word/);
    expect(say(' Ş. ', '')).toMatch(/too short/);
    expect(say('Rovshan', 'R')).toMatch(/The other spelling “R” is too short/);
    expect(say('x'.repeat(201), '')).toBe('The name is longer than 200 characters.');
    expect(say('Rovshan', 'y'.repeat(201))).toBe('The other spelling is longer than 200 characters.');
    const many = Array.from({ length: OWN_LIMITS.aliases + 1 }, (_, i) => `Name ${i}`).join(', ');
    expect(say('Rovshan', many)).toBe(`At most ${OWN_LIMITS.aliases} other spellings.`);
    expect(nameDraftProblem('Rovshan Mammadli', 'Ровшан Мамедли; R. Mammadli')).toBeNull();
    expect(nameDraftProblem('AB', '')).toBeNull();
    expect(splitAliases('a, b;\nb , c')).toEqual(['a', 'b', 'c']);
  });
});

describe('the popup’s search finds own names', () => {
  const base = createSearch(searchIndexJson as unknown as SearchIndexData);
  const own = createSearch(
    ownSearchIndex([ownName(), ownName({ id: 'own-name-tanap2', name: 'TANAP Phase Two' })], 'A name you track.'),
  );

  it('by name, prefix, other spelling in another script, and with a typo', () => {
    expect(own.search('Rovshan Mammadli')[0]).toMatchObject({ id: 'own-name-rm', tier: 0 });
    expect(own.search('mammad')[0]?.id).toBe('own-name-rm');
    expect(own.search('мамедли')[0]?.id).toBe('own-name-rm');
    expect(own.search('Mamadli')[0]?.id).toBe('own-name-rm');
    expect(own.search('deputy minister')[0]?.id).toBe('own-name-rm');
  });

  it('merges with the fact base’s results by tier, so an exact own name comes before prefix matches', () => {
    const merged = mergeHits(base.search('tanap phase two'), own.search('tanap phase two'), 20);
    expect(merged[0]?.id).toBe('own-name-tanap2');
    const tanap = mergeHits(base.search('tanap'), own.search('tanap'), 20);
    expect(tanap[0]?.id).toBe('tanap');
    expect(tanap.map((h) => h.id)).toContain('own-name-tanap2');
    expect(mergeHits(base.search('tanap'), [], 3)).toHaveLength(3);
  });
});

describe('set-note and open-library from a page: hostile shapes are refused before anything acts', () => {
  const HOSTILE: unknown[] = [
    { type: 'set-note' },
    { type: 'set-note', id: 'tanap' },
    { type: 'set-note', text: 'x' },
    { type: 'set-note', id: 42, text: 'x' },
    { type: 'set-note', id: ['tanap'], text: 'x' },
    { type: 'set-note', id: { toString: () => 'tanap' }, text: 'x' },
    { type: 'set-note', id: 'tanap', text: null },
    { type: 'set-note', id: 'tanap', text: { length: 1 } },
    { type: 'set-note', id: 'tanap', text: 'x'.repeat(OWN_LIMITS.note + 1) },
    { type: 'set-note', id: 'x'.repeat(10_000), text: 'x' },
    { type: 'open-library' },
    { type: 'open-library', id: 7 },
    { type: 'open-library', id: null },
    { type: 'open-library', id: 'x'.repeat(10_000) },
    ['set-note', 'tanap', 'x'],
    'set-note',
    null,
  ];

  it('parseContentMessage refuses each of them', () => {
    for (const raw of HOSTILE) expect(parseContentMessage(raw), JSON.stringify(raw)?.slice(0, 80)).toBeNull();
  });

  it('keeps only the known fields, whatever a page adds', () => {
    const raw = JSON.parse(
      '{"type":"set-note","id":"tanap","text":"mine","__proto__":{"polluted":1},"entityId":"baku","createdAt":0}',
    );
    const parsed = parseContentMessage(raw);
    expect(parsed).toEqual({ type: 'set-note', id: 'tanap', text: 'mine' });
    expect(Object.keys(parsed!)).toEqual(['type', 'id', 'text']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(parseContentMessage({ type: 'open-library', id: 'tanap', url: 'https://evil.example/' })).toEqual({
      type: 'open-library',
      id: 'tanap',
    });
  });

  const setup = (names: OwnName[] = []) => {
    const storage: OwnStorage = {
      listNames: async () => names,
      sourceIds: async () => [],
      getSource: async () => undefined,
      putSource: async () => undefined,
      replaceQuotes: async () => undefined,
      ownForEntity: async () => ({ note: '', snippets: [], snippetCount: 0, quotes: [] }),
    };
    const own = createOwnBackground({ store, baseIndex: aliasIndex, storage });
    const setNote = vi.fn(async () => undefined);
    const openLibrary = vi.fn(async () => undefined);
    const handlers = createBackgroundHandlers({
      store,
      aliasIndex,
      matcher: () => createMatcher(aliasIndex),
      own,
      setNote,
      openLibrary,
    });
    return { handlers, setNote, openLibrary, own };
  };

  it('the handlers act on none of them, nor for another sender, nor for an entity nobody knows', async () => {
    const { handlers, setNote, openLibrary } = setup();
    for (const raw of HOSTILE) expect(handlers.onContentMessage(raw, sender, OWN_ID)).toBeUndefined();
    const note = { type: 'set-note', id: 'tanap', text: 'x' };
    expect(handlers.onContentMessage(note, { ...sender, id: 'another-extension' }, OWN_ID)).toBeUndefined();
    expect(handlers.onContentMessage(note, { ...sender, id: undefined }, OWN_ID)).toBeUndefined();
    expect(await handlers.onContentMessage({ ...note, id: 'no-such-entity' }, sender, OWN_ID)).toBe(false);
    expect(await handlers.onContentMessage({ ...note, id: '__proto__' }, sender, OWN_ID)).toBe(false);
    expect(await handlers.onContentMessage({ ...note, id: 'own-name-unknown' }, sender, OWN_ID)).toBe(false);
    await handlers.onContentMessage({ type: 'open-library', id: 'constructor' }, sender, OWN_ID);
    expect(setNote).not.toHaveBeenCalled();
    expect(openLibrary).not.toHaveBeenCalled();
  });

  it('acts for a fact-base entity and for one of the reader’s own names, and rate-limits tab opening', async () => {
    const { handlers, setNote, openLibrary, own } = setup([ownName()]);
    await own.ready();
    expect(await handlers.onContentMessage({ type: 'set-note', id: 'tanap', text: 'mine' }, sender, OWN_ID)).toBe(true);
    expect(await handlers.onContentMessage({ type: 'set-note', id: 'own-name-rm', text: 'mine' }, sender, OWN_ID)).toBe(
      true,
    );
    expect(setNote.mock.calls).toEqual([
      ['tanap', 'mine'],
      ['own-name-rm', 'mine'],
    ]);
    for (let i = 0; i < 50; i++) await handlers.onContentMessage({ type: 'open-library', id: 'tanap' }, sender, OWN_ID);
    expect(openLibrary.mock.calls.length).toBeGreaterThan(0);
    expect(openLibrary.mock.calls.length).toBeLessThan(50);
    expect(openLibrary).toHaveBeenCalledWith('tanap');
  });
});

describe('the explore page’s layer of your material', () => {
  it('counts snippets per month saved, lists the newest, and the entities your sources quote most', async () => {
    const { ownLayer } = await import('~/lib/own/own-layer');
    const at = (iso: string) => Date.parse(iso);
    const snippet = (id: string, iso: string, entityIds: string[]) => ({
      id,
      text: `text ${id}`,
      title: 't',
      createdAt: at(iso),
      entityIds,
    });
    const layer = ownLayer(
      [
        snippet('a', '2025-01-03T10:00:00Z', ['tanap', 'gone']),
        snippet('b', '2025-03-01T10:00:00Z', []),
        snippet('c', '2025-01-20T10:00:00Z', ['baku']),
      ],
      new Map([
        ['baku', 2],
        ['tanap', 5],
        ['gone', 9],
        ['shah-deniz', 0],
      ]),
      [ownName()],
      (id) => id !== 'gone',
      { recent: 2, entities: 5 },
    );
    expect(layer.months).toEqual([
      { month: '2025-01', count: 2 },
      { month: '2025-03', count: 1 },
    ]);
    expect(layer.recent.map((r) => [r.id, r.date, r.entityIds])).toEqual([
      ['b', '2025-03-01', []],
      ['c', '2025-01-20', ['baku']],
    ]);
    expect(layer.sourceEntities).toEqual([
      { id: 'tanap', quotes: 5 },
      { id: 'baku', quotes: 2 },
    ]);
    expect(layer.names.map((n) => n.name)).toEqual(['Rovshan Mammadli']);
    expect(layer.empty).toBe(false);
    expect(ownLayer([], new Map(), [], () => true).empty).toBe(true);
  });
});
