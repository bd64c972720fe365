/**
 * Whether a build is older than the code it was built from: the e2e tests, the benches and `npm run scan` must never
 * measure yesterday's extension because someone forgot `npm run build:test` (issue 20). Compares modification times
 * of everything the bundle is made of with the build's manifest.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** What the extension is built from: code folders (walked), the generated data it imports, and the build config. */
const SOURCE_DIRS = ['entrypoints', 'lib', 'page', 'components', 'browser', 'public', 'assets', '_locales'];
const SOURCE_FILES = [
  'wxt.config.ts',
  'package.json',
  'scripts/vite-inline-css.ts',
  'scripts/vite-page-chunks.ts',
  'automation/test-build-files.ts',
];
/** data/: only the generated JSON the bundle imports (the YAML sources reach it through `npm run facts:build`). */
const DATA_DIR = 'data';

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

function* sources(root: string): Generator<string> {
  for (const dir of SOURCE_DIRS) if (existsSync(join(root, dir))) yield* files(join(root, dir));
  for (const file of SOURCE_FILES) if (existsSync(join(root, file))) yield join(root, file);
  for (const entry of readdirSync(join(root, DATA_DIR), { withFileTypes: true }))
    if (entry.isFile() && entry.name.endsWith('.json')) yield join(root, DATA_DIR, entry.name);
}

/**
 * The newest source file changed after `manifest` was written (path relative to `root`), or null when the build is
 * at least as new as every source.
 */
export function newerSource(root: string, manifest: string): string | null {
  const built = statSync(manifest).mtimeMs;
  let newest: { path: string; at: number } | null = null;
  for (const path of sources(root)) {
    const at = statSync(path).mtimeMs;
    if (at > built && (!newest || at > newest.at)) newest = { path, at };
  }
  return newest ? relative(root, newest.path) : null;
}
