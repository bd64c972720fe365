/**
 * Before any e2e file: the test build must be the code as it is now. `npm run test:e2e` alone rebuilds when a source
 * is newer than the build (or the build is missing), so it never tests a stale extension; LENS_NO_REBUILD=1 makes it
 * fail with the reason instead (automation/browsers.ts `extensionDir` fails the same way for benches and scans).
 *
 * It also makes the folder the run's shared browsers keep their profiles in (automation/shared-browser.ts), and
 * removes it after the last file: the worker that holds those browsers is ended with a signal, not an exit.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { browsersUnderTest, ensureCurrentTestBuild } from '../../automation/browsers';
import { SHARED_PROFILES_ENV } from '../../automation/shared-browser';

export default function setup(): () => void {
  ensureCurrentTestBuild(browsersUnderTest());
  const profiles = mkdtempSync(join(tmpdir(), 'lens-shared-'));
  process.env[SHARED_PROFILES_ENV] = profiles;
  return () => removeProfiles(profiles);
}

/**
 * The worker's browsers are ended with it and may still be writing their profiles here: Chromium's `Default/` was seen
 * refilling after 1.5 s of retries, and the error failed a run whose every test had passed (ENOTEMPTY, as vitest's
 * "Startup Error"). So: retry for longer, and if the folder still will not go, say so and leave it in the temp dir.
 */
function removeProfiles(profiles: string): void {
  try {
    // Node waits retryDelay ms longer on each try: about 10 s in all.
    rmSync(profiles, { recursive: true, force: true, maxRetries: 13, retryDelay: 110 });
  } catch (error) {
    console.warn(`[e2e] left the shared browsers' profiles in ${profiles}: ${(error as Error).message}`);
  }
}
