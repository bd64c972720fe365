/**
 * The main text of an HTML document (its article, not its navigation), through Mozilla's Readability, the library
 * behind Firefox's Reader View. Runs on the extension's pages only (library, popup), on a detached document parsed
 * with DOMParser: no script runs, nothing is fetched, and the page's own DOM is never touched. Loaded on demand.
 */
export interface PageText {
  title: string;
  author: string;
  /** ISO date prefix when the document states one. */
  date: string;
  text: string;
}

export async function mainTextOfHtml(html: string, url = ''): Promise<PageText> {
  const { Readability } = await import('@mozilla/readability');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  // Relative links resolve against the page, not the extension (Readability reads URLs; nothing is loaded).
  if (url && !doc.querySelector('base')) {
    const base = doc.createElement('base');
    base.href = url;
    doc.head.append(base);
  }
  const fallbackTitle = doc.title;
  const article = new Readability(doc, { charThreshold: 200 }).parse();
  const text = blocksToText(article?.textContent ?? '') || (doc.body?.innerText ?? doc.body?.textContent ?? '');
  return {
    title: (article?.title ?? fallbackTitle ?? '').trim(),
    author: (article?.byline ?? '').trim(),
    date: isoDate(article?.publishedTime ?? ''),
    text: text.trim(),
  };
}

/** Readability's textContent runs paragraphs together with newlines; blank lines mark paragraphs for citations. */
function blocksToText(text: string): string {
  return text
    .split(/\n\s*\n|\n(?=\s*\S)/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

function isoDate(value: string): string {
  const m = /^\d{4}(-\d{2}(-\d{2})?)?/.exec(value.trim());
  return m ? m[0] : '';
}
