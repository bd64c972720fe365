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
  'Costs rose to \\$8 billion by 2018.<sup>12</sup> The 2<sup>nd</sup> phase followed.',
].join('\n');
const OTHER = 'A short news item about Baku.\n';

const sources: SourceInput[] = [
  {
    id: 'vol',
    file: 'vol.txt',
    title: 'A Volume',
    stance: 'analysts',
    chapters: [
      { id: 'one', heading: '# First Chapter', title: 'First Chapter', author: 'A. Author', stance: 'analyst' },
      { id: 'two', heading: '# Second Chapter', title: 'Second Chapter', author: 'B. Author', stance: 'official' },
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
  it('takes a person’s father as a list of capitalised one-word names, and refuses anything else', () => {
    const person = (father: unknown): EntityInput => baku({ id: 'a-person', name: 'A Person', type: 'person', father });
    const ok = compile(person(['Heydər', 'Гейдар']), pipeline());
    expect(ok.errors).toEqual([]);
    expect(ok.factBase.entities.find((e) => e.id === 'a-person')!.father).toEqual(['Heydər', 'Гейдар']);
    for (const bad of ['Heydər', [], ['heydər'], ['Heydər oğlu'], [3]])
      expect(compile(person(bad)).errors.join('\n')).toMatch(/father must be a non-empty list/);
  });

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

  it('reads footnote references as layout and superscript ordinals as plain text', () => {
    const quote = (q: string) =>
      compile(pipeline({ facts: [{ quote: q, source: 'vol' }] }), baku()).errors.filter((e) => /verbatim/.test(e));
    expect(quote('Costs rose to $8 billion by 2018. The 2nd phase followed.')).toEqual([]);
    expect(quote('by 2018.12 The')).not.toEqual([]);
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

  it('takes a card no document names only when it says so, with no facts and no citations', () => {
    const leader = (over: Partial<EntityInput>) =>
      compile(pipeline(), baku(), {
        id: 'leader',
        name: 'A Leader',
        type: 'person',
        summary: 'President since 2021. None of the source documents names him.',
        ...over,
      }).errors.join('\n');
    expect(leader({})).toMatch(/leader: has no sourced fact/);
    expect(leader({ 'not-in-corpus': 'a sitting head of state' })).toBe('');
    expect(leader({ 'not-in-corpus': 'x', summary: 'President since 2021. [1]' })).toMatch(/not-in-corpus/);
    expect(
      leader({ 'not-in-corpus': 'x', facts: [{ quote: 'A short news item about Baku.', source: 'news' }] }),
    ).toMatch(/has facts but says not-in-corpus/);
    expect(leader({ 'not-in-corpus': ' ' })).toMatch(/gives no reason/);
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
        events: [{ date: '2018-06', title: 'Opened', fact: 1, with: ['baku'], 'date-note': 'From the opening.' }],
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

  it('rejects one happening recorded twice (same date and quote, or same date and title); one event carries both passages', () => {
    const opened = { date: '2018-06', title: 'Opened', fact: 1 };
    const twice = compile(
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
    expect(twice.errors.join('\n')).toMatch(/baku event 1: duplicate event \(2018-06, same title or quote\)/);
    const retitled = compile(
      pipeline({ events: [opened] }),
      baku({ events: [{ ...opened, title: ' opened', fact: 1 }] }),
    );
    expect(retitled.errors.join('\n')).toMatch(/duplicate event/);
    const merged = compile(
      pipeline({
        facts: [
          { quote: 'The Trans-Anatolian pipeline carries gas from Azerbaijan across Türkiye', source: 'vol' },
          { quote: 'SOCAR holds the largest stake in the pipeline', source: 'vol' },
        ],
        events: [
          {
            ...opened,
            also: [{ fact: 2 }, { quote: 'A short news item about Baku.', source: 'news' }],
            with: ['baku'],
            'date-note': 'Dated by the opening ceremony.',
          },
        ],
      }),
      baku(),
    );
    expect(merged.errors).toEqual([]);
    const [event] = merged.factBase.events;
    expect(event!.entities).toEqual(['tanap', 'baku']);
    expect(event!.moreEvidence!.map((e) => e.source)).toEqual(['vol-one', 'news']);
    expect(event!.dateNote).toBe('Dated by the opening ceremony.');
    const cutTwoWays = compile(
      pipeline({ events: [opened] }),
      baku({
        facts: [
          { quote: 'A short news item about Baku.', source: 'news' },
          { quote: 'pipeline carries gas from Azerbaijan', source: 'vol' },
        ],
        summary: 'A city. [1]',
        events: [{ date: '2018-06', title: 'Gas starts to flow', fact: 2 }],
      }),
    );
    expect(cutTwoWays.errors.join('\n')).toMatch(/baku event 1: duplicate event \(2018-06, its quote overlaps/);
    const undated = compile(pipeline({ events: [{ date: '2018-06', title: 'Opened', fact: 1 }] }), baku());
    expect(undated.errors.join('\n')).toMatch(/no quote gives the year 2018; add a date-note/);
  });

  it('rejects a relation written twice, either way round for a symmetric type, and a view written twice', () => {
    const ally = { type: 'ally-of', target: 'baku', fact: 1 };
    expect(compile(pipeline({ relations: [ally, ally] }), baku()).errors.join('\n')).toMatch(/duplicate relation/);
    const both = compile(
      pipeline({ relations: [ally] }),
      baku({ relations: [{ type: 'ally-of', target: 'tanap', fact: 1 }] }),
    );
    expect(both.errors.join('\n')).toMatch(/baku relation 1: duplicate relation/);
    const view = { source: 'vol', label: 'TANAP', note: 'Shaffer calls it TANAP.', fact: 1 };
    expect(compile(pipeline({ views: [view, { ...view, label: 'tanap' }] }), baku()).errors.join('\n')).toMatch(
      /duplicate view/,
    );
  });

  it('cites a chapter of an edited volume as a source of its own, with its standpoint', () => {
    const { factBase, errors } = compile(
      pipeline({ views: [{ source: 'vol', label: 'TANAP', note: 'A. Author calls it a pipeline.', fact: 1 }] }),
      baku(),
    );
    expect(errors).toEqual([]);
    const tanap = factBase.entities.find((e) => e.id === 'tanap')!;
    expect(tanap.facts[0]!.source).toBe('vol-one');
    expect(tanap.views[0]!.source).toBe('vol-one');
    expect(factBase.sources.find((s) => s.id === 'vol-two')).toMatchObject({
      authors: ['B. Author'],
      stance: 'official',
      partOf: 'vol',
    });
    const unplaced = compileFactBase({
      sources: [{ ...sources[0]!, chapters: [{ ...sources[0]!.chapters![0]!, stance: undefined }] }, sources[1]!],
      documents,
      files: [{ file: 'test.yaml', records: [pipeline(), baku()] }],
    });
    expect(unplaced.errors.join('\n')).toMatch(/chapter one: no standpoint/);
    expect(unplaced.errors.join('\n')).toMatch(/a chapter quote without its chapter's standpoint/);
    const front = compile(pipeline({ facts: [{ quote: 'A Volume', source: 'vol' }] }), baku());
    expect(front.errors.join('\n')).toMatch(/outside every chapter/);
  });

  it('rejects a loaded word in an own-voice sentence that does not say whose word it is', () => {
    const editorial = {
      'loaded-words': ['occup', 'liberat'],
      speakers: ['Baku'],
      'attribution-verbs': ['call', 'writ'],
      'proper-names': ['Liberation Day'],
    };
    const run = (summary: string) =>
      compileFactBase({
        sources,
        documents,
        files: [{ file: 't.yaml', records: [pipeline({ summary }), baku()] }],
        editorial,
      }).errors;
    expect(run('It crosses occupied land. [1]').join('\n')).toMatch(/loaded word "occup…"/);
    expect(run('It crosses Baku’s liberated land. [1]').join('\n')).toMatch(/loaded word "liberat…"/);
    expect(run('What Baku calls liberated land. [1]')).toEqual([]);
    expect(run('What A. Author writes of as occupied land. [1]')).toEqual([]);
    expect(run('Opened on Liberation Day. [1]')).toEqual([]);
    const view = (note: string) =>
      compileFactBase({
        sources,
        documents,
        files: [
          {
            file: 't.yaml',
            records: [pipeline({ views: [{ source: 'vol', label: 'TANAP', note, fact: 1 }] }), baku()],
          },
        ],
        editorial,
      }).errors;
    expect(view('calls it a pipeline').join('\n')).toMatch(/the note does not name its source/);
    expect(view('A. Author calls it a pipeline')).toEqual([]);
    const elsewhere = (over: Partial<EntityInput>) =>
      compileFactBase({
        sources,
        documents,
        files: [{ file: 't.yaml', records: [pipeline(over), baku()] }],
        editorial,
      }).errors.join('\n');
    const fact = { quote: 'The Trans-Anatolian pipeline carries gas from Azerbaijan across Türkiye', source: 'vol' };
    expect(elsewhere({ facts: [{ ...fact, claim: 'It crosses occupied land.' }] })).toMatch(
      /fact 1 claim: loaded word/,
    );
    expect(
      elsewhere({ events: [{ date: '2018', title: 'Pipeline reaches liberated land', fact: 1, 'date-note': 'x' }] }),
    ).toMatch(/title: loaded word "liberat…"/);
    expect(
      elsewhere({ events: [{ date: '2018', title: 'Opened', fact: 1, 'date-note': 'Dated by the occupation.' }] }),
    ).toMatch(/date note: loaded word "occup…"/);
  });

  it('joins the languages of a spelling listed again for more languages, keeping its first rules', () => {
    const { factBase, errors } = compile(
      pipeline(),
      baku({
        aliases: [
          { text: 'Baku', lang: 'tk', rule: 'near' },
          { text: 'Baku', lang: ['kk-Latn', 'tk'] },
        ],
      }),
    );
    expect(errors).toEqual([]);
    const aliases = factBase.entities.find((e) => e.id === 'baku')!.aliases;
    expect(aliases).toEqual([expect.objectContaining({ text: 'Baku', lang: 'tk kk-Latn', rule: 'near' })]);
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
