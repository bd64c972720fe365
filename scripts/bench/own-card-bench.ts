/**
 * The own bench's card part alone (issue 18: "the card is on screen within 50 ms of the dwell" with 10,000 snippets,
 * 200 sources of 50 KB and 500 names), with more cards than the full bench times, so its slowest ones mean
 * something: a few loads of the page per side, each opening its marks' cards a few times, in two profiles of one
 * browser side by side (empty, and seeded as the own bench seeds), alternating. The first card on each load is
 * reported apart: the card stage has just been injected then, and its one-off costs land on that card. With
 * LENS_OWN_BASELINE_DIR (a copy of an earlier .output-test), a third profile runs that build, seeded alike, in the
 * same alternation: a change's before and after in one run.
 *
 *   npm run build:test && LENS_CORPUS=… npx tsx scripts/bench/own-card-bench.ts [chromium|firefox …]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchLensBrowser } from '../../automation/browsers';
import type { BrowserName, LensBrowser } from '../../automation/lens-browser';
import { FIXTURES_DIR, startStaticServer } from '../../automation/static-server';
import { BENCH_PAGE, benchPage, measureCardsSideBySide, ownNames } from './own-bench';
import { seededLibrary } from './own-profiling';
import { percentile } from './search-bench';

const PAGES = Number(process.env.LENS_CARD_PAGES) || 3;
const ROUNDS = Number(process.env.LENS_CARD_ROUNDS) || 3;
/** Another build of the extension (its output directory), seeded alike and timed beside this one: before → after. */
const BASELINE_DIR = process.env.LENS_OWN_BASELINE_DIR;
const BUDGET_MS = 50;
/** A hover card's first screen (page/card-host.ts): an own section starting below it is laid out after the paint. */
const FIRST_SCREEN_PX = 560;

type Side = 'without' | 'with' | 'baseline';
const SIDE_LABELS: Record<Side, string> = {
  without: 'without own data',
  with: 'with own data',
  baseline: 'with, baseline build',
};
type Samples = Awaited<ReturnType<typeof measureCardsSideBySide<Side>>>;
type Sample = Samples[Side][number];

/** Launches the browser with the build in `dir` (LENS_OUT_DIR is read at launch). */
async function launchWith(browser: BrowserName, dir: string | undefined) {
  const kept = process.env.LENS_OUT_DIR;
  if (dir) process.env.LENS_OUT_DIR = dir;
  try {
    return await launchLensBrowser(browser);
  } finally {
    if (kept === undefined) delete process.env.LENS_OUT_DIR;
    else process.env.LENS_OUT_DIR = kept;
  }
}

async function runIn(browser: BrowserName) {
  const names = ownNames();
  const pageDir = mkdtempSync(join(tmpdir(), 'lens-own-card-bench-'));
  writeFileSync(join(pageDir, BENCH_PAGE), benchPage(names));
  const server = await startStaticServer({ roots: [pageDir, FIXTURES_DIR] });
  const browsers: LensBrowser[] = [];
  const launch = async (dir?: string) => {
    const lens = await launchWith(browser, dir);
    browsers.push(lens);
    return lens;
  };
  try {
    const sides = { without: await launch(), with: await launch() } as Record<Side, LensBrowser>;
    if (BASELINE_DIR) sides.baseline = await launch(BASELINE_DIR);
    for (const side of ['with', 'baseline'] as const) if (sides[side]) await seededLibrary(sides[side], names);
    const missing: string[] = [];
    const load = [loadavg()[0]!];
    const cards = await measureCardsSideBySide(sides, server.url(`/${BENCH_PAGE}`), missing, {
      pages: PAGES,
      rounds: ROUNDS,
    });
    load.push(loadavg()[0]!);
    return { browser, cards, missing, load };
  } finally {
    for (const b of browsers) await b.close();
    await server.close();
    rmSync(pageDir, { recursive: true, force: true });
  }
}

const f = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
function stats(xs: number[]) {
  const sorted = [...xs].sort((a, b) => a - b);
  return `${f(percentile(sorted, 50)).padStart(6)} ${f(percentile(sorted, 90)).padStart(6)} ${f(sorted.at(-1) ?? NaN).padStart(6)} ${`${xs.filter((x) => x >= BUDGET_MS).length}/${xs.length}`.padStart(6)}`;
}

function format(r: { browser: string; cards: Samples; missing: string[]; load: number[] }): string {
  const sides = (Object.keys(r.cards) as Side[]).filter((s) => r.cards[s]);
  const row = (label: string, pick: (c: Sample) => boolean, value: (c: Sample) => number) =>
    `${label.padEnd(34)} ${sides.map((s) => stats(r.cards[s].filter(pick).map(value))).join('    ')}`;
  const card = (c: Sample) => c.card;
  const lines = [
    `## ${r.browser}: ${PAGES} loads of the page per side, ${ROUNDS} rounds of its marks' cards each; load average ${r.load.map((l) => l.toFixed(1)).join(' → ')}`,
    `cards: ${[...new Set(r.cards.with.map((c) => c.entityId))].join(', ')}`,
    `dwell end → card on screen (ms)    ${sides.map((s) => `${SIDE_LABELS[s]}:`.padEnd(30)).join('')}`,
    `                                  ${sides.map(() => `   p50    p90    max ≥${BUDGET_MS}ms`).join('    ')}`,
    row('every card', () => true, card),
    row('the first card on a page', (c) => c.first, card),
    row('the later cards', (c) => !c.first, card),
    row(
      'every card: rendered and placed',
      () => true,
      (c) => c.renderMs,
    ),
    row(
      'the full card painted',
      () => true,
      (c) => c.complete,
    ),
    row(`own section below ${FIRST_SCREEN_PX} px`, (c) => c.ownTop !== null && c.ownTop >= FIRST_SCREEN_PX, card),
    row(`own section within ${FIRST_SCREEN_PX} px`, (c) => c.ownTop !== null && c.ownTop < FIRST_SCREEN_PX, card),
    'each card, in order (first on a page marked *):',
    ...sides.map(
      (s) => `  ${SIDE_LABELS[s].padEnd(22)} ${r.cards[s].map((c) => `${c.first ? '*' : ''}${f(c.card)}`).join(' ')}`,
    ),
  ];
  if (r.missing.length) lines.push(`NOT MEASURED: ${r.missing.join('; ')}`);
  return lines.join('\n');
}

const wanted = process.argv.slice(2).filter((a): a is BrowserName => a === 'chromium' || a === 'firefox');
for (const browser of wanted.length ? wanted : (['chromium'] as const)) {
  const r = await runIn(browser);
  console.log(format(r));
  if (r.missing.length) process.exitCode = 1;
}
