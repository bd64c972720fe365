/**
 * The own bench's card part alone (issue 18: "the card is on screen within 50 ms of the dwell" with 10,000 snippets,
 * 200 sources of 50 KB and 500 names), with more cards than the full bench times, so its slowest ones mean
 * something: a few loads of the page per side, each opening its marks' cards a few times, in two profiles of one
 * browser side by side (empty, and seeded as the own bench seeds), alternating. The first card on each load is
 * reported apart: the card stage has just been injected then, and its one-off costs land on that card.
 *
 *   npm run build:test && LENS_CORPUS=… npx tsx scripts/bench/own-card-bench.ts [chromium|firefox …]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchLensBrowser } from '../../automation/browsers';
import type { LensBrowser } from '../../automation/lens-browser';
import { FIXTURES_DIR, startStaticServer } from '../../automation/static-server';
import { BENCH_PAGE, benchPage, measureCardsSideBySide, ownNames } from './own-bench';
import { seededLibrary } from './own-profiling';
import { percentile } from './search-bench';

const PAGES = Number(process.env.LENS_CARD_PAGES) || 3;
const ROUNDS = Number(process.env.LENS_CARD_ROUNDS) || 3;
const BUDGET_MS = 50;

type Samples = Awaited<ReturnType<typeof measureCardsSideBySide>>;

async function runIn(browser: 'chromium' | 'firefox') {
  const names = ownNames();
  const pageDir = mkdtempSync(join(tmpdir(), 'lens-own-card-bench-'));
  writeFileSync(join(pageDir, BENCH_PAGE), benchPage(names));
  const server = await startStaticServer({ roots: [pageDir, FIXTURES_DIR] });
  const browsers: LensBrowser[] = [];
  try {
    const bare = await launchLensBrowser(browser);
    browsers.push(bare);
    const seeded = await launchLensBrowser(browser);
    browsers.push(seeded);
    await seededLibrary(seeded, names);
    const missing: string[] = [];
    const load = [loadavg()[0]!];
    const cards = await measureCardsSideBySide(bare, seeded, server.url(`/${BENCH_PAGE}`), missing, {
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
  const row = (
    label: string,
    pick: (c: Samples['base'][number]) => boolean,
    value: (c: Samples['base'][number]) => number,
  ) =>
    `${label.padEnd(34)} ${stats(r.cards.base.filter(pick).map(value))}    ${stats(r.cards.own.filter(pick).map(value))}`;
  const card = (c: Samples['base'][number]) => c.card;
  const lines = [
    `## ${r.browser}: ${PAGES} loads of the page per side, ${ROUNDS} rounds of its marks' cards each; load average ${r.load.map((l) => l.toFixed(1)).join(' → ')}`,
    `cards: ${[...new Set(r.cards.own.map((c) => c.entityId))].join(', ')}`,
    `dwell end → card on screen (ms)     without own data:               with own data:`,
    `                                     p50    p90    max ≥${BUDGET_MS}ms      p50    p90    max ≥${BUDGET_MS}ms`,
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
    `each card, in order (first on a page marked *): without ${r.cards.base.map((c) => `${c.first ? '*' : ''}${f(c.card)}`).join(' ')}`,
    `                                                 with    ${r.cards.own.map((c) => `${c.first ? '*' : ''}${f(c.card)}`).join(' ')}`,
  ];
  if (r.missing.length) lines.push(`NOT MEASURED: ${r.missing.join('; ')}`);
  return lines.join('\n');
}

const wanted = process.argv.slice(2).filter((a): a is 'chromium' | 'firefox' => a === 'chromium' || a === 'firefox');
for (const browser of wanted.length ? wanted : (['chromium'] as const)) {
  const r = await runIn(browser);
  console.log(format(r));
  if (r.missing.length) process.exitCode = 1;
}
