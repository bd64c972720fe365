/**
 * A Vite plugin for every build: the three libraries we ship that assign `innerHTML` are rewritten so no HTML is ever
 * parsed from a string in our pages, which is also what addons-linter checks (issue 19: 0 warnings on the AMO zip).
 *
 * - Preact's `dangerouslySetInnerHTML`: we never use it (lint forbids it, `eslint.config.js`); the branch that sets it
 *   now throws instead.
 * - d3-selection's `selection.html()`: we never call it; it now throws.
 * - Readability (the popup's and library's "add a source"): two paths we do use, done with DOM nodes instead of HTML
 *   text. Restoring the page between its attempts clones the nodes it kept instead of serialising and re-parsing them;
 *   unwrapping an image in `<noscript>` moves a clone of its children instead of re-parsing its HTML. Our documents
 *   come from DOMParser, where scripting is off, so a `<noscript>`'s content already is elements (Readability itself
 *   only unwraps one whose children are a single image element).
 *
 * Each rewrite names the exact text it replaces: when a library update changes that text the build fails here,
 * rather than shipping the sink again or a half-applied patch. `tests/unit/no-html-sinks.test.ts` applies them to
 * the installed libraries; `tests/e2e/package.test.ts` runs addons-linter on the zip and looks for `innerHTML=` in
 * the bundles.
 */
import type { Plugin } from 'vite';

interface SourcePatch {
  /** Which module: a path fragment of its resolved file. */
  module: string;
  find: string;
  replace: string;
}

const NOT_BUILT_IN = (what: string) => `throw new Error("${what} is not built into Caspian Lens")`;

export const HTML_SINK_PATCHES: readonly SourcePatch[] = [
  {
    module: '/node_modules/preact/dist/preact.',
    find: 'if(h)c||p&&(h.__html==p.__html||h.__html==u.innerHTML)||(u.innerHTML=h.__html),t.__k=[];else if(p&&(u.innerHTML=""),L(',
    replace: `if(h)${NOT_BUILT_IN('dangerouslySetInnerHTML')};else if(L(`,
  },
  {
    module: '/node_modules/d3-selection/dist/d3-selection.mjs',
    find: `function htmlRemove() {
  this.innerHTML = "";
}

function htmlConstant(value) {
  return function() {
    this.innerHTML = value;
  };
}

function htmlFunction(value) {
  return function() {
    var v = value.apply(this, arguments);
    this.innerHTML = v == null ? "" : v;
  };
}

function selection_html(value) {
  return arguments.length
      ? this.each(value == null
          ? htmlRemove : (typeof value === "function"
          ? htmlFunction
          : htmlConstant)(value))
      : this.node().innerHTML;
}`,
    replace: `function selection_html() {
  ${NOT_BUILT_IN('selection.html()')};
}`,
  },
  {
    module: '/node_modules/@mozilla/readability/Readability.js',
    find: 'var pageCacheHtml = page.innerHTML;',
    replace: 'var pageCacheNodes = page.cloneNode(true);',
  },
  {
    module: '/node_modules/@mozilla/readability/Readability.js',
    find: `        // eslint-disable-next-line no-unsanitized/property
        page.innerHTML = pageCacheHtml;`,
    replace: '        page.replaceChildren(...pageCacheNodes.cloneNode(true).childNodes);',
  },
  {
    module: '/node_modules/@mozilla/readability/Readability.js',
    find: `      // eslint-disable-next-line no-unsanitized/property
      tmp.innerHTML = noscript.innerHTML;`,
    replace: '      tmp.replaceChildren(...noscript.cloneNode(true).childNodes);',
  },
];

/** The code with every patch for `id` applied; throws when a patch's text is not there exactly once. */
export function applyPatches(code: string, id: string, patches: readonly SourcePatch[] = HTML_SINK_PATCHES): string {
  const path = id.replaceAll('\\', '/');
  let out = code;
  for (const patch of patches) {
    if (!path.includes(patch.module)) continue;
    const count = out.split(patch.find).length - 1;
    if (count !== 1)
      throw new Error(
        `scripts/vite-no-html-sinks.ts: expected the patched text once in ${path}, found it ${count} times: ` +
          'the library changed; review the patch',
      );
    out = out.replace(patch.find, () => patch.replace);
  }
  return out;
}

export function noHtmlSinks(): Plugin {
  return {
    name: 'lens-no-html-sinks',
    enforce: 'pre',
    transform(code, id) {
      // Only the files themselves: not the virtual modules plugins derive from them (`\0…?commonjs-module`).
      if (id.startsWith('\0') || id.includes('?')) return null;
      if (!HTML_SINK_PATCHES.some((patch) => id.replaceAll('\\', '/').includes(patch.module))) return null;
      return { code: applyPatches(code, id), map: null };
    },
  };
}
