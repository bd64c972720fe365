/**
 * A Vite plugin for the build: the stylesheets of the named HTML pages are written into the page as <style> instead
 * of <link rel="stylesheet">. A linked stylesheet is a request the browser must finish before it paints anything;
 * for the toolbar popup, whose first frame is the static search box, that request was most of what separated its
 * first paint from a bare extension page's (scripts/bench/search-bench.ts --paint). Extension pages' content security
 * policy restricts scripts, not styles. Stylesheets loaded later by a script (a lazy chunk's) stay files.
 */
import type { OutputAsset } from 'rollup';
import type { Plugin } from 'vite';

const LINK = /<link rel="stylesheet"(?: crossorigin)? href="\/?([^"]+\.css)">/g;

/** `pages`: entrypoint folders, e.g. `popup` for entrypoints/popup/index.html. */
export function inlineCss(pages: readonly string[]): Plugin {
  return {
    name: 'lens-inline-css',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const page = /entrypoints\/([^/]+)\/index\.html$/.exec(ctx.filename.replaceAll('\\', '/'))?.[1];
        if (!page || !pages.includes(page) || !ctx.bundle) return html;
        const bundle = ctx.bundle;
        return html.replace(LINK, (link, file: string) => {
          const asset = bundle[file];
          if (asset?.type !== 'asset') return link;
          const css = String((asset as OutputAsset).source);
          // A "</style" inside the CSS would end the element early; no stylesheet of ours has one, but never emit it.
          return css.includes('</style') ? link : `<style>${css}</style>`;
        });
      },
    },
  };
}
