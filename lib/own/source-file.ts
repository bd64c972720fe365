/**
 * Reading a file the reader picked as a source: refuse what cannot be a readable document (empty, too large,
 * binary, an encoding we cannot tell) with a sentence saying why, before anything is stored. Pure: bytes in.
 */
import { OWN_LIMITS } from './types';

type SourceFileKind = 'text' | 'markdown' | 'html';

type ReadSourceFile = { ok: true; kind: SourceFileKind; text: string } | { ok: false; error: string };

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

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

function sourceFileKind(name: string): SourceFileKind | null {
  const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  return (ext && KINDS[ext]) || null;
}

/** Checks the size before reading: a file over the limit is never read into memory. */
export function sourceFileSizeProblem(name: string, size: number): string | null {
  if (size === 0) return `“${name}” is empty. Nothing was added.`;
  if (size > OWN_LIMITS.fileBytes)
    return `“${name}” is too large (${mb(size)}). Sources can be up to ${mb(OWN_LIMITS.fileBytes)}. Nothing was added.`;
  return null;
}

/** Decodes a picked file: UTF-8 (with or without a byte-order mark) or UTF-16 with its mark; nothing else. */
export function readSourceFile(name: string, bytes: Uint8Array): ReadSourceFile {
  const fail = (error: string): ReadSourceFile => ({ ok: false, error });
  const kind = sourceFileKind(name);
  if (!kind) return fail(`“${name}” is not a .txt, .md or .html file. Nothing was added.`);
  const sizeProblem = sourceFileSizeProblem(name, bytes.length);
  if (sizeProblem) return fail(sizeProblem);
  let encoding: 'utf-8' | 'utf-16le' | 'utf-16be' = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  // A NUL byte never occurs in UTF-8 text: the file is binary (an image, a PDF, a word-processor file).
  if (encoding === 'utf-8' && bytes.includes(0))
    return fail(
      `“${name}” looks like a binary file, not text (a PDF or word-processor file?). Save it as plain text, Markdown or HTML. Nothing was added.`,
    );
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return fail(
      `“${name}” is not in an encoding Caspian Lens can read for sure (it reads UTF-8 and UTF-16). Save it as UTF-8 and add it again. Nothing was added.`,
    );
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  // eslint-disable-next-line no-control-regex -- control characters are exactly what marks a binary file
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text.slice(0, 65_536)))
    return fail(`“${name}” looks like a binary file, not text. Nothing was added.`);
  if (!text.trim()) return fail(`“${name}” holds no text. Nothing was added.`);
  return { ok: true, kind, text };
}

/** Problems with a name or alias the reader wants tracked; null when it can be tracked. */
export function nameProblem(name: string, what = 'The name'): string | null {
  const n = name.trim();
  if (!n) return `${what} is empty.`;
  if ([...n.replace(/[\s\p{P}]/gu, '')].length < 2)
    return `${what} “${n}” is too short: one letter would mark every word that contains it. Give at least two letters.`;
  if (n.length > 200) return `${what} is longer than 200 characters.`;
  return null;
}
