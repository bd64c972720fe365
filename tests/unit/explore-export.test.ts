import { describe, expect, it } from 'vitest';
import factBaseJson from '~/data/factbase.json';
import type { FactBase } from '~/lib/factbase/types';
import { captionText, citationsFor, truncateText, wrapText } from '~/lib/explore/caption';
import { composeSvg, escapeXml, resolveCssVars } from '~/lib/explore/svg-export';
import { exploreHref, exploreSearch, parseExploreSearch } from '~/lib/explore/url-state';

const base = factBaseJson as unknown as FactBase;
const measure = (s: string) => s.length * 7;

describe('citations', () => {
  it('cites an edited volume once, with each cited chapter by its author, affiliation, title and standpoint', () => {
    const tanap = base.entities.find((e) => e.id === 'tanap')!;
    const evidence = tanap.relations.flatMap((r) => (r.evidence ? [r.evidence] : []));
    const citations = citationsFor([evidence], base.sources);
    expect(citations).toHaveLength(1);
    const volume = citations[0]!;
    expect(volume.sourceId).toBe('silk-road-2024');
    expect(volume.text).toMatch(
      /^Svante E\. Cornell \(ed\.\), Türkiye's Return to Central Asia and the Caucasus \(Central Asia-Caucasus Institute/,
    );
    expect(volume.text).toContain(', chapters: ');
    expect(volume.text).toContain(
      "Brenda Shaffer (U.S. Naval Postgraduate School), “Türkiye's Energy Engagement in Central Asia and the Caucasus” [Western analyst]",
    );
    expect(volume.text).toContain(
      'Ali Hajizade (Baku-based Hacizade Group), “Türkiye-Azerbaijan Relations: the Building of an Alliance” [Baku-based analyst]',
    );
    expect(volume.text).not.toContain('(each chapter has its own standpoint)');
    expect(volume.count).toBe(1);
  });

  it('cites an article without authors by its publisher', () => {
    const ev = base.events.find((e) => e.evidence?.source === 'ne-pan-turanism')!.evidence!;
    const [c] = citationsFor([[ev]], base.sources);
    expect(c!.text).toBe(
      'News Explained, “The gates of Central Asia are opening to Pan-Turanism” (16 Aug 2022) [Armenian outlet]',
    );
  });

  it('counts each shown item once per document and keeps the fact base order', () => {
    const ev = base.events.find((e) => e.evidence?.source === 'collinsworth-middle-corridor')!.evidence!;
    const first = base.events.find((e) => e.evidence?.source === 'ne-pan-turanism')!.evidence!;
    const citations = citationsFor([[ev, ev], [ev], [first]], base.sources);
    expect(citations.map((c) => c.sourceId)).toEqual(['ne-pan-turanism', 'collinsworth-middle-corridor']);
    expect(citations[1]!.count).toBe(2);
    expect(captionText('T', citations).sources).toMatch(
      /^Sources, quoted verbatim in Caspian Lens: News Explained.* — Allen Collinsworth.*\.$/,
    );
  });
});

describe('text fitting', () => {
  it('wraps at word boundaries within the width', () => {
    const lines = wrapText('one two three four five six seven', 70, measure);
    expect(lines.join(' ')).toBe('one two three four five six seven');
    for (const l of lines) expect(measure(l)).toBeLessThanOrEqual(70);
  });
  it('truncates with an ellipsis', () => {
    expect(truncateText('short', 100, measure)).toBe('short');
    const t = truncateText('a rather long event title here', 70, measure);
    expect(t.endsWith('…')).toBe(true);
    expect(measure(t)).toBeLessThanOrEqual(70);
  });
});

describe('SVG export', () => {
  it('escapes text for XML', () => {
    expect(escapeXml(`a<b & "c" 'd'>\u0001`)).toBe('a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;');
  });

  it('resolves custom properties, with fallbacks and nesting', () => {
    const css = '.a{fill:var(--x);stroke:var(--y, #000)} .b{color:var(--z, var(--x))} .c{color:var(--q)}';
    expect(resolveCssVars(css, { '--x': '#123', y: 'red' })).toBe(
      '.a{fill:#123;stroke:red} .b{color:#123} .c{color:var(--q)}',
    );
  });

  it('composes a standalone document with the caption below the view', () => {
    const svg = composeSvg({
      width: 400,
      height: 200,
      body: '<g><circle r="4"/></g>',
      css: '.x { fill: red; } ]]> trap',
      colors: { background: '#fff', text: '#111', muted: '#555', rule: '#ddd' },
      fontFamily: 'system-ui, sans-serif',
      title: 'Timeline & map',
      description: 'Sources: “A” <b>',
      captionLines: [{ text: 'Title', strong: true }, { text: 'Sources: A & B' }],
    });
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg).toContain('<title>Timeline &amp; map</title>');
    expect(svg).toContain('Sources: A &amp; B');
    expect(svg).toContain(']]]]><![CDATA[>');
    expect(svg).toMatch(/height="(\d+)"/);
    const h = Number(/height="(\d+)"/.exec(svg)![1]);
    expect(h).toBeGreaterThan(200);
  });
});

describe('explore URLs', () => {
  it('round-trips state and drops defaults', () => {
    const s = parseExploreSearch('?view=map&entity=tanap&hops=2');
    expect(s).toMatchObject({ view: 'map', entity: 'tanap', hops: 2, as: 'chart' });
    expect(parseExploreSearch(exploreSearch(s))).toEqual(s);
    expect(exploreHref('timeline', 'erdogan')).toBe('explore.html?view=timeline&entity=erdogan');
    expect(parseExploreSearch('?view=bogus&entity=<script>').view).toBe('timeline');
    expect(parseExploreSearch('?entity=<script>').entity).toBeUndefined();
    const range = parseExploreSearch('?view=timeline&from=2016-06&to=2024');
    expect(range).toMatchObject({ from: '2016-06', to: '2024' });
    expect(exploreSearch(range)).toBe('?view=timeline&from=2016-06&to=2024');
    expect(parseExploreSearch('?from=2016-13&to=x').from).toBeUndefined();
  });
});

import { directZoomPath } from '~/lib/explore/zoom-path';

describe('animated zoom path', () => {
  it('moves the centre linearly and the scale geometrically, ending exactly at the target', () => {
    const path = directZoomPath([0, 0, 100], [50, 10, 400]);
    expect(path(0)).toEqual([0, 0, 100]);
    expect(path(1)).toEqual([50, 10, 400]);
    expect(path(0.5)).toEqual([25, 5, 200]);
    // A pure pan keeps the width (the scale) on every frame.
    const pan = directZoomPath([0, 0, 100], [80, 0, 100]);
    for (const t of [0.1, 0.3, 0.7]) expect(pan(t)[2]).toBe(100);
  });
});
