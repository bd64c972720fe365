/**
 * The evaluation set: hand-written pages in the region's languages with a gold label on every name occurrence
 * (an entity id, or `none` for a word that must not be marked). Pure: parsing, scoring and tables, no file system,
 * so the unit suite, `npm run eval` and the e2e sample share one definition of right and wrong.
 *
 * Page file format (tests/eval/pages/*.txt; see README.md):
 *   lang: tr                       header lines, then a line `---`
 *   shape: news article, sidebar
 *   date: 1999-11-18               optional: the article's date, as its metadata gives it
 *   ---
 *   h1: [[Erdoğan|erdogan]] [[Bakü'de|baku]]     one block per line: `kind: text`
 *   aside: [[Qarabağ|none]] 2:1 yendi             `[[surface|entity-id]]` or `[[surface|none]]`
 */

const BLOCK_KINDS = ['h1', 'h2', 'byline', 'p', 'quote', 'caption', 'aside', 'li', 'nav', 'footer'] as const;
type BlockKind = (typeof BLOCK_KINDS)[number];

interface Gold {
  /** Offsets into the block's plain text, end exclusive. */
  start: number;
  end: number;
  /** Entity id, or null for `none`: a word a careless matcher would mark. */
  entity: string | null;
}

interface Block {
  kind: BlockKind;
  text: string;
  gold: Gold[];
}

export interface EvalPage {
  file: string;
  lang: string;
  shape: string;
  /** The article's date (`date:` header, ISO), as its metadata would state it: the scanner sends it with the text. */
  date?: string;
  blocks: Block[];
}

const LABEL = /\[\[([^\]|]+)\|([a-z0-9-]+)\]\]/g;

export function parsePage(file: string, source: string): EvalPage {
  const [head, body] = splitOnce(source, /^---$/m, file);
  const header = new Map<string, string>();
  for (const line of head.split('\n')) {
    const m = /^([a-z]+):\s*(.*)$/.exec(line.trim());
    if (m) header.set(m[1]!, m[2]!);
  }
  const lang = header.get('lang');
  if (!lang) throw new Error(`${file}: no lang: header`);
  const blocks: Block[] = [];
  body.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const m = /^([a-z0-9]+):\s(.*)$/.exec(line);
    if (!m || !(BLOCK_KINDS as readonly string[]).includes(m[1]!))
      throw new Error(`${file}:${i + 1}: a block line is "kind: text" with kind one of ${BLOCK_KINDS.join(', ')}`);
    blocks.push(parseBlock(m[1] as BlockKind, m[2]!, `${file}:${i + 1}`));
  });
  const date = header.get('date');
  if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`${file}: date: is YYYY-MM-DD`);
  return { file, lang, shape: header.get('shape') ?? '', ...(date ? { date } : {}), blocks };
}

function splitOnce(text: string, separator: RegExp, file: string): [string, string] {
  const m = separator.exec(text);
  if (!m) throw new Error(`${file}: no --- line between header and blocks`);
  return [text.slice(0, m.index), text.slice(m.index + m[0].length)];
}

function parseBlock(kind: BlockKind, marked: string, where: string): Block {
  let text = '';
  const gold: Gold[] = [];
  let last = 0;
  for (const m of marked.matchAll(LABEL)) {
    text += marked.slice(last, m.index);
    const start = text.length;
    text += m[1]!;
    gold.push({ start, end: text.length, entity: m[2] === 'none' ? null : m[2]! });
    last = m.index! + m[0].length;
  }
  text += marked.slice(last);
  if (text.includes('[[') || text.includes(']]')) throw new Error(`${where}: unbalanced [[label]]`);
  return { kind, text, gold };
}

/** A mark as a matcher or the scanner reports it, on one block. */
export interface Mark {
  block: number;
  start: number;
  end: number;
  entity: string;
  /** Namesakes the mark's card offers beside `entity` (Heydar or Ilham Aliyev): right when the label is any of them. */
  or?: string[];
}

/** Whether a mark names `entity`: its own entity, or one of the namesakes its card offers. */
const names = (m: Mark, entity: string | null) => m.entity === entity || (!!entity && !!m.or?.includes(entity));

type ErrorKind = 'missed' | 'wrong-entity' | 'marked-trap' | 'unlabelled-mark';

interface EvalError {
  file: string;
  kind: ErrorKind;
  /** The words on the page (the gold span, or the mark when it overlaps no gold label). */
  text: string;
  expected: string | null;
  got: string | null;
  context: string;
}

interface Tally {
  /** Gold entity occurrences, and those found with the right entity. */
  gold: number;
  found: number;
  /** Marks made, and those on a gold occurrence of the same entity. */
  marks: number;
  correct: number;
}

const emptyTally = (): Tally => ({ gold: 0, found: 0, marks: 0, correct: 0 });

interface PageScore {
  byLang: Map<string, Tally>;
  byType: Map<string, Tally>;
  total: Tally;
  errors: EvalError[];
  /** Gold labels per class: entity occurrences and `none` traps. */
  occurrences: number;
  traps: number;
  /** Labels naming entities the fact base does not have yet (Bishkek, Yerevan...): not scored until it does. */
  pending: Map<string, number>;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

function tallyOf(map: Map<string, Tally>, key: string): Tally {
  let t = map.get(key);
  if (!t) map.set(key, (t = emptyTally()));
  return t;
}

function contextOf(text: string, start: number, end: number): string {
  const from = Math.max(0, start - 40);
  const to = Math.min(text.length, end + 40);
  return `${from > 0 ? '…' : ''}${text.slice(from, start)}⟦${text.slice(start, end)}⟧${text.slice(end, to)}${to < text.length ? '…' : ''}`;
}

/**
 * Scores marks against the gold labels. A gold occurrence is found when a mark of the same entity overlaps it; a mark
 * is correct when it overlaps a gold occurrence of its entity. `typeOf` maps an entity id to its type.
 */
export function scorePages(
  pages: readonly EvalPage[],
  marksOf: (page: EvalPage) => readonly Mark[],
  typeOf: (id: string) => string | undefined,
): PageScore {
  const score: PageScore = {
    byLang: new Map(),
    byType: new Map(),
    total: emptyTally(),
    errors: [],
    occurrences: 0,
    traps: 0,
    pending: new Map(),
  };
  for (const page of pages) {
    const marks = marksOf(page);
    page.blocks.forEach((block, b) => {
      const blockMarks = marks.filter((m) => m.block === b);
      const pending = block.gold.filter((g) => g.entity !== null && typeOf(g.entity) === undefined);
      for (const g of pending) score.pending.set(g.entity!, (score.pending.get(g.entity!) ?? 0) + 1);
      const add = (type: string, field: keyof Tally) => {
        tallyOf(score.byLang, page.lang)[field]++;
        tallyOf(score.byType, type)[field]++;
        score.total[field]++;
      };
      const error = (
        kind: ErrorKind,
        span: { start: number; end: number },
        expected: string | null,
        got: string | null,
      ) =>
        score.errors.push({
          file: page.file,
          kind,
          text: block.text.slice(span.start, span.end),
          expected,
          got,
          context: contextOf(block.text, span.start, span.end),
        });
      for (const g of block.gold) {
        if (g.entity === null) {
          score.traps++;
          continue;
        }
        const type = typeOf(g.entity);
        if (type === undefined) continue;
        score.occurrences++;
        add(type, 'gold');
        const over = blockMarks.filter((m) => overlaps(m, g));
        if (over.some((m) => names(m, g.entity))) add(type, 'found');
        else if (over.length) error('wrong-entity', g, g.entity, over[0]!.entity);
        else error('missed', g, g.entity, null);
      }
      for (const m of blockMarks) {
        const type = typeOf(m.entity) ?? 'unknown';
        add(type, 'marks');
        const over = block.gold.filter((g) => overlaps(m, g));
        if (over.some((g) => names(m, g.entity))) add(type, 'correct');
        else if (over.some((g) => g.entity === null)) error('marked-trap', m, null, m.entity);
        else if (!over.length) error('unlabelled-mark', m, null, m.entity);
        // A mark on a gold occurrence of another entity is already listed as wrong-entity.
      }
    });
  }
  return score;
}

export const recall = (t: Tally) => (t.gold ? t.found / t.gold : 1);
export const precision = (t: Tally) => (t.marks ? t.correct / t.marks : 1);

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** Precision and recall per language, per entity type and overall, as a fixed-width table. */
export function formatScore(score: PageScore): string {
  const rows = (title: string, map: Map<string, Tally>) => [
    `${title.padEnd(18)} ${'gold'.padStart(5)} ${'found'.padStart(6)} ${'recall'.padStart(7)} ${'marks'.padStart(6)} ${'precision'.padStart(10)}`,
    ...[...map.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, t]) => line(key, t)),
  ];
  const line = (key: string, t: Tally) =>
    `${key.padEnd(18)} ${String(t.gold).padStart(5)} ${String(t.found).padStart(6)} ${pct(recall(t)).padStart(7)} ${String(t.marks).padStart(6)} ${pct(precision(t)).padStart(10)}`;
  return [
    ...rows('language', score.byLang),
    '',
    ...rows('entity type', score.byType),
    '',
    line('ALL', score.total),
    `${score.occurrences} labelled entity occurrences and ${score.traps} labelled traps (none)`,
    score.pending.size
      ? `not scored until the fact base has them: ${[...score.pending].map(([id, n]) => `${id} (${n})`).join(', ')}`
      : '',
  ].join('\n');
}

export function formatErrors(errors: readonly EvalError[]): string {
  return errors
    .map(
      (e) =>
        `${e.kind.padEnd(15)} ${e.file}  "${e.text}"  expected ${e.expected ?? 'none'}, got ${e.got ?? 'nothing'}\n    ${e.context}`,
    )
    .join('\n');
}
