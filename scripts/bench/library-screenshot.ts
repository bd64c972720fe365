/**
 * Screenshots of the library with 30 realistic snippets, light and dark, for docs/ and for looking at the page.
 *
 *   npx tsx scripts/bench/library-screenshot.ts [outDir=docs]      (needs a Chromium build; LENS_OUT_DIR respected)
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchLensBrowser } from '../../automation/browsers';
import { realisticSnippets } from './library-snippets';

const root = fileURLToPath(new URL('../../', import.meta.url));

export async function screenshotLibrary(outDir = join(root, 'docs'), count = 30): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const lens = await launchLensBrowser('chromium');
  const written: string[] = [];
  try {
    const page = lens.pageOf(await lens.openExtensionPage('library.html'));
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.waitForFunction(() => document.documentElement.dataset.libraryCount !== undefined);
    await page.evaluate(
      (records) =>
        new Promise<void>((done) => {
          const open = indexedDB.open('caspian-lens-snippets');
          open.onsuccess = () => {
            const tx = open.result.transaction('snippets', 'readwrite');
            for (const r of records) tx.objectStore('snippets').put(r);
            tx.oncomplete = () => (open.result.close(), done());
          };
        }),
      realisticSnippets(count),
    );
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.reload();
      await page.waitForFunction((n) => document.documentElement.dataset.libraryCount === String(n), count);
      // A reader's view: one snippet open, two selected.
      await page.locator('.snippet-row').nth(1).click();
      await page.locator('.snippet-row .row-check').nth(3).check();
      await page.locator('.snippet-row .row-check').nth(4).check();
      await page.waitForTimeout(200);
      const file = join(outDir, `library-${scheme}.png`);
      await page.screenshot({ path: file });
      written.push(file);
    }
  } finally {
    await lens.close();
  }
  return written;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  screenshotLibrary(process.argv[2] ? resolve(process.argv[2]) : undefined).then(
    (files) => console.log(files.join('\n')),
    (err) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
