import { describe, expect, it } from 'vitest';
import factBaseJson from '~/data/factbase.json';
import type { FactBase } from '~/lib/factbase/types';
import { familyOf } from '~/lib/explore/entity-families';
import {
  buildGraphIndex,
  DEFAULT_FIRST_HOP_LIMIT,
  degree,
  groupLinks,
  hiddenNeighbourCount,
  neighbourhood,
  otherEnd,
  takeByKind,
} from '~/lib/explore/graph';
import { relationLabel } from '~/lib/explore/relations';

const base = factBaseJson as unknown as FactBase;
const index = buildGraphIndex(base);

describe('graph index', () => {
  it('states each relation once, whichever side wrote it', () => {
    const ids = index.edges.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const botas = index.edges.filter((e) => e.type === 'shareholder-of' && e.target === 'tanap');
    expect(botas).toHaveLength(1);
    expect(botas[0]).toMatchObject({ source: 'botas', target: 'tanap', share: '30%' });
    expect(botas[0]!.evidence.length).toBeGreaterThan(0);
  });

  it('keeps the subject as source for directed relations', () => {
    for (const e of index.edges.filter((x) => x.type === 'shareholder-of')) expect(e.share, e.id).toBeTruthy();
    const tpao = index.edges.filter((e) => e.type === 'shareholder-of' && e.source === 'tpao').map((e) => e.target);
    expect(tpao).toEqual(expect.arrayContaining(['btc-pipeline', 'shah-deniz', 'south-caucasus-pipeline']));
  });

  it('merges symmetric relations written both ways', () => {
    const sym = index.edges.filter((e) => ['ally-of', 'borders', 'related-to'].includes(e.type));
    for (const e of sym) expect(e.source < e.target, e.id).toBe(true);
  });
});

describe('neighbourhood', () => {
  it('one hop around TANAP shows its shareholder with the share', () => {
    const n = neighbourhood(index, 'tanap', { hops: 1 });
    const ids = n.nodes.map((x) => x.id);
    expect(ids[0]).toBe('tanap');
    expect(ids).toContain('botas');
    const edge = n.edges.find((e) => e.type === 'shareholder-of' && e.source === 'botas');
    expect(relationLabel(edge!.type, edge!.share)).toBe('shareholder of 30%');
    expect(n.nodes.every((x) => x.depth <= 1)).toBe(true);
    expect(n.omitted).toBe(0);
  });

  it('two hops reach further but respect the cap', () => {
    const one = neighbourhood(index, 'tanap', { hops: 1 });
    const two = neighbourhood(index, 'tanap', { hops: 2, maxNodes: 40 });
    expect(two.nodes.length).toBeGreaterThan(one.nodes.length);
    expect(two.nodes.length).toBeLessThanOrEqual(40);
    expect(two.omitted).toBeGreaterThan(0);
    const shown = new Set(two.nodes.map((x) => x.id));
    for (const e of two.edges) expect(shown.has(e.source) && shown.has(e.target)).toBe(true);
  });

  it('expanding a node adds its neighbours one hop further out', () => {
    const before = neighbourhood(index, 'tanap', { hops: 1 });
    const after = neighbourhood(index, 'tanap', { hops: 1, expanded: ['botas'] });
    expect(after.nodes.length).toBeGreaterThan(before.nodes.length);
    const added = after.nodes.filter((x) => !before.nodes.some((y) => y.id === x.id));
    expect(added.every((x) => x.depth === 2)).toBe(true);
    expect(after.expanded).toEqual(['botas']);
  });

  it('can leave out unspecific links', () => {
    const all = neighbourhood(index, 'turkiye', { hops: 1, maxNodes: 500, firstHopLimit: Infinity });
    const specific = neighbourhood(index, 'turkiye', {
      hops: 1,
      maxNodes: 500,
      firstHopLimit: Infinity,
      specificOnly: true,
    });
    expect(specific.edges.every((e) => e.type !== 'related-to')).toBe(true);
    expect(specific.nodes.length).toBeLessThan(all.nodes.length);
    expect(all.nodes.length - 1).toBe(degree(index, 'turkiye'));
  });

  it('one hop shows about a dozen neighbours, each kind keeping its share, and counts the rest', () => {
    const kindOf = (id: string) => familyOf(base.entities.find((e) => e.id === id)!.type);
    const hood = neighbourhood(index, 'turkiye', { hops: 1, kindOf });
    const direct = hood.nodes.filter((n) => n.depth === 1);
    expect(direct).toHaveLength(DEFAULT_FIRST_HOP_LIMIT);
    expect(hood.moreNeighbours).toBe(degree(index, 'turkiye') - DEFAULT_FIRST_HOP_LIMIT);
    expect(hood.reach).toBe(degree(index, 'turkiye'));
    const kinds = new Set(direct.map((n) => kindOf(n.id)));
    const allKinds = new Set((index.byNode.get('turkiye') ?? []).map((e) => kindOf(otherEnd(e, 'turkiye'))));
    expect(kinds.size).toBe(Math.min(allKinds.size, DEFAULT_FIRST_HOP_LIMIT));
    // "Show N more" raises the cap: every neighbour, nothing left over.
    const every = neighbourhood(index, 'turkiye', { hops: 1, kindOf, firstHopLimit: 12 + hood.moreNeighbours });
    expect(every.moreNeighbours).toBe(0);
    expect(every.nodes).toHaveLength(degree(index, 'turkiye') + 1);
    // A small neighbourhood is shown whole.
    expect(neighbourhood(index, 'tanap', { hops: 1, kindOf }).moreNeighbours).toBe(0);
  });

  it('takes by kind round-robin only when it must leave some out', () => {
    const kind = (id: string) => id[0]!;
    expect(takeByKind(['a1', 'a2', 'b1'], 5, kind)).toEqual(['a1', 'a2', 'b1']);
    expect(takeByKind(['a1', 'a2', 'a3', 'b1', 'c1'], 3, kind)).toEqual(['a1', 'b1', 'c1']);
    expect(takeByKind(['a1', 'a2', 'a3', 'b1'], 3, kind)).toEqual(['a1', 'a2', 'b1']);
  });

  it('counts, per node, the distinct entities it is linked to that the map leaves out (its "+N")', () => {
    const n = neighbourhood(index, 'tanap', { hops: 1 });
    const shown = new Set(n.nodes.map((x) => x.id));
    const botasOthers = new Set(index.byNode.get('botas')!.map((e) => otherEnd(e, 'botas')));
    const expected = [...botasOthers].filter((id) => !shown.has(id)).length;
    expect(expected).toBeGreaterThan(0);
    expect(hiddenNeighbourCount(index, 'botas', shown)).toBe(expected);
    // Every neighbour shown: nothing to count. Two edges to one entity count it once (SOCAR has such a pair).
    expect(hiddenNeighbourCount(index, 'botas', new Set([...botasOthers, 'botas']))).toBe(0);
    expect(index.byNode.get('socar')!.length).toBeGreaterThan(degree(index, 'socar'));
    expect(hiddenNeighbourCount(index, 'socar', new Set())).toBe(degree(index, 'socar'));
  });

  it('an unknown centre is just itself', () => {
    const n = neighbourhood(index, 'no-such-entity', { hops: 2 });
    expect(n.nodes).toEqual([{ id: 'no-such-entity', depth: 0 }]);
    expect(n.edges).toEqual([]);
  });

  it('groups parallel edges into one link', () => {
    const n = neighbourhood(index, 'tanap', { hops: 1 });
    const links = groupLinks(n.edges);
    const pairs = links.map((l) => [l.source, l.target].sort().join('~'));
    expect(new Set(pairs).size).toBe(links.length);
    expect(links.reduce((k, l) => k + l.edges.length, 0)).toBe(n.edges.length);
  });
});

import { placeLabels, pointsAlong } from '~/lib/explore/label-placement';

describe('link label placement', () => {
  it('takes the first free candidate and avoids obstacles and earlier labels', () => {
    const placed = placeLabels(
      [
        {
          id: 'a',
          w: 20,
          h: 10,
          candidates: [
            { x: 0, y: 0 },
            { x: 50, y: 0 },
          ],
        },
        {
          id: 'b',
          w: 20,
          h: 10,
          candidates: [
            { x: 5, y: 0 },
            { x: 0, y: 30 },
          ],
        },
      ],
      [{ x: 100, y: 0, w: 10, h: 10 }],
    );
    expect(placed.get('a')?.at).toEqual({ x: 0, y: 0 });
    expect(placed.get('b')?.at).toEqual({ x: 0, y: 30 });
  });
  it('leaves a label with no clear place unplaced, keeping its least overlapping place for showing on demand', () => {
    const placed = placeLabels(
      [
        {
          id: 'a',
          w: 20,
          h: 10,
          candidates: [
            { x: 0, y: 0 },
            { x: 15, y: 0 },
          ],
        },
      ],
      [{ x: 0, y: 0, w: 20, h: 10 }],
    );
    expect(placed.get('a')).toEqual({ best: { x: 15, y: 0 } });
  });
  it('of the clear places, takes the one the fewest other lines run through', () => {
    const request = {
      id: 'a',
      w: 20,
      h: 10,
      candidates: [
        { x: 0, y: 0 },
        { x: 0, y: 30 },
        { x: 0, y: 60 },
      ],
    };
    const across = (id: string, y: number) => ({ id, points: [-20, -10, 0, 10, 20].map((x) => ({ x, y })) });
    const placed = placeLabels([request], [], [across('a', 30), across('b', 0), across('c', 60), across('d', 62)]);
    // Its own line ('a') does not count against it.
    expect(placed.get('a')).toEqual({ at: { x: 0, y: 30 }, best: { x: 0, y: 30 } });
  });
  it('samples straight and curved links', () => {
    expect(pointsAlong({ x: 0, y: 0 }, { x: 10, y: 0 }, null, [0.5])).toEqual([{ x: 5, y: 0 }]);
    expect(pointsAlong({ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 5, y: 10 }, [0.5])).toEqual([{ x: 5, y: 5 }]);
  });
});

import { createExploreModel } from '~/lib/explore/model';

describe('re-centre search (the shared lib/search)', () => {
  const model = createExploreModel(base, (t) => t);
  it('finds by name, alias and folded spelling', () => {
    expect(model.search.search('tanap')[0]?.id).toBe('tanap');
    expect(model.search.search('Trans-Anatolian')[0]?.id).toBe('tanap');
    expect(model.search.search('botas')[0]?.id).toBe('botas');
    expect(model.search.search('Kazakh').map((h) => h.id)).toContain('kazakhstan');
    expect(model.search.search('')).toEqual([]);
  });
});
