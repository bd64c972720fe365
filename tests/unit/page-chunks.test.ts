import type { GetModuleInfo, ModuleInfo } from 'rollup';
import { describe, expect, it } from 'vitest';
import { planPageChunks } from '../../scripts/vite-page-chunks';

/** A module graph: each module's static and dynamic imports; entries are the pages' index.html. */
function graph(modules: Record<string, { imports?: string[]; dynamic?: string[] }>): {
  ids: string[];
  info: GetModuleInfo;
} {
  const ids = Object.keys(modules);
  const dynamicImporters = (id: string) => ids.filter((i) => modules[i]!.dynamic?.includes(id));
  const info = (id: string) =>
    modules[id]
      ? ({
          id,
          isEntry: id.endsWith('/index.html'),
          importedIds: modules[id]!.imports ?? [],
          dynamicImporters: dynamicImporters(id),
        } as unknown as ModuleInfo)
      : null;
  return { ids, info };
}

describe('page chunks', () => {
  const { ids, info } = graph({
    '/p/entrypoints/explore/index.html': { imports: ['/p/explore/main.tsx'] },
    '/p/explore/main.tsx': {
      imports: ['/p/d3.js', '/p/preact.js', '/p/map.tsx'],
      dynamic: ['/p/factbase.json', '/p/card.tsx'],
    },
    '/p/map.tsx': { imports: ['/p/d3.js'] },
    '/p/d3.js': {},
    '/p/preact.js': {},
    '/p/factbase.json': {},
    '/p/card.tsx': { imports: ['/p/preact.js', '/p/card-only.js'] },
    '/p/card-only.js': {},
    '/p/entrypoints/popup/index.html': { imports: ['/p/popup/main.tsx'] },
    '/p/popup/main.tsx': { dynamic: ['/p/card.tsx', '/p/mount.tsx'] },
    '/p/mount.tsx': { imports: ['/p/preact.js', '/p/search.js'] },
    '/p/search.js': {},
  });
  const plan = planPageChunks(['explore'], ids, info);

  it("puts what only the page uses into the page's chunk, with the page's entry", () => {
    expect(plan.get('/p/entrypoints/explore/index.html')).toBe('explore');
    expect(plan.get('/p/explore/main.tsx')).toBe('explore');
    expect(plan.get('/p/map.tsx')).toBe('explore');
    expect(plan.get('/p/d3.js')).toBe('explore');
  });

  it('puts what other pages or shared lazy parts also use into one shared chunk', () => {
    expect(plan.get('/p/preact.js')).toBe('shared');
  });

  it('leaves lazy parts, and modules the page never loads, to Rollup', () => {
    for (const id of ['/p/factbase.json', '/p/card.tsx', '/p/card-only.js', '/p/mount.tsx', '/p/search.js'])
      expect(plan.has(id), id).toBe(false);
  });
});
