/**
 * Finds a quote in a corpus document and says where it is (chapter, section, paragraph, line).
 * Quotes must be verbatim; the only forgiveness is for Markdown emphasis (`*`, `**`) and runs of white space,
 * which the documents use as layout, not wording.
 */
import type { Chapter, Location } from './types';

interface ChapterHeading extends Chapter {
  /** The heading line exactly as it stands in the document. */
  heading: string;
}

interface Block {
  /** Offset in the normalized text where this block starts. */
  start: number;
  line: number;
  chapter?: ChapterHeading;
  section?: string;
  paragraph: number;
}

export interface LocatedDocument {
  /** Document text with emphasis removed and white space folded. */
  normalized: string;
  blocks: Block[];
  locate(quote: string): Location | null;
}

/**
 * Removes what is layout rather than wording: emphasis stars, backslash escapes (`\\$`), footnote references
 * (`<sup>88</sup>`), the superscript markup of ordinals (`10<sup>th</sup>` reads 10th), runs of white space.
 */
export const normalizeQuote = (text: string): string =>
  text
    .replace(/<sup>\s*\d+\s*<\/sup>/g, '')
    .replace(/<\/?sup>/g, '')
    .replace(/\*/g, '')
    .replace(/\\([\\`_{}[\]()#+\-.!$|<>])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();

const HEADING = /^#{1,6}\s+/;

/** A short line standing alone with no closing punctuation reads as a section title in the plain-text documents. */
function looksLikePlainHeading(lines: string[]): boolean {
  if (lines.length !== 1) return false;
  const line = lines[0]!.trim();
  return line.length > 0 && line.length < 90 && !/[.!?:;,”"’)\]]$/.test(line) && /^[A-Z]/.test(line);
}

const cleanHeading = (line: string): string => line.replace(HEADING, '').replace(/[*_]/g, '').trim();

export function locateDocument(text: string, chapters: ChapterHeading[] = []): LocatedDocument {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  let normalized = '';
  let chapter: ChapterHeading | undefined;
  let section: string | undefined;
  let paragraph = 0;
  let i = 0;
  while (i < lines.length) {
    if (lines[i]!.trim() === '') {
      i++;
      continue;
    }
    const startLine = i;
    const para: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== '' && !(para.length > 0 && HEADING.test(lines[i]!))) {
      para.push(lines[i]!);
      i++;
      if (HEADING.test(para[0]!)) break;
    }
    const first = para[0]!.trim();
    const chapterHere = chapters.find((c) => c.heading.trim() === first);
    if (chapterHere) {
      chapter = chapterHere;
      section = undefined;
      paragraph = 0;
    } else if (HEADING.test(first) || looksLikePlainHeading(para)) {
      section = cleanHeading(first);
    } else {
      paragraph++;
    }
    const piece = normalizeQuote(para.join(' '));
    if (piece) {
      blocks.push({ start: normalized.length, line: startLine + 1, chapter, section, paragraph });
      normalized += piece + ' ';
    }
  }

  return {
    normalized,
    blocks,
    locate(quote) {
      const q = normalizeQuote(quote);
      if (!q) return null;
      const at = normalized.indexOf(q);
      if (at < 0) return null;
      let lo = 0;
      let hi = blocks.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (blocks[mid]!.start <= at) lo = mid;
        else hi = mid - 1;
      }
      const block = blocks[lo]!;
      const where: Location = { paragraph: block.paragraph, line: block.line };
      if (block.chapter) {
        where.chapter = block.chapter.id;
        where.chapterTitle = block.chapter.title;
        where.chapterAuthor = block.chapter.author;
      }
      if (block.section) where.section = block.section;
      return where;
    },
  };
}
