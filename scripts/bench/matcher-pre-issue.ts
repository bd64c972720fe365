/**
 * Issue 15's performance limit: the matcher with its morphology and disambiguation rules (data/matching-rules.json,
 * as the background builds it) against the matcher as it was before them (commit PRE_ISSUE), checked out from git
 * history into a temporary folder and measured in the same run on the same texts: the corpus documents (English) and
 * the evaluation pages (the region's languages). Three sides:
 *   old       the pre-issue code with the pre-issue alias index (what users had);
 *   old+idx   the pre-issue code with today's alias index (the same names, the code's own cost isolated: the index
 *             gained the names the issue asked for, and more names cost more in any matcher);
 *   new       today's code, today's index and rules.
 *   base      with `--base REV`: REV's code with today's index and rules (a change's before and after, same run).
 * Each side runs in processes of its own (see `measureSide`), interleaved in rotating order, timed in CPU time (the
 * machine is shared and wall time mostly measures the neighbours).
 *
 *   npx tsx scripts/bench/matcher-pre-issue.ts [--rounds N] [--processes N] [--base REV]
 *
 * Throughput: `find` over every text, the best of each process's rounds (other work on the machine only ever adds
 * time), then the median of the processes; each ratio is the median of the ratios of processes run side by side. Build: each process's first build (cold, what the background
 * pays once per session) and the median of its warm rebuilds.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CORPUS_DIR } from '../build-factbase';

/** The last commit before the morphology and disambiguation rules landed (`git log --oneline -- lib/matcher`). */
export const PRE_ISSUE = '53c5ca0';

interface AnyMatcher {
  find(text: string): unknown[];
}
type Build = () => AnyMatcher;

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** A commit's files (`paths`, or all of them when none are named), from git, in a temporary folder. */
export function checkOut(root: string, rev: string, paths: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'lens-pre-issue-'));
  const archive = execFileSync('git', ['archive', rev, ...paths], { cwd: root, maxBuffer: 64 << 20 });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  return dir;
}

const ALL_SIDES = ['old', 'oldIdx', 'base', 'now'] as const;
type Side = (typeof ALL_SIDES)[number];
type PerSide<T> = Partial<Record<Side, T>> & Record<'old' | 'oldIdx' | 'now', T>;

/** Where the compared code lives: the pre-issue checkout, and the `--base` one when asked for. */
interface Dirs {
  old: string;
  base?: string;
}

const sidesOf = (dirs: Dirs): Side[] => ALL_SIDES.filter((s) => s !== 'base' || dirs.base !== undefined);

/** Round r's order: every rotation of the sides, forwards and backwards, so no side always runs first or last. */
const orderOf = (sides: readonly Side[], r: number): Side[] => {
  const k = r % sides.length;
  const rotated = [...sides.slice(k), ...sides.slice(0, k)];
  return Math.floor(r / sides.length) % 2 ? rotated.reverse() : rotated;
};

type CreateMatcher = (index: unknown, options?: { rules: unknown }) => AnyMatcher;
const importMatcher = async (dir: string) =>
  ((await import(pathToFileURL(join(dir, 'lib/matcher/index.ts')).href)) as { createMatcher: CreateMatcher })
    .createMatcher;

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as unknown;

/** One side's build, importing that side's code only (see `measureSide`). */
async function loader(root: string, dirs: Dirs, side: Side): Promise<Build> {
  const code = side === 'now' ? root : side === 'base' ? dirs.base! : dirs.old;
  const create = await importMatcher(code);
  if (side === 'old') {
    const oldIndex = readJson(join(dirs.old, 'data/alias-index.json'));
    return () => create(oldIndex);
  }
  const index = readJson(join(root, 'data/alias-index.json'));
  if (side === 'oldIdx') return () => create(index);
  const rules = readJson(join(root, 'data/matching-rules.json'));
  return () => create(index, { rules });
}

function benchTexts(root: string): { name: string; text: string }[] {
  const texts: { name: string; text: string }[] = [];
  for (const f of readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort())
    texts.push({ name: f, text: readFileSync(join(CORPUS_DIR, f), 'utf8') });
  const evalDir = join(root, 'tests/eval/pages');
  // The evaluation pages as plain text (labels stripped): short pages in twelve languages and scripts.
  const pages = readdirSync(evalDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) =>
      readFileSync(join(evalDir, f), 'utf8')
        .split(/^---$/m)[1]!
        .replace(/\[\[([^|\]]*)\|[^\]]*\]\]/g, '$1')
        .replace(/^[a-z0-9]+: /gm, ''),
    );
  texts.push({ name: `eval pages (${pages.length}, joined)`, text: pages.join('\n') });
  return texts;
}

const mapSides = <T>(sides: readonly Side[], make: (side: Side) => T): PerSide<T> =>
  Object.fromEntries(sides.map((s) => [s, make(s)])) as PerSide<T>;

/** What one process measured of one side. */
interface SideSample {
  coldMs: number;
  warmMs: number;
  /** Per text, in benchTexts order: CPU ms of one find (the best of the rounds), and the marks found. */
  findMs: number[];
  marks: number[];
}

/** Characters each text is searched over per round (short texts are repeated). */
const CHARS_PER_ROUND = 400_000;
const WARM_BUILDS = 5;

/**
 * One side in a process of its own: its first build (cold, what the background pays once per session), then `find`
 * over every text, then warm rebuilds. Two matchers in one process disturbed each other: the same code imported twice
 * measured 0.64x to 1.38x itself, whichever way round, as the copies' tables and compiled code shared the caches.
 */
async function measureSide(side: Side, dirs: Dirs, rounds: number): Promise<SideSample> {
  const root = process.cwd();
  // Load and parse outside the timing, as the background has its JSON imported before the first build.
  const build = await loader(root, dirs, side);
  const texts = benchTexts(root);
  const t0 = cpuMs();
  const matcher = build();
  const coldMs = cpuMs() - t0;
  const warm: number[] = [];
  for (let i = 0; i < WARM_BUILDS; i++) {
    const t1 = cpuMs();
    void build();
    warm.push(cpuMs() - t1);
  }
  // Warm-up: the JIT sees every text.
  for (let i = 0; i < 3; i++) for (const t of texts) matcher.find(t.text);
  const findMs = texts.map((t) => {
    const repeats = Math.max(1, Math.round(CHARS_PER_ROUND / t.text.length));
    let best = Infinity;
    for (let r = 0; r < rounds; r++) {
      const t1 = cpuMs();
      for (let k = 0; k < repeats; k++) matcher.find(t.text);
      best = Math.min(best, (cpuMs() - t1) / repeats);
    }
    return best;
  });
  return { coldMs, warmMs: median(warm), findMs, marks: texts.map((t) => matcher.find(t.text).length) };
}

function __filenameOf(): string {
  return resolve('scripts/bench/matcher-pre-issue.ts');
}

/** Runs `measureSide` in a fresh Node process. */
function sideInChild(root: string, dirs: Dirs, side: Side, rounds: number): SideSample {
  const tsx = join(root, 'node_modules/.bin/tsx');
  const dirArgs = [dirs.old, ...(dirs.base ? [dirs.base] : [])];
  const r = spawnSync(tsx, [__filenameOf(), '--child', side, String(rounds), ...dirArgs], {
    cwd: root,
    encoding: 'utf8',
  });
  const line = /^side-sample (.*)$/m.exec(r.stdout)?.[1];
  if (line === undefined) throw new Error(`bench child (${side}) failed: ${r.stderr || r.stdout}`);
  return JSON.parse(line) as SideSample;
}

/**
 * `processes` processes per side, interleaved in rotating order, each timing `rounds` rounds of every text. A text's
 * figure per side is the median over processes; a ratio is the median of the ratios of processes run side by side.
 */
export async function runPreIssueBench(rounds = 7, processes = 7, baseRev?: string) {
  const root = process.cwd();
  const dirs: Dirs = {
    old: checkOut(root, PRE_ISSUE, ['lib/matcher', 'lib/factbase/types.ts', 'data/alias-index.json']),
    ...(baseRev ? { base: checkOut(root, baseRev, ['lib/matcher', 'lib/factbase']) } : {}),
  };
  try {
    const sideNames = sidesOf(dirs);
    const samples = mapSides(sideNames, (): SideSample[] => []);
    for (let i = 0; i < processes; i++)
      for (const side of orderOf(sideNames, i)) samples[side]!.push(sideInChild(root, dirs, side, rounds));
    const of = (side: Side) => samples[side]!;
    const rows = benchTexts(root).map((t, k) => ({
      name: t.name,
      chars: t.text.length,
      ms: mapSides(sideNames, (side) => median(of(side).map((s) => s.findMs[k]!))),
      ratio: mapSides(sideNames, (side) => median(of('now').map((s, i) => s.findMs[k]! / of(side)[i]!.findMs[k]!))),
      marks: mapSides(sideNames, (side) => of(side)[0]!.marks[k]!),
    }));
    const warm = mapSides(sideNames, (side) => of(side).map((s) => s.warmMs));
    const cold = mapSides(sideNames, (side) => of(side).map((s) => s.coldMs));
    return { rows, warm, cold, baseRev };
  } finally {
    for (const dir of [dirs.old, dirs.base]) if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

export function formatPreIssue(result: Awaited<ReturnType<typeof runPreIssueBench>>): string {
  const f = (x: number, d = 2) => x.toFixed(d);
  const base = result.baseRev !== undefined;
  const lines = [
    `matcher vs pre-issue (${PRE_ISSUE}), CPU time, best of each process's rounds, medians of interleaved processes (one side each)`,
    "  old: pre-issue code and index; old+idx: pre-issue code, today's index; new: today's code, index and rules",
    ...(base ? [`  base: ${result.baseRev}'s code with today's index and rules`] : []),
    `text                                   chars   old ms  old+idx ms${base ? '  base ms' : ''}   new ms  new/old  new/old+idx${
      base ? ' new/base' : ''
    }  marks old/old+idx/new`,
  ];
  for (const r of result.rows)
    lines.push(
      `${r.name.padEnd(36)} ${String(r.chars).padStart(7)} ${f(r.ms.old).padStart(8)} ${f(r.ms.oldIdx).padStart(11)}${
        base ? ` ${f(r.ms.base!).padStart(8)}` : ''
      } ${f(r.ms.now).padStart(8)} ${f(r.ratio.old).padStart(7)}x ${f(r.ratio.oldIdx).padStart(11)}x${
        base ? ` ${f(r.ratio.base!).padStart(7)}x` : ''
      }  ${r.marks.old}/${r.marks.oldIdx}/${r.marks.now}`,
    );
  const sum = (rows: typeof result.rows, side: Side) => rows.reduce((s, r) => s + (r.ms[side] ?? 0), 0);
  const corpus = result.rows.filter((r) => !r.name.startsWith('eval'));
  const totals = (what: string, rows: typeof result.rows) =>
    `${what}: old ${f(sum(rows, 'old'), 1)} ms, old+idx ${f(sum(rows, 'oldIdx'), 1)} ms${
      base ? `, base ${f(sum(rows, 'base'), 1)} ms` : ''
    }, new ${f(sum(rows, 'now'), 1)} ms; new/old ${f(sum(rows, 'now') / sum(rows, 'old'))}x, new/old+idx ${f(
      sum(rows, 'now') / sum(rows, 'oldIdx'),
    )}x${base ? `, new/base ${f(sum(rows, 'now') / sum(rows, 'base'))}x` : ''}`;
  lines.push(totals(`English corpus (${corpus.length} texts)`, corpus), totals('all texts', result.rows));
  const buildLine = (what: string, xs: PerSide<number[]>) =>
    `build, ${what} (CPU ms, median of ${xs.old.length}): old ${f(median(xs.old), 1)}, old+idx ${f(median(xs.oldIdx), 1)}${
      xs.base ? `, base ${f(median(xs.base), 1)}` : ''
    }, new ${f(median(xs.now), 1)}; new/old ${f(median(xs.now) / median(xs.old))}x, new/old+idx ${f(
      median(xs.now) / median(xs.oldIdx),
    )}x${xs.base ? `, new/base ${f(median(xs.now) / median(xs.base))}x` : ''}`;
  lines.push(buildLine('cold, fresh process', result.cold), buildLine('warm', result.warm));
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--child');
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  if (at > 0) {
    const [side, rounds, old, base] = process.argv.slice(at + 1);
    const sample = await measureSide(side as Side, { old: old!, ...(base ? { base } : {}) }, Number(rounds));
    console.log(`side-sample ${JSON.stringify(sample)}`);
  } else {
    const rounds = arg('--rounds');
    const processes = arg('--processes');
    console.log(
      formatPreIssue(
        await runPreIssueBench(
          rounds ? Number(rounds) : undefined,
          processes ? Number(processes) : undefined,
          arg('--base'),
        ),
      ),
    );
  }
}
