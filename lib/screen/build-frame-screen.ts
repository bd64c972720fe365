/**
 * The keys of the gate's screen (lib/screen/frame-screen.ts) from the matcher's patterns, at build time (wxt.config.ts):
 * for each pattern, the keys of all its forms (its text and each ending it takes) at one place, two words in a row where
 * the name has two (fewer words of a page that names nothing give them), and of those the place whose keys are fewest
 * and longest.
 */
import type { AliasIndex } from '../factbase/types';
import type { MatchingRules } from '../factbase/matching-rules';
import { compilePatterns, type Pattern } from '../matcher/patterns';
import { pairKey, screenFilter, screenWords, SCREEN_KEY_UNITS } from './frame-screen';

/** The screen for this index and these rules: the filter the gate carries. */
export function buildFrameScreen(index: AliasIndex, rules: MatchingRules): string {
  return screenFilter(frameScreenKeys(compilePatterns(index, rules)));
}

export function frameScreenKeys(patterns: readonly Pattern[]): Set<string> {
  const keys = new Set<string>();
  for (const pattern of patterns) for (const key of patternKeys(pattern)) keys.add(key);
  return keys;
}

/** A short whole word ("the ", "eu ") is given by far more words of a page than a key of SCREEN_KEY_UNITS letters. */
const SHORT_KEY_COST = 20;
const cost = (keys: ReadonlySet<string>) => {
  let sum = 0;
  for (const key of keys) sum += key.length <= SCREEN_KEY_UNITS && key.endsWith(' ') ? SHORT_KEY_COST : 1;
  return sum;
};

/** The keys of every form of `pattern` at its best place; none when the screen cannot read the pattern (it passes). */
function patternKeys(pattern: Pattern): ReadonlySet<string> {
  const stem = screenWords(pattern.text);
  if (!stem?.length) return new Set();
  const singles = stem.map(() => new Set<string>());
  const pairs: (Set<string> | null)[] = stem.map(() => new Set<string>());
  const forms = pattern.endings ? pattern.endings.list.map((ending) => pattern.text + ending) : [pattern.text];
  for (const form of forms) {
    const words = screenWords(form);
    if (!words) continue; // a form with a character the screen does not read: a page holding it passes
    stem.forEach((_, i) => {
      singles[i]!.add(words[i]!.key);
      const next = words[words[i]!.next];
      if (next && words[i]!.spaced) pairs[i]?.add(pairKey(words[i]!.key, next.key));
      else pairs[i] = null;
    });
  }
  const places = pairs.filter((p): p is Set<string> => !!p?.size);
  const candidates = places.length ? places : singles;
  return candidates.reduce((best, keys) => (cost(keys) < cost(best) ? keys : best));
}
