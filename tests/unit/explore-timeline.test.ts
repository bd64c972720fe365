import { describe, expect, it } from 'vitest';
import factBaseJson from '~/data/factbase.json';
import type { FactBase } from '~/lib/factbase/types';
import { axisDateLabel, dateSpan, formatEventDate, datePrecision } from '~/lib/explore/dates';
import { clusterLabel } from '~/lib/explore/timeline-clusters';
import { FAMILIES } from '~/lib/explore/entity-families';
import { currentInterfaceText, setInterfaceText, tp } from '~/lib/i18n/translator';
import russian from '~/_locales/ru/messages.json';
import {
  filterItems,
  filterOptions,
  packLanes,
  packLanesWithLabels,
  packingOrder,
  timelineItems,
  type Extent,
  type Footprint,
  type TimelineItem,
} from '~/lib/explore/timeline-model';

const base = factBaseJson as unknown as FactBase;

describe('event dates', () => {
  it('keeps the precision the source gives', () => {
    expect(datePrecision('2020')).toBe('year');
    expect(datePrecision('2020-09')).toBe('month');
    expect(datePrecision('2020-09-27')).toBe('day');
    expect(datePrecision('Sept 2020')).toBeNull();
  });

  it('writes each precision differently', () => {
    expect(formatEventDate('2020')).toBe('2020');
    expect(formatEventDate('2020-09')).toBe('Sep 2020');
    expect(formatEventDate('2020-09-27')).toBe('27 Sep 2020');
    expect(formatEventDate('2020-09-27', undefined, true)).toBe('27 September 2020');
  });

  it('writes ranges compactly', () => {
    expect(formatEventDate('2013', '2016')).toBe('2013–2016');
    expect(formatEventDate('2020-07', '2020-08')).toBe('Jul–Aug 2020');
    expect(formatEventDate('2020-09-27', '2020-11-10')).toBe('27 Sep – 10 Nov 2020');
    expect(formatEventDate('2020-09', '2021')).toBe('Sep 2020 – 2021');
  });

  it('speaks the interface language: dates through Intl, counts with its plural forms, labels from its catalog', () => {
    const english = currentInterfaceText();
    expect(axisDateLabel(new Date(Date.UTC(2020, 0, 1)))).toBe('2020');
    expect(axisDateLabel(new Date(Date.UTC(2020, 2, 1)))).toBe('March');
    expect(axisDateLabel(new Date(Date.UTC(2020, 2, 9)))).toBe('Mar 9');
    setInterfaceText({ lang: 'ru', messages: russian, fallback: english.messages });
    try {
      const intl = (options: Intl.DateTimeFormatOptions, ms: number) =>
        new Intl.DateTimeFormat('ru', { timeZone: 'UTC', ...options }).format(ms);
      expect(formatEventDate('2020-09-27')).toBe(
        intl({ year: 'numeric', month: 'short', day: 'numeric' }, Date.UTC(2020, 8, 27)),
      );
      expect(formatEventDate('2020-09-27')).toMatch(/сент/);
      expect(formatEventDate('2020-07', '2020-08')).toMatch(/июл.*авг.*2020/);
      expect(formatEventDate('2013', '2016')).toMatch(/^2013\s?–\s?2016/);
      expect(axisDateLabel(new Date(Date.UTC(2020, 2, 1)))).toBe(intl({ month: 'long' }, Date.UTC(2020, 2, 1)));
      expect([1, 3, 5, 21].map((n) => tp('exploreEventCount', n))).toEqual([
        '1 событие',
        '3 события',
        '5 событий',
        '21 событие',
      ]);
      expect(clusterLabel(14)).toBe('ещё 14');
      expect(FAMILIES.find((f) => f.id === 'person')!.label).toBe(russian.exploreFamilyPeople.message);
    } finally {
      setInterfaceText(english);
    }
    expect(formatEventDate('2020-09-27')).toBe('27 Sep 2020');
  });

  it('spans the whole period a date stands for', () => {
    expect(dateSpan('2020')).toEqual({ start: Date.UTC(2020, 0, 1), end: Date.UTC(2021, 0, 1), precision: 'year' });
    expect(dateSpan('2020-02')).toEqual({ start: Date.UTC(2020, 1, 1), end: Date.UTC(2020, 2, 1), precision: 'month' });
    expect(dateSpan('2020-12-31')).toEqual({
      start: Date.UTC(2020, 11, 31),
      end: Date.UTC(2021, 0, 1),
      precision: 'day',
    });
    expect(dateSpan('2013', '2016')!.end).toBe(Date.UTC(2017, 0, 1));
    expect(dateSpan('2020-13')).toBeNull();
  });
});

describe('timeline model over the real fact base', () => {
  const { items, undated } = timelineItems(base);

  it('has every event, in time order', () => {
    expect(items.length + undated.length).toBe(base.events.length);
    expect(undated).toEqual([]);
    for (let i = 1; i < items.length; i++)
      expect(items[i]!.span.start).toBeGreaterThanOrEqual(items[i - 1]!.span.start);
  });

  it('finds countries through country entities and through entity.country', () => {
    const byCountry = filterItems(items, { country: 'kazakhstan' });
    expect(byCountry.length).toBeGreaterThan(0);
    expect(byCountry.length).toBeLessThan(items.length);
    const entities = new Map(base.entities.map((e) => [e.id, e]));
    for (const item of byCountry) {
      const involved = item.event.entities.some(
        (id) => id === 'kazakhstan' || entities.get(id)?.country?.includes('kazakhstan'),
      );
      expect(involved, item.event.id).toBe(true);
    }
  });

  it('combines filters as AND', () => {
    const a = filterItems(items, { country: 'azerbaijan' });
    const ab = filterItems(items, { country: 'azerbaijan', source: 'silk-road-2024' });
    expect(ab.length).toBeLessThanOrEqual(a.length);
    expect(ab.every((i) => i.source === 'silk-road-2024')).toBe(true);
    const person = filterItems(items, { type: 'person' });
    expect(person.every((i) => i.types.has('person'))).toBe(true);
    expect(filterItems(items, { entity: 'tanap' }).every((i) => i.event.entities.includes('tanap'))).toBe(true);
  });

  it('offers filter options with counts that match filtering', () => {
    const options = filterOptions(items, base, (t) => t);
    for (const o of options.countries.slice(0, 5))
      expect(filterItems(items, { country: o.value }).length, o.value).toBe(o.count);
    for (const o of options.sources) expect(filterItems(items, { source: o.value }).length).toBe(o.count);
    expect(options.sources.reduce((n, o) => n + o.count, 0)).toBe(items.filter((i) => i.source).length);
  });
});

describe('lane packing', () => {
  it('puts overlapping extents in different lanes and reuses free lanes', () => {
    const { lanes, count } = packLanes(
      [
        { start: 0, end: 10 },
        { start: 5, end: 15 },
        { start: 20, end: 30 },
        { start: 8, end: 18 },
      ],
      2,
    );
    expect(lanes).toEqual([0, 1, 0, 2]);
    expect(count).toBe(3);
  });

  it('fits an extent into a gap of an earlier lane', () => {
    const { lanes } = packLanes(
      [
        { start: 0, end: 10 },
        { start: 50, end: 60 },
        { start: 20, end: 40 },
      ],
      5,
    );
    expect(lanes).toEqual([0, 0, 0]);
  });

  it('orders precisely dated events first', () => {
    const mk = (date: string, id: string): TimelineItem =>
      ({
        event: { id, date, title: id, entities: [] },
        span: dateSpan(date)!,
        dateLabel: date,
        countries: new Set(),
        types: new Set(),
      }) as TimelineItem;
    const items = [mk('2020', 'a'), mk('2020-05', 'b'), mk('2020-09-27', 'c'), mk('2019-01-01', 'd')];
    expect(packingOrder(items).map((i) => items[i]!.event.id)).toEqual(['d', 'c', 'b', 'a']);
  });
});

describe('lane packing agrees with a brute-force check', () => {
  it('never puts two overlapping extents in one lane, and uses the lowest free lane', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const extents = Array.from({ length: 400 }, () => {
      const start = rand() * 1000;
      return { start, end: start + rand() * 60 };
    });
    const gap = 3;
    const { lanes } = packLanes(extents, gap);
    const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
      !(a.start >= b.end + gap || a.end + gap <= b.start);
    extents.forEach((e, i) => {
      for (let j = 0; j < i; j++) if (lanes[j] === lanes[i]) expect(overlaps(e, extents[j]!)).toBe(false);
      // Every lower lane had a conflict when this extent was placed.
      for (let l = 0; l < lanes[i]!; l++)
        expect(extents.slice(0, i).some((o, j) => lanes[j] === l && overlaps(e, o))).toBe(true);
    });
  });
});

describe('label-aware lane packing agrees with a brute-force check', () => {
  it('gives each footprint the lowest label lane it fits, else the lowest lane its marker fits', () => {
    let seed = 11;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    // Runs of identical and nested extents (a crowded year of year bands), between scattered ones.
    const footprints: Footprint[] = [];
    while (footprints.length < 600) {
      const start = Math.floor(rand() * 40) * 25;
      const width = 5 + rand() * 40;
      const run = rand() < 0.3 ? 2 + Math.floor(rand() * 25) : 1;
      for (let i = 0; i < run; i++) {
        const end = start + width + (rand() < 0.5 ? i * 2 : 0);
        footprints.push({ marker: { start, end }, labelled: { start, end: end + 20 + rand() * 200 } });
      }
    }
    const gaps = { label: 12, marker: 2 };
    const labelLanes = 6;
    const { lanes, labelled } = packLanesWithLabels(footprints, labelLanes, gaps);
    const clash = (a: Extent, b: Extent, gap: number) => !(a.start >= b.end + gap || a.end + gap <= b.start);
    const placed = (i: number) => (labelled[i] ? footprints[i]!.labelled : footprints[i]!.marker);
    const fitsAt = (i: number, e: Extent, lane: number, gap: number) =>
      !footprints.slice(0, i).some((_, j) => lanes[j] === lane && clash(e, placed(j), gap));
    footprints.forEach((f, i) => {
      const firstLabelLane = Array.from({ length: labelLanes }, (_, l) => l).find((l) =>
        fitsAt(i, f.labelled, l, gaps.label),
      );
      if (firstLabelLane !== undefined) {
        expect([labelled[i], lanes[i]]).toEqual([true, firstLabelLane]);
        return;
      }
      let lane = 0;
      while (!fitsAt(i, f.marker, lane, gaps.marker)) lane++;
      expect([labelled[i], lanes[i]]).toEqual([false, lane]);
    });
  });
});
