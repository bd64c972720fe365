/**
 * Captions for exported figures: which documents back what the figure shows, cited by author, chapter, title,
 * publisher and date, with the standpoint each writes from. Pure: no DOM, no browser.
 */
import type { Evidence, Source } from '../factbase/types';
import { formatEventDate } from './dates';
import { standpointWords } from '../i18n/standpoints';
import { t } from '../i18n/translator';

export interface Citation {
  sourceId: string;
  /**
   * `News Explained, “The gates of Central Asia…” (16 Aug 2022) [Armenian outlet]`, or for an edited volume
   * `Svante E. Cornell (ed.), Türkiye's Return… (CACI, Jun 2024), chapters: Brenda Shaffer (U.S. Naval Postgraduate
   * School), “…Energy…” [Western analyst]; Ali Hajizade (Baku-based Hacizade Group), “…” [Baku-based analyst]` —
   * each cited chapter by its author, affiliation, title and standpoint.
   */
  text: string;
  /** How many of the shown items this document's quotes back. */
  count: number;
  /** The cited chapters, for an edited volume. */
  chapters: { id: string; title: string; author: string; affiliation?: string; stance?: string; count: number }[];
}

function documentText(source: Source): string {
  const date = source.date ? formatEventDate(source.date) : '';
  const authors = source.authors.join(', ');
  // An edited volume's chapters carry their own standpoints; the volume's label would speak for all of them.
  const stance = source.stance && !source.chapters?.length ? ` [${standpointWords(source.stance)}]` : '';
  if (source.chapters?.length) {
    const tail = [source.publisher, date].filter(Boolean).join(', ');
    return `${authors ? `${authors}, ` : ''}${source.title}${tail ? ` (${tail})` : ''}${stance}`;
  }
  const by = authors || source.publisher || '';
  const rest = [authors ? source.publisher : null, date].filter(Boolean).join(', ');
  return `${by ? `${by}, ` : ''}“${source.title}”${rest ? ` (${rest})` : ''}${stance}`;
}

/**
 * One citation per document for the quotes backing the shown items; an edited volume lists its cited chapters by
 * author and title. `groups` holds the quotes of one shown item each, so an item backed by two quotes of one
 * document counts once. Documents keep the fact base's order; chapters are listed most cited first.
 */
export function citationsFor(groups: Iterable<readonly Evidence[]>, sources: readonly Source[]): Citation[] {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const found = new Map<string, Citation>();
  for (const group of groups) {
    const seenSources = new Set<string>();
    const seenChapters = new Set<string>();
    for (const e of group) {
      // A chapter of an edited volume is cited under its volume, by its own author, affiliation and standpoint.
      const cited = byId.get(e.source);
      const chapterSource = cited?.partOf ? cited : undefined;
      const source = chapterSource ? byId.get(chapterSource.partOf!) : cited;
      if (!source) continue;
      let citation = found.get(source.id);
      if (!citation) {
        citation = { sourceId: source.id, text: '', count: 0, chapters: [] };
        found.set(source.id, citation);
      }
      if (!seenSources.has(source.id)) {
        seenSources.add(source.id);
        citation.count++;
      }
      const chapterId = e.where.chapter;
      if (!chapterId || seenChapters.has(chapterId)) continue;
      seenChapters.add(chapterId);
      let chapter = citation.chapters.find((c) => c.id === chapterId);
      if (!chapter) {
        const ch = source.chapters?.find((c) => c.id === chapterId);
        chapter = {
          id: chapterId,
          title: chapterSource?.title ?? e.where.chapterTitle ?? ch?.title ?? chapterId,
          author: chapterSource?.authors.join(', ') ?? e.where.chapterAuthor ?? ch?.author ?? '',
          ...(chapterSource?.affiliation ? { affiliation: chapterSource.affiliation } : {}),
          ...(chapterSource?.stance ? { stance: standpointWords(chapterSource.stance) } : {}),
          count: 0,
        };
        citation.chapters.push(chapter);
      }
      chapter.count++;
    }
  }
  const order = new Map(sources.map((s, i) => [s.id, i]));
  return [...found.values()]
    .sort((a, b) => order.get(a.sourceId)! - order.get(b.sourceId)!)
    .map((c) => {
      const chapters = [...c.chapters].sort((a, b) => b.count - a.count || a.title.localeCompare(b.title));
      const list = chapters
        .map((ch) => {
          const by = ch.author ? `${ch.author}${ch.affiliation ? ` (${ch.affiliation})` : ''}, ` : '';
          return `${by}“${ch.title}”${ch.stance ? ` [${ch.stance}]` : ''}`;
        })
        .join('; ');
      const work = documentText(byId.get(c.sourceId)!);
      return { ...c, chapters, text: list ? t('exploreCaptionChapters', work, list) : work };
    });
}

/** The caption as plain text: a title line, then `Sources: a; b; c.` */
export function captionText(
  title: string,
  citations: readonly Citation[],
  key?: string,
): { title: string; sources: string; key?: string } {
  const sources = citations.length
    ? t('exploreCaptionSources', citations.map((c) => c.text).join(' — '))
    : t('exploreCaptionNoSources');
  return { title, sources, ...(key ? { key } : {}) };
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
  // At a word's end when one is near, so a label reads "…establish…" rather than "…establi…".
  const space = text.lastIndexOf(' ', n);
  return cut(space >= n * 0.6 ? space : n);
}
