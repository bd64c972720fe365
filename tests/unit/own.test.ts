import { describe, expect, it } from 'vitest';
import aliasIndexJson from '../../data/alias-index.json';
import factBaseJson from '../../data/factbase.json';
import { createFactBaseStore } from '../../lib/factbase/factbase-store';
import type { AliasIndex, FactBase } from '../../lib/factbase/types';
import { createMatcher } from '../../lib/matcher';
import { keepKnownEntities, takeEntityRows } from '../../lib/own/known-entities';
import { createOwnBackground, type OwnStorage } from '../../lib/own/own-background';
import { ownToMarkdown } from '../../lib/own/own-markdown';
import { withOwnNameRules, withOwnNames } from '../../lib/own/own-names';
import { nameProblem, readSourceFile, sourceFileSizeProblem } from '../../lib/own/source-file';
import { problemText } from '../../components/own/problem-text';
import { paragraphsOf, sourceQuotes } from '../../lib/own/source-quotes';
import { OWN_LIMITS, type OwnName, type OwnOnCard, type OwnSource, type SourceQuote } from '../../lib/own/types';
import { parseOwnMaterial } from '../../lib/own/validate-own';
import { exportBackupJson, parseImportFile } from '../../lib/snippets/json-codec';
import matchingRules from '../../data/matching-rules.json';
import type { MatchingRules } from '../../lib/factbase/matching-rules';

const base = aliasIndexJson as unknown as AliasIndex;
const factBase = createFactBaseStore(factBaseJson as unknown as FactBase);
const enc = (s: string) => new TextEncoder().encode(s);

const name = (over: Partial<OwnName> = {}): OwnName => ({
  id: 'own-name-1',
  name: 'Rovshan Mammadli',
  aliases: ['Мамедли Ровшан'],
  type: 'person',
  summary: 'A deputy minister I follow.',
  createdAt: 1,
  updatedAt: 1,
  ...over,
});

describe('own sources: quotes per entity', () => {
  it('splits paragraphs on blank lines and keeps their numbers', () => {
    expect(paragraphsOf('One.\nstill one.\n\n\nTwo.\n  \nThree.').map((p) => [p.number, p.text])).toEqual([
      [1, 'One.\nstill one.'],
      [2, 'Two.'],
      [3, 'Three.'],
    ]);
  });

  it('keeps each sentence that names an entity, once per entity, with its paragraph', () => {
    const text =
      'Intro without names.\n\nTANAP carries gas from Shah Deniz. It opened in 2018. TANAP was expanded.\n\nNothing here.';
    const matcher = createMatcher(base);
    const found = matcher.find(text).map((m) => ({ ...m, entityId: base.entities[m.entity]![0] }));
    const quotes = sourceQuotes('s1', text, found);
    expect(quotes.map((q) => [q.entityId, q.quote, q.paragraph])).toEqual([
      ['tanap', 'TANAP carries gas from Shah Deniz.', 2],
      ['shah-deniz', 'TANAP carries gas from Shah Deniz.', 2],
      ['tanap', 'TANAP was expanded.', 2],
    ]);
    expect(new Set(quotes.map((q) => q.id)).size).toBe(quotes.length);
  });

  it('cuts a very long sentence around the name, and caps quotes per entity', () => {
    const long = `${'word '.repeat(400)}TANAP ${'more '.repeat(400)}.`;
    const [q] = sourceQuotes('s', long, [
      { start: long.indexOf('TANAP'), end: long.indexOf('TANAP') + 5, entityId: 't' },
    ]);
    expect(q!.quote.length).toBeLessThanOrEqual(OWN_LIMITS.quote + 4);
    expect(q!.quote).toContain('TANAP');
    expect(q!.quote.startsWith('… ')).toBe(true);
    const many = Array.from({ length: 40 }, (_, i) => `Sentence ${i} names TANAP.`).join(' ');
    const hits = [...many.matchAll(/TANAP/g)].map((m) => ({ start: m.index!, end: m.index! + 5, entityId: 't' }));
    expect(sourceQuotes('s', many, hits)).toHaveLength(OWN_LIMITS.quotesPerEntity);
  });
});

describe('own sources: bad files', () => {
  it('refuses empty, huge, binary, unknown-encoding and unknown-type files with a clear sentence', () => {
    const fail = (name: string, bytes: Uint8Array) => {
      const r = readSourceFile(name, bytes);
      return r.ok ? 'ok' : problemText(r.error);
    };
    expect(fail('a.txt', new Uint8Array())).toMatch(/is empty/);
    expect(problemText(sourceFileSizeProblem('big.txt', OWN_LIMITS.fileBytes + 1)!)).toMatch(
      /“big\.txt” is too large \(5 MB\)\..*up to 5 MB/,
    );
    expect(problemText(sourceFileSizeProblem('big.txt', OWN_LIMITS.fileBytes * 1.5)!)).toMatch(/\(7\.5 MB\)/);
    expect(fail('big.txt', new Uint8Array(OWN_LIMITS.fileBytes + 1).fill(65))).toMatch(/too large/);
    expect(fail('scan.txt', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]))).toMatch(/binary/);
    expect(fail('latin1.txt', new Uint8Array([0x41, 0xe9, 0x74, 0xe9]))).toMatch(/encoding.*UTF-8/);
    expect(fail('doc.pdf', enc('hello'))).toMatch(/not a \.txt, \.md or \.html/);
    expect(fail('blank.md', enc('  \n\n '))).toMatch(/holds no readable text/);
  });

  it('reads UTF-8 with or without a byte-order mark, and UTF-16 with one', () => {
    expect(readSourceFile('a.txt', enc('\uFEFFŞuşa\r\nline'))).toEqual({ ok: true, kind: 'text', text: 'Şuşa\nline' });
    const utf16 = new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42, 0x00]);
    expect(readSourceFile('a.md', utf16)).toEqual({ ok: true, kind: 'markdown', text: 'AB' });
    expect(readSourceFile('page.HTML', enc('<p>x</p>'))).toMatchObject({ ok: true, kind: 'html' });
  });

  it('refuses empty and one-letter names', () => {
    const say = (name: string) => {
      const p = nameProblem(name);
      return p && problemText(p);
    };
    expect(say('')).toMatch(/empty/);
    expect(say('  ')).toMatch(/empty/);
    expect(say('Q')).toMatch(/too short/);
    expect(say('Q.')).toMatch(/too short/);
    expect(say('Ə')).toMatch(/too short/);
    expect(nameProblem('Ab')).toBeNull();
  });
});

describe('own names in the one matcher', () => {
  it('appends own names after the fact base, so fact-base indexes never move', () => {
    const merged = withOwnNames(base, [name()]);
    expect(merged.entities.slice(0, base.entities.length)).toEqual(base.entities);
    expect(merged.entities.at(-1)).toEqual(['own-name-1', 'Rovshan Mammadli', 'person']);
    // The Russian alias takes its case endings by the matcher's own rules (here the genitive of its last word).
    const rules = matchingRules as unknown as MatchingRules; // the project's morphology, as in the background
    const found = createMatcher(merged, { rules }).find(
      'Yesterday Rovshan Mammadli met TANAP officials; у Мамедли Ровшана нет.',
    );
    const ids = found.map((m) => merged.entities[m.entity]![0]);
    expect(ids).toEqual(['own-name-1', 'tanap', 'own-name-1']);
  });

  it('a person’s one-word name follows the surname rule: a full mention vouches for it, a different given name does not', () => {
    const rules = matchingRules as unknown as MatchingRules;
    const merged = withOwnNames(base, [name({ aliases: ['Mammadli'] })]);
    const find = (text: string) =>
      createMatcher(merged, { rules: withOwnNameRules(rules, merged, base.aliases.length) })
        .find(text)
        .filter((m) => merged.entities[m.entity]![0] === 'own-name-1')
        .map((m) => text.slice(m.start, m.end));
    expect(find('Rovshan Mammadli spoke first. Later Mammadli left.')).toEqual(['Rovshan Mammadli', 'Mammadli']);
    expect(find('Elnur Mammadli, his cousin, runs a bakery.')).toEqual([]);
    expect(find('Mammadli was not there.')).toEqual([]);
    // Known by one word only: nothing could vouch for it, so it is marked wherever it stands.
    const single = withOwnNames(base, [name({ name: 'Mammadli', aliases: [] })]);
    const found = createMatcher(single, { rules: withOwnNameRules(rules, single, base.aliases.length) }).find(
      'Elnur Mammadli, his cousin.',
    );
    expect(found.map((m) => single.entities[m.entity]![0])).toEqual(['own-name-1']);
  });

  it('a page drops matches for names it does not know yet', () => {
    const packed = {
      marks: [0, 1, 2, 9, 0, 4, 5, 3],
      notes: [
        { mark: 0, why: 'x' },
        { mark: 1, or: [4, 9] },
      ],
    };
    expect(keepKnownEntities(packed, (e) => e < 5)).toEqual({ marks: [0, 4, 5, 3], notes: [{ mark: 0, or: [4] }] });
    const same = { marks: [0, 1, 2, 3], notes: [] };
    expect(keepKnownEntities(same, (e) => e < 5)).toEqual(same);
  });

  it('a page takes the rows its matches name, and drops a number it holds for another entity', () => {
    const table: AliasIndex['entities'] = [];
    const first = takeEntityRows(
      {
        marks: [0, 0, 5, 7],
        notes: [{ mark: 0, or: [2] }],
        entities: [
          [7, 'tanap', 'TANAP', 'pipeline'],
          [2, 'a', 'A', 'person'],
        ],
      },
      table,
    );
    expect(first).toEqual({ marks: [0, 0, 5, 7], notes: [{ mark: 0, or: [2] }] });
    expect(table[7]).toEqual(['tanap', 'TANAP', 'pipeline']);
    expect(Object.keys(table)).toEqual(['2', '7']);
    // The background restarted and gave number 7 to another name: those marks go; the row the page holds stays.
    const next = takeEntityRows(
      {
        marks: [0, 0, 4, 7, 1, 0, 4, 2],
        notes: [],
        entities: [
          [7, 'own-1', 'Mine', 'person'],
          [2, 'a', 'A', 'person'],
        ],
      },
      table,
    );
    expect(next).toEqual({ marks: [1, 0, 4, 2], notes: [] });
    expect(table[7]).toEqual(['tanap', 'TANAP', 'pipeline']);
  });
});

function memoryStorage(names: OwnName[] = []) {
  const sources = new Map<string, OwnSource>();
  let quotes: SourceQuote[] = [];
  const storage: OwnStorage & { quotes: () => SourceQuote[]; names: OwnName[]; rewritten: string[] } = {
    names,
    rewritten: [],
    quotes: () => quotes,
    listNames: async () => names,
    sourceIds: async () => [...sources.keys()],
    getSource: async (id) => sources.get(id),
    putSource: async ({ source, quotes: q }) => {
      sources.set(source.id, source);
      quotes = [...quotes.filter((x) => x.sourceId !== source.id), ...q];
    },
    replaceQuotes: async (bySource, options) => {
      storage.rewritten.push(...bySource.keys());
      const kept = quotes.filter((q) => !bySource.has(q.sourceId) && (!options?.dropOthers || sources.has(q.sourceId)));
      quotes = [...kept, ...[...bySource.values()].flatMap((s) => [...s.quotes])];
    },
    ownForEntity: async (id): Promise<OwnOnCard> => ({
      note: '',
      snippets: [],
      snippetCount: 0,
      quotes: quotes
        .filter((q) => q.entityId === id)
        .map((q) => ({
          quote: q.quote,
          paragraph: q.paragraph,
          source: { ...sources.get(q.sourceId)!, text: undefined } as never,
        })),
    }),
  };
  return storage;
}

const draft = {
  title: 'Field notes',
  author: 'Me',
  date: '2026-11',
  url: '',
  stance: 'my reporting',
  text: 'Rovshan Mammadli visited the TANAP compressor station.\n\nNothing else.',
  origin: 'paste' as const,
  fileName: '',
};

describe('the background’s own material', () => {
  it('reads a source with the matcher that knows the reader’s names, and re-reads when names change', async () => {
    const storage = memoryStorage();
    const own = createOwnBackground({ store: factBase, baseIndex: base, storage, newId: () => 'src1' });
    const added = await own.addSource(draft);
    expect(added).toMatchObject({ quotes: 1, entities: 1 });
    expect(storage.quotes().map((q) => q.entityId)).toEqual(['tanap']);
    storage.names.push(name());
    await own.namesChanged();
    expect(
      storage
        .quotes()
        .map((q) => q.entityId)
        .sort(),
    ).toEqual(['own-name-1', 'tanap']);
    const details = await own.details('own-name-1');
    expect(details).toMatchObject({ ownName: true, entity: { name: 'Rovshan Mammadli', type: 'person' } });
    expect(details!.own!.quotes[0]!.quote).toBe('Rovshan Mammadli visited the TANAP compressor station.');
    expect(own.isKnownEntity('own-name-1')).toBe(true);
  });

  it('after a names change reads again only the sources the changed names could match in, with the rules', async () => {
    const storage = memoryStorage();
    let n = 0;
    const own = createOwnBackground({
      store: factBase,
      baseIndex: base,
      storage,
      rules: matchingRules as unknown as MatchingRules,
      newId: () => `src${++n}`,
    });
    await own.addSource(draft); // names Rovshan Mammadli (in the genitive below) and TANAP
    await own.addSource({ ...draft, text: 'Визит Мамедли Ровшана в Баку.\n\nНичего больше.' });
    await own.addSource({ ...draft, text: 'The TANAP pipeline reached Greece.' });
    const tanap = () =>
      storage
        .quotes()
        .filter((q) => q.entityId === 'tanap')
        .sort((a, b) => a.id.localeCompare(b.id));
    const tanapBefore = tanap();
    storage.names.push(name());
    await own.namesChanged();
    // The third source names no spelling of the new name: it is not read again, and keeps its quotes.
    expect(storage.rewritten).toEqual(['src1', 'src2']);
    expect(
      storage
        .quotes()
        .filter((q) => q.entityId === 'own-name-1')
        .map((q) => q.sourceId),
    ).toEqual(['src1', 'src2']);
    expect(tanap()).toEqual(tanapBefore);

    // A change that does not touch what the name matches reads nothing; a removal reads where it was found.
    storage.rewritten.length = 0;
    storage.names[0] = { ...storage.names[0]!, summary: 'Now a minister.' };
    await own.namesChanged();
    expect(storage.rewritten).toEqual([]);
    storage.names.splice(0, 1);
    await own.namesChanged();
    expect(storage.rewritten).toEqual(['src1', 'src2']);
    expect(storage.quotes().some((q) => q.entityId === 'own-name-1')).toBe(false);
  });

  it('keeps each entity’s card material until it changes, and reads ahead what a page shows', async () => {
    const storage = memoryStorage();
    const reads: string[] = [];
    const ownForEntity = storage.ownForEntity;
    storage.ownForEntity = (id) => (reads.push(id), ownForEntity(id));
    const own = createOwnBackground({ store: factBase, baseIndex: base, storage, newId: () => 'src1' });
    await own.addSource(draft);
    await own.prefetch(['tanap', 'tanap', 'baku']);
    expect(reads).toEqual(['tanap', 'baku']);
    expect((await own.details('tanap'))!.own!.quotes).toHaveLength(1);
    expect(reads).toEqual(['tanap', 'baku']);
    own.materialChanged();
    await own.details('tanap');
    expect(reads).toEqual(['tanap', 'baku', 'tanap']);
  });

  it('makes way for pages between sources and within each, and writes a few sources per transaction', async () => {
    const storage = memoryStorage([name()]);
    const log: string[] = [];
    const getSource = storage.getSource;
    storage.getSource = (id) => (log.push(`read ${id}`), getSource(id));
    const replaceQuotes = storage.replaceQuotes;
    storage.replaceQuotes = (bySource, options) => (
      log.push(`write ${bySource.size}`),
      replaceQuotes(bySource, options)
    );
    let n = 0;
    let ms = 0;
    const pagesFirst = {
      // Every piece of matching takes "10 ms", longer than a slice.
      clock: () => (ms += 10),
      pageWorked: () => void log.push('page'),
      foreground: async () => void log.push('hand back'),
      background: async () => void log.push('make way'),
    };
    const own = createOwnBackground({
      store: factBase,
      baseIndex: base,
      storage,
      newId: () => `src${++n}`,
      pagesFirst,
    });
    // Two short sources and one long one, whose matching is slow enough to be sliced.
    await own.addSource(draft);
    await own.addSource(draft);
    const long = Array.from({ length: 400 }, () => draft.text).join('\n\n');
    await own.addSource({ ...draft, text: long });
    expect(log.filter((l) => l === 'hand back').length).toBeGreaterThan(0); // the long add was sliced
    log.length = 0;
    own.matcherForPage();
    expect(await own.reindex()).toBe(4 + 2 * 20);
    // Way made before every source, and within the long one.
    expect(log.slice(0, 5)).toEqual(['page', 'make way', 'read src1', 'make way', 'read src2']);
    expect(log.filter((l) => l === 'make way').length).toBeGreaterThan(3);
    expect(log.filter((l) => l.startsWith('write'))).toEqual(['write 3']);
    expect(storage.rewritten.sort()).toEqual(['src1', 'src2', 'src3']);
  });

  it('keeps its matcher through a re-read when the names are unchanged', async () => {
    const storage = memoryStorage([name()]);
    const own = createOwnBackground({ store: factBase, baseIndex: base, storage });
    await own.ready();
    const before = own.matcherForPage();
    await own.reindex();
    expect(own.matcherForPage()).toBe(before);
    storage.names.push(name({ id: 'own-name-2', name: 'Qarabag Azersu', aliases: [] }));
    await own.reindex();
    expect(own.matcherForPage()).not.toBe(before);
  });

  it('keeps entity indexes stable when a name is removed, and stops matching it', async () => {
    const storage = memoryStorage([name(), name({ id: 'own-name-2', name: 'Qarabag Azersu', aliases: [] })]);
    const own = createOwnBackground({ store: factBase, baseIndex: base, storage });
    const before = await own.aliasIndex();
    storage.names.splice(0, 1);
    await own.namesChanged();
    const after = await own.aliasIndex();
    expect(after.entities.map((e) => e[0])).toEqual(before.entities.map((e) => e[0]));
    expect(own.findNames('Rovshan Mammadli and Qarabag Azersu').map((f) => f.entityId)).toEqual(['own-name-2']);
    expect(own.isKnownEntity('own-name-1')).toBe(false);
    expect(await own.details('own-name-1')).toBeNull();
  });
});

describe('own material in files', () => {
  const own = {
    notes: [{ entityId: 'tanap', text: 'check', createdAt: 1, updatedAt: 2 }],
    sources: [
      {
        id: 'src1',
        title: 'Notes [draft]',
        author: 'Me',
        date: '2026',
        url: 'https://example.org/x',
        stance: 'mine',
        text: 'TANAP.',
        origin: 'paste' as const,
        fileName: '',
        createdAt: 1,
        updatedAt: 1,
      },
    ],
    names: [name()],
  };

  it('round-trips through a backup, and refuses a file whose own part is not valid', () => {
    const text = exportBackupJson([], { settings: {} }, 0, own);
    const parsed = parseImportFile(text);
    expect(parsed).toMatchObject({ ok: true, own });
    const broken = JSON.parse(text);
    broken.own.names[0].id = 'tanap';
    const refused = parseImportFile(JSON.stringify(broken));
    expect(refused).toMatchObject({
      ok: false,
      error: expect.stringMatching(/own\.names 1: id is missing or malformed/),
    });
    expect(parseOwnMaterial(undefined)).toEqual({ own: { notes: [], sources: [], names: [] } });
  });

  it('shows notes, sources and names in Markdown, escaped', () => {
    const md = ownToMarkdown(own, (id) => (id === 'tanap' ? { name: 'TANAP', type: 'pipeline' } : undefined));
    expect(md).toContain('## Your notes\n\n### TANAP\n\ncheck');
    expect(md).toContain(
      '## Your sources\n\n- [Notes \\[draft\\]](<https://example.org/x>) — Me · 2026 · standpoint: mine (1 words)',
    );
    expect(md).toContain('- **Rovshan Mammadli** (also Мамедли Ровшан), person: A deputy minister I follow.');
  });
});
