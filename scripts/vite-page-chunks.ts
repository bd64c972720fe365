/**
 * A Vite plugin for the build: the named pages load their code as two chunks, not one per set of pages sharing it.
 *
 * Rollup's default chunking gives every distinct set of importers its own chunk, so the explore page started with
 * eight module requests (its own code, the d3 modules it shares with its lazy map, Preact, the theme, the card
 * model, search, ...). Each request to an extension page costs the renderer's main thread a few milliseconds before
 * the first module runs: eight preloads alone put a blank page's first frame 20-25 ms later on the benchmark
 * machine. Here every module such a page imports statically goes either into the page's own chunk (when only the
 * page and its own lazy parts use it) or into one `shared` chunk (when other pages or the popup use it too). Other
 * pages that use a shared module load that chunk, a little more code than they need, in one request.
 *
 * Lazy parts stay separate: a module that only a lazily loaded part uses (the map's layout code) is left to Rollup.
 * Content scripts and the background are single-file builds and are left alone.
 */
import type { GetManualChunk, GetModuleInfo } from 'rollup';
import type { Plugin } from 'vite';

/** `pages`: entrypoint folders, e.g. `explore` for entrypoints/explore/index.html. */
export function pageChunks(pages: readonly string[]): Plugin {
  return {
    name: 'lens-page-chunks',
    apply: 'build',
    outputOptions(options) {
      if (options.format === 'iife' || options.inlineDynamicImports) return null;
      return { ...options, manualChunks: chunker(pages) };
    },
  };
}

const pageOf = (id: string) => /entrypoints\/([^/]+)\/index\.html$/.exec(id.replaceAll('\\', '/'))?.[1];

function chunker(pages: readonly string[]): GetManualChunk {
  let assign: Map<string, string> | undefined;
  return (id, { getModuleInfo, getModuleIds }) => {
    assign ??= planPageChunks(pages, [...getModuleIds()], getModuleInfo);
    return assign.get(id);
  };
}

/** The chunk of every module a named page imports statically (exported for its unit test). */
export function planPageChunks(pages: readonly string[], ids: string[], info: GetModuleInfo): Map<string, string> {
  // Roots: what a page or a dynamic import loads first. Each root reaches a set of modules through static imports.
  const roots = ids.filter((id) => {
    const m = info(id);
    return !!m && (m.isEntry || m.dynamicImporters.length > 0);
  });
  const reachedBy = new Map<string, Set<string>>();
  for (const root of roots) {
    const stack = [root];
    const seen = new Set<string>();
    while (stack.length) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      let set = reachedBy.get(id);
      if (!set) reachedBy.set(id, (set = new Set()));
      set.add(root);
      stack.push(...(info(id)?.importedIds ?? []));
    }
  }
  const assign = new Map<string, string>();
  for (const page of pages) {
    const entry = roots.find((r) => pageOf(r) === page);
    if (!entry) continue;
    // A page's own roots: the page, and lazy parts that only the page's own modules import.
    const own = new Set([entry]);
    for (const root of roots) {
      const importers = info(root)?.dynamicImporters ?? [];
      if (importers.length && importers.every((i) => [...(reachedBy.get(i) ?? [])].every((r) => r === entry)))
        own.add(root);
    }
    for (const [id, by] of reachedBy) {
      if (!by.has(entry) || assign.has(id)) continue;
      assign.set(id, id === entry || [...by].every((r) => own.has(r)) ? page : 'shared');
    }
  }
  return assign;
}
