/**
 * Issue 15's other limit: what a page pays for the extension with the matcher before its morphology and
 * disambiguation rules (PRE_ISSUE) and now, measured from outside the way the scan bench measures it (main-thread
 * time of the page's renderers in Chromium's trace, minus a browser without extensions, beside the floor extension;
 * scan-bench.ts runs it, with the pre-issue build as its `before`). Both sides are production builds (`wxt build` for
 * Chromium) made from git in temporary folders, so the figures compare what users install, and neither carries the
 * test build's hooks (the pre-issue commit has no test build).
 *
 *   npx tsx scripts/bench/scan-pre-issue.ts [REV]   (REV: the build compared with the pre-issue one, default HEAD;
 *   LENS_PAGE_LOADS and LENS_SCAN_BENCH_PAGES as for scan-bench.ts; the card timings are left out unless
 *   LENS_SCAN_BENCH_PARTS asks for them)
 */
import { execFileSync } from 'node:child_process';
import { rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../../automation/browsers';
import { checkOut, PRE_ISSUE } from './matcher-pre-issue';

/** A commit's extension, built for Chromium in a temporary folder; returns that folder (its build in `.output`). */
function buildCommit(rev: string): string {
  const dir = checkOut(PROJECT_ROOT, rev, []);
  // The project's installed packages: WXT and Vite build both commits alike.
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'));
  // A production build, in the folder's own .output, whatever this process was asked for.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name !== 'LENS_TEST_BUILD' && name !== 'LENS_OUT_DIR'),
  );
  execFileSync(join(PROJECT_ROOT, 'node_modules/.bin/wxt'), ['build'], { cwd: dir, env, stdio: 'ignore' });
  return dir;
}

export async function runScanPreIssue(rev = 'HEAD'): Promise<string> {
  const dirs: string[] = [];
  try {
    const before = buildCommit(PRE_ISSUE);
    dirs.push(before);
    const now = buildCommit(rev);
    dirs.push(now);
    // scan-bench.ts reads these when it loads.
    process.env.LENS_BASELINE_BUILD = join(before, '.output');
    process.env.LENS_OUT_DIR = join(now, '.output');
    process.env.LENS_SCAN_BENCH_PARTS ??= 'cost';
    const bench = await import('./scan-bench');
    const result = await bench.runPageCostBench();
    if (result.missing.length) process.exitCode = 1;
    return [
      `page cost: ${rev} ("ours") against the pre-issue matcher's build ${PRE_ISSUE} ("before"), production builds`,
      bench.formatPageCost(result),
    ].join('\n');
  } finally {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runScanPreIssue(process.argv[2]).then(
    (text) => console.log(text),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
