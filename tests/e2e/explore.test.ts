/**
 * The explore page (issue 9) in the built extension, in Chromium and Firefox: the timeline shows exactly the fact
 * base's dated events, a filter narrows them, clicking an event opens the right card, the map around TANAP shows its
 * shareholders with their shares, and the exported SVG parses and carries the caption citing the sources.
 * The page is driven and read through its page object (tests/e2e/pages/explore-page.ts).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import factBaseJson from '../../data/factbase.json';
import type { FactBase } from '../../lib/factbase/types';
import { buildGraphIndex } from '../../lib/explore/graph';
import { filterItems, timelineItems } from '../../lib/explore/timeline-model';
import { itemsWithin, openingRange } from '../../lib/explore/timeline-opening';
import { browsersUnderTest, PROJECT_ROOT } from '../../automation/browsers';
import { borrowLensBrowser } from '../../automation/shared-browser';
import type { LensBrowser } from '../../automation/lens-browser';
import { ExplorePage, labelFaults } from './pages/explore-page';

const base = factBaseJson as unknown as FactBase;
/** The five entities the corpus mentions most (`npm run facts:report`; card-first-screen.test.ts opens their cards). */
const MOST_MENTIONED = ['turkiye', 'azerbaijan', 'kazakhstan', 'central-asia', 'russia'];
/** The map legend's words for each kind of link and badge it explains. */
const MAP_LEGEND_WORDS: Record<string, string> = {
  generic: 'linked by a source without saying how',
  more: '+3relations not on the map: click the name to show them',
  named: 'a relation a source names, read along the arrow',
  // Links whose words show on demand: away from the centre at two hops, or with no clear place.
  unlabelled: 'a link without its words: point at either end, or focus it, to read them',
};
const { items } = timelineItems(base);

describe.each(browsersUnderTest())('%s: explore page', (browserName) => {
  let lens: LensBrowser;

  beforeAll(async () => {
    lens = await borrowLensBrowser(browserName);
  });

  afterAll(async () => {
    await lens?.close();
  });

  it('the timeline shows exactly the dated events of the fact base, and the list the same ones', async () => {
    const explore = await ExplorePage.open(lens, 'view=timeline');
    const ids = await explore.eventIds();
    expect(ids).toHaveLength(base.events.length);
    expect(new Set(ids)).toEqual(new Set(base.events.map((e) => e.id)));

    // Each precision is drawn its own way: a dot for a day, a pill for a month, a band for a year.
    for (const [precision, shape] of await explore.eventShapes())
      expect(shape).toBe({ day: 'dot', month: 'pill', year: 'band' }[precision!]);

    await explore.switchTo('List');
    expect(new Set(await explore.listedEventIds())).toEqual(new Set(ids));
    // Dates are written as precisely as the source gives them.
    const dates = await explore.listedDates();
    expect(dates['2022-08-24']).toBe('24 Aug 2022');
    expect(dates['2018-09']).toBe('Sep 2018');
    expect(dates['2020']).toBe('2020');
    await explore.close();
  });

  it('a country filter narrows the timeline to the events involving that country', async () => {
    const explore = await ExplorePage.open(lens, 'view=timeline');
    const expected = filterItems(items, { country: 'kazakhstan' }).map((i) => i.event.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(items.length);
    await explore.filterByCountry('kazakhstan');
    await explore.waitForEventCount(expected.length, 'the filtered timeline');
    expect(new Set(await explore.eventIds())).toEqual(new Set(expected));
    expect(await explore.countLine()).toBe(`Showing ${expected.length} of ${items.length} events`);
    // The legend follows the filter: the colours and date markers of these events, none other.
    const { legend, drawn } = await explore.timelineLegend();
    expect(drawn.families.length).toBeLessThan(9);
    expect(legend).toMatchObject(drawn);
    await explore.close();
  });

  it('clicking an event shows its quote and opens the card of the entity it is about', async () => {
    const event =
      base.events.find((e) => e.id === 'shusha-declaration-2021-06-15') ?? base.events.find((e) => e.evidence)!;
    const explore = await ExplorePage.open(lens, 'view=timeline');
    await explore.clickEvent(event.id);
    expect(await explore.panel()).toEqual({
      entity: event.entities[0],
      event: event.id,
      quote: event.evidence?.quote,
    });

    // The card's link opens the map on that entity.
    await explore.panelAction('on the map');
    await explore.waitForMapCentre(event.entities[0]!);
    await explore.close();
  });

  it('the map around TANAP shows its shareholders with their shares, in the map and in the table', async () => {
    const shareholders = buildGraphIndex(base).edges.filter((e) => e.type === 'shareholder-of' && e.target === 'tanap');
    expect(shareholders.length).toBeGreaterThan(0);
    for (const edge of shareholders) expect(edge.share, edge.id).toBeTruthy();

    const explore = await ExplorePage.open(lens, 'view=map&entity=tanap');
    const links = await explore.links();
    const nodes = await explore.nodeIds();
    for (const edge of shareholders) {
      expect(nodes).toContain(edge.source);
      const link = links.find((l) => l.id.split('~').includes(edge.source) && l.id.split('~').includes('tanap'));
      expect(link?.relations).toContain('shareholder-of');
      expect(link?.label).toContain(`shareholder of ${edge.share}`);
    }

    await explore.switchTo('Table');
    const rows = await explore.tableRows();
    for (const edge of shareholders) {
      const source = base.entities.find((e) => e.id === edge.source)!.name;
      expect(rows).toContainEqual([
        source,
        'shareholder of',
        'Trans-Anatolian Natural Gas Pipeline',
        edge.share,
        expect.any(String),
      ]);
    }
    await explore.close();
  });

  it('exports the current view as a valid SVG with a caption citing the sources, and as a PNG', async () => {
    for (const query of ['view=timeline', 'view=map&entity=tanap']) {
      const explore = await ExplorePage.open(lens, query, 'any');
      const result = await explore.exportFiles();
      expect(result.parseErrors).toBe(0);
      expect(result.root).toBe('svg');
      expect(result.ns).toBe('http://www.w3.org/2000/svg');
      expect(result.title).toMatch(
        query.includes('map') ? /Relations around Trans-Anatolian Natural Gas Pipeline/ : /Timeline \d{4}–\d{4}/,
      );
      expect(result.caption).toContain(result.title);
      expect(result.caption).toContain('Sources, quoted verbatim in Caspian Lens');
      expect(result.caption).toContain("Türkiye's Return to Central Asia and the Caucasus");
      expect(result.caption).toMatch(/Brenda Shaffer|Svante E\. Cornell/);
      expect(result.shownCaption).toContain('Sources, quoted verbatim');
      expect(result.marks).toBeGreaterThan(0);
      expect(result.download).toMatch(/\.svg$/);
      expect(result.pngMagic).toEqual([0x89, 0x50, 0x4e, 0x47]);
      await explore.close();
    }
  });

  it('the search re-centres the map, and the card links back to the timeline for that entity', async () => {
    const explore = await ExplorePage.open(lens, 'view=map&entity=tanap');
    await explore.searchFor('erdogan');
    await explore.waitForCentre('erdogan');
    // The URL follows the state in an effect, which runs after the frame that re-centred the map.
    await explore.waitForSearch('?view=map&entity=erdogan');

    const erdoganEvents = items.filter((i) => i.event.entities.includes('erdogan')).length;
    await explore.panelAction('on the timeline');
    await explore.waitForEntityTimeline(erdoganEvents, "Erdoğan's events on the timeline");
    await explore.close();
  });

  it("the map's entities are reachable by keyboard: Tab to the centre, arrows through every node, Enter opens one", async () => {
    const graph = buildGraphIndex(base);
    const explore = await ExplorePage.open(lens, 'view=map&entity=tanap');
    const nodeIds = await explore.nodeIds();
    expect(nodeIds).toContain('botas');

    // The map itself is one tab stop (pan and zoom keys), the entities the next: one of them at a time.
    await explore.focusStage();
    await explore.press('Tab');
    const first = await explore.focused();
    const relations = graph.byNode.get('tanap')!.length;
    expect(first).toMatchObject({ id: 'tanap', role: 'button', tabStops: 1 });
    expect(first.name).toBe(
      `Trans-Anatolian Natural Gas Pipeline, pipeline, ${relations} relations, centre of the map`,
    );
    expect(first.ring).not.toBe('none');

    // The arrow keys go round every node once and back to the start, each with a name and the focus ring.
    const visited: string[] = [];
    for (let i = 0; i < nodeIds.length; i++) {
      await explore.press('ArrowRight');
      const now = await explore.focused();
      expect(now.role).toBe('button');
      expect(now.name).toMatch(/^.+, .+, \d+ relations?/);
      expect(now.ring).not.toBe('none');
      expect(now.tabStops).toBe(1);
      visited.push(now.id!);
    }
    expect(visited[visited.length - 1]).toBe('tanap');
    expect(new Set(visited)).toEqual(new Set(nodeIds));
    await explore.press('ArrowLeft');
    expect((await explore.focused()).id).toBe(visited[visited.length - 2]);

    // Enter on BOTAŞ opens its card and shows its relations; the focus stays on it.
    for (let i = 0; i < nodeIds.length && (await explore.focused()).id !== 'botas'; i++)
      await explore.press('ArrowRight');
    const botas = await explore.focused();
    expect(botas.id).toBe('botas');
    // The name starts with what the node shows: its label, then its "+N" badge when it has one (label in name).
    expect(botas.name).toMatch(/^BOTAŞ( \+\d+)?, company, \d+ relations/);
    await explore.press('Enter');
    await explore.waitForExpanded('botas', nodeIds.length);
    expect((await explore.focused()).id).toBe('botas');

    // Tab leaves the map for the next control.
    await explore.press('Tab');
    expect((await explore.focused()).id).toBeNull();
    await explore.close();
  });

  it('opens on 2020–2024 with every event of those years drawn and labelled, no label cut off or overlapping', async () => {
    const explore = await ExplorePage.open(lens, 'view=timeline');
    const range = openingRange(items)!;
    expect(range).toEqual([Date.UTC(2020, 0, 1), Date.UTC(2025, 0, 1)]);
    const expected = itemsWithin(items, range).map((i) => i.event.id);
    expect(expected.length).toBeGreaterThan(30);
    const d = await explore.drawing();
    expect(d, 'the chart, not the list it falls back to when too dense').not.toBeNull();
    const labelled = new Set(d!.labels.map((l) => l.id));
    expect(expected.filter((id) => !labelled.has(id))).toEqual([]);
    expect(d!.bare).toEqual([]);
    expect(d!.clusters).toEqual([]);
    expect(d!.labels.every((l) => l.text.trim().length > 1)).toBe(true);
    expect(labelFaults(d!)).toEqual({ cut: [], overlapping: [] });
    // Nor the axis's dates: the ticks of 2020 and 2025 sit on the plot's edges, whose clip cut their years to "20".
    expect((await explore.cutLabels()).cut).toEqual([]);
    // A year wide enough to hold its label holds it: none spills after its band (a 2022 band's did, by rounding).
    expect(await explore.spilledYearLabels()).toEqual([]);
    const { legend, drawn } = await explore.timelineLegend();
    expect(drawn.kinds).toEqual(['day', 'month', 'year']);
    expect(legend).toMatchObject(drawn);
    // The view these checks describe, for a person to look at (issue 21's "What done looks like", item 9).
    const dir = join(PROJECT_ROOT, 'test-results');
    mkdirSync(dir, { recursive: true });
    await explore.page.screenshot(join(dir, `explore-timeline-2020-2024-${browserName}.png`));
    await explore.close();
  });

  it('zoomed out to 1990–2025 the lanes stay inside the chart: each event is labelled or counted in a cluster, which zooms in', async () => {
    const explore = await ExplorePage.open(lens, 'view=timeline&from=1990-01&to=2025-06');
    const d = (await explore.drawing())!;
    expect(d).not.toBeNull();
    // No tower of bare markers: what is drawn has its label; the rest is counted in the clusters' row.
    expect(d.bare).toEqual([]);
    expect(d.clusters.length).toBeGreaterThan(0);
    const inView = itemsWithin(items, [Date.UTC(1990, 0, 1), Date.UTC(2025, 6, 1)]).length;
    const counted = d.clusters.reduce((n, c) => n + c.count, 0);
    expect(d.labels.filter((l) => !l.id.startsWith('cluster-')).length + counted).toBeGreaterThanOrEqual(inView);
    expect(labelFaults(d)).toEqual({ cut: [], overlapping: [] });
    // Every row is inside the chart (the lanes were packed for its height).
    expect(Math.max(...(await explore.rowBottoms()))).toBeLessThanOrEqual(d.plot.bottom);
    // The legend explains the clusters' boxes while the chart draws them.
    const { legend, drawn } = await explore.timelineLegend();
    expect(drawn.kinds).toContain('cluster');
    expect(legend).toMatchObject(drawn);
    // A cluster zooms into its period, where its events find room for their labels.
    const biggest = [...d.clusters].sort((a, b) => b.count - a.count)[0]!;
    const before = await explore.search();
    await explore.click(biggest.cx, biggest.cy);
    await explore.waitForZoomFrom(before);
    await explore.waitForStill();
    const after = (await explore.drawing())!;
    expect(after.bare).toEqual([]);
    expect(after.labels.filter((l) => !l.id.startsWith('cluster-')).length).toBeGreaterThan(
      d.labels.filter((l) => !l.id.startsWith('cluster-')).length / 2,
    );
    expect(labelFaults(after)).toEqual({ cut: [], overlapping: [] });
    await explore.close();
  });

  it('at 360 px wide nothing overflows sideways and every control is within reach, on the timeline, its list and the map', async () => {
    // A host extension page: each view is loaded in a 360 px frame inside it.
    const host = await ExplorePage.open(lens, 'view=timeline&as=list', null);
    for (const query of ['view=timeline&as=list', 'view=timeline&from=2020-01&to=2024-12', 'view=map&entity=tanap']) {
      const r = await host.overflowAt(360, query);
      expect(r.width, query).toBe(360);
      expect(r.scrollWidth, query).toBeLessThanOrEqual(361);
      expect(r.controls, query).toBeGreaterThan(5);
      expect(r.outside, query).toEqual([]);
      expect(r.unreachable, query).toEqual([]);
    }
    // Opened on its own at that width, the timeline cannot label 2020–2024: it lists those years' events instead,
    // says why, and offers the chart.
    await host.overflowAt(360, 'view=timeline');
    const framed = await host.framedTimeline();
    const recent = itemsWithin(items, openingRange(items)!).map((i) => i.event.id);
    expect(framed.chart).toBe(false);
    expect(framed.note).toMatch(/no room at this window size to label all \d+ events of 2020–2024/);
    expect(new Set(framed.listed)).toEqual(new Set(recent));
    await host.close();
  });

  it('labels stay inside the drawing: none is cut off at the edges of the timeline or the map', async () => {
    const timeline = await ExplorePage.open(lens, 'view=timeline&from=2015-06&to=2024-06');
    let labels = await timeline.cutLabels();
    expect(labels.shown).toBeGreaterThan(20);
    expect(labels.cut).toEqual([]);
    // After panning, with other items at the edges.
    await timeline.focusStage();
    for (const key of ['ArrowRight', 'ArrowLeft', 'ArrowLeft']) {
      // The key moved the chart when the URL's range changed (it follows each move's end); counting frames that
      // moved could see none on a loaded machine, where the 450 ms move was over before the count began.
      const before = await timeline.search();
      await timeline.press(key);
      await timeline.waitForZoomFrom(before);
      await timeline.waitForStill();
      labels = await timeline.cutLabels();
      expect(labels.shown).toBeGreaterThan(20);
      expect(labels.cut).toEqual([]);
    }
    await timeline.close();

    const map = await ExplorePage.open(lens, 'view=map&entity=botas&hops=2');
    await map.waitForStill();
    labels = await map.cutLabels();
    expect(labels.shown).toBeGreaterThan(5);
    expect(labels.cut).toEqual([]);
    await map.close();
  });

  it('one hop around the OTS: a dozen neighbours grouped by kind, "Show N more", names of 11 px or more, each link kind and "+N" explained', async () => {
    const graph = buildGraphIndex(base);
    const neighbours = new Set((graph.byNode.get('ots') ?? []).map((e) => (e.source === 'ots' ? e.target : e.source)));
    expect(neighbours.size).toBeGreaterThan(20);
    const explore = await ExplorePage.open(lens, 'view=map&entity=ots');
    await explore.waitForStill();
    const one = await explore.mapReading();
    expect(one.firstHop).toBe(12);
    const more = neighbours.size - 12;
    expect(one.status).toContain(`${more} more neighbours of Organization of Turkic States not shown`);
    expect(one.showMore).toBe(`Show ${Math.min(12, more)} more`);
    // Grouped by kind: going round the centre, each family's nodes sit together (one run each, the circle closed).
    expect(familyRuns(one.ringOrder)).toBe(new Set(one.ringOrder).size);
    expect(one.smallestText.px, one.smallestText.text).toBeGreaterThanOrEqual(11);
    expect(one.overlapping).toEqual([]);

    // The legend has an entry for every family, kind of link and badge the map draws, and none it does not draw.
    const { legend, drawn, badges } = await explore.mapLegend();
    expect(legend).toMatchObject(drawn);
    expect(drawn.kinds).toEqual(expect.arrayContaining(['generic', 'more', 'named']));
    expect(legend.words).toEqual(Object.fromEntries(drawn.kinds.map((k) => [k, MAP_LEGEND_WORDS[k]])));
    // Each "+N" says on its node what it counts.
    expect(badges.length).toBeGreaterThan(0);
    for (const { badge, title } of badges)
      expect(title).toMatch(new RegExp(`· ${badge.slice(1)} more relations?: click to show (them|it)$`));

    // "Show N more" brings the rest in, still at a readable size.
    await explore.showMoreNeighbours(one.firstHop);
    await explore.waitForStill();
    const all = await explore.mapReading();
    expect(all.firstHop).toBe(neighbours.size);
    expect(all.showMore).toBeNull();
    expect(all.smallestText.px, all.smallestText.text).toBeGreaterThanOrEqual(11);
    expect((await explore.mapLegend()).legend).toMatchObject((await explore.mapLegend()).drawn);
    await explore.close();
  });

  it('one hop around the most-mentioned entities and the OTS: no text meets another text or a node, none under 11 px', async () => {
    const dir = join(PROJECT_ROOT, 'test-results');
    mkdirSync(dir, { recursive: true });
    for (const centre of [...MOST_MENTIONED, 'ots']) {
      const explore = await ExplorePage.open(lens, `view=map&entity=${centre}`);
      await explore.waitForStill();
      const one = await explore.mapReading();
      await explore.page.screenshot(join(dir, `explore-map-${centre}-${browserName}.png`));
      expect(one.smallestText.px, `${centre}: ${one.smallestText.text}`).toBeGreaterThanOrEqual(11);
      expect(one.overlapping, centre).toEqual([]);
      // Not by saying nothing: most links keep their kind in words.
      expect(one.linkLabels, centre).toBeGreaterThanOrEqual(one.links / 2);
      await explore.close();
    }
  });

  it('two hops stay readable or say why: names of 11 px or more, none overlapping, the reach and what is shown said', async () => {
    for (const centre of ['ots', 'turkiye']) {
      const explore = await ExplorePage.open(lens, `view=map&entity=${centre}`);
      await explore.chooseHops('Two hops', 2);
      await explore.waitForStill();
      const two = await explore.mapReading();
      const dir = join(PROJECT_ROOT, 'test-results');
      mkdirSync(dir, { recursive: true });
      await explore.page.screenshot(join(dir, `explore-map-${centre}-two-hops-${browserName}.png`));
      expect(two.nodes, centre).toBeLessThanOrEqual(50);
      expect(two.smallestText.px, `${centre}: ${two.smallestText.text}`).toBeGreaterThanOrEqual(11);
      expect(two.overlapping, centre).toEqual([]);
      // Why it is not all there: how many two hops reach, and how many the map shows.
      expect(two.twoHops, centre).toMatch(
        new RegExp(
          `^Two hops from .+ reach \\d+ entities\\. To keep every name readable the map shows ${two.nodes - 1}: 12 neighbours`,
        ),
      );
      // Kept at a readable size, a map larger than the window says so (and only then).
      if (two.outside) expect(two.larger, centre).toMatch(/^The map is larger than this window/);
      else expect(two.larger, centre).toBeNull();
      const { legend, drawn } = await explore.mapLegend();
      expect(legend, centre).toMatchObject(drawn);
      // Away from the centre, links keep their words for when the reader asks: the legend says how, and focusing a
      // name (as pointing at it does) shows the words of its links, at a readable size.
      expect(drawn.kinds, centre).toContain('unlabelled');
      expect(legend.words.unlabelled).toBe(MAP_LEGEND_WORDS.unlabelled);
      expect(await explore.onDemandLabels()).toEqual([]);
      await explore.focusStage();
      await explore.press('Tab');
      let quiet: string[] = [];
      for (let i = 0; i < two.nodes && !quiet.length; i++) {
        await explore.press('ArrowRight');
        quiet = await explore.unlabelledLinksOf((await explore.focused()).id!);
      }
      expect(quiet.length, centre).toBeGreaterThan(0);
      const words = await explore.onDemandLabels();
      expect(words.map((w) => w.link).sort(), centre).toEqual([...quiet].sort());
      for (const w of words) {
        expect(w.text.length, w.link).toBeGreaterThan(2);
        expect(w.px, w.text).toBeGreaterThanOrEqual(11);
      }
      // Back on the stage, they are gone again.
      await explore.press('Escape');
      expect(await explore.onDemandLabels()).toEqual([]);
      await explore.close();
    }
  });

  it('logs no errors', async () => {
    expect(await lens.consoleErrors()).toEqual([]);
  });
});

/** How many runs of equal neighbours a circle of families makes (the last one wraps round to the first). */
function familyRuns(ring: readonly string[]): number {
  const runs = ring.filter((f, i) => f !== ring[(i + ring.length - 1) % ring.length]).length;
  return Math.max(1, runs);
}
