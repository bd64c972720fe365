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
 * Each side runs in processes of its own (matcher-side.ts), interleaved in rotating order, timed in CPU time (the
 * machine is shared and wall time mostly measures the neighbours). Every side is measured twice, loaded two ways
 * (`METHODS`): bundled as the extension ships it, and through tsx as this bench did before; both tables are printed.
 *
 *   npx tsx scripts/bench/matcher-pre-issue.ts [--rounds N] [--processes N] [--base REV]
 *
 * Throughput: `find` over every text, the best of each process's rounds (other work on the machine only ever adds
 * time), then the median of the processes; each ratio is the median of the ratios of processes run side by side. Build: each process's first build (cold, what the background
 * pays once per session) and the median of its warm rebuilds.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build as esbuild } from 'esbuild';
import { resolveConfig } from 'vite';
import { CORPUS_DIR } from '../build-factbase';
import { median, sideArgs, type SideInputs, type SideSample } from './matcher-side';

/** The last commit before the morphology and disambiguation rules landed (`git log --oneline -- lib/matcher`). */
export const PRE_ISSUE = '53c5ca0';

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

/**
 * How a side's matcher is loaded: `tsx`, its TypeScript module by module (how this bench measured until the 14th
 * session), or `bundled`, one esbuild bundle run by plain Node, built as the extension's background chunk is (Vite's
 * build target and esbuild minification). The extension ships the bundle; both are printed so the change shows.
 */
const METHODS = ['bundled', 'tsx'] as const;
type Method = (typeof METHODS)[number];

/** Where the compared code lives, and the run's scratch folder (texts, bundles). */
interface Dirs {
  old: string;
  base?: string;
  work: string;
}

const sidesOf = (dirs: Dirs): Side[] => ALL_SIDES.filter((s) => s !== 'base' || dirs.base !== undefined);

/** Round r's order: every rotation of the sides, forwards and backwards, so no side always runs first or last. */
const orderOf = <T>(sides: readonly T[], r: number): T[] => {
  const k = r % sides.length;
  const rotated = [...sides.slice(k), ...sides.slice(0, k)];
  return Math.floor(r / sides.length) % 2 ? rotated.reverse() : rotated;
};

/** The code a side runs: old and old+idx share the pre-issue code. */
const codeOf = (root: string, dirs: Dirs, side: Side) =>
  side === 'now'
    ? { name: 'now', dir: root }
    : side === 'base'
      ? { name: 'base', dir: dirs.base! }
      : { name: 'old', dir: dirs.old };

/**
 * Each side's matcher as the background chunk carries it: one bundle, Vite's resolved build target and minifier
 * (esbuild, which Vite minifies with; WXT and wxt.config.ts set neither). Rollup's scope hoisting and esbuild's
 * bundling both put the modules in one scope; the harness that times it is bundled apart, unminified.
 */
async function bundleSides(root: string, dirs: Dirs): Promise<void> {
  const vite = await resolveConfig({ configFile: false, logLevel: 'silent' }, 'build', 'production');
  if (vite.build.minify !== 'esbuild') throw new Error(`Vite minifies with ${String(vite.build.minify)}, not esbuild`);
  const target = vite.build.target === false ? undefined : vite.build.target;
  const codes = new Map(sidesOf(dirs).map((s) => [codeOf(root, dirs, s).name, codeOf(root, dirs, s).dir]));
  for (const [name, dir] of codes)
    await esbuild({
      entryPoints: [join(dir, 'lib/matcher/index.ts')],
      outfile: join(dirs.work, `${name}.mjs`),
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      target,
      minify: true,
      charset: 'utf8',
      logLevel: 'silent',
    });
  await esbuild({
    entryPoints: [join(root, 'scripts/bench/matcher-side.ts')],
    outfile: join(dirs.work, 'side.mjs'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    logLevel: 'silent',
  });
}

/** What one side reads: its code (source or bundle), its index, and the rules when it has them. */
function inputsOf(root: string, dirs: Dirs, side: Side, method: Method): SideInputs {
  const code = codeOf(root, dirs, side);
  return {
    entry: method === 'tsx' ? join(code.dir, 'lib/matcher/index.ts') : join(dirs.work, `${code.name}.mjs`),
    index: join(side === 'old' ? dirs.old : root, 'data/alias-index.json'),
    ...(side === 'old' || side === 'oldIdx' ? {} : { rules: join(root, 'data/matching-rules.json') }),
    texts: join(dirs.work, 'texts.json'),
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

/** Runs one side in a fresh Node process: through tsx, or the harness's bundle under plain Node. */
function sideInChild(root: string, dirs: Dirs, side: Side, method: Method, rounds: number): SideSample {
  const args = sideArgs(inputsOf(root, dirs, side, method), rounds);
  const r =
    method === 'tsx'
      ? spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'scripts/bench/matcher-side.ts'), ...args], {
          cwd: root,
          encoding: 'utf8',
        })
      : spawnSync(process.execPath, [join(dirs.work, 'side.mjs'), ...args], { cwd: root, encoding: 'utf8' });
  const line = /^side-sample (.*)$/m.exec(r.stdout)?.[1];
  if (line === undefined) throw new Error(`bench child (${side}, ${method}) failed: ${r.stderr || r.stdout}`);
  return JSON.parse(line) as SideSample;
}

type Texts = ReturnType<typeof benchTexts>;

/** One method's figures: per text, per side, and the builds. */
function summarise(texts: Texts, sideNames: Side[], samples: PerSide<SideSample[]>) {
  const of = (side: Side) => samples[side]!;
  const rows = texts.map((t, k) => ({
    name: t.name,
    chars: t.text.length,
    ms: mapSides(sideNames, (side) => median(of(side).map((s) => s.findMs[k]!))),
    ratio: mapSides(sideNames, (side) => median(of('now').map((s, i) => s.findMs[k]! / of(side)[i]!.findMs[k]!))),
    marks: mapSides(sideNames, (side) => of(side)[0]!.marks[k]!),
  }));
  const warm = mapSides(sideNames, (side) => of(side).map((s) => s.warmMs));
  const cold = mapSides(sideNames, (side) => of(side).map((s) => s.coldMs));
  return { rows, warm, cold };
}

/**
 * `processes` processes per side and method, interleaved in rotating order, each timing `rounds` rounds of every
 * text. A text's figure per side is the median over processes; a ratio is the median of the ratios of processes run
 * side by side.
 */
export async function runPreIssueBench(rounds = 7, processes = 7, baseRev?: string) {
  const root = process.cwd();
  const dirs: Dirs = {
    old: checkOut(root, PRE_ISSUE, ['lib/matcher', 'lib/factbase/types.ts', 'data/alias-index.json']),
    ...(baseRev ? { base: checkOut(root, baseRev, ['lib/matcher', 'lib/factbase']) } : {}),
    work: mkdtempSync(join(tmpdir(), 'lens-matcher-bench-')),
  };
  try {
    const texts = benchTexts(root);
    writeFileSync(join(dirs.work, 'texts.json'), JSON.stringify(texts.map((t) => t.text)));
    await bundleSides(root, dirs);
    const sideNames = sidesOf(dirs);
    const samples = Object.fromEntries(METHODS.map((m) => [m, mapSides(sideNames, (): SideSample[] => [])])) as Record<
      Method,
      PerSide<SideSample[]>
    >;
    for (let i = 0; i < processes; i++)
      for (const method of orderOf(METHODS, i))
        for (const side of orderOf(sideNames, i))
          samples[method][side]!.push(sideInChild(root, dirs, side, method, rounds));
    const methods = Object.fromEntries(METHODS.map((m) => [m, summarise(texts, sideNames, samples[m])])) as Record<
      Method,
      ReturnType<typeof summarise>
    >;
    return { methods, baseRev, processes };
  } finally {
    for (const dir of [dirs.old, dirs.base, dirs.work]) if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

type BenchResult = Awaited<ReturnType<typeof runPreIssueBench>>;
const f = (x: number, d = 2) => x.toFixed(d);

/** One method's table: per text and side, the totals, the builds. */
function formatMethod(result: ReturnType<typeof summarise>, baseRev: string | undefined): string {
  const base = baseRev !== undefined;
  const lines = [
    "  old: pre-issue code and index; old+idx: pre-issue code, today's index; new: today's code, index and rules",
    ...(base ? [`  base: ${baseRev}'s code with today's index and rules`] : []),
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

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export function formatPreIssue(result: BenchResult): string {
  const { bundled, tsx } = result.methods;
  // The new side loaded both ways: what changing the method alone moves (same code, same texts, same run).
  const nowMs = (m: typeof bundled) => m.rows.map((r) => r.ms.now);
  const oldMs = (m: typeof bundled) => m.rows.map((r) => r.ms.old);
  return [
    `matcher vs pre-issue (${PRE_ISSUE}), CPU time, best of each process's rounds, medians of ${result.processes} interleaved processes (one side each)`,
    '',
    "bundled (what ships: each side's matcher in one esbuild bundle, the background chunk's target and minification, plain Node)",
    formatMethod(bundled, result.baseRev),
    '',
    'tsx (the TypeScript modules loaded one by one, how this bench measured before the 14th session)',
    formatMethod(tsx, result.baseRev),
    '',
    `all texts, bundled/tsx: new ${f(sum(nowMs(bundled)) / sum(nowMs(tsx)))}x, old ${f(sum(oldMs(bundled)) / sum(oldMs(tsx)))}x`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
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
