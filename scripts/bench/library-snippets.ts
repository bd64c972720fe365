/**
 * Realistic snippets for the library's benchmark, screenshots and end-to-end tests: the fact base's verbatim quotes
 * (as a reader would save them from the source articles), with the entities the matcher finds in them, as the
 * background would record them. Deterministic: the same `n` gives the same records. Page addresses use the
 * reserved `.example` domain: the articles exist, these URLs do not.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AliasIndex, FactBase } from '../../lib/factbase/types';
import { createMatcher } from '../../lib/matcher/index';
import { quoteSelectorAt } from '../../lib/snippets/quote-selector';
import type { Snippet } from '../../lib/snippets/types';

const root = fileURLToPath(new URL('../../', import.meta.url));
const TAGS = ['energy', 'security', 'transport', 'diplomacy', 'to verify', 'chapter 3', 'Middle Corridor', 'gas'];
const NOTES = [
  'Compare with the 2021 figures.',
  'Good opening quote for the briefing.',
  'Source is partisan; find a second one.',
  'Date? The article is vague here.',
  'Cite in the Caspian transit section.',
];
const DAY_MS = 86_400_000;
/** Short, readable stand-in hosts per source (the `.example` domain is reserved for exactly this). */
const SITES: Record<string, string> = {
  'ne-pan-turanism': 'newsexplained.example',
  'ne-strategic-ally': 'newsexplained.example',
  'collinsworth-middle-corridor': 'eurasia-review.example',
  'silk-road-2024': 'silkroadstudies.example',
  'bayramov-tokayev-visit': 'caspian-news.example',
};

/** Small deterministic PRNG (mulberry32), so every run builds the same library. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuid(rand: () => number): string {
  const hex = [...Array(32)].map(() => Math.floor(rand() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function realisticSnippets(n: number, now = Date.UTC(2025, 5, 1, 9, 30)): Snippet[] {
  const factBase = JSON.parse(readFileSync(`${root}data/factbase.json`, 'utf8')) as FactBase;
  const aliasIndex = JSON.parse(readFileSync(`${root}data/alias-index.json`, 'utf8')) as AliasIndex;
  const matcher = createMatcher(aliasIndex);
  const sources = new Map(factBase.sources.map((s) => [s.id, s]));
  const quotes = factBase.entities.flatMap((e) =>
    e.facts.map((f) => ({ quote: f.quote, source: sources.get(f.source)! })),
  );
  const unique = [...new Map(quotes.map((q) => [q.quote, q])).values()].filter((q) => q.source);
  const rand = random(42);
  const out: Snippet[] = [];
  let t = now;
  for (let i = 0; i < n; i++) {
    const { quote, source } = unique[i % unique.length]!;
    const site = SITES[source.id] ?? 'journal.example';
    const slug = source.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .slice(0, 60)
      .replace(/-$/, '');
    const entityIds = [...new Set(matcher.find(quote).map((m) => aliasIndex.entities[m.entity]![0]))];
    t -= Math.floor(rand() * 3 * DAY_MS * (n > 100 ? 0.05 : 1)) + 60_000;
    const tags = rand() < 0.45 ? [TAGS[Math.floor(rand() * TAGS.length)]!] : [];
    if (rand() < 0.15) tags.push(TAGS[Math.floor(rand() * TAGS.length)]!);
    const note = rand() < 0.3 ? NOTES[Math.floor(rand() * NOTES.length)]! : '';
    const page = `… ${quote} …`;
    const selector = quoteSelectorAt(page, 2, 2 + quote.length);
    out.push({
      id: uuid(rand),
      text: quote,
      url: `https://${site}/${source.date?.slice(0, 4) ?? 'archive'}/${slug}${i >= unique.length ? `?copy=${Math.floor(i / unique.length)}` : ''}`,
      title: source.title,
      createdAt: t,
      updatedAt: note ? t + 3_600_000 : t,
      selector,
      entityIds,
      note,
      tags: [...new Set(tags)],
    });
  }
  return out;
}
