/**
 * The committed fact base, checked against the corpus in ../shared/corpus: everything the build validates, plus the
 * promises the cards make to readers (a sourced quote for every entity, a backed summary, views attributed).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ARTEFACTS, compileFromDisk, CORPUS_DIR } from '../../scripts/build-factbase';
import { corpusPresent, corpusSkipLine } from '../../scripts/lib/corpus';
import type { FactBase } from '../../lib/factbase/types';

// The first two checks read the corpus; a clone without it skips them and says so (CI requires it: .ci/run).
const corpus = corpusPresent(CORPUS_DIR);
if (!corpus) {
  console.log(corpusSkipLine('verbatim quotes (factbase-data.test.ts)', CORPUS_DIR, 'npm run test:unit'));
  console.log(corpusSkipLine('quote locations (factbase-data.test.ts)', CORPUS_DIR, 'npm run test:unit'));
}
const fresh = corpus ? compileFromDisk() : null;
const committed = JSON.parse(readFileSync(ARTEFACTS.factBase, 'utf8')) as FactBase;

describe('the fact base', () => {
  it.skipIf(!fresh)('builds from the curated data with no errors', () => {
    expect(fresh!.errors).toEqual([]);
  });

  it.skipIf(!fresh)('is committed exactly as the build writes it', () => {
    expect(committed).toEqual(JSON.parse(JSON.stringify(fresh!.factBase)));
  });

  it('covers well over 200 entities, each with a sourced, located quote and a backed summary', () => {
    expect(committed.entities.length).toBeGreaterThan(200);
    const unsourced = committed.entities.filter((e) => e.notInCorpus);
    // A card no document names is the rare exception (sitting leaders, the CIS), and says so in its summary.
    expect(unsourced.length).toBeLessThanOrEqual(5);
    for (const e of unsourced) {
      expect(e.facts, e.id).toEqual([]);
      expect(e.summary, e.id).toMatch(/None of the source documents names/);
    }
    for (const e of committed.entities.filter((x) => !x.notInCorpus)) {
      expect(e.facts.length, e.id).toBeGreaterThanOrEqual(1);
      expect(e.facts.length, e.id).toBeLessThanOrEqual(5);
      for (const f of e.facts) expect(f.where.paragraph, e.id).toBeGreaterThan(0);
      expect(e.summarySentences.length, e.id).toBeGreaterThan(0);
      for (const s of e.summarySentences) expect(s.facts.length, e.id).toBeGreaterThan(0);
    }
  });

  it('has every document contributing facts (an edited volume through its chapters)', () => {
    const documentOf = new Map(committed.sources.map((s) => [s.id, s.partOf ?? s.id]));
    for (const s of committed.sources.filter((x) => !x.partOf))
      expect(
        committed.entities.some((e) => e.facts.some((f) => documentOf.get(f.source) === s.id)),
        s.id,
      ).toBe(true);
  });

  it('cites every quote of an edited volume by its chapter, each with an author and a standpoint', () => {
    const byId = new Map(committed.sources.map((s) => [s.id, s]));
    for (const e of committed.entities)
      for (const f of e.facts) {
        const source = byId.get(f.source)!;
        expect(source.chapters, `${e.id}: ${f.source}`).toBeUndefined();
        if (source.partOf) expect(source.stance && source.authors.length, f.source).toBeTruthy();
      }
  });

  it('knows the names real pages use', () => {
    const names = new Map<string, string>();
    for (const e of committed.entities) for (const a of [e.name, ...e.aliases.map((x) => x.text)]) names.set(a, e.id);
    for (const alias of ['TANAP', 'OTS', 'Shusha Declaration', 'Middle Corridor', 'Tokayev', 'Mirziyoyev'])
      expect(names.has(alias), alias).toBe(true);
  });
});
