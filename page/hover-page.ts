/** What the card reads from the page around it: the colour scheme it declares and the article's date. */

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

/** The article's publication date, for the timeline's "before / after" (ISO date), if the page states one. */
export function pageDate(doc: Document): string | undefined {
  const candidates = [
    doc.querySelector('meta[property="article:published_time"]')?.getAttribute('content'),
    doc.querySelector('meta[itemprop="datePublished"]')?.getAttribute('content'),
    doc.querySelector('meta[name="date"], meta[name="dc.date"], meta[name="DC.date"]')?.getAttribute('content'),
    doc.querySelector('article time[datetime], time[datetime]')?.getAttribute('datetime'),
  ];
  for (const c of candidates) {
    const m = c && /^(\d{4}-\d{2}-\d{2})/.exec(c.trim());
    if (m) return m[1];
  }
  return undefined;
}
