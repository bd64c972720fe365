/**
 * `npm run facts:build`: validates the curated YAML in data/ against the corpus and writes the runtime artefacts.
 * `--check` writes nothing and fails when the committed artefacts differ from a fresh build (the test suite's mode).
 */
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { isAbsolute, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { compileFactBase } from '../lib/factbase/compile';
import { buildAliasIndex } from '../lib/factbase/alias-index';
import { buildExploreBase } from '../lib/explore/explore-base';
import type { EntityFile, SourceInput } from '../lib/factbase/input-types';
import { toSearchIndex } from '../lib/search/search-index';

export const ROOT = resolve(import.meta.dirname, '..');
export const CORPUS_DIR = findCorpusDir();

/**
 * Where the source documents are: LENS_CORPUS, else `shared/corpus` beside this checkout, else beside the checkout
 * this one was cloned from (a clean clone for CI may live anywhere, its origin beside the corpus).
 */
function findCorpusDir(): string {
  if (process.env.LENS_CORPUS) return resolve(process.env.LENS_CORPUS);
  const beside = (checkout: string) => resolve(checkout, '..', 'shared', 'corpus');
  const places = [beside(ROOT)];
  try {
    const origin = execFileSync('git', ['-C', ROOT, 'config', '--get', 'remote.origin.url'], { encoding: 'utf8' });
    const path = origin.trim().replace(/^file:\/\//, '');
    if (isAbsolute(path)) places.push(beside(path));
  } catch {
    // not a git checkout, or no origin: only the first place
  }
  return places.find((dir) => existsSync(dir)) ?? places[0]!;
}
export const ARTEFACTS = {
  factBase: join(ROOT, 'data', 'factbase.json'),
  aliasIndex: join(ROOT, 'data', 'alias-index.json'),
  /** What search needs (lib/search/search-index.ts): the popup searches it without parsing the whole fact base. */
  searchIndex: join(ROOT, 'data', 'search-index.json'),
  /** What the explore page's first render needs (lib/explore/explore-base); the rest loads after it. */
  exploreBase: join(ROOT, 'data', 'explore-base.json'),
};

export function compileFromDisk() {
  if (!existsSync(CORPUS_DIR)) throw new Error(`corpus not found at ${CORPUS_DIR} (set LENS_CORPUS)`);
  const sources = parse(readFileSync(join(ROOT, 'data', 'sources.yaml'), 'utf8')) as SourceInput[];
  const documents = new Map(sources.map((s) => [s.file, readFileSync(join(CORPUS_DIR, s.file), 'utf8')] as const));
  const dir = join(ROOT, 'data', 'entities');
  const parseErrors: string[] = [];
  const files: EntityFile[] = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap((f) => {
      try {
        return [
          {
            file: `data/entities/${f}`,
            records: parse(readFileSync(join(dir, f), 'utf8'), { uniqueKeys: false }) ?? [],
          },
        ];
      } catch (err) {
        parseErrors.push(`data/entities/${f}: ${(err as Error).message.split('\n')[0]}`);
        return [];
      }
    });
  const result = compileFactBase({ sources, documents, files });
  return { ...result, errors: [...parseErrors, ...result.errors], aliasIndex: buildAliasIndex(result.factBase) };
}

function main() {
  const check = process.argv.includes('--check');
  const { factBase, aliasIndex, errors } = compileFromDisk();
  if (errors.length) {
    for (const e of errors) console.error(`✖ ${e}`);
    if (!process.argv.includes('--allow-errors')) {
      console.error(`\nfact base: ${errors.length} error(s); nothing written.`);
      process.exit(1);
    }
    console.error(`\nfact base: ${errors.length} error(s); written anyway (--allow-errors, for development only).`);
  }
  const outputs: [string, string][] = [
    [ARTEFACTS.factBase, JSON.stringify(factBase, null, 1) + '\n'],
    [ARTEFACTS.aliasIndex, JSON.stringify(aliasIndex) + '\n'],
    [ARTEFACTS.searchIndex, JSON.stringify(toSearchIndex(factBase, { forms: true })) + '\n'],
    [ARTEFACTS.exploreBase, JSON.stringify(buildExploreBase(factBase)) + '\n'],
  ];
  if (check) {
    const stale = outputs.filter(([path, text]) => !existsSync(path) || readFileSync(path, 'utf8') !== text);
    if (stale.length) {
      console.error(`✖ stale: ${stale.map(([p]) => p).join(', ')}: run npm run facts:build and commit the result`);
      process.exit(1);
    }
    console.log(
      `fact base OK: ${factBase.entities.length} entities, ${factBase.events.length} events, artefacts up to date`,
    );
    return;
  }
  for (const [path, text] of outputs) writeFileSync(path, text);
  console.log(
    `fact base written: ${factBase.entities.length} entities, ${aliasIndex.aliases.length} aliases, ${factBase.events.length} events`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) main();
