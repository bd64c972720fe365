/**
 * One browser of each kind for a whole e2e run, lent to each test file in turn instead of a launch per file: a launch
 * and close costs about 6 s, 12 s a file for both browsers, a sixth of the suite's time (CI-TIMINGS.md). The e2e
 * project runs its files in one worker without module isolation (vitest.config.ts), so this module and the browsers
 * it holds outlive a file; run alone, a file launches its own browser here as before.
 *
 * A file borrows the browser as a fresh install would leave it: no tab but a blank one, the extension's storage as it
 * was right after install, console errors counted from the loan on. What a reset cannot undo is never reset: when
 * the last file left records in IndexedDB (the background caches what it read from there) or the background is gone,
 * the browser is closed and a new one launched. Files that need a launch of their own (a kept profile, a proxy, the
 * production build) call `launchLensBrowser` as before.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchLensBrowser } from './browsers';
import type { BrowserName, LaunchOptions, LensBrowser } from './lens-browser';

/** The launch options a shared browser may differ by: each combination is a browser of its own. */
type SharedOptions = Pick<LaunchOptions, 'colorScheme' | 'reducedMotion'>;

interface Session {
  lens: LensBrowser;
  /** storage.local right after install: what every borrower gets back. */
  installed: Record<string, unknown>;
  profileDir: string;
  lent: boolean;
}

const sessions = new Map<string, Session>();

/** Set by the e2e global set-up to a folder it removes after the run; a run without it makes and removes its own. */
export const SHARED_PROFILES_ENV = 'LENS_SHARED_PROFILES';

let profilesRoot: string | null = null;
function profilesFolder(): string {
  profilesRoot ??= process.env[SHARED_PROFILES_ENV] ?? ownProfilesFolder();
  return profilesRoot;
}
function ownProfilesFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lens-shared-'));
  process.once('exit', () => {
    // A browser ended with this process may still be writing its profile: a folder left in the temp dir is no failure.
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
    } catch {
      console.warn(`left the shared browsers' profiles in ${dir}`);
    }
  });
  return dir;
}

type StorageArea = {
  get(): Promise<Record<string, unknown>>;
  clear(): Promise<void>;
  set(items: Record<string, unknown>): Promise<void>;
};

const readStorage = (lens: LensBrowser) =>
  lens.evaluateInBackground((_: null, bg) => {
    const g = bg as unknown as {
      browser?: { storage: { local: StorageArea } };
      chrome: { storage: { local: StorageArea } };
    };
    return (g.browser ?? g.chrome).storage.local.get();
  }, null);

/**
 * In one call to the background (in Firefox each call opens a helper tab): counts the records in the extension's
 * IndexedDB databases (snippets, your own sources and names) and, when there are none, puts storage.local back to
 * `installed`. Returns the count: records mean the session cannot be handed on.
 */
const restoreInstalledState = (lens: LensBrowser, installed: Record<string, unknown>) =>
  lens.evaluateInBackground(async (installed, bg) => {
    const idb = (bg as unknown as { indexedDB: IDBFactory }).indexedDB;
    const request = <T>(r: IDBRequest<T>) =>
      new Promise<T>((done, fail) => {
        r.onsuccess = () => done(r.result);
        r.onerror = () => fail(r.error);
      });
    let records = 0;
    for (const { name } of await idb.databases()) {
      if (!name) continue;
      const db = await request(idb.open(name));
      try {
        for (const store of db.objectStoreNames)
          records += await request(db.transaction(store).objectStore(store).count());
      } finally {
        db.close();
      }
    }
    if (records > 0) return records;
    const g = bg as unknown as {
      browser?: { storage: { local: StorageArea } };
      chrome: { storage: { local: StorageArea } };
    };
    const local = (g.browser ?? g.chrome).storage.local;
    await local.clear();
    await local.set(installed);
    return 0;
  }, installed);

async function launch(name: BrowserName, options: SharedOptions): Promise<Session> {
  const profileDir = mkdtempSync(join(profilesFolder(), `${name}-`));
  const lens = await launchLensBrowser(name, { ...options, profileDir });
  return { lens, installed: await readStorage(lens), profileDir, lent: false };
}

async function retire(session: Session): Promise<void> {
  await session.lens.close().catch(() => undefined);
  rmSync(session.profileDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
}

/** Whether the session can be handed on as a fresh install; resets what it can on the way. */
async function reset(session: Session): Promise<boolean> {
  const { lens } = session;
  // A browser or background that is gone does not answer: the session is retired like one with records left.
  if (
    !(await lens.closeTabs().then(
      () => true,
      () => false,
    ))
  )
    return false;
  return (await restoreInstalledState(lens, session.installed).catch(() => 1)) === 0;
}

/**
 * The shared browser for `name` (launched on first use), as a fresh install. Its `close()` hands it back; its
 * `consoleErrors()` lists only what was logged since it was lent.
 */
export async function borrowLensBrowser(name: BrowserName, options: SharedOptions = {}): Promise<LensBrowser> {
  const key = JSON.stringify([name, options.colorScheme ?? 'light', options.reducedMotion ?? false]);
  let session = sessions.get(key);
  if (session?.lent) throw new Error(`the shared ${name} browser is already lent (two describes of one file?)`);
  if (session && !(await reset(session))) {
    await retire(session);
    session = undefined;
  }
  // Errors before the loan belong to earlier files: a browser just launched has logged only its own start.
  const reused = !!session;
  session ??= await launch(name, options);
  sessions.set(key, session);
  session.lent = true;
  const errorsBefore = reused ? (await session.lens.consoleErrors()).length : 0;
  const lent = session;
  // The browser's own object underneath (getters such as Chromium's `context` stay live), with two methods of the loan.
  const loan: LensBrowser = Object.create(lent.lens) as LensBrowser;
  loan.consoleErrors = async () => (await lent.lens.consoleErrors()).slice(errorsBefore);
  loan.close = async () => {
    lent.lent = false;
    await lent.lens.closeTabs().catch(() => undefined);
  };
  return loan;
}
