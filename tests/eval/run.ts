/**
 * `npm run eval`: precision and recall of the matcher on the evaluation set, per language and per entity type, and
 * every error. `--quiet` leaves out the error list; `--holdout` scores the held-out pages (holdout/README.md), which
 * nobody tunes on, instead of the team's set.
 */
import { fileURLToPath } from 'node:url';
import { formatErrors, formatScore, scorePages } from './eval-set';
import { loadAliasIndex, loadMatchingRules, loadPages, matcherMarks, typeLookup } from './load';

const index = loadAliasIndex();
const HOLDOUT_DIR = fileURLToPath(new URL('./holdout', import.meta.url));
const pages = loadPages(process.argv.includes('--holdout') ? HOLDOUT_DIR : undefined);
const score = scorePages(pages, matcherMarks(index, loadMatchingRules()), typeLookup(index));
console.log(`${pages.length} pages\n`);
console.log(formatScore(score));
if (!process.argv.includes('--quiet')) {
  console.log(`\n${score.errors.length} errors:`);
  console.log(formatErrors(score.errors));
}
