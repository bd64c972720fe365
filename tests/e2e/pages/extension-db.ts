/**
 * The extension's IndexedDB (`caspian-lens-snippets`), read and written from one of its own pages: what a test sets
 * up or checks underneath the UI. Only extension pages can reach it (a web page has its own origin's databases), so
 * the library and popup page objects call these with their page. Store names are the schema's
 * (lib/snippets-db/schema.ts): snippets, notes, names, sources, sourceQuotes.
 */
import type { LensPage } from '../../../automation/lens-browser';

const DB_NAME = 'caspian-lens-snippets';

export type Row = Record<string, unknown>;

/** Every record of one object store, in key order. */
export function storeRecords(page: LensPage, store: string): Promise<Row[]> {
  return page.evaluate(
    ({ name, store }) =>
      new Promise<Row[]>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction(store).objectStore(store).getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result as Row[]);
          };
          all.onerror = () => reject(all.error);
        };
      }),
    { name: DB_NAME, store },
  );
}

/** Empties one object store. */
export function clearStore(page: LensPage, store: string): Promise<void> {
  return page.evaluate(
    ({ name, store }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => {
          const tx = open.result.transaction(store, 'readwrite');
          tx.objectStore(store).clear();
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    { name: DB_NAME, store },
  );
}

/**
 * Puts `put` into the snippets store and deletes the ids in `remove`, in one transaction, then says so on the
 * channel the library uses after writing snippets, so the background reads cards' material afresh.
 */
export function writeSnippets(page: LensPage, put: readonly Row[], remove: readonly string[]): Promise<void> {
  return page.evaluate(
    ({ name, put, remove }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => {
          const tx = open.result.transaction('snippets', 'readwrite');
          for (const r of put) tx.objectStore('snippets').put(r);
          for (const id of remove) tx.objectStore('snippets').delete(id);
          tx.oncomplete = () => {
            open.result.close();
            new BroadcastChannel(name).postMessage('changed');
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { name: DB_NAME, put: put as Row[], remove: remove as string[] },
  );
}

/**
 * Deletes the database and makes it again exactly as versions 1 and 2 of the schema left it, holding `records`.
 * The extension's own pages and background reopen the database as soon as it is deleted, at the current version; a
 * version-2 open that loses that race gets a VersionError, so this deletes and tries again until the old one stands.
 */
export function recreateVersion2(page: LensPage, records: readonly Row[]): Promise<void> {
  return page.evaluate(
    async ({ name, records }) => {
      const recreate = () =>
        new Promise<boolean>((resolve, reject) => {
          const del = indexedDB.deleteDatabase(name);
          del.onerror = () => reject(del.error);
          del.onsuccess = () => {
            const open = indexedDB.open(name, 2);
            open.onupgradeneeded = () => {
              const store = open.result.createObjectStore('snippets', { keyPath: 'id' });
              store.createIndex('createdAt', 'createdAt');
              store.createIndex('url', 'url');
              store.createIndex('tags', 'tags', { multiEntry: true });
              store.createIndex('entityIds', 'entityIds', { multiEntry: true });
              for (const r of records) store.put(r);
            };
            open.onsuccess = () => {
              open.result.close();
              resolve(true);
            };
            open.onerror = () => (open.error?.name === 'VersionError' ? resolve(false) : reject(open.error));
          };
        });
      for (let attempt = 0; attempt < 20; attempt++) if (await recreate()) return;
      throw new Error('could not recreate the version 2 database');
    },
    { name: DB_NAME, records: records as Row[] },
  );
}

/** The database's version, its stores and the indexes of its source quotes. */
export function schemaOf(page: LensPage): Promise<{ version: number; stores: string[]; quoteIndexes: string[] }> {
  return page.evaluate(
    (name) =>
      new Promise<{ version: number; stores: string[]; quoteIndexes: string[] }>((resolve) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => {
          const db = open.result;
          const quoteIndexes = [...db.transaction('sourceQuotes').objectStore('sourceQuotes').indexNames].sort();
          resolve({ version: db.version, stores: [...db.objectStoreNames].sort(), quoteIndexes });
          db.close();
        };
      }),
    DB_NAME,
  );
}
