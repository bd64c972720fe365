import { describe, expect, it } from 'vitest';
import { compileFactBase } from '../../lib/factbase/compile';
import type { EntityInput, SourceInput } from '../../lib/factbase/input-types';

const DOC = [
  '# A Volume',
  '',
  '# First Chapter',
  '',
  '## **Pipes**',
  '',
  'The **Trans-Anatolian** pipeline carries gas from Azerbaijan across Türkiye toward Europe.',
  '',
  'SOCAR holds the largest stake in the  pipeline, with BOTAŞ second.',
  '',
  '# Second Chapter',
  '',
  'Costs rose to \\$8 billion by 2018.',
].join('\n');
const OTHER = 'A short news item about Baku.\n';

const sources: SourceInput[] = [
  {
    id: 'vol',
    file: 'vol.txt',
    title: 'A Volume',
    stance: 'analysts',
    chapters: [
      { id: 'one', heading: '# First Chapter', title: 'First Chapter', author: 'A. Author' },
      { id: 'two', heading: '# Second Chapter', title: 'Second Chapter', author: 'B. Author' },
    ],
  },
  { id: 'news', file: 'news.txt', title: 'News', stance: 'outlet' },
];
const documents = new Map([
  ['vol.txt', DOC],
  ['news.txt', OTHER],
]);

const pipeline = (over: Partial<EntityInput> = {}): EntityInput => ({
  id: 'tanap',
  name: 'Trans-Anatolian Natural Gas Pipeline',
  type: 'pipeline',
  aliases: ['TANAP'],
  summary: 'A pipeline carrying Azerbaijani gas across Türkiye. [1]',
  facts: [{ quote: 'The Trans-Anatolian pipeline carries gas from Azerbaijan across Türkiye', source: 'vol' }],
  ...over,
});
const baku = (over: Partial<EntityInput> = {}): EntityInput => ({
  id: 'baku',
  name: 'Baku',
  type: 'place',
  summary: 'A city in the news. [1]',
  facts: [{ quote: 'A short news item about Baku.', source: 'news' }],
  ...over,
});
const compile = (...records: EntityInput[]) =>
  compileFactBase({ sources, documents, files: [{ file: 'test.yaml', records }] });

describe('compileFactBase', () => {
  it('compiles valid records and locates quotes by chapter, section and paragraph', () => {
    const { factBase, errors } = compile(pipeline(), baku());
    expect(errors).toEqual([]);
    const fact = factBase.entities.find((e) => e.id === 'tanap')!.facts[0]!;
    expect(fact.where).toMatchObject({ chapter: 'one', chapterAuthor: 'A. Author', section: 'Pipes', paragraph: 1 });
    expect(fact.where.line).toBe(7);
  });

  it('ignores Markdown emphasis, escapes and runs of white space but nothing else', () => {
    const ok = compile(
      pipeline({
        facts: [
          { quote: 'SOCAR holds the largest stake in the pipeline', source: 'vol' },
          { quote: 'Costs rose to $8 billion by 2018.', source: 'vol' },
        ],
        summary: 'Shareholders and cost. [1][2]',
      }),
      baku(),
    );
    expect(ok.errors).toEqual([]);
    expect(ok.factBase.entities[1]!.facts[1]!.where).toMatchObject({ chapter: 'two', paragraph: 1 });
    const bad = compile(pipeline({ facts: [{ quote: 'SOCAR holds the biggest stake', source: 'vol' }] }), baku());
    expect(bad.errors.join('\n')).toMatch(/not verbatim/);
  });

  it('rejects a repeated id', () => {
    expect(compile(pipeline(), pipeline(), baku()).errors.join('\n')).toMatch(/already defined/);
  });

  it('rejects a relation that points nowhere', () => {
    const { errors } = compile(pipeline({ relations: [{ type: 'connects', target: 'nowhere', fact: 1 }] }), baku());
    expect(errors.join('\n')).toMatch(/target "nowhere" does not exist/);
  });

  it('rejects two entities claiming one alias, after folding', () => {
    const { errors } = compile(pipeline({ aliases: ['BAKÜ'] }), baku());
    expect(errors.join('\n')).toMatch(/claimed by both/);
  });

  it('rejects an entity without a sourced fact', () => {
    expect(compile(pipeline({ facts: [], summary: 'Nothing.' }), baku()).errors.join('\n')).toMatch(/no sourced fact/);
  });

  it('rejects a summary sentence without a backing quote', () => {
    const { errors } = compile(pipeline({ summary: 'Backed. [1] Not backed at all.' }), baku());
    expect(errors.join('\n')).toMatch(/without a backing/);
    expect(compile(pipeline({ summary: 'Cites a missing fact. [3]' }), baku()).errors.join('\n')).toMatch(
      /cites \[3\]/,
    );
  });

  it('rejects a document that contributes nothing', () => {
    expect(compile(pipeline()).errors.join('\n')).toMatch(/source news: the document contributes no quote/);
  });

  it('rejects unexpected keys, the mark of an unquoted comma splitting a YAML string', () => {
    const sliced = { text: 'Bir millet', ' iki devlet': null } as unknown as string;
    expect(compile(pipeline({ aliases: [sliced] }), baku()).errors.join('\n')).toMatch(/unexpected key " iki devlet"/);
  });

  it('adds inverse relations and collects dated events', () => {
    const { factBase, errors } = compile(
      pipeline({
        relations: [{ type: 'connects', target: 'baku', fact: 1 }],
        events: [{ date: '2018-06', title: 'Opened', fact: 1, with: ['baku'] }],
      }),
      baku(),
    );
    expect(errors).toEqual([]);
    const bakuOut = factBase.entities.find((e) => e.id === 'baku')!;
    expect(bakuOut.relations).toEqual([
      expect.objectContaining({ type: 'connects', target: 'tanap', direction: 'in' }),
    ]);
    expect(factBase.events).toEqual([
      expect.objectContaining({ date: '2018-06', entities: ['tanap', 'baku'], evidence: expect.any(Object) }),
    ]);
  });

  it('merges one happening recorded from two entities into one event with both', () => {
    const opened = { date: '2018-06', title: 'Opened', fact: 1 };
    const { factBase } = compile(
      pipeline({ events: [opened] }),
      baku({
        facts: [
          { quote: 'A short news item about Baku.', source: 'news' },
          { quote: 'The Trans-Anatolian pipeline carries gas from Azerbaijan across Türkiye', source: 'vol' },
        ],
        summary: 'A city. [1]',
        events: [{ ...opened, title: 'Pipeline opened', fact: 2 }],
      }),
    );
    expect(factBase.events).toEqual([
      expect.objectContaining({ title: 'Pipeline opened', entities: ['baku', 'tanap'] }),
    ]);
  });

  it('merges one happening recorded twice with the same title and different passages, keeping the first passage', () => {
    const { factBase } = compile(
      pipeline({
        facts: [
          { quote: 'The Trans-Anatolian pipeline carries gas from Azerbaijan across Türkiye', source: 'vol' },
          { quote: 'SOCAR holds the largest stake in the pipeline', source: 'vol' },
        ],
        events: [
          { date: '2018-06', title: 'Pipeline  opened', fact: 1, with: ['baku'] },
          { date: '2018-06', title: 'pipeline opened', fact: 2 },
          { date: '2018-07', title: 'Shares sold', fact: 2 },
          { date: '2019', title: 'Pipeline opened', fact: 2 },
        ],
      }),
      baku(),
    );
    expect(factBase.events.map((e) => [e.date, e.title, e.entities, e.evidence?.quote.slice(0, 9)])).toEqual([
      ['2018-06', 'Pipeline  opened', ['tanap', 'baku'], 'The Trans'],
      ['2018-07', 'Shares sold', ['tanap'], 'SOCAR hol'],
      ['2019', 'Pipeline opened', ['tanap'], 'SOCAR hol'],
    ]);
  });

  it('marks which aliases the corpus uses', () => {
    const { factBase } = compile(pipeline({ aliases: ['Trans-Anatolian', 'TANAP'] }), baku());
    const aliases = factBase.entities.find((e) => e.id === 'tanap')!.aliases;
    expect(aliases).toEqual([
      expect.objectContaining({ text: 'Trans-Anatolian', inCorpus: true }),
      expect.objectContaining({ text: 'TANAP', inCorpus: false }),
    ]);
  });
});
