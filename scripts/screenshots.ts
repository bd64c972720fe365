/**
 * The README's screenshots, taken from the build in headless Chromium through the automation/ harness:
 *
 *   npm run build:test && npx tsx scripts/screenshots.ts [outDir=docs]
 *
 * docs/card.png (a card on the demo article), marks-every.png and marks-calm.png (the article's body under each mark
 * density), popup.png (the search for "toqaev", light and dark), library.png and
 * library-dark.png (30 realistic snippets), explore-timeline{,-dark}.png (the timeline's opening view),
 * explore-map{,-dark}.png (one hop around the OTS, its card beside it) and options.png (light and dark).
 *
 * The interface in other languages (issue 19):
 *
 *   npx tsx scripts/screenshots.ts --languages [outDir=docs]     popup-languages.png (the popup about the demo
 *                                                                 article) and card-languages.png (the OTS card)
 *                                                                 (Turkish and Russian side by side)
 *   npx tsx scripts/screenshots.ts --pseudo DIR                   the pseudo-locale (long, accented, right-to-left)
 *                                                                 on the popup, a card, options, library and explore,
 *                                                                 to look for layout breaks (not for the README)
 */
import { mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchLensBrowser, PROJECT_ROOT } from '../automation/browsers';
import type { ChromiumLensBrowser } from '../automation/chromium';
import { hoverFirstMention, sleep } from '../automation/lens-browser';
import { startStaticServer } from '../automation/static-server';
import { screenshotLibrary } from './bench/library-screenshot';
import { extensionPage, hoverInRunningText, popupAboutPage, until } from './lib/showcase';

type Scheme = 'light' | 'dark';

/** Two PNGs side by side on the page's background, as one PNG. */
async function sideBySide(lens: ChromiumLensBrowser, files: [string, string], out: string, gap = 20): Promise<void> {
  const page = await lens.context.newPage();
  const uri = (f: string) => `data:image/png;base64,${readFileSync(f).toString('base64')}`;
  await page.setContent(
    `<body style="margin:0;display:flex;gap:${gap}px;background:#e9edf1;width:max-content">` +
      files.map((f) => `<img src="${uri(f)}" style="display:block">`).join('') +
      '</body>',
  );
  await page.locator('body').screenshot({ path: out });
  await page.close();
}

async function card(lens: ChromiumLensBrowser, outDir: string): Promise<void> {
  const server = await startStaticServer({ roots: [join(PROJECT_ROOT, 'data/demo')] });
  try {
    const page = await lens.openPage(server.url('/article.html'));
    await lens.scanReport(page);
    await hoverFirstMention(page, ['Organization of Turkic States']);
    await sleep(1500);
    await page.screenshot(join(outDir, 'card.png'));
    await page.close();
  } finally {
    await server.close();
  }
}

/**
 * The demo article's body under each mark density (README "Mark density"): every mention, then calm, the default.
 * The setting is chosen in Options as a reader would; the page is opened again after each change.
 */
async function marks(lens: ChromiumLensBrowser, outDir: string): Promise<void> {
  const server = await startStaticServer({ roots: [join(PROJECT_ROOT, 'data/demo')] });
  const settings = await extensionPage(lens, 'options.html', 800, 600);
  try {
    await until(settings, 'the density setting', () => !!document.querySelector('input[name="mentions"]'));
    for (const density of ['every', 'calm'] as const) {
      await settings.locator(`input[name="mentions"][value="${density}"]`).check();
      await sleep(300);
      const page = await lens.openPage(server.url('/article.html'));
      await lens.pageOf(page).setViewportSize({ width: 1280, height: 800 });
      await lens.scanReport(page);
      // From the article's first paragraph: where names come back, so the two densities differ.
      await page.evaluate(() => document.querySelector('article p:not([class])')?.scrollIntoView());
      await sleep(1200);
      await page.screenshot(join(outDir, `marks-${density}.png`));
      await page.close();
    }
  } finally {
    await settings.close();
    await server.close();
  }
}

async function popup(lens: ChromiumLensBrowser, file: string): Promise<void> {
  const page = await extensionPage(lens, 'popup.html', 380, 600);
  await until(page, 'search box', () => !!document.querySelector('.search-input'));
  await page.locator('.search-input').fill('toqaev');
  await until(page, 'results', () => !!document.querySelector('[role="option"]'));
  await sleep(300);
  await page.screenshot({ path: file });
  await page.close();
}

async function explore(lens: ChromiumLensBrowser, outDir: string, suffix: string): Promise<void> {
  const timeline = await extensionPage(lens, 'explore.html?view=timeline', 1280, 800);
  await until(timeline, 'the timeline', () => document.documentElement.dataset.timelineReady === 'true');
  await sleep(600);
  await timeline.screenshot({ path: join(outDir, `explore-timeline${suffix}.png`) });
  await timeline.close();
  const map = await extensionPage(lens, 'explore.html?view=map&entity=ots', 1280, 800);
  await until(map, 'the map and its card', () => !!document.querySelector('.ex-panel .lens-card[data-entity="ots"]'));
  await sleep(1200);
  await map.screenshot({ path: join(outDir, `explore-map${suffix}.png`) });
  await map.close();
}

async function options(lens: ChromiumLensBrowser, file: string): Promise<void> {
  const page = await extensionPage(lens, 'options.html', 800, 900);
  await until(page, 'the settings', () => !!document.querySelector('h1') && !!document.querySelector('input'));
  await sleep(500);
  await page.screenshot({ path: file });
  await page.close();
}

/** Sets the interface language (the setting Options writes); every open page and card follows it. */
async function setLanguage(lens: ChromiumLensBrowser, language: string): Promise<void> {
  const page = await extensionPage(lens, 'options.html', 400, 300);
  await page.evaluate(async (language) => {
    type Api = {
      storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } };
    };
    const api = (globalThis as unknown as { chrome: Api }).chrome;
    const current = ((await api.storage.local.get('settings')).settings ?? {}) as Record<string, unknown>;
    await api.storage.local.set({ settings: { version: 1, ...current, language } });
  }, language);
  await page.close();
}

/** The card on the demo article, cut to the card and a margin around it. */
async function cardShot(lens: ChromiumLensBrowser, file: string): Promise<void> {
  const server = await startStaticServer({ roots: [join(PROJECT_ROOT, 'data/demo')] });
  try {
    const page = await lens.openPage(server.url('/article.html'));
    await lens.scanReport(page);
    await hoverFirstMention(page, ['Organization of Turkic States']);
    await sleep(1500);
    await cardOnly(lens, file);
    await page.close();
  } finally {
    await server.close();
  }
}

/** A screenshot of the open card on the demo article, cut to the card and a margin around it. */
async function cardOnly(lens: ChromiumLensBrowser, file: string): Promise<void> {
  const raw = lens.context.pages().find((p) => p.url().endsWith('/article.html'))!;
  // The test build leaves the card's root open, so the script can find the card's box.
  const box = await raw.evaluate(() => {
    const r = document
      .querySelector('lens-card-host')
      ?.shadowRoot?.querySelector('.lens-card')
      ?.getBoundingClientRect();
    return r
      ? { x: Math.max(0, r.x - 12), y: Math.max(0, r.y - 12), width: r.width + 24, height: r.height + 24 }
      : null;
  });
  await raw.screenshot({ path: file, ...(box ? { clip: box } : {}) });
}

/**
 * The popup and a card in Turkish and Russian, each pair side by side (the README's languages section): the popup
 * speaking about the demo article (its own words: "On this page", the switches), and the card of the Organization of
 * Turkic States opened from the article's running text, cut to the card.
 */
async function takeLanguageShots(outDir = join(PROJECT_ROOT, 'docs')): Promise<string[]> {
  const scratch = join(outDir, '.scratch');
  mkdirSync(scratch, { recursive: true });
  const shot = (name: string) => join(scratch, name);
  const lens = (await launchLensBrowser('chromium', { colorScheme: 'light' })) as ChromiumLensBrowser;
  const server = await startStaticServer({ roots: [join(PROJECT_ROOT, 'data/demo')] });
  try {
    for (const lang of ['tr', 'ru']) {
      await setLanguage(lens, lang);
      const article = await lens.openPage(server.url('/article.html'));
      await lens.scanReport(article);
      const popup = await popupAboutPage(lens, server.url('/article.html'));
      await popup.screenshot({ path: shot(`popup-${lang}.png`) });
      await popup.close();
      await hoverInRunningText(article, 'Organization of Turkic States');
      await sleep(1500);
      await cardOnly(lens, shot(`card-${lang}.png`));
      await article.close();
    }
    await sideBySide(lens, [shot('popup-tr.png'), shot('popup-ru.png')], join(outDir, 'popup-languages.png'));
    await sideBySide(lens, [shot('card-tr.png'), shot('card-ru.png')], join(outDir, 'card-languages.png'));
  } finally {
    await server.close();
    await lens.close();
    rmSync(scratch, { recursive: true, force: true });
  }
  return ['popup-languages', 'card-languages'].map((n) => join(outDir, `${n}.png`));
}

/** Every surface in the pseudo-locale (test build only), for looking at layout: nothing here goes to the README. */
async function takePseudoShots(outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const lens = (await launchLensBrowser('chromium', { colorScheme: 'light' })) as ChromiumLensBrowser;
  const files: string[] = [];
  const out = (name: string) => (files.push(join(outDir, name)), join(outDir, name));
  try {
    await setLanguage(lens, 'x-pseudo');
    await popup(lens, out('popup.png'));
    await cardShot(lens, out('card.png'));
    await options(lens, out('options.png'));
    const library = await extensionPage(lens, 'library.html', 1280, 800);
    await until(library, 'the library', () => !!document.querySelector('h1'));
    await sleep(500);
    await library.screenshot({ path: out('library.png') });
    await library.close();
    const popupHome = await extensionPage(lens, 'popup.html', 380, 600);
    await until(popupHome, 'the popup', () => !!document.querySelector('.foot'));
    await sleep(500);
    await popupHome.screenshot({ path: out('popup-home.png') });
    await popupHome.close();
    await explore(lens, outDir, '');
    files.push(join(outDir, 'explore-timeline.png'), join(outDir, 'explore-map.png'));
  } finally {
    await lens.close();
  }
  return files;
}

async function takeScreenshots(outDir = join(PROJECT_ROOT, 'docs')): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const scratch = join(outDir, '.scratch');
  mkdirSync(scratch, { recursive: true });
  const shot = (name: string) => join(scratch, name);
  for (const scheme of ['light', 'dark'] as Scheme[]) {
    const lens = (await launchLensBrowser('chromium', { colorScheme: scheme })) as ChromiumLensBrowser;
    try {
      if (scheme === 'light') await card(lens, outDir);
      if (scheme === 'light') await marks(lens, outDir);
      await popup(lens, shot(`popup-${scheme}.png`));
      await options(lens, shot(`options-${scheme}.png`));
      await explore(lens, outDir, scheme === 'dark' ? '-dark' : '');
      if (scheme === 'dark') {
        await sideBySide(lens, [shot('popup-light.png'), shot('popup-dark.png')], join(outDir, 'popup.png'));
        await sideBySide(lens, [shot('options-light.png'), shot('options-dark.png')], join(outDir, 'options.png'));
      }
    } finally {
      await lens.close();
    }
  }
  const [light] = await screenshotLibrary(outDir);
  renameSync(light!, join(outDir, 'library.png'));
  rmSync(scratch, { recursive: true, force: true });
  return [
    'card',
    'marks-every',
    'marks-calm',
    'popup',
    'library',
    'library-dark',
    'explore-timeline',
    'explore-timeline-dark',
    'explore-map',
  ]
    .concat(['explore-map-dark', 'options'])
    .map((n) => join(outDir, `${n}.png`));
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(PROJECT_ROOT, 'scripts/screenshots.ts')) {
  const [flag, dir] = process.argv.slice(2);
  const outDir = (d: string | undefined) => (d ? resolve(d) : undefined);
  (flag === '--languages'
    ? takeLanguageShots(outDir(dir))
    : flag === '--pseudo'
      ? takePseudoShots(resolve(dir ?? '.output-test/pseudo'))
      : takeScreenshots(outDir(flag))
  ).then(
    (files) => console.log(files.join('\n')),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
