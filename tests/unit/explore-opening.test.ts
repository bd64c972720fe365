/**
 * Where the timeline opens (the most recent five years with news), whether everything there can be labelled, and
 * how labels are given room: pure code, on the real fact base where it matters.
 */
import { describe, expect, it } from 'vitest';
import factBaseJson from '~/data/factbase.json';
import type { FactBase } from '~/lib/factbase/types';
import { truncateText } from '~/lib/explore/caption';
import {
  eventLabels,
  itemGeometry,
  LABEL_GAP,
  LABEL_PITCH,
  labelRoom,
  layoutLanes,
  MIN_LABEL_PITCH,
} from '~/lib/explore/timeline-lanes';
import { timelineItems, type TimelineItem } from '~/lib/explore/timeline-model';
import {
  chartOpening,
  INITIAL_DOMAIN,
  itemsWithin,
  openingRange,
  unlabelledWithin,
} from '~/lib/explore/timeline-opening';

const base = factBaseJson as unknown as FactBase;
const { items } = timelineItems(base);
const DAY = 86_400_000;
const item = (id: string, precision: 'day' | 'month' | 'year', start: number, days: number): TimelineItem =>
  ({
    event: { id, title: id },
    span: { start, end: start + days * DAY, precision },
    dateLabel: id,
    countries: new Set(),
    types: new Set(),
  }) as unknown as TimelineItem;

describe('the opening range', () => {
  it('is the five calendar years ending with the latest year that has at least three events: 2020–2024', () => {
    expect(openingRange(items)).toEqual([Date.UTC(2020, 0, 1), Date.UTC(2025, 0, 1)]);
    // The fact base does have later events (planned ones): they alone do not make a year recent news.
    expect(items.some((i) => i.span.start >= Date.UTC(2025, 0, 1))).toBe(true);
  });

  it('follows the data, and is null when no year has enough events', () => {
    const y = (year: number, n: number) =>
      Array.from({ length: n }, (_, i) => item(`e${year}-${i}`, 'day', Date.UTC(year, 2, 1 + i), 1));
    expect(openingRange([...y(2001, 3), ...y(2009, 2)])).toEqual([Date.UTC(1997, 0, 1), Date.UTC(2002, 0, 1)]);
    expect(openingRange(y(2001, 2))).toBeNull();
    expect(openingRange([])).toBeNull();
  });

  it('counts what is drawn inside it, and which of those have no label', () => {
    const inside = item('in', 'year', Date.UTC(2021, 0, 1), 365);
    const across = item('across', 'day', Date.UTC(2019, 11, 31), 3);
    const before = item('before', 'year', Date.UTC(2019, 0, 1), 365);
    const range: [number, number] = [Date.UTC(2020, 0, 1), Date.UTC(2025, 0, 1)];
    expect(itemsWithin([inside, across, before], range).map((i) => i.event.id)).toEqual(['in', 'across']);
    const labelled = new Map([
      ['in', true],
      ['across', false],
      ['before', false],
    ]);
    expect(unlabelledWithin([inside, across, before], labelled, range)).toEqual(['across']);
  });
});

describe('what the chart opens on', () => {
  const few = [item('a', 'day', Date.UTC(2010, 4, 1), 1), item('b', 'year', Date.UTC(2012, 0, 1), 366)];
  const extent: [number, number] = [Date.UTC(2010, 4, 1), Date.UTC(2013, 0, 1)];

  it('fits an entity’s events with air either side, before the URL’s range and the recent years', () => {
    expect(chartOpening(few, true, [0, 1])).toEqual({ range: extent, padded: true, byDefault: false });
  });

  it('takes the URL’s range as it is, else opens on the most recent five years with news by default', () => {
    expect(chartOpening(items, false, [5, 9])).toEqual({ range: [5, 9], padded: false, byDefault: false });
    expect(chartOpening(items, false)).toEqual({
      range: [Date.UTC(2020, 0, 1), Date.UTC(2025, 0, 1)],
      padded: false,
      byDefault: true,
    });
  });

  it('shows a handful too thin for "recent years" whole, and an empty chart on the initial domain', () => {
    expect(chartOpening(few, false)).toEqual({ range: extent, padded: true, byDefault: false });
    expect(chartOpening([], true)).toEqual({ range: INITIAL_DOMAIN, padded: false, byDefault: false });
  });
});

describe('labels and lanes at the opening zoom', () => {
  it('a year band wide enough holds its label inside, truncated to the band; other labels keep the usual room', () => {
    const year = item('y', 'year', 0, 365);
    const day = item('d', 'day', 0, 1);
    expect(labelRoom(year, 180, 246)).toBe(246 - 2 * LABEL_GAP);
    expect(labelRoom(year, 180, 60)).toBe(180);
    expect(labelRoom(day, 180, 246)).toBe(180);
  });

  it('truncates at a word’s end when one is near', () => {
    const measure = (s: string) => s.length * 6;
    const title = 'Kazakhstan and Türkiye commit to enhanced cooperation';
    expect(truncateText(title, 140, measure)).toBe('Kazakhstan and Türkiye…');
    // Room for "Kazakhstan and Türk…": the word is left out rather than cut.
    expect(truncateText(title, 120, measure)).toBe('Kazakhstan and…');
  });

  it('labels every event of 2020–2024 on a 1,230 px wide chart 540 px high, closer together than usual', () => {
    const [a, b] = openingRange(items)!;
    const width = 1230;
    const x = (t: number) => ((t - a) / (b - a)) * width;
    const measure = (s: string) => s.length * 5.8;
    const labels = eventLabels(items, 180, measure, x(Date.UTC(2021, 0, 1)) - x(Date.UTC(2020, 0, 1)));
    const layout = layoutLanes(items, x, labels.width, 540);
    expect(unlabelledWithin(items, layout.labelled, [a, b])).toEqual([]);
    const pitch = layout.y(1) - layout.y(0);
    expect(pitch).toBeGreaterThanOrEqual(MIN_LABEL_PITCH);
    expect(pitch).toBeLessThanOrEqual(LABEL_PITCH);
    expect(layout.y(layout.laneCount - 1) + pitch / 2).toBeLessThanOrEqual(540 + 1e-9);
    // Nothing overlaps in a lane, labels included.
    const byId = new Map(items.map((i) => [i.event.id, i]));
    for (const ids of layout.byLane) {
      const spans = ids
        .map((id) => {
          const it = byId.get(id)!;
          return itemGeometry(it, x(it.span.start), x(it.span.end), 11, labels.width.get(id)!).extent.labelled;
        })
        .sort((p, q) => p.start - q.start);
      for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBeGreaterThan(spans[i - 1]!.end);
    }
  });

  it('keeps the usual pitch and leaves the crowd unlabelled when even the closer lanes would not fit', () => {
    const [a, b] = openingRange(items)!;
    const x = (t: number) => ((t - a) / (b - a)) * 1230;
    const labels = eventLabels(items, 180, (s) => s.length * 5.8, 246);
    const layout = layoutLanes(items, x, labels.width, 300);
    expect(layout.y(1) - layout.y(0)).toBe(LABEL_PITCH);
    expect(unlabelledWithin(items, layout.labelled, [a, b]).length).toBeGreaterThan(0);
  });
});
