/**
 * The build's rewrites of the libraries that set `innerHTML` (scripts/vite-no-html-sinks.ts): applied to the installed
 * libraries, they leave no `innerHTML` assignment, fail loudly when a library's text changed, and Readability, which
 * we use, reads the same article out of pages that take both rewritten paths (a page too short for its first attempt,
 * so it restores the page and tries again; an image in `<noscript>`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { runInNewContext } from 'node:vm';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { applyPatches, HTML_SINK_PATCHES } from '../../scripts/vite-no-html-sinks';

const require = createRequire(import.meta.url);
const LIBRARIES = {
  preact: require.resolve('preact').replace(/preact\.js$/, 'preact.module.js'),
  'd3-selection': require.resolve('d3-selection'),
  readability: require.resolve('@mozilla/readability/Readability.js'),
};
const INNER_HTML_ASSIGNMENT = /\.innerHTML\s*=(?!=)/g;

type ReadabilityClass = new (
  doc: unknown,
  options?: object,
) => { parse(): { textContent: string; content: string } | null };

/** Readability's module source as a class, evaluated as CommonJS (what Vite bundles from it). */
function loadReadability(source: string): ReadabilityClass {
  const module = { exports: {} as unknown };
  runInNewContext(source, { module, exports: module.exports, console });
  return module.exports as ReadabilityClass;
}

const SHORT_PAGE = `<html><head><title>Short</title></head><body>
  <div class="sidebar"><p>Related: Middle Corridor, TANAP and the Organization of Turkic States in brief.</p></div>
  <article><p>Tokayev met Mirziyoyev in Tashkent. They signed a treaty on the border.</p>
  <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="">
  <noscript><img src="https://example.org/photo.jpg" alt="Tokayev and Mirziyoyev"></noscript></article></body></html>`;

describe('the build leaves no innerHTML sink in the libraries it ships', () => {
  it.each(Object.entries(LIBRARIES))('%s: no innerHTML assignment after the rewrite', (_, file) => {
    const source = readFileSync(file, 'utf8');
    expect(source.match(INNER_HTML_ASSIGNMENT)?.length ?? 0).toBeGreaterThan(0);
    expect(applyPatches(source, file).match(INNER_HTML_ASSIGNMENT) ?? []).toEqual([]);
  });

  it('every rewrite applies to an installed library', () => {
    for (const patch of HTML_SINK_PATCHES) {
      const file = Object.values(LIBRARIES).find((f) => f.replaceAll('\\', '/').includes(patch.module));
      expect(file, patch.module).toBeDefined();
      expect(readFileSync(file!, 'utf8')).toContain(patch.find);
    }
  });

  it('a library whose text changed fails the build instead of shipping the sink', () => {
    const changed = readFileSync(LIBRARIES.readability, 'utf8').replace('var pageCacheHtml', 'let pageCacheHtml');
    expect(() => applyPatches(changed, LIBRARIES.readability)).toThrow(/library changed/);
  });

  it('the features that used them still work: Readability restores the page between attempts and unwraps images', () => {
    const source = readFileSync(LIBRARIES.readability, 'utf8');
    const parse = (Readability: ReadabilityClass) => {
      const doc = new DOMParser().parseFromString(SHORT_PAGE, 'text/html');
      return new Readability(doc, { charThreshold: 200 }).parse();
    };
    const before = parse(loadReadability(source));
    const after = parse(loadReadability(applyPatches(source, LIBRARIES.readability)));
    expect(after?.textContent).toContain('Tokayev met Mirziyoyev in Tashkent');
    expect(after?.content).toContain('photo.jpg');
    expect(after).toEqual(before);
  });

  it('Preact and d3 throw if the code ever asks for the removed paths', () => {
    expect(applyPatches(readFileSync(LIBRARIES.preact, 'utf8'), LIBRARIES.preact)).toContain(
      'dangerouslySetInnerHTML is not built into Caspian Lens',
    );
    expect(applyPatches(readFileSync(LIBRARIES['d3-selection'], 'utf8'), LIBRARIES['d3-selection'])).toContain(
      'selection.html() is not built into Caspian Lens',
    );
  });
});
