/**
 * An evaluation page as the HTML a reader's browser would get, for the e2e sample in the real scanner: each block in
 * the element its kind names (a headline in <h1>, an "other news" item in <li>, a caption in <figcaption>), carrying
 * `data-block` so a painted mark can be traced back to its block and scored with the same rules as `npm run eval`.
 * Pure: returns a string, escapes every text.
 */
import type { EvalPage } from './eval-set';

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);

/** Where each kind of block lives on a real page: the element, and the container a run of them sits in. */
const SHAPES: Record<string, { tag: string; wrap?: string; attrs?: string }> = {
  h1: { tag: 'h1' },
  h2: { tag: 'h2' },
  byline: { tag: 'p', attrs: ' class="byline"' },
  p: { tag: 'p' },
  quote: { tag: 'blockquote' },
  caption: { tag: 'figcaption', wrap: 'figure' },
  aside: { tag: 'aside' },
  li: { tag: 'li', wrap: 'ul' },
  nav: { tag: 'nav' },
  footer: { tag: 'footer' },
};

export function evalPageHtml(page: EvalPage): string {
  const body: string[] = [];
  let open: string | undefined;
  page.blocks.forEach((block, i) => {
    const shape = SHAPES[block.kind] ?? { tag: 'p' };
    if (open !== shape.wrap) {
      if (open) body.push(`</${open}>`);
      if (shape.wrap) body.push(`<${shape.wrap}>`);
      open = shape.wrap;
    }
    body.push(`<${shape.tag}${shape.attrs ?? ''} data-block="${i}">${escape(block.text)}</${shape.tag}>`);
  });
  if (open) body.push(`</${open}>`);
  const lang = page.lang.replace('-Latn', '').replace('-Cyrl', '');
  return [
    '<!doctype html>',
    `<html lang="${escape(lang)}">`,
    // A dated page states its date as news sites do, in Open Graph metadata, which the content script reads.
    `<head><meta charset="utf-8"><title>${escape(page.file)}</title>${
      page.date ? `<meta property="article:published_time" content="${escape(page.date)}">` : ''
    }</head>`,
    `<body><main>`,
    ...body,
    '</main></body></html>',
    '',
  ].join('\n');
}
