/**
 * `npm run facts:names -- [--type person,organization] [--list]`: which of the region's languages each entity has a
 * name in, so names are added per entity and language, not per page an evaluation missed. Prints the count of
 * entities named per language and type; `--list` adds one row per entity with the languages it lacks.
 */
import { readFileSync } from 'node:fs';
import { namesByLanguage } from '../lib/factbase/coverage';
import type { FactBase } from '../lib/factbase/types';
import { ARTEFACTS } from './build-factbase';

const LANGUAGES = ['en', 'tr', 'az', 'ru', 'kk', 'kk-Latn', 'uz', 'uz-Cyrl', 'ky', 'tk', 'hy', 'ka'] as const;

const args = process.argv.slice(2);
const typeArg = args.includes('--type') ? args[args.indexOf('--type') + 1] : undefined;
const only = typeArg ? new Set(typeArg.split(',')) : undefined;
const base = JSON.parse(readFileSync(ARTEFACTS.factBase, 'utf8')) as FactBase;
const entities = base.entities.filter((e) => !only || only.has(e.type));
const covered = namesByLanguage(base, LANGUAGES);

const cell = (s: string | number, n = 8) => String(s).padStart(n);
console.log(`${'type'.padEnd(16)}${cell('n', 5)}${LANGUAGES.map((l) => cell(l)).join('')}`);
const types = [...new Set(entities.map((e) => e.type))].sort();
const rows = [...types.map((t) => [t, entities.filter((e) => e.type === t)] as const), ['ALL', entities] as const];
for (const [type, list] of rows) {
  const counts = LANGUAGES.map((l) => list.filter((e) => covered.get(e.id)?.has(l)).length);
  console.log(`${type.padEnd(16)}${cell(list.length, 5)}${counts.map((n) => cell(n)).join('')}`);
}
if (args.includes('--list'))
  for (const e of entities) {
    const missing = LANGUAGES.filter((l) => !covered.get(e.id)?.has(l));
    if (missing.length) console.log(`${e.type.padEnd(16)}${e.id.padEnd(52)}lacks ${missing.join(' ')}`);
  }
