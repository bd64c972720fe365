/**
 * Issue 15 in the real scanner: a sample of the evaluation pages (tests/eval), one per script and trap class, rendered
 * as HTML for the static server; the marks the built extension paints on them are read back as eval marks, to be
 * scored against the gold labels with the same rules as `npm run eval` (tests/e2e/scanner.test.ts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LensPage } from '../../automation/lens-browser';
import type { MentionCount } from '../../lib/messaging/messages';
import type { EvalPage, Mark } from '../eval/eval-set';
import { loadPages } from '../eval/load';
import { evalPageHtml } from '../eval/page-html';

/** The floors of tests/unit/eval-floors.test.ts, here for what the reader's browser shows. */
export const RECALL_FLOOR = 0.95;
export const PRECISION_FLOOR = 0.99;

/**
 * One page per script, and the trap classes: namesakes (the Aliyevs, the Berdimuhamedovs, Yılmaz, Bayraktar), Turkish
 * and Azerbaijani suffixes, Russian and Kazakh declension, Armenian and Georgian endings, Uzbek Cyrillic. The
 * Azerbaijani page is dated in its metadata: its "Prezident Əliyev" is Heydar only by the date the content script
 * reads and sends with the text.
 */
export const DATED_EVAL_PAGE = 'az-06-arxiv-1998.txt';
export const EVAL_SAMPLE = [
  'en-01-namesakes.txt',
  'tr-01-zirve-haber.txt',
  DATED_EVAL_PAGE,
  'ru-02-analitika.txt',
  'kk-01-zhanalyk.txt',
  'hy-02-verlucutyun.txt',
  'ka-01-siakhleebi.txt',
  'uzc-01-yangiliklar.txt',
];

/** The sample's pages, written into `dir` as NAME.html; returns them with their gold labels. */
export function writeEvalSample(dir: string): EvalPage[] {
  const pages = loadPages().filter((p) => EVAL_SAMPLE.includes(p.file));
  for (const page of pages) writeFileSync(join(dir, evalPageUrlPath(page).slice(1)), evalPageHtml(page));
  return pages;
}

export const evalPageUrlPath = (page: EvalPage) => `/${page.file.replace(/\.txt$/, '.html')}`;

export interface Painted {
  block: number;
  start: number;
  end: number;
  text: string;
}

/** Every painted mark as a block of the eval page and offsets in its text (ranges read from the page's highlights). */
export const paintedMarks = (page: LensPage) =>
  page.evaluate((): Painted[] => {
    const highlight = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.get(
      'lens-mention',
    );
    const marks: Painted[] = [];
    for (const r of highlight ?? []) {
      const element = (r.startContainer.parentElement ?? null)?.closest('[data-block]');
      if (!element) continue;
      const before = document.createRange();
      before.setStart(element, 0);
      before.setEnd(r.startContainer, r.startOffset);
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      const start = before.toString().length;
      const text = range.toString();
      marks.push({ block: Number(element.getAttribute('data-block')), start, end: start + text.length, text });
    }
    return marks;
  });

/**
 * The entity of each painted mark. A page sees no entity ids, so they come from the scan report, which counts marks
 * per entity and text: a text only one entity has is that entity's; where two entities share a text, each mark takes
 * the one its gold label names while that entity has marks of the text left to give, else any that has.
 */
export function attribute(page: EvalPage, painted: readonly Painted[], mentions: readonly MentionCount[]): Mark[] {
  const left = new Map<string, Map<string, number>>();
  for (const m of mentions) {
    const byEntity = left.get(m.text) ?? new Map<string, number>();
    byEntity.set(m.entityId, (byEntity.get(m.entityId) ?? 0) + m.count);
    left.set(m.text, byEntity);
  }
  return painted.flatMap((p) => {
    const byEntity = left.get(p.text.replace(/\s+/gu, ' ').trim());
    if (!byEntity) return [];
    const labelled = page.blocks[p.block]?.gold.find((g) => g.start < p.end && p.start < g.end)?.entity;
    const entity =
      labelled && (byEntity.get(labelled) ?? 0) > 0 ? labelled : [...byEntity.entries()].find(([, n]) => n > 0)?.[0];
    if (!entity) return [];
    byEntity.set(entity, byEntity.get(entity)! - 1);
    return [{ block: p.block, start: p.start, end: p.end, entity }];
  });
}
