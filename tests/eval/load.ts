/** Reads the evaluation pages and runs the matcher over them block by block, in page order, as the scanner does. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AliasIndex } from '../../lib/factbase/types';
import { createMatcher } from '../../lib/matcher/index';
import { parsePage, type EvalPage, type Mark } from './eval-set';

export const PAGES_DIR = fileURLToPath(new URL('./pages', import.meta.url));
const ALIAS_INDEX = fileURLToPath(new URL('../../data/alias-index.json', import.meta.url));

export function loadPages(dir = PAGES_DIR): EvalPage[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => parsePage(f, readFileSync(join(dir, f), 'utf8')));
}

export function loadAliasIndex(): AliasIndex {
  return JSON.parse(readFileSync(ALIAS_INDEX, 'utf8')) as AliasIndex;
}

/** The matcher's marks on every block of a page, with entity ids. One page context per page, as in a tab. */
export function matcherMarks(index: AliasIndex): (page: EvalPage) => Mark[] {
  const matcher = createMatcher(index);
  return (page) => {
    const marks: Mark[] = [];
    page.blocks.forEach((block, b) => {
      for (const m of matcher.find(block.text))
        marks.push({ block: b, start: m.start, end: m.end, entity: index.entities[m.entity]![0] });
    });
    return marks;
  };
}

/** An entity's type, or undefined when the fact base has no such entity (yet). */
export function typeLookup(index: AliasIndex): (id: string) => string | undefined {
  const types = new Map(index.entities.map(([id, , type]) => [id, type as string]));
  return (id) => types.get(id);
}
