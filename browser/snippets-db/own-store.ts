/**
 * The reader's own material in the snippets database (schema version 3): notes per entity, own sources with the
 * quotes they contribute, own names. Same rules as the snippets store: every function is one transaction, failures
 * come back as SnippetStoreError with a sentence for the user, and every removal resolves with what it removed so
 * the caller can offer undo (put it back with the matching restore function).
 */
import type { Snippet } from '~/lib/snippets/types';
import type { EntityNote, OwnMaterial, OwnName, OwnOnCard, OwnSource, SourceQuote } from '~/lib/own/types';
import { notifyOwnChanged } from './own-events';
import { toStoreError } from '~/lib/snippets/store-errors';
import type { IDBPObjectStore } from 'idb';
import { NAMES, NOTES, SOURCES, SOURCE_QUOTES, STORE, type SnippetDb } from './schema';
import { db } from './snippet-store';

export async function listNotes(): Promise<EntityNote[]> {
  try {
    return await (await db()).getAll(NOTES);
  } catch (err) {
    throw toStoreError(err, 'storeReadNotes');
  }
}

/**
 * Writes the note on an entity; an empty text removes it. Resolves with the note as it was before (undefined when
 * there was none), which `restoreNote` puts back: that is the undo of an edit and of a removal.
 */
export async function setNote(entityId: string, text: string, now = Date.now()): Promise<EntityNote | undefined> {
  try {
    const tx = (await db()).transaction(NOTES, 'readwrite');
    const old = await tx.store.get(entityId);
    if (text.trim()) await tx.store.put({ entityId, text, createdAt: old?.createdAt ?? now, updatedAt: now });
    else if (old) await tx.store.delete(entityId);
    await tx.done;
    notifyOwnChanged('notes');
    return old;
  } catch (err) {
    throw toStoreError(err, 'storeSaveNote');
  }
}

/** Puts a note back as it was (undo); `undefined` with an id removes the note that an undone edit created. */
export async function restoreNote(entityId: string, previous: EntityNote | undefined): Promise<void> {
  try {
    const tx = (await db()).transaction(NOTES, 'readwrite');
    if (previous) await tx.store.put(previous);
    else await tx.store.delete(entityId);
    await tx.done;
    notifyOwnChanged('notes');
  } catch (err) {
    throw toStoreError(err, 'storeRestoreNote');
  }
}

export async function listSources(): Promise<OwnSource[]> {
  try {
    return (await (await db()).getAllFromIndex(SOURCES, 'createdAt')).reverse();
  } catch (err) {
    throw toStoreError(err, 'storeReadSources');
  }
}

/** Ids of every source (keys only: no source's text is read). */
export async function sourceIds(): Promise<string[]> {
  try {
    return await (await db()).getAllKeys(SOURCES);
  } catch (err) {
    throw toStoreError(err, 'storeReadSources');
  }
}

export async function getSource(id: string): Promise<OwnSource | undefined> {
  try {
    return await (await db()).get(SOURCES, id);
  } catch (err) {
    throw toStoreError(err, 'storeReadSource');
  }
}

/** A source with everything it contributed: what a removal takes away and its undo puts back. */
interface SourceWithQuotes {
  source: OwnSource;
  quotes: SourceQuote[];
}

/**
 * Stores a source and its quotes in one transaction, replacing the quotes an earlier version of it contributed:
 * a failure (quota, a closed database) leaves the old version whole, never half a source. Resolves with the
 * earlier version, if any.
 */
export async function putSource(next: SourceWithQuotes): Promise<SourceWithQuotes | undefined> {
  try {
    const tx = (await db()).transaction([SOURCES, SOURCE_QUOTES], 'readwrite');
    const sources = tx.objectStore(SOURCES);
    const quotes = tx.objectStore(SOURCE_QUOTES);
    const [old, oldQuotes] = await Promise.all([
      sources.get(next.source.id),
      quotes.index('sourceId').getAll(next.source.id),
    ]);
    // Every write is sent at once rather than each after the last one's answer: a request's round trip to the
    // database is the cost here (a 50 KB source gives hundreds of quotes).
    await Promise.all([
      ...oldQuotes.map((q) => quotes.delete(q.id)),
      sources.put(next.source),
      ...next.quotes.map((q) => quotes.put(q)),
      tx.done,
    ]);
    notifyOwnChanged('sources');
    return old ? { source: old, quotes: oldQuotes } : undefined;
  } catch (err) {
    throw toStoreError(err, 'storeSaveSource');
  }
}

/** Removes sources and every quote they contributed; resolves with them for undo (`putSource` each back). */
export async function deleteSources(ids: readonly string[]): Promise<SourceWithQuotes[]> {
  try {
    const tx = (await db()).transaction([SOURCES, SOURCE_QUOTES], 'readwrite');
    const sources = tx.objectStore(SOURCES);
    const quotes = tx.objectStore(SOURCE_QUOTES);
    const removed: SourceWithQuotes[] = [];
    for (const id of ids) {
      const source = await sources.get(id);
      if (!source) continue;
      const contributed = await quotes.index('sourceId').getAll(id);
      for (const q of contributed) await quotes.delete(q.id);
      await sources.delete(id);
      removed.push({ source, quotes: contributed });
    }
    await tx.done;
    if (removed.length) notifyOwnChanged('sources');
    return removed;
  } catch (err) {
    throw toStoreError(err, 'storeRemoveSource');
  }
}

/**
 * The quotes derived again for some sources (after the names change), keyed by source id with the `updatedAt` of the
 * version they were read from. Written in one transaction that checks each source as it is then: a source removed
 * or edited while the matcher was reading keeps what its removal or edit left (no quotes come back for a removed
 * source). Only what differs is written: a re-read that finds what was there before writes nothing. With
 * `dropOthers` (every source was read), quotes of sources that no longer exist are dropped too.
 */
export async function replaceQuotes(
  bySource: ReadonlyMap<string, { updatedAt: number; quotes: readonly SourceQuote[] }>,
  options: { dropOthers?: boolean } = {},
): Promise<void> {
  try {
    const tx = (await db()).transaction([SOURCES, SOURCE_QUOTES], 'readwrite');
    const sources = tx.objectStore(SOURCES);
    const quotes = tx.objectStore(SOURCE_QUOTES);
    const byIndex = quotes.index('sourceId');
    // Each source's writes are sent at once rather than each after the last one's answer: with 200 sources of 50 KB
    // this is tens of thousands of quotes, and a round trip each took minutes.
    const writes: Promise<unknown>[] = [];
    let changed = false;
    for (const [id, next] of bySource) {
      const [source, before] = await Promise.all([sources.get(id), byIndex.getAll(id)]);
      if (source?.updatedAt !== next.updatedAt) continue;
      const now = new Map(next.quotes.map((q) => [q.id, q]));
      for (const q of before) if (!now.has(q.id)) writes.push(quotes.delete(q.id));
      const kept = new Map(before.map((q) => [q.id, q]));
      for (const q of next.quotes) if (!sameQuote(kept.get(q.id), q)) writes.push(quotes.put(q));
      changed ||= writes.length > 0;
    }
    if (options.dropOthers) {
      // Quotes of sources that no longer exist: one step per source id in the index, not one per quote.
      const stored = new Set(await sources.getAllKeys());
      for (let c = await byIndex.openKeyCursor(null, 'nextunique'); c; c = await c.continue())
        if (!stored.has(c.key)) for (const key of await byIndex.getAllKeys(c.key)) writes.push(quotes.delete(key));
      changed ||= writes.length > 0;
    }
    await Promise.all([...writes, tx.done]);
    if (changed) notifyOwnChanged('sources');
  } catch (err) {
    throw toStoreError(err, 'storeUpdateQuotes');
  }
}

const sameQuote = (a: SourceQuote | undefined, b: SourceQuote) =>
  !!a && a.sourceId === b.sourceId && a.entityId === b.entityId && a.quote === b.quote && a.paragraph === b.paragraph;

export async function listNames(): Promise<OwnName[]> {
  try {
    return await (await db()).getAllFromIndex(NAMES, 'createdAt');
  } catch (err) {
    throw toStoreError(err, 'storeReadNames');
  }
}

/** Adds or edits an own name; resolves with the earlier version for undo. */
export async function putName(name: OwnName): Promise<OwnName | undefined> {
  try {
    const tx = (await db()).transaction(NAMES, 'readwrite');
    const old = await tx.store.get(name.id);
    await tx.store.put(name);
    await tx.done;
    notifyOwnChanged('names');
    return old;
  } catch (err) {
    throw toStoreError(err, 'storeSaveName');
  }
}

/** Removes an own name and the note on it; resolves with both for undo (`restoreName`). */
export async function deleteName(id: string): Promise<{ name: OwnName; note?: EntityNote } | undefined> {
  try {
    const tx = (await db()).transaction([NAMES, NOTES], 'readwrite');
    const name = await tx.objectStore(NAMES).get(id);
    const note = await tx.objectStore(NOTES).get(id);
    if (name) await tx.objectStore(NAMES).delete(id);
    if (note) await tx.objectStore(NOTES).delete(id);
    await tx.done;
    if (!name) return undefined;
    notifyOwnChanged('names');
    return note ? { name, note } : { name };
  } catch (err) {
    throw toStoreError(err, 'storeRemoveName');
  }
}

export async function restoreName(removed: { name: OwnName; note?: EntityNote }): Promise<void> {
  try {
    const tx = (await db()).transaction([NAMES, NOTES], 'readwrite');
    await tx.objectStore(NAMES).put(removed.name);
    if (removed.note) await tx.objectStore(NOTES).put(removed.note);
    await tx.done;
    notifyOwnChanged('names');
  } catch (err) {
    throw toStoreError(err, 'storeRestoreName');
  }
}

/** Latest snippets shown on a card. */
const CARD_SNIPPETS = 2;
/** Quotes from own sources shown on a card; the library lists them all. */
const CARD_QUOTES = 3;

/**
 * One entity's own material for its card, in one read transaction: the note, the newest snippets naming it and
 * their count, and quotes from own sources with their citations (never a source's text). Reads only what the card
 * shows: with 10,000 snippets and 200 sources of 50 KB that name the entity, reading them all took the card from a
 * few milliseconds to most of a second (scripts/bench/own-bench.ts).
 */
export async function ownForEntity(entityId: string): Promise<OwnOnCard> {
  try {
    const tx = (await db()).transaction([NOTES, STORE, SOURCES, SOURCE_QUOTES]);
    const note = (await tx.objectStore(NOTES).get(entityId))?.text ?? '';
    const { count: snippetCount, newest } = await newestSnippets(tx.objectStore(STORE), entityId, CARD_SNIPPETS);
    const shown = await newestQuotes(tx.objectStore(SOURCES), tx.objectStore(SOURCE_QUOTES), entityId, CARD_QUOTES);
    return {
      note,
      snippetCount,
      snippets: newest.map((s) => ({
        id: s.id,
        text: s.text,
        title: s.title,
        url: s.url,
        createdAt: s.createdAt,
      })),
      quotes: shown.map(({ quote, source }) => ({
        quote: quote.quote,
        paragraph: quote.paragraph,
        source: {
          id: source.id,
          title: source.title,
          author: source.author,
          date: source.date,
          url: source.url,
          stance: source.stance,
        },
      })),
    };
  } catch (err) {
    throw toStoreError(err, 'storeReadOwn');
  }
}

type ReadStore<N extends typeof STORE | typeof SOURCES | typeof SOURCE_QUOTES> = IDBPObjectStore<
  SnippetDb,
  (typeof STORE | typeof NOTES | typeof SOURCES | typeof SOURCE_QUOTES)[],
  N,
  'readonly'
>;

/** Snippets more often than this are found newest first through the date index instead of all being read. */
const MANY_SNIPPETS = 40;

/**
 * How many snippets name the entity, and the newest `n`. A few are read through the entity index and sorted; for an
 * entity named in many, the date index is walked from the newest until `n` of them turn up (a snippet in every
 * `total / count`, so a few hundred steps at most), rather than reading thousands to keep two.
 */
async function newestSnippets(store: ReadStore<typeof STORE>, entityId: string, n: number) {
  const byEntity = store.index('entityIds');
  const count = await byEntity.count(entityId);
  if (!count) return { count, newest: [] as Snippet[] };
  if (count <= MANY_SNIPPETS) {
    const all = await byEntity.getAll(entityId);
    return { count, newest: all.sort((a, b) => b.createdAt - a.createdAt).slice(0, n) };
  }
  const newest: Snippet[] = [];
  for (let c = await store.index('createdAt').openCursor(null, 'prev'); c && newest.length < n; c = await c.continue())
    if (c.value.entityIds.includes(entityId)) newest.push(c.value);
  return { count, newest };
}

/**
 * The quotes a card shows: one per source first (newest source first), then the rest, at most `n`. Sources are
 * ordered by their keys alone (a source's text is never read for this) and only the few shown are read.
 */
async function newestQuotes(
  sources: ReadStore<typeof SOURCES>,
  quotes: ReadStore<typeof SOURCE_QUOTES>,
  entityId: string,
  n: number,
): Promise<{ quote: SourceQuote; source: OwnSource }[]> {
  const keys = await quotes.index('entityId').getAllKeys(entityId);
  if (!keys.length) return [];
  // Quote ids are `${sourceId}:${entityId}:${n}` (source-quotes.ts): the sources quoting it, from the keys alone.
  const bySource = new Map<string, string[]>();
  for (const key of keys) {
    const at = key.lastIndexOf(`:${entityId}:`);
    const sourceId = at > 0 ? key.slice(0, at) : (await quotes.get(key))?.sourceId;
    if (sourceId === undefined) continue;
    let list = bySource.get(sourceId);
    if (!list) bySource.set(sourceId, (list = []));
    list.push(key);
  }
  const newestFirst: OwnSource[] = [];
  const index = sources.index('createdAt');
  for (let c = await index.openKeyCursor(null, 'prev'); c && newestFirst.length < n; c = await c.continue())
    if (bySource.has(c.primaryKey)) {
      const source = await sources.get(c.primaryKey);
      if (source) newestFirst.push(source);
    }
  const lead: { quote: SourceQuote; source: OwnSource }[] = [];
  const rest: typeof lead = [];
  for (const source of newestFirst) {
    const ids = bySource.get(source.id)!.sort((a, b) => a.localeCompare(b));
    for (const [i, id] of ids.entries()) {
      if (i > 0 && lead.length + rest.length >= n) break;
      const quote = await quotes.get(id);
      if (quote) (i === 0 ? lead : rest).push({ quote, source });
    }
  }
  return [...lead, ...rest].slice(0, n);
}

/** The entity ids with a note, snippet or quote, for the popup's "On this page". */
export async function entitiesWithOwnMaterial(ids: readonly string[]): Promise<Record<string, OwnMarkers>> {
  try {
    const tx = (await db()).transaction([NOTES, STORE, SOURCE_QUOTES]);
    const out: Record<string, OwnMarkers> = {};
    for (const id of ids) {
      const [note, snippets, quotes] = await Promise.all([
        tx.objectStore(NOTES).getKey(id),
        tx.objectStore(STORE).index('entityIds').count(id),
        tx.objectStore(SOURCE_QUOTES).index('entityId').count(id),
      ]);
      if (note !== undefined || snippets || quotes) out[id] = { note: note !== undefined, snippets, quotes };
    }
    return out;
  } catch (err) {
    throw toStoreError(err, 'storeReadOwn');
  }
}

export interface OwnMarkers {
  note: boolean;
  snippets: number;
  quotes: number;
}

/** How many quotes the reader's sources give each entity (the explore page's layer). */
export async function quoteCountsByEntity(): Promise<Map<string, number>> {
  try {
    const index = (await db()).transaction(SOURCE_QUOTES).store.index('entityId');
    const counts = new Map<string, number>();
    for (let cursor = await index.openKeyCursor(); cursor; cursor = await cursor.continue())
      counts.set(cursor.key, (counts.get(cursor.key) ?? 0) + 1);
    return counts;
  } catch (err) {
    throw toStoreError(err, 'storeReadSources');
  }
}

/** Everything the reader owns besides snippets, for export and backup (quotes are re-derived on restore). */
export async function exportOwn(): Promise<OwnMaterial> {
  try {
    const d = await db();
    const tx = d.transaction([NOTES, SOURCES, NAMES]);
    const [notes, sources, names] = await Promise.all([
      tx.objectStore(NOTES).getAll(),
      tx.objectStore(SOURCES).index('createdAt').getAll(),
      tx.objectStore(NAMES).index('createdAt').getAll(),
    ]);
    return { notes, sources, names };
  } catch (err) {
    throw toStoreError(err, 'storeReadOwn');
  }
}

/**
 * Adds imported material in one transaction. Records whose key is already stored are left as they are (importing
 * twice changes nothing, local edits survive), unless `replace` (a restore) puts the file's version back.
 */
export async function importOwn(own: OwnMaterial, replace = false): Promise<{ added: number; skipped: number }> {
  try {
    const tx = (await db()).transaction([NOTES, SOURCES, NAMES], 'readwrite');
    let added = 0;
    let skipped = 0;
    const put = async <S extends typeof NOTES | typeof SOURCES | typeof NAMES>(
      store: S,
      key: string,
      value: OwnMaterial[S extends typeof NOTES ? 'notes' : S extends typeof SOURCES ? 'sources' : 'names'][number],
    ) => {
      const os = tx.objectStore(store);
      if (!replace && (await os.getKey(key)) !== undefined) return skipped++;
      await (os.put as (v: unknown) => Promise<unknown>)(value);
      added++;
    };
    for (const n of own.notes) await put(NOTES, n.entityId, n);
    for (const s of own.sources) await put(SOURCES, s.id, s);
    for (const n of own.names) await put(NAMES, n.id, n);
    await tx.done;
    if (added) notifyOwnChanged('all');
    return { added, skipped };
  } catch (err) {
    throw toStoreError(err, 'storeImportOwn');
  }
}
