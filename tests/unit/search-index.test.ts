/**
 * The search artefact (data/search-index.json) the popup searches instead of the whole fact base: it is current with
 * the fact base, carries every text search reads at the same place, and gives the same results.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FactBase } from '../../lib/factbase/types';
import { allFields, collectFields, type RawField } from '../../lib/search/fields';
import { toSearchForm } from '../../lib/search/normalize';
import { createSearch } from '../../lib/search/search';
import { toSearchIndex, type SearchIndexData } from '../../lib/search/search-index';
import { BENCH_QUERIES, keystrokes } from '../../scripts/bench/search-bench';

const read = <T>(path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as T;
const base = read<FactBase>('../../data/factbase.json');
const committed = read<SearchIndexData>('../../data/search-index.json');

describe('search artefact', () => {
  it('is what the fact base gives now (npm run facts:build writes it)', () => {
    expect(committed).toEqual(toSearchIndex(base, { forms: true }));
  });

  it('round-trips every field search reads: names, aliases, summary sentences and quotes, at their refs', () => {
    const fromBase = collectFields(base);
    const fromIndex = collectFields(committed);
    const withoutForms = (fs: RawField[]) =>
      fs.map((f) => {
        const copy = { ...f };
        delete copy.form;
        return copy;
      });
    expect(fromIndex.entities).toEqual(fromBase.entities);
    expect(withoutForms(fromIndex.names)).toEqual(withoutForms(fromBase.names));
    expect(withoutForms(fromIndex.texts)).toEqual(withoutForms(fromBase.texts));
    // The forms the build computed are those the popup would compute, text by text.
    for (const f of [...fromIndex.names, ...fromIndex.texts]) expect(f.form, f.text).toBe(toSearchForm(f.text).text);
    // The refs point back into the fact base: what a result's alias or quote shows is the fact base's own text.
    for (const f of fromIndex.names.filter((n) => n.kind === 'alias'))
      expect(f.text).toBe(base.entities[f.entity]!.aliases[f.ref]!.text);
    for (const f of fromIndex.texts.filter((n) => n.kind === 'quote'))
      expect(f.text).toBe(base.entities[f.entity]!.facts[f.ref]!.quote);
    expect(fromIndex.entities.map((e) => e.id)).toEqual(base.entities.map((e) => e.id));
    expect(allFields(committed).fields.length).toBe(allFields(base).fields.length);
  });

  it('keeps nothing search does not read (no relations, views, sources or quote locations)', () => {
    const keys = new Set(committed.entities.flatMap((e) => Object.keys(e)));
    expect([...keys].sort()).toEqual(['aliases', 'forms', 'id', 'name', 'quotes', 'summary', 'type', 'weight']);
    const size = JSON.stringify(committed).length;
    // Texts and their search forms: about two fifths of the fact base, whose relations, views and locations stay out.
    expect(size).toBeLessThan(JSON.stringify(base).length / 2);
  });

  it('gives the same hits as a search over the whole fact base, keystroke by keystroke', () => {
    const whole = createSearch(base);
    const compact = createSearch(committed, { deferText: true });
    compact.indexText();
    for (const q of keystrokes(BENCH_QUERIES)) expect(compact.search(q), q).toEqual(whole.search(q));
    // Hundreds of keystrokes over two full indexes: a second or two alone, far more beside a busy e2e run.
  }, 60_000);

  it('accepts an entity without summary sentences (the summary whole is its one sentence)', () => {
    const e = base.entities[0]!;
    const index = toSearchIndex({ ...base, entities: [{ ...e, summarySentences: [] }] });
    expect(index.entities[0]!.summary).toEqual([e.summary]);
    expect(collectFields(index).entities[0]!.lead).toBe(e.summary);
  });
});
