/**
 * `npm run test:e2e`: the e2e suite once per browser, Chromium and Firefox at the same time, each in a vitest process
 * of its own (LENS_BROWSERS=<one>). Within a browser, files still run one after another in one worker, as
 * vitest.config.ts says; two browsers at once is what the slots helpers and CI have run under for sessions, and the
 * suite took some 1,150 s one browser after the other on CI's two cores, over the 20 minutes the whole run may take.
 *
 *   npm run test:e2e [-- vitest args, e.g. tests/e2e/cards.test.ts -t "keyboard"]
 *
 * LENS_E2E_SERIAL=1 runs the browsers one after the other (a one-core machine does so by itself). The build is checked
 * (and made, unless LENS_NO_REBUILD=1) here, once, so the two processes never rebuild it at the same time. Files that
 * test no browser (package.test.ts reads the built zips) run in the first process only. Each line of output is
 * prefixed with its browser; the exit code is non-zero when either process failed.
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { browsersUnderTest, ensureCurrentTestBuild, PROJECT_ROOT } from './browsers';
import type { BrowserName } from './lens-browser';

/** e2e files that launch no browser: run once, not once per browser. */
const BROWSERLESS_FILES = ['tests/e2e/package.test.ts'];

const VITEST = join(PROJECT_ROOT, 'node_modules', 'vitest', 'vitest.mjs');

interface Outcome {
  browser: BrowserName;
  code: number;
  seconds: number;
}

function runBrowser(browser: BrowserName, args: string[], first: boolean): Promise<Outcome> {
  const started = Date.now();
  const exclude = first ? [] : BROWSERLESS_FILES.flatMap((file) => ['--exclude', file]);
  const child = spawn(process.execPath, [VITEST, 'run', '--project', 'e2e', '--passWithNoTests', ...exclude, ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, LENS_BROWSERS: browser, LENS_NO_REBUILD: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tag = `[${browser}]`.padEnd(10);
  for (const stream of [child.stdout, child.stderr])
    createInterface({ input: stream }).on('line', (line) => {
      (stream === child.stdout ? process.stdout : process.stderr).write(`${tag} ${line}\n`);
    });
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      resolve({ browser, code: code ?? (signal ? 1 : 0), seconds: Math.round((Date.now() - started) / 1000) });
    });
  });
}

async function main(): Promise<void> {
  const browsers = browsersUnderTest();
  ensureCurrentTestBuild(browsers);
  const args = process.argv.slice(2);
  const serial = process.env.LENS_E2E_SERIAL === '1' || availableParallelism() < 2;
  const outcomes: Outcome[] = [];
  if (serial) {
    for (const [i, browser] of browsers.entries()) outcomes.push(await runBrowser(browser, args, i === 0));
  } else {
    outcomes.push(...(await Promise.all(browsers.map((browser, i) => runBrowser(browser, args, i === 0)))));
  }
  console.info(`\n[e2e] ${serial ? 'one browser after the other' : 'browsers side by side'}:`);
  for (const { browser, code, seconds } of outcomes)
    console.info(`  ${browser.padEnd(9)} ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${seconds} s`);
  process.exitCode = outcomes.some((o) => o.code !== 0) ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(`[e2e] ${(error as Error).message}`);
  process.exitCode = 1;
});
