/**
 * Record upgrades between schema versions, as pure functions. The IndexedDB upgrade (browser/snippets-db/schema.ts)
 * runs them over stored records; a JSON import runs them over an older export's records. One list, so both paths
 * upgrade the same way, and the unit tests exercise every step from every earlier version.
 */
import { SNIPPET_SCHEMA_VERSION, type Snippet, type SnippetV1 } from './types';

/** v1 → v2: tags (empty), updatedAt (= createdAt), and the selector gains its W3C `type`. */
export function upgradeV1ToV2(record: SnippetV1): Snippet {
  return {
    id: record.id,
    text: record.text,
    url: record.url,
    title: record.title,
    createdAt: record.createdAt,
    updatedAt: record.createdAt,
    selector: {
      type: 'TextQuoteSelector',
      exact: record.selector.exact,
      prefix: record.selector.prefix,
      suffix: record.selector.suffix,
    },
    entityIds: [...record.entityIds],
    note: record.note,
    tags: [],
  };
}

/**
 * `RECORD_UPGRADES[n]` turns a version-n record into a version n+1 record. Append one entry per new schema version;
 * never edit an old one (data in that shape exists on users' disks).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const RECORD_UPGRADES: Record<number, (record: any) => unknown> = {
  1: upgradeV1ToV2,
  // v2 → v3: snippet records are unchanged; version 3 adds stores and export fields for the reader's own material.
  2: (record: Snippet) => record,
};

/** Upgrades a record written at `fromVersion` to the current version. The record must be valid for its version. */
export function upgradeRecord(record: unknown, fromVersion: number): Snippet {
  if (!Number.isInteger(fromVersion) || fromVersion < 1 || fromVersion > SNIPPET_SCHEMA_VERSION)
    throw new RangeError(`No upgrade path from snippet schema version ${fromVersion}`);
  let current = record;
  for (let v = fromVersion; v < SNIPPET_SCHEMA_VERSION; v++) {
    const step = RECORD_UPGRADES[v];
    if (!step) throw new RangeError(`Missing snippet upgrade ${v} → ${v + 1}`);
    current = step(current);
  }
  return current as Snippet;
}
