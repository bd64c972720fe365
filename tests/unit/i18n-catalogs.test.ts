/**
 * The interface's catalogs (`_locales/<lang>/messages.json`) against each other and against the code: a key missing
 * from a language, a key no code uses, or a translation whose placeholders differ from English fails here. Plural
 * groups must have exactly the forms Intl.PluralRules gives the language.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { placeholdersUsed, pluralKeyParts, type Catalog } from '~/lib/i18n/catalog';
import { LANGUAGES } from '~/lib/i18n/languages';
import { standpointKey } from '~/lib/i18n/standpoints';
import { singularStance } from '~/components/card/card-model';
import type { FactBase } from '~/lib/factbase/types';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const LOCALES = join(ROOT, '_locales');
const read = (lang: string) => JSON.parse(readFileSync(join(LOCALES, lang, 'messages.json'), 'utf8')) as Catalog;

/**
 * The languages that must have every key. The others may lack keys while their translation is under way (the
 * interface then shows English for those), but never have a key English lacks or placeholders that differ.
 */
const COMPLETE: readonly string[] = ['en', 'tr', 'ru', 'kk', 'uz', 'az'];

const en = read('en');
const catalogs = Object.fromEntries(
  LANGUAGES.filter((l) => existsSync(join(LOCALES, l, 'messages.json'))).map((l) => [l, read(l)]),
) as Record<string, Catalog>;

/** The keys as the code asks for them: plural groups by their base. */
const askedFor = (key: string) => pluralKeyParts(key)?.base ?? key;

/** The source files that may look up interface text. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}
const CODE_DIRS = ['components', 'entrypoints', 'browser', 'page', 'lib'];
const code = new Map(
  [...CODE_DIRS.flatMap((d) => sources(join(ROOT, d))), join(ROOT, 'wxt.config.ts')].map((f) => [
    f,
    readFileSync(f, 'utf8'),
  ]),
);

/**
 * The keys of the fact base's standpoint words (lib/i18n/standpoints.ts): asked for by a key made from the words, so
 * the code never names them. A source's standpoint as written and as said under one quote, and each missing one.
 */
const factBase = JSON.parse(readFileSync(join(ROOT, 'data', 'factbase.json'), 'utf8')) as FactBase;
const standpointKeys = new Set([
  ...factBase.sources.flatMap((s) =>
    s.stance ? [standpointKey(s.stance), standpointKey(singularStance(s.stance))] : [],
  ),
  ...factBase.entities.flatMap((e) => (e.missingStandpoints ?? []).map((m) => standpointKey(m, 'cardStanceMissing'))),
]);

describe('interface catalogs', () => {
  it('every interface language has its catalog, and the complete ones have every English key', () => {
    for (const lang of COMPLETE) expect(Object.keys(catalogs), lang).toContain(lang);
    for (const lang of COMPLETE) {
      const expected = Object.keys(en)
        .filter((k) => !pluralKeyParts(k))
        .sort();
      const actual = Object.keys(catalogs[lang]!)
        .filter((k) => !pluralKeyParts(k))
        .sort();
      expect(actual, lang).toEqual(expected);
    }
  });

  it('keys are names the browser accepts, each once whatever its case, with a note for translators in English', () => {
    for (const [lang, catalog] of Object.entries(catalogs)) {
      const lower = new Set<string>();
      for (const key of Object.keys(catalog)) {
        expect(key, lang).toMatch(/^[a-z][A-Za-z0-9]*(?:_(?:zero|one|two|few|many|other))?$/);
        expect(lower.has(key.toLowerCase()), `${lang}: ${key} twice`).toBe(false);
        lower.add(key.toLowerCase());
        expect(catalog[key]!.message, `${lang}: ${key}`).toBeTruthy();
      }
    }
    for (const [key, entry] of Object.entries(en)) expect(entry.description, key).toBeTruthy();
  });

  it('the manifest’s description fits the stores’ 132 characters in every language', () => {
    for (const [lang, catalog] of Object.entries(catalogs))
      expect([...(catalog.extDescription?.message ?? '')].length, lang).toBeLessThanOrEqual(132);
  });

  it('no language has a key English lacks', () => {
    const bases = new Set(Object.keys(en).map(askedFor));
    for (const [lang, catalog] of Object.entries(catalogs))
      for (const key of Object.keys(catalog)) expect(bases.has(askedFor(key)), `${lang}: ${key}`).toBe(true);
  });

  it('plural groups have exactly the forms of the language’s plural rules', () => {
    const bases = [...new Set(Object.keys(en).flatMap((k) => pluralKeyParts(k)?.base ?? []))];
    expect(bases.length).toBeGreaterThan(0);
    for (const [lang, catalog] of Object.entries(catalogs)) {
      const categories = [...new Intl.PluralRules(lang).resolvedOptions().pluralCategories].sort();
      for (const base of bases) {
        const forms = Object.keys(catalog)
          .filter((k) => pluralKeyParts(k)?.base === base)
          .map((k) => pluralKeyParts(k)!.category)
          .sort();
        if (!forms.length && !COMPLETE.includes(lang)) continue;
        expect(forms, `${lang}: ${base}`).toEqual(categories);
      }
    }
  });

  it('a translation uses the same placeholders as English, declared the same way', () => {
    for (const [lang, catalog] of Object.entries(catalogs)) {
      for (const [key, entry] of Object.entries(catalog)) {
        const plural = pluralKeyParts(key);
        const source = plural ? en[`${plural.base}_other`] : en[key];
        if (!source) continue;
        const declared = (e: typeof entry) =>
          Object.fromEntries(Object.entries(e.placeholders ?? {}).map(([k, v]) => [k.toLowerCase(), v.content]));
        expect(declared(entry), `${lang}: ${key}`).toEqual(declared(source));
        const used = new Set(placeholdersUsed(entry.message));
        for (const name of used) expect(Object.keys(declared(entry)), `${lang}: ${key} uses $${name}$`).toContain(name);
        // A plural form may leave out its count ("one snippet"); every other placeholder is said in every language.
        const count = plural ? Object.entries(declared(source)).find(([, c]) => c === '$1')?.[0] : undefined;
        const expected = placeholdersUsed(source.message).filter((n) => n !== count);
        for (const name of expected) expect(used.has(name), `${lang}: ${key} lacks $${name}$`).toBe(true);
        // Positional `$1` bypasses the names translators see: the catalogs use named placeholders only.
        expect(entry.message, `${lang}: ${key}`).not.toMatch(/(?<!\$)\$[1-9]/);
      }
    }
  });

  it('every key is used by the code, and every key the code names exists', () => {
    const all = [...code.values()].join('\n');
    const unused = [...new Set(Object.keys(en).map(askedFor))].filter(
      (key) => !standpointKeys.has(key) && !new RegExp(`['"\`]${key}['"\`]|__MSG_${key}__`).test(all),
    );
    expect(unused).toEqual([]);
    const named = [...all.matchAll(/__MSG_(\w+)__|getMessage\('(\w+)'\)/g)].map((m) => m[1] ?? m[2]!);
    for (const key of named) expect(en[key], key).toBeDefined();
  });

  it('every standpoint the fact base names has its words, and every standpoint key is one the fact base names', () => {
    expect(standpointKeys.size).toBeGreaterThan(5);
    for (const key of standpointKeys) expect(en[key], `${key}: add it to every catalog`).toBeDefined();
    for (const key of Object.keys(en).filter((k) => k.startsWith('cardStance')))
      expect(standpointKeys.has(key), `${key} is no standpoint of the fact base`).toBe(true);
  });

  it('the card’s code asks only for card keys, which the background hands to the page with the card', () => {
    const cardFiles = [...code.keys()].filter((f) =>
      /\/(components\/card|page)\/|components\/own\/OwnSection\.tsx$/.test(f),
    );
    expect(cardFiles.length).toBeGreaterThan(3);
    for (const file of cardFiles) {
      for (const m of code.get(file)!.matchAll(/\bt(?:p|Parts)?\(\s*'(\w+)'/g))
        expect(m[1], `${file}: ${m[1]}`).toMatch(/^card[A-Z]/);
    }
  });
});
