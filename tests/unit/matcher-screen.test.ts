/**
 * The neighbour screen turns a name away from namesSomeoneElse unread when no word next to it starts a word of the
 * lists that rule reads. It must never turn one away that the rule would have found someone else's: checked here for
 * every word of every evaluation page, read as a person's, a place's, a country's name and a one-word name that may be
 * a surname.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildRuleTables,
  batchText,
  mayNameSomeoneElse,
  NO_GLOSS,
  type BatchText,
  type RuledCandidate,
} from '../../lib/matcher/disambiguate';
import { Seen } from '../../lib/matcher/evidence-seen';
import { foldCodesInto } from '../../lib/matcher/fold';
import { namesSomeoneElse } from '../../lib/matcher/given-name';
import { compilePatterns, type Pattern } from '../../lib/matcher/patterns';
import { loadAliasIndex, loadMatchingRules, loadPages } from '../eval/load';

const EVAL = fileURLToPath(new URL('../eval', import.meta.url));
const index = loadAliasIndex();
const rules = loadMatchingRules();
const patterns = compilePatterns(index, rules);
const tables = buildRuleTables(index, patterns, rules);

/** A few patterns of each kind the rule reads differently. */
const kinds: Record<string, Pattern[]> = {
  person: patterns.filter((p) => p.eponym === 'person').slice(0, 3),
  place: patterns.filter((p) => p.eponym === 'place' && p.quoted).slice(0, 3),
  country: patterns.filter((p) => p.eponym === 'country' && p.quoted).slice(0, 3),
  region: patterns.filter((p) => p.region).slice(0, 3),
  surname: patterns.filter((p) => p.surnameToo && !p.eponym).slice(0, 3),
};

function folded(text: string): BatchText {
  const n = text.length;
  const codes = foldCodesInto(text, new Uint16Array(n), new Uint32Array(n + 1), new Uint32Array(n));
  return batchText(text, codes);
}

/** The first folded position whose original offset is at or after `at`. */
function foldedAt(b: BatchText, at: number): number {
  let i = 0;
  while (i < b.folded.length && b.folded.map[i]! < at) i++;
  return i;
}

const WORD = /\p{L}[\p{L}\p{M}]*/gu;

describe('neighbour screen', () => {
  it('never turns away a name that namesSomeoneElse reads as someone else’s, on every evaluation page', () => {
    const blocks = ['pages', 'holdout', 'holdout-2', 'holdout-3'].flatMap((dir) =>
      loadPages(join(EVAL, dir)).flatMap((page) => page.blocks.map((block) => block.text)),
    );
    const found: Record<string, number> = {};
    const missed: string[] = [];
    for (const text of blocks) {
      const b = folded(text);
      for (const m of text.matchAll(WORD)) {
        const start = m.index;
        const end = start + m[0].length;
        for (const [kind, ps] of Object.entries(kinds))
          for (const pattern of ps) {
            const c: RuledCandidate = {
              text: 0,
              start,
              end,
              foldedStart: foldedAt(b, start),
              foldedEnd: foldedAt(b, end),
              order: start,
              place: 0,
              pattern,
              why: undefined,
              or: undefined,
              lowercase: false,
              lowercaseAnchor: false,
              lowercaseAdjective: false,
              anchorOnly: false,
              gloss: NO_GLOSS,
            };
            if (!namesSomeoneElse(tables, b, c, undefined, Seen.Any)) continue;
            found[kind] = (found[kind] ?? 0) + 1;
            // Each check runs only where the first look saw its evidence: with what it saw, the rule decides alike.
            if (!namesSomeoneElse(tables, b, c, undefined, mayNameSomeoneElse(tables, b, c)))
              missed.push(`${kind}: ${text.slice(start - 30, end + 30)}`);
          }
      }
    }
    expect(missed).toEqual([]);
    // Every kind meets names the rule does read as someone else's: the check above is not empty.
    for (const kind of Object.keys(kinds)) expect(found[kind] ?? 0, kind).toBeGreaterThan(0);
  });
});
