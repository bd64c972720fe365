/**
 * Captions for exported figures: which documents back what the figure shows, cited by author, chapter, title,
 * publisher and date, with the standpoint each writes from. Pure: no DOM, no browser.
 */
import type { Evidence, Source } from '../factbase/types';
import { formatEventDate } from './dates';

export interface Citation {
  /** `source` or `source#chapter`. */
  key: string;
  sourceId: string;
  /** `Brenda Shaffer, “Türkiye's Energy Engagement…”, in Svante E. Cornell (ed.), Türkiye's Return… (CACI, Jun 2024)` */
  text: string;
  /** How many of the shown items this document's quotes back. */
  count: number;
}

function citationText(source: Source, chapter?: { title: string; author: string }): string {
  const date = source.date ? formatEventDate(source.date) : '';
  const tail = [source.publisher, date].filter(Boolean).join(', ');
  const stance = source.stance ? ` [${source.stance}]` : '';
  const authors = source.authors.join(', ');
  if (chapter) {
    const head = `${chapter.author}, “${chapter.title}”, in ${authors ? `${authors}, ` : ''}${source.title}`;
    return `${head}${tail ? ` (${tail})` : ''}${stance}`;
  }
  const by = authors || source.publisher || '';
  const rest = [authors ? source.publisher : null, date].filter(Boolean).join(', ');
  return `${by ? `${by}, ` : ''}“${source.title}”${rest ? ` (${rest})` : ''}${stance}`;
}

/**
 * One citation per document (per chapter, for an edited volume), for the quotes backing the shown items. `groups`
 * holds the quotes of one shown item each, so an item backed by two quotes of one chapter counts once.
 */
export function citationsFor(groups: Iterable<readonly Evidence[]>, sources: readonly Source[]): Citation[] {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const found = new Map<string, Citation>();
  const order = new Map(sources.map((s, i) => [s.id, i]));
  for (const group of groups) {
    const seen = new Set<string>();
    for (const e of group) {
      const source = byId.get(e.source);
      if (!source) continue;
      const chapterId = e.where.chapter;
      const key = chapterId ? `${source.id}#${chapterId}` : source.id;
      if (seen.has(key)) continue;
      seen.add(key);
      let citation = found.get(key);
      if (!citation) {
        const ch = chapterId ? source.chapters?.find((c) => c.id === chapterId) : undefined;
        const chapter =
          ch || e.where.chapterTitle
            ? { title: e.where.chapterTitle ?? ch!.title, author: e.where.chapterAuthor ?? ch?.author ?? '' }
            : undefined;
        citation = { key, sourceId: source.id, text: citationText(source, chapter), count: 0 };
        found.set(key, citation);
      }
      citation.count++;
    }
  }
  return [...found.values()].sort(
    (a, b) => (order.get(a.sourceId) ?? 0) - (order.get(b.sourceId) ?? 0) || b.count - a.count || a.key.localeCompare(b.key),
  );
}

/** The caption as plain text: a title line, then `Sources: a; b; c.` */
export function captionText(title: string, citations: readonly Citation[]): { title: string; sources: string } {
  const sources = citations.length
    ? `Sources (quoted verbatim in Caspian Lens): ${citations.map((c) => c.text).join('; ')}.`
    : 'Sources: none of the shown items is backed by a quote.';
  return { title, sources };
}

/**
 * Breaks text into lines no wider than `maxWidth`, measured by `measure` (canvas text metrics in the page, an
 * estimate in tests). Words longer than a line are kept whole on their own line.
 */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measure(candidate) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Shortens text to fit `maxWidth`, ending it with an ellipsis. Starts from a guess proportional to the overflow and
 * adjusts a character at a time, so a label usually costs two or three measurements rather than a binary search.
 */
export function truncateText(text: string, maxWidth: number, measure: (s: string) => number): string {
  const full = measure(text);
  if (full <= maxWidth) return text;
  const cut = (n: number) => `${text.slice(0, n).trimEnd()}…`;
  let n = Math.max(0, Math.min(text.length - 1, Math.floor((text.length * maxWidth) / full)));
  while (n > 0 && measure(cut(n)) > maxWidth) n--;
  while (n + 1 < text.length && measure(cut(n + 1)) <= maxWidth) n++;
  return cut(n);
}
