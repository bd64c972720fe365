/**
 * What the own profiling aids (own-card-profile.ts, own-add-profile.ts) share: the own bench's seeded library (10,000
 * snippets, 200 sources of 50 KB, 500 names, every source read) and the sums of V8's sampling profile per function.
 */
import { waitInPage, type LensBrowser, type LensPage } from '../../automation/lens-browser';
import { realisticSnippets } from './library-snippets';
import { corpusText, ownNames, SCALE, seed, timedMessage } from './own-bench';
import type { OwnName } from '../../lib/own/types';

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
/** `startTime` and the deltas are µs on the trace's clock. */
export type Profile = { nodes: ProfileNode[]; startTime: number; samples: number[]; timeDeltas: number[] };

/** Opens `lens`'s library, seeds it at the own bench's scale and has the background read every source. */
export async function seededLibrary(lens: LensBrowser, names: OwnName[] = ownNames()): Promise<LensPage> {
  const lib = await lens.openExtensionPage('library.html');
  await waitInPage(lib, () => document.documentElement.dataset.libraryCount !== undefined, 'the library', 30_000);
  await seed(lib, {
    snippets: realisticSnippets(SCALE.snippets),
    names,
    corpus: corpusText(),
    sources: SCALE.sources,
    bytes: SCALE.sourceBytes,
  });
  await timedMessage(lib, { type: 'own-reindex' });
  return lib;
}

/**
 * Milliseconds per function ("name file:line"), most first: self time, or with `total` the time of the function and
 * its callees (each sample counted once per function). `files`: only functions of scripts whose URL matches; `within`:
 * only samples taken in that window (µs, the trace's clock).
 */
export function functionTimes(
  profile: Profile,
  options: { total?: boolean; files?: RegExp; within?: [number, number] } = {},
) {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const out = new Map<string, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (options.within && (at < options.within[0] || at > options.within[1])) return;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = options.total ? parent.get(at) : undefined) {
      const f = byId.get(at)!.callFrame;
      if (options.files && !options.files.test(f.url)) continue;
      const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() || '(native)'}:${f.lineNumber}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.set(key, (out.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    }
  });
  return [...out].filter(([k]) => !/^\((idle|program|root)\)/.test(k)).sort((a, b) => b[1] - a[1]);
}
