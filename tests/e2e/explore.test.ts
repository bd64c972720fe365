/**
 * The explore page (issue 9) in the built extension, in Chromium and Firefox: the timeline shows exactly the fact
 * base's dated events, a filter narrows them, clicking an event opens the right card, the map around TANAP shows its
 * shareholders with their shares, and the exported SVG parses and carries the caption citing the sources.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import factBaseJson from '../../data/factbase.json';
import type { FactBase } from '../../lib/factbase/types';
import { buildGraphIndex } from '../../lib/explore/graph';
import { filterItems, timelineItems } from '../../lib/explore/timeline-model';
import { itemsWithin, openingRange } from '../../lib/explore/timeline-opening';
import { browsersUnderTest, launchLensBrowser } from '../../automation/browsers';
import { waitInPage, type ExtensionPageName, type LensBrowser, type LensPage } from '../../automation/lens-browser';

const base = factBaseJson as unknown as FactBase;
const { items } = timelineItems(base);

/** The explore page with a query string; the harness opens any path under the extension's root. */
const explore = (query: string) => `explore.html?${query}` as ExtensionPageName;

async function openTimeline(lens: LensBrowser, query = 'view=timeline'): Promise<LensPage> {
  const page = await lens.openExtensionPage(explore(query));
  await waitInPage(page, () => document.documentElement.dataset.timelineReady === 'true', 'the timeline to lay out');
  return page;
}

/** Clicks the side panel's action whose text contains `text` ("on the map", "on the timeline"). */
const clickPanelAction = (page: LensPage, text: string) =>
  page.evaluate(
    (t) =>
      (
        Array.from(document.querySelectorAll('.ex-panel-actions button')).find((b) =>
          (b.textContent ?? '').includes(t),
        ) as HTMLElement
      ).click(),
    text,
  );

const renderedEventIds = (page: LensPage) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('svg.ex-chart [data-event-id]')).map((el) =>
      el.getAttribute('data-event-id')!,
    ),
  );

/** What the timeline draws now: its box, every label shown (events' and clusters'), events drawn without a label. */
interface ChartDrawing {
  /** The plot area (the items' clip) and the chart's height, in viewport px. */
  plot: { left: number; right: number; top: number; bottom: number };
  labels: { id: string; text: string; left: number; right: number; top: number; bottom: number }[];
  /** Events drawn wholly in view (not gathered in a cluster) with no label shown. */
  bare: string[];
  /** Events drawn in view, by id. */
  drawn: string[];
  clusters: { count: number; cx: number; cy: number }[];
  lanes: number;
}

const chartDrawing = (page: LensPage) =>
  page.evaluate((): ChartDrawing | null => {
    const svg = document.querySelector('svg.ex-chart');
    const clip = document.querySelector('#tl-clip rect');
    const ctm = (document.querySelector('svg.ex-chart g.tl-items') as SVGGraphicsElement | null)?.getScreenCTM();
    if (!svg || !clip || !ctm) return null;
    const box = svg.getBoundingClientRect();
    const left = ctm.e + Number(clip.getAttribute('x'));
    const plot = { left, right: left + Number(clip.getAttribute('width')), top: box.top, bottom: box.bottom };
    const shown = (el: Element) => !el.closest('[display="none"]');
    const labels: ChartDrawing['labels'] = [];
    const bare: string[] = [];
    const drawn: string[] = [];
    for (const g of Array.from(svg.querySelectorAll('[data-event-id]'))) {
      if (!shown(g)) continue;
      // Drawn just past the edges (culled only further out) is not in view: those labels wait, never cut.
      const mark = g.querySelector('.ev-mark, .ev-band')!.getBoundingClientRect();
      if (mark.right <= plot.left || mark.left >= plot.right) continue;
      const id = g.getAttribute('data-event-id')!;
      drawn.push(id);
      const label = g.querySelector('.ev-label');
      if (!label || !shown(label)) {
        // A marker cut by an edge may lose its label (one that does not fit the part in view is left out, not cut).
        if (mark.left >= plot.left && mark.right <= plot.right) bare.push(id);
        continue;
      }
      const r = label.getBoundingClientRect();
      labels.push({ id, text: label.textContent ?? '', left: r.left, right: r.right, top: r.top, bottom: r.bottom });
    }
    const clusters: ChartDrawing['clusters'] = [];
    for (const g of Array.from(svg.querySelectorAll('.tl-cluster[data-cluster]'))) {
      if (!shown(g)) continue;
      const b = g.querySelector('.tl-cluster-box')!.getBoundingClientRect();
      clusters.push({
        count: Number(g.getAttribute('data-count')),
        cx: b.left + b.width / 2,
        cy: b.top + b.height / 2,
      });
      const label = g.querySelector('.tl-cluster-label')!;
      if (!shown(label)) continue;
      const r = label.getBoundingClientRect();
      labels.push({
        id: g.getAttribute('data-cluster')!,
        text: label.textContent ?? '',
        left: r.left,
        right: r.right,
        top: r.top,
        bottom: r.bottom,
      });
    }
    return { plot, labels, bare, drawn, clusters, lanes: Number(svg.getAttribute('data-lanes')) };
  });

/** Labels cut by the plot's edges, and pairs of labels that overlap (by more than a pixel's rounding). */
function labelFaults(d: ChartDrawing): { cut: string[]; overlapping: string[] } {
  const cut = d.labels
    .filter(
      (l) => l.left < d.plot.left - 1 || l.right > d.plot.right + 1 || l.top < d.plot.top || l.bottom > d.plot.bottom,
    )
    .map((l) => l.text);
  const overlapping: string[] = [];
  for (let i = 0; i < d.labels.length; i++)
    for (let j = i + 1; j < d.labels.length; j++) {
      const [a, b] = [d.labels[i]!, d.labels[j]!];
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > 1 && h > 1) overlapping.push(`${a.text} / ${b.text}`);
    }
  return { cut, overlapping };
}

describe.each(browsersUnderTest())('%s: explore page', (browserName) => {
  let lens: LensBrowser;

  beforeAll(async () => {
    lens = await launchLensBrowser(browserName);
  });

  afterAll(async () => {
    await lens?.close();
  });

  it('the timeline shows exactly the dated events of the fact base, and the list the same ones', async () => {
    const page = await openTimeline(lens);
    const ids = await renderedEventIds(page);
    expect(ids).toHaveLength(base.events.length);
    expect(new Set(ids)).toEqual(new Set(base.events.map((e) => e.id)));

    // Each precision is drawn its own way: a dot for a day, a pill for a month, a band for a year.
    const shapes = await page.evaluate(() =>
      Array.from(document.querySelectorAll('svg.ex-chart [data-event-id]')).map((g) => [
        g.getAttribute('data-precision'),
        g.querySelector('circle.ev-mark') ? 'dot' : g.querySelector('rect.ev-band') ? 'band' : 'pill',
      ]),
    );
    for (const [precision, shape] of shapes)
      expect(shape).toBe({ day: 'dot', month: 'pill', year: 'band' }[precision!]);

    await page.evaluate(() =>
      (
        Array.from(document.querySelectorAll('.ex-seg button')).find((b) => b.textContent === 'List') as HTMLElement
      ).click(),
    );
    const listed = await waitInPage(
      page,
      () => {
        const rows = document.querySelectorAll('.ex-events [data-event-id]');
        return rows.length ? Array.from(rows).map((r) => r.getAttribute('data-event-id')!) : null;
      },
      'the list',
    );
    expect(new Set(listed)).toEqual(new Set(ids));
    // Dates are written as precisely as the source gives them.
    const dates = await page.evaluate(() =>
      Object.fromEntries(
        Array.from(document.querySelectorAll('.ex-event time')).map((t) => [t.getAttribute('datetime'), t.textContent]),
      ),
    );
    expect(dates['2022-08-24']).toBe('24 Aug 2022');
    expect(dates['2018-09']).toBe('Sep 2018');
    expect(dates['2020']).toBe('2020');
    await page.close();
  });

  it('a country filter narrows the timeline to the events involving that country', async () => {
    const page = await openTimeline(lens);
    const expected = filterItems(items, { country: 'kazakhstan' }).map((i) => i.event.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(items.length);
    await page.evaluate(() => {
      const select = document.querySelector('select[name="country"]') as HTMLSelectElement;
      select.value = 'kazakhstan';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await waitInPage(
      page,
      (n) => document.querySelectorAll('svg.ex-chart [data-event-id]').length === n,
      'the filtered timeline',
      10_000,
      expected.length,
    );
    expect(new Set(await renderedEventIds(page))).toEqual(new Set(expected));
    const status = await page.evaluate(() => document.querySelector('[data-testid="timeline-count"]')?.textContent);
    expect(status).toBe(`Showing ${expected.length} of ${items.length} events`);
    await page.close();
  });

  it('clicking an event shows its quote and opens the card of the entity it is about', async () => {
    const event =
      base.events.find((e) => e.id === 'shusha-declaration-2021-06-15') ?? base.events.find((e) => e.evidence)!;
    const page = await openTimeline(lens);
    await page.evaluate((id) => {
      const g = document.querySelector(`svg.ex-chart [data-event-id="${id}"]`)!;
      g.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    }, event.id);
    const shown = await waitInPage(
      page,
      () => {
        const card = document.querySelector('.ex-panel .lens-card');
        const article = document.querySelector('.ex-panel [data-event]');
        return card && article
          ? {
              entity: card.getAttribute('data-entity'),
              event: article.getAttribute('data-event'),
              quote: article.querySelector('blockquote')?.textContent,
            }
          : null;
      },
      'the card',
    );
    expect(shown).toEqual({ entity: event.entities[0], event: event.id, quote: event.evidence?.quote });

    // The card's link opens the map on that entity.
    await clickPanelAction(page, 'on the map');
    await waitInPage(
      page,
      (id) =>
        document.documentElement.dataset.mapReady === 'true' &&
        document.querySelector('svg.ex-chart')?.getAttribute('data-centre') === id,
      'the map around the entity',
      10_000,
      event.entities[0]!,
    );
    await page.close();
  });

  it('the map around TANAP shows its shareholders with their shares, in the map and in the table', async () => {
    const shareholders = buildGraphIndex(base).edges.filter((e) => e.type === 'shareholder-of' && e.target === 'tanap');
    expect(shareholders.length).toBeGreaterThan(0);
    for (const edge of shareholders) expect(edge.share, edge.id).toBeTruthy();

    const page = await lens.openExtensionPage(explore('view=map&entity=tanap'));
    await waitInPage(page, () => document.documentElement.dataset.mapReady === 'true', 'the map');
    const links = await page.evaluate(() =>
      Array.from(document.querySelectorAll('svg.ex-chart [data-link-id]')).map((g) => ({
        id: g.getAttribute('data-link-id')!,
        relations: g.getAttribute('data-relations')!,
        label: g.querySelector('.mp-link-label')?.textContent ?? '',
      })),
    );
    const nodes = await page.evaluate(() =>
      Array.from(document.querySelectorAll('svg.ex-chart [data-node-id]')).map((g) => g.getAttribute('data-node-id')),
    );
    for (const edge of shareholders) {
      expect(nodes).toContain(edge.source);
      const link = links.find((l) => l.id.split('~').includes(edge.source) && l.id.split('~').includes('tanap'));
      expect(link?.relations).toContain('shareholder-of');
      expect(link?.label).toContain(`shareholder of ${edge.share}`);
    }

    await page.evaluate(() =>
      (
        Array.from(document.querySelectorAll('.ex-seg button')).find((b) => b.textContent === 'Table') as HTMLElement
      ).click(),
    );
    const rows = await waitInPage(
      page,
      () => {
        const trs = document.querySelectorAll('[data-testid="map-table"] tbody tr');
        return trs.length
          ? Array.from(trs).map((tr) => Array.from(tr.children).map((c) => c.textContent?.trim() ?? ''))
          : null;
      },
      'the table',
    );
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
    await page.close();
  });

  it('exports the current view as a valid SVG with a caption citing the sources, and as a PNG', async () => {
    for (const query of ['view=timeline', 'view=map&entity=tanap']) {
      const page = await lens.openExtensionPage(explore(query));
      await waitInPage(
        page,
        () => document.documentElement.dataset.timelineReady || document.documentElement.dataset.mapReady,
        'the view',
      );
      await page.evaluate(() =>
        (
          Array.from(document.querySelectorAll('button')).find((b) =>
            b.textContent?.startsWith('Export'),
          ) as HTMLElement
        ).click(),
      );
      await waitInPage(page, () => !!document.querySelector('[data-testid="export-png"]'), 'the PNG');
      const result = await page.evaluate(async () => {
        const svgLink = document.querySelector('[data-testid="export-svg"]') as HTMLAnchorElement;
        const pngLink = document.querySelector('[data-testid="export-png"]') as HTMLAnchorElement;
        const text = await (await fetch(svgLink.href)).text();
        const png = new Uint8Array(await (await fetch(pngLink.href)).arrayBuffer());
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        return {
          parseErrors: doc.getElementsByTagName('parsererror').length,
          root: doc.documentElement.localName,
          ns: doc.documentElement.namespaceURI,
          title: doc.querySelector('title')?.textContent ?? '',
          caption: Array.from(doc.querySelectorAll('.lens-export-caption'))
            .map((t) => t.textContent)
            .join(' '),
          marks: doc.querySelectorAll('[data-event-id], [data-node-id]').length,
          download: svgLink.getAttribute('download'),
          pngMagic: Array.from(png.slice(0, 4)),
          shownCaption: document.querySelector('[data-testid="export-caption"]')?.textContent ?? '',
        };
      });
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
      await page.close();
    }
  });

  it('the search re-centres the map, and the card links back to the timeline for that entity', async () => {
    const page = await lens.openExtensionPage(explore('view=map&entity=tanap'));
    await waitInPage(page, () => document.documentElement.dataset.mapReady === 'true', 'the map');
    await page.evaluate(() => {
      const input = document.querySelector('input[role="combobox"]') as HTMLInputElement;
      input.focus();
      input.value = 'erdogan';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await waitInPage(
      page,
      () => document.querySelector('[role="option"]')?.getAttribute('data-entity-id'),
      'suggestions',
    );
    await page.evaluate(() =>
      document
        .querySelector('input[role="combobox"]')!
        .dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })),
    );
    await waitInPage(
      page,
      () => document.querySelector('svg.ex-chart')?.getAttribute('data-centre') === 'erdogan',
      'Erdoğan at the centre',
    );
    // The URL follows the state in an effect, which runs after the frame that re-centred the map.
    await waitInPage(page, () => location.search === '?view=map&entity=erdogan', 'the URL to follow');

    const erdoganEvents = items.filter((i) => i.event.entities.includes('erdogan')).length;
    await clickPanelAction(page, 'on the timeline');
    await waitInPage(
      page,
      (n) =>
        document.querySelectorAll('svg.ex-chart [data-event-id]').length === n && !!document.querySelector('.ex-pill'),
      "Erdoğan's events on the timeline",
      10_000,
      erdoganEvents,
    );
    await page.close();
  });

  it("the map's entities are reachable by keyboard: Tab to the centre, arrows through every node, Enter opens one", async () => {
    const graph = buildGraphIndex(base);
    const page = await lens.openExtensionPage(explore('view=map&entity=tanap'));
    await waitInPage(page, () => document.documentElement.dataset.mapReady === 'true', 'the map');
    const nodeIds = await page.evaluate(() =>
      Array.from(document.querySelectorAll('svg.ex-chart [data-node-id]')).map((g) => g.getAttribute('data-node-id')!),
    );
    expect(nodeIds).toContain('botas');
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as (Element & { tabIndex: number }) | null;
        const ring = el?.querySelector('.mp-focus-ring');
        return {
          id: el?.getAttribute('data-node-id') ?? null,
          role: el?.getAttribute('role') ?? null,
          name: el?.getAttribute('aria-label') ?? null,
          ring: ring ? getComputedStyle(ring).display : null,
          tabStops: document.querySelectorAll('svg.ex-chart [data-node-id][tabindex="0"]').length,
        };
      });

    // The map itself is one tab stop (pan and zoom keys), the entities the next: one of them at a time.
    await page.evaluate(() => (document.querySelector('.ex-stage') as HTMLElement).focus());
    await page.press('Tab');
    const first = await focused();
    const relations = graph.byNode.get('tanap')!.length;
    expect(first).toMatchObject({ id: 'tanap', role: 'button', tabStops: 1 });
    expect(first.name).toBe(
      `Trans-Anatolian Natural Gas Pipeline, pipeline, ${relations} relations, centre of the map`,
    );
    expect(first.ring).not.toBe('none');

    // The arrow keys go round every node once and back to the start, each with a name and the focus ring.
    const visited: string[] = [];
    for (let i = 0; i < nodeIds.length; i++) {
      await page.press('ArrowRight');
      const now = await focused();
      expect(now.role).toBe('button');
      expect(now.name).toMatch(/^.+, .+, \d+ relations?/);
      expect(now.ring).not.toBe('none');
      expect(now.tabStops).toBe(1);
      visited.push(now.id!);
    }
    expect(visited[visited.length - 1]).toBe('tanap');
    expect(new Set(visited)).toEqual(new Set(nodeIds));
    await page.press('ArrowLeft');
    expect((await focused()).id).toBe(visited[visited.length - 2]);

    // Enter on BOTAŞ opens its card and shows its relations; the focus stays on it.
    for (let i = 0; i < nodeIds.length && (await focused()).id !== 'botas'; i++) await page.press('ArrowRight');
    const botas = await focused();
    expect(botas.id).toBe('botas');
    // The name starts with what the node shows: its label, then its "+N" badge when it has one (label in name).
    expect(botas.name).toMatch(/^BOTAŞ( \+\d+)?, company, \d+ relations/);
    await page.press('Enter');
    await waitInPage(
      page,
      (n) =>
        document.querySelector('.ex-panel .lens-card')?.getAttribute('data-entity') === 'botas' &&
        document.querySelectorAll('svg.ex-chart [data-node-id]').length > n,
      "BOTAŞ's card and relations",
      10_000,
      nodeIds.length,
    );
    expect((await focused()).id).toBe('botas');

    // Tab leaves the map for the next control.
    await page.press('Tab');
    expect((await focused()).id).toBeNull();
    await page.close();
  });

  it('opens on 2020–2024 with every event of those years drawn and labelled, no label cut off or overlapping', async () => {
    const page = await openTimeline(lens);
    const range = openingRange(items)!;
    expect(range).toEqual([Date.UTC(2020, 0, 1), Date.UTC(2025, 0, 1)]);
    const expected = itemsWithin(items, range).map((i) => i.event.id);
    expect(expected.length).toBeGreaterThan(30);
    const d = await chartDrawing(page);
    expect(d, 'the chart, not the list it falls back to when too dense').not.toBeNull();
    const labelled = new Set(d!.labels.map((l) => l.id));
    expect(expected.filter((id) => !labelled.has(id))).toEqual([]);
    expect(d!.bare).toEqual([]);
    expect(d!.clusters).toEqual([]);
    expect(d!.labels.every((l) => l.text.trim().length > 1)).toBe(true);
    expect(labelFaults(d!)).toEqual({ cut: [], overlapping: [] });
    // A year wide enough to hold its label holds it: none spills after its band (a 2022 band's did, by rounding).
    const spilled = await page.evaluate(() =>
      Array.from(document.querySelectorAll('svg.ex-chart [data-precision="year"]'))
        .filter((g) => !g.closest('[display="none"]'))
        .filter((g) => {
          const band = g.querySelector('.ev-band')!.getBoundingClientRect();
          const label = g.querySelector('.ev-label');
          if (!label || label.closest('[display="none"]') || band.width < 120) return false;
          const r = label.getBoundingClientRect();
          return r.left < band.left || r.right > band.right;
        })
        .map((g) => g.getAttribute('data-event-id')),
    );
    expect(spilled).toEqual([]);
    await page.close();
  });

  it('zoomed out to 1990–2025 the lanes stay inside the chart: each event is labelled or counted in a cluster, which zooms in', async () => {
    const page = await openTimeline(lens, 'view=timeline&from=1990-01&to=2025-06');
    const d = (await chartDrawing(page))!;
    expect(d).not.toBeNull();
    // No tower of bare markers: what is drawn has its label; the rest is counted in the clusters' row.
    expect(d.bare).toEqual([]);
    expect(d.clusters.length).toBeGreaterThan(0);
    const inView = itemsWithin(items, [Date.UTC(1990, 0, 1), Date.UTC(2025, 6, 1)]).length;
    const counted = d.clusters.reduce((n, c) => n + c.count, 0);
    expect(d.labels.filter((l) => !l.id.startsWith('cluster-')).length + counted).toBeGreaterThanOrEqual(inView);
    expect(labelFaults(d)).toEqual({ cut: [], overlapping: [] });
    // Every row is inside the chart (the lanes were packed for its height).
    const rows = await page.evaluate(() =>
      Array.from(document.querySelectorAll('svg.ex-chart [data-event-id], svg.ex-chart .tl-cluster'))
        .filter((g) => !g.closest('[display="none"]'))
        .map((g) => g.getBoundingClientRect().bottom),
    );
    expect(Math.max(...rows)).toBeLessThanOrEqual(d.plot.bottom);
    // A cluster zooms into its period, where its events find room for their labels.
    const biggest = [...d.clusters].sort((a, b) => b.count - a.count)[0]!;
    const before = await page.evaluate(() => location.search);
    await page.click(biggest.cx, biggest.cy);
    await waitInPage(
      page,
      (was) => location.search !== was && location.search.includes('from='),
      'the zoom to the cluster',
      10_000,
      before,
    );
    await new Promise((r) => setTimeout(r, 800));
    const after = (await chartDrawing(page))!;
    expect(after.bare).toEqual([]);
    expect(after.labels.filter((l) => !l.id.startsWith('cluster-')).length).toBeGreaterThan(
      d.labels.filter((l) => !l.id.startsWith('cluster-')).length / 2,
    );
    expect(labelFaults(after)).toEqual({ cut: [], overlapping: [] });
    await page.close();
  });

  it('at 360 px wide nothing overflows sideways and every control is within reach, on the timeline, its list and the map', async () => {
    // The page in a 360 px frame of an extension page (the same origin, so the test reads into it): media queries
    // answer to the frame's width in both browsers.
    const host = await lens.openExtensionPage(explore('view=timeline&as=list'));
    const overflow = async (query: string) => {
      await host.evaluate((q) => {
        const frame = document.createElement('iframe');
        frame.style.cssText = 'width:360px;height:720px;border:0;display:block';
        frame.src = `explore.html?${q}`;
        document.body.replaceChildren(frame);
      }, query);
      await waitInPage(
        host,
        () => {
          const doc = document.querySelector('iframe')?.contentDocument;
          const ds = doc?.documentElement.dataset;
          const list = doc?.querySelector('.ex-events [data-event-id]');
          return !!ds && (ds.timelineReady === 'true' || ds.mapReady === 'true' || !!list);
        },
        `explore at 360 px (${query})`,
      );
      await new Promise((r) => setTimeout(r, 500));
      return host.evaluate(() => {
        const doc = document.querySelector('iframe')!.contentDocument!;
        const win = doc.defaultView!;
        const width = win.innerWidth;
        const clips = (el: Element) =>
          ['hidden', 'auto', 'scroll', 'clip'].includes(win.getComputedStyle(el).overflowX);
        /** Out of the frame sideways, and not inside something that scrolls or clips it within the frame. */
        const outside = (el: Element) => {
          const r = el.getBoundingClientRect();
          if (!r.width || !r.height || (r.left >= -1 && r.right <= width + 1)) return false;
          for (let p = el.parentElement; p && p !== doc.body; p = p.parentElement) {
            if (p.tagName.toLowerCase() === 'svg') return false; // the charts pan inside their own box
            if (clips(p)) {
              const b = p.getBoundingClientRect();
              if (b.left >= -1 && b.right <= width + 1) return false;
            }
          }
          return true;
        };
        const controls = Array.from(doc.querySelectorAll('button, a[href], select, input, textarea, [tabindex]'));
        return {
          width,
          scrollWidth: doc.documentElement.scrollWidth,
          controls: controls.filter((c) => c.getBoundingClientRect().width > 0).length,
          outside: Array.from(doc.body.querySelectorAll('*'))
            .filter(outside)
            .map(
              (el) =>
                `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} “${(el.textContent ?? '').slice(0, 30)}”`,
            ),
          unreachable: controls
            .filter((c) => c.getBoundingClientRect().width > 0 && outside(c))
            .map((c) => (c.textContent ?? c.getAttribute('aria-label') ?? '').slice(0, 30)),
        };
      });
    };
    for (const query of ['view=timeline&as=list', 'view=timeline&from=2020-01&to=2024-12', 'view=map&entity=tanap']) {
      const r = await overflow(query);
      expect(r.width, query).toBe(360);
      expect(r.scrollWidth, query).toBeLessThanOrEqual(361);
      expect(r.controls, query).toBeGreaterThan(5);
      expect(r.outside, query).toEqual([]);
      expect(r.unreachable, query).toEqual([]);
    }
    await host.close();
  });

  it('labels stay inside the drawing: none is cut off at the edges of the timeline or the map', async () => {
    const cutLabels = (page: LensPage) =>
      page.evaluate(() => {
        // The timeline clips its items to the plot area (#tl-clip, in the coordinates of the group it clips); the
        // map has the whole drawing.
        const clip = document.querySelector('#tl-clip rect');
        const items = document.querySelector('svg.ex-chart g.tl-items') as SVGGraphicsElement | null;
        const ctm = items?.getScreenCTM();
        const box =
          clip && ctm
            ? {
                left: ctm.e + Number(clip.getAttribute('x')),
                right: ctm.e + Number(clip.getAttribute('x')) + Number(clip.getAttribute('width')),
              }
            : document.querySelector('svg.ex-chart')!.getBoundingClientRect();
        const cut: string[] = [];
        let shown = 0;
        for (const t of Array.from(document.querySelectorAll('svg.ex-chart .ev-label, svg.ex-chart .mp-node-label'))) {
          if (t.closest('[display="none"]')) continue; // a label left out, or an item culled out of view
          const r = t.getBoundingClientRect();
          if (!r.width) continue;
          shown++;
          if (r.left < box.left - 1 || r.right > box.right + 1) cut.push(t.textContent ?? '');
        }
        return { shown, cut };
      });
    const page = await openTimeline(lens, 'view=timeline&from=2015-06&to=2024-06');
    let labels = await cutLabels(page);
    expect(labels.shown).toBeGreaterThan(20);
    expect(labels.cut).toEqual([]);
    // After panning, with other items at the edges.
    await page.evaluate(() => (document.querySelector('.ex-stage') as HTMLElement).focus());
    for (const key of ['ArrowRight', 'ArrowLeft', 'ArrowLeft']) {
      await page.press(key);
      await new Promise((r) => setTimeout(r, 500));
      labels = await cutLabels(page);
      expect(labels.shown).toBeGreaterThan(20);
      expect(labels.cut).toEqual([]);
    }
    await page.close();

    const map = await lens.openExtensionPage(explore('view=map&entity=botas&hops=2'));
    await waitInPage(map, () => document.documentElement.dataset.mapReady === 'true', 'the map');
    await new Promise((r) => setTimeout(r, 800));
    labels = await cutLabels(map);
    expect(labels.shown).toBeGreaterThan(5);
    expect(labels.cut).toEqual([]);
    await map.close();
  });

  it('logs no errors', async () => {
    expect(await lens.consoleErrors()).toEqual([]);
  });
});
