/**
 * What the card shows, worked out from EntityDetails without any UI: which facts, how a quote is attributed, why a
 * page's wording matched, which dated events sit either side of the article. Pure, so it is unit-tested in Node.
 */
import type { Alias, Entity, Evidence, Fact, Source, TimelineEvent, View } from '~/lib/factbase/types';
import type { EntityDetails } from '~/lib/messaging/messages';
import { foldAlias } from '~/lib/matcher/fold';
import { formatIsoDate, formatList, languageName as displayLanguage, t, type MessageKey } from '~/lib/i18n/translator';
import { relationWords, typeLabel } from '~/lib/i18n/words';
import { standpointWords } from '~/lib/i18n/standpoints';

/** Two or three facts: enough to ground the summary, few enough to read in a hover. */
const MAX_KEY_FACTS = 3;
/** Chips beyond this many stop being scannable at a glance. */
const MAX_RELATED = 8;

/** `2022-08-16` → `16 Aug 2022` (in the interface language), `2022` → `2022`; anything else as given. */
export const formatDate = (date: string | null | undefined): string => formatIsoDate(date);

export { typeLabel };

interface Attribution {
  /** Who wrote it: the chapter's author in an edited volume, else the document's authors; may be empty. */
  author: string;
  /** Who the author is, as the document gives it ("Baku-based Hacizade Group"). */
  affiliation?: string;
  /** The chapter's title, when the quote is from a chapter of a larger work. */
  chapter?: string;
  /** The document's title (the volume's, for a chapter). */
  title: string;
  publisher?: string;
  date?: string;
  /** Section heading, left out when it only repeats the title. */
  section?: string;
  paragraph: number;
  /** The standpoint the source (for a chapter: the chapter) writes from. */
  stance?: string;
}

export function attribute(evidence: Evidence, sources: readonly Source[]): Attribution | null {
  const source = sources.find((s) => s.id === evidence.source);
  if (!source) return null;
  // A chapter of an edited volume is a source of its own; the work it appears in is the volume.
  const volume = source.partOf ? sources.find((s) => s.id === source.partOf) : undefined;
  const where = evidence.where;
  const chapterTitle = source.partOf
    ? source.title
    : (where.chapterTitle ?? source.chapters?.find((c) => c.id === where.chapter)?.title);
  const author = source.partOf ? source.authors.join(', ') : (where.chapterAuthor ?? source.authors.join(', '));
  const title = source.partOf ? (volume?.title ?? source.title) : source.title;
  const section =
    where.section && where.section !== title && where.section !== chapterTitle ? where.section : undefined;
  return {
    author,
    ...(source.affiliation ? { affiliation: source.affiliation } : {}),
    chapter: chapterTitle,
    title,
    publisher: source.publisher ?? undefined,
    date: formatDate(source.date) || undefined,
    section,
    paragraph: where.paragraph,
    stance: source.stance ? standpointWords(source.stance) : undefined,
  };
}

/** The author with the affiliation the document gives: "Ali Hajizade (Baku-based Hacizade Group)". */
export const byline = (a: Pick<Attribution, 'author' | 'affiliation'>): string =>
  a.author && a.affiliation ? `${a.author} (${a.affiliation})` : a.author;

/**
 * The one-line citation under a quote, who and from where first: "Shaffer · Western analyst · Silk Road Paper 2024, ¶3".
 * The full citation (chapter, volume, publisher, section) sits behind a disclosure.
 */
interface ShortCitation {
  /** Surnames of the chapter's or document's authors, else the publisher. */
  who: string;
  stance?: string;
  /** A short name of the work and its year, when it adds to `who` ("Silk Road Paper 2024", "2022"). */
  work: string;
  paragraph: number;
}

export function shortCitation(evidence: Evidence, sources: readonly Source[]): ShortCitation | null {
  const source = sources.find((s) => s.id === evidence.source);
  if (!source) return null;
  const authors = evidence.where.chapterAuthor ? [evidence.where.chapterAuthor] : source.authors;
  const surnames = authors.map(surname).filter(Boolean);
  const who = surnames.length ? surnames.join(' & ') : (source.publisher ?? source.title);
  const year = source.date?.slice(0, 4) ?? '';
  // "Central Asia-Caucasus Institute & … (Silk Road Paper)" reads as its series; a publisher named as `who` is not
  // named twice.
  const series = /\(([^)]+)\)\s*$/.exec(source.publisher ?? '')?.[1];
  const outlet = surnames.length ? (series ?? source.publisher ?? undefined) : series;
  return {
    who,
    stance: source.stance ? standpointWords(singularStance(source.stance)) : undefined,
    work: [outlet, year].filter(Boolean).join(' '),
    paragraph: evidence.where.paragraph,
  };
}

/** "Svante E. Cornell (ed.)" → "Cornell". */
function surname(name: string): string {
  const words = name
    .replace(/\(.*?\)/g, '')
    .trim()
    .split(/\s+/);
  return words[words.length - 1] ?? '';
}

/**
 * A volume's standpoint speaks of its authors in the plural ("Western analysts (edited volume)"); under one quote it is
 * one author's: "Western analyst".
 */
export function singularStance(stance: string): string {
  return stance
    .replace(/\s*\((?:edited volume|ed\.)\)\s*$/i, '')
    .replace(/\b(analyst|author|scholar|journalist|expert|outlet)s\b/gi, '$1');
}

/**
 * The summary's first sentence or two, for the card's first screen (the rest is behind "More"): two when the first
 * is short (two fit in about three lines of the card), so the lead says what it is and one thing about it.
 */
export function summaryLead(entity: Entity, maxChars = 170): { lead: string; rest: string } {
  const sentences = entity.summarySentences.length
    ? entity.summarySentences.map((s) => s.text)
    : splitSentences(entity.summary);
  if (sentences.length <= 1) return { lead: entity.summary, rest: '' };
  let n = 1;
  if (sentences[0]!.length + sentences[1]!.length + 1 <= maxChars) n = 2;
  if (n === sentences.length - 1 && sentences.slice(n).join(' ').length < 60) n = sentences.length;
  return { lead: sentences.slice(0, n).join(' '), rest: sentences.slice(n).join(' ') };
}

function splitSentences(text: string): string[] {
  return (
    text
      .match(/[^.!?]+(?:[.!?]+["”’)]*\s*|$)/g)
      ?.map((s) => s.trim())
      .filter(Boolean) ?? [text]
  );
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

interface ViewGroup {
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

/**
 * The one sentence a contested card adds when a side of the dispute has no source in the corpus, so the standpoints
 * it shows do not read as all there are.
 */
export function missingStandpointsSentence(standpoints: readonly string[]): string {
  return t(
    'cardViewsMissing',
    formatList(
      standpoints.map((s) => standpointWords(s, 'cardStanceMissing')),
      'disjunction',
    ),
  );
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
  /** Another spelling of the title's words ("Tokaev"), as opposed to another name ("Turkic Council"). */
  respelling: boolean;
}

/** A spelling's language ("Kazakh", "Kazakh (Latin)") in the interface language. */
export const languageName = (lang: string | undefined): string | undefined =>
  lang ? displayLanguage(lang) : undefined;

/**
 * The languages of the spelling on the page: of the alias written exactly so when there is one (a plain "Erdoğan" is
 * Turkish even though the Uzbek "Erdoʻgʻan" folds alike), else of every alias that folds alike.
 */
function langsOf(aliases: { alias: Alias; folded: string }[], matched: string, folded: string): string[] {
  const same = aliases.filter((a) => a.folded === folded);
  const exact = same.filter((a) => a.alias.text.normalize('NFC') === matched.normalize('NFC'));
  return (exact.length ? exact : same).flatMap((a) => a.alias.lang?.split(' ') ?? []);
}

/**
 * Why the page's words point at this entity, only when that tells the reader something: the page writes it in another
 * script (Токаев), in another language's spelling (Şuşa), with a spelling that differs from the title (Shushi, whose
 * sources are named), or by a name that shares nothing with the title. A word of the title ("Tokayev", "Erdoğan"),
 * an abbreviation ("OTS"), or the name in another case or with diacritics gets null: the card's title already says it.
 */
export function whyMatched(matched: string | undefined, details: EntityDetails): MatchReason | null {
  if (!matched) return null;
  const { entity, sources } = details;
  const folded = foldAlias(matched);
  if (!folded || folded === foldAlias(entity.name)) return null;
  const aliases = entity.aliases.map((a) => ({ alias: a, folded: foldAlias(a.text) }));
  const exact = aliases.find((a) => a.folded === folded);
  // Case endings and suffixes: the page's word is the alias plus a few letters.
  const prefix = exact
    ? undefined
    : aliases
        .filter((a) => a.folded.length >= 3 && folded.startsWith(a.folded) && folded.length - a.folded.length <= 3)
        .sort((a, b) => b.folded.length - a.folded.length)[0];
  const hit = exact ?? prefix;
  const base = hit?.folded ?? folded;
  const langs = hit ? [...new Set(langsOf(aliases, matched, hit.folded))] : [];
  const usedBy = [
    ...new Set(
      entity.views
        .filter((v) => foldAlias(v.label) === base)
        .map((v) => shortSourceName(v.source, sources, v.evidence?.where.chapterAuthor)),
    ),
  ];
  const reason: MatchReason = {
    matched,
    alias: hit?.alias,
    usedBy,
    inflected: !exact && !!prefix,
    langs,
    respelling: isRespelling(base, entity.name),
  };
  if (scriptsOf(matched) !== scriptsOf(entity.name)) return reason;
  if (usedBy.length) return reason;
  if (isPartOfName(base, entity.name) || isAbbreviation(matched)) return null;
  return reason;
}

/** The scripts a text is written in, as a key ("Latin", "Cyrillic", "Armenian+Latin"). */
function scriptsOf(text: string): string {
  const found = new Set<string>();
  for (const [name, re] of SCRIPTS) if (re.test(text)) found.add(name);
  return [...found].join('+');
}
const SCRIPTS: [string, RegExp][] = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Georgian', /\p{Script=Georgian}/u],
  ['Arabic', /\p{Script=Arabic}/u],
];

const wordsOf = (s: string) => s.split(/[\s\-–—'’.,()]+/).filter(Boolean);

/**
 * "tokayev" in "kassym-jomart tokayev", "trans anatolian pipeline" in "trans-anatolian natural gas pipeline",
 * "r t erdogan": words of the title in order, some left out, a single letter standing for a word (folded).
 */
function isPartOfName(folded: string, name: string): boolean {
  const title = wordsOf(foldAlias(name));
  const part = wordsOf(folded);
  let at = 0;
  for (const w of part) {
    while (at < title.length && !(title[at] === w || (w.length === 1 && title[at]!.startsWith(w)))) at++;
    if (at === title.length) return false;
    at++;
  }
  return true;
}

/**
 * "tokaev" for "tokayev", "organisation" for "organization": each word of the page's name within a letter or two of
 * a word of the title, at least one of them different.
 */
function isRespelling(folded: string, name: string): boolean {
  const title = wordsOf(foldAlias(name));
  const part = wordsOf(folded);
  if (!part.length) return false;
  return part.every((w) => title.some((t) => editDistance(w, t) <= Math.max(1, Math.floor(t.length / 4))));
}

/** Levenshtein distance, for short words. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 4;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

/** "OTS", "TANAP", "BTC": an abbreviation, which the title beside it spells out. */
const isAbbreviation = (text: string) => /^[\p{Lu}\p{N}&.-]{2,8}$/u.test(text.trim());

interface EventsAround {
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
  // Compared as plain strings, which ISO dates sort by: localeCompare would make the page's renderer build a collator.
  const sorted = [...events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
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

interface RelatedChip {
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
  for (const e of details.events) for (const id of e.entities) add(id, t('cardRelInTimeline'));
  return chips.slice(0, max);
}

/** A relation in words, read from this card's entity ("member of", or "has member" for the inverse). */
const relationLabel = (type: string, direction: 'out' | 'in'): string => relationWords(type, direction);

/**
 * The matcher's evidence for who a name is (lib/matcher/disambiguate.ts writes it in English phrases, which travel
 * with the marks) in the interface language. A phrase it does not know is shown as the matcher wrote it.
 */
const EVIDENCE: [RegExp, MessageKey][] = [
  [/^after the title “(.+)”$/, 'cardEvidenceAfterTitle'],
  [/^after “(.+)”$/, 'cardEvidenceAfter'],
  [/^near “(.+)”$/, 'cardEvidenceNear'],
  [/^named in full earlier on the page$/, 'cardEvidenceNamedEarlier'],
  [/^named in full on the page$/, 'cardEvidenceNamedOnPage'],
  [/^spelled out on this page$/, 'cardEvidenceSpelledOut'],
  [/^in office in (\d{4}), the page’s date$/, 'cardEvidenceInOffice'],
];

export function evidenceWords(why: string): string {
  for (const [re, key] of EVIDENCE) {
    const m = re.exec(why);
    if (m) return m[1] === undefined ? t(key) : t(key, m[1]);
  }
  return why;
}

/**
 * The entity's name as the fact base writes it in the interface language (Тоқаев's full name for Kazakh), for the
 * card to show beside the English one: a full name, not a surname or a word that needs company, and only when it
 * differs from the title in more than case and accents. Undefined when the fact base has none.
 */
export function nameInLanguage(entity: Pick<Entity, 'name' | 'aliases'>, lang: string): string | undefined {
  const title = foldAlias(entity.name);
  return entity.aliases.find((a) => !a.rule && a.lang?.split(' ').includes(lang) && foldAlias(a.text) !== title)?.text;
}
