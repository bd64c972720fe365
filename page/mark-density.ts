/**
 * The calm default density ('calm' in the settings): a page should read like an article with a few helpful marks, not
 * a link farm. A name is marked
 * - only in running text: never in navigation, banners, sidebars, footers, headings (the headline included: the
 *   same names come back in the first paragraphs), captions or bylines;
 * - once per section: a section is the text under one heading, or one `<section>`/`<article>`; a long stretch
 *   without headings starts a new section every `PARAGRAPHS_PER_SECTION` paragraphs that name something (about a
 *   screen of text), so a name is marked again further down a long article.
 * "Every mention" and "first mention only" stay settings (lib/settings).
 */
import type { Mention } from './mention-store';

/** Page furniture: no marks in calm mode. */
const FURNITURE = [
  'nav',
  '[role="navigation"]',
  '[role="banner"]',
  '[role="contentinfo"]',
  '[role="complementary"]',
  'aside',
  'footer',
  'figure',
  'figcaption',
  'address',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  '[role="heading"]',
  '[rel="author"]',
  '[itemprop="author"]',
  '[class*="byline"]',
  '[class*="dateline"]',
].join(', ');

/**
 * About a screen of text at 1280×800 (a news paragraph runs three to five lines): a name already marked this many
 * paragraphs back is marked again.
 */
const PARAGRAPHS_PER_SECTION = 6;

const HEADINGS = 'h1, h2, h3, h4, h5, h6, [role="heading"]';

/**
 * The mentions calm mode paints, from every mention in reading order that the other filters (types, hidden names)
 * let through. Each element is classified once per call, its answers shared by every block under it: one `matches` per
 * element on the way up to the first one already classified, where a `closest` per block would test the whole list
 * against every ancestor again (a long article's paragraphs share all of theirs). Plus a binary search over the page's
 * headings per block.
 */
export function calmMentions(doc: Document, ordered: readonly Mention[], shown: (m: Mention) => boolean): Set<Mention> {
  const headings = [...doc.querySelectorAll(HEADINGS)];
  const kinds = new AncestorKinds();
  const furniture = new Map<Node, boolean>();
  const isFurniture = (container: Node) => {
    let result = furniture.get(container);
    if (result === undefined) furniture.set(container, (result = kinds.isFurniture(elementOf(container))));
    return result;
  };

  const kept = new Set<Mention>();
  /** Per entity: the section it was last marked in, and the paragraph count there. */
  const last = new Map<number, { section: string; paragraph: number }>();
  let container: Node | null = null;
  let section = '';
  let paragraph = 0;
  const sectionIds = new Map<Element, number>();
  for (const m of ordered) {
    // Furniture neither gets marks nor counts as a paragraph of the text.
    if (isFurniture(m.container)) continue;
    if (m.container !== container) {
      container = m.container;
      const next = sectionOf(container, kinds, headings, sectionIds);
      if (next !== section) {
        section = next;
        paragraph = 0;
      } else paragraph++;
    }
    if (!shown(m)) continue;
    const before = last.get(m.entity);
    if (before && before.section === section && paragraph - before.paragraph < PARAGRAPHS_PER_SECTION) continue;
    last.set(m.entity, { section, paragraph });
    kept.add(m);
  }
  return kept;
}

const elementOf = (node: Node): Element | null =>
  node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;

/** Where a `<header>` is an article's own, not a page's masthead: see AncestorKinds.isFurniture. */
const ARTICLE_OR_MAIN = 'article, main, [role="main"]';

/**
 * What calm mode asks of an element's ancestors (itself included, as `closest` reads them): whether one is furniture,
 * the nearest `<header>`, whether one is an article or main, the nearest `<section>`/`<article>`. Each answer is kept
 * per element for one pass over the page, so blocks under the same ancestors share them.
 */
class AncestorKinds {
  private readonly furniture = new Map<Element, Element | null>();
  private readonly header = new Map<Element, Element | null>();
  private readonly articleOrMain = new Map<Element, Element | null>();
  private readonly box = new Map<Element, Element | null>();

  /**
   * Furniture by the list above, or under a page's masthead `<header>`; an article's own header holds its headline
   * and byline (both furniture by the list) and sometimes a standfirst, which is running text.
   */
  isFurniture(el: Element | null): boolean {
    if (!el) return false;
    if (nearest(this.furniture, el, FURNITURE)) return true;
    const header = nearest(this.header, el, 'header');
    return !!header && !nearest(this.articleOrMain, header, ARTICLE_OR_MAIN);
  }

  /** The nearest `<section>` or `<article>` around `el`, itself included. */
  nearestBox(el: Element | null): Element | null {
    return nearest(this.box, el, 'section, article');
  }
}

/**
 * `el.closest(selectors)`, with the answer for every element walked kept in `known` (for these `selectors` only): the
 * walk up stops at the first element that matches or whose answer is known.
 */
function nearest(known: Map<Element, Element | null>, el: Element | null, selectors: string): Element | null {
  const walked: Element[] = [];
  let found: Element | null = null;
  for (let at = el; at; at = at.parentElement) {
    const seen = known.get(at);
    if (seen !== undefined) {
      found = seen;
      break;
    }
    walked.push(at);
    if (at.matches(selectors)) {
      found = at;
      break;
    }
  }
  for (const at of walked) known.set(at, found);
  return found;
}

/** Which section a block belongs to: its nearest `<section>`/`<article>` and the last heading before it. */
function sectionOf(
  container: Node,
  kinds: AncestorKinds,
  headings: readonly Element[],
  ids: Map<Element, number>,
): string {
  const box = kinds.nearestBox(elementOf(container));
  let boxId = 0;
  if (box) {
    boxId = ids.get(box) ?? ids.size + 1;
    ids.set(box, boxId);
  }
  return `${boxId}:${lastHeadingBefore(container, headings)}`;
}

/** Index of the last heading that starts before `node` in document order (-1 when none): a binary search. */
function lastHeadingBefore(node: Node, headings: readonly Element[]): number {
  let lo = 0;
  let hi = headings.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const h = headings[mid]!;
    const before =
      h === node || h.contains(node) || !!(h.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING);
    if (before) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
