/**
 * npm start                 builds the Chrome extension, serves the bundled demo article on 127.0.0.1 and opens it
 *                           in a headed Chromium with the extension loaded; stops when the browser window is closed.
 * npm start -- --headless   the same without a window: prints what `npm run scan` prints for the demo article, hovers
 *                           the first mark so its card opens, and saves a screenshot to .output-test/demo-card.png.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findBrowser, launchLensBrowser, outputDir, PROJECT_ROOT, SetupError } from '../automation/browsers';
import { hoverFirstMention, sleep } from '../automation/lens-browser';
import { startStaticServer } from '../automation/static-server';
import { argsError, printSummary, runCommand, scanInBrowser } from './lib/scan-session';

const USAGE = 'npm start [-- --headless]';
const DEMO_DIR = join(PROJECT_ROOT, 'data/demo');
const DEMO_PAGE = '/article.html';
/** Names the demo article opens with, hovered when the scan found none (the matcher may be switched off). */
const DEMO_NAMES = ['Organization of Turkic States', 'Recep Tayyip Erdoğan', 'Türkiye'];
/** A card opens after a dwell of about half a second plus the details fetch; one second leaves room for both. */
const CARD_DWELL_MS = 1_000;

await runCommand(async () => {
  let headless: boolean;
  try {
    const { values } = parseArgs({ args: process.argv.slice(2), options: { headless: { type: 'boolean' } } });
    headless = values.headless ?? false;
  } catch (error) {
    throw argsError(error, USAGE);
  }
  if (!headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    throw new SetupError(
      'no display for a browser window ($DISPLAY and $WAYLAND_DISPLAY are unset): try npm start -- --headless',
    );
  }
  findBrowser('chromium'); // before building, so a missing browser is reported at once
  build();

  const server = await startStaticServer({ roots: [DEMO_DIR] });
  const url = server.url(DEMO_PAGE);
  try {
    if (headless) await scanDemo(url);
    else await showDemo(url);
  } finally {
    await server.close();
  }
});

/**
 * Always builds (a couple of seconds): simpler than deciding whether .output-test is stale. Chrome only: that is what
 * runs.
 */
function build(): void {
  process.stderr.write('Building the extension for Chromium…\n');
  // stdout goes to stderr: with --headless, stdout carries only the scan JSON.
  // The test build (wxt.config.ts): the scan report this command prints is one of its hooks.
  const run = spawnSync(join(PROJECT_ROOT, 'node_modules/.bin/wxt'), ['build'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, LENS_TEST_BUILD: '1' },
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`the build failed (wxt build exited with ${run.status})`);
}

async function scanDemo(url: string): Promise<void> {
  const screenshot = join(outputDir(), 'demo-card.png');
  const summary = await scanInBrowser('chromium', url, async (page, scan) => {
    const names = scan.mentions.length ? scan.mentions.map((mention) => mention.text) : DEMO_NAMES;
    const hovered = await hoverFirstMention(page, names);
    process.stderr.write(
      hovered ? `hovering "${hovered}"\n` : 'nothing to hover: no mark and no known name on the page\n',
    );
    await sleep(CARD_DWELL_MS);
    await page.screenshot(screenshot);
  });
  printSummary(summary);
  process.stderr.write(`screenshot: ${screenshot}\n`);
}

async function showDemo(url: string): Promise<void> {
  const lens = await launchLensBrowser('chromium', { headless: false });
  const closed = new Promise<void>((done) => lens.context.once('close', () => done()));
  const stop = () => void lens.close();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await lens.openPage(url);
  process.stderr.write(`Caspian Lens demo: ${url}\nClose the browser window (or press Ctrl+C) to stop.\n`);
  await closed;
}
