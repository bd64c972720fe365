/**
 * A railway's or a pipeline's name with its head left off or said another way (lib/factbase/route-chains.ts): the
 * chain of places alone names the route. Sentences in no evaluation page.
 */
import { describe, expect, it } from 'vitest';
import { foldAlias } from '../../lib/matcher/fold';
import { deriveRouteChains, routeChainOf } from '../../lib/factbase/route-chains';
import type { Entity } from '../../lib/factbase/types';
import { ids } from './project-matcher';

const entity = (id: string, type: Entity['type'], aliases: [string, string?][]): Entity =>
  ({
    id,
    name: aliases[0]![0],
    type,
    aliases: aliases.slice(1).map(([text, lang]) => ({ text, inCorpus: false, ...(lang ? { lang } : {}) })),
  }) as Entity;

describe('a route’s chain of places', () => {
  it('is read before the head or after it, spaced dashes too, never a prefix’s hyphen', () => {
    expect(routeChainOf('Baku–Tbilisi–Kars railway')).toBe('Baku–Tbilisi–Kars');
    expect(routeChainOf('Bakü-Tiflis-Kars Demiryolu')).toBe('Bakü-Tiflis-Kars');
    expect(routeChainOf('Железная дорога Карс — Нахичевань')).toBe('Карс — Нахичевань');
    expect(routeChainOf('Trans-Anatolian Pipeline')).toBeNull();
    expect(routeChainOf('Baku-Tbilisi-Kars')).toBeNull(); // no head: already the chain
    expect(routeChainOf('South Caucasus Pipeline')).toBeNull();
  });
  it('becomes an alias in its alias’s language, unless another entity or route has it', () => {
    const derived = deriveRouteChains(
      [
        entity('rail', 'railway', [['Kars–Nakhchivan railway'], ['Kars-Nahçıvan Demiryolu', 'tr']]),
        entity('pipe-a', 'pipeline', [['Baku–Tbilisi–Ceyhan pipeline']]),
        entity('pipe-b', 'pipeline', [['Baku–Tbilisi–Ceyhan gas pipeline']]),
        entity('road', 'corridor', [['Lapis–Lazuli corridor']]),
        entity('link', 'pipeline', [['Iğdır–Nakhchivan pipeline'], ['Iğdır–Nakhchivan']]),
      ],
      foldAlias,
    );
    expect([...derived]).toEqual([
      [
        0,
        [
          { text: 'Kars–Nakhchivan', inCorpus: false },
          { text: 'Kars-Nahçıvan', inCorpus: false, lang: 'tr' },
        ],
      ],
    ]);
  });
  it('marks the route on a page that leaves the head off or writes another', () => {
    expect(ids('The ministry backs the Kars–Nakhchivan project as the next link.')).toEqual([
      'kars-nakhchivan-railway',
    ]);
    expect(ids('Konteynerler Bakü-Tiflis-Kars hattından geliyor.')).toEqual(['baku-tbilisi-kars-railway']);
    expect(ids('Bakan: Iğdır-Nahçıvan hattı yılda 2 milyar metreküp taşıyacak.')).toEqual([
      'igdir-nakhchivan-gas-pipeline',
    ]);
  });
});
