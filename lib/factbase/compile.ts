/**
 * Turns the curated YAML records into the runtime fact base, checking everything a reader relies on:
 * quotes verbatim in their document, ids unique, relations resolvable, aliases unclaimed by two entities,
 * every entity sourced, every summary sentence backed, every document contributing.
 * Pure: the caller reads the files and hands in their text.
 */
import {
  ENTITY_TYPES,
  type Alias,
  type AliasRule,
  type Entity,
  type EntityType,
  type Evidence,
  type FactBase,
  type Relation,
  type Source,
  type SummarySentence,
  type TimelineEvent,
  type View,
} from './types';
import type { AliasInput, EditorialInput, EntityFile, EntityInput, EvidenceInput, SourceInput } from './input-types';
import { checkOwnVoice, relationKey } from './editorial';
import { locateDocument, normalizeQuote, type LocatedDocument } from './locate-quote';
import { foldText } from '../matcher/fold';
import { aliasEvidenceFields, canShareAlias } from './alias-evidence';
import { formNames, type FormedRequest } from './formed-names';
import { genitiveVariants } from './genitive-variants';
import { deriveRouteChains } from './route-chains';
import { deriveClassicalSpellings } from './classical-spellings';
import { deriveScriptTwins } from './transliterate';
import { labelProblem, type LanguagesInput } from './matching-rules';

const ALIAS_RULES: readonly AliasRule[] = ['near', 'exact-case', 'surname', 'short-form', 'given-name'];

const FACTBASE_VERSION = 1;
const MAX_FACTS = 5;

const RELATION_TYPES = [
  'member-of',
  'leads',
  'head-of-state-of',
  'minister-of',
  'part-of',
  'operates',
  'owns',
  'shareholder-of',
  'signed',
  'signed-by',
  'founded',
  'supplies',
  'connects',
  'located-in',
  'successor-of',
  'produced-by',
  'uses',
  'ally-of',
  'borders',
  'related-to',
] as const;

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;
const SENTENCE = /([^[\]]+?)((?:\s*\[\d+\])+)/g;

/** Keys each kind of entry may have; anything else is usually a YAML slip (an unquoted comma splits a string). */
const ALLOWED_KEYS: Record<string, readonly string[]> = {
  entity: [
    'id',
    'extend',
    'name',
    'type',
    'country',
    'aliases',
    'summary',
    'not-in-corpus',
    'missing-standpoints',
    'contested-status',
    'facts',
    'relations',
    'events',
    'views',
    'titles',
    'in-office',
    'father',
  ],
  alias: ['text', 'of', 'as', 'lang', 'rule', 'needs', 'needs-in', 'not-near', 'not-after', 'not-before', 'morph'],
  fact: ['quote', 'source', 'claim'],
  relation: ['type', 'target', 'share', 'fact', 'quote', 'source'],
  event: ['date', 'from', 'to', 'title', 'with', 'fact', 'quote', 'source', 'also', 'date-note'],
  view: ['source', 'label', 'note', 'fact', 'quote'],
};

function checkKeys(where: string, kind: keyof typeof ALLOWED_KEYS, entry: unknown, errors: string[]): void {
  if (typeof entry !== 'object' || entry === null) return;
  for (const key of Object.keys(entry))
    if (!ALLOWED_KEYS[kind]!.includes(key))
      errors.push(`${where}: unexpected key "${key}" in ${kind} (unquoted comma?)`);
}

interface CompileInput {
  sources: SourceInput[];
  /** Corpus text by file name. */
  documents: Map<string, string>;
  files: EntityFile[];
  /** Loaded words and speakers for the own-voice check (data/editorial.yaml); no check without it. */
  editorial?: EditorialInput;
  /** The languages' alphabets (data/languages.yaml): a spelling gains a script twin's language only if it fits. */
  languages?: LanguagesInput;
}

/** The source id of a chapter of an edited volume. */
const chapterSourceId = (volume: string, chapter: string): string => `${volume}-${chapter}`;

interface CompileResult {
  factBase: FactBase;
  errors: string[];
}

const foldAlias = (text: string): string => foldText(text.trim()).folded;

export function compileFactBase({
  sources: sourceInputs,
  documents,
  files,
  editorial,
  languages,
}: CompileInput): CompileResult {
  const errors: string[] = [];
  const sources: Source[] = [];
  const located = new Map<string, LocatedDocument>();
  for (const s of sourceInputs) {
    const text = documents.get(s.file);
    if (text === undefined) errors.push(`source ${s.id}: corpus file ${s.file} not found`);
    else located.set(s.id, locateDocument(text, s.chapters ?? []));
    const volume: Source = {
      id: s.id,
      file: s.file,
      title: s.title,
      authors: s.authors ?? [],
      publisher: s.publisher ?? null,
      date: s.date == null ? null : String(s.date),
      stance: s.stance,
      ...(s.chapters ? { chapters: s.chapters.map(({ id, title, author }) => ({ id, title, author })) } : {}),
    };
    sources.push(volume);
    for (const ch of s.chapters ?? []) {
      if (!ch.stance)
        errors.push(`source ${s.id} chapter ${ch.id}: no standpoint (stance); each chapter needs its own`);
      if (!ch.author) errors.push(`source ${s.id} chapter ${ch.id}: no author`);
      sources.push({
        id: chapterSourceId(s.id, ch.id),
        file: s.file,
        title: ch.title,
        authors: ch.author ? [ch.author] : [],
        ...(ch.affiliation ? { affiliation: ch.affiliation } : {}),
        publisher: volume.publisher,
        date: volume.date,
        stance: ch.stance ?? '',
        partOf: s.id,
      });
    }
  }
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  // Documents contribute; chapters are parts of one.
  const contributions = new Map<string, number>(sources.filter((s) => !s.partOf).map((s) => [s.id, 0]));

  const unplaced = new Set<string>();
  const cite = (where: string, quote: string | undefined, source: string | undefined): Evidence | undefined => {
    if (!quote || !source) {
      errors.push(`${where}: needs a quote and a source`);
      return undefined;
    }
    const named = sourceById.get(source);
    const docId = named?.partOf ?? source;
    const doc = located.get(docId);
    if (!doc) {
      if (!named) errors.push(`${where}: unknown source "${source}"`);
      return undefined;
    }
    const loc = doc.locate(quote);
    if (!loc) {
      errors.push(`${where}: quote is not verbatim in ${docId}: "${quote.slice(0, 90)}"`);
      return undefined;
    }
    contributions.set(docId, (contributions.get(docId) ?? 0) + 1);
    let cited = docId;
    if (sourceById.get(docId)?.chapters) {
      // A chapter of an edited volume is a source of its own: the quote cites the chapter, with its standpoint.
      if (!loc.chapter) {
        errors.push(`${where}: quote sits outside every chapter of ${docId}, so no chapter's standpoint covers it`);
        return undefined;
      }
      cited = chapterSourceId(docId, loc.chapter);
      if (named?.partOf && named.id !== cited) errors.push(`${where}: quote is from ${cited}, not ${named.id}`);
      if (!sourceById.get(cited)?.stance && !unplaced.has(cited)) {
        unplaced.add(cited);
        errors.push(`${where}: a chapter quote without its chapter's standpoint (${cited} has no stance)`);
      }
    }
    return { quote: normalizeQuote(quote), source: cited, where: loc };
  };

  // Definitions first, so extensions and relations can point at entities defined in any file.
  const defined = new Map<string, { input: EntityInput; file: string }>();
  const extensions: { input: EntityInput; file: string }[] = [];
  for (const { file, records } of files) {
    if (!Array.isArray(records)) {
      errors.push(`${file}: expected a YAML list of entity records`);
      continue;
    }
    for (const input of records) {
      const where = `${file}: ${input?.id ?? '(no id)'}`;
      checkKeys(where, 'entity', input, errors);
      for (const a of input?.aliases ?? []) checkKeys(where, 'alias', a, errors);
      for (const f of input?.facts ?? []) checkKeys(where, 'fact', f, errors);
      for (const r of input?.relations ?? []) checkKeys(where, 'relation', r, errors);
      for (const e of input?.events ?? []) checkKeys(where, 'event', e, errors);
      for (const v of input?.views ?? []) checkKeys(where, 'view', v, errors);
      if (!input || typeof input.id !== 'string' || !ID.test(input.id)) {
        errors.push(`${where}: id must be lowercase kebab-case`);
        continue;
      }
      if (input.extend) {
        if (input.name || input.summary || input.facts || input.type)
          errors.push(`${where}: an extension record may only add aliases, relations, events and views`);
        extensions.push({ input, file });
      } else if (defined.has(input.id)) {
        errors.push(`${where}: id already defined in ${defined.get(input.id)!.file}`);
      } else defined.set(input.id, { input, file });
    }
  }

  const entities: Entity[] = [];
  const byId = new Map<string, Entity>();
  const pendingEvidence: { entity: Entity; file: string; input: EntityInput }[] = [];

  for (const [id, { input, file }] of defined) {
    const where = `${file}: ${id}`;
    if (!input.name) errors.push(`${where}: missing name`);
    if (!ENTITY_TYPES.includes(input.type as EntityType)) errors.push(`${where}: unknown type "${input.type}"`);
    const facts = (input.facts ?? []).flatMap((f, i) => {
      const ev = cite(`${where} fact ${i + 1}`, f.quote, f.source);
      return ev ? [{ ...ev, ...(f.claim ? { claim: f.claim } : {}) }] : [];
    });
    const factCount = input.facts?.length ?? 0;
    const notInCorpus = input['not-in-corpus'] !== undefined;
    if (notInCorpus && factCount > 0) errors.push(`${where}: has facts but says not-in-corpus`);
    if (notInCorpus && !String(input['not-in-corpus']).trim()) errors.push(`${where}: not-in-corpus gives no reason`);
    if (factCount === 0 && !notInCorpus) errors.push(`${where}: has no sourced fact`);
    if (factCount > MAX_FACTS) errors.push(`${where}: ${factCount} facts; at most ${MAX_FACTS} key facts`);
    const summarySentences = notInCorpus
      ? unsourcedSummary(where, input.summary, errors)
      : parseSummary(`${where}`, input.summary, factCount, errors);
    const entity: Entity = {
      id,
      name: input.name ?? id,
      type: input.type as EntityType,
      ...(input.country ? { country: input.country } : {}),
      aliases: [],
      summary: summarySentences.map((s) => s.text).join(' '),
      summarySentences,
      facts,
      ...(notInCorpus ? { notInCorpus: true as const } : {}),
      ...missingStandpoints(where, input['missing-standpoints'], errors),
      relations: [],
      views: [],
      ...(input.titles ? { titles: input.titles.map(String) } : {}),
      ...inOffice(where, input['in-office'], errors),
      ...father(where, input.father, errors),
    };
    entities.push(entity);
    byId.set(id, entity);
    pendingEvidence.push({ entity, file, input });
  }
  for (const ext of extensions) {
    const entity = byId.get(ext.input.id);
    if (!entity) errors.push(`${ext.file}: ${ext.input.id}: extends an entity that no file defines`);
    else pendingEvidence.push({ entity, file: ext.file, input: ext.input });
  }

  const events: TimelineEvent[] = [];
  const eventIds = new Set<string>();
  // What may be written only once: a relation (either way round for symmetric types), a view (source and label,
  // or its quote) on one entity, an event (date and title, or date and quote) anywhere.
  const seenRelations = new Map<string, string>();
  const seenViews = new Map<string, string>();
  const seenEvents = new Map<string, string>();
  /** Each date's events by their main quote, to catch one passage cut two ways. */
  const eventQuotes = new Map<string, { quote: string; where: string }[]>();
  const once = (seen: Map<string, string>, keys: string[], where: string, what: string) => {
    const prior = keys.map((k) => seen.get(k)).find(Boolean);
    if (prior) errors.push(`${where}: duplicate ${what}, already written at ${prior}`);
    for (const k of keys) if (!seen.has(k)) seen.set(k, prior ?? where);
  };
  const fold = (text: string) => foldAlias(text).replace(/\s+/g, ' ');
  const formed: FormedRequest[] = [];
  for (const { entity, file, input } of pendingEvidence) {
    const where = `${file}: ${input.id}`;
    const evidence = (label: string, e: EvidenceInput, defaultSource?: string): Evidence | undefined => {
      if (e.fact !== undefined) {
        if (input.extend) {
          errors.push(`${where} ${label}: extension records cite with quote + source, not fact`);
          return undefined;
        }
        const fact = entity.facts[e.fact - 1];
        if (!fact) errors.push(`${where} ${label}: fact ${e.fact} does not exist`);
        return fact && { quote: fact.quote, source: fact.source, where: fact.where };
      }
      if (e.quote) return cite(`${where} ${label}`, e.quote, e.source ?? defaultSource);
      return undefined;
    };
    for (const a of input.aliases ?? []) {
      const alias: Alias = typeof a === 'string' ? { text: a, inCorpus: false } : { text: a.text, inCorpus: false };
      if (typeof a !== 'string' && (a.of !== undefined || a.as !== undefined)) {
        // `of` is one name or a chain of parties ("X–Y High-Level Strategic Cooperation Council"), or none for a
        // name formed from the entity's own date alone ("44-day war").
        const of = a.of === undefined ? [] : typeof a.of === 'string' ? [a.of] : a.of;
        if (
          a.text !== undefined ||
          a.lang !== undefined ||
          !Array.isArray(of) ||
          (a.of !== undefined && of.length === 0) ||
          of.length > 3 ||
          !of.every((id) => typeof id === 'string') ||
          typeof a.as !== 'string'
        )
          errors.push(
            `${where}: a formed name has "as", "of" unless its head forms it from the date alone (an id, or a list of two or three), and no text or lang (each head says its languages)`,
          );
        else formed.push({ where, entity, of, as: a.as, rules: formedRules(where, a, errors) });
        continue;
      }
      if (typeof a !== 'string') {
        // One spelling often serves several languages (Astana in Azerbaijani, Uzbek and Turkmen text): `lang: [az, uz]`.
        if (a.lang) alias.lang = Array.isArray(a.lang) ? a.lang.map(String).join(' ') : String(a.lang);
        if (a.rule) {
          if (!ALIAS_RULES.includes(a.rule as AliasRule)) errors.push(`${where}: alias "${a.text}" has unknown rule`);
          else alias.rule = a.rule as AliasRule;
        }
        Object.assign(alias, aliasEvidenceFields(`${where}: alias "${a.text}"`, a, errors));
      }
      if (typeof alias.text !== 'string' || !alias.text.trim()) errors.push(`${where}: empty alias`);
      else entity.aliases.push({ ...alias, text: String(alias.text).trim() });
    }
    (input.relations ?? []).forEach((r, i) => {
      const label = `relation ${i + 1}`;
      if (!(RELATION_TYPES as readonly string[]).includes(r.type))
        errors.push(`${where} ${label}: unknown type "${r.type}"`);
      if (!defined.has(r.target)) errors.push(`${where} ${label}: target "${r.target}" does not exist`);
      once(seenRelations, [relationKey(input.id, r.type, r.target)], `${where} ${label}`, 'relation');
      const ev = evidence(label, r);
      const rel: Relation = { type: r.type, target: r.target, direction: 'out' };
      if (r.share !== undefined) rel.share = String(r.share);
      if (ev) rel.evidence = ev;
      entity.relations.push(rel);
    });
    (input.views ?? []).forEach((v, i) => {
      const label = `view ${i + 1}`;
      const named = sourceById.get(v.source);
      if (!named) errors.push(`${where} ${label}: unknown source "${v.source}"`);
      const ev = evidence(label, v, v.source);
      // A view speaks for the source its quote is from: for an edited volume, the chapter.
      const source = ev?.source ?? v.source;
      if (ev && named && source !== named.id && sourceById.get(source)?.partOf !== named.id)
        errors.push(`${where} ${label}: names source ${v.source} but its quote is from ${source}`);
      const keys = [`${input.id}\u0000${source}\u0000${fold(String(v.label))}`];
      if (ev) keys.push(`${input.id}\u0000q\u0000${ev.quote}`);
      once(seenViews, keys, `${where} ${label}`, 'view');
      const view: View = { source, label: String(v.label), note: String(v.note ?? '') };
      if (ev) view.evidence = ev;
      entity.views.push(view);
    });
    (input.events ?? []).forEach((e, i) => {
      const label = `event ${i + 1}`;
      const date = String(e.date ?? e.from ?? '');
      if (!DATE.test(date)) errors.push(`${where} ${label}: date "${date}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
      if (e.to !== undefined && !DATE.test(String(e.to)))
        errors.push(`${where} ${label}: end "${e.to}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
      for (const other of e.with ?? [])
        if (!defined.has(other)) errors.push(`${where} ${label}: "with" names unknown entity "${other}"`);
      const ev = evidence(label, e);
      if (!ev) errors.push(`${where} ${label}: events need a source (fact or quote)`);
      const more = (e.also ?? []).flatMap((a, j) => {
        const x = evidence(`${label} also ${j + 1}`, a);
        if (!x) errors.push(`${where} ${label} also ${j + 1}: needs a fact or a quote with its source`);
        return x ? [x] : [];
      });
      // One event's passages are different passages: a quote inside another shows the reader the same words twice.
      const passages = ev ? [ev, ...more] : more;
      passages.forEach((x, j) => {
        const twice = passages.findIndex(
          (y, k) => k !== j && y.quote.includes(x.quote) && (y.quote !== x.quote || k < j),
        );
        if (twice >= 0)
          errors.push(`${where} ${label}: passage ${j + 1} repeats words of passage ${twice + 1}; keep the longer one`);
      });
      // A reader checks a date against its quote; when no quote gives the year, the event says where it comes from.
      const year = date.slice(0, 4);
      if (ev && ![ev, ...more].some((x) => x.quote.includes(year)) && !e['date-note'])
        errors.push(
          `${where} ${label}: no quote gives the year ${year}; add a date-note saying where the date comes from`,
        );
      const keys = [`${date}\u0000t\u0000${fold(String(e.title))}`];
      for (const x of [ev, ...more]) if (x) keys.push(`${date}\u0000q\u0000${x.quote}`);
      once(seenEvents, keys, `${where} ${label}`, `event (${date}, same title or quote)`);
      // The same passage cut two ways (one quote inside the other) on the same date is one happening too.
      const earlier =
        ev &&
        (eventQuotes.get(date) ?? []).find(
          (p) => p.quote !== ev.quote && (p.quote.includes(ev.quote) || ev.quote.includes(p.quote)),
        );
      if (earlier)
        errors.push(`${where} ${label}: duplicate event (${date}, its quote overlaps the one at ${earlier.where})`);
      if (ev)
        eventQuotes.set(date, [...(eventQuotes.get(date) ?? []), { quote: ev.quote, where: `${where} ${label}` }]);
      let id = `${input.id}-${date}`;
      for (let n = 2; eventIds.has(id); n++) id = `${input.id}-${date}-${n}`;
      eventIds.add(id);
      const event: TimelineEvent = {
        id,
        date,
        title: String(e.title),
        entities: [input.id, ...new Set((e.with ?? []).filter((w) => w !== input.id))],
      };
      if (e.to !== undefined) event.to = String(e.to);
      if (ev) event.evidence = ev;
      if (more.length) event.moreEvidence = more;
      if (e['date-note']) event.dateNote = String(e['date-note']);
      events.push(event);
    });
  }

  addInverseRelations(entities, byId);
  for (const e of entities) errors.push(...staleMissingStandpoints(e, sourceById));
  for (const [id, { input, file }] of defined)
    if (input['contested-status'] !== undefined) errors.push(...contestedStatus(`${file}: ${id}`, input, byId));
  const spelled = new Set(entities.flatMap((e) => [e.name, ...e.aliases.map((a) => a.text)].map(foldAlias)));
  formNames(formed, byId, languages, (key) => spelled.has(key), foldAlias, errors, events);
  for (const [i, chains] of deriveRouteChains(entities, foldAlias)) entities[i]!.aliases.push(...chains);
  if (languages) addGenitiveVariants(entities, languages);
  if (languages) addClassicalSpellings(entities, languages);
  addScriptTwins(entities, (text, lang) =>
    languages ? labelProblem(text, lang, languages.languages[lang]) === null : false,
  );
  checkAliases(entities, located, errors);
  for (const [source, count] of contributions)
    if (count === 0) errors.push(`source ${source}: the document contributes no quote`);

  if (editorial) errors.push(...checkOwnVoice(entities, events, sources, editorial));

  events.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  entities.sort((a, b) => a.id.localeCompare(b.id));
  return { factBase: { version: FACTBASE_VERSION, sources, entities, events }, errors };
}

/** `missing-standpoints`: a list of standpoint names ("Armenian"), each said once. */
function missingStandpoints(where: string, value: unknown, errors: string[]): { missingStandpoints?: string[] } {
  if (value === undefined) return {};
  if (!Array.isArray(value) || !value.length || value.some((v) => typeof v !== 'string' || !v.trim())) {
    errors.push(`${where}: missing-standpoints must be a non-empty list of standpoint names`);
    return {};
  }
  return { missingStandpoints: [...new Set(value.map((v: string) => v.trim()))] };
}

/**
 * `father: [Heydər, Heydar, Гейдар]`: the father's given name as patronymics spell it; left out where we do not know
 * it, so that a patronymic neither vouches for nor rules out the person.
 */
function father(where: string, value: unknown, errors: string[]): { father?: string[] } {
  if (value === undefined) return {};
  if (
    !Array.isArray(value) ||
    !value.length ||
    value.some((v) => typeof v !== 'string' || !/^\p{Lu}\p{L}+$/u.test(v))
  ) {
    errors.push(`${where}: father must be a non-empty list of capitalised one-word names`);
    return {};
  }
  return { father: [...new Set(value as string[])] };
}

/** A plausible year of office: a typo (20224, 203) must not decide who a surname means. */
const isYear = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1800 && (v as number) <= 2200;

/** `in-office: [from, to]` or `[from]` (still in office), years inclusive; for people, beside their `titles`. */
function inOffice(where: string, value: unknown, errors: string[]): { inOffice?: { from: number; to?: number } } {
  if (value === undefined) return {};
  const [from, to, ...rest] = Array.isArray(value) ? (value as unknown[]) : [];
  if (!isYear(from) || (to !== undefined && (!isYear(to) || to < from)) || rest.length) {
    errors.push(`${where}: in-office must be [from year, to year] or [from year], from ≤ to`);
    return {};
  }
  return { inOffice: to === undefined ? { from } : { from, to } };
}

/**
 * A standpoint said to be missing must really be missing: a view from a source whose standpoint names it (an
 * "Armenian outlet" for "Armenian") makes the card's sentence false, so the build refuses it.
 */
function staleMissingStandpoints(entity: Entity, sourceById: Map<string, Source>): string[] {
  const stances = entity.views.map((v) => (sourceById.get(v.source)?.stance ?? '').toLowerCase());
  return (entity.missingStandpoints ?? [])
    .filter((m) => stances.some((s) => s.split(/[^\p{L}]+/u).includes(m.toLowerCase())))
    .map((m) => `${entity.id}: missing-standpoints says no source gives the ${m} standpoint, but a view does`);
}

/**
 * A place whose status a source disputes (Karabakh): no `part-of`/`located-in` link to a state, since a card shows a
 * link as a plain fact; the summary states the undisputed part, the international recognition, in those words; and
 * the card shows the dispute in views or says which standpoint no source gives.
 */
function contestedStatus(where: string, input: EntityInput, byId: Map<string, Entity>): string[] {
  const errors: string[] = [];
  const entity = byId.get(input.id)!;
  if (!String(input['contested-status']).trim()) errors.push(`${where}: contested-status gives no reason`);
  for (const r of entity.relations)
    if (
      r.direction === 'out' &&
      (r.type === 'part-of' || r.type === 'located-in') &&
      byId.get(r.target)?.type === 'country'
    )
      errors.push(`${where}: contested status, but a ${r.type} link to ${r.target} states it as fact; link related-to`);
  if (input.country?.length && !/internationally recogni[sz]ed/.test(entity.summary))
    errors.push(`${where}: contested status: the summary must say whose part it is "internationally recognised"`);
  if (!entity.views.length && !entity.missingStandpoints?.length)
    errors.push(`${where}: contested status, but no view or missing-standpoints shows the dispute`);
  return errors;
}

/** The summary of a card no document names: own-voice sentences with no [n] markers, since there is nothing to cite. */
function unsourcedSummary(where: string, summary: string | undefined, errors: string[]): SummarySentence[] {
  const text = (summary ?? '').replace(/\s+/g, ' ').trim();
  if (!text) errors.push(`${where}: missing summary`);
  if (/\[\d+\]/.test(text)) errors.push(`${where}: summary cites facts but the record is not-in-corpus`);
  return text ? [{ text, facts: [] }] : [];
}

function parseSummary(where: string, summary: string | undefined, factCount: number, errors: string[]) {
  const sentences: SummarySentence[] = [];
  const text = (summary ?? '').replace(/\s+/g, ' ').trim();
  if (!text) {
    errors.push(`${where}: missing summary`);
    return sentences;
  }
  let consumed = 0;
  for (const m of text.matchAll(SENTENCE)) {
    if (m.index !== consumed && text.slice(consumed, m.index).trim()) break;
    const facts = [...m[2]!.matchAll(/\[(\d+)\]/g)].map((x) => Number(x[1]) - 1);
    for (const f of facts)
      if (f < 0 || f >= factCount) errors.push(`${where}: summary cites [${f + 1}] but has ${factCount} facts`);
    sentences.push({ text: m[1]!.trim(), facts });
    consumed = m.index! + m[0].length;
  }
  if (text.slice(consumed).trim())
    errors.push(`${where}: summary text without a backing [n] marker: "${text.slice(consumed, consumed + 60)}"`);
  return sentences;
}

const INVERSE: Record<string, string> = { signed: 'signed-by', 'signed-by': 'signed' };

/** Cards show relations from both ends; the YAML writes each once. */
function addInverseRelations(entities: Entity[], byId: Map<string, Entity>) {
  for (const entity of entities)
    for (const rel of entity.relations) {
      if (rel.direction !== 'out') continue;
      const target = byId.get(rel.target);
      if (!target) continue;
      const type = INVERSE[rel.type] ?? rel.type;
      const mirrored = target.relations.some((r) => r.target === entity.id && r.type === type && r.direction === 'out');
      if (mirrored) continue;
      target.relations.push({ ...rel, target: entity.id, direction: 'in' });
    }
}

/** The rule and evidence of a formed name's record, which every name formed from it carries. */
function formedRules(where: string, a: AliasInput, errors: string[]): FormedRequest['rules'] {
  const rules: FormedRequest['rules'] = aliasEvidenceFields(`${where}: formed name "${a.as}"`, a, errors);
  if (a.rule) {
    if (!ALIAS_RULES.includes(a.rule as AliasRule)) errors.push(`${where}: formed name "${a.as}" has unknown rule`);
    else rules.rule = a.rule as AliasRule;
  }
  return rules;
}

/** A Turkic name's state word in its other form, bare or genitive, where no alias folds alike (genitive-variants.ts). */
function addGenitiveVariants(entities: Entity[], languages: LanguagesInput) {
  const taken = new Set(entities.flatMap((e) => [e.name, ...e.aliases.map((a) => a.text)].map(foldAlias)));
  for (const entity of entities)
    for (const alias of [...entity.aliases])
      for (const text of genitiveVariants(alias, languages)) {
        if (taken.has(foldAlias(text))) continue;
        taken.add(foldAlias(text));
        entity.aliases.push({ ...alias, text, inCorpus: false });
      }
}

/** Armenian aliases in the classical spelling (classical-spellings.ts), where no spelling already folds alike. */
function addClassicalSpellings(entities: Entity[], languages: LanguagesInput) {
  const spellings = Object.entries(languages['classical-spellings'] ?? {});
  if (!spellings.length) return;
  const taken = new Set(entities.flatMap((e) => [e.name, ...e.aliases.map((a) => a.text)].map(foldAlias)));
  for (const entity of entities)
    for (const [lang, rules] of spellings)
      entity.aliases.push(...deriveClassicalSpellings(entity.aliases, lang, rules, taken, foldAlias));
}

/** Uzbek and Kazakh spellings in their other alphabet (transliterate.ts), where no spelling already folds alike. */
function addScriptTwins(entities: Entity[], fits: (text: string, lang: string) => boolean) {
  const taken = new Set(entities.flatMap((e) => [e.name, ...e.aliases.map((a) => a.text)].map(foldAlias)));
  for (const entity of entities) entity.aliases.push(...deriveScriptTwins(entity.aliases, taken, foldAlias, fits));
}

/** Whether an alias says more than its text: a rule, a language, or evidence of any kind. */
const carriesRule = (a: Alias) =>
  Boolean(a.rule || a.lang || a.needs || a.notNear || a.notAfter || a.notBefore || a.morph);

/** Each alias belongs to one entity; the name counts as an alias. Marks which aliases the corpus itself uses. */
function checkAliases(entities: Entity[], located: Map<string, LocatedDocument>, errors: string[]) {
  const folded = [...located.values()].map((d) => ` ${foldText(d.normalized).folded} `);
  const owner = new Map<string, { id: string; alias: Alias }>();
  for (const entity of entities) {
    const seen = new Set<string>();
    // A name that is also an ordinary word elsewhere (Georgia) is listed again as an alias with its rule, or with its
    // evidence of any kind (NATO's not-after: "Turkic NATO").
    const ruledName = entity.aliases.find((a) => a.text === entity.name && carriesRule(a));
    const all: Alias[] = [ruledName ?? { text: entity.name, inCorpus: false }, ...entity.aliases];
    entity.aliases = [];
    const byText = new Map<string, Alias>();
    for (const alias of all) {
      const key = foldAlias(alias.text);
      // The same spelling listed again for more languages (a reading area's Turkish "Pekin", an extension's
      // Azerbaijani, Uzbek and Turkmen one) serves them all: its languages join the first listing's, whose rules stay.
      const first = byText.get(alias.text);
      if (first && alias.lang) first.lang = joinLanguages(first.lang, alias.lang);
      // Same-entity variants that fold alike still differ in case rules (BOTAŞ the acronym, Botaş the name).
      if (!key || seen.has(alias.text)) continue;
      seen.add(alias.text);
      byText.set(alias.text, alias);
      const prior = owner.get(key);
      if (prior && prior.id !== entity.id && !canShareAlias(prior.alias, alias))
        errors.push(`alias "${alias.text}" is claimed by both ${prior.id} and ${entity.id}`);
      owner.set(key, { id: entity.id, alias });
      alias.inCorpus = folded.some((doc) => containsWord(doc, key));
      if (alias.text !== entity.name || carriesRule(alias)) entity.aliases.push(alias);
      if (alias.text === entity.name && !alias.inCorpus)
        (entity as Entity & { nameInCorpus?: boolean }).nameInCorpus = false;
    }
  }
}

/** Space-separated language codes, each once, in the order first written. */
const joinLanguages = (a: string | undefined, b: string) =>
  [...new Set([...(a ? a.split(' ') : []), ...b.split(' ')])].join(' ');

const WORD = /[\p{L}\p{N}\p{M}]/u;
function containsWord(haystack: string, needle: string): boolean {
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const before = haystack[at - 1] ?? ' ';
    const after = haystack[at + needle.length] ?? ' ';
    if (!WORD.test(before) && !WORD.test(after)) return true;
  }
  return false;
}
