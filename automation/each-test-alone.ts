/**
 * Proves that every e2e test passes on its own (issue 20: "any single test within a file passes on its own"): lists
 * each file's tests with `vitest list`, runs each one alone in a vitest process of its own (`-t` on its exact full
 * name, no retries), checks that exactly that one test ran, and prints a table of files × browsers.
 *
 *   npx tsx automation/each-test-alone.ts [tests/e2e/FILE.test.ts ...]   (default: every e2e file)
 *
 * LENS_BROWSERS picks the browsers as for `npm run test:e2e`. The build must be current (`npm run build:test`): the
 * runs set LENS_NO_REBUILD=1 so no single-test run rebuilds. A test that fails alone is run alone once more, so a
 * test that depends on another (fails both times) is told apart from one that failed once on a busy machine.
 * Results are kept in test-results/alone/results.json: a second run skips tests that already passed (`--fresh`
 * starts over), so a long run can be stopped and resumed. LENS_ALONE_OUT names another folder under test-results/ for
 * those results, so two chunks of files can run at once (one per e2e slot) without writing over each other.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { browsersUnderTest, PROJECT_ROOT } from './browsers';

const OUT_DIR = join(PROJECT_ROOT, 'test-results', process.env.LENS_ALONE_OUT ?? 'alone');
const RESULTS = join(OUT_DIR, 'results.json');
const REPORT = join(OUT_DIR, 'report.json');
const E2E_DIR = join(PROJECT_ROOT, 'tests', 'e2e');

type Outcome = 'passed' | 'skipped' | 'flaky' | 'failed' | 'not-run';

interface Result {
  file: string;
  browser: string;
  name: string;
  outcome: Outcome;
  seconds: number;
  /** Why it did not pass: the first failure message, or what ran instead of the one test. */
  why?: string;
}

/** `vitest list`'s names join suites and test with " > "; `-t` matches the same parts joined with spaces. */
const exactNamePattern = (listed: string) =>
  `(^|\\s)${listed
    .split(' > ')
    .join(' ')
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;

/** vitest's own entry, not `npx vitest`: npm's start-up would be paid once per test. */
const VITEST = join(PROJECT_ROOT, 'node_modules', 'vitest', 'vitest.mjs');

function vitest(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [VITEST, ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

function listTests(file: string, browser: string): string[] {
  const out = join(OUT_DIR, 'list.json');
  const listed = vitest(['list', '--project', 'e2e', `--json=${out}`, file], { LENS_BROWSERS: browser });
  if (listed.status !== 0) throw new Error(`vitest list ${file} failed:\n${listed.stderr}`);
  return (JSON.parse(readFileSync(out, 'utf8')) as { name: string }[]).map((t) => t.name);
}

interface JsonReport {
  testResults: { assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[];
}

/** Runs one test alone: passed only when that test, and no other, ran and passed (or skipped itself). */
function runAlone(file: string, name: string, browser: string): Omit<Result, 'file' | 'name' | 'browser'> {
  const started = Date.now();
  // A run that dies before writing its report must not be judged by the previous test's.
  rmSync(REPORT, { force: true });
  const run = vitest(
    [
      'run',
      '--project',
      'e2e',
      '--retry=0',
      '--reporter=json',
      `--outputFile=${REPORT}`,
      '-t',
      exactNamePattern(name),
      file,
    ],
    { LENS_BROWSERS: browser, LENS_NO_REBUILD: '1' },
  );
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  if (!existsSync(REPORT)) return { outcome: 'not-run', seconds, why: run.stderr.slice(-500) };
  const report = JSON.parse(readFileSync(REPORT, 'utf8')) as JsonReport;
  const ran = report.testResults
    .flatMap((f) => f.assertionResults)
    .filter((t) => t.status === 'passed' || t.status === 'failed');
  const skipped = report.testResults.flatMap((f) => f.assertionResults).filter((t) => t.status === 'skipped');
  if (ran.length > 1) return { outcome: 'failed', seconds, why: `${ran.length} tests ran, not one` };
  if (ran.length === 0) {
    // A test that calls ctx.skip() (one browser only) reports itself skipped; a file whose set-up failed reports
    // nothing at all, which is a failure.
    const self = skipped.length > 0 && run.status === 0;
    return self
      ? { outcome: 'skipped', seconds }
      : { outcome: 'not-run', seconds, why: (run.stdout + run.stderr).slice(-800) };
  }
  const [test] = ran;
  return test!.status === 'passed' && run.status === 0
    ? { outcome: 'passed', seconds }
    : { outcome: 'failed', seconds, why: (test!.failureMessages[0] ?? run.stderr).split('\n').slice(0, 4).join(' ') };
}

function main(): void {
  const args = process.argv.slice(2);
  const fresh = args.includes('--fresh');
  const files = args.filter((a) => !a.startsWith('--'));
  const targets = files.length
    ? files.map((f) => relative(PROJECT_ROOT, join(PROJECT_ROOT, f)))
    : readdirSync(E2E_DIR)
        .filter((f) => f.endsWith('.test.ts'))
        .sort()
        .map((f) => relative(PROJECT_ROOT, join(E2E_DIR, f)));
  mkdirSync(OUT_DIR, { recursive: true });
  const kept: Record<string, Result> =
    !fresh && existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, Result>) : {};
  const save = () => writeFileSync(RESULTS, JSON.stringify(kept, null, 1));

  for (const browser of browsersUnderTest()) {
    for (const file of targets) {
      for (const name of listTests(file, browser)) {
        const key = `${browser} :: ${file} :: ${name}`;
        if (kept[key]?.outcome === 'passed' || kept[key]?.outcome === 'skipped') continue;
        let result = runAlone(file, name, browser);
        if (result.outcome === 'failed' || result.outcome === 'not-run') {
          const again = runAlone(file, name, browser);
          if (again.outcome === 'passed') result = { ...again, outcome: 'flaky', why: result.why };
        }
        kept[key] = { file, browser, name, ...result };
        save();
        console.log(`${result.outcome.padEnd(8)} ${String(result.seconds).padStart(6)} s  ${key}`);
        if (result.why) console.log(`         ${result.why.replace(/\s+/g, ' ').slice(0, 300)}`);
      }
    }
  }
  printTable(Object.values(kept));
}

/** Files × browsers: tests that passed alone (or skipped themselves) / tests listed, and the ones that did not. */
function printTable(results: Result[]): void {
  const rows = new Map<string, Map<string, Result[]>>();
  for (const r of results) {
    const browser = r.browser;
    const byBrowser = rows.get(r.file) ?? new Map<string, Result[]>();
    byBrowser.set(browser, [...(byBrowser.get(browser) ?? []), r]);
    rows.set(r.file, byBrowser);
  }
  const browsers = [...new Set(results.map((r) => r.browser))].sort();
  console.log(`\n| file | ${browsers.join(' | ')} |\n|---|${browsers.map(() => '---').join('|')}|`);
  for (const [file, byBrowser] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
    const cells = browsers.map((b) => {
      const list = byBrowser.get(b) ?? [];
      if (!list.length) return 'not run';
      const ok = list.filter((r) => r.outcome === 'passed' || r.outcome === 'skipped').length;
      const flaky = list.filter((r) => r.outcome === 'flaky').length;
      return `${ok}/${list.length}${flaky ? ` (+${flaky} flaky)` : ''}`;
    });
    console.log(`| ${file.replace('tests/e2e/', '')} | ${cells.join(' | ')} |`);
  }
  const bad = results.filter((r) => r.outcome !== 'passed' && r.outcome !== 'skipped');
  if (bad.length) {
    console.log('\nNot passed alone:');
    for (const r of bad) console.log(`  ${r.outcome}: ${r.file} :: ${r.name}\n    ${r.why ?? ''}`.slice(0, 600));
  }
  process.exitCode = bad.some((r) => r.outcome !== 'flaky') ? 1 : 0;
}

main();
