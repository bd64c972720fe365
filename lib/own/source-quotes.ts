/**
 * The quotes an own source contributes: every sentence that names an entity, kept for that entity and attributed
 * to the source with its paragraph, the way the fact base cites its documents. Pure: the caller hands in the
 * matcher's `find` (the background's, so own sources are read by the same rules as pages).
 */
import { OWN_LIMITS, type SourceQuote } from './types';

/** A name found in the text: offsets into it and the entity it names. */
export interface FoundName {
  start: number;
  end: number;
  entityId: string;
}

interface Paragraph {
  /** 1-based. */
  number: number;
  start: number;
  text: string;
}

/** Paragraphs are separated by blank lines; single line breaks inside one are wrapping (as in .txt and .md files). */
export function paragraphsOf(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /\n[ \t]*\n/g;
  let at = 0;
  const push = (end: number) => {
    const raw = text.slice(at, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body) out.push({ number: out.length + 1, start: at + lead, text: body });
  };
  for (let m = re.exec(text); m; m = re.exec(text)) {
    push(m.index);
    at = m.index + m[0].length;
  }
  push(text.length);
  return out;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** [start, end) of each sentence of a paragraph, offsets into the paragraph. */
function sentenceBounds(paragraph: string): [number, number][] {
  const out: [number, number][] = [];
  for (const s of segmenter.segment(paragraph)) out.push([s.index, s.index + s.segment.length]);
  return out;
}

/** The sentence, on one line; when too long, the part around the name with ellipses. */
function quoteText(sentence: string, nameStart: number, nameEnd: number): string {
  const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
  if (sentence.length <= OWN_LIMITS.quote) return flat(sentence);
  const half = Math.floor((OWN_LIMITS.quote - (nameEnd - nameStart)) / 2);
  const from = Math.max(0, nameStart - half);
  const to = Math.min(sentence.length, nameEnd + half);
  return `${from > 0 ? '… ' : ''}${flat(sentence.slice(from, to))}${to < sentence.length ? ' …' : ''}`;
}

/**
 * Every sentence naming an entity, once per entity and sentence, in text order, at most
 * OWN_LIMITS.quotesPerEntity per entity. `found` must be sorted by start (the matcher's order).
 */
export function sourceQuotes(sourceId: string, text: string, found: readonly FoundName[]): SourceQuote[] {
  if (!found.length) return [];
  const out: SourceQuote[] = [];
  const perEntity = new Map<string, number>();
  const paragraphs = paragraphsOf(text);
  let f = 0;
  for (const p of paragraphs) {
    const end = p.start + p.text.length;
    while (f < found.length && found[f]!.start < p.start) f++;
    if (f >= found.length) break;
    if (found[f]!.start >= end) continue;
    const bounds = sentenceBounds(p.text);
    const seen = new Set<string>();
    for (; f < found.length && found[f]!.start < end; f++) {
      const hit = found[f]!;
      const at = hit.start - p.start;
      const which = bounds.findIndex(([s, e]) => at >= s && at < e);
      const [s, e] = bounds[which] ?? [0, p.text.length];
      const key = `${hit.entityId}\u0000${which}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const n = perEntity.get(hit.entityId) ?? 0;
      if (n >= OWN_LIMITS.quotesPerEntity) continue;
      perEntity.set(hit.entityId, n + 1);
      out.push({
        id: `${sourceId}:${hit.entityId}:${n}`,
        sourceId,
        entityId: hit.entityId,
        quote: quoteText(p.text.slice(s, e), at - s, Math.min(e, hit.end - p.start) - s),
        paragraph: p.number,
      });
    }
  }
  return out;
}
