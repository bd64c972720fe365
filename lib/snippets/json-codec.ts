/**
 * JSON export and import. An export is complete and lossless: every field of every record, exactly as stored,
 * inside an envelope naming the format and the schema version. A backup is the same envelope plus the settings.
 *
 * Import validates the whole file first and returns either every record (upgraded to the current schema) or one
 * readable reason; the caller writes nothing unless it got records. Pure: no DOM, no storage.
 */
import type { OwnMaterial } from '../own/types';
import { parseOwnMaterial } from '../own/validate-own';
import { upgradeRecord } from './migrate';
import { SNIPPET_LIMITS, SNIPPET_SCHEMA_VERSION, type Snippet } from './types';
import { recordProblems } from './validate-record';

export const SNIPPETS_FORMAT = 'caspian-lens/snippets';
const BACKUP_FORMAT = 'caspian-lens/backup';

interface SnippetExport {
  format: typeof SNIPPETS_FORMAT;
  version: number;
  exportedAt: string;
  count: number;
  snippets: Snippet[];
  /** From version 3: notes, own sources and own names (their quotes are derived again on import). */
  own?: OwnMaterial;
}

interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  count: number;
  snippets: Snippet[];
  own?: OwnMaterial;
  /** Everything the extension keeps in browser.storage.local (settings), keys as stored. */
  settings: Record<string, unknown>;
}

export function exportSnippetsJson(snippets: readonly Snippet[], now = Date.now(), own?: OwnMaterial): string {
  const file: SnippetExport = {
    format: SNIPPETS_FORMAT,
    version: SNIPPET_SCHEMA_VERSION,
    exportedAt: new Date(now).toISOString(),
    count: snippets.length,
    snippets: [...snippets],
    ...(own ? { own } : {}),
  };
  return JSON.stringify(file, null, 2) + '\n';
}

export function exportBackupJson(
  snippets: readonly Snippet[],
  settings: Record<string, unknown>,
  now = Date.now(),
  own?: OwnMaterial,
): string {
  const file: Backup = {
    format: BACKUP_FORMAT,
    version: SNIPPET_SCHEMA_VERSION,
    exportedAt: new Date(now).toISOString(),
    count: snippets.length,
    snippets: [...snippets],
    ...(own ? { own } : {}),
    settings,
  };
  return JSON.stringify(file, null, 2) + '\n';
}

type ParsedImport =
  | {
      ok: true;
      kind: 'snippets' | 'backup';
      fromVersion: number;
      snippets: Snippet[];
      /** Empty lists for files without own material (versions 1 and 2). */
      own: OwnMaterial;
      settings: Record<string, unknown> | null;
    }
  | { ok: false; error: string };

/** Settings are small; anything this large is not ours. Characters of JSON. */
const MAX_SETTINGS_JSON = 1_000_000;
/** Shown per file; the rest are summarised, so one bad file does not produce a wall of text. */
const MAX_LISTED_PROBLEMS = 5;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Parses and validates a snippets export or a backup. `byteLength` is the file's size when known (a File's size):
 * too-large files are refused before their text is even parsed.
 */
export function parseImportFile(text: string, byteLength = text.length): ParsedImport {
  const fail = (error: string): ParsedImport => ({ ok: false, error });
  if (byteLength > SNIPPET_LIMITS.importBytes)
    return fail(
      `The file is too large (${formatMb(byteLength)}). Caspian Lens imports files up to ${formatMb(SNIPPET_LIMITS.importBytes)}. Nothing was imported.`,
    );
  if (text.trim() === '') return fail('The file is empty. Nothing was imported.');
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const trimmed = text.trimEnd();
    const endsWell = trimmed.endsWith('}') || trimmed.endsWith(']');
    return fail(
      endsWell
        ? `The file is not valid JSON (${(err as Error).message}). Nothing was imported.`
        : 'The file ends early: it looks truncated (an interrupted download or copy). Nothing was imported.',
    );
  }
  if (!isRecord(data) || (data.format !== SNIPPETS_FORMAT && data.format !== BACKUP_FORMAT))
    return fail(
      'This is not a Caspian Lens export or backup (its "format" field is missing or different). Nothing was imported.',
    );
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return fail('The file does not say which version wrote it. Nothing was imported.');
  if (version > SNIPPET_SCHEMA_VERSION)
    return fail(
      `The file was written by a newer Caspian Lens (format version ${version}; this one reads up to ${SNIPPET_SCHEMA_VERSION}). Update the extension, then import again. Nothing was imported.`,
    );
  if (!Array.isArray(data.snippets)) return fail('The file has no list of snippets. Nothing was imported.');
  const raw = data.snippets as unknown[];
  if (typeof data.count === 'number' && data.count !== raw.length)
    return fail(
      `The file says it holds ${data.count} snippets but contains ${raw.length}: it was cut short or edited. Nothing was imported.`,
    );

  const problems: string[] = [];
  let bad = 0;
  const ids = new Set<string>();
  raw.forEach((record, i) => {
    const found = recordProblems(record, version);
    const id = isRecord(record) && typeof record.id === 'string' ? record.id : null;
    if (id !== null && ids.has(id)) found.push(`id ${JSON.stringify(id.slice(0, 40))} appears twice`);
    if (id !== null) ids.add(id);
    if (found.length) {
      bad++;
      if (problems.length < MAX_LISTED_PROBLEMS) problems.push(`snippet ${i + 1}: ${found.join('; ')}`);
    }
  });
  if (bad)
    return fail(
      `${bad} of ${raw.length} snippets are not valid, so nothing was imported. ${problems.join('. ')}${bad > problems.length ? ` (and ${bad - problems.length} more)` : ''}.`,
    );

  const own = parseOwnMaterial(data.own);
  if ('problems' in own)
    return fail(
      `Your notes, sources or names in the file are not valid, so nothing was imported. ${own.problems.join('. ')}.`,
    );

  let settings: Record<string, unknown> | null = null;
  if (data.format === BACKUP_FORMAT) {
    if (!isRecord(data.settings)) return fail('The backup has no settings object. Nothing was restored.');
    if (JSON.stringify(data.settings).length > MAX_SETTINGS_JSON)
      return fail("The backup's settings are implausibly large. Nothing was restored.");
    settings = data.settings;
  }

  const snippets = raw.map((r) => knownFields(upgradeRecord(r, version)));
  return {
    ok: true,
    kind: data.format === BACKUP_FORMAT ? 'backup' : 'snippets',
    fromVersion: version,
    snippets,
    own: own.own,
    settings,
  };
}

/**
 * Exactly the fields a snippet has, copied: a hand-edited file's extra keys are not carried into the database,
 * where nothing would show or export them (our own exports have no extra keys, so round trips stay lossless).
 */
function knownFields(s: Snippet): Snippet {
  return {
    id: s.id,
    text: s.text,
    url: s.url,
    title: s.title,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    selector: {
      type: 'TextQuoteSelector',
      exact: s.selector.exact,
      prefix: s.selector.prefix,
      suffix: s.selector.suffix,
    },
    entityIds: [...s.entityIds],
    note: s.note,
    tags: [...s.tags],
  };
}

function formatMb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
