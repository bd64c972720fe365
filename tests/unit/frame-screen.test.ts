/**
 * The gate's screen (lib/screen/frame-screen.ts): a small frame's text that the screen stops is never one in which
 * the background's matcher finds a name. Checked three ways: the screen reads every code unit it reads at all exactly
 * as the matcher folds it; every form of every pattern (each ending it takes) passes, alone and inside other words; and
 * every line of the evaluation pages, in the region's languages, in which the matcher finds a name passes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import aliasIndexJson from '../../data/alias-index.json';
import matchingRulesJson from '../../data/matching-rules.json';
import type { AliasIndex } from '../../lib/factbase/types';
import type { MatchingRules } from '../../lib/factbase/matching-rules';
import { createMatcher } from '../../lib/matcher';
import { DROPPED_UNIT, foldedUnit } from '../../lib/matcher/fold';
import { isWordUnit } from '../../lib/matcher/char-kinds';
import { compilePatterns } from '../../lib/matcher/patterns';
import { mayName, screenUnit } from '../../lib/screen/frame-screen';
import { buildFrameScreen } from '../../lib/screen/build-frame-screen';

const index = aliasIndexJson as unknown as AliasIndex;
const rules = matchingRulesJson as unknown as MatchingRules;
const filter = buildFrameScreen(index, rules);
const APOSTROPHE = 0x27;

describe('the frame screen', () => {
  it('reads every code unit it reads at all as the matcher folds it', () => {
    const wrong: string[] = [];
    let read = 0;
    for (let unit = 0; unit < 0x10000; unit++) {
      const screen = screenUnit(unit);
      if (screen === -1) continue; // not read: a text holding it passes
      read++;
      const fold = foldedUnit(unit);
      const word = isWordUnit(unit);
      const mark = (unit >= 0x300 && unit <= 0x36f) || (unit >= 0x483 && unit <= 0x489);
      const same =
        screen >= 0
          ? word && fold === screen // a letter or digit, folded alike
          : screen === -3
            ? (fold === DROPPED_UNIT || fold === APOSTROPHE) && word === mark // read across, a word starts after it
            : !word && fold !== DROPPED_UNIT && fold !== APOSTROPHE; // between words
      if (!same) wrong.push(unit.toString(16));
    }
    expect(wrong).toEqual([]);
    // Latin, Cyrillic and the punctuation between: some 1,000 units.
    expect(read).toBeGreaterThan(1_000);
  });

  it('lets through every form of every name, alone and among other words', () => {
    const stopped: string[] = [];
    for (const pattern of compilePatterns(index, rules)) {
      const forms = pattern.endings ? pattern.endings.list.map((e) => pattern.text + e) : [pattern.text];
      for (const form of forms)
        if (!mayName(filter, form) || !mayName(filter, `Summer sale, ${form}: 20% off.`)) stopped.push(form);
    }
    expect(stopped).toEqual([]);
  });

  it('lets through every line of the evaluation pages in which the matcher finds a name', () => {
    const matcher = createMatcher(index, { rules });
    const root = join(__dirname, '..', 'eval');
    const files = ['pages', 'holdout', 'holdout-2', 'holdout-3'].flatMap((dir) =>
      readdirSync(join(root, dir))
        .filter((f) => f.endsWith('.txt'))
        .map((f) => join(root, dir, f)),
    );
    let named = 0;
    const stopped: string[] = [];
    for (const file of files)
      for (const raw of readFileSync(file, 'utf8').split('\n')) {
        // Lines as a page shows them: the labels' brackets gone, the line's kind ("p:", "h1:") dropped.
        const line = raw.replace(/^[a-z0-9-]+:\s*/, '').replace(/\[\[([^|\]]*)\|[^\]]*\]\]/g, '$1');
        if (!matcher.find(line).length) continue;
        named++;
        if (!mayName(filter, line)) stopped.push(line);
      }
    expect(stopped).toEqual([]);
    expect(named).toBeGreaterThan(500);
  });

  it('stops an ad that names nothing, and passes a text in a script it does not read', () => {
    expect(mayName(filter, 'Advertisement')).toBe(false);
    expect(mayName(filter, 'Summer sale: 20% off running shoes this week only.')).toBe(false);
    expect(mayName(filter, 'Летняя распродажа: скидка 20% на кроссовки только на этой неделе.')).toBe(false);
    expect(mayName(filter, 'Free delivery to Tashkent.')).toBe(true);
    expect(mayName(filter, 'Доставка в Ташкенте бесплатно.')).toBe(true);
    expect(mayName(filter, "China's exports")).toBe(true);
    expect(mayName(filter, 'Ամառային զեղչ')).toBe(true);
  });
});
