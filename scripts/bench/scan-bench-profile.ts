/**
 * Where the content script's time goes on the scan bench's pages: a V8 CPU profile (100 µs samples) of the page's
 * renderer over a load and its settle time, with the ad frames served from the page's own site so they share its
 * process and its profile. Prints self time per function of the extension's scripts, summed over loads, beside the
 * total of the extension's samples, and inclusive time (a function and everything it called, the browser's native
 * work such as a message's serialisation included) of every function of ours, each counted once per sample. With an
 * unminified build (LENS_NO_MINIFY=1) the names are the source's, so the phases of the first stage can be read off.
 * A tool for finding costs, not a measure of them (scan-bench.ts is that).
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
  children?: number[];
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
/** Inclusive time per function of ours, and per native function called (directly or not) from our code. */
const inclusive = new Map<string, number>();
const callers = new Map<string, number>();
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
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const isOurs = (n: ProfileNode) => /^chrome-extension:/.test(n.callFrame.url);
    const name = (n: ProfileNode) =>
      isOurs(n)
        ? `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\//, '')}:${n.callFrame.lineNumber + 1}`
        : `[native] ${n.callFrame.functionName}`;
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
      // Inclusive: every function of ours on the stack, and natives below our first frame, once per sample.
      const stack: ProfileNode[] = [];
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(byId.get(at)!);
      const firstOurs = stack.findLastIndex(isOurs);
      if (firstOurs < 0) return;
      const keys = new Set<string>();
      for (const [i, n] of stack.entries())
        if (isOurs(n) || (i < firstOurs && n.callFrame.url === '' && n.callFrame.functionName)) keys.add(name(n));
      for (const k of keys) inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
      // LENS_PROFILE_CALLERS=name: who of ours called that function (the nearest of our frames above it).
      const callee = stack.findIndex((n) => n.callFrame.functionName === process.env.LENS_PROFILE_CALLERS);
      if (callee >= 0) {
        const caller = stack.slice(callee + 1).find(isOurs);
        const k = caller ? name(caller) : '(none of ours)';
        callers.set(k, (callers.get(k) ?? 0) + dt);
      }
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
console.log('\ninclusive (with what each calls), per load:');
for (const [key, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.LENS_PROFILE_TOP) || 60))
  console.log(`${(us / 1000 / loads).toFixed(2).padStart(7)} ms  ${key}`);
if (callers.size) console.log(`\ncallers of ${process.env.LENS_PROFILE_CALLERS}:`);
for (const [key, us] of [...callers].sort((a, b) => b[1] - a[1]))
  console.log(`${(us / 1000 / loads).toFixed(2).padStart(7)} ms  ${key}`);
