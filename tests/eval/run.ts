/**
 * `npm run eval`: precision and recall of the matcher on the evaluation set, per language and per entity type, and
 * every error. `--quiet` leaves out the error list. `--holdout` scores the first held-out set (holdout/README.md),
 * `--holdout 2` the second (holdout-2/README.md), and `--dir PATH` any folder of pages in the same format, instead of
 * the team's set.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatErrors, formatScore, scorePages } from './eval-set';
import { loadAliasIndex, loadMatchingRules, loadPages, matcherMarks, typeLookup } from './load';

/** The folder of pages the arguments ask for; undefined means the team's set. */
function pagesDir(args: readonly string[]): string | undefined {
  const dir = args.indexOf('--dir');
  if (dir >= 0) {
    if (!args[dir + 1]) throw new Error('--dir needs a folder');
    return resolve(args[dir + 1]!);
  }
  const holdout = args.indexOf('--holdout');
  if (holdout < 0) return undefined;
  const n = args[holdout + 1];
  const set = n && /^\d+$/.test(n) && n !== '1' ? `holdout-${n}` : 'holdout';
  return fileURLToPath(new URL(`./${set}`, import.meta.url));
}

const args = process.argv.slice(2);
const index = loadAliasIndex();
const pages = loadPages(pagesDir(args));
const score = scorePages(pages, matcherMarks(index, loadMatchingRules()), typeLookup(index));
console.log(`${pages.length} pages\n`);
console.log(formatScore(score));
if (!args.includes('--quiet')) {
  console.log(`\n${score.errors.length} errors:`);
  console.log(formatErrors(score.errors));
}
