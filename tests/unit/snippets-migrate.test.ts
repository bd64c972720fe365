import { describe, expect, it } from 'vitest';
import { RECORD_UPGRADES, upgradeRecord, upgradeV1ToV2 } from '../../lib/snippets/migrate';
import { SNIPPET_SCHEMA_VERSION } from '../../lib/snippets/types';
import { recordProblems } from '../../lib/snippets/validate-record';
import { SCHEMA_STEPS } from '~/browser/snippets-db/schema';
import { V1_RECORDS } from './snippets-fixtures';

describe('snippet record upgrades', () => {
  it('has one record upgrade and one schema step per version', () => {
    expect(SCHEMA_STEPS.length).toBe(SNIPPET_SCHEMA_VERSION);
    for (let v = 1; v < SNIPPET_SCHEMA_VERSION; v++) expect(RECORD_UPGRADES[v]).toBeTypeOf('function');
  });

  it('turns every v1 fixture into a valid current record, keeping every v1 field', () => {
    for (const v1 of V1_RECORDS) {
      expect(recordProblems(v1, 1)).toEqual([]);
      const v2 = upgradeRecord(structuredClone(v1), 1);
      expect(recordProblems(v2, SNIPPET_SCHEMA_VERSION)).toEqual([]);
      expect(v2).toMatchObject({
        id: v1.id,
        text: v1.text,
        url: v1.url,
        title: v1.title,
        createdAt: v1.createdAt,
        updatedAt: v1.createdAt,
        entityIds: v1.entityIds,
        note: v1.note,
        tags: [],
        selector: { type: 'TextQuoteSelector', ...v1.selector },
      });
    }
  });

  it('does not share arrays with the old record', () => {
    const v1 = structuredClone(V1_RECORDS[0]!);
    const v2 = upgradeV1ToV2(v1);
    v2.entityIds.push('x');
    expect(v1.entityIds).not.toContain('x');
  });

  it('leaves current records as they are and refuses unknown versions', () => {
    const v2 = upgradeV1ToV2(V1_RECORDS[0]!);
    expect(upgradeRecord(v2, SNIPPET_SCHEMA_VERSION)).toBe(v2);
    expect(() => upgradeRecord(v2, 0)).toThrow(RangeError);
    expect(() => upgradeRecord(v2, SNIPPET_SCHEMA_VERSION + 1)).toThrow(RangeError);
  });

  it('tells a v1 record from a v2 one', () => {
    expect(recordProblems(V1_RECORDS[0], 2)).toEqual(
      expect.arrayContaining([
        'selector.type must be "TextQuoteSelector"',
        'updatedAt is not a valid time',
        'tags is missing or not a list',
      ]),
    );
  });
});
