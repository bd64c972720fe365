/**
 * The snippets store: domain functions over one IndexedDB database on the extension's origin. The background
 * calls it for saves coming from pages; the library and popup (extension pages, same origin) call it directly.
 *
 * Every function is one transaction: a save, an edit, a bulk delete, an import either happens whole or not at all,
 * and failures come back as SnippetStoreError with a sentence for the user (quota included).
 */
import { openDB, type IDBPDatabase } from 'idb';
import { buildSnippet } from '~/lib/snippets/build-snippet';
import type { NewSnippet, Snippet, SnippetPatch } from '~/lib/snippets/types';
import { recordProblems } from '~/lib/snippets/validate-record';
import { notifySnippetsChanged } from './change-events';
import { SnippetStoreError, toStoreError } from '~/lib/snippets/store-errors';
import { phrase } from '~/lib/i18n/translator';
import { DB_NAME, DB_VERSION, STORE, runUpgrades, type SnippetDb } from './schema';

export { DB_NAME, DB_VERSION } from './schema';
export { SnippetStoreError, QUOTA_PHRASE } from '~/lib/snippets/store-errors';

type Db = IDBPDatabase<SnippetDb>;
let connection: Promise<Db> | null = null;

/**
 * Opens the database at `version` (the current one unless a test asks for an older), running any upgrades.
 * The connection closes itself when another context needs to upgrade or delete the database, so a library tab
 * left open never blocks a newer background.
 */
function openSnippetDb(version = DB_VERSION, name = DB_NAME): Promise<Db> {
  return openDB<SnippetDb>(name, version, {
    upgrade: (db, oldVersion, newVersion, tx) => runUpgrades(db, oldVersion, newVersion ?? version, tx),
    blocking: () => {
      void connection?.then((db) => db.close());
      connection = null;
    },
    terminated: () => {
      connection = null;
    },
  });
}

/** The one shared connection; the own-material store (./own-store.ts) uses it too. */
export function db(): Promise<Db> {
  if (!connection) {
    connection = openSnippetDb();
    connection.catch(() => {
      connection = null;
    });
  }
  return connection;
}

const newId = () => crypto.randomUUID();

/** Saves one snippet in one transaction. Resolves with the stored record. */
export async function saveSnippet(input: NewSnippet, now = Date.now()): Promise<Snippet> {
  const built = buildSnippet(input, newId(), now);
  if ('problems' in built)
    throw new SnippetStoreError('invalid', phrase('snippetInvalidNotSaved', built.problems.join('; ')));
  try {
    const tx = (await db()).transaction(STORE, 'readwrite');
    await Promise.all([tx.store.add(built.snippet), tx.done]);
    notifySnippetsChanged();
    return built.snippet;
  } catch (err) {
    throw toStoreError(err, 'storeSaveSnippet');
  }
}

interface ListOptions {
  /** Newest `limit` snippets; all when absent. */
  limit?: number;
}

/** Snippets newest first. `listSnippets({ limit: 5 })` is the popup's "latest snippets". */
export async function listSnippets({ limit }: ListOptions = {}): Promise<Snippet[]> {
  try {
    const d = await db();
    if (limit === undefined) return (await d.getAllFromIndex(STORE, 'createdAt')).reverse();
    const out: Snippet[] = [];
    if (limit <= 0) return out;
    const tx = d.transaction(STORE);
    for (
      let c = await tx.store.index('createdAt').openCursor(null, 'prev');
      c && out.length < limit;
      c = await c.continue()
    )
      out.push(c.value);
    return out;
  } catch (err) {
    throw toStoreError(err, 'storeReadSnippets');
  }
}

export async function countSnippets(): Promise<number> {
  try {
    return await (await db()).count(STORE);
  } catch (err) {
    throw toStoreError(err, 'storeCountSnippets');
  }
}

/** The snippets saved from this page address, whatever its #fragment was (highlights on revisit). */
export async function snippetsForPage(url: string): Promise<Snippet[]> {
  const base = url.split('#')[0]!;
  try {
    return await (await db()).getAllFromIndex(STORE, 'url', IDBKeyRange.bound(base, `${base}#\uffff`));
  } catch (err) {
    throw toStoreError(err, 'storeReadSnippets');
  }
}

/** Edits note and tags; resolves with the new record, or undefined when the snippet no longer exists. */
export async function updateSnippet(id: string, patch: SnippetPatch, now = Date.now()): Promise<Snippet | undefined> {
  try {
    const tx = (await db()).transaction(STORE, 'readwrite');
    const old = await tx.store.get(id);
    if (!old) {
      await tx.done;
      return undefined;
    }
    const next: Snippet = {
      ...old,
      note: patch.note ?? old.note,
      tags: patch.tags ? [...new Set(patch.tags)] : old.tags,
      updatedAt: now,
    };
    const problems = recordProblems(next, 2);
    if (problems.length) {
      tx.abort();
      throw new SnippetStoreError('invalid', phrase('snippetInvalidNotChanged', problems.join('; ')));
    }
    await Promise.all([tx.store.put(next), tx.done]);
    notifySnippetsChanged();
    return next;
  } catch (err) {
    throw toStoreError(err, 'storeChangeSnippet');
  }
}

/** Deletes in one transaction and resolves with the records removed, so the caller can offer undo (restore). */
export async function deleteSnippets(ids: readonly string[]): Promise<Snippet[]> {
  try {
    const tx = (await db()).transaction(STORE, 'readwrite');
    const removed: Snippet[] = [];
    for (const id of ids) {
      const old = await tx.store.get(id);
      if (!old) continue;
      removed.push(old);
      await tx.store.delete(id);
    }
    await tx.done;
    if (removed.length) notifySnippetsChanged();
    return removed;
  } catch (err) {
    throw toStoreError(err, 'storeDeleteSnippets');
  }
}

/**
 * Puts records back exactly as given (undo of a delete, restore of a backup): same ids, same times. A record with
 * an id already stored replaces it. One transaction.
 */
export async function restore(snippets: readonly Snippet[]): Promise<number> {
  for (const s of snippets) {
    const problems = recordProblems(s, 2);
    if (problems.length)
      throw new SnippetStoreError('invalid', phrase('snippetInvalidNotRestored', problems.join('; ')));
  }
  try {
    const tx = (await db()).transaction(STORE, 'readwrite');
    await Promise.all([...snippets.map((s) => tx.store.put(s)), tx.done]);
    notifySnippetsChanged();
    return snippets.length;
  } catch (err) {
    throw toStoreError(err, 'storeRestoreSnippets');
  }
}

interface ImportOutcome {
  added: number;
  /** Already present (same id): left as they are, so importing a file twice changes nothing and edits survive. */
  skipped: number;
}

/** Adds validated records whose ids are new, in one transaction (all or nothing). */
export async function importSnippets(snippets: readonly Snippet[]): Promise<ImportOutcome> {
  for (const s of snippets) {
    const problems = recordProblems(s, 2);
    if (problems.length)
      throw new SnippetStoreError('invalid', phrase('snippetInvalidNotImported', problems.join('; ')));
  }
  try {
    const tx = (await db()).transaction(STORE, 'readwrite');
    const writes: Promise<unknown>[] = [];
    let skipped = 0;
    for (const s of snippets) {
      if ((await tx.store.getKey(s.id)) !== undefined) skipped++;
      else writes.push(tx.store.add(s));
    }
    await Promise.all([...writes, tx.done]);
    if (writes.length) notifySnippetsChanged();
    return { added: writes.length, skipped };
  } catch (err) {
    throw toStoreError(err, 'storeImportSnippets');
  }
}
