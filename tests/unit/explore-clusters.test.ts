/** The timeline's clusters of events without room for a label (lib/explore/timeline-clusters.ts). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '~/lib/i18n/catalog';
import {
  CLUSTER_INSET,
  CLUSTER_LABEL_PAD,
  clusterItems,
  clusterLabel,
  clusterPeriod,
  clusterPeriodText,
  clusterTitle,
  placeClusterLabel,
} from '~/lib/explore/timeline-clusters';
import { currentInterfaceText, setInterfaceText } from '~/lib/i18n/translator';
import type { TimelineItem } from '~/lib/explore/timeline-model';

/** A range as Intl writes it in English: an en dash between thin spaces. */
const range = (from: string, to: string) => `${from}\u2009–\u2009${to}`;
const catalogOf = (lang: string) =>
  JSON.parse(readFileSync(new URL(`../../_locales/${lang}/messages.json`, import.meta.url), 'utf8')) as Catalog;

const item = (id: string, start: number): TimelineItem =>
  ({ event: { id, title: id }, span: { start, end: start + 1, precision: 'year' } }) as unknown as TimelineItem;

describe('timeline clusters', () => {
  it('takes the shortest calendar period whose width holds the label', () => {
    const need = 48 + 2 * (CLUSTER_LABEL_PAD + CLUSTER_INSET);
    expect(clusterPeriod(need, 48)).toBe(1);
    expect(clusterPeriod(need / 3, 48)).toBe(3);
    expect(clusterPeriod(need / 12, 48)).toBe(12);
    expect(clusterPeriod(need / 12 - 0.01, 48)).toBe(24);
    // Zoomed out as far as the chart goes: the longest period, even when it is still too narrow.
    expect(clusterPeriod(0.001, 48)).toBe(240);
  });

  it('gathers the chosen events by the period their start falls in, in time order, and no others', () => {
    const items = [
      item('a', Date.UTC(2019, 11, 31)),
      item('b', Date.UTC(2020, 0, 1)),
      item('c', Date.UTC(2021, 5, 3)),
      item('d', Date.UTC(2021, 11, 1)),
      item('e', Date.UTC(2022, 0, 1)),
    ];
    const clusters = clusterItems(items, new Set(['a', 'b', 'c', 'e']), 24);
    expect(clusters.map((c) => [clusterPeriodText(c), c.ids])).toEqual([
      [range('2018', '2019'), ['a']],
      [range('2020', '2021'), ['b', 'c']],
      [range('2022', '2023'), ['e']],
    ]);
    expect(clusters[1]).toMatchObject({ start: Date.UTC(2020, 0, 1), end: Date.UTC(2022, 0, 1) });
    expect(clusterItems(items, new Set(['c']), 3)).toEqual([
      { id: expect.any(String), start: Date.UTC(2021, 3, 1), end: Date.UTC(2021, 6, 1), ids: ['c'] },
    ]);
  });

  it('says what period a cluster covers', () => {
    expect(clusterPeriodText({ start: Date.UTC(2021, 0, 1), end: Date.UTC(2022, 0, 1) })).toBe('2021');
    expect(clusterPeriodText({ start: Date.UTC(2020, 0, 1), end: Date.UTC(2025, 0, 1) })).toBe(range('2020', '2024'));
    expect(clusterPeriodText({ start: Date.UTC(2021, 0, 1), end: Date.UTC(2021, 3, 1) })).toBe(
      range('Jan', 'Mar 2021'),
    );
    expect(clusterPeriodText({ start: Date.UTC(2021, 2, 1), end: Date.UTC(2021, 3, 1) })).toBe('Mar 2021');
    expect(clusterLabel(14)).toBe('14 more');
    const cluster = { id: 'cluster-0', start: Date.UTC(2021, 0, 1), end: Date.UTC(2021, 3, 1), ids: ['a', 'b', 'c'] };
    expect(clusterTitle(cluster)).toBe(
      `3 more events in ${range('Jan', 'Mar 2021')}, without room for a label at this zoom: click to zoom in`,
    );
    expect(clusterTitle({ ...cluster, ids: ['a'] })).toMatch(/^1 more event in /);
  });

  it('says the period and the tooltip in the interface language', () => {
    const english = currentInterfaceText();
    setInterfaceText({ lang: 'ru', messages: catalogOf('ru') });
    try {
      const cluster = { id: 'cluster-0', start: Date.UTC(2021, 0, 1), end: Date.UTC(2021, 3, 1), ids: ['a', 'b', 'c'] };
      expect(clusterPeriodText(cluster)).toMatch(/^янв.*март 2021/);
      expect(clusterTitle(cluster)).toMatch(/^Ещё 3 события за янв.*: щёлкните, чтобы приблизить$/);
      expect(clusterTitle({ ...cluster, ids: ['a', 'b', 'c', 'd', 'e'] })).toMatch(/^Ещё 5 событий /);
    } finally {
      setInterfaceText(english);
    }
  });

  it('puts the label inside its box, in the part in view, and hides it rather than cut it', () => {
    // Wholly in view: centred.
    expect(placeClusterLabel({ start: 100, end: 200 }, 40, 0, 1000)).toEqual({ show: true, x: 130 });
    // Half out of view on the left: centred in the part in view, inside the box.
    expect(placeClusterLabel({ start: -100, end: 100 }, 40, 0, 1000)).toEqual({ show: true, x: 30 });
    // Too narrow for its label (a zoom out not yet re-laid out): hidden.
    expect(placeClusterLabel({ start: 100, end: 140 }, 40, 0, 1000).show).toBe(false);
    // Its box mostly past the right edge, the label would be cut: hidden.
    expect(placeClusterLabel({ start: 990, end: 1100 }, 40, 0, 1000).show).toBe(false);
  });
});
