/**
 * npm run scan -- [--browser chromium|firefox] [--screenshot FILE] TARGET
 *
 * Loads the built extension in a real browser, opens TARGET (an http(s) URL, or a local HTML file served from its
 * folder on 127.0.0.1), and reports what the reader sees: the page and every same-origin frame in it, once nothing has
 * changed for a moment (a page that renders itself after load is counted as rendered; automation/settled-scan.ts).
 * Prints one JSON object on stdout: {"url", "browser", "mentions": [{"entityId", "name", "text", "count"}],
 * "frames": [{"url", "mentions"}], "settled", "scanMs"}; "settled" is false for a page still changing after 15 s.
 * Errors: one line on stderr.
 * (`npm run -s scan -- …` keeps npm's banner off stdout when piping.)
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isBrowserName } from '../automation/browsers';
import type { BrowserName } from '../automation/lens-browser';
import {
  argsError,
  printSummary,
  resolveTarget,
  runCommand,
  scanInBrowser,
  UsageError,
  userCwd,
} from './lib/scan-session';

const USAGE =
  'npm run scan -- [--browser chromium|firefox] [--screenshot FILE] TARGET (an http(s) URL or an HTML file)';

interface ScanArgs {
  browser: BrowserName;
  screenshot: string | null;
  target: string;
}

function parseScanArgs(argv: string[]): ScanArgs | null {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        browser: { type: 'string', short: 'b', default: 'chromium' },
        screenshot: { type: 'string', short: 's' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw argsError(error, USAGE);
  }
  const { values, positionals } = parsed;
  if (values.help) return null;
  if (!isBrowserName(values.browser)) throw new UsageError(`unknown browser "${values.browser}" (chromium or firefox)`);
  if (positionals.length !== 1) throw new UsageError(`give exactly one TARGET; usage: ${USAGE}`);
  return { browser: values.browser, screenshot: values.screenshot ?? null, target: positionals[0]! };
}

await runCommand(async () => {
  const args = parseScanArgs(process.argv.slice(2));
  if (!args) {
    process.stderr.write(`usage: ${USAGE}\n`);
    return;
  }
  const target = await resolveTarget(args.target);
  try {
    const summary = await scanInBrowser(args.browser, target.url, async (page) => {
      if (!args.screenshot) return;
      const file = resolve(userCwd(), args.screenshot);
      await page.screenshot(file, { fullPage: true });
      process.stderr.write(`screenshot: ${file}\n`);
    });
    printSummary(summary);
  } finally {
    await target.server?.close();
  }
});
