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
import { formatNumber, phrase, say, type Phrase } from '../i18n/translator';

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
  // Said at once: the library parses a file as the reader picks it, in the interface language of that moment.
  const fail = (error: Phrase): ParsedImport => ({ ok: false, error: say(error) });
  if (byteLength > SNIPPET_LIMITS.importBytes)
    return fail(phrase('importTooLarge', megabytes(byteLength), megabytes(SNIPPET_LIMITS.importBytes)));
  if (text.trim() === '') return fail(phrase('importEmpty'));
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const trimmed = text.trimEnd();
    const endsWell = trimmed.endsWith('}') || trimmed.endsWith(']');
    return fail(endsWell ? phrase('importNotJson', (err as Error).message) : phrase('importTruncated'));
  }
  if (!isRecord(data) || (data.format !== SNIPPETS_FORMAT && data.format !== BACKUP_FORMAT))
    return fail(phrase('importNotOurs'));
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return fail(phrase('importNoVersion'));
  if (version > SNIPPET_SCHEMA_VERSION) return fail(phrase('importNewerVersion', version, SNIPPET_SCHEMA_VERSION));
  if (!Array.isArray(data.snippets)) return fail(phrase('importNoSnippets'));
  const raw = data.snippets as unknown[];
  if (typeof data.count === 'number' && data.count !== raw.length)
    return fail(phrase('importCountMismatch', data.count, raw.length));

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
      if (problems.length < MAX_LISTED_PROBLEMS)
        problems.push(say(phrase('importSnippetProblems', i + 1, found.join('; '))));
    }
  });
  if (bad) {
    const more = bad > problems.length ? ` ${say(phrase('importMoreProblems', bad - problems.length))}` : '';
    return fail(phrase('importInvalidSnippets', bad, raw.length, `${problems.join('. ')}${more}`));
  }

  const own = parseOwnMaterial(data.own);
  if ('problems' in own) return fail(phrase('importInvalidOwn', own.problems.join('. ')));

  let settings: Record<string, unknown> | null = null;
  if (data.format === BACKUP_FORMAT) {
    if (!isRecord(data.settings)) return fail(phrase('importNoSettings'));
    if (JSON.stringify(data.settings).length > MAX_SETTINGS_JSON) return fail(phrase('importSettingsTooLarge'));
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

/** A size in megabytes to a tenth ("20.0 MB", "20,0 МБ"): a file just over the limit must not read as the limit. */
const megabytes = (bytes: number): Phrase =>
  phrase(
    'libraryMegabytes',
    formatNumber(bytes / (1024 * 1024), { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  );
