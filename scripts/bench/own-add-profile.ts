/**
 * Where the library page's time goes when a long source is added through its form (issue 18): the own bench's
 * seeded profile (10,000 snippets, 200 sources of 50 KB, 500 names), one 300 KB source added through the form under
 * V8's sampling profiler in the library page; before it, the same add by message (the background's part) and through
 * the form unprofiled. Prints those times and the functions with the most self and total time. A profiling aid.
 *
 *   npm run build:test && LENS_CORPUS=… npx tsx scripts/bench/own-add-profile.ts
 */
import type { CDPSession } from 'playwright-core';
import { launchLensBrowser } from '../../automation/browsers';
import type { ChromiumLensBrowser } from '../../automation/chromium';
import { waitInPage } from '../../automation/lens-browser';
import { realisticSnippets } from './library-snippets';
import { loadavg } from 'node:os';
import {
  addSourceThroughForm,
  corpusText,
  EMPTY_DRAFT,
  longSourceText,
  ownNames,
  SCALE,
  seed,
  timedMessage,
} from './own-bench';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

const CHARS = Number(process.env.LENS_ADD_CHARS) || 300_000;

function times(profile: Profile, total: boolean) {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const out = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = total ? parent.get(at) : undefined) {
      const f = byId.get(at)!.callFrame;
      const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() || '(native)'}:${f.lineNumber}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.set(key, (out.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    }
  });
  return [...out].filter(([k]) => !/^\((idle|program|root)\)/.test(k)).sort((a, b) => b[1] - a[1]);
}

const lens = (await launchLensBrowser('chromium')) as ChromiumLensBrowser;
try {
  const lib = await lens.openExtensionPage('library.html');
  await waitInPage(lib, () => document.documentElement.dataset.libraryCount !== undefined, 'the library', 30_000);
  await seed(lib, {
    snippets: realisticSnippets(SCALE.snippets),
    names: ownNames(),
    corpus: corpusText(),
    sources: SCALE.sources,
    bytes: SCALE.sourceBytes,
  });
  await timedMessage(lib, { type: 'own-reindex' });
  await lib.evaluate(() => {
    location.search = '?view=sources';
  });
  // Loaded, so that the profile holds the add alone (addSourceThroughForm stays on this page).
  await waitInPage(
    lib,
    () => document.documentElement.dataset.libraryCount !== undefined && !!document.querySelector('[data-source-id]'),
    'the sources listed',
    60_000,
  );
  // The background's part alone, then the form twice: unprofiled (its time), and under the profiler.
  const byMessage = await timedMessage(lib, {
    type: 'own-add-source',
    source: { ...EMPTY_DRAFT, title: 'A long report by message', text: longSourceText(CHARS) },
  });
  const plain = await addSourceThroughForm(lib, CHARS, 'A long report');
  console.log(
    `load ${loadavg()[0]!.toFixed(1)}: ${CHARS} chars by message ${byMessage.ms.toFixed(0)} ms; through the form ${plain.ms.toFixed(0)} ms (progress shown: ${plain.shown})`,
  );
  const cdp: CDPSession = await lens.context.newCDPSession(lens.pageOf(lib));
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const r = await addSourceThroughForm(lib, CHARS, 'A long report, profiled');
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  console.log(`profiled: through the form ${r.ms.toFixed(0)} ms`);
  console.log('self time (ms), top 25:');
  for (const [fn, ms] of times(profile, false).slice(0, 25)) console.log(`  ${ms.toFixed(1).padStart(8)}  ${fn}`);
  console.log('total time (ms), top 40:');
  for (const [fn, ms] of times(profile, true).slice(0, 40)) console.log(`  ${ms.toFixed(1).padStart(8)}  ${fn}`);
} finally {
  await lens.close();
}
