/**
 * `npm run test:checks`: everything `npm test` does before the e2e suite, in two lanes at the same time. Each of these
 * steps keeps about one core busy (tsc, eslint and prettier, vite's builds) and they depend on nothing of each other's,
 * so one after the other they left CI's second core idle: 124 s of the clean-clone run, for some 80 s of work per core.
 *
 *   lane 1: typecheck → facts:build --check → unit tests
 *   lane 2: lint → zip (the production builds and their zips) → build:test
 *
 * Within a lane a failure stops the lane; the other lane runs to its end, so one run reports every failing check.
 * Each line of output is prefixed with its lane; the exit code is non-zero when either lane failed.
 * LENS_CHECKS_SERIAL=1 runs the lanes one after the other (a one-core machine does so by itself).
 *
 * Nothing here writes what another step reads: the builds write .output*, which tsc, eslint and prettier skip
 * (tsconfig.json, eslint.config.js, .prettierignore), and WXT rewrites .wxt/ only where its content changed.
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';
import { PROJECT_ROOT } from './browsers';

interface Lane {
  name: string;
  /** npm scripts with their arguments, run in order. */
  steps: string[][];
}

const LANES: Lane[] = [
  { name: 'checks', steps: [['typecheck'], ['facts:build', '--', '--check'], ['test:unit']] },
  { name: 'builds', steps: [['lint'], ['zip'], ['build:test']] },
];

interface Outcome {
  lane: string;
  /** The step that failed, or null when every step passed. */
  failed: string | null;
  seconds: number[];
}

function runStep(lane: string, step: string[]): Promise<number> {
  const child = spawn('npm', ['run', ...step], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const tag = `[${lane}]`.padEnd(9);
  for (const stream of [child.stdout, child.stderr])
    createInterface({ input: stream }).on('line', (line) => {
      (stream === child.stdout ? process.stdout : process.stderr).write(`${tag} ${line}\n`);
    });
  return new Promise((resolve) => {
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function runLane({ name, steps }: Lane): Promise<Outcome> {
  const seconds: number[] = [];
  for (const step of steps) {
    const started = Date.now();
    const code = await runStep(name, step);
    seconds.push(Math.round((Date.now() - started) / 1000));
    if (code !== 0) return { lane: name, failed: `${step.join(' ')} (exit ${code})`, seconds };
  }
  return { lane: name, failed: null, seconds };
}

async function main(): Promise<void> {
  const serial = process.env.LENS_CHECKS_SERIAL === '1' || availableParallelism() < 2;
  const outcomes: Outcome[] = [];
  if (serial) for (const lane of LANES) outcomes.push(await runLane(lane));
  else outcomes.push(...(await Promise.all(LANES.map(runLane))));
  console.info(`\n[checks] ${serial ? 'one lane after the other' : 'lanes side by side'}:`);
  for (const { lane, failed, seconds } of outcomes) {
    const steps = LANES.find((l) => l.name === lane)!.steps;
    const times = seconds.map((s, i) => `${steps[i]![0]} ${s} s`).join(', ');
    console.info(`  ${lane.padEnd(7)} ${failed ? `FAILED at ${failed}` : 'passed'}: ${times}`);
  }
  process.exitCode = outcomes.some((o) => o.failed) ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(`[checks] ${(error as Error).message}`);
  process.exitCode = 1;
});
