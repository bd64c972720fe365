/**
 * Page object for the explore page (explore.html): the timeline, its list, the map, its table, the side panel with
 * the card, the entity search and the export dialog. Selectors live here, so the tests read as what a reader does
 * and sees. Charts are read from the real layout (getBoundingClientRect), in viewport px.
 */
import { waitInPage, type ExtensionPageName, type LensBrowser, type LensPage } from '../../../automation/lens-browser';
import { textMatching } from './own-form';

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

/** One link of the map: its endpoints' ids (`a~b`), its relation types and its label. */
interface MapLink {
  id: string;
  relations: string;
  label: string;
}

/** The element that has the keyboard focus, as the map's keyboard test reads it. */
interface FocusedNode {
  id: string | null;
  role: string | null;
  name: string | null;
  /** The focus ring's display (null when the focused element has none). */
  ring: string | null;
  /** How many map nodes are in the tab order (one at a time: a roving tabindex). */
  tabStops: number;
}

/** What the export dialog offers, read from its two links (the SVG parsed as a document). */
interface ExportResult {
  parseErrors: number;
  root: string;
  ns: string | null;
  title: string;
  caption: string;
  marks: number;
  download: string | null;
  pngMagic: number[];
  shownCaption: string;
}

/** At a width, what overflows sideways and which controls are out of reach (see ExplorePage.overflowAt). */
interface Overflow {
  width: number;
  scrollWidth: number;
  controls: number;
  outside: string[];
  unreachable: string[];
}

/** How the map reads (see ExplorePage.mapReading). */
interface MapReading {
  nodes: number;
  firstHop: number;
  /** The direct neighbours' families, going round the centre. */
  ringOrder: string[];
  smallestText: { px: number; text: string };
  /** Pairs of boxes on the screen that intersect: any two texts (names, link kinds, "+N"), or a text and another
   * node's shape. */
  overlapping: string[];
  /** Links drawn, and how many of them show their kind in words. */
  links: number;
  linkLabels: number;
  /** Nodes (shape and name) not wholly inside the map's box. */
  outside: number;
  status: string | null;
  showMore: string | null;
  twoHops: string | null;
  larger: string | null;
}

/** A legend's entries beside what its chart draws, by the same keys. */
interface LegendAndDrawing {
  legend: { families: string[]; kinds: string[]; words: Record<string, string> };
  drawn: { families: string[]; kinds: string[] };
}

type View = 'timeline' | 'map';

export class ExplorePage {
  private constructor(readonly page: LensPage) {}

  /**
   * Opens explore.html with a query string (`view=timeline`, `view=map&entity=tanap`…) and waits until the view the
   * query asks for is laid out (`wait: null` only waits for the page to load).
   */
  static async open(lens: LensBrowser, query: string, wait: View | 'any' | null = viewOf(query)): Promise<ExplorePage> {
    const explore = new ExplorePage(await lens.openExtensionPage(`explore.html?${query}` as ExtensionPageName));
    if (wait === 'any') await explore.waitForAnyView();
    else if (wait) await explore.waitForView(wait);
    return explore;
  }

  close(): Promise<void> {
    return this.page.close();
  }

  press(keys: string): Promise<void> {
    return this.page.press(keys);
  }

  click(x: number, y: number): Promise<void> {
    return this.page.click(x, y);
  }

  /** The page's query string (the view's state follows it). */
  search(): Promise<string> {
    return this.page.evaluate(() => location.search);
  }

  waitForSearch(search: string): Promise<unknown> {
    return waitInPage(this.page, (s) => location.search === s, `the URL to read ${search}`, 10_000, search);
  }

  /** Waits until the query string differs from `was` and zooms to a range (`from=`). */
  waitForZoomFrom(was: string): Promise<unknown> {
    return waitInPage(
      this.page,
      (was) => location.search !== was && location.search.includes('from='),
      'the zoom to a period',
      10_000,
      was,
    );
  }

  /** Waits until the timeline or the map has laid out (the page marks its root when it has). */
  waitForView(view: View): Promise<unknown> {
    return waitInPage(
      this.page,
      (view) => document.documentElement.dataset[view === 'timeline' ? 'timelineReady' : 'mapReady'] === 'true',
      `the ${view} to lay out`,
      10_000,
      view,
    );
  }

  private waitForAnyView(): Promise<unknown> {
    return waitInPage(
      this.page,
      () => document.documentElement.dataset.timelineReady || document.documentElement.dataset.mapReady,
      'the view',
    );
  }

  /**
   * Waits until the chart stands still: no mark, label or group of the chart moved for several animation frames
   * running (a d3 zoom transition or a glide is over). State, not a sleep: it returns as soon as the motion ends.
   * Returns in how many frames something had moved (0: it stood still all along).
   */
  waitForStill(): Promise<number> {
    return this.page.evaluate(
      () =>
        new Promise<number>((done, fail) => {
          const STILL_FRAMES = 6;
          const started = performance.now();
          const signature = () => {
            const parts: string[] = [];
            for (const el of document.querySelectorAll(
              'svg.ex-chart g, svg.ex-chart .ev-label, svg.ex-chart .mp-node-label',
            )) {
              if (el.closest('[display="none"]')) continue;
              const r = el.getBoundingClientRect();
              parts.push(`${Math.round(r.left)},${Math.round(r.top)},${Math.round(r.width)}`);
            }
            return parts.join(';');
          };
          let last = signature();
          let still = 0;
          let moved = 0;
          const tick = () => {
            const now = signature();
            if (now === last) still++;
            else [still, moved] = [0, moved + 1];
            last = now;
            if (still >= STILL_FRAMES) return done(moved);
            if (performance.now() - started > 10_000) return fail(new Error('the chart kept moving for 10 s'));
            requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        }),
    );
  }

  // ---- The timeline and its list ----

  /** The ids of every event the timeline chart has drawn (in view or not). */
  eventIds(): Promise<string[]> {
    return this.page.evaluate(() =>
      Array.from(document.querySelectorAll('svg.ex-chart [data-event-id]')).map((el) =>
        el.getAttribute('data-event-id')!,
      ),
    );
  }

  /** Waits until the chart holds `count` events. */
  waitForEventCount(count: number, what = `${count} events on the timeline`): Promise<unknown> {
    return waitInPage(
      this.page,
      (n) => document.querySelectorAll('svg.ex-chart [data-event-id]').length === n,
      what,
      10_000,
      count,
    );
  }

  /** Each event's date precision and the shape drawn for it: a dot, a pill or a band. */
  eventShapes(): Promise<[string | null, string][]> {
    return this.page.evaluate(() =>
      Array.from(document.querySelectorAll('svg.ex-chart [data-event-id]')).map(
        (g) =>
          [
            g.getAttribute('data-precision'),
            g.querySelector('circle.ev-mark') ? 'dot' : g.querySelector('rect.ev-band') ? 'band' : 'pill',
          ] as [string | null, string],
      ),
    );
  }

  /** Presses a button of the view switch ("List", "Chart", "Table", "Map"). */
  switchTo(label: string): Promise<void> {
    return this.page.evaluate((label) => {
      const button = Array.from(document.querySelectorAll('.ex-seg button')).find((b) => b.textContent === label);
      if (!button) throw new Error(`no view button "${label}"`);
      (button as HTMLElement).click();
    }, label);
  }

  /** The event ids of the timeline's list, once it shows rows. */
  listedEventIds(): Promise<string[]> {
    return waitInPage(
      this.page,
      () => {
        const rows = document.querySelectorAll('.ex-events [data-event-id]');
        return rows.length ? Array.from(rows).map((r) => r.getAttribute('data-event-id')!) : null;
      },
      'the list',
    );
  }

  /** The list's dates as written, by their machine-readable value (`2022-08-24` → `24 Aug 2022`). */
  listedDates(): Promise<Record<string, string | null>> {
    return this.page.evaluate(() =>
      Object.fromEntries(
        Array.from(document.querySelectorAll('.ex-event time')).map((t) => [t.getAttribute('datetime'), t.textContent]),
      ),
    );
  }

  /** Chooses a country in the filter, as the select would on a change. */
  filterByCountry(country: string): Promise<void> {
    return this.page.evaluate((country) => {
      const select = document.querySelector('select[name="country"]') as HTMLSelectElement;
      select.value = country;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }, country);
  }

  /** The line saying how many events the timeline shows. */
  countLine(): Promise<string | null> {
    return this.page.evaluate(() => document.querySelector('[data-testid="timeline-count"]')?.textContent ?? null);
  }

  /** Clicks an event on the timeline. */
  clickEvent(id: string): Promise<void> {
    return this.page.evaluate((id) => {
      const g = document.querySelector(`svg.ex-chart [data-event-id="${id}"]`);
      if (!g) throw new Error(`no event ${id} on the timeline`);
      g.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    }, id);
  }

  /** What the timeline draws now (null when it shows no chart: the list it falls back to when too dense). */
  drawing(): Promise<ChartDrawing | null> {
    return this.page.evaluate((): ChartDrawing | null => {
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
  }

  /** Year-precision events wide enough to hold their label (120 px) whose label spills out of their band. */
  spilledYearLabels(): Promise<(string | null)[]> {
    return this.page.evaluate(() =>
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
  }

  /** The bottom edge of every row drawn in view (events and clusters). */
  rowBottoms(): Promise<number[]> {
    return this.page.evaluate(() =>
      Array.from(document.querySelectorAll('svg.ex-chart [data-event-id], svg.ex-chart .tl-cluster'))
        .filter((g) => !g.closest('[display="none"]'))
        .map((g) => g.getBoundingClientRect().bottom),
    );
  }

  /**
   * Labels shown on the chart (timeline events' and axis dates, or map nodes'), and those cut by its edges: the
   * timeline clips its items and axis to the plot area (#tl-clip, in the coordinates of the group it clips); the map
   * has the whole drawing.
   */
  cutLabels(): Promise<{ shown: number; cut: string[] }> {
    return this.page.evaluate(() => {
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
      for (const t of Array.from(
        document.querySelectorAll(
          'svg.ex-chart .ev-label, svg.ex-chart .tl-axis .tick text, svg.ex-chart .mp-node-label',
        ),
      )) {
        if (t.closest('[display="none"]')) continue; // a label left out, or an item culled out of view
        const r = t.getBoundingClientRect();
        if (!r.width) continue;
        shown++;
        if (r.left < box.left - 1 || r.right > box.right + 1) cut.push(t.textContent ?? '');
      }
      return { shown, cut };
    });
  }

  /** Focuses the chart's stage (one tab stop: its keys pan and zoom). */
  focusStage(): Promise<void> {
    return this.page.evaluate(() => (document.querySelector('.ex-stage') as HTMLElement).focus());
  }

  // ---- The map and its table ----

  /** Waits until the map is laid out around `id`. */
  waitForMapCentre(id: string, what = `the map around ${id}`): Promise<unknown> {
    return waitInPage(
      this.page,
      (id) =>
        document.documentElement.dataset.mapReady === 'true' &&
        document.querySelector('svg.ex-chart')?.getAttribute('data-centre') === id,
      what,
      10_000,
      id,
    );
  }

  nodeIds(): Promise<string[]> {
    return this.page.evaluate(() =>
      Array.from(document.querySelectorAll('svg.ex-chart [data-node-id]')).map((g) => g.getAttribute('data-node-id')!),
    );
  }

  links(): Promise<MapLink[]> {
    return this.page.evaluate(() =>
      Array.from(document.querySelectorAll('svg.ex-chart [data-link-id]')).map((g) => ({
        id: g.getAttribute('data-link-id')!,
        relations: g.getAttribute('data-relations')!,
        label: g.querySelector('.mp-link-label')?.textContent ?? '',
      })),
    );
  }

  /** The links of a node drawn without their words at rest (`a~b` ids). */
  unlabelledLinksOf(id: string): Promise<string[]> {
    return this.page.evaluate(
      (id) =>
        [...document.querySelectorAll('svg.ex-chart .mp-link')]
          .map((g) => g.getAttribute('data-link-id')!)
          .filter((l, i, all) => l.split('~').includes(id) && all.indexOf(l) === i)
          .filter((l) => !document.querySelector(`.mp-link[data-link-id="${CSS.escape(l)}"] .mp-link-label`)),
      id,
    );
  }

  /** The link words shown on demand now (for the hovered or focused node), by link, with their size in screen px. */
  onDemandLabels(): Promise<{ link: string; text: string; px: number }[]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll<SVGTextElement>('svg.ex-chart .mp-link-label-on-demand')]
        .filter((t) => t.getBoundingClientRect().width > 0)
        .map((t) => ({
          link: t.getAttribute('data-for-link')!,
          text: t.textContent ?? '',
          px: parseFloat(getComputedStyle(t).fontSize) * (t.getScreenCTM()?.a ?? 1),
        })),
    );
  }

  /**
   * What the map reads like: its nodes by depth, the families of the direct neighbours in the order they go round the
   * centre (by angle), the smallest text it draws in screen px (font size times the zoom), texts that overlap another
   * text or a node, how many links say their kind, and the notes and counts around it ("Show N more", two hops, a map larger than the window).
   */
  mapReading(): Promise<MapReading> {
    return this.page.evaluate((): MapReading => {
      const svg = document.querySelector('svg.ex-chart')!;
      const shown = (el: Element) => !el.closest('[display="none"]') && el.getBoundingClientRect().width > 0;
      const familyOf = (g: Element) => [...g.classList].find((c) => c.startsWith('f-'))!.slice(2);
      const centre = svg.querySelector('.mp-node.is-centre .mp-shape')!.getBoundingClientRect();
      const [cx, cy] = [centre.left + centre.width / 2, centre.top + centre.height / 2];
      const ringOne = [...svg.querySelectorAll('.mp-node.depth-1')].map((g) => {
        const r = g.querySelector('.mp-shape')!.getBoundingClientRect();
        return { family: familyOf(g), angle: Math.atan2(r.top + r.height / 2 - cy, r.left + r.width / 2 - cx) };
      });
      let smallest = { px: Infinity, text: '' };
      for (const t of svg.querySelectorAll<SVGTextElement>('text')) {
        if (!shown(t)) continue;
        const px = parseFloat(getComputedStyle(t).fontSize) * (t.getScreenCTM()?.a ?? 1);
        if (px < smallest.px) smallest = { px, text: t.textContent ?? '' };
      }
      // An element's own box (its glyph cells or its path, without the halo or stroke around it: Firefox counts the
      // stroke in getBoundingClientRect, Chromium does not), in screen px.
      const screenBox = (el: SVGGraphicsElement) => {
        const b = el.getBBox();
        const m = el.getScreenCTM()!;
        const xs = [b.x, b.x + b.width].flatMap((x) => [b.y, b.y + b.height].map((y) => m.a * x + m.c * y + m.e));
        const ys = [b.x, b.x + b.width].flatMap((x) => [b.y, b.y + b.height].map((y) => m.b * x + m.d * y + m.f));
        return { left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) };
      };
      // Every text drawn (names, link kinds, "+N" badges) and every node's shape, as boxes on the screen.
      const boxes = [
        ...[...svg.querySelectorAll<SVGTextElement>('text')].map((t) => ({
          what: `"${t.textContent ?? ''}"`,
          text: true,
          el: t,
        })),
        ...[...svg.querySelectorAll('.mp-node .mp-shape')].map((s) => ({
          what: `${s.closest('.mp-node')!.getAttribute('data-node-id')}'s shape`,
          text: false,
          el: s,
        })),
      ]
        .filter((b) => shown(b.el) && getComputedStyle(b.el).display !== 'none')
        .map((b) => ({ ...b, node: b.el.closest('.mp-node'), r: screenBox(b.el as SVGGraphicsElement) }));
      const overlapping: string[] = [];
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i]!, boxes[j]!];
          // Two shapes may touch (the layout keeps nodes apart, not their boxes), and a node's own name and badge
          // are set beside its shape; any other text meets nothing.
          if (!a.text && !b.text) continue;
          if (a.node && a.node === b.node) continue;
          if (
            Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left) > 1 &&
            Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top) > 1
          )
            overlapping.push(`${a.what} / ${b.what}`);
        }
      const box = svg.getBoundingClientRect();
      const outside = [...svg.querySelectorAll('.mp-node')].filter((g) => {
        const r = g.getBoundingClientRect();
        return r.left < box.left || r.right > box.right || r.top < box.top || r.bottom > box.bottom;
      }).length;
      const text = (selector: string) => document.querySelector(selector)?.textContent ?? null;
      return {
        nodes: svg.querySelectorAll('.mp-node').length,
        firstHop: ringOne.length,
        ringOrder: ringOne.sort((a, b) => a.angle - b.angle).map((n) => n.family),
        smallestText: smallest,
        overlapping,
        links: svg.querySelectorAll('.mp-link').length,
        linkLabels: [...svg.querySelectorAll('.mp-link-label')].filter(shown).length,
        outside,
        status: text('[data-testid="map-status"]'),
        showMore: text('[data-testid="map-show-more"]'),
        twoHops: text('[data-testid="map-two-hops"]'),
        larger: text('[data-testid="map-larger"]'),
      };
    });
  }

  /** Presses the map's "Show N more" and waits until more direct neighbours than `before` are drawn. */
  async showMoreNeighbours(before: number): Promise<void> {
    await this.page.evaluate(() =>
      (document.querySelector('[data-testid="map-show-more"]') as HTMLButtonElement).click(),
    );
    await waitInPage(
      this.page,
      (n) => document.querySelectorAll('svg.ex-chart .mp-node.depth-1').length > n,
      'more neighbours on the map',
      10_000,
      before,
    );
  }

  /** Presses "One hop" or "Two hops" and waits until the map has laid out `hops` rings. */
  async chooseHops(label: string, hops: 1 | 2): Promise<void> {
    await this.page.evaluate((label) => {
      const button = [...document.querySelectorAll<HTMLButtonElement>('.ex-seg button')].find(
        (b) => b.textContent === label,
      );
      if (!button) throw new Error(`no button "${label}"`);
      button.click();
    }, label);
    await waitInPage(
      this.page,
      (hops) => !!document.querySelector(`svg.ex-chart .mp-node.depth-${hops}`) === (hops === 2),
      `the map at ${hops} hops`,
      10_000,
      hops,
    );
  }

  /**
   * The map's legend beside what the map draws: the families of its nodes, and the kinds of link and badge, each by
   * the legend's own keys (`named`: a relation a source names; `share`; `generic`; `more`: a "+N" badge).
   * Also each badge's explanation as the node gives it (its tooltip), and the legend's words for each entry.
   */
  mapLegend(): Promise<LegendAndDrawing & { badges: { badge: string; title: string }[] }> {
    return this.page.evaluate(() => {
      const svg = document.querySelector('svg.ex-chart')!;
      const legend = document.querySelector('[data-testid="map-legend"]')!;
      const drawnLinks = new Set<string>();
      for (const link of svg.querySelectorAll('.mp-link')) {
        const types = (link.getAttribute('data-relations') ?? '').split(' ');
        if (link.classList.contains('mp-link-share')) drawnLinks.add('share');
        if (link.classList.contains('mp-link-generic')) drawnLinks.add('generic');
        if (types.some((t) => t !== 'related-to' && t !== 'shareholder-of')) drawnLinks.add('named');
        if (!link.querySelector('.mp-link-label')) drawnLinks.add('unlabelled');
      }
      const badges = [...svg.querySelectorAll('.mp-node-more')]
        .filter((b) => b.getBoundingClientRect().width > 0)
        .map((b) => ({
          badge: b.textContent ?? '',
          title: b.closest('.mp-node')?.querySelector('title')?.textContent ?? '',
        }));
      if (badges.length) drawnLinks.add('more');
      const families = [...svg.querySelectorAll('.mp-node')].map((g) =>
        [...g.classList].find((c) => c.startsWith('f-'))!.slice(2),
      );
      return {
        legend: {
          families: [...legend.querySelectorAll('[data-family]')].map((li) => li.getAttribute('data-family')!).sort(),
          kinds: [...legend.querySelectorAll('[data-link]')].map((li) => li.getAttribute('data-link')!).sort(),
          words: Object.fromEntries(
            [...legend.querySelectorAll('[data-link]')].map((li) => [
              li.getAttribute('data-link'),
              li.textContent ?? '',
            ]),
          ),
        },
        drawn: { families: [...new Set(families)].sort(), kinds: [...drawnLinks].sort() },
        badges,
      };
    });
  }

  /**
   * The timeline's legend beside what the chart draws: the families its events are coloured by, their date
   * precisions, and whether clusters are drawn (`cluster` among the kinds), over every event the chart holds.
   */
  timelineLegend(): Promise<LegendAndDrawing> {
    return this.page.evaluate(() => {
      const svg = document.querySelector('svg.ex-chart')!;
      const legend = document.querySelector('[data-testid="timeline-legend"]')!;
      const events = [...svg.querySelectorAll('[data-event-id]')];
      const clusters = [...svg.querySelectorAll('.tl-cluster[data-cluster]')].filter(
        (g) => !g.closest('[display="none"]'),
      );
      const families = events.map((g) => [...g.classList].find((c) => c.startsWith('f-'))!.slice(2));
      const precisions = events.map((g) => g.getAttribute('data-precision')!);
      return {
        legend: {
          families: [...legend.querySelectorAll('[data-family]')].map((li) => li.getAttribute('data-family')!).sort(),
          kinds: [
            ...[...legend.querySelectorAll('[data-precision]')].map((li) => li.getAttribute('data-precision')!),
            ...(legend.querySelector('[data-legend="cluster"]') ? ['cluster'] : []),
          ].sort(),
          words: {},
        },
        drawn: {
          families: [...new Set(families)].sort(),
          kinds: [...new Set(precisions), ...(clusters.length ? ['cluster'] : [])].sort(),
        },
      };
    });
  }

  /** The map's table, row by row and cell by cell, once it has rows. */
  tableRows(): Promise<string[][]> {
    return waitInPage(
      this.page,
      () => {
        const trs = document.querySelectorAll('[data-testid="map-table"] tbody tr');
        return trs.length
          ? Array.from(trs).map((tr) => Array.from(tr.children).map((c) => c.textContent?.trim() ?? ''))
          : null;
      },
      'the table',
    );
  }

  /** The focused element as the map's keyboard use sees it. */
  focused(): Promise<FocusedNode> {
    return this.page.evaluate(() => {
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
  }

  /** Waits until the side panel shows `id`'s card and the map has more than `nodes` nodes (its relations opened). */
  waitForExpanded(id: string, nodes: number): Promise<unknown> {
    return waitInPage(
      this.page,
      ({ id, nodes }) =>
        document.querySelector('.ex-panel .lens-card')?.getAttribute('data-entity') === id &&
        document.querySelectorAll('svg.ex-chart [data-node-id]').length > nodes,
      `${id}'s card and relations`,
      10_000,
      { id, nodes },
    );
  }

  /** Types into the entity search and, once it suggests something, takes the first suggestion with Enter. */
  async searchFor(text: string): Promise<void> {
    await this.page.evaluate((text) => {
      const input = document.querySelector('input[role="combobox"]') as HTMLInputElement;
      input.focus();
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, text);
    await waitInPage(
      this.page,
      () => document.querySelector('[role="option"]')?.getAttribute('data-entity-id'),
      'suggestions',
    );
    await this.page.evaluate(() =>
      document
        .querySelector('input[role="combobox"]')!
        .dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })),
    );
  }

  /** Waits until the chart is centred on `id` (before the map is marked ready again). */
  waitForCentre(id: string): Promise<unknown> {
    return waitInPage(
      this.page,
      (id) => document.querySelector('svg.ex-chart')?.getAttribute('data-centre') === id,
      `${id} at the centre`,
      10_000,
      id,
    );
  }

  /** Waits until the timeline shows `count` events under an entity's pill (the timeline for one entity). */
  waitForEntityTimeline(count: number, what: string): Promise<unknown> {
    return waitInPage(
      this.page,
      (n) =>
        document.querySelectorAll('svg.ex-chart [data-event-id]').length === n && !!document.querySelector('.ex-pill'),
      what,
      10_000,
      count,
    );
  }

  // ---- The side panel ----

  /** The panel's card entity, event and quote, once both the card and the event show. */
  panel(): Promise<{ entity: string | null; event: string | null; quote: string | null | undefined }> {
    return waitInPage(
      this.page,
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
  }

  /** Clicks the side panel's action whose text contains `text` ("on the map", "on the timeline"). */
  panelAction(text: string): Promise<void> {
    return this.page.evaluate((t) => {
      const button = Array.from(document.querySelectorAll('.ex-panel-actions button')).find((b) =>
        (b.textContent ?? '').includes(t),
      );
      if (!button) throw new Error(`no panel action with "${t}"`);
      (button as HTMLElement).click();
    }, text);
  }

  // ---- The reader's own material ("Your material", a layer beside the charts) ----

  /** Whether the own-material layer is shown. */
  ownLayerShown(): Promise<boolean> {
    return this.page.evaluate(() => !!document.querySelector('[data-own-layer]'));
  }

  /** Presses the top bar's switch labelled `label` (the layer's switch, "Your material"). */
  toggleOwnLayer(label: string): Promise<void> {
    return this.page.evaluate((label) => {
      const button = [...document.querySelectorAll<HTMLButtonElement>('.ex-top-tools button')].find(
        (b) => b.textContent?.trim() === label,
      );
      if (!button) throw new Error(`no switch "${label}"`);
      button.click();
    }, label);
  }

  waitForNoOwnLayer(): Promise<unknown> {
    return waitInPage(this.page, () => !document.querySelector('[data-own-layer]'), 'the layer switched off');
  }

  /** A part of the layer ("sources", "names"), once its text matches `pattern`. */
  ownLayerPart(part: 'sources' | 'names', pattern: RegExp, what: string): Promise<string> {
    return textMatching(this.page, `[data-own-layer] [data-part="${part}"]`, pattern, what);
  }

  /** Presses the button of the layer's part whose text starts with `prefix` (a name, opening its card). */
  openFromOwnLayer(part: 'sources' | 'names', prefix: string): Promise<void> {
    return this.page.evaluate(
      ({ part, prefix }) => {
        const button = [
          ...document.querySelectorAll<HTMLButtonElement>(`[data-own-layer] [data-part="${part}"] button`),
        ].find((b) => b.textContent?.trim().startsWith(prefix));
        if (!button) throw new Error(`no button "${prefix}…" in ${part}`);
        button.click();
      },
      { part, prefix },
    );
  }

  /** The side panel's text once it matches `pattern`. */
  panelText(pattern: RegExp, what: string): Promise<string> {
    return textMatching(this.page, '.ex-panel', pattern, what);
  }

  // ---- Export ----

  /** Opens the export dialog, waits for its PNG, and reads both files (the SVG parsed as a document). */
  async exportFiles(): Promise<ExportResult> {
    await this.page.evaluate(() =>
      (
        Array.from(document.querySelectorAll('button')).find((b) => b.textContent?.startsWith('Export')) as HTMLElement
      ).click(),
    );
    await waitInPage(this.page, () => !!document.querySelector('[data-testid="export-png"]'), 'the PNG');
    return this.page.evaluate(async () => {
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
  }

  // ---- Narrow windows ----

  /**
   * Loads explore with `query` in a frame `width` px wide inside this page (same origin, so the test reads into it;
   * media queries answer to the frame's width in both browsers), waits until its view is laid out and still, and
   * reports what overflows sideways and which controls are out of reach.
   */
  async overflowAt(width: number, query: string): Promise<Overflow> {
    await this.page.evaluate(
      ({ q, width }) => {
        const frame = document.createElement('iframe');
        frame.style.cssText = `width:${width}px;height:720px;border:0;display:block`;
        frame.src = `explore.html?${q}`;
        document.body.replaceChildren(frame);
      },
      { q: query, width },
    );
    await waitInPage(
      this.page,
      () => {
        const doc = document.querySelector('iframe')?.contentDocument;
        const ds = doc?.documentElement.dataset;
        const list = doc?.querySelector('.ex-events [data-event-id]');
        return !!ds && (ds.timelineReady === 'true' || ds.mapReady === 'true' || !!list);
      },
      `explore at ${width} px (${query})`,
    );
    await this.waitForFrameStill();
    return this.page.evaluate(() => {
      const doc = document.querySelector('iframe')!.contentDocument!;
      const win = doc.defaultView!;
      const width = win.innerWidth;
      const clips = (el: Element) => ['hidden', 'auto', 'scroll', 'clip'].includes(win.getComputedStyle(el).overflowX);
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
  }

  /** The timeline in the frame overflowAt loaded: its note when it fell back to the list, the events listed, a chart. */
  framedTimeline(): Promise<{ note: string | null; listed: string[]; chart: boolean }> {
    return this.page.evaluate(() => {
      const doc = document.querySelector('iframe')!.contentDocument!;
      return {
        note: doc.querySelector('[data-testid="timeline-dense"]')?.textContent ?? null,
        listed: [...doc.querySelectorAll('.ex-events [data-event-id]')].map((r) => r.getAttribute('data-event-id')!),
        chart: !!doc.querySelector('svg.ex-chart [data-event-id]'),
      };
    });
  }

  /** Waits until nothing in the framed page moves or changes size for several animation frames running. */
  private waitForFrameStill(): Promise<unknown> {
    return this.page.evaluate(
      () =>
        new Promise<boolean>((done, fail) => {
          const doc = document.querySelector('iframe')!.contentDocument!;
          const started = performance.now();
          const signature = () =>
            Array.from(doc.body.querySelectorAll('*'))
              .map((el) => {
                const r = el.getBoundingClientRect();
                return `${Math.round(r.left)},${Math.round(r.top)},${Math.round(r.width)},${Math.round(r.height)}`;
              })
              .join(';');
          let last = signature();
          let still = 0;
          const tick = () => {
            const now = signature();
            still = now === last ? still + 1 : 0;
            last = now;
            if (still >= 6) return done(true);
            if (performance.now() - started > 10_000) return fail(new Error('the framed page kept moving for 10 s'));
            requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        }),
    );
  }
}

/** The view a query string opens (the page opens on the timeline unless told otherwise). */
function viewOf(query: string): View {
  return /(^|&)view=map(&|$)/.test(query) ? 'map' : 'timeline';
}

/** Labels cut by the plot's edges, and pairs of labels that overlap (by more than a pixel's rounding). */
export function labelFaults(d: ChartDrawing): { cut: string[]; overlapping: string[] } {
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
