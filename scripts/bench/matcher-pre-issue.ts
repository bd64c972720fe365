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
 * The sides run interleaved, in rotating order, timed in CPU time of this process (the machine is shared and wall time
 * mostly measures the neighbours).
 *
 *   npx tsx scripts/bench/matcher-pre-issue.ts [--rounds N] [--base REV]
 *
 * Throughput: `find` over every text, median of the rounds; each ratio is the median of per-round ratios. Build: a
 * cold first build in a fresh process (what the background pays once per session), children interleaved, and warm
 * rebuilds in this process.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CORPUS_DIR } from '../build-factbase';

/** The last commit before the morphology and disambiguation rules landed (`git log --oneline -- lib/matcher`). */
const PRE_ISSUE = '53c5ca0';

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

/** A commit's matcher files (and alias index), from git, in a temporary folder. */
function checkOut(root: string, rev: string, paths: string[]): string {
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

async function loaders(root: string, dirs: Dirs): Promise<PerSide<Build>> {
  const oldCreate = await importMatcher(dirs.old);
  const newCreate = await importMatcher(root);
  const baseCreate = dirs.base === undefined ? undefined : await importMatcher(dirs.base);
  const oldIndex = JSON.parse(readFileSync(join(dirs.old, 'data/alias-index.json'), 'utf8')) as unknown;
  const newIndex = JSON.parse(readFileSync(join(root, 'data/alias-index.json'), 'utf8')) as unknown;
  const rules = JSON.parse(readFileSync(join(root, 'data/matching-rules.json'), 'utf8')) as unknown;
  return {
    old: () => oldCreate(oldIndex),
    oldIdx: () => oldCreate(newIndex),
    now: () => newCreate(newIndex, { rules }),
    ...(baseCreate ? { base: () => baseCreate(newIndex, { rules }) } : {}),
  };
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
const perSide = <T>(sides: readonly Side[], make: () => T): PerSide<T> => mapSides(sides, make);

/** CPU ms of one cold build in a fresh Node process, for each side, interleaved. */
function coldBuilds(root: string, dirs: Dirs, children: number): PerSide<number[]> {
  const sides = sidesOf(dirs);
  const out = perSide(sides, (): number[] => []);
  const tsx = join(root, 'node_modules/.bin/tsx');
  const dirArgs = [dirs.old, ...(dirs.base ? [dirs.base] : [])];
  for (let i = 0; i < children; i++)
    for (const side of orderOf(sides, i)) {
      const r = spawnSync(tsx, [__filenameOf(), '--child', side, ...dirArgs], { cwd: root, encoding: 'utf8' });
      const ms = Number(/cold-build-ms (\S+)/.exec(r.stdout)?.[1]);
      if (!Number.isFinite(ms)) throw new Error(`cold build child failed: ${r.stderr || r.stdout}`);
      out[side]!.push(ms);
    }
  return out;
}

function __filenameOf(): string {
  return resolve('scripts/bench/matcher-pre-issue.ts');
}

export async function runPreIssueBench(rounds = 15, children = 5, baseRev?: string) {
  const root = process.cwd();
  const dirs: Dirs = {
    old: checkOut(root, PRE_ISSUE, ['lib/matcher', 'lib/factbase/types.ts', 'data/alias-index.json']),
    ...(baseRev ? { base: checkOut(root, baseRev, ['lib/matcher', 'lib/factbase']) } : {}),
  };
  try {
    const sideNames = sidesOf(dirs);
    const builds = await loaders(root, dirs);
    const texts = benchTexts(root);
    const sides = mapSides(sideNames, (side) => builds[side]!());
    // Warm-up: every JIT sees every text.
    for (let i = 0; i < 3; i++) for (const t of texts) for (const side of sideNames) sides[side]!.find(t.text);
    const rows = texts.map((t) => {
      const times = perSide(sideNames, (): number[] => []);
      const ratios = perSide(sideNames, (): number[] => []);
      const repeats = Math.max(1, Math.round(400_000 / t.text.length));
      for (let r = 0; r < rounds; r++) {
        const round = {} as Record<Side, number>;
        for (const side of orderOf(sideNames, r)) {
          const t0 = cpuMs();
          for (let k = 0; k < repeats; k++) sides[side]!.find(t.text);
          round[side] = (cpuMs() - t0) / repeats;
          times[side]!.push(round[side]);
        }
        for (const side of sideNames) ratios[side]!.push(round.now / round[side]);
      }
      return {
        name: t.name,
        chars: t.text.length,
        ms: mapSides(sideNames, (side) => median(times[side]!)),
        ratio: mapSides(sideNames, (side) => median(ratios[side]!)),
        marks: mapSides(sideNames, (side) => sides[side]!.find(t.text).length),
      };
    });
    const warm = perSide(sideNames, (): number[] => []);
    for (let r = 0; r < 9; r++)
      for (const side of orderOf(sideNames, r)) {
        const t0 = cpuMs();
        void builds[side]!();
        warm[side]!.push(cpuMs() - t0);
      }
    const cold = coldBuilds(root, dirs, children);
    return { rows, warm, cold, baseRev };
  } finally {
    for (const dir of [dirs.old, dirs.base]) if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

export function formatPreIssue(result: Awaited<ReturnType<typeof runPreIssueBench>>): string {
  const f = (x: number, d = 2) => x.toFixed(d);
  const base = result.baseRev !== undefined;
  const lines = [
    `matcher vs pre-issue (${PRE_ISSUE}), CPU time, medians of interleaved rounds`,
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

async function child(side: Side, dirs: Dirs) {
  const root = process.cwd();
  // Load and parse outside the timing, as the background has its JSON imported before the first build.
  const builds = await loaders(root, dirs);
  const t0 = cpuMs();
  void builds[side]!();
  console.log(`cold-build-ms ${cpuMs() - t0}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--child');
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  if (at > 0) {
    const [side, old, base] = process.argv.slice(at + 1);
    await child(side as Side, { old: old!, ...(base ? { base } : {}) });
  } else {
    const rounds = arg('--rounds');
    console.log(formatPreIssue(await runPreIssueBench(rounds ? Number(rounds) : undefined, undefined, arg('--base'))));
  }
}
