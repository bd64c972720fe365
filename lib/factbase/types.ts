/**
 * The runtime fact base (data/factbase.json) and the compact artefacts generated from it.
 * Written by scripts/build-factbase.ts from the curated YAML in data/; read by the background, popup and pages.
 */

/** Every entity type: the one list the fact-base build and the reader's own names are checked against. */
export const ENTITY_TYPES = [
  'person',
  'organization',
  'company',
  'agreement',
  'pipeline',
  'corridor',
  'port',
  'railway',
  'gas-field',
  'military-system',
  'event',
  'place',
  'country',
  'region',
  'idea',
  'program',
] as const;

export type EntityType = (typeof ENTITY_TYPES)[number];

export interface Chapter {
  id: string;
  title: string;
  author: string;
}

export interface Source {
  id: string;
  /** The corpus file name. */
  file: string;
  /** The document's title, or the chapter's for a chapter of an edited volume. */
  title: string;
  authors: string[];
  /** Who the authors are, as the document itself gives it ("head of the Baku-based Hacizade Group"). */
  affiliation?: string;
  publisher: string | null;
  /** As precise as the document gives it: `2022`, `2022-08`, `2022-08-16`. */
  date: string | null;
  /** The standpoint the document (or chapter) writes from, shown beside its quotes. */
  stance: string;
  /**
   * For a chapter of an edited volume: the volume's source id. Each chapter is a source of its own, with its own
   * author and standpoint; quotes from the volume cite the chapter they sit in.
   */
  partOf?: string;
  chapters?: Chapter[];
}

/** Where a quote sits in its document; computed by the build, never written by hand. */
export interface Location {
  chapter?: string;
  chapterTitle?: string;
  chapterAuthor?: string;
  section?: string;
  /** 1-based paragraph number within the chapter (or the document when it has no chapters). */
  paragraph: number;
  /** 1-based line in the corpus file. */
  line: number;
}

/** A verbatim quote with its source and location. */
export interface Evidence {
  quote: string;
  source: string;
  where: Location;
}

export interface Fact extends Evidence {
  /** Optional one-line gloss in our own words. */
  claim?: string;
}

export type AliasRule = 'near' | 'exact-case' | 'surname' | 'short-form' | 'given-name';

export interface Alias {
  text: string;
  /** Language code(s) of this spelling, space-separated when it serves several (`az uz tk`). */
  lang?: string;
  /** False when the alias comes from our own knowledge rather than a corpus document. */
  inCorpus: boolean;
  rule?: AliasRule;
  /** Disambiguation evidence as written in data/ (word lists as `@name`); see data/FORMAT.md. */
  needs?: string[];
  /** `clause`: a `needs` word counts only in the name's own clause (no . ! ? ; : between), not a sentence away. */
  needsIn?: 'clause';
  notNear?: string[];
  notAfter?: string[];
  /** Words that, right after it, make it something else (Bayraktar Akıncı, another drone of the family). */
  notBefore?: string[];
  /** Morphology classes instead of its language's (`none`: as written only). */
  morph?: string[];
}

export interface Relation {
  type: string;
  target: string;
  /** `out`: this entity is the subject (A shareholder-of B); `in`: the inverse, added by the build. */
  direction: 'out' | 'in';
  share?: string;
  evidence?: Evidence;
}

export interface View {
  source: string;
  label: string;
  note: string;
  evidence?: Evidence;
}

export interface SummarySentence {
  text: string;
  /** 0-based indexes into the entity's facts. */
  facts: number[];
}

export interface Entity {
  id: string;
  name: string;
  type: EntityType;
  country?: string[];
  aliases: Alias[];
  summary: string;
  summarySentences: SummarySentence[];
  facts: Fact[];
  /** No document names it: the card has a summary in the own voice and no facts (see `not-in-corpus` in FORMAT.md). */
  notInCorpus?: true;
  /** Standpoints on this contested topic that no source document gives (see `missing-standpoints` in FORMAT.md). */
  missingStandpoints?: string[];
  relations: Relation[];
  views: View[];
  /** Words that, right before a bare surname, name this person (President, Arkadag). */
  titles?: string[];
  /** Years (inclusive) the person held the office their titles name; no `to`: still in office. */
  inOffice?: { from: number; to?: number };
  /** The father's given name as patronymics spell it (Heydər, Гейдар): a patronymic with another is a namesake's. */
  father?: string[];
}

export interface TimelineEvent {
  id: string;
  /** ISO prefix as precise as the source: `2020`, `2020-09`, `2020-09-27`. */
  date: string;
  to?: string;
  title: string;
  /** The entity the event is written on, then the others involved. */
  entities: string[];
  /** The quote that dates it (or the first of several passages on the same happening). */
  evidence?: Evidence;
  /** Further passages on the same happening, from other chapters or documents. */
  moreEvidence?: Evidence[];
  /** Where the date comes from when the quote does not give it (or gives it wrongly). */
  dateNote?: string;
}

/** Every passage backing an event: the one that dates it first, then the others on the same happening. */
export const eventEvidence = (event: TimelineEvent): Evidence[] =>
  event.evidence ? [event.evidence, ...(event.moreEvidence ?? [])] : [...(event.moreEvidence ?? [])];

export interface FactBase {
  version: number;
  sources: Source[];
  entities: Entity[];
  events: TimelineEvent[];
}

/** Alias flags in the compact alias index. */
export const ALIAS_EXACT_CASE = 1;
export const ALIAS_NEAR = 2;

/**
 * Everything the content script needs to match, nothing more (data/alias-index.json).
 * `entities[i]` = [id, canonical name, type]; `aliases[j]` = [alias text, entity index, flags].
 */
export interface AliasIndex {
  version: number;
  entities: [string, string, EntityType][];
  aliases: [string, number, number][];
}
