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
    expect(botas.name).toMatch(/^BOTAŞ, company, \d+ relations/);
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
