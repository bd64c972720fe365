/**
 * The interface glossary (`_locales/GLOSSARY.md`) against the catalogs: one term per concept in every language.
 *
 * What the glossary's shape lets a test check honestly: its tables give each concept's words in the six languages,
 * but a word inside a sentence is inflected (Turkish "kaynak" → "kaynağı", Russian "пометка" → "пометок"), so a
 * search for it in sentences would test a stemmer, not the translation. A message that *is* a glossary term in
 * English (a button, a heading, a type: "Undo", "Why this matched", "Pipeline") has no sentence around it: its
 * translation must be the glossary's term, or begin with it (a question particle or a light verb may follow:
 * "Bu değil mi?" for "Not this?", "İdxal et…" for "Import…"). And the glossary's rule for Uzbek's letters, which a
 * catalog or a store listing can break anywhere.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '~/lib/i18n/catalog';
import { LANGUAGES } from '~/lib/i18n/languages';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const read = (lang: string) =>
  JSON.parse(readFileSync(join(ROOT, '_locales', lang, 'messages.json'), 'utf8')) as Catalog;
const catalogs = Object.fromEntries(LANGUAGES.map((l) => [l, read(l)])) as Record<string, Catalog>;
const glossary = readFileSync(join(ROOT, '_locales', 'GLOSSARY.md'), 'utf8');

/**
 * The glossary's terms, each as its words in LANGUAGES' order: every row of a table headed `| en | tr | … |`, with
 * notes in brackets dropped ("card (the hover card)" → "card") and paired terms split ("Pause / Resume").
 */
function glossaryTerms(markdown: string): string[][] {
  const header = `| ${LANGUAGES.join(' | ')} |`;
  const terms: string[][] = [];
  let inTable = false;
  for (const line of markdown.split('\n')) {
    if (line.trim() === header) {
      inTable = true;
      continue;
    }
    if (!line.startsWith('|')) inTable = false;
    if (!inTable || /^\|[-| ]+\|$/.test(line.trim())) continue;
    const cells = line
      .trim()
      .slice(1, -1)
      .split('|')
      .map((cell) => cell.replace(/\s*\([^)]*\)/g, '').trim());
    const parts = cells.map((cell) => cell.split(' / '));
    const count = parts[0]!.length;
    for (let i = 0; i < count; i++) terms.push(parts.map((p) => (p.length === count ? p[i]! : p[0]!)));
  }
  return terms;
}

/** A label as compared: without its closing punctuation ("Not this?", "Export…", "On this page:"), lower case. */
const normal = (text: string, lang: string) =>
  text
    .trim()
    .replace(/[?…:.!]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLocaleLowerCase(lang);

/**
 * Keys the glossary itself exempts, by what it says of them: on the card's action row "Save snippet" is the verb
 * alone (the glossary's note under its product table), so the translation is one word of the term.
 */
const VERB_ALONE = new Set(['cardSaveSnippet']);

const terms = glossaryTerms(glossary);

describe('interface glossary', () => {
  it('is read as tables of six languages, with the terms the tests below rely on', () => {
    expect(terms.length).toBeGreaterThan(50);
    for (const term of terms) expect(term, term[0]).toHaveLength(LANGUAGES.length);
    const english = terms.map((t) => t[0]);
    for (const expected of ['card', 'Why this matched', 'Pause', 'Resume', 'pipeline', 'Central Asia'])
      expect(english).toContain(expected);
  });

  it('a message that is a glossary term in English is the glossary term in every language', () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const [key, entry] of Object.entries(catalogs.en!)) {
      const term = terms.find((t) => normal(t[0]!, 'en') === normal(entry.message, 'en'));
      if (!term) continue;
      for (const [i, lang] of LANGUAGES.entries()) {
        if (lang === 'en') continue;
        const message = catalogs[lang]![key]?.message;
        if (message === undefined) continue; // a missing key is i18n-catalogs.test's to report
        const said = normal(message, lang);
        const expected = normal(term[i]!, lang);
        const words = expected.split(' ');
        const ok = VERB_ALONE.has(key) ? words.includes(said) : said.startsWith(expected);
        checked++;
        if (!ok) wrong.push(`${lang} ${key}: "${message}", the glossary says "${term[i]}" (en "${term[0]}")`);
      }
    }
    expect(checked).toBeGreaterThan(200);
    expect(wrong).toEqual([]);
  });

  it('Uzbek writes o‘ and g‘ with U+2018 and the apostrophe as U+2019, never ASCII or the modifier letters', () => {
    const listing = readFileSync(join(ROOT, 'store', 'listings', 'uz.md'), 'utf8');
    const texts = [
      ...Object.entries(catalogs.uz!).map(([key, entry]) => [key, entry.message] as const),
      ['store/listings/uz.md', listing] as const,
    ];
    // ASCII ' and `, and the look-alikes U+02BB/U+02BC (ʻ ʼ) that some Uzbek keyboards type.
    const wrong = texts.flatMap(([where, text]) =>
      [...text.matchAll(/\S*['`ʻʼ]\S*/gu)].map((m) => `${where}: ${m[0]}`),
    );
    expect(wrong).toEqual([]);
    expect(listing).toMatch(/o‘/u);
  });
});
