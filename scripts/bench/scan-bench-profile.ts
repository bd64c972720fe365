/**
 * Where the content script's time goes on the scan bench's pages: a V8 CPU profile (100 µs samples) of the page's
 * renderer over a load and its settle time, with the ad frames served from the page's own site so they share its
 * process and its profile. Prints self time per function of the extension's scripts, summed over loads, beside the
 * total of the extension's samples. A tool for finding costs, not a measure of them (scan-bench.ts is that).
 *
 *   npx tsx scripts/bench/scan-bench-profile.ts [extension dir] [page: article | article-ads | corpus] [loads]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extensionDir } from '../../automation/browsers';
import { startStaticServer } from '../../automation/static-server';
import { launchChromiumWith, writePages } from './scan-bench';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [ext = extensionDir('chromium'), pageName = 'article-ads', loadsArg = '5'] = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'lens-profile-'));
const site = join(dir, 'site');
mkdirSync(site);
const server = await startStaticServer({ roots: [site] });
writePages(site, server);
// Same-site ads, so their frames run in the page's process and show in its profile.
const port = new URL(server.origin).port;
const { readFileSync } = await import('node:fs');
writeFileSync(
  join(site, 'article-ads.html'),
  readFileSync(join(site, 'article-ads.html'), 'utf8').replaceAll(`http://localhost:${port}/`, `${server.origin}/`),
);
const context = await launchChromiumWith(ext);
const self = new Map<string, number>();
let extensionUs = 0;
let totalUs = 0;
try {
  for (let load = -1; load < Number(loadsArg); load++) {
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await tab.goto(server.url(`/${pageName}.html`), { waitUntil: 'load' });
    await tab.waitForTimeout(2_500);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    await tab.close();
    if (load < 0) continue;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    profile.samples.forEach((id, i) => {
      const node = byId.get(id)!;
      const dt = profile.timeDeltas[i] ?? 0;
      const { functionName, url, lineNumber, columnNumber } = node.callFrame;
      if (functionName === '(idle)') return;
      totalUs += dt;
      const ours = /^chrome-extension:/.test(url);
      if (ours) extensionUs += dt;
      const key = ours
        ? `${functionName || '(anonymous)'} ${url.replace(/^.*\//, '')}:${lineNumber + 1}:${columnNumber + 1}`
        : url
          ? `[page] ${url.replace(/^.*\//, '')}`
          : functionName;
      self.set(key, (self.get(key) ?? 0) + dt);
    });
  }
} finally {
  await context.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
const loads = Number(loadsArg);
console.log(
  `${pageName}: ${(totalUs / 1000 / loads).toFixed(1)} ms sampled per load, extension scripts' own ${(extensionUs / 1000 / loads).toFixed(1)} ms`,
);
for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40))
  console.log(`${(us / 1000 / loads).toFixed(2).padStart(7)} ms  ${key}`);
