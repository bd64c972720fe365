/**
 * One side of the matcher comparison (matcher-pre-issue.ts), measured in a process of its own: its first build
 * (cold, what the background pays once per session), `find` over every text, then warm rebuilds. It imports nothing
 * of the project, so it runs as it is under tsx (the matcher's TypeScript loaded module by module) or bundled by
 * esbuild and run by plain Node (the matcher bundled as the extension ships it): the same harness either way.
 *
 *   <runner> matcher-side.ts --entry M --index I [--rules R] --texts T --rounds N   → one line "side-sample {json}"
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

interface AnyMatcher {
  find(text: string): unknown[];
}
type CreateMatcher = (index: unknown, options?: { rules: unknown }) => AnyMatcher;

/** What one process measured of one side. */
export interface SideSample {
  coldMs: number;
  warmMs: number;
  /** Per text, in the order given: CPU ms of one find (the best of the rounds), and the marks found. */
  findMs: number[];
  marks: number[];
}

/** What a side runs: its matcher module (source or bundle), its alias index, its rules (none before issue 15). */
export interface SideInputs {
  entry: string;
  index: string;
  rules?: string;
  /** A JSON array of the texts, written once per run so every process reads the same. */
  texts: string;
}

export const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Characters each text is searched over per round (short texts are repeated). */
const CHARS_PER_ROUND = 400_000;
const WARM_BUILDS = 5;

/**
 * Two matchers in one process disturbed each other: the same code imported twice measured 0.64x to 1.38x itself,
 * whichever way round, as the copies' tables and compiled code shared the caches. So one side per process.
 */
export async function measureSide(inputs: SideInputs, rounds: number): Promise<SideSample> {
  const { createMatcher } = (await import(pathToFileURL(inputs.entry).href)) as { createMatcher: CreateMatcher };
  // Load and parse outside the timing, as the background has its JSON imported before the first build.
  const index = JSON.parse(readFileSync(inputs.index, 'utf8')) as unknown;
  const rules = inputs.rules === undefined ? undefined : (JSON.parse(readFileSync(inputs.rules, 'utf8')) as unknown);
  const build = () => (rules === undefined ? createMatcher(index) : createMatcher(index, { rules }));
  const texts = JSON.parse(readFileSync(inputs.texts, 'utf8')) as string[];
  const t0 = cpuMs();
  const matcher = build();
  const coldMs = cpuMs() - t0;
  const warm: number[] = [];
  for (let i = 0; i < WARM_BUILDS; i++) {
    const t1 = cpuMs();
    void build();
    warm.push(cpuMs() - t1);
  }
  // Warm-up: the JIT sees every text.
  for (let i = 0; i < 3; i++) for (const t of texts) matcher.find(t);
  const findMs = texts.map((t) => {
    const repeats = Math.max(1, Math.round(CHARS_PER_ROUND / t.length));
    let best = Infinity;
    for (let r = 0; r < rounds; r++) {
      const t1 = cpuMs();
      for (let k = 0; k < repeats; k++) matcher.find(t);
      best = Math.min(best, (cpuMs() - t1) / repeats);
    }
    return best;
  });
  return { coldMs, warmMs: median(warm), findMs, marks: texts.map((t) => matcher.find(t).length) };
}

/** The child's command line, as `sideArgs` writes it. */
export const sideArgs = (inputs: SideInputs, rounds: number): string[] => [
  '--entry',
  inputs.entry,
  '--index',
  inputs.index,
  ...(inputs.rules === undefined ? [] : ['--rules', inputs.rules]),
  '--texts',
  inputs.texts,
  '--rounds',
  String(rounds),
];

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};

if (arg('--entry') !== undefined) {
  const sample = await measureSide(
    { entry: arg('--entry')!, index: arg('--index')!, rules: arg('--rules'), texts: arg('--texts')! },
    Number(arg('--rounds')),
  );
  console.log(`side-sample ${JSON.stringify(sample)}`);
}
