/**
 * Before any e2e file: the test build must be the code as it is now. `npm run test:e2e` alone rebuilds when a source
 * is newer than the build (or the build is missing), so it never tests a stale extension; LENS_NO_REBUILD=1 makes it
 * fail with the reason instead (automation/browsers.ts `extensionDir` fails the same way for benches and scans).
 */
import { spawnSync } from 'node:child_process';
import { browsersUnderTest, buildCommand, buildProblem, PROJECT_ROOT } from '../../automation/browsers';

export default function setup(): void {
  const problems = browsersUnderTest()
    .map((name) => buildProblem(name))
    .filter((problem): problem is string => problem !== null);
  if (!problems.length) return;
  if (process.env.LENS_NO_REBUILD === '1') throw new Error(`${problems.join('; ')}: run ${buildCommand()}`);
  console.info(`[e2e] ${problems.join('; ')}: running ${buildCommand()}`);
  const built = spawnSync('npm', ['run', 'build:test'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error(`${buildCommand()} failed (exit ${built.status})`);
  const left = browsersUnderTest()
    .map((name) => buildProblem(name))
    .filter(Boolean);
  if (left.length) throw new Error(`still not current after ${buildCommand()}: ${left.join('; ')}`);
}
