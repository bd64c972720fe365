/**
 * The snippet record and its earlier shapes. Pure types: shared by the store (browser/snippets-db), the codecs, the
 * background and the library page.
 *
 * Versions are the IndexedDB schema versions; an export names the version its records were written in, so an
 * import runs the same record upgrades the database runs (see migrate.ts).
 */

/** W3C Web Annotation TextQuoteSelector: the exact text with a little context either side to find it again. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** Current record (schema versions 2 and 3: version 3 added the reader's own material beside snippets). */
export interface Snippet {
  /** Random UUID; stable across export/import, so importing a file twice changes nothing. */
  id: string;
  /** The passage as the reader saw it (line breaks between blocks kept). */
  text: string;
  url: string;
  title: string;
  /** Epoch milliseconds. Numbers sort and index without parsing; exports keep them as numbers (lossless). */
  createdAt: number;
  /** Epoch milliseconds of the last note/tag edit; equals createdAt until then. */
  updatedAt: number;
  selector: TextQuoteSelector;
  /** Fact-base entity ids the matcher found in the text (plus any the card named). */
  entityIds: string[];
  note: string;
  tags: string[];
}

/**
 * Schema version 1, as the first release wrote it: no tags, no updatedAt, and a selector without its W3C `type`.
 * Kept so upgrades from real v1 data stay testable.
 */
export interface SnippetV1 {
  id: string;
  text: string;
  url: string;
  title: string;
  createdAt: number;
  selector: { exact: string; prefix: string; suffix: string };
  entityIds: string[];
  note: string;
}

export const SNIPPET_SCHEMA_VERSION = 3;

/** What a save asks for; the store fills in id, times and defaults. */
export interface NewSnippet {
  text: string;
  url: string;
  title: string;
  selector: { exact: string; prefix: string; suffix: string };
  entityIds?: string[];
  note?: string;
  tags?: string[];
  /** Only imports and tests set these. */
  id?: string;
  createdAt?: number;
}

/** The editable part of a snippet. */
export interface SnippetPatch {
  note?: string;
  tags?: string[];
}

/** Limits shared by message validation, import validation and the store. Generous for reading, bounded for safety. */
export const SNIPPET_LIMITS = {
  /** A long selection (several paragraphs) fits; a whole book does not. Characters. */
  text: 50_000,
  /** prefix/suffix context saved beside the quote. Characters. */
  context: 200,
  url: 8_192,
  title: 2_000,
  note: 20_000,
  tag: 100,
  tags: 50,
  entityId: 200,
  entityIds: 500,
  id: 100,
  /** An import file larger than this is refused before parsing. Bytes. */
  importBytes: 20 * 1024 * 1024,
} as const;
