/** What the card reads from the page around it: the colour scheme it declares and the article's date. */
import { writtenDate } from '~/lib/hover/written-date';

/**
 * The card's colour scheme: the page's own when it declares only one (`color-scheme: dark`), otherwise the
 * system's (`prefers-color-scheme`).
 */
export function pageScheme(doc: Document, win: Window): 'light' | 'dark' {
  const declared = `${win.getComputedStyle(doc.documentElement).colorScheme} ${
    doc.querySelector('meta[name="color-scheme"]')?.getAttribute('content') ?? ''
  }`;
  const dark = /\bdark\b/.test(declared);
  const light = /\blight\b/.test(declared);
  if (dark !== light) return dark ? 'dark' : 'light';
  return win.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/**
 * The article's publication date, for the card's timeline (ISO `YYYY-MM-DD`), if the page states one: its metadata
 * (Open Graph, schema.org, Dublin Core, JSON-LD), a `<time datetime>` in the article, or a date written in a visible
 * byline ("14 May 2025", "14 мая 2025 г.", "14 Mayıs 2025"). Undefined when none is found: the card then says "today".
 */
export function pageDate(doc: Document): string | undefined {
  const meta = (sel: string) => doc.querySelector(sel)?.getAttribute('content');
  const candidates = [
    meta('meta[property="article:published_time"]'),
    meta('meta[itemprop="datePublished"]'),
    meta('meta[name="date"], meta[name="dc.date"], meta[name="DC.date"], meta[name="dcterms.created"]'),
    meta('meta[name="pubdate"], meta[name="publish-date"], meta[name="sailthru.date"], meta[name="parsely-pub-date"]'),
    jsonLdDate(doc),
    doc.querySelector('[itemprop="datePublished"][datetime]')?.getAttribute('datetime'),
    doc.querySelector('article time[datetime], time[pubdate][datetime], time[datetime]')?.getAttribute('datetime'),
  ];
  for (const c of candidates) {
    const m = c && /^(\d{4}-\d{2}-\d{2})/.exec(c.trim());
    if (m) return m[1];
  }
  return bylineDate(doc);
}

/** `datePublished` from the page's JSON-LD (read as data, never run). */
function jsonLdDate(doc: Document): string | undefined {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const m = /"datePublished"\s*:\s*"(\d{4}-\d{2}-\d{2})/.exec(script.textContent ?? '');
    if (m) return m[1];
  }
  return undefined;
}

/** Where a visible byline sits on news pages; the first of these with a date in it is taken. */
const BYLINE_SELECTOR = '.byline, [class*="byline"], [rel="author"], .dateline, [class*="dateline"], .meta, header p';

/** A date written in the article's visible byline, near its headline. */
function bylineDate(doc: Document): string | undefined {
  const root = doc.querySelector('article, main, [role="main"]') ?? doc.body;
  if (!root) return undefined;
  const places = [...root.querySelectorAll(BYLINE_SELECTOR)].slice(0, 12);
  // A byline sits right under the headline: the few short blocks after the first h1.
  const h1 = root.querySelector('h1');
  for (let el = h1?.nextElementSibling, i = 0; el && i < 3; el = el.nextElementSibling, i++) places.push(el);
  for (const el of places) {
    const date = writtenDate((el.textContent ?? '').slice(0, 200));
    if (date) return date;
  }
  return undefined;
}
