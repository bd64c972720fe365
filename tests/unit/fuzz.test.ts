/**
 * Fuzz: the matcher with random and adversarial text, for a fixed number of cases from a fixed seed, so a failure
 * reproduces exactly. Asserts it never throws, returns well-formed matches, and costs no more than a fixed multiple
 * of a linear pass over the same text (folding it), measured in the same run: only a super-linear blow-up breaks that.
 * Costs are CPU time of this process, not wall-clock time, so other work on a busy machine does not count. (The scanner's fuzz runs in real browsers: tests/e2e/robustness.test.ts with
 * tests/e2e/fixtures/hostile/fuzz-markup.html.)
 */
import { describe, expect, it } from 'vitest';
import aliasIndexJson from '~/data/alias-index.json';
import type { AliasIndex } from '~/lib/factbase/types';
import { createMatcher, type Match } from '~/lib/matcher';
import { foldAlias, foldText } from '~/lib/matcher';

const index = aliasIndexJson as unknown as AliasIndex;
const matcher = createMatcher(index);

const SEED = 0x5eed_8;
const RANDOM_CASES = 3_000;
/** Longest random text, in UTF-16 units. */
const MAX_RANDOM_LENGTH = 2_000;
/**
 * Matching a text may cost this many times folding it (one linear pass, which matching also does). Most adversarial
 * megabytes and the random batch measure 2-6x; a megabyte of names glued by hyphens, a mark and its rules every few
 * units, measured 35-75x once the fold got faster (053396e), against 40 here before, so it failed at random. A
 * quadratic path over a megabyte would be thousands of times: the bound only has to sit well below that.
 */
const LINEAR_PASS_FACTOR = 150;
/** The ratios are the assertions; vitest's own 5 s per test would fail first on a busy machine. */
const TEST_TIMEOUT_MS = 60_000;

/** mulberry32: small, fast, good enough to drive a fuzzer. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALIASES = index.aliases.map(([text]) => text);
/** Characters that break naive text code: surrogate halves, joiners, bidi controls, combining marks, case traps. */
const STRANGE = [
  '\ud800',
  '\udfff',
  '\ud83c\udde6\ud83c\uddff',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u202e',
  '\u2066',
  '\ufeff',
  '\u00ad',
  '\u0301',
  '\u0307',
  '\u0000',
  '\r\n',
  '\t',
  '\u00a0',
  '\u2028',
  '\u3000',
  'İ',
  'ı',
  'ß',
  'ẞ',
  'Ǆ',
  'ﬁ',
  'Σ',
  'ς',
  'Ё',
  'ё',
  'ә',
  'Ә',
  'ğ',
  'ş',
  '-',
  '–',
  '—',
  '’',
  "'",
  '.',
  ',',
  '(',
  ')',
  '"',
  '«',
  '»',
  '$',
  '\\',
  '/',
  '*',
];

function randomText(random: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const target = Math.floor(random() * MAX_RANDOM_LENGTH);
  let text = '';
  while (text.length < target) {
    const r = random();
    if (r < 0.25) text += pick(ALIASES);
    else if (r < 0.35) {
      // An alias cut, re-cased, or with a strange character inside.
      const alias = pick(ALIASES);
      const k = Math.floor(random() * (alias.length + 1));
      const variant = random() < 0.5 ? alias.slice(0, k) : alias.slice(0, k) + pick(STRANGE) + alias.slice(k);
      text += random() < 0.3 ? variant.toUpperCase() : random() < 0.5 ? variant.toLowerCase() : variant;
    } else if (r < 0.55) text += pick(STRANGE);
    else if (r < 0.65) text += String.fromCharCode(Math.floor(random() * 0x10000));
    else text += ' ' + 'abcdefghijklmnopqrstuvwxyz'.slice(0, 1 + Math.floor(random() * 12)) + ' ';
  }
  return text.slice(0, target);
}

/**
 * The contract of `find`: sorted, non-overlapping, inside the text, pointing at real entities and aliases.
 * Plain checks and one assertion: hundreds of thousands of `expect` calls would cost more than the matching.
 */
function expectWellFormed(text: string, matches: Match[]): void {
  let previousEnd = 0;
  let problem: string | null = null;
  for (const m of matches) {
    if (!Number.isInteger(m.start) || !Number.isInteger(m.end)) problem = 'offsets not integers';
    else if (m.start < previousEnd) problem = 'overlapping or unsorted';
    else if (m.end <= m.start || m.end > text.length) problem = 'outside the text';
    else if (index.entities[m.entity] === undefined) problem = 'unknown entity';
    else if (index.aliases[m.alias]?.[1] !== m.entity) problem = 'alias of another entity';
    if (problem) {
      problem = `${problem}: ${JSON.stringify(m)} in ${JSON.stringify(text.slice(Math.max(0, m.start - 20), m.end + 20))}`;
      break;
    }
    previousEnd = m.end;
  }
  expect(problem).toBeNull();
}

/** The CPU time `work` took in this process, in ms (user and system): waiting for a busy core does not count. */
function timed<T>(work: () => T): [T, number] {
  const started = process.cpuUsage();
  const result = work();
  const { user, system } = process.cpuUsage(started);
  return [result, (user + system) / 1000];
}

/** The cheapest of three runs: a busy machine only ever adds cost (caches, frequency), so the minimum is honest. */
const cheapest = (work: () => unknown) => Math.min(...[0, 1, 2].map(() => timed(work)[1]));

/** The cost of one linear pass over the texts: folding them, as the matcher does first. */
const linearPass = (texts: readonly string[]) => cheapest(() => texts.forEach((text) => foldText(text)));

describe('matcher fuzz', () => {
  it(
    `${RANDOM_CASES} random texts (seed ${SEED}): no exception, well-formed matches, bounded time`,
    () => {
      const random = rng(SEED);
      const texts = Array.from({ length: RANDOM_CASES }, () => randomText(random));
      let found = 0;
      for (const text of texts) {
        const matches: Match[] = matcher.find(text);
        expectWellFormed(text, matches);
        found += matches.length;
      }
      const matching = cheapest(() => texts.forEach((text) => matcher.find(text)));
      const folding = linearPass(texts);
      console.info(
        `[fuzz] ${RANDOM_CASES} texts, ${found} matches, ${matching.toFixed(0)} ms CPU (folding: ${folding.toFixed(0)} ms)`,
      );
      expect(found).toBeGreaterThan(RANDOM_CASES); // the texts are full of names: a matcher finding none is broken
      expect(matching).toBeLessThan(folding * LINEAR_PASS_FACTOR + 5);
    },
    TEST_TIMEOUT_MS,
  );

  it('every alias alone is found as itself', () => {
    const owners = new Map<string, Set<number>>();
    for (const [alias, entity] of index.aliases)
      owners.set(foldAlias(alias), (owners.get(foldAlias(alias)) ?? new Set()).add(entity));
    for (const [i, [alias, entity, flags]] of index.aliases.entries()) {
      if (flags & 2) continue; // `near` aliases need an unambiguous mention close by
      if (owners.get(foldAlias(alias))!.size > 1) continue; // a surname two people share: evidence decides
      const matches = matcher.find(` ${alias} `);
      expectWellFormed(` ${alias} `, matches);
      expect(
        matches.some((m) => m.entity === entity),
        `alias ${i} "${alias}"`,
      ).toBe(true);
    }
  });

  const MB = 1_000_000;
  it.each([
    ['one letter repeated', () => 'a'.repeat(MB)],
    ['one space repeated', () => ' '.repeat(MB)],
    ['lone surrogates', () => '\ud800'.repeat(MB / 2) + '\udc00'.repeat(MB / 2)],
    ['combining marks', () => 'e\u0301'.repeat(MB / 2)],
    ['an alias prefix repeated', () => 'Ilham '.repeat(MB / 6)],
    ['a name repeated without spaces', () => 'Baku'.repeat(MB / 4)],
    [
      'names back to back',
      () =>
        ALIASES.join(' ')
          .repeat(Math.ceil(MB / ALIASES.join(' ').length))
          .slice(0, MB),
    ],
    [
      'names glued by hyphens',
      () =>
        ALIASES.join('-')
          .repeat(Math.ceil(MB / ALIASES.join('-').length))
          .slice(0, MB),
    ],
    ['dotless and dotted i', () => 'İıIi '.repeat(MB / 5)],
    [
      'every BMP code unit',
      () =>
        Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c))
          .join('')
          .repeat(15),
    ],
  ])(
    'adversarial: %s (1 MB)',
    (_what, make) => {
      const text = make();
      const [matches, ms] = timed(() => matcher.find(text));
      const folding = linearPass([text]);
      console.info(
        `[fuzz] ${_what}: ${matches.length} matches in ${ms.toFixed(0)} ms CPU (folding: ${folding.toFixed(0)} ms)`,
      );
      expectWellFormed(text, matches);
      expect(ms).toBeLessThan(folding * LINEAR_PASS_FACTOR + 5);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'time grows linearly with the text (no quadratic path)',
    () => {
      const unit = ALIASES.slice(0, 200).join(' x ');
      const small = unit.repeat(Math.ceil(200_000 / unit.length));
      const large = small.repeat(4);
      matcher.find(small); // warm up
      const t1 = cheapest(() => matcher.find(small));
      const t4 = cheapest(() => matcher.find(large));
      console.info(`[fuzz] ${small.length} chars: ${t1.toFixed(0)} ms CPU; ${large.length} chars: ${t4.toFixed(0)} ms`);
      // Four times the text: well under sixteen times the cost (quadratic), with slack for a noisy machine.
      expect(t4).toBeLessThan(t1 * 10 + 50);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'folding never throws on hostile input',
    () => {
      const random = rng(SEED + 1);
      for (let i = 0; i < 500; i++) expect(() => foldText(randomText(random))).not.toThrow();
      for (const bad of [undefined, null, 42, {}] as unknown[]) expect(matcher.find(bad as string)).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );
});
