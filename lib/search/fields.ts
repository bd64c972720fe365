/** The searchable texts of a fact base, one record per name, alias, summary sentence and fact quote. Pure. */
import type { EntityType, FactBase } from '../factbase/types';
import { toSearchForm, toSearchForms, wordsOf } from './normalize';
import { toSearchIndex, type SearchIndexData } from './search-index';

type FieldKind = 'name' | 'alias' | 'summary' | 'quote';

export interface Field {
  /** Index into SearchEntity[]. */
  entity: number;
  kind: FieldKind;
  /** Alias, summary sentence or fact index within the entity (0 for the name). */
  ref: number;
  /** The text as the reader sees it. */
  text: string;
  /** Its search form (see normalize.ts). */
  form: string;
  words: string[];
}

/** The map from a field's search form back to its text, computed only for the few fields a result shows. */
export function formMap(field: Field): Uint32Array {
  return toSearchForm(field.text).map;
}

export interface SearchEntity {
  id: string;
  name: string;
  type: EntityType;
  /** The summary's first sentence: the context line when the name itself matched. */
  lead: string;
  /** How connected the entity is (facts, relations): breaks ties between equally good matches. */
  weight: number;
}

export const isTextKind = (kind: FieldKind) => kind === 'summary' || kind === 'quote';

/** A field before indexing; `form` when the artefact carries it, else computed by formFields. */
export type RawField = Omit<Field, 'form' | 'words'> & { form?: string | undefined };

interface CollectedFields {
  entities: SearchEntity[];
  /** Names and aliases: small, indexed first. */
  names: RawField[];
  /** Summary sentences and quotes: nine tenths of the text, indexable later (see Search.indexText). */
  texts: RawField[];
}

/** The fields of the search artefact (search-index.ts), or of a whole fact base through it. */
export function collectFields(source: FactBase | SearchIndexData): CollectedFields {
  const index = isSearchIndex(source) ? source : toSearchIndex(source);
  const entities: SearchEntity[] = [];
  const names: RawField[] = [];
  const texts: RawField[] = [];
  index.entities.forEach((e, i) => {
    const forms = e.forms;
    entities.push({ id: e.id, name: e.name, type: e.type, lead: e.summary[0] ?? '', weight: e.weight });
    names.push({ entity: i, kind: 'name', ref: 0, text: e.name, form: forms?.name });
    e.aliases.forEach((a, k) => names.push({ entity: i, kind: 'alias', ref: k, text: a, form: forms?.aliases[k] }));
    e.summary.forEach((s, k) => texts.push({ entity: i, kind: 'summary', ref: k, text: s, form: forms?.summary[k] }));
    e.quotes.forEach((q, k) => texts.push({ entity: i, kind: 'quote', ref: k, text: q, form: forms?.quotes[k] }));
  });
  return { entities, names, texts };
}

/** The search artefact's entities carry quotes; a fact base's carry facts. */
function isSearchIndex(source: FactBase | SearchIndexData): source is SearchIndexData {
  const first = source.entities[0];
  return first === undefined ? !('sources' in source) : 'quotes' in first;
}

/**
 * Search forms and words for raw fields, in one batch. Aliases that share a search form with their entity's name or
 * an earlier alias (Tokaev beside Tokayev) add nothing and are dropped, as are fields with no words.
 */
export function formFields(raw: readonly RawField[]): Field[] {
  const given = raw.every((f) => f.form !== undefined);
  const forms = given ? raw.map((f) => f.form!) : toSearchForms(raw.map((f) => f.text));
  const fields: Field[] = [];
  let seen = new Set<string>();
  raw.forEach((f, i) => {
    const form = forms[i]!;
    if (f.kind === 'name') seen = new Set();
    if (f.kind === 'name' || f.kind === 'alias') {
      if (seen.has(form)) return;
      seen.add(form);
    }
    const words = wordsOf(form);
    if (words.length) fields.push({ ...f, form, words });
  });
  return fields;
}

/** Every field of a fact base, names and aliases first. */
export function allFields(base: FactBase | SearchIndexData): { entities: SearchEntity[]; fields: Field[] } {
  const { entities, names, texts } = collectFields(base);
  return { entities, fields: [...formFields(names), ...formFields(texts)] };
}
