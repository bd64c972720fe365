/**
 * Benches that time the extension's own pages from outside need a page of their own beside them (a blank page: the
 * baseline no page code can remove) and a probe that runs before the page's code. Both are added to a temporary copy
 * of the build, never to the build itself, so they never ship.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { extensionDir, launchLensBrowser } from '../../automation/browsers';
import type { ChromiumLensBrowser } from '../../automation/chromium';
import type { BrowserName, LensBrowser } from '../../automation/lens-browser';

export const BLANK_PAGE = 'bench-blank.html';

export interface BuildCopy {
  /** The folder to point LENS_OUT_DIR at. */
  outDir: string;
  /** The copied extension (chrome-mv3 or firefox-mv2 inside outDir). */
  dir: string;
  dispose(): void;
}

interface CopyOptions {
  /** Source of a classic script run first in the named pages (and the blank page): `bench-probe.js`. */
  probe?: { script: string; pages: string[] };
  /** Script of the blank page, a module as the extension's pages load theirs. */
  blankScript?: string;
}

/**
 * A copy of the built extension with a blank page (bench-blank.html: one module script and one word of text) and,
 * when asked, a probe script put first in the head of some of its pages.
 */
export function copyBuild(browser: BrowserName, options: CopyOptions = {}): BuildCopy {
  const outDir = mkdtempSync(join(tmpdir(), 'lens-bench-build-'));
  const dir = join(outDir, browser === 'chromium' ? 'chrome-mv3' : 'firefox-mv2');
  cpSync(extensionDir(browser), dir, { recursive: true });
  const probeTag = options.probe ? '<script src="./bench-probe.js"></script>' : '';
  writeFileSync(
    join(dir, BLANK_PAGE),
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8" /><title>blank</title>${probeTag}` +
      '<script type="module" src="./bench-blank.js"></script></head><body><p class="bench-blank">blank</p></body></html>\n',
  );
  writeFileSync(join(dir, 'bench-blank.js'), options.blankScript ?? "performance.mark('lens-blank-start');\n");
  if (options.probe) {
    writeFileSync(join(dir, 'bench-probe.js'), options.probe.script);
    for (const page of options.probe.pages) {
      const file = join(dir, page);
      const html = readFileSync(file, 'utf8');
      if (!/<head>/i.test(html)) throw new Error(`${page} has no <head> to put the probe in`);
      writeFileSync(
        file,
        html.replace(/<head>/i, (head) => head + probeTag),
      );
    }
  }
  return { outDir, dir, dispose: () => rmSync(outDir, { recursive: true, force: true }) };
}

/** Launches a browser on a copy of the build (LENS_OUT_DIR pointed at it while launching). */
export async function launchOnCopy(browser: 'chromium', copy: BuildCopy): Promise<ChromiumLensBrowser>;
export async function launchOnCopy(browser: BrowserName, copy: BuildCopy): Promise<LensBrowser>;
export async function launchOnCopy(browser: BrowserName, copy: BuildCopy): Promise<LensBrowser> {
  const outDir = process.env.LENS_OUT_DIR;
  process.env.LENS_OUT_DIR = copy.outDir;
  return launchLensBrowser(browser).finally(() => {
    if (outDir === undefined) delete process.env.LENS_OUT_DIR;
    else process.env.LENS_OUT_DIR = outDir;
  });
}

export async function extensionOrigin(lens: ChromiumLensBrowser): Promise<string> {
  const worker = lens.context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (!worker) throw new Error('the extension service worker is not running');
  return `chrome-extension://${new URL(worker.url()).host}`;
}

/** Opens `url` in a tab of its own, runs `load` on it, and closes it (extension pages share one renderer). */
export async function inNewTab<T>(lens: ChromiumLensBrowser, url: string, load: (tab: Page) => Promise<T>): Promise<T> {
  const tab = await lens.context.newPage();
  try {
    await tab.goto(url, { waitUntil: 'commit' });
    return await load(tab);
  } finally {
    await tab.close();
  }
}
