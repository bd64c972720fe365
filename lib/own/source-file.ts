/**
 * Reading a file the reader picked as a source: refuse what cannot be a readable document (empty, too large,
 * binary, an encoding we cannot tell) with the catalog key of a sentence saying why, before anything is stored.
 * Pure: bytes in; the page that shows the problem puts it into words (`t(problem.key, ...problem.subs)`).
 */
import type { MessageKey, PluralKey } from '../i18n/translator';
import { OWN_LIMITS } from './types';

type SourceFileKind = 'text' | 'markdown' | 'html';

/**
 * A problem with the reader's input: the catalog key of its sentence and the values for its placeholders, or a
 * plural sentence's key and its count.
 */
export type OwnProblem = { key: MessageKey; subs: (string | number)[] } | { plural: PluralKey; count: number };

type ReadSourceFile = { ok: true; kind: SourceFileKind; text: string } | { ok: false; error: OwnProblem };

const KINDS: Record<string, SourceFileKind> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
};

/** For the file picker's `accept`. */
export const SOURCE_FILE_ACCEPT = '.txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html';

/** Megabytes to one decimal, for a sentence that says "MB" after the number. */
const mb = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;
const problem = (key: MessageKey, ...subs: (string | number)[]): OwnProblem => ({ key, subs });

function sourceFileKind(name: string): SourceFileKind | null {
  const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  return (ext && KINDS[ext]) || null;
}

/** Checks the size before reading: a file over the limit is never read into memory. */
export function sourceFileSizeProblem(name: string, size: number): OwnProblem | null {
  if (size === 0) return problem('ownFileEmpty', name);
  if (size > OWN_LIMITS.fileBytes) return problem('ownFileTooLarge', name, mb(size), mb(OWN_LIMITS.fileBytes));
  return null;
}

/** Decodes a picked file: UTF-8 (with or without a byte-order mark) or UTF-16 with its mark; nothing else. */
export function readSourceFile(name: string, bytes: Uint8Array): ReadSourceFile {
  const fail = (error: OwnProblem): ReadSourceFile => ({ ok: false, error });
  const kind = sourceFileKind(name);
  if (!kind) return fail(problem('ownFileNotText', name));
  const sizeProblem = sourceFileSizeProblem(name, bytes.length);
  if (sizeProblem) return fail(sizeProblem);
  let encoding: 'utf-8' | 'utf-16le' | 'utf-16be' = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  // A NUL byte never occurs in UTF-8 text: the file is binary (an image, a PDF, a word-processor file).
  if (encoding === 'utf-8' && bytes.includes(0)) return fail(problem('ownFileBinary', name));
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return fail(problem('ownFileEncoding', name));
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  // eslint-disable-next-line no-control-regex -- control characters are exactly what marks a binary file
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text.slice(0, 65_536))) return fail(problem('ownFileBinary', name));
  if (!text.trim()) return fail(problem('ownFileNoText', name));
  return { ok: true, kind, text };
}

/** The longest name or other spelling the reader may track, in characters. */
const NAME_MAX = 200;

/** The problem with a name (or, `alias`, one of its other spellings) the reader wants tracked; null when it can be. */
export function nameProblem(name: string, what: 'name' | 'alias' = 'name'): OwnProblem | null {
  const n = name.trim();
  const alias = what === 'alias';
  if (!n) return problem(alias ? 'ownAliasEmpty' : 'ownNameEmpty');
  if ([...n.replace(/[\s\p{P}]/gu, '')].length < 2) return problem(alias ? 'ownAliasShort' : 'ownNameShort', n);
  if (n.length > NAME_MAX) return problem(alias ? 'ownAliasLong' : 'ownNameLong', NAME_MAX);
  return null;
}
