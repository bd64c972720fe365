/**
 * Does the AMO sources zip rebuild the extension we submit? addons.mozilla.org asks for the sources of a bundled
 * add-on and rebuilds it; this does what its reviewer does, on this machine:
 *
 *   npm run zip && npm run zip:check-sources
 *
 * unzips `.output/caspian-lens-<version>-sources.zip` into an empty temporary folder, runs `npm ci` and
 * `npm run build` there (Firefox's half is what AMO compares), and compares every file of the rebuilt
 * `firefox-mv2` with `.output/firefox-mv2`, byte for byte. Exits 1 and lists the differences when any file differs,
 * is missing or is extra.
 *
 * Not part of `npm test`: a clean install and a second build take minutes on CI's two cores, where the whole suite
 * must stay under 20 minutes; run it before each upload (store/README.md).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PROJECT_ROOT } from '../automation/browsers';

const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

function run(command: string, args: string[], cwd: string): void {
  console.log(`$ ${command} ${args.join(' ')}   (in ${cwd})`);
  const done = spawnSync(command, args, { cwd, stdio: 'inherit', env: { ...process.env, LENS_TEST_BUILD: '' } });
  if (done.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${done.status})`);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** Files that differ between two folders: changed, only in the first, only in the second. */
function compareFolders(expected: string, actual: string): string[] {
  const want = filesUnder(expected);
  const got = new Set(filesUnder(actual));
  const problems: string[] = [];
  for (const file of want) {
    if (!got.has(file)) problems.push(`missing from the rebuild: ${file}`);
    else if (!readFileSync(join(expected, file)).equals(readFileSync(join(actual, file))))
      problems.push(`differs: ${file}`);
    got.delete(file);
  }
  for (const file of got) problems.push(`only in the rebuild: ${file}`);
  return problems;
}

function checkSourcesZip(): string[] {
  const output = join(PROJECT_ROOT, '.output');
  const zip = join(output, `${pkg.name}-${pkg.version}-sources.zip`);
  const built = join(output, 'firefox-mv2');
  for (const path of [zip, built]) if (!existsSync(path)) throw new Error(`${path} not found: run npm run zip`);
  const folder = mkdtempSync(join(tmpdir(), 'lens-sources-'));
  try {
    run('unzip', ['-q', zip, '-d', folder], folder);
    run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], folder);
    run('npm', ['run', 'build'], folder);
    const problems = compareFolders(built, join(folder, '.output', 'firefox-mv2'));
    console.log(
      problems.length
        ? `The sources zip does not rebuild the Firefox extension:\n  ${problems.join('\n  ')}`
        : `The sources zip rebuilds the Firefox extension: ${filesUnder(built).length} files, all identical.`,
    );
    return problems;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] && relative(process.argv[1], join(PROJECT_ROOT, 'scripts/check-sources-zip.ts')) === '') {
  try {
    process.exitCode = checkSourcesZip().length ? 1 : 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
