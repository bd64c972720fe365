/**
 * The store listings' screenshots, taken from the built extension in headless Chromium (the machinery of
 * scripts/screenshots.ts, which takes the README's):
 *
 *   npm run store:screenshots          (runs npm run build:test first when the build is older than the sources)
 *
 * Five pictures at each store's size, into store/screenshots/:
 * - `chrome/`: 1280×800, the Chrome Web Store's screenshot size (it takes up to five);
 * - `firefox/`: 1280×960, 4:3 as addons.mozilla.org shows them and above its 1000×750 minimum.
 *
 * 1 a card on the demo article, 2 the toolbar popup over it ("On this page" and its switches), 3 explore's map around
 * the Organization of Turkic States with its card, 4 the timeline, 5 the library with saved passages. Each file's
 * pixel size is checked after it is written. store/README.md says which listing uses which.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { buildProblem, launchLensBrowser, PROJECT_ROOT } from '../automation/browsers';
import type { ChromiumLensBrowser } from '../automation/chromium';
import { sleep, type LensPage } from '../automation/lens-browser';
import { startStaticServer, type StaticServer } from '../automation/static-server';
import { realisticSnippets } from './bench/library-snippets';
import { extensionPage, hoverInRunningText, popupAboutPage, until } from './lib/showcase';

interface StoreSize {
  store: 'chrome' | 'firefox';
  width: number;
  height: number;
}

const STORE_SIZES: readonly StoreSize[] = [
  { store: 'chrome', width: 1280, height: 800 },
  { store: 'firefox', width: 1280, height: 960 },
];

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const png = readFileSync(file);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

async function demoArticle(
  lens: ChromiumLensBrowser,
  server: StaticServer,
  size: StoreSize,
): Promise<{ opened: LensPage; page: Page }> {
  const opened = await lens.openPage(server.url('/article.html'));
  const page = lens.pageOf(opened);
  await page.setViewportSize({ width: size.width, height: size.height });
  await lens.scanReport(opened);
  return { opened, page };
}

async function cardShot(lens: ChromiumLensBrowser, server: StaticServer, size: StoreSize, file: string) {
  const { opened, page } = await demoArticle(lens, server, size);
  await hoverInRunningText(opened, 'Organization of Turkic States');
  await sleep(1500);
  await page.screenshot({ path: file });
  await page.close();
}

/** The popup as the toolbar shows it: over the page it speaks about, at the top right. */
async function popupShot(lens: ChromiumLensBrowser, server: StaticServer, size: StoreSize, file: string) {
  const { page: article } = await demoArticle(lens, server, size);
  const popup = await popupAboutPage(lens, server.url('/article.html'));
  const pageShot = `${file}.page.png`;
  const popupFile = `${file}.popup.png`;
  await article.screenshot({ path: pageShot });
  await popup.screenshot({ path: popupFile });
  await popup.close();
  await article.close();
  const canvas = await lens.context.newPage();
  await canvas.setViewportSize({ width: size.width, height: size.height });
  const uri = (f: string) => `data:image/png;base64,${readFileSync(f).toString('base64')}`;
  await canvas.setContent(
    `<body style="margin:0;position:relative;width:${size.width}px;height:${size.height}px;overflow:hidden">` +
      `<img src="${uri(pageShot)}" style="display:block;filter:brightness(0.97)">` +
      `<img src="${uri(popupFile)}" style="position:absolute;top:8px;right:16px;border-radius:8px;` +
      'box-shadow:0 8px 32px rgba(0,0,0,.28),0 0 0 1px rgba(0,0,0,.12)"></body>',
  );
  await canvas.screenshot({ path: file });
  await canvas.close();
  for (const scratch of [pageShot, popupFile]) rmSync(scratch, { force: true });
}

async function exploreShot(lens: ChromiumLensBrowser, view: 'map' | 'timeline', size: StoreSize, file: string) {
  const query = view === 'map' ? 'view=map&entity=ots' : 'view=timeline';
  const page = await extensionPage(lens, `explore.html?${query}`, size.width, size.height);
  if (view === 'map')
    await until(
      page,
      'the map and its card',
      () => !!document.querySelector('.ex-panel .lens-card[data-entity="ots"]'),
    );
  else await until(page, 'the timeline', () => document.documentElement.dataset.timelineReady === 'true');
  await sleep(1200);
  await page.screenshot({ path: file });
  await page.close();
}

async function libraryShot(lens: ChromiumLensBrowser, size: StoreSize, file: string) {
  const page = await extensionPage(lens, 'library.html', size.width, size.height);
  await until(page, 'the library', () => document.documentElement.dataset.libraryCount !== undefined);
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
    realisticSnippets(30),
  );
  await page.reload();
  await until(page, 'the snippets', () => document.documentElement.dataset.libraryCount === '30');
  await page.locator('.snippet-row').nth(1).click();
  await sleep(300);
  await page.screenshot({ path: file });
  await page.close();
}

async function takeStoreScreenshots(outDir = join(PROJECT_ROOT, 'store/screenshots')): Promise<string[]> {
  if (buildProblem('chromium')) {
    const built = spawnSync('npm', ['run', 'build:test'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('npm run build:test failed');
  }
  const written: string[] = [];
  const server = await startStaticServer({ roots: [join(PROJECT_ROOT, 'data/demo')] });
  try {
    for (const size of STORE_SIZES) {
      const dir = join(outDir, size.store);
      mkdirSync(dir, { recursive: true });
      const lens = (await launchLensBrowser('chromium', { colorScheme: 'light' })) as ChromiumLensBrowser;
      try {
        const shots: [string, (file: string) => Promise<void>][] = [
          ['1-card.png', (f) => cardShot(lens, server, size, f)],
          ['2-popup.png', (f) => popupShot(lens, server, size, f)],
          ['3-explore-map.png', (f) => exploreShot(lens, 'map', size, f)],
          ['4-explore-timeline.png', (f) => exploreShot(lens, 'timeline', size, f)],
          ['5-library.png', (f) => libraryShot(lens, size, f)],
        ];
        for (const [name, take] of shots) {
          const file = join(dir, name);
          await take(file);
          const got = pngSize(file);
          if (got.width !== size.width || got.height !== size.height)
            throw new Error(`${file} is ${got.width}×${got.height}, not ${size.width}×${size.height}`);
          written.push(file);
        }
      } finally {
        await lens.close();
      }
    }
  } finally {
    await server.close();
  }
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(PROJECT_ROOT, 'scripts/store-screenshots.ts')) {
  takeStoreScreenshots(process.argv[2] ? resolve(process.argv[2]) : undefined).then(
    (files) => console.log(files.join('\n')),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
