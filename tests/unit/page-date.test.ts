/**
 * The article's date the card's timeline is anchored on (page/hover-page.ts pageDate, issue 21): read from the page's
 * metadata, a `<time>`, or the visible byline, and nothing when the page states none (the card then says "today").
 * The e2e card test covers only the byline path (tests/e2e/card-first-screen.test.ts); these cover the others.
 */
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { pageDate } from '~/page/hover-page';

const page = (head: string, body: string): Document =>
  new DOMParser().parseFromString(
    `<!doctype html><html><head>${head}</head><body>${body}</body></html>`,
    'text/html',
  ) as unknown as Document;

const ARTICLE = '<article><h1>Tokayev in Baku</h1><p>Kazakh President Kassym-Jomart Tokayev arrived.</p></article>';

describe('the article date the card reads from the page', () => {
  it('takes the metadata first: Open Graph, schema.org, Dublin Core, JSON-LD', () => {
    expect(pageDate(page('<meta property="article:published_time" content="2025-05-14T08:00:00Z">', ARTICLE))).toBe(
      '2025-05-14',
    );
    expect(pageDate(page('<meta itemprop="datePublished" content="2024-11-02">', ARTICLE))).toBe('2024-11-02');
    expect(pageDate(page('<meta name="DC.date" content="2023-09-25">', ARTICLE))).toBe('2023-09-25');
    const ld = '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2022-06-08T10:00"}</script>';
    expect(pageDate(page(ld, ARTICLE))).toBe('2022-06-08');
  });

  it('takes the metadata over a date written in the byline', () => {
    const byline = '<article><h1>Title</h1><p class="byline">By A. Writer · 3 March 2021</p></article>';
    expect(pageDate(page('<meta property="article:published_time" content="2025-05-14">', byline))).toBe('2025-05-14');
  });

  it('reads a <time datetime> in the article', () => {
    const body =
      '<article><h1>Title</h1><p>By A. Writer, <time datetime="2024-02-29T09:15">29 Feb</time></p></article>';
    expect(pageDate(page('', body))).toBe('2024-02-29');
  });

  it('reads a date written out in the visible byline, in either order', () => {
    const by = (line: string) => `<article><h1>Title</h1><p class="byline">${line}</p><p>Text.</p></article>`;
    expect(pageDate(page('', by('By Leyla Mammadova · Baku · 14 May 2025 · 6 min read')))).toBe('2025-05-14');
    expect(pageDate(page('', by('Published Sept. 5, 2023')))).toBe('2023-09-05');
    // A line under the headline with no byline class.
    const plain = '<article><h1>Title</h1><div>Staff report, 1 December 2024</div><p>Text.</p></article>';
    expect(pageDate(page('', plain))).toBe('2024-12-01');
  });

  it('finds nothing on a page that states no date, so the card says "today"', () => {
    expect(pageDate(page('<meta name="description" content="News">', ARTICLE))).toBeUndefined();
    // A year in running text is not the article's date.
    const body = '<article><h1>Title</h1><p>Tokayev first visited Baku in 2022.</p></article>';
    expect(pageDate(page('', body))).toBeUndefined();
  });
});
