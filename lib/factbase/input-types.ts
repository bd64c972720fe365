/** The curated YAML records in data/ as written by hand (see data/FORMAT.md). */

export interface AliasInput {
  text: string;
  /** A name formed from another entity's (`of`) and a head of languages.yaml `formed-names` (`as`), with no text. */
  of?: string | string[];
  as?: string;
  lang?: string | string[];
  rule?: string;
  needs?: string[];
  'needs-in'?: string;
  'not-near'?: string[];
  'not-after'?: string[];
  'not-before'?: string[];
  morph?: string | string[];
}

export interface EvidenceInput {
  fact?: number;
  quote?: string;
  source?: string;
}

interface RelationInput extends EvidenceInput {
  type: string;
  target: string;
  share?: string | number;
}

interface EventInput extends EvidenceInput {
  date?: string | number;
  from?: string | number;
  to?: string | number;
  title: string;
  with?: string[];
  /** Further passages on the same happening: facts of the same record, or quotes with their sources. */
  also?: EvidenceInput[];
  /** Where the date comes from when the quote does not give it. */
  'date-note'?: string;
}

interface ViewInput extends EvidenceInput {
  source: string;
  label: string;
  note: string;
}

interface FactInput {
  quote: string;
  source: string;
  claim?: string;
}

export interface EntityInput {
  id: string;
  extend?: boolean;
  name?: string;
  type?: string;
  country?: string[];
  aliases?: (string | AliasInput)[];
  summary?: string;
  /**
   * Why a card exists that no document names (a sitting head of state the pages name often, kept so that his
   * mentions are not read as someone else's). Such a record has no facts, and its summary, in the own voice, states
   * only undisputed things and that the documents do not name it.
   */
  'not-in-corpus'?: string;
  /**
   * Standpoints a contested topic has that no source document gives ("Armenian" on the 2020 war): the card says so
   * in one sentence, rather than let the standpoints it shows read as all there are.
   */
  'missing-standpoints'?: string[];
  /**
   * Why the place's status is disputed (who disputes whose hold on it). Sovereignty is then stated as recognition in
   * the summary ("internationally recognised as part of …"), never as a `part-of`/`located-in` link to a state, which a
   * card would show as a plain fact (FORMAT.md, Editorial rule 10).
   */
  'contested-status'?: string;
  facts?: FactInput[];
  relations?: RelationInput[];
  events?: EventInput[];
  views?: ViewInput[];
  titles?: string[];
  /** `[from, to]` or `[from]` (still in office): years a person held the office their `titles` name. */
  'in-office'?: unknown;
  /** The father's given name, as the region's patronymics spell it (a person's only). */
  father?: unknown;
}

export interface SourceInput {
  id: string;
  file: string;
  title: string;
  authors?: string[];
  publisher?: string | null;
  date?: string | number | null;
  stance: string;
  chapters?: ChapterInput[];
}

/** A chapter of an edited volume: a source of its own, found by its heading line in the volume's document. */
interface ChapterInput {
  /** Short id within the volume; the chapter's source id is `<volume id>-<id>`. */
  id: string;
  heading: string;
  title: string;
  author: string;
  /** Who the author is, as the volume's list of contributors gives it. */
  affiliation?: string;
  /** The standpoint the chapter writes from; required: the volume's label does not speak for every chapter. */
  stance?: string;
}

/** data/editorial.yaml: the rules the own voice (summaries, claims, notes, event titles) is checked against. */
export interface EditorialInput {
  /** Word stems that never appear in an own-voice sentence unless the sentence says whose word it is. */
  'loaded-words': string[];
  /** Names that attribute a sentence besides the sources' authors, publishers and standpoints (speakers, states). */
  speakers: string[];
  /** Word stems that say a name is speaking ("calls", "writes", "according to"): a name alone is not attribution. */
  'attribution-verbs': string[];
  /** Proper names that contain a loaded word but take no side ("Victory Day"): removed before the check. */
  'proper-names'?: string[];
}

/** One YAML file's records with the file name, so errors can say where to look. */
export interface EntityFile {
  file: string;
  records: EntityInput[];
}
