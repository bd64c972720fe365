/**
 * Finds the real browsers and the built extension, and launches either browser behind the `LensBrowser` interface.
 * The one copy of the launch code: the e2e tests, the benches, `npm run scan` and `npm start` all come through here.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newerSource } from './build-freshness';
import { launchChromium, type ChromiumLensBrowser } from './chromium';
import { launchFirefox } from './firefox';
import { BROWSER_NAMES, type BrowserName, type LaunchOptions, type LensBrowser } from './lens-browser';

export const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));

const INSTALL_HINT = 'sudo apt-get install -y chromium firefox-esr';

/** Where each browser is looked for when LENS_CHROMIUM / LENS_FIREFOX are not set, in order. */
const CANDIDATES: Record<BrowserName, { env: string; paths: string[] }> = {
  chromium: {
    env: 'LENS_CHROMIUM',
    paths: [
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable',
    ],
  },
  firefox: { env: 'LENS_FIREFOX', paths: ['/usr/bin/firefox-esr', '/usr/bin/firefox'] },
};

/** The build output folder for each browser, under LENS_OUT_DIR (default .output), as WXT names them. */
const BUILD_DIRS: Record<BrowserName, string> = { chromium: 'chrome-mv3', firefox: 'firefox-mv2' };

/** A problem the user fixes outside the code (install a browser, run a build): reported as one line, no stack. */
export class SetupError extends Error {
  override name = 'SetupError';
}

export function isBrowserName(value: string): value is BrowserName {
  return (BROWSER_NAMES as readonly string[]).includes(value);
}

/** The browser's executable, or a SetupError saying how to install it. */
export function findBrowser(name: BrowserName): string {
  const { env, paths } = CANDIDATES[name];
  const fromEnv = process.env[env];
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new SetupError(`${name} not found at ${env}=${fromEnv}: fix the path, or unset it and run: ${INSTALL_HINT}`);
  }
  const found = paths.find((path) => existsSync(path));
  if (found) return found;
  throw new SetupError(`${name} not found (looked in ${paths.join(', ')}; or set ${env}): run: ${INSTALL_HINT}`);
}

/**
 * Which build: `test` (`npm run build:test`, in .output-test: the production code plus the hooks tests read, see
 * wxt.config.ts) or `production` (`npm run build`, in .output: what users install). LENS_OUT_DIR overrides both.
 */
type BuildKind = 'test' | 'production';

export function outputDir(build: BuildKind = 'test'): string {
  return resolve(PROJECT_ROOT, process.env.LENS_OUT_DIR ?? (build === 'test' ? '.output-test' : '.output'));
}

/** The npm script that makes a build. */
export const buildCommand = (build: BuildKind = 'test') => `npm run ${build === 'test' ? 'build:test' : 'build'}`;

/**
 * Why a browser's build cannot be used as it is (missing, or older than a source file), or null when it is current.
 * LENS_STALE_BUILD_OK=1 accepts an old build (to re-run a test against a build kept on purpose).
 */
export function buildProblem(name: BrowserName, build: BuildKind = 'test'): string | null {
  const manifest = join(outputDir(build), BUILD_DIRS[name], 'manifest.json');
  if (!existsSync(manifest)) return `${name} build not found`;
  if (process.env.LENS_STALE_BUILD_OK === '1' || process.env.LENS_OUT_DIR) return null;
  const newer = newerSource(PROJECT_ROOT, manifest);
  return newer ? `${name} build is older than ${newer}` : null;
}

/**
 * Makes the test build when it is missing or older than its sources for any of `browsers`, so no e2e run tests a stale
 * extension; with LENS_NO_REBUILD=1 it throws the reason instead.
 */
export function ensureCurrentTestBuild(browsers: BrowserName[]): void {
  const problems = browsers.map((name) => buildProblem(name)).filter((p): p is string => p !== null);
  if (!problems.length) return;
  if (process.env.LENS_NO_REBUILD === '1') throw new Error(`${problems.join('; ')}: run ${buildCommand()}`);
  console.info(`[e2e] ${problems.join('; ')}: running ${buildCommand()}`);
  const built = spawnSync('npm', ['run', 'build:test'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error(`${buildCommand()} failed (exit ${built.status})`);
  const left = browsers.map((name) => buildProblem(name)).filter(Boolean);
  if (left.length) throw new Error(`still not current after ${buildCommand()}: ${left.join('; ')}`);
}

/** The unpacked extension for a browser, or a SetupError when it has not been built or is older than its sources. */
export function extensionDir(name: BrowserName, build: BuildKind = 'test'): string {
  const problem = buildProblem(name, build);
  if (problem) throw new SetupError(`${problem}: run ${buildCommand(build)}`);
  return join(outputDir(build), BUILD_DIRS[name]);
}

/** The browsers e2e tests run in: both, or the comma-separated list in LENS_BROWSERS (e.g. `chromium`). */
export function browsersUnderTest(): BrowserName[] {
  const wanted = process.env.LENS_BROWSERS?.split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (!wanted?.length) return [...BROWSER_NAMES];
  const unknown = wanted.filter((name) => !isBrowserName(name));
  if (unknown.length)
    throw new SetupError(`LENS_BROWSERS: unknown browser ${unknown.join(', ')} (use chromium, firefox)`);
  return wanted as BrowserName[];
}

type LensLaunchOptions = Omit<LaunchOptions, 'extensionDir' | 'executablePath'> & { build?: BuildKind };

/** Launches a browser with the built extension installed. */
export function launchLensBrowser(name: 'chromium', options?: LensLaunchOptions): Promise<ChromiumLensBrowser>;
export function launchLensBrowser(name: BrowserName, options?: LensLaunchOptions): Promise<LensBrowser>;
export function launchLensBrowser(
  name: BrowserName,
  { build, ...options }: LensLaunchOptions = {},
): Promise<LensBrowser> {
  const launchOptions = { extensionDir: extensionDir(name, build), executablePath: findBrowser(name), ...options };
  return name === 'chromium' ? launchChromium(launchOptions) : launchFirefox(launchOptions);
}
