/**
 * Formats the background prepares for a card (lib/i18n/card-text.ts, translator.ts's PreparedFormats): with them, a
 * card renders in a page without making any Intl object but PluralRules, the first of which costs the page's renderer
 * 45-195 ms in Chromium (issue 17), and says exactly what it said with Intl, in every interface language.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { h, render, type ComponentChild } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import factBase from '../../data/factbase.json';
import type { FactBase } from '../../lib/factbase/types';
import { createFactBaseStore } from '../../lib/factbase/factbase-store';
import { EntityCard } from '../../components/card/EntityCard';
import { cardFormats } from '~/lib/i18n/card-text';
import type { Catalog } from '~/lib/i18n/catalog';
import { LANGUAGES, PSEUDO } from '~/lib/i18n/languages';
import { pseudoCatalog } from '~/lib/i18n/pseudo';
import {
  formatIsoDate,
  formatList,
  installFormats,
  prepareFormats,
  setInterfaceText,
  t,
  type InterfaceText,
} from '~/lib/i18n/translator';

const catalog = (lang: string) =>
  JSON.parse(readFileSync(new URL(`../../_locales/${lang}/messages.json`, import.meta.url), 'utf8')) as Catalog;
const en = catalog('en');
const textFor = (lang: string): InterfaceText =>
  lang === PSEUDO ? { lang, messages: pseudoCatalog(en) } : { lang, messages: catalog(lang), fallback: en };
afterEach(() => setInterfaceText({ lang: 'en', messages: en }));

const store = createFactBaseStore(factBase as unknown as FactBase);
const entities = (factBase as unknown as FactBase).entities;

/**
 * Runs `fn` with every Intl service but PluralRules unusable, and String.prototype.localeCompare too: a formatter
 * made earlier and kept (the translator keeps them) fails as well as a new one would.
 */
function withoutIntl<T>(fn: () => T): T {
  const saved: [object, string, PropertyDescriptor][] = [];
  const block = (owner: object, name: string) => {
    saved.push([owner, name, Object.getOwnPropertyDescriptor(owner, name)!]);
    Object.defineProperty(owner, name, {
      configurable: true,
      get() {
        throw new Error(`the card used ${name}`);
      },
    });
  };
  for (const name of ['DateTimeFormat', 'NumberFormat', 'ListFormat', 'DisplayNames', 'Collator'] as const) {
    const proto = Intl[name].prototype as object;
    for (const method of ['format', 'formatToParts', 'of', 'compare'])
      if (Object.getOwnPropertyDescriptor(proto, method)) block(proto, method);
    block(Intl, name);
  }
  block(String.prototype, 'localeCompare');
  block(Number.prototype, 'toLocaleString');
  block(Date.prototype, 'toLocaleDateString');
  try {
    return fn();
  } finally {
    for (const [owner, name, descriptor] of saved.reverse()) Object.defineProperty(owner, name, descriptor);
  }
}

/** The markup a card renders (Preact renders into a linkedom document, put in place as `document` meanwhile). */
function markup(card: ComponentChild): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const global = globalThis as { document?: unknown };
  global.document = document;
  try {
    const root = document.createElement('div');
    render(card, root);
    const out = root.toString();
    render(null, root);
    return out;
  } finally {
    delete global.document;
  }
}

describe('numbers without NumberFormat', () => {
  it('a whole number below a thousand is its plain digits in every interface language', () => {
    for (const lang of [...LANGUAGES, 'en-GB'])
      for (let n = 0; n < 1000; n++) expect(new Intl.NumberFormat(lang).format(n), `${lang} ${n}`).toBe(String(n));
  });
  it('larger numbers and fractions are still grouped by Intl', () => {
    setInterfaceText(textFor('ru'));
    const said = t('cardParagraph', 12345);
    expect(said).toContain(new Intl.NumberFormat('ru').format(12345));
  });
});

describe('prepared formats', () => {
  it('are ignored in another interface language', () => {
    setInterfaceText(textFor('ru'));
    const russian = formatIsoDate('2022-08-16');
    setInterfaceText(textFor('en'));
    const english = prepareFormats(['2022-08-16'], []);
    expect(english.dates['2022-08-16']).not.toBe(russian);
    setInterfaceText(textFor('ru'));
    installFormats(english);
    expect(formatIsoDate('2022-08-16')).toBe(russian);
  });
  it('lists of every length read as Intl writes them, longer ones than prepared from Intl itself', () => {
    for (const lang of [...LANGUAGES, PSEUDO]) {
      setInterfaceText(textFor(lang));
      const items = ['Anna', 'Bek', 'Cem', 'Dana', 'Emin', 'Fuad'];
      const plain = items.map((_, n) =>
        ['conjunction', 'disjunction'].map((k) => formatList(items.slice(0, n + 1), k as 'conjunction')),
      );
      installFormats(prepareFormats([], []));
      const prepared = items.map((_, n) =>
        ['conjunction', 'disjunction'].map((k) =>
          n < 4
            ? withoutIntl(() => formatList(items.slice(0, n + 1), k as 'conjunction'))
            : formatList(items.slice(0, n + 1), k as 'conjunction'),
        ),
      );
      expect(prepared, lang).toEqual(plain);
    }
  });

  // Each entity's card as a page shows it: named by its last alias (another script or spelling, so "why this matched"
  // names languages and sources), with namesakes on every fifth, and an article date.
  it.each([...LANGUAGES, PSEUDO])('a card renders the same without Intl as with it (%s)', (lang) => {
    const asOf = '2023-09-20';
    // A third of them keeps the file to a few seconds; each kind of card is among them.
    const cards = entities.flatMap((e, i) => {
      if (i % 3) return [];
      const details = store.details(e.id)!;
      const others = i % 5 ? [] : entities.slice(i + 1, i + 3).map((o) => ({ id: o.id, name: o.name }));
      return {
        id: e.id,
        details,
        props: { matchedText: e.aliases.at(-1)?.text, namesakes: others, asOf, actions: { onClose() {}, onSave() {} } },
      };
    });
    setInterfaceText(textFor(lang));
    const plain = cards.map(({ details, props }) => markup(h(EntityCard, { details, ...props })));
    const prepared = cards.map(({ details, props }) => {
      const formats = cardFormats(details, asOf);
      installFormats(formats);
      return withoutIntl(() => markup(h(EntityCard, { details, ...props })));
    });
    // The parts that format: why it matched (languages, sources), namesakes, a timeline with dates, citations.
    for (const part of ['lens-why', 'lens-namesakes', 'lens-events', 'lens-views-missing', 'lens-attr-meta'])
      expect(plain.filter((card) => card.includes(part)).length, part).toBeGreaterThan(3);
    for (const [i, card] of prepared.entries()) expect(card, cards[i]!.id).toBe(plain[i]);
  });
});
