/**
 * The main text of an HTML document (its article, not its navigation), through Mozilla's Readability, the library
 * behind Firefox's Reader View. Runs on the extension's pages only (library, popup), on a detached document parsed
 * with DOMParser: no script runs, nothing is fetched, and the page's own DOM is never touched. Loaded on demand.
 */
interface PageText {
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
  const content = article?.content ? new DOMParser().parseFromString(article.content, 'text/html').body : null;
  const text = (content && blocksToText(content)) || (doc.body ? blocksToText(doc.body) : '');
  return {
    title: (article?.title ?? fallbackTitle ?? '').trim(),
    author: (article?.byline ?? '').trim(),
    date: isoDate(article?.publishedTime ?? ''),
    text: text.trim(),
  };
}

/** Elements that end a paragraph: a source's citations count paragraphs, separated by blank lines. */
const BLOCKS = new Set([
  'P',
  'DIV',
  'LI',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'BLOCKQUOTE',
  'PRE',
  'TD',
  'TH',
  'DT',
  'DD',
  'FIGCAPTION',
  'SECTION',
  'ARTICLE',
  'HEADER',
  'FOOTER',
  'TR',
  'TABLE',
  'UL',
  'OL',
  'DL',
  'FIGURE',
  'ASIDE',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG']);

/**
 * The text of a detached tree, one paragraph per block element, with the HTML source's own line breaks and
 * indentation folded into single spaces (they are formatting, not paragraphs); `<br>` is a space too.
 */
function blocksToText(root: Element): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const p = current.replace(/\s+/g, ' ').trim();
    if (p) paragraphs.push(p);
    current = '';
  };
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) current += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const tag = (child as Element).tagName.toUpperCase();
        if (SKIP.has(tag)) continue;
        if (tag === 'BR') current += ' ';
        const block = BLOCKS.has(tag);
        if (block) flush();
        walk(child);
        if (block) flush();
      }
    }
  };
  walk(root);
  flush();
  return paragraphs.join('\n\n');
}

function isoDate(value: string): string {
  const m = /^\d{4}(-\d{2}(-\d{2})?)?/.exec(value.trim());
  return m ? m[0] : '';
}
