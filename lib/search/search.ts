/**
 * Search over the whole fact base for the popup and the library: a word prefilter (word-index.ts) narrows the fields,
 * fuse.js scores what is left and says which characters matched, and a ranking puts exact name and alias hits first.
 *
 * Ranking, best first:
 *   tier 0  the query is a name or alias (after folding: "erdogan" = Erdoğan, "Токаев" = Tokayev)
 *   tier 1  a name or alias starts with the query ("mirz", "shusha decl")
 *   tier 2  every query word begins a word of a name or alias ("turkic states")
 *   tier 3  a name or alias matches with typos ("mirzyoyev")
 *   tier 4  every query word begins a word of a summary sentence or quote ("16 bcm")
 *   tier 5  a summary sentence or quote matches with typos
 * and within a tier by fuse.js's score (errors per character, weighted to prefer short fields), then by how connected
 * the entity is. Pure: no DOM, no browser.
 */
import Fuse, { type IFuseOptions } from 'fuse.js';
import type { EntityType, FactBase } from '../factbase/types';
import { EXCERPT_CHARS, excerpt } from './excerpt';
import { collectFields, formFields, formMap, isTextKind, type Field, type RawField, type SearchEntity } from './fields';
import { parseQuery, toOriginalRanges, wordSpans, type Query } from './normalize';
import type { SearchIndexData } from './search-index';
import { buildWordIndex, type WordIndex, type WordRange } from './word-index';

interface Highlighted {
  text: string;
  /** Half-open ranges of `text` that matched the query. */
  ranges: [number, number][];
}

export interface SearchHit {
  id: string;
  name: string;
  type: EntityType;
  tier: number;
  /** fuse.js's score for the best field: 0 is perfect. */
  score: number;
  /** The name, with ranges when the name itself matched. */
  title: Highlighted;
  /** The alias that matched when the name did not ("Токаев"), cut to one line around the match. */
  alias?: Highlighted & { clippedStart: boolean; clippedEnd: boolean };
  /** One line of context: the matching quote or summary sentence, else the summary's first sentence. */
  context: Highlighted & { kind: 'summary' | 'quote'; clippedStart: boolean; clippedEnd: boolean; factIndex?: number };
}

interface SearchOptions {
  /** Most entities returned. */
  limit?: number;
}

export interface Search {
  readonly entityCount: number;
  /** False while summaries and quotes are not indexed yet: until then only names and aliases are searched. */
  readonly textReady: boolean;
  /** Indexes summaries and quotes now (once). */
  indexText(): void;
  search(query: string, options?: SearchOptions): SearchHit[];
}

interface CreateSearchOptions {
  /**
   * Leave summaries and quotes for a later `indexText()`: names and aliases are a tenth of the text, so the popup's
   * search is usable that much sooner, and the rest is indexed in idle time.
   */
  deferText?: boolean;
}

export const DEFAULT_LIMIT = 20;
/** Query words beyond this are ignored: nobody types a sentence into a name search, and masks stay 32-bit. */
const MAX_TOKENS = 8;
/** Longest word the edit-distance lookup walks; longer words are looked up exactly. */
const MAX_FUZZY_WORD = 40;
/** Caps on what reaches fuse.js per keystroke, so a one-letter query over a huge base stays within a frame. */
const MAX_NAME_FIELDS = 300;
const MAX_TEXT_FIELDS = 200;

const FUSE_OPTIONS: IFuseOptions<string> = {
  // The fields and the query are already in search form (lowercase, folded), so fuse.js compares them as they are.
  isCaseSensitive: true,
  ignoreLocation: true,
  // Bitap score = errors / pattern length; 0.4 lets two typos through in a name of six letters or more.
  threshold: 0.4,
  // Match positions cost more than the match itself (every occurrence is marked and merged): they are asked for
  // again only for the few results shown with typos (see highlightPairs).
  includeMatches: false,
  includeScore: true,
  // Space-separated words must each match (fuzzily) in the same field: "shusha decl", "16 bcm".
  useExtendedSearch: true,
  shouldSort: false,
};

/**
 * Edits allowed between a query word and an indexed word. The word still being typed is matched as a prefix and gets
 * fewer: a short prefix with one edit matches half the vocabulary.
 */
function editsFor(length: number, prefix: boolean): number {
  if (prefix) return length <= 4 ? 0 : length <= 8 ? 1 : 2;
  return length <= 3 ? 0 : length <= 6 ? 1 : 2;
}

/** A search over a fact base, or over the search artefact made from it (search-index.ts): the same results. */
export function createSearch(base: FactBase | SearchIndexData, options: CreateSearchOptions = {}): Search {
  const { entities, names, texts } = collectFields(base);
  const search = createSearchFromFields(entities, formFields(names), texts);
  if (!options.deferText) search.indexText();
  return search;
}

/** A search over ready name and alias fields; text fields are formed and indexed by `indexText()`. */
function createSearchFromFields(
  entities: SearchEntity[],
  nameFields: Field[],
  rawTexts: readonly RawField[] = [],
): Search {
  const fields: Field[] = [...nameFields];
  const nameIndex = buildWordIndex(nameFields.map((f) => f.words));
  let textIndex: WordIndex | null = null;
  const forms = fields.map((f) => f.form);
  // fuse.js's index records (text + field-length norm), made the first time a field is a candidate; each query hands
  // fuse.js an index of its candidates only.
  const recordMaker = Fuse.createIndex<string>([], []);
  const records: (FuseRecord | null)[] = [];
  const recordOf = (f: number) => (records[f] ??= recordMaker.add(forms[f]!, f)!);
  let scratch = new Scratch(fields.length);
  const entityOf = (f: number) => fields[f]!.entity;
  const starts = buildStartIndex(fields);

  return {
    entityCount: entities.length,
    get textReady() {
      return textIndex !== null || rawTexts.length === 0;
    },
    indexText() {
      if (textIndex || !rawTexts.length) return;
      const texts = formFields(rawTexts);
      const offset = fields.length;
      for (const f of texts) {
        fields.push(f);
        forms.push(f.form);
      }
      textIndex = buildWordIndex(
        texts.map((f) => f.words),
        offset,
      );
      scratch = new Scratch(fields.length);
    },
    search(raw, options = {}) {
      const limit = options.limit ?? DEFAULT_LIMIT;
      const query = parseQuery(raw);
      query.tokens = query.tokens.slice(0, MAX_TOKENS);
      if (!query.tokens.length) return [];
      // Shortcut: when enough names and aliases start with the query (tiers 0 and 1, which nothing else outranks), they
      // are the answer. This is what keeps the first one or two letters fast on a big fact base.
      const starting = starts.lookup(query, limit, MAX_NAME_FIELDS);
      if (starting) return score(starting, query, raw, limit);
      // Names and aliases first; summaries and quotes only while fewer entities than the limit were found.
      const names = pick(
        prefilter(nameIndex, lookUpTokens(nameIndex, query, false), scratch),
        (f) => nameKey(fields[f]!, query, scratch.cost[f]!),
        MAX_NAME_FIELDS,
      );
      const found = new Set(names.map(entityOf));
      let chosen = names;
      if (found.size < limit && textIndex) {
        const texts = prefilter(textIndex, lookUpTokens(textIndex, query, true), scratch).filter(
          (f) => !found.has(entityOf(f)),
        );
        chosen = names.concat(
          pickSpread(texts, (f) => textKey(fields[f]!, scratch.cost[f]!), entityOf, MAX_TEXT_FIELDS),
        );
      }
      scratch.reset();
      return score(chosen, query, raw, limit);
    },
  };

  /** fuse.js scores the chosen fields; the ranking orders their entities. */
  function score(chosen: number[], query: Query, raw: string, limit: number): SearchHit[] {
    if (!chosen.length) return [];
    const fuse = new Fuse(forms, FUSE_OPTIONS, Fuse.parseIndex<string>({ keys: [], records: chosen.map(recordOf) }));
    const scored = fuse.search(query.tokens.join(' '));
    return rank(scored, fields, entities, query, limit, scriptOf(raw));
  }
}

/**
 * Names and aliases sorted by their words joined with single spaces, so the fields that start with the query's words
 * (tiers 0 and 1) are one range found by binary search, exact keys first.
 */
function buildStartIndex(fields: Field[]) {
  const entries = fields.flatMap((f, i) => (isTextKind(f.kind) ? [] : [{ key: f.words.join(' '), field: i }]));
  entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const keys = entries.map((e) => e.key);
  const ids = Int32Array.from(entries, (e) => e.field);
  const entityOf = Int32Array.from(entries, (e) => fields[e.field]!.entity);
  const lowerBound = (key: string) => {
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    /**
     * When at least `limit` entities have a name or alias starting with the query, up to `max` of those fields, exact
     * ones first, then the shortest (what the full ranking would put first anyway); otherwise null.
     */
    lookup(query: Query, limit: number, max: number): number[] | null {
      const key = query.tokens.join(' ');
      const from = lowerBound(key);
      const matching: number[] = [];
      const seen = new Set<number>();
      for (let i = from; i < keys.length; i++) {
        const k = keys[i]!;
        if (!k.startsWith(key)) break;
        // A finished last word must be a whole word: "tap " is not the start of "tapi".
        if (!query.lastIsPrefix && k.length > key.length && k.charCodeAt(key.length) !== 0x20) continue;
        matching.push(i);
        if (seen.size < limit) seen.add(entityOf[i]!);
      }
      if (seen.size < limit) return null;
      if (matching.length <= max) return matching.map((i) => ids[i]!);
      // Exact keys sort first in the range; the rest are taken shortest first, by buckets of key length.
      const out: number[] = [];
      let rest = 0;
      while (rest < matching.length && keys[matching[rest]!]!.length === key.length) out.push(ids[matching[rest++]!]!);
      const buckets = new Map<number, number[]>();
      for (let j = rest; j < matching.length; j++) {
        const len = keys[matching[j]!]!.length;
        let bucket = buckets.get(len);
        if (!bucket) buckets.set(len, (bucket = []));
        bucket.push(matching[j]!);
      }
      for (const len of [...buckets.keys()].sort((a, b) => a - b))
        for (const i of buckets.get(len)!) {
          if (out.length >= max) return out;
          out.push(ids[i]!);
        }
      return out;
    },
  };
}

type FuseRecord = ReturnType<ReturnType<typeof Fuse.createIndex<string>>['add']> & object;

/** Per-field work arrays reused across keystrokes; only touched entries are reset. */
class Scratch {
  readonly mask: Uint32Array;
  readonly cost: Uint16Array;
  readonly touched: number[] = [];
  constructor(size: number) {
    this.mask = new Uint32Array(size);
    this.cost = new Uint16Array(size);
  }
  reset(): void {
    for (const f of this.touched) {
      this.mask[f] = 0;
      this.cost[f] = 0;
    }
    this.touched.length = 0;
  }
}

/** Dictionary words for each query word, fewest edits first. */
function lookUpTokens(index: WordIndex, query: Query, text: boolean): WordRange[][] {
  const { tokens } = query;
  return tokens.map((token, k) => {
    const prefix = k === tokens.length - 1 && query.lastIsPrefix;
    // One or two letters still being typed would pull in most summaries and quotes ("to", "of"), so there a short
    // last word only counts once it is complete.
    if (text && prefix && token.length < 3) return [];
    if (token.length > MAX_FUZZY_WORD) return exactRange(index, token);
    return index.lookup(token, editsFor(token.length, prefix), prefix).sort((a, b) => a.dist - b.dist);
  });
}

/**
 * Fields of one index that hold a dictionary match for every query word. Leaves each field's summed edits in
 * `scratch.cost` until `scratch.reset()`.
 */
function prefilter(index: WordIndex, lookups: WordRange[][], scratch: Scratch): number[] {
  const { mask, cost, touched } = scratch;
  const from = touched.length;
  lookups.forEach((ranges, k) => {
    const bit = 1 << k;
    for (const r of ranges) {
      const visit = (f: number) => {
        if (mask[f]! & bit) return;
        if (mask[f] === 0) touched.push(f);
        mask[f]! |= bit;
        cost[f]! += r.dist;
      };
      for (let w = r.lo; w < r.hi; w++) index.forEachField(w, visit);
    }
  });
  const all = (1 << lookups.length) - 1;
  const out: number[] = [];
  for (let i = from; i < touched.length; i++) if (mask[touched[i]!] === all) out.push(touched[i]!);
  return out;
}

function exactRange(index: WordIndex, token: string): WordRange[] {
  const id = index.idOf(token);
  return id < 0 ? [] : [{ lo: id, hi: id + 1, dist: 0 }];
}

/**
 * How a field relates to the query by whole words (see the tiers above). Names and aliases get 0 to 3, text 4 or 5.
 */
/** Whether a field word matches query word `k`: equal, or for a last word still being typed, starting with it. */
function wordMatches(w: string, tokens: readonly string[], k: number, lastIsPrefix: boolean): boolean {
  const t = tokens[k]!;
  return w === t || (lastIsPrefix && k === tokens.length - 1 && w.startsWith(t));
}

function tierOf(field: Field, query: Query): number {
  const { tokens, lastIsPrefix } = query;
  const words = field.words;
  const n = tokens.length;
  const text = isTextKind(field.kind);
  const matches = (w: string, k: number) => wordMatches(w, tokens, k, lastIsPrefix);
  if (!text && words.length >= n) {
    let k = 0;
    while (k < n && matches(words[k]!, k)) k++;
    if (k === n) return words.length === n && words[n - 1] === tokens[n - 1] ? 0 : 1;
  }
  // Every query word begins some word of the field, in order.
  let at = 0;
  for (let k = 0; k < n; k++) {
    while (at < words.length && !matches(words[at]!, k)) at++;
    if (at === words.length) return text ? 5 : 3;
    at++;
  }
  return text ? 4 : 2;
}

/*
 * Pre-ranking before fuse.js, as one number per field so thousands of candidates sort natively: tier, then edits,
 * then length (short fields first). Bits: tier 3, edits 6, length 14; the field id fills the low 24 bits of the double.
 */
const LEN_MAX = (1 << 14) - 1;
const nameKey = (f: Field, q: Query, edits: number) =>
  (tierOf(f, q) * 64 + Math.min(edits, 63)) * (LEN_MAX + 1) + Math.min(f.form.length, LEN_MAX);
const textKey = (f: Field, edits: number) => Math.min(edits, 63) * (LEN_MAX + 1) + Math.min(f.form.length, LEN_MAX);
const ID_SPACE = 2 ** 24;

/** The `max` candidates with the lowest keys, in key order (all of them when they fit). */
function pick(candidates: number[], key: (f: number) => number, max: number): number[] {
  if (candidates.length <= max) return candidates;
  return sortByKey(candidates, key).slice(0, max);
}

/** Like pick, but at most two fields per entity: the third quote of one entity adds nothing to the list. */
function pickSpread(
  candidates: number[],
  key: (f: number) => number,
  entityOf: (f: number) => number,
  max: number,
): number[] {
  if (candidates.length <= max) return candidates;
  const perEntity = new Map<number, number>();
  const out: number[] = [];
  for (const f of sortByKey(candidates, key)) {
    const n = perEntity.get(entityOf(f)) ?? 0;
    if (n >= 2) continue;
    perEntity.set(entityOf(f), n + 1);
    out.push(f);
    if (out.length >= max) break;
  }
  return out;
}

function sortByKey(candidates: number[], key: (f: number) => number): number[] {
  const packed = new Float64Array(candidates.length);
  candidates.forEach((f, i) => (packed[i] = key(f) * ID_SPACE + f));
  packed.sort();
  return Array.from(packed, (p) => p % ID_SPACE);
}

interface Scored {
  field: number;
  tier: number;
  score: number;
}

function rank(
  results: ReturnType<Fuse<string>['search']>,
  fields: Field[],
  entities: SearchEntity[],
  query: Query,
  limit: number,
  script: Script,
): SearchHit[] {
  const best = new Map<number, Scored>();
  const nameMatch = new Map<number, Scored>();
  for (const r of results) {
    const field = fields[r.refIndex]!;
    const scored: Scored = {
      field: r.refIndex,
      tier: tierOf(field, query),
      score: r.score ?? 1,
    };
    if (field.kind === 'name') nameMatch.set(field.entity, scored);
    const current = best.get(field.entity);
    if (!current || better(scored, current, fields, script)) best.set(field.entity, scored);
  }
  const ordered = [...best.entries()].sort(
    ([ea, a], [eb, b]) =>
      a.tier - b.tier ||
      a.score - b.score ||
      entities[eb]!.weight - entities[ea]!.weight ||
      entities[ea]!.name.localeCompare(entities[eb]!.name),
  );
  return ordered.slice(0, limit).map(([e, s]) => toHit(entities[e]!, s, nameMatch.get(e), fields, query));
}

/**
 * Lower tier wins, then lower score; on a tie the name beats an alias and an alias beats text, an alias in the
 * query's script beats one in another, and the curated order decides the rest.
 */
function better(a: Scored, b: Scored, fields: Field[], script: Script): boolean {
  if (a.tier !== b.tier) return a.tier < b.tier;
  if (Math.abs(a.score - b.score) > 1e-9) return a.score < b.score;
  const fa = fields[a.field]!;
  const fb = fields[b.field]!;
  if (fa.kind !== fb.kind) return KIND_ORDER[fa.kind] < KIND_ORDER[fb.kind];
  const sa = scriptOf(fa.text) === script;
  if (sa !== (scriptOf(fb.text) === script)) return sa;
  return fa.ref < fb.ref;
}
/** One line of the popup beside "also", and one line of context. */
const ALIAS_CHARS = 46;
const SUMMARY_LINE_CHARS = 56;
const KIND_ORDER = { name: 0, alias: 1, summary: 2, quote: 3 } as const;

type Script = 'latin' | 'cyrillic' | 'other';
function scriptOf(text: string): Script {
  const letter = /\p{L}/u.exec(text)?.[0];
  if (!letter) return 'other';
  const c = letter.charCodeAt(0);
  return c < 0x250 ? 'latin' : c >= 0x400 && c < 0x530 ? 'cyrillic' : 'other';
}

/**
 * What to mark in a field. Word-level tiers mark the query words where they begin words of the field (one typed "m"
 * marks the M of Movement, not every m); typo tiers mark what fuse.js aligned.
 */
function highlightPairs(field: Field, s: Scored, query: Query): ReadonlyArray<readonly [number, number]> {
  // Runs of one letter are noise in a typo match ("Tü[r]k[i]ye"): only runs of two or more are marked.
  const fuzzy = () =>
    Fuse.match(query.tokens.join(' '), field.form, { ...FUSE_OPTIONS, includeMatches: true, minMatchCharLength: 2 })
      .indices ?? [];
  if (s.tier === 3 || s.tier === 5) return fuzzy();
  const { tokens, lastIsPrefix } = query;
  const last = tokens.length - 1;
  const pairs: [number, number][] = [];
  for (const { word, start } of wordSpans(field.form))
    tokens.forEach((t, k) => {
      if (word === t) pairs.push([start, start + word.length - 1]);
      else if (k === last && lastIsPrefix && word.startsWith(t)) pairs.push([start, start + t.length - 1]);
    });
  return pairs.length ? pairs : fuzzy();
}

function toHit(entity: SearchEntity, best: Scored, name: Scored | undefined, fields: Field[], query: Query): SearchHit {
  const field = fields[best.field]!;
  const ranges = (s: Scored) => {
    const f = fields[s.field]!;
    return toOriginalRanges(formMap(f), highlightPairs(f, s, query));
  };
  // The name's own match marks the title even when an alias matched better (Tokayev in "Kassym-Jomart Tokayev").
  const hit: SearchHit = {
    id: entity.id,
    name: entity.name,
    type: entity.type,
    tier: best.tier,
    score: best.score,
    title: { text: entity.name, ranges: name ? ranges(name) : [] },
    context: { kind: 'summary', ...excerpt(entity.lead, []) },
  };
  // An alias is worth a line only when the name shows nothing of what matched ("Токаев" under Kassym-Jomart Tokayev).
  if (field.kind === 'alias' && !hit.title.ranges.length) hit.alias = excerpt(field.text, ranges(best), ALIAS_CHARS);
  if (isTextKind(field.kind)) {
    // A summary sentence gets one line in the popup, a quote two (see popup.css): the match must fall inside them.
    const cut = excerpt(field.text, ranges(best), field.kind === 'quote' ? EXCERPT_CHARS : SUMMARY_LINE_CHARS);
    hit.context = {
      kind: field.kind === 'quote' ? 'quote' : 'summary',
      ...cut,
      ...(field.kind === 'quote' ? { factIndex: field.ref } : {}),
    };
  }
  return hit;
}
