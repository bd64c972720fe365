/**
 * Store checks on what `npm run zip` produced: both zips, Mozilla's addons-linter on the Firefox zip, the Firefox
 * manifest's add-on id and data-collection declaration, the content script's size budget, and the explore page's
 * module files.
 * Reads files only, but needs the zips, so it runs with the e2e tests (after `npm run zip` in `npm test`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputDir, PROJECT_ROOT } from '../../automation/browsers';

/**
 * The content script is injected into every page and frame the user opens, so it is only a gate (page/frame-gate.ts):
 * a few lines that decide whether the frame has text worth scanning. Where it does, the background injects the scanner
 * stage (page/lens-stage.ts: walk the text, paint the marks, watch the pointer and keys); the card, its UI and Preact
 * are the card stage, injected into one frame when the reader first approaches a mark there (README "Content-script
 * size"). Each is budgeted: the gate's and the scanner's parse are every page's cost, the card stage's is part of the
 * time between the dwell and the card.
 */
// The gate was 2.6 KB when it was split off (issue 17); before, the whole first stage ran in every frame (40 KB). 4.8 KB
// once it read a small frame's text in the scanner's own blocks (page/text-blocks.ts), so that the background's check
// for a name sees exactly what the stage would send. 4.9 KB with the extension's API looked up on first use. 29.4 KB
// with the screen (lib/screen/frame-screen.ts): a 22 KB string, one bit read per word, that spares a small frame naming
// nothing the extension's API and a round trip to the background.
const CONTENT_SCRIPT_BUDGET_BYTES = 30 * 1024;
// The top page's gate, a content script of its own so that no frame parses it (page/top-gate.ts, issue 17): it walks
// the page's text once and sends it with start-lens, and where the page names nothing it stays instead of the stage,
// watching for text to come and answering for the page. 7.7 KB, of which 2 KB is the walk (page/text-blocks.ts).
const TOP_GATE_BUDGET_BYTES = 8 * 1024;
// 48 KB with the WebExtension polyfill and WXT's context; 36.7 KB without them (issue 17), then behind the gate. 41.1 KB
// once the top frame read a byline's date in the region's eleven languages (their month names are data, about 1 KB:
// lib/hover/written-date.ts) and the stage's start carried the page's saved passages. 42 KB once that date reader's
// letters were plain ranges (a Unicode property class costs a compile in every page). 40.1 KB (40.6 KB in the test
// build) once settings changes came from the background instead of a storage watcher with the settings' validation.
// 42.4 KB (42.9 KB in the test build) once it painted the matches the top page's gate brought with its start.
const LENS_STAGE_BUDGET_BYTES = 43 * 1024;
// 72 KB when "Not this", namesakes, the rules' evidence and the Undo toasts took it to 68 KB; the toasts and settings
// actions are now lent by the first stage, and the reader's own section (with its stylesheet) is in the card extras
// (63.8 KB after that split). 67.4 KB with the card's first screen and the byline dates in eleven languages (the card
// anchors its timeline on the date of the frame it opens in, so it reads the date itself).
const CARD_STAGE_BUDGET_BYTES = 70 * 1024;
/**
 * The card extras (page/card-extras/shared.ts): the reader's own section and its styles, on the stage's Preact,
 * injected right behind the stage, so the first card parses both (5.5 KB).
 */
const CARD_EXTRAS_BUDGET_BYTES = 8 * 1024;

const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
const out = outputDir('production');

interface LinterMessage {
  code: string;
  message: string;
  file?: string;
}
interface LinterReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LinterMessage[];
  warnings: LinterMessage[];
}

function zipPath(target: 'chrome' | 'firefox'): string {
  return join(out, `${pkg.name}-${pkg.version}-${target}.zip`);
}

function requireFile(path: string, hint: string): string {
  if (!existsSync(path)) throw new Error(`${path} not found: ${hint}`);
  return path;
}

describe('store packages', () => {
  it.each(['chrome', 'firefox'] as const)('the %s zip exists and holds a manifest', (target) => {
    const zip = readFileSync(requireFile(zipPath(target), 'run npm run zip'));
    expect(zip.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    // Entry names are stored uncompressed in a zip's headers.
    expect(zip.includes('manifest.json')).toBe(true);
  });

  // 0 warnings too (issue 19): the libraries' innerHTML paths are rewritten at build time (scripts/vite-no-html-sinks).
  it("the Firefox zip passes Mozilla's addons-linter with 0 errors and 0 warnings", () => {
    const zip = requireFile(zipPath('firefox'), 'run npm run zip');
    const linter = join(PROJECT_ROOT, 'node_modules/addons-linter/bin/addons-linter');
    const run = spawnSync(process.execPath, [linter, '--output', 'json', '--boring', zip], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (!run.stdout) throw new Error(`addons-linter printed nothing (exit ${run.status}): ${run.stderr}`);
    const report = JSON.parse(run.stdout) as LinterReport;
    const { errors, warnings, notices } = report.summary;
    console.log(`addons-linter: ${errors} errors, ${warnings} warnings, ${notices} notices`);
    for (const warning of report.warnings)
      console.log(`  warning ${warning.code} (${warning.file ?? '-'}): ${warning.message}`);
    const listed = (messages: LinterMessage[]) =>
      messages.map((message) => `${message.code} (${message.file ?? '-'}): ${message.message}`);
    expect(listed(report.errors)).toEqual([]);
    expect(listed(report.warnings)).toEqual([]);
  });

  it.each(['chrome-mv3', 'firefox-mv2'])('no bundle of the %s build sets HTML from a string', (build) => {
    const dir = requireFile(join(out, build), 'run npm run build');
    const found = filesUnder(dir)
      .filter((file) => file.endsWith('.js'))
      .flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/.{0,40}(?:\.innerHTML|\.outerHTML)\s*=(?!=).{0,40}/g)].map(
          (m) => `${file.slice(dir.length)}: ${m[0]}`,
        ),
      );
    expect(found).toEqual([]);
  });

  it('the Firefox manifest has its add-on id and declares no data collection', () => {
    const manifestPath = requireFile(join(out, 'firefox-mv2/manifest.json'), 'run npm run build');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
      browser_specific_settings?: { gecko?: { id?: string; data_collection_permissions?: unknown } };
    };
    const gecko = manifest.browser_specific_settings?.gecko;
    expect(gecko?.id).toMatch(/^[\w.-]+@[\w.-]+$/);
    expect(gecko?.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it.each(['chrome-mv3', 'firefox-mv2'])(
    'the explore page loads its code as two module files, its own and the shared one (%s)',
    (build) => {
      // Each request to an extension page costs its main thread a few ms before the first module runs
      // (scripts/vite-page-chunks.ts); the page's stylesheets are inlined (scripts/vite-inline-css.ts).
      const html = readFileSync(requireFile(join(out, build, 'explore.html'), 'run npm run build'), 'utf8');
      const modules = [
        ...html.matchAll(/<(?:script type="module"[^>]* src|link rel="modulepreload"[^>]* href)="([^"]+)"/g),
      ]
        .map((m) => m[1]!.replace(/^.*\/|-[\w-]{8}\.js$/g, ''))
        .sort();
      expect(modules).toEqual(['explore', 'shared']);
      expect(html).not.toMatch(/<link rel="stylesheet"/);
    },
  );

  it.each([
    ['content-scripts/content.js', CONTENT_SCRIPT_BUDGET_BYTES],
    ['content-scripts/top.js', TOP_GATE_BUDGET_BYTES],
    ['lens-stage.js', LENS_STAGE_BUDGET_BYTES],
    ['card-stage.js', CARD_STAGE_BUDGET_BYTES],
    ['card-extras.js', CARD_EXTRAS_BUDGET_BYTES],
  ] as const)('%s is at most %d bytes in both builds', (file, budget) => {
    for (const build of ['chrome-mv3', 'firefox-mv2']) {
      const size = statSync(requireFile(join(out, build, file), 'run npm run build')).size;
      console.log(
        `${build}/${file}: ${size} bytes (${(size / 1024).toFixed(1)} KB), ${((100 * size) / budget).toFixed(0)}% of ${budget}`,
      );
      expect(size, `${build}/${file} is ${size} bytes, over the ${budget}-byte budget`).toBeLessThanOrEqual(budget);
    }
  });

  // One character beyond ASCII makes Chromium decode the whole script into two-byte text before V8 parses it: the
  // scanner stage's injection took 0.95 ms of its own time with two such characters and 0.40 ms without (issue 17).
  it.each(['content-scripts/content.js', 'content-scripts/top.js', 'lens-stage.js'])(
    '%s is plain ASCII in both builds',
    (file) => {
      for (const build of ['chrome-mv3', 'firefox-mv2']) {
        const source = readFileSync(requireFile(join(out, build, file), 'run npm run build'), 'utf8');
        const beyond = [...new Set(source.match(/[^\0-\x7f]/g) ?? [])];
        expect(beyond, `${build}/${file} holds characters beyond ASCII`).toEqual([]);
      }
    },
  );

  it.each(['chrome-mv3', 'firefox-mv2'])(
    'the card is not in the first stage, and nothing is web-accessible for a page to probe (%s)',
    (build) => {
      const manifest = JSON.parse(
        readFileSync(requireFile(join(out, build, 'manifest.json'), 'run npm run build'), 'utf8'),
      ) as {
        web_accessible_resources?: unknown;
        content_scripts: { js: string[]; css?: string[] }[];
      };
      expect(manifest.web_accessible_resources).toBeUndefined();
      // The stages are injected by the background only; never declared as content scripts of their own. The gates
      // are: the frames' in every frame, the top page's in the top page only.
      expect(manifest.content_scripts.map((c) => [c.js, (c as { all_frames?: boolean }).all_frames ?? false])).toEqual([
        [['content-scripts/content.js'], true],
        [['content-scripts/top.js'], false],
      ]);
      // The marks' stylesheet goes in with the scanner stage, not into every frame.
      expect(manifest.content_scripts.flatMap((c) => c.css ?? [])).toEqual([]);
      const gate = readFileSync(join(out, build, 'content-scripts/content.js'), 'utf8');
      const topGate = readFileSync(join(out, build, 'content-scripts/top.js'), 'utf8');
      const scanner = readFileSync(join(out, build, 'lens-stage.js'), 'utf8');
      const stage = readFileSync(join(out, build, 'card-stage.js'), 'utf8');
      // The card host's tag and its stylesheet's first rule: in the card stage, not the gate or the scanner.
      for (const marker of ['lens-card-host', 'adoptedStyleSheets']) {
        expect(stage).toContain(marker);
        for (const first of [gate, topGate, scanner]) expect(first).not.toContain(marker);
      }
      // The scanner's batches to the matcher: behind the gates, not in them (the top page's text goes with its start).
      expect(scanner).toContain('find-mentions');
      for (const first of [gate, topGate]) expect(first).not.toContain('find-mentions');
      for (const first of [gate, topGate, scanner]) {
        // WXT's content-script context announces each start with an event on the page's document, named with the
        // extension's id: the gate and the scanner are built without it (wxt.config.ts), so a page hears nothing.
        expect(first).not.toContain('content-script-started');
        // Nor the WebExtension polyfill, left out for its size and its per-frame set-up.
        expect(first).not.toContain('api-metadata.json');
      }
      // The card extras render with the stage's Preact and words (a second copy of the hooks would not work with the
      // stage's renderer, a second translator would have no catalog): no renderer or catalog code of their own.
      const extras = readFileSync(join(out, build, 'card-extras.js'), 'utf8');
      expect(extras).toContain('lens-own');
      for (const marker of ['__H', 'PluralRules']) expect(extras).not.toContain(marker);
    },
  );
});

/**
 * What only the test build may carry (wxt.config.ts, issue 16): page events with what the extension found, what the
 * reader opened and each step of the hover machine, and the background's selection and track-name routes and message
 * counts for automation. A user's browser gets none of them.
 */
const TEST_HOOK_NAMES = [
  'lens-scan-done',
  'lens-report-request',
  'lens-card-shown',
  'lens-hover-step',
  'lensSelectionRoutes',
  'lensContentMessages',
  'lensStarts',
  'lensTrackMenu',
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

describe('nothing made for tests ships', () => {
  it.each(['chrome-mv3', 'firefox-mv2'])('the production %s bundle names no test hook', (build) => {
    const dir = requireFile(join(out, build), 'run npm run build');
    const found: string[] = [];
    for (const file of filesUnder(dir).filter((f) => /\.(js|html|json)$/.test(f))) {
      const code = readFileSync(file, 'utf8');
      for (const name of TEST_HOOK_NAMES) if (code.includes(name)) found.push(`${name} in ${file.slice(dir.length)}`);
    }
    expect(found).toEqual([]);
  });
});
