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
import { loadavg } from 'node:os';
import { EMPTY_SOURCE_DRAFT } from '../../lib/own/types';
import { addSourceThroughForm, longSourceText, timedMessage } from './own-bench';
import { functionTimes, seededLibrary, type Profile } from './own-profiling';

const CHARS = Number(process.env.LENS_ADD_CHARS) || 300_000;

const lens = (await launchLensBrowser('chromium')) as ChromiumLensBrowser;
try {
  const lib = await seededLibrary(lens);
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
    source: { ...EMPTY_SOURCE_DRAFT, title: 'A long report by message', text: longSourceText(CHARS) },
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
  for (const [fn, ms] of functionTimes(profile).slice(0, 25)) console.log(`  ${ms.toFixed(1).padStart(8)}  ${fn}`);
  console.log('total time (ms), top 40:');
  for (const [fn, ms] of functionTimes(profile, { total: true }).slice(0, 40))
    console.log(`  ${ms.toFixed(1).padStart(8)}  ${fn}`);
} finally {
  await lens.close();
}
