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
import { buildMatchingRules } from '../lib/factbase/build-matching-rules';
import type { NamedAfterHeadsInput } from '../lib/factbase/named-after-heads';
import type { LanguagesInput } from '../lib/factbase/matching-rules';
import { buildExploreBase } from '../lib/explore/explore-base';
import type { EditorialInput, EntityFile, SourceInput } from '../lib/factbase/input-types';
import { toSearchIndex } from '../lib/search/search-index';
import { corpusPresent, corpusSkipLine } from './lib/corpus';

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
  /** Morphology and disambiguation rules: only the background's matcher reads them (lib/factbase/matching-rules). */
  matchingRules: join(ROOT, 'data', 'matching-rules.json'),
  /** What the explore page's first render needs (lib/explore/explore-base); the rest loads after it. */
  exploreBase: join(ROOT, 'data', 'explore-base.json'),
};

/** Reads `data/` under `root` and the corpus in `corpusDir` (tests hand in a directory of bad data). */
export function compileFromDisk(root = ROOT, corpusDir = CORPUS_DIR) {
  if (!existsSync(corpusDir)) throw new Error(`corpus not found at ${corpusDir} (set LENS_CORPUS)`);
  const parseErrors: string[] = [];
  // A key written twice in one mapping is an error (YAML's own rule): the second would silently win.
  const readYaml = <T>(file: string): T | undefined => {
    try {
      return parse(readFileSync(join(root, file), 'utf8'), { uniqueKeys: true }) as T;
    } catch (err) {
      parseErrors.push(`${file}: ${(err as Error).message.split('\n')[0]}`);
      return undefined;
    }
  };
  const sources = readYaml<SourceInput[]>('data/sources.yaml') ?? [];
  const editorial = readYaml<EditorialInput>('data/editorial.yaml');
  const documents = new Map(sources.map((s) => [s.file, readFileSync(join(corpusDir, s.file), 'utf8')] as const));
  const files: EntityFile[] = readdirSync(join(root, 'data', 'entities'))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap((f) => {
      const records = readYaml<EntityFile['records'] | null>(`data/entities/${f}`);
      return records === undefined ? [] : [{ file: `data/entities/${f}`, records: records ?? [] }];
    });
  const languages = parse(readFileSync(join(root, 'data', 'languages.yaml'), 'utf8')) as LanguagesInput;
  const result = compileFactBase({ sources, documents, files, editorial, languages });
  const aliasIndex = buildAliasIndex(result.factBase);
  const ruleErrors: string[] = [];
  // The heads of things named after a name, by category (optional: a directory of bad data in tests has none).
  const heads = existsSync(join(root, 'data', 'named-after.yaml'))
    ? readYaml<NamedAfterHeadsInput>('data/named-after.yaml')
    : undefined;
  const matchingRules = buildMatchingRules(result.factBase, aliasIndex, languages, ruleErrors, heads);
  return { ...result, errors: [...parseErrors, ...result.errors, ...ruleErrors], aliasIndex, matchingRules };
}

/**
 * JSON a reviewer can diff: the top-level object a key per line and each list an item per line, items compact.
 * (The bundler re-serializes imported JSON, so the layout costs the extension nothing.)
 */
function reviewableJson(value: object): string {
  const fields = Object.entries(value).map(([key, v]) => {
    const body = Array.isArray(v)
      ? v.length
        ? `[\n${v.map((item) => `  ${JSON.stringify(item)}`).join(',\n')}\n ]`
        : '[]'
      : JSON.stringify(v);
    return ` ${JSON.stringify(key)}: ${body}`;
  });
  return `{\n${fields.join(',\n')}\n}\n`;
}

function main() {
  const check = process.argv.includes('--check');
  // A clone without the corpus still passes `npm test`: the check says it was skipped (CI requires the corpus).
  if (check && !corpusPresent(CORPUS_DIR)) {
    console.log(corpusSkipLine('facts:build --check', CORPUS_DIR, 'npm run facts:build -- --check'));
    return;
  }
  const { factBase, aliasIndex, matchingRules, errors } = compileFromDisk();
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
    [ARTEFACTS.aliasIndex, reviewableJson(aliasIndex)],
    [ARTEFACTS.matchingRules, reviewableJson(matchingRules)],
    [ARTEFACTS.searchIndex, reviewableJson(toSearchIndex(factBase, { forms: true }))],
    [ARTEFACTS.exploreBase, reviewableJson(buildExploreBase(factBase))],
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
