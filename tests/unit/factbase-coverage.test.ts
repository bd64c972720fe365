import { describe, expect, it } from 'vitest';
import factBaseJson from '~/data/factbase.json';
import type { FactBase } from '~/lib/factbase/types';
import {
  eventsPerYear,
  factsNotNamingEntity,
  namesByLanguage,
  oneFactEntities,
  possibleDuplicateEvents,
  standpointsPerEntity,
  uncoveredNames,
} from '~/lib/factbase/coverage';

const base = factBaseJson as unknown as FactBase;

describe('fact-base coverage report', () => {
  it('counts a language an entity has a name in by its labels; unlabelled Latin as English, Cyrillic as Russian', () => {
    const alias = (text: string, lang?: string) => ({ text, lang, inCorpus: false });
    const entity = {
      ...base.entities[0]!,
      id: 'x',
      name: 'Caspian',
      aliases: [alias('Каспий'), alias('Xəzər', 'az tk')],
    };
    const covered = namesByLanguage({ ...base, entities: [entity] }, ['en', 'ru', 'az', 'tk', 'tr', 'hy']);
    expect([...covered.get('x')!]).toEqual(['en', 'ru', 'az', 'tk']);
  });

  it('finds capitalised names outside the marked spans, counted, sentence-openers left out', () => {
    const text = 'The Syria talks. Syria again. In Baku, Baku and Syria.';
    const baku = [...text.matchAll(/Baku/g)].map((m) => ({ start: m.index!, end: m.index! + 4 }));
    expect(uncoveredNames([text], [baku])).toEqual([['Syria', 3]]);
    expect(uncoveredNames([text], [baku], 4)).toEqual([]);
  });

  it('lists thin cards, the standpoints behind each entity’s views, and events per year', () => {
    expect(oneFactEntities(base)).toContain('dushanbe');
    const karabakh = standpointsPerEntity(base).find((r) => r.id === 'karabakh')!;
    expect(karabakh.standpoints.join(' ')).toMatch(/Armenian outlet/);
    expect(karabakh.standpoints.join(' ')).toMatch(/Baku-based analyst/);
    const years = new Map(eventsPerYear(base));
    expect([...years.values()].reduce((a, b) => a + b, 0)).toBe(base.events.length);
    for (const [a, b] of possibleDuplicateEvents(base)) expect(a).not.toBe(b);
  });

  it('lists facts whose quote names neither the entity nor an alias, uncited ones first', () => {
    const entity = base.entities.find((e) => e.id === 'dushanbe')!;
    const padded: FactBase = {
      ...base,
      entities: [
        {
          ...entity,
          facts: [...entity.facts, { ...entity.facts[0]!, quote: 'The two presidents met in the capital.' }],
        },
      ],
    };
    expect(factsNotNamingEntity(padded)).toEqual([
      { id: 'dushanbe', fact: entity.facts.length + 1, cited: false, quote: 'The two presidents met in the capital.' },
    ]);
  });
});
