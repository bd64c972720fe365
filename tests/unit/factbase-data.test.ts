/**
 * The committed fact base, checked against the corpus in ../shared/corpus: everything the build validates, plus the
 * promises the cards make to readers (a sourced quote for every entity, a backed summary, views attributed).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ARTEFACTS, compileFromDisk } from '../../scripts/build-factbase';
import type { FactBase } from '../../lib/factbase/types';

const fresh = compileFromDisk();
const committed = JSON.parse(readFileSync(ARTEFACTS.factBase, 'utf8')) as FactBase;

describe('the fact base', () => {
  it('builds from the curated data with no errors', () => {
    expect(fresh.errors).toEqual([]);
  });

  it('is committed exactly as the build writes it', () => {
    expect(committed).toEqual(JSON.parse(JSON.stringify(fresh.factBase)));
  });

  it('covers well over 200 entities, each with a sourced, located quote and a backed summary', () => {
    expect(committed.entities.length).toBeGreaterThan(200);
    for (const e of committed.entities) {
      expect(e.facts.length, e.id).toBeGreaterThanOrEqual(1);
      expect(e.facts.length, e.id).toBeLessThanOrEqual(5);
      for (const f of e.facts) expect(f.where.paragraph, e.id).toBeGreaterThan(0);
      expect(e.summarySentences.length, e.id).toBeGreaterThan(0);
      for (const s of e.summarySentences) expect(s.facts.length, e.id).toBeGreaterThan(0);
    }
  });

  it('has every document contributing facts', () => {
    for (const s of committed.sources)
      expect(
        committed.entities.some((e) => e.facts.some((f) => f.source === s.id)),
        s.id,
      ).toBe(true);
  });

  it('knows the names real pages use', () => {
    const names = new Map<string, string>();
    for (const e of committed.entities) for (const a of [e.name, ...e.aliases.map((x) => x.text)]) names.set(a, e.id);
    for (const alias of ['TANAP', 'OTS', 'Shusha Declaration', 'Middle Corridor', 'Tokayev', 'Mirziyoyev'])
      expect(names.has(alias), alias).toBe(true);
  });
});
