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
import { NAMES, NOTES, SOURCES, SOURCE_QUOTES, STORE } from './schema';
import { db } from './snippet-store';

export async function getNote(entityId: string): Promise<EntityNote | undefined> {
  try {
    return await (await db()).get(NOTES, entityId);
  } catch (err) {
    throw toStoreError(err, 'read the note');
  }
}

export async function listNotes(): Promise<EntityNote[]> {
  try {
    return await (await db()).getAll(NOTES);
  } catch (err) {
    throw toStoreError(err, 'read the notes');
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
    throw toStoreError(err, 'save the note');
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
    throw toStoreError(err, 'restore the note');
  }
}

export async function listSources(): Promise<OwnSource[]> {
  try {
    return (await (await db()).getAllFromIndex(SOURCES, 'createdAt')).reverse();
  } catch (err) {
    throw toStoreError(err, 'read your sources');
  }
}

export async function getSource(id: string): Promise<OwnSource | undefined> {
  try {
    return await (await db()).get(SOURCES, id);
  } catch (err) {
    throw toStoreError(err, 'read the source');
  }
}

/** A source with everything it contributed: what a removal takes away and its undo puts back. */
export interface SourceWithQuotes {
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
    const old = await sources.get(next.source.id);
    const oldQuotes = await quotes.index('sourceId').getAll(next.source.id);
    for (const q of oldQuotes) await quotes.delete(q.id);
    await sources.put(next.source);
    for (const q of next.quotes) await quotes.put(q);
    await tx.done;
    notifyOwnChanged('sources');
    return old ? { source: old, quotes: oldQuotes } : undefined;
  } catch (err) {
    throw toStoreError(err, 'save the source');
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
    throw toStoreError(err, 'remove the source');
  }
}

/**
 * The quotes derived again for each source (after the names change), keyed by source id with the `updatedAt` of the
 * version they were read from. Written in one transaction that checks each source as it is then: a source removed
 * or edited while the matcher was reading keeps what its removal or edit left (no quotes come back for a removed
 * source), and quotes of sources that no longer exist are dropped.
 */
export async function replaceQuotes(
  bySource: ReadonlyMap<string, { updatedAt: number; quotes: readonly SourceQuote[] }>,
): Promise<void> {
  try {
    const tx = (await db()).transaction([SOURCES, SOURCE_QUOTES], 'readwrite');
    const sources = tx.objectStore(SOURCES);
    const quotes = tx.objectStore(SOURCE_QUOTES);
    const stored = new Map((await sources.getAll()).map((s) => [s.id, s.updatedAt]));
    for (const [id, next] of bySource) {
      if (stored.get(id) !== next.updatedAt) continue;
      for (const key of await quotes.index('sourceId').getAllKeys(id)) await quotes.delete(key);
      for (const q of next.quotes) await quotes.put(q);
    }
    for (let cursor = await quotes.openCursor(); cursor; cursor = await cursor.continue())
      if (!stored.has(cursor.value.sourceId)) await cursor.delete();
    await tx.done;
    notifyOwnChanged('sources');
  } catch (err) {
    throw toStoreError(err, 'update the quotes of your sources');
  }
}

export async function listNames(): Promise<OwnName[]> {
  try {
    return await (await db()).getAllFromIndex(NAMES, 'createdAt');
  } catch (err) {
    throw toStoreError(err, 'read your names');
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
    throw toStoreError(err, 'save the name');
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
    throw toStoreError(err, 'remove the name');
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
    throw toStoreError(err, 'restore the name');
  }
}

/** Latest snippets shown on a card. */
export const CARD_SNIPPETS = 2;
/** Quotes from own sources shown on a card; the library lists them all. */
export const CARD_QUOTES = 3;

/**
 * One entity's own material for its card, in one read transaction: the note, the newest snippets naming it and
 * their count, and quotes from own sources with their citations (never a source's text).
 */
export async function ownForEntity(entityId: string): Promise<OwnOnCard> {
  try {
    const tx = (await db()).transaction([NOTES, STORE, SOURCES, SOURCE_QUOTES]);
    const note = (await tx.objectStore(NOTES).get(entityId))?.text ?? '';
    const byEntity = tx.objectStore(STORE).index('entityIds');
    const snippetCount = await byEntity.count(entityId);
    let snippets: Snippet[] = [];
    if (snippetCount) snippets = await byEntity.getAll(entityId);
    snippets.sort((a, b) => b.createdAt - a.createdAt);
    const quotes = await tx.objectStore(SOURCE_QUOTES).index('entityId').getAll(entityId);
    const sources = new Map<string, OwnSource | undefined>();
    for (const q of quotes)
      if (!sources.has(q.sourceId)) sources.set(q.sourceId, await tx.objectStore(SOURCES).get(q.sourceId));
    const shown = newestSourcesFirst(quotes, sources).slice(0, CARD_QUOTES);
    return {
      note,
      snippetCount,
      snippets: snippets.slice(0, CARD_SNIPPETS).map((s) => ({
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
    throw toStoreError(err, 'read your material');
  }
}

/** One quote per source first (newest source first), then the rest: a card shows several voices before repeats. */
function newestSourcesFirst(quotes: SourceQuote[], sources: Map<string, OwnSource | undefined>) {
  const withSource = quotes
    .map((quote) => ({ quote, source: sources.get(quote.sourceId) }))
    .filter((q): q is { quote: SourceQuote; source: OwnSource } => !!q.source)
    .sort((a, b) => b.source.createdAt - a.source.createdAt || a.quote.id.localeCompare(b.quote.id));
  const first = new Set<string>();
  const lead: typeof withSource = [];
  const rest: typeof withSource = [];
  for (const q of withSource) {
    (first.has(q.source.id) ? rest : lead).push(q);
    first.add(q.source.id);
  }
  return [...lead, ...rest];
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
    throw toStoreError(err, 'read your material');
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
    throw toStoreError(err, 'read your sources');
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
    throw toStoreError(err, 'read your material');
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
    throw toStoreError(err, 'import your material');
  }
}
