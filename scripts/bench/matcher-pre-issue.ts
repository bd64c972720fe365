/**
 * Issue 15's performance limit: the matcher with its morphology and disambiguation rules (data/matching-rules.json,
 * as the background builds it) against the matcher as it was before them (commit PRE_ISSUE), checked out from git
 * history into a temporary folder and measured in the same run on the same texts: the corpus documents (English) and
 * the evaluation pages (the region's languages). Three sides:
 *   old       the pre-issue code with the pre-issue alias index (what users had);
 *   old+idx   the pre-issue code with today's alias index (the same names, the code's own cost isolated: the index
 *             gained the names the issue asked for, and more names cost more in any matcher);
 *   new       today's code, today's index and rules.
 * The sides run interleaved, in rotating order, timed in CPU time of this process (the machine is shared and wall time
 * mostly measures the neighbours).
 *
 *   npx tsx scripts/bench/matcher-pre-issue.ts [--rounds N]
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

/** The pre-issue matcher's files and alias index, from git, in a temporary folder. */
function checkOutPreIssue(root: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'lens-pre-issue-'));
  const archive = execFileSync(
    'git',
    ['archive', PRE_ISSUE, 'lib/matcher', 'lib/factbase/types.ts', 'data/alias-index.json'],
    { cwd: root, maxBuffer: 64 << 20 },
  );
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  return dir;
}

const SIDES = ['old', 'oldIdx', 'now'] as const;
type Side = (typeof SIDES)[number];

/** Round r's order: every rotation of the sides, forwards and backwards, so no side always runs first or last. */
const orderOf = (r: number): Side[] => {
  const k = r % SIDES.length;
  const rotated = [...SIDES.slice(k), ...SIDES.slice(0, k)];
  return Math.floor(r / SIDES.length) % 2 ? rotated.reverse() : rotated;
};

async function loaders(root: string, oldDir: string): Promise<Record<Side, Build>> {
  const oldMod = (await import(pathToFileURL(join(oldDir, 'lib/matcher/index.ts')).href)) as {
    createMatcher: (index: unknown) => AnyMatcher;
  };
  const newMod = (await import(pathToFileURL(join(root, 'lib/matcher/index.ts')).href)) as {
    createMatcher: (index: unknown, options: { rules: unknown }) => AnyMatcher;
  };
  const oldIndex = JSON.parse(readFileSync(join(oldDir, 'data/alias-index.json'), 'utf8')) as unknown;
  const newIndex = JSON.parse(readFileSync(join(root, 'data/alias-index.json'), 'utf8')) as unknown;
  const rules = JSON.parse(readFileSync(join(root, 'data/matching-rules.json'), 'utf8')) as unknown;
  return {
    old: () => oldMod.createMatcher(oldIndex),
    oldIdx: () => oldMod.createMatcher(newIndex),
    now: () => newMod.createMatcher(newIndex, { rules }),
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

/** CPU ms of one cold build in a fresh Node process, for each side, interleaved. */
function coldBuilds(root: string, oldDir: string, children: number): Record<Side, number[]> {
  const out: Record<Side, number[]> = { old: [], oldIdx: [], now: [] };
  const tsx = join(root, 'node_modules/.bin/tsx');
  for (let i = 0; i < children; i++)
    for (const side of orderOf(i)) {
      const r = spawnSync(tsx, [__filenameOf(), '--child', side, oldDir], { cwd: root, encoding: 'utf8' });
      const ms = Number(/cold-build-ms (\S+)/.exec(r.stdout)?.[1]);
      if (!Number.isFinite(ms)) throw new Error(`cold build child failed: ${r.stderr || r.stdout}`);
      out[side].push(ms);
    }
  return out;
}

function __filenameOf(): string {
  return resolve('scripts/bench/matcher-pre-issue.ts');
}

export async function runPreIssueBench(rounds = 15, children = 5) {
  const root = process.cwd();
  const oldDir = checkOutPreIssue(root);
  try {
    const builds = await loaders(root, oldDir);
    const texts = benchTexts(root);
    const sides = { old: builds.old(), oldIdx: builds.oldIdx(), now: builds.now() };
    // Warm-up: every JIT sees every text.
    for (let i = 0; i < 3; i++) for (const t of texts) for (const side of SIDES) sides[side].find(t.text);
    const rows = texts.map((t) => {
      const times: Record<Side, number[]> = { old: [], oldIdx: [], now: [] };
      const ratios = { old: [] as number[], oldIdx: [] as number[] };
      const repeats = Math.max(1, Math.round(400_000 / t.text.length));
      for (let r = 0; r < rounds; r++) {
        const round = {} as Record<Side, number>;
        for (const side of orderOf(r)) {
          const t0 = cpuMs();
          for (let k = 0; k < repeats; k++) sides[side].find(t.text);
          round[side] = (cpuMs() - t0) / repeats;
          times[side].push(round[side]);
        }
        ratios.old.push(round.now / round.old);
        ratios.oldIdx.push(round.now / round.oldIdx);
      }
      return {
        name: t.name,
        chars: t.text.length,
        ms: { old: median(times.old), oldIdx: median(times.oldIdx), now: median(times.now) },
        ratio: { old: median(ratios.old), oldIdx: median(ratios.oldIdx) },
        marks: {
          old: sides.old.find(t.text).length,
          oldIdx: sides.oldIdx.find(t.text).length,
          now: sides.now.find(t.text).length,
        },
      };
    });
    const warm: Record<Side, number[]> = { old: [], oldIdx: [], now: [] };
    for (let r = 0; r < 9; r++)
      for (const side of orderOf(r)) {
        const t0 = cpuMs();
        void builds[side]();
        warm[side].push(cpuMs() - t0);
      }
    const cold = coldBuilds(root, oldDir, children);
    return { rows, warm, cold };
  } finally {
    rmSync(oldDir, { recursive: true, force: true });
  }
}

export function formatPreIssue(result: Awaited<ReturnType<typeof runPreIssueBench>>): string {
  const f = (x: number, d = 2) => x.toFixed(d);
  const lines = [
    `matcher vs pre-issue (${PRE_ISSUE}), CPU time, medians of ${SIDES.length}-way interleaved rounds`,
    "  old: pre-issue code and index; old+idx: pre-issue code, today's index; new: today's code, index and rules",
    'text                                   chars   old ms  old+idx ms   new ms  new/old  new/old+idx  marks old/old+idx/new',
  ];
  for (const r of result.rows)
    lines.push(
      `${r.name.padEnd(36)} ${String(r.chars).padStart(7)} ${f(r.ms.old).padStart(8)} ${f(r.ms.oldIdx).padStart(11)} ${f(
        r.ms.now,
      ).padStart(
        8,
      )} ${f(r.ratio.old).padStart(7)}x ${f(r.ratio.oldIdx).padStart(11)}x  ${r.marks.old}/${r.marks.oldIdx}/${r.marks.now}`,
    );
  const total = (side: Side) => result.rows.reduce((s, r) => s + r.ms[side], 0);
  const corpus = result.rows.filter((r) => !r.name.startsWith('eval'));
  const corpusTotal = (side: Side) => corpus.reduce((s, r) => s + r.ms[side], 0);
  lines.push(
    `English corpus (${corpus.length} texts): old ${f(corpusTotal('old'), 1)} ms, old+idx ${f(corpusTotal('oldIdx'), 1)} ms, new ${f(
      corpusTotal('now'),
      1,
    )} ms; new/old ${f(corpusTotal('now') / corpusTotal('old'))}x, new/old+idx ${f(corpusTotal('now') / corpusTotal('oldIdx'))}x`,
    `all texts: old ${f(total('old'), 1)} ms, old+idx ${f(total('oldIdx'), 1)} ms, new ${f(total('now'), 1)} ms; new/old ${f(
      total('now') / total('old'),
    )}x, new/old+idx ${f(total('now') / total('oldIdx'))}x`,
  );
  const buildLine = (what: string, xs: Record<Side, number[]>) =>
    `build, ${what} (CPU ms, median of ${xs.old.length}): old ${f(median(xs.old), 1)}, old+idx ${f(median(xs.oldIdx), 1)}, new ${f(
      median(xs.now),
      1,
    )}; new/old ${f(median(xs.now) / median(xs.old))}x, new/old+idx ${f(median(xs.now) / median(xs.oldIdx))}x`;
  lines.push(buildLine('cold, fresh process', result.cold), buildLine('warm', result.warm));
  return lines.join('\n');
}

async function child(side: Side, oldDir: string) {
  const root = process.cwd();
  // Load and parse outside the timing, as the background has its JSON imported before the first build.
  const builds = await loaders(root, oldDir);
  const t0 = cpuMs();
  void builds[side]();
  console.log(`cold-build-ms ${cpuMs() - t0}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--child');
  if (at > 0) await child(process.argv[at + 1] as Side, process.argv[at + 2]!);
  else {
    const r = process.argv.indexOf('--rounds');
    console.log(formatPreIssue(await runPreIssueBench(r > 0 ? Number(process.argv[r + 1]) : undefined)));
  }
}
