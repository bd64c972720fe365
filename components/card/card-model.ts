/**
 * What the card shows, worked out from EntityDetails without any UI: which facts, how a quote is attributed, why a
 * page's wording matched, which dated events sit either side of the article. Pure, so it is unit-tested in Node.
 */
import type { Alias, Entity, Evidence, Fact, Source, TimelineEvent, View } from '~/lib/factbase/types';
import type { EntityDetails } from '~/lib/messaging/messages';
import { foldAlias } from '~/lib/matcher/fold';

/** Two or three facts: enough to ground the summary, few enough to read in a hover. */
export const MAX_KEY_FACTS = 3;
/** Chips beyond this many stop being scannable at a glance. */
export const MAX_RELATED = 8;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2022-08-16` → `16 Aug 2022`, `2022-08` → `Aug 2022`, `2022` → `2022`; anything else as given. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return date;
  const [, y, mo, d] = m;
  const month = mo ? MONTHS[Number(mo) - 1] : undefined;
  if (!month) return y!;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

const TYPE_LABELS: Record<string, string> = {
  'gas-field': 'Gas or oil field',
  'military-system': 'Military system',
};

export function typeLabel(type: string): string {
  return TYPE_LABELS[type] ?? type.charAt(0).toUpperCase() + type.slice(1).replace(/-/g, ' ');
}

export interface Attribution {
  /** Who wrote it: the chapter's author in an edited volume, else the document's authors; may be empty. */
  author: string;
  /** The chapter's title, when the quote is from a chapter of a larger work. */
  chapter?: string;
  /** The document's title (the volume's, for a chapter). */
  title: string;
  publisher?: string;
  date?: string;
  /** Section heading, left out when it only repeats the title. */
  section?: string;
  paragraph: number;
  /** The standpoint the source writes from. */
  stance?: string;
}

export function attribute(evidence: Evidence, sources: readonly Source[]): Attribution | null {
  const source = sources.find((s) => s.id === evidence.source);
  if (!source) return null;
  const where = evidence.where;
  const chapterTitle = where.chapterTitle ?? source.chapters?.find((c) => c.id === where.chapter)?.title;
  const author = where.chapterAuthor ?? source.authors.join(', ');
  const section =
    where.section && where.section !== source.title && where.section !== chapterTitle ? where.section : undefined;
  return {
    author,
    chapter: chapterTitle,
    title: source.title,
    publisher: source.publisher ?? undefined,
    date: formatDate(source.date) || undefined,
    section,
    paragraph: where.paragraph,
    stance: source.stance || undefined,
  };
}

/** One line naming a source briefly (its publisher or author), for view headings and "why this matched". */
export function shortSourceName(sourceId: string, sources: readonly Source[], chapterAuthor?: string): string {
  const s = sources.find((x) => x.id === sourceId);
  if (!s) return sourceId;
  return chapterAuthor ?? s.authors[0] ?? s.publisher ?? s.title;
}

/**
 * The key facts: those the summary's sentences rest on first, then the rest in order; a quote repeated by two facts
 * is shown once.
 */
export function keyFacts(entity: Entity, max = MAX_KEY_FACTS): Fact[] {
  const order: number[] = [];
  for (const sentence of entity.summarySentences ?? [])
    for (const i of sentence.facts) if (!order.includes(i)) order.push(i);
  for (let i = 0; i < entity.facts.length; i++) if (!order.includes(i)) order.push(i);
  const seen = new Set<string>();
  const out: Fact[] = [];
  for (const i of order) {
    const fact = entity.facts[i];
    if (!fact || seen.has(fact.quote)) continue;
    seen.add(fact.quote);
    out.push(fact);
    if (out.length >= max) break;
  }
  return out;
}

export interface ViewGroup {
  /** The name or framing these sources use. */
  label: string;
  views: View[];
}

/** Views grouped by the label they use, so "Shushi" and "Shusha" stand side by side with their sources under each. */
export function groupViews(views: readonly View[]): ViewGroup[] {
  const groups: ViewGroup[] = [];
  for (const view of views) {
    const key = foldAlias(view.label);
    const group = groups.find((g) => foldAlias(g.label) === key);
    if (group) group.views.push(view);
    else groups.push({ label: view.label, views: [view] });
  }
  return groups;
}

export interface MatchReason {
  /** The words on the page. */
  matched: string;
  /** The alias they matched, when it is not the name itself. */
  alias?: Alias;
  /** Sources that use this name, from the entity's views. */
  usedBy: string[];
  /** True when only an inflected ending differs (Токаеву → Токаев). */
  inflected: boolean;
  /** Languages whose spelling this is (one Cyrillic spelling often serves Kazakh and Russian alike). */
  langs: string[];
}

const LANGUAGES: Record<string, string> = {
  tr: 'Turkish',
  az: 'Azerbaijani',
  kk: 'Kazakh',
  uz: 'Uzbek',
  ru: 'Russian',
  ky: 'Kyrgyz',
  tk: 'Turkmen',
  hy: 'Armenian',
  ka: 'Georgian',
  fa: 'Persian',
  en: 'English',
};

export const languageName = (lang: string | undefined): string | undefined =>
  lang ? (LANGUAGES[lang] ?? lang) : undefined;

/**
 * Why the page's words point at this entity, when they are not simply its name (folded: case, diacritics and
 * dashes do not count as different). Null when there is nothing to explain.
 */
export function whyMatched(matched: string | undefined, details: EntityDetails): MatchReason | null {
  if (!matched) return null;
  const { entity, sources } = details;
  const folded = foldAlias(matched);
  if (!folded || folded === foldAlias(entity.name)) return null;
  const aliases = entity.aliases.map((a) => ({ alias: a, folded: foldAlias(a.text) }));
  const exact = aliases.find((a) => a.folded === folded);
  // Russian case endings: the page's word is the alias plus a few letters.
  const prefix = exact
    ? undefined
    : aliases
        .filter((a) => a.folded.length >= 3 && folded.startsWith(a.folded) && folded.length - a.folded.length <= 3)
        .sort((a, b) => b.folded.length - a.folded.length)[0];
  const hit = exact ?? prefix;
  if (hit && foldAlias(hit.alias.text) === foldAlias(entity.name) && !exact) {
    return { matched, usedBy: [], inflected: true, langs: [] };
  }
  const langs = hit
    ? [...new Set(aliases.filter((a) => a.folded === hit.folded && a.alias.lang).map((a) => a.alias.lang!))]
    : [];
  const usedBy = entity.views
    .filter((v) => hit && foldAlias(v.label) === hit.folded)
    .map((v) => shortSourceName(v.source, sources, v.evidence?.where.chapterAuthor));
  return { matched, alias: hit?.alias, usedBy: [...new Set(usedBy)], inflected: !exact && !!prefix, langs };
}

export interface EventsAround {
  /** The latest event on or before the reference date. */
  previous?: TimelineEvent;
  /** The earliest event after it. */
  next?: TimelineEvent;
}

/**
 * The entity's dated events either side of a reference date (the article's date when the page gives one, else
 * today). Dates are ISO prefixes, so they compare as strings at the precision both have.
 */
export function eventsAround(events: readonly TimelineEvent[], asOf: string): EventsAround {
  const sorted = [...events].sort((a, b) => a.date.localeCompare(b.date));
  let previous: TimelineEvent | undefined;
  let next: TimelineEvent | undefined;
  for (const event of sorted) {
    const d = event.date.slice(0, Math.min(event.date.length, asOf.length));
    const ref = asOf.slice(0, d.length);
    if (d <= ref) previous = event;
    else if (!next) next = event;
  }
  return { previous, next };
}

export interface RelatedChip {
  id: string;
  name: string;
  /** The relation, in words ("produced by"), or "timeline" for a co-participant in an event. */
  relation: string;
}

/** Related entities as chips: relation targets first (deduplicated), then those sharing its events. */
export function relatedChips(details: EntityDetails, max = MAX_RELATED): RelatedChip[] {
  const chips: RelatedChip[] = [];
  const add = (id: string, relation: string) => {
    const target = details.related[id];
    if (!target || id === details.entity.id || chips.some((c) => c.id === id)) return;
    chips.push({ id, name: target.name, relation });
  };
  for (const r of details.entity.relations) add(r.target, relationLabel(r.type, r.direction));
  for (const e of details.events) for (const id of e.entities) add(id, 'in its timeline');
  return chips.slice(0, max);
}

const INVERSE: Record<string, string> = {
  'member-of': 'has member',
  leads: 'led by',
  'head-of-state-of': 'head of state',
  'minister-of': 'minister',
  'part-of': 'includes',
  operates: 'operated by',
  owns: 'owned by',
  'shareholder-of': 'shareholder',
  signed: 'signed by',
  'signed-by': 'signed',
  founded: 'founded by',
  supplies: 'supplied by',
  connects: 'connected by',
  'located-in': 'location of',
  'successor-of': 'predecessor of',
  'produced-by': 'produces',
  uses: 'used by',
};

export function relationLabel(type: string, direction: 'out' | 'in'): string {
  if (direction === 'in') return INVERSE[type] ?? type.replace(/-/g, ' ');
  return type.replace(/-/g, ' ');
}
