/**
 * What `npm run scan` and `npm start -- --headless` share: turning a target into a URL, scanning it with the built
 * extension in a real browser, printing the one JSON object, and failing with one clear line.
 * Launch code lives in automation/ (one copy for tests, benches and commands).
 */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { launchLensBrowser } from '../../automation/browsers';
import type { BrowserName, LensBrowser, LensPage } from '../../automation/lens-browser';
import { settledScan, type SettledScan } from '../../automation/settled-scan';
import { startStaticServer, type StaticServer } from '../../automation/static-server';

/** What the commands print: what the reader sees on the page, in every same-origin frame, once it has settled. */
type ScanSummary = SettledScan & { browser: BrowserName };

/** A mistake in the command line: reported as one line with the usage hint, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A node:util parseArgs failure as a UsageError: its first sentence ("Unknown option '--x'") and the usage. */
export function argsError(error: unknown, usage: string): UsageError {
  const sentence = firstLine(error).split(/\.\s/)[0]!.replace(/\.$/, '');
  return new UsageError(`${sentence}; usage: ${usage}`);
}

interface Target {
  url: string;
  /** Serves a local file's folder over http on 127.0.0.1; null for http(s) targets. */
  server: StaticServer | null;
}

/**
 * An http(s) URL as given, or a local HTML file served from its own folder (so its CSS and images load too).
 * Relative paths are taken from `base`: where the user typed the command (npm runs scripts from the project root).
 */
export async function resolveTarget(target: string, base = userCwd()): Promise<Target> {
  if (/^[a-z][a-z\d+.-]*:\/\//i.test(target)) {
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      throw new UsageError(`not a valid URL: ${target}`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new UsageError(`unsupported URL scheme ${url.protocol} (give an http(s) URL or a local HTML file)`);
    }
    return { url: url.href, server: null };
  }
  const file = resolve(base, target);
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new UsageError(`target not found: ${target} (give an http(s) URL or a local HTML file)`);
  }
  const server = await startStaticServer({ roots: [dirname(file)] });
  return { url: server.url(`/${encodeURIComponent(basename(file))}`), server };
}

/**
 * Opens `url` in the browser with the extension, waits until the page has settled and reads the scan reports of the
 * page and its same-origin frames (automation/settled-scan.ts), lets `then` act on the page (screenshot, hover), and
 * closes everything. Returns what the commands print.
 */
export async function scanInBrowser(
  browserName: BrowserName,
  url: string,
  then?: (page: LensPage, scan: SettledScan, lens: LensBrowser) => Promise<void>,
): Promise<ScanSummary> {
  const lens = await launchLensBrowser(browserName);
  try {
    let page: LensPage;
    try {
      page = await lens.openPage(url);
    } catch (error) {
      throw new Error(`could not open ${url}: ${firstLine(error)}`, { cause: error });
    }
    let scan: SettledScan;
    try {
      scan = await settledScan(page);
    } catch (error) {
      throw new Error(`${url}: ${firstLine(error)}`, { cause: error });
    }
    await then?.(page, scan, lens);
    return { ...scan, browser: browserName };
  } finally {
    await lens.close();
  }
}

/** The folder the user ran the command from: npm sets INIT_CWD and runs scripts from the project root. */
export function userCwd(): string {
  return process.env.INIT_CWD ?? process.cwd();
}

/** The commands' only output on stdout. (Run through npm, use `npm run -s` to drop npm's own banner line.) */
export function printSummary(summary: ScanSummary): void {
  process.stdout.write(`${formatSummary(summary)}\n`);
}

/** Indented JSON with one mention or frame per line: readable in a terminal, still one object for `jq` or JSON.parse. */
function formatSummary({ url, browser, mentions, scanMs, frames, settled }: ScanSummary): string {
  const list = (items: readonly unknown[]) =>
    items.length ? `[\n${items.map((m) => `    ${JSON.stringify(m)}`).join(',\n')}\n  ]` : '[]';
  return [
    '{',
    `  "url": ${JSON.stringify(url)},`,
    `  "browser": ${JSON.stringify(browser)},`,
    `  "mentions": ${list(mentions)},`,
    `  "frames": ${list(frames)},`,
    `  "settled": ${JSON.stringify(settled)},`,
    `  "scanMs": ${JSON.stringify(scanMs)}`,
    '}',
  ].join('\n');
}

/**
 * Runs a command's main function: any failure becomes one line on stderr and a non-zero exit code
 * (2 for usage mistakes, 1 otherwise; SetupError from the harness says what to install or build).
 * LENS_DEBUG=1 prints the stack too.
 */
export async function runCommand(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    const command = basename(process.argv[1] ?? 'lens', '.ts');
    process.stderr.write(`${command}: ${firstLine(error)}\n`);
    if (process.env.LENS_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.trim();
}
