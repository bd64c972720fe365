/**
 * `npm run eval`: precision and recall of the matcher on the evaluation set, per language and per entity type, and
 * every error. `--quiet` leaves out the error list.
 */
import { formatErrors, formatScore, scorePages } from './eval-set';
import { loadAliasIndex, loadMatchingRules, loadPages, matcherMarks, typeLookup } from './load';

const index = loadAliasIndex();
const pages = loadPages();
const score = scorePages(pages, matcherMarks(index, loadMatchingRules()), typeLookup(index));
console.log(`${pages.length} pages\n`);
console.log(formatScore(score));
if (!process.argv.includes('--quiet')) {
  console.log(`\n${score.errors.length} errors:`);
  console.log(formatErrors(score.errors));
}
