/**
 * The reader's own material beside the fact base: a note per entity, their own sources (with the quotes each one
 * contributes to the entities it names), and their own names. Pure types and limits, shared by the store, the
 * codecs, the background and the extension pages. Records live in the snippets database from schema version 3.
 */
import type { EntityType } from '../factbase/types';

/** Ids of the reader's own names: never a fact-base id (those are lower-case kebab words), safe in URLs and CSS. */
export const OWN_NAME_PREFIX = 'own-name-';
export const isOwnNameId = (id: string): boolean => id.startsWith(OWN_NAME_PREFIX);

/** The reader's note on one entity (fact base or their own name); one per entity, keyed by its id. */
export interface EntityNote {
  entityId: string;
  text: string;
  createdAt: number;
  updatedAt: number;
}

type SourceOrigin = 'paste' | 'file' | 'page';

/** A document the reader added: its text, and what they record about it. */
export interface OwnSource {
  id: string;
  title: string;
  author: string;
  /** As precise as the reader knows it: `2024`, `2024-05`, `2024-05-14`, or empty. */
  date: string;
  url: string;
  /** The standpoint the reader gives it, shown beside its quotes as the fact base shows its sources'. */
  stance: string;
  text: string;
  origin: SourceOrigin;
  /** The file's name when it came from a file. */
  fileName: string;
  createdAt: number;
  updatedAt: number;
}

/** What a source is given as, by a page of the extension (library, popup). */
export type SourceDraft = Omit<OwnSource, 'id' | 'createdAt' | 'updatedAt'> & { id?: string };

/** A pasted source with nothing filled in yet: the library's empty form, and the benchmarks' base draft. */
export const EMPTY_SOURCE_DRAFT: Readonly<SourceDraft> = {
  title: '',
  author: '',
  date: '',
  url: '',
  stance: '',
  text: '',
  origin: 'paste',
  fileName: '',
};

/** One sentence of an own source that names an entity: a quote attributed to that source. */
export interface SourceQuote {
  /** `${sourceId}:${entityId}:${n}`: stable for one text, so re-deriving writes the same records. */
  id: string;
  sourceId: string;
  entityId: string;
  quote: string;
  /** 1-based paragraph of the source, as the fact base's citations give it. */
  paragraph: number;
}

/** A name the reader tracks: marked on pages like the fact base's entities, its card built from their material. */
export interface OwnName {
  id: string;
  name: string;
  aliases: string[];
  type: EntityType;
  summary: string;
  createdAt: number;
  updatedAt: number;
}

/** What the reader owns besides snippets, as exported and restored. */
export interface OwnMaterial {
  notes: EntityNote[];
  sources: OwnSource[];
  names: OwnName[];
}

/** Limits shared by validation, import and the store. */
export const OWN_LIMITS = {
  note: 20_000,
  /** A source file larger than this is refused before it is read. Bytes. */
  fileBytes: 5 * 1024 * 1024,
  /** Characters of source text (a 5 MB file of ASCII). */
  sourceText: 5 * 1024 * 1024,
  title: 2_000,
  author: 500,
  date: 10,
  url: 8_192,
  stance: 200,
  fileName: 500,
  name: 200,
  aliases: 50,
  summary: 5_000,
  /** Quotes one source keeps per entity: the first ones in the text; a card shows a few. */
  quotesPerEntity: 20,
  /** A sentence longer than this is cut around the name. Characters. */
  quote: 600,
  id: 100,
  entityId: 200,
} as const;

/** Source text above this many characters gets a progress indicator while it is added. */
export const PROGRESS_ABOVE_CHARS = 50_000;

/** The card's share of one entity's own material, as the background sends it. */
export interface OwnOnCard {
  note: string;
  snippets: { id: string; text: string; title: string; url: string; createdAt: number }[];
  snippetCount: number;
  quotes: { quote: string; paragraph: number; source: OwnSourceCitation }[];
}

/** What a quote's citation line needs of its source (never its text). */
interface OwnSourceCitation {
  id: string;
  title: string;
  author: string;
  date: string;
  url: string;
  stance: string;
}
