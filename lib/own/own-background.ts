/**
 * The background's side of the reader's own material: the one matcher gains their own names (rebuilt when the names
 * change), own sources are read by that matcher into quotes per entity, and cards get the reader's material beside
 * the fact base. Storage is injected (browser/snippets-db/own-store.ts in the extension), so this runs in Node tests.
 */
import type { FactBaseStore } from '../factbase/factbase-store';
import type { AliasIndex, Entity } from '../factbase/types';
import { createMatcher, foldText, type Matcher } from '../matcher';
import { compilePatterns } from '../matcher/patterns';
import type { MatchingRules } from '../factbase/matching-rules';
import type { EntityDetails } from '../messaging/messages';
import { withOwnNameRules, withOwnNames } from './own-names';
import { sourceQuotes, type FoundName } from './source-quotes';
import { createPagesFirst, findInSlices, type PagesFirst } from './read-in-slices';
import type { OwnName, OwnOnCard, OwnSource, SourceDraft, SourceQuote } from './types';
import { isOwnNameId } from './types';

export interface OwnStorage {
  listNames(): Promise<OwnName[]>;
  /** Ids of every stored source: a re-read reads them one at a time, never all 10 MB of 200 sources at once. */
  sourceIds(): Promise<string[]>;
  getSource(id: string): Promise<OwnSource | undefined>;
  putSource(next: { source: OwnSource; quotes: SourceQuote[] }): Promise<unknown>;
  /**
   * Replaces the quotes of the sources given, each with the version of the source it was read from (see own-store's
   * replaceQuotes); with `dropOthers`, quotes of sources that no longer exist go too (after reading every source).
   */
  replaceQuotes(
    bySource: ReadonlyMap<string, { updatedAt: number; quotes: readonly SourceQuote[] }>,
    options?: { dropOthers?: boolean },
  ): Promise<void>;
  ownForEntity(entityId: string): Promise<OwnOnCard>;
}

export type { SourceDraft } from './types';

export interface AddedSource {
  source: OwnSource;
  /** Quotes the source contributed, and how many entities they are about. */
  quotes: number;
  entities: number;
}

/**
 * A re-read writes the quotes of this many sources per transaction: one transaction for 200 sources held every card's
 * read of the reader's material until all of them were read.
 */
const SOURCES_PER_WRITE = 20;

/** Entities whose card material the background keeps: every name on a few long pages. */
const MATERIAL_KEPT = 300;

/** What of a name decides where it matches: its words and its type (a person's names take more endings). */
const matchKey = (n: OwnName) => JSON.stringify([n.name, n.aliases, n.type]);

/** Ids of the names added, removed or changed in what they match, between two loads. */
function changedNames(before: ReadonlyMap<string, OwnName>, after: ReadonlyMap<string, OwnName>): Set<string> {
  const changed = new Set<string>();
  for (const [id, n] of after) if (!before.has(id) || matchKey(before.get(id)!) !== matchKey(n)) changed.add(id);
  for (const id of before.keys()) if (!after.has(id)) changed.add(id);
  return changed;
}

export function createOwnBackground(deps: {
  store: FactBaseStore;
  baseIndex: AliasIndex;
  /** Morphology and disambiguation rules for the fact base's aliases (data/matching-rules.json). */
  rules?: MatchingRules;
  storage: OwnStorage;
  now?: () => number;
  newId?: () => string;
  /** How reading sources makes way for pages' scans (lib/own/read-in-slices.ts); tests hand in their own. */
  pagesFirst?: PagesFirst;
}) {
  const { store, baseIndex, storage } = deps;
  const now = deps.now ?? Date.now;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const pagesFirst = deps.pagesFirst ?? createPagesFirst();
  /**
   * Own names in the order they joined this session's index: entity indexes a page already holds never move.
   * A removed name keeps its row (without aliases), so later rows keep their place; pages loaded before a new
   * name take its row from the matches that name it (see takeEntityRows).
   */
  let sessionNames: OwnName[] = [];
  let names = new Map<string, OwnName>();
  let index = baseIndex;
  /** The rules for `index`: the fact base's, and the surname rule for the reader's people (own-names.ts). */
  let rules = deps.rules;
  let matcher: Matcher | null = null;
  let loaded: Promise<void> | null = null;

  const rebuild = () => {
    // A removed name keeps its row with no text to match (withOwnNames skips it), so later rows keep their place.
    index = withOwnNames(
      baseIndex,
      sessionNames.map((n) => names.get(n.id) ?? { ...n, name: '', aliases: [] }),
    );
    rules = withOwnNameRules(deps.rules, index, baseIndex.aliases.length);
    matcher = null;
  };

  /**
   * Reads the names as stored; the index and matcher are rebuilt only when what a name matches changed (building the
   * matcher with 500 names blocks the worker for a while, and a re-read after a restore mostly finds the same names).
   * Resolves with the ids of the names added, removed or changed.
   */
  const loadNames = async (): Promise<Set<string>> => {
    const list = await storage.listNames();
    const before = names;
    names = new Map(list.map((n) => [n.id, n]));
    const known = new Set(sessionNames.map((n) => n.id));
    sessionNames = [...sessionNames, ...list.filter((n) => !known.has(n.id))];
    const changed = changedNames(before, names);
    if (changed.size || !loadedOnce) rebuild();
    loadedOnce = true;
    return changed;
  };
  let loadedOnce = false;

  const ready = () =>
    (loaded ??= loadNames().then(
      () => {},
      () => {},
    ));

  const currentMatcher = () => (matcher ??= createMatcher(index, { rules }));

  const toFound = (ms: readonly { start: number; end: number; entity: number }[]): FoundName[] =>
    ms
      .map((m) => ({ start: m.start, end: m.end, entityId: index.entities[m.entity]![0] }))
      .filter((f) => !isOwnNameId(f.entityId) || names.has(f.entityId));

  const findNames = (text: string): FoundName[] => toFound(currentMatcher().find(text));

  /** The names in a source, read in slices with the worker handed back between them (`pause`). */
  const findNamesInSlices = async (text: string, pause: () => Promise<void>): Promise<FoundName[]> =>
    toFound(await findInSlices(currentMatcher(), text, pause, pagesFirst.clock));

  /** The folded texts the automaton looks for, for the patterns of these entities in `of`. */
  const stemsOf = (of: AliasIndex, ids: ReadonlySet<string>): string[] =>
    compilePatterns(of, deps.rules)
      .filter((p) => ids.has(of.entities[p.entity]![0]))
      .map((p) => p.text);

  /** Re-reads run one after another, so two never write a source's quotes from different matchers out of order. */
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(job: () => Promise<T>): Promise<T> => {
    const next = queue.then(job, job);
    queue = next.catch(() => {});
    return next;
  };
  let fullPending: Promise<number> | null = null;

  /**
   * Reads again the sources `wanted` picks (every one when null), one at a time and each in slices, making way for
   * pages' scans between slices (nobody waits for this), and writes their quotes a few sources at a time; resolves
   * with how many quotes those sources now give.
   */
  const reread = async (wanted: ((text: string) => boolean) | null): Promise<number> => {
    let bySource = new Map<string, { updatedAt: number; quotes: SourceQuote[] }>();
    let count = 0;
    for (const id of await storage.sourceIds()) {
      await pagesFirst.background();
      const s = await storage.getSource(id);
      if (!s || (wanted && !wanted(s.text))) continue;
      const quotes = sourceQuotes(s.id, s.text, await findNamesInSlices(s.text, pagesFirst.background));
      bySource.set(s.id, { updatedAt: s.updatedAt, quotes });
      count += quotes.length;
      if (bySource.size >= SOURCES_PER_WRITE) {
        await storage.replaceQuotes(bySource);
        bySource = new Map();
      }
    }
    if (bySource.size || !wanted) await storage.replaceQuotes(bySource, { dropOthers: !wanted });
    return count;
  };

  /**
   * The reader's material per entity as cards show it, read once and kept until own material or snippets change, and
   * read ahead for the names a page shows (`prefetch`): a card's details then wait for no IndexedDB read, which with
   * 10,000 snippets and 200 sources took longer than the dwell on a busy machine (the card painted its placeholder).
   */
  const material = new Map<string, Promise<OwnOnCard | null>>();
  const materialFor = (id: string): Promise<OwnOnCard | null> => {
    let read = material.get(id);
    if (!read) {
      read = storage.ownForEntity(id).catch(() => null);
      material.set(id, read);
      // A failed read is not kept: the next card asks again.
      void read.then((m) => m === null && material.get(id) === read && material.delete(id));
      while (material.size > MATERIAL_KEPT) material.delete(material.keys().next().value!);
    }
    return read;
  };
  let prefetching: Promise<void> = Promise.resolve();

  const ownEntity = (name: OwnName): Entity => ({
    id: name.id,
    name: name.name,
    type: name.type,
    aliases: name.aliases.map((text) => ({ text, inCorpus: false })),
    summary: name.summary,
    summarySentences: [],
    facts: [],
    relations: [],
    views: [],
  });

  return {
    /** Loads the names; call once at start. Everything else waits for it. */
    ready,
    /** The fact base's alias index plus the reader's names, for pages and the matcher. */
    async aliasIndex(): Promise<AliasIndex> {
      await ready();
      return index;
    },
    /**
     * The matcher as it is now (fact base plus names loaded so far), for a page's scan: asking for it tells the
     * reading of sources to make way (read-in-slices.ts).
     */
    matcherForPage(): Matcher {
      pagesFirst.pageWorked();
      return currentMatcher();
    },
    /** Entity id of a match's entity index in the current index. */
    entityIdAt: (i: number) => index.entities[i]?.[0],
    /** The current index's row ([id, name, type]) of a match's entity index. */
    entityAt: (i: number): AliasIndex['entities'][number] | undefined => index.entities[i],
    isKnownEntity: (id: string) => store.entity(id) !== undefined || names.has(id),
    findNames,
    /** A card's details: the fact base's (or an own name's), with the reader's material for that entity. */
    async details(id: string): Promise<EntityDetails | null> {
      await ready();
      const own = names.get(id);
      const base: EntityDetails | null = own
        ? { entity: ownEntity(own), sources: [], related: {}, events: [] }
        : store.details(id);
      if (!base) return null;
      const mine = await materialFor(id);
      return mine ? { ...base, own: mine, ...(own ? { ownName: true } : {}) } : base;
    },
    /**
     * Reads the material of the entities a page just showed, one after another with the worker handed back between
     * them, so their cards find it ready (a page's next batch of text is never kept waiting behind these reads).
     * Resolves when they are read.
     */
    prefetch(ids: readonly string[]): Promise<void> {
      const wanted = [...new Set(ids)].filter((id) => !material.has(id)).slice(0, MATERIAL_KEPT);
      if (!wanted.length) return prefetching;
      return (prefetching = prefetching.then(async () => {
        for (const id of wanted) {
          await pagesFirst.foreground();
          await materialFor(id);
        }
      }));
    },
    /** Own material or snippets changed somewhere: cards read them afresh. */
    materialChanged(): void {
      material.clear();
    },
    /**
     * Names changed in another context: the matcher is rebuilt, and only the sources in which an added, changed or
     * removed name could match are read again (the text the matcher's automaton looks for, the part every form of
     * the name shares, occurs in the source, as it was before the change or as it is now). A source without any
     * of them gives the same quotes as before, so the 200 sources of a reader with 500 names are not read again
     * for one new name.
     */
    async namesChanged(): Promise<void> {
      await ready();
      const before = { index };
      const changed = await loadNames();
      if (!changed.size) return;
      const stems = [...new Set([...stemsOf(before.index, changed), ...stemsOf(index, changed)])];
      await serially(() =>
        fullPending
          ? Promise.resolve(0) // a full re-read is queued behind this one and covers it
          : reread((text) => {
              const folded = foldText(text).folded;
              return stems.some((stem) => folded.includes(stem));
            }),
      );
    },
    /** Stores a source with the quotes the matcher finds in it, in one transaction. */
    async addSource(draft: SourceDraft): Promise<AddedSource> {
      await ready();
      const t = now();
      const id = draft.id ?? newId();
      const existing = draft.id ? await storage.getSource(draft.id) : undefined;
      const source: OwnSource = {
        id,
        title: draft.title.trim(),
        author: draft.author.trim(),
        date: draft.date.trim(),
        url: draft.url.trim(),
        stance: draft.stance.trim(),
        text: draft.text,
        origin: draft.origin,
        fileName: draft.fileName,
        createdAt: existing?.createdAt ?? t,
        updatedAt: t,
      };
      // In slices: a 5 MB source is seconds of matching, which pages' scans must not wait behind.
      const quotes = sourceQuotes(id, source.text, await findNamesInSlices(source.text, pagesFirst.foreground));
      await storage.putSource({ source, quotes });
      return { source, quotes: quotes.length, entities: new Set(quotes.map((q) => q.entityId)).size };
    },
    /** Resolves once every re-read asked for so far has written its quotes (for the own bench, in the test build). */
    settled: (): Promise<void> => queue.then(() => {}),
    /**
     * Derives every source's quotes again (after an import or a restore), with the names as stored now. Asked for
     * again while one is queued, the queued one answers both.
     */
    reindex(): Promise<number> {
      return (fullPending ??= serially(async () => {
        fullPending = null;
        await ready();
        await loadNames();
        return reread(null);
      }));
    },
  };
}

export type OwnBackground = ReturnType<typeof createOwnBackground>;
