/**
 * Issue 15's performance limit: the matcher with its morphology and disambiguation rules against the matcher as it was
 * before them (commit PRE_ISSUE, with the alias index of that commit), checked out from git history into a temporary
 * folder and measured in the same run on the same texts: the corpus documents and the evaluation pages (the region's
 * languages). Both sides run interleaved, in alternating order, and are timed in CPU time of this process, because
 * the machine is shared and wall time mostly measures the neighbours.
 *
 *   npx tsx scripts/bench/matcher-pre-issue.ts [--rounds N]
 *
 * Throughput: `find` over every text, median of the rounds. Build: a cold first build in a fresh process (what the
 * background pays once per session), children interleaved, and warm rebuilds in this process.
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

async function loaders(root: string, oldDir: string): Promise<{ old: Build; now: Build }> {
  const oldMod = (await import(pathToFileURL(join(oldDir, 'lib/matcher/index.ts')).href)) as {
    createMatcher: (index: unknown) => AnyMatcher;
  };
  const newMod = (await import(pathToFileURL(join(root, 'lib/matcher/index.ts')).href)) as {
    createMatcher: (index: unknown, options: { rules: unknown }) => AnyMatcher;
  };
  const oldIndex = JSON.parse(readFileSync(join(oldDir, 'data/alias-index.json'), 'utf8')) as unknown;
  const newIndex = JSON.parse(readFileSync(join(root, 'data/alias-index.json'), 'utf8')) as unknown;
  const rules = JSON.parse(readFileSync(join(root, 'data/matching-rules.json'), 'utf8')) as unknown;
  return { old: () => oldMod.createMatcher(oldIndex), now: () => newMod.createMatcher(newIndex, { rules }) };
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
function coldBuilds(root: string, oldDir: string, children: number): { old: number[]; now: number[] } {
  const out = { old: [] as number[], now: [] as number[] };
  const tsx = join(root, 'node_modules/.bin/tsx');
  for (let i = 0; i < children * 2; i++) {
    const side = (i + (i >> 1)) % 2 === 0 ? 'old' : 'now'; // old, now, now, old, old, now…
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

async function runPreIssueBench(rounds = 15, children = 5) {
  const root = process.cwd();
  const oldDir = checkOutPreIssue(root);
  try {
    const { old, now } = await loaders(root, oldDir);
    const texts = benchTexts(root);
    const sides = { old: old(), now: now() };
    // Warm-up: both JITs see every text.
    for (let i = 0; i < 3; i++)
      for (const t of texts) {
        sides.old.find(t.text);
        sides.now.find(t.text);
      }
    const rows = texts.map((t) => {
      const times = { old: [] as number[], now: [] as number[] };
      const ratios: number[] = [];
      const repeats = Math.max(1, Math.round(400_000 / t.text.length));
      for (let r = 0; r < rounds; r++) {
        const order = r % 2 ? (['now', 'old'] as const) : (['old', 'now'] as const);
        const round: Record<string, number> = {};
        for (const side of order) {
          const t0 = cpuMs();
          for (let k = 0; k < repeats; k++) sides[side].find(t.text);
          round[side] = (cpuMs() - t0) / repeats;
          times[side].push(round[side]!);
        }
        ratios.push(round.now! / round.old!);
      }
      const mb = Buffer.byteLength(t.text) / 1e6;
      return {
        name: t.name,
        chars: t.text.length,
        oldMs: median(times.old),
        nowMs: median(times.now),
        oldMBps: mb / (median(times.old) / 1000),
        nowMBps: mb / (median(times.now) / 1000),
        ratio: median(ratios),
        matches: { old: sides.old.find(t.text).length, now: sides.now.find(t.text).length },
      };
    });
    const warm = { old: [] as number[], now: [] as number[] };
    for (let r = 0; r < 7; r++)
      for (const side of r % 2 ? (['now', 'old'] as const) : (['old', 'now'] as const)) {
        const t0 = cpuMs();
        void (side === 'old' ? old : now)();
        warm[side].push(cpuMs() - t0);
      }
    const cold = coldBuilds(root, oldDir, children);
    return { rows, warm, cold };
  } finally {
    rmSync(oldDir, { recursive: true, force: true });
  }
}

function formatPreIssue(result: Awaited<ReturnType<typeof runPreIssueBench>>): string {
  const lines = [
    `matcher vs pre-issue (${PRE_ISSUE}), CPU time, medians of interleaved rounds`,
    'text                                   chars   old ms   new ms  old MB/s  new MB/s  new/old  marks old/new',
  ];
  for (const r of result.rows)
    lines.push(
      `${r.name.padEnd(36)} ${String(r.chars).padStart(7)} ${r.oldMs.toFixed(2).padStart(8)} ${r.nowMs
        .toFixed(2)
        .padStart(8)} ${r.oldMBps.toFixed(1).padStart(9)} ${r.nowMBps.toFixed(1).padStart(9)} ${r.ratio
        .toFixed(2)
        .padStart(7)}x  ${r.matches.old}/${r.matches.now}`,
    );
  const total = (k: 'oldMs' | 'nowMs') => result.rows.reduce((s, r) => s + r[k], 0);
  lines.push(
    `all texts: old ${total('oldMs').toFixed(1)} ms, new ${total('nowMs').toFixed(1)} ms, new/old ${(total('nowMs') / total('oldMs')).toFixed(2)}x`,
  );
  lines.push(
    `build, cold (fresh process, CPU ms, median of ${result.cold.old.length}): old ${median(result.cold.old).toFixed(1)}, new ${median(
      result.cold.now,
    ).toFixed(1)}, new/old ${(median(result.cold.now) / median(result.cold.old)).toFixed(2)}x`,
  );
  lines.push(
    `build, warm (CPU ms, median of ${result.warm.old.length}): old ${median(result.warm.old).toFixed(1)}, new ${median(
      result.warm.now,
    ).toFixed(1)}, new/old ${(median(result.warm.now) / median(result.warm.old)).toFixed(2)}x`,
  );
  return lines.join('\n');
}

async function child(side: string, oldDir: string) {
  const root = process.cwd();
  // Load and parse outside the timing, as the background has its JSON imported before the first build.
  const { old, now } = await loaders(root, oldDir);
  const t0 = cpuMs();
  void (side === 'old' ? old : now)();
  console.log(`cold-build-ms ${cpuMs() - t0}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--child');
  if (at > 0) await child(process.argv[at + 1]!, process.argv[at + 2]!);
  else {
    const r = process.argv.indexOf('--rounds');
    console.log(formatPreIssue(await runPreIssueBench(r > 0 ? Number(process.argv[r + 1]) : undefined)));
  }
}
