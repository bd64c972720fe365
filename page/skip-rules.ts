/** Which parts of a page the scanner never reads, and where one block of running text ends. */

/** Elements whose text is code, input, hidden, or not prose at all. */
const SKIPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'button',
  'code',
  'pre',
  'kbd',
  'samp',
  'var',
  'svg',
  'math',
  'canvas',
  'iframe',
  'object',
  'embed',
  'video',
  'audio',
  'head',
  'title',
]);

/** Tags that end a run of text, so a name never spans two paragraphs or cells. Inline tags (b, a, span) do not. */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'br',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'caption',
]);

/** Everything the extension puts into pages is named with this prefix. */
export const LENS_PREFIX = 'lens-';

// Tags compare by localName, lowercase in HTML documents: it costs no string allocation per element (the scanner
// visits every element of the page).
export function isSkipped(el: Element): boolean {
  const tag = el.localName;
  if (SKIPPED_TAGS.has(tag)) return true;
  if (tag.startsWith(LENS_PREFIX)) return true;
  if (el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden')) return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

export const isBlock = (el: Element): boolean => BLOCK_TAGS.has(el.localName);

/** The closest block-level ancestor (or shadow root) of a node: the unit the mutation watcher rescans. */
export function blockContainer(node: Node): Node {
  for (let n: Node | null = node.parentNode; n; n = n.parentNode) {
    if (n.nodeType === Node.ELEMENT_NODE && isBlock(n as Element)) return n;
    if (n.nodeType === Node.DOCUMENT_FRAGMENT_NODE || n.nodeType === Node.DOCUMENT_NODE) return n;
  }
  return node;
}
