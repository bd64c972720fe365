/**
 * The explore page's compact artefact (data/explore-base.json) and the model's two steps: everything the first
 * render shows comes out the same from the explore base as from the full fact base, and loading the details adds the
 * cards, the relations' quotes and the aliases without changing what was laid out.
 */
import { describe, expect, it } from 'vitest';
import factBaseJson from '~/data/factbase.json';
import exploreBaseJson from '~/data/explore-base.json';
import type { FactBase } from '~/lib/factbase/types';
import { buildExploreBase } from '~/lib/explore/explore-base';
import { buildGraphIndex } from '~/lib/explore/graph';
import { createExploreModel } from '~/lib/explore/model';
import { filterOptions, timelineItems } from '~/lib/explore/timeline-model';

const full = factBaseJson as unknown as FactBase;
const lite = exploreBaseJson as unknown as FactBase;
const label = (t: string) => t;

describe('explore base', () => {
  it('is the committed artefact, and a fraction of the fact base', () => {
    expect(lite).toEqual(buildExploreBase(full));
    expect(JSON.stringify(lite).length).toBeLessThan(JSON.stringify(full).length / 5);
  });

  it('gives the same timeline and filters as the full fact base', () => {
    expect(timelineItems(lite)).toEqual(timelineItems(full));
    const { items } = timelineItems(full);
    expect(filterOptions(items, lite, label)).toEqual(filterOptions(items, full, label));
  });

  it('gives the same relation graph, without the quotes', () => {
    const a = buildGraphIndex(lite);
    const b = buildGraphIndex(full);
    expect(a.names).toEqual(b.names);
    expect(a.edges.map(({ id, share }) => ({ id, share }))).toEqual(b.edges.map(({ id, share }) => ({ id, share })));
    expect(a.edges.every((e) => e.evidence.length === 0)).toBe(true);
    expect(b.edges.some((e) => e.evidence.length > 0)).toBe(true);
  });

  it('leaves out what only cards and search read', () => {
    for (const e of lite.entities) {
      expect(e.facts).toEqual([]);
      expect(e.aliases).toEqual([]);
      expect(e.summary).toBe('');
    }
  });
});

describe('explore model on the explore base', () => {
  it('loads the details once, keeping the laid-out parts and filling in quotes, cards and aliases', async () => {
    let loads = 0;
    const model = createExploreModel(lite, label, async () => {
      loads++;
      return full;
    });
    expect(model.hasDetails).toBe(false);
    const { items, options } = model;
    const graph = model.graph;
    const tanap = graph.edges.find((e) => e.type === 'shareholder-of' && e.target === 'tanap')!;
    expect(tanap.evidence).toEqual([]);
    expect(model.store.entity('tanap')?.name).toBe('Trans-Anatolian Natural Gas Pipeline');
    // Search needs the aliases: asking before the details arrive starts loading them.
    const before = model.search;
    expect(before.search('tanap')).toEqual([]);
    expect(loads).toBe(1);

    await Promise.all([model.loadDetails(), model.loadDetails()]);
    expect(loads).toBe(1);
    expect(model.hasDetails).toBe(true);
    expect(model.items).toBe(items);
    expect(model.options).toBe(options);
    expect(model.graph).toBe(graph);
    expect(tanap.evidence).toEqual(buildGraphIndex(full).edges.find((e) => e.id === tanap.id)!.evidence);
    expect(tanap.evidence.length).toBeGreaterThan(0);
    expect(model.store.details('tanap')?.entity.facts.length).toBeGreaterThan(0);
    expect(model.search).not.toBe(before);
    expect(model.search.search('tanap')[0]?.id).toBe('tanap');
    expect(model.search.search('Trans-Anatolian')[0]?.id).toBe('tanap');
  });

  it('built on the full fact base, has its details from the start', async () => {
    const model = createExploreModel(full, label);
    expect(model.hasDetails).toBe(true);
    await model.loadDetails();
    expect(model.store.details('botas')?.entity.facts.length).toBeGreaterThan(0);
  });
});
