/** The curated YAML records in data/ as written by hand (see data/FORMAT.md). */

export interface AliasInput {
  text: string;
  lang?: string;
  rule?: string;
}

export interface EvidenceInput {
  fact?: number;
  quote?: string;
  source?: string;
}

export interface RelationInput extends EvidenceInput {
  type: string;
  target: string;
  share?: string | number;
}

export interface EventInput extends EvidenceInput {
  date?: string | number;
  from?: string | number;
  to?: string | number;
  title: string;
  with?: string[];
}

export interface ViewInput extends EvidenceInput {
  source: string;
  label: string;
  note: string;
}

export interface FactInput {
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
  facts?: FactInput[];
  relations?: RelationInput[];
  events?: EventInput[];
  views?: ViewInput[];
}

export interface SourceInput {
  id: string;
  file: string;
  title: string;
  authors?: string[];
  publisher?: string | null;
  date?: string | number | null;
  stance: string;
  chapters?: { id: string; heading: string; title: string; author: string }[];
}

/** One YAML file's records with the file name, so errors can say where to look. */
export interface EntityFile {
  file: string;
  records: EntityInput[];
}
