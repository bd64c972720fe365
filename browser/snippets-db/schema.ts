/**
 * The snippets database's versioned schema: one upgrade step per version, run in order inside the browser's
 * version-change transaction, so a database at any earlier version reaches the current one in one open, and a
 * failing step aborts the whole upgrade (the database stays as it was, at its old version).
 *
 * Record shapes per version live in lib/snippets/types.ts; record changes are the pure functions in
 * lib/snippets/migrate.ts, shared with JSON import. Never edit a shipped step: append a new one.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { upgradeRecord } from '~/lib/snippets/migrate';
import type { Snippet } from '~/lib/snippets/types';
import type { EntityNote, OwnName, OwnSource, SourceQuote } from '~/lib/own/types';

export const DB_NAME = 'caspian-lens-snippets';
export const STORE = 'snippets';
/** The reader's own material (lib/own/types.ts), from version 3. */
export const NOTES = 'notes';
export const SOURCES = 'sources';
export const SOURCE_QUOTES = 'sourceQuotes';
export const NAMES = 'names';

export interface SnippetDb extends DBSchema {
  snippets: {
    key: string;
    value: Snippet;
    indexes: { createdAt: number; url: string; tags: string; entityIds: string };
  };
  notes: { key: string; value: EntityNote; indexes: { updatedAt: number } };
  sources: { key: string; value: OwnSource; indexes: { createdAt: number } };
  sourceQuotes: { key: string; value: SourceQuote; indexes: { entityId: string; sourceId: string } };
  names: { key: string; value: OwnName; indexes: { createdAt: number } };
}

type UpgradeTx = IDBPTransaction<SnippetDb, StoreNames<SnippetDb>[], 'versionchange'>;
type UpgradeStep = (db: IDBPDatabase<SnippetDb>, tx: UpgradeTx) => Promise<void>;

/** `SCHEMA_STEPS[n - 1]` brings a database from version n - 1 to n. Its length is the current version. */
export const SCHEMA_STEPS: readonly UpgradeStep[] = [
  // v1: one store keyed by id; newest-first listing by createdAt.
  async (db) => {
    const store = db.createObjectStore(STORE, { keyPath: 'id' });
    store.createIndex('createdAt', 'createdAt');
  },
  // v2: tags; indexes for tag and entity filters and for finding a page's snippets (highlights on revisit).
  async (_db, tx) => {
    const store = tx.objectStore(STORE);
    store.createIndex('url', 'url');
    store.createIndex('tags', 'tags', { multiEntry: true });
    store.createIndex('entityIds', 'entityIds', { multiEntry: true });
    for (let cursor = await store.openCursor(); cursor; cursor = await cursor.continue())
      await cursor.update(upgradeRecord(cursor.value, 1));
  },
  // v3: the reader's own material: a note per entity, own sources and the quotes they contribute per entity (found
  // by the background's matcher, removed with their source), own names. Snippet records are unchanged.
  async (db) => {
    db.createObjectStore(NOTES, { keyPath: 'entityId' }).createIndex('updatedAt', 'updatedAt');
    db.createObjectStore(SOURCES, { keyPath: 'id' }).createIndex('createdAt', 'createdAt');
    const quotes = db.createObjectStore(SOURCE_QUOTES, { keyPath: 'id' });
    quotes.createIndex('entityId', 'entityId');
    quotes.createIndex('sourceId', 'sourceId');
    db.createObjectStore(NAMES, { keyPath: 'id' }).createIndex('createdAt', 'createdAt');
  },
];

export const DB_VERSION = SCHEMA_STEPS.length;

/** Runs the steps from `oldVersion` up to `newVersion`; aborts the version change if any step fails. */
export function runUpgrades(db: IDBPDatabase<SnippetDb>, oldVersion: number, newVersion: number, tx: UpgradeTx): void {
  const steps = SCHEMA_STEPS.slice(oldVersion, newVersion);
  // The callback cannot be async (the browser commits the transaction when it runs out of requests), so chain the
  // steps on the transaction's own requests and abort on the first failure.
  steps
    .reduce<Promise<void>>((done, step) => done.then(() => step(db, tx)), Promise.resolve())
    .catch((err) => {
      console.error('[lens] snippet schema upgrade failed', err);
      try {
        tx.abort();
      } catch {
        /* already finished: the failure surfaces through the open request */
      }
    });
}
