/** The interface-text lookup (lib/i18n): substitutions as the browser does them, plurals, fallbacks, the choice of language. */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { messageParts, pluralKeyParts, type Catalog } from '~/lib/i18n/catalog';
import { resolveLanguage, directionOf, PSEUDO } from '~/lib/i18n/languages';
import { pseudoCatalog, pseudoMessage } from '~/lib/i18n/pseudo';
import {
  digitDateOptions,
  formatDate,
  formatIsoDate,
  formatNumber,
  interfaceLanguage,
  setInterfaceText,
  t,
  tp,
  tParts,
} from '~/lib/i18n/translator';
import type { MessageKey, PluralKey } from '~/lib/i18n/translator';

const en: Catalog = {
  popupOnSite: { message: 'On $site$', placeholders: { site: { content: '$1' } } },
  popupSavedCount_one: { message: '$count$ saved', placeholders: { count: { content: '$1' } } },
  popupSavedCount_other: { message: '$count$ saved (many)', placeholders: { count: { content: '$1' } } },
  popupBack: { message: 'Back' },
};
const ru: Catalog = {
  popupOnSite: { message: 'На $SITE$', placeholders: { Site: { content: '$1' } } },
  popupSavedCount_one: { message: '$count$ фрагмент', placeholders: { count: { content: '$1' } } },
  popupSavedCount_few: { message: '$count$ фрагмента', placeholders: { count: { content: '$1' } } },
  popupSavedCount_many: { message: '$count$ фрагментов', placeholders: { count: { content: '$1' } } },
  popupSavedCount_other: { message: '$count$ фрагмента (дробь)', placeholders: { count: { content: '$1' } } },
};
// The keys above are real ones, so the typed lookup accepts them.
const key = (k: string) => k as MessageKey;
const plural = (k: string) => k as PluralKey;

const english = {
  lang: 'en',
  messages: JSON.parse(readFileSync(new URL('../../_locales/en/messages.json', import.meta.url), 'utf8')) as Catalog,
};
afterEach(() => setInterfaceText(english));

describe('messageParts (the browser’s substitution rules)', () => {
  it('fills named placeholders, matched in any case, and positional ones; $$ is a dollar', () => {
    const entry = { message: 'Pay $$5 to $Who$ $1', placeholders: { who: { content: '$2' } } };
    expect(messageParts(entry, ['a', 'b']).join('')).toBe('Pay $5 to b a');
  });
  it('a placeholder with fixed content says that content; a missing substitution says nothing', () => {
    expect(
      messageParts({ message: '$x$-$y$', placeholders: { x: { content: 'X' }, y: { content: '$3' } } }, []),
    ).toEqual(['X-']);
  });
  it('returns pieces around substitutions that are not text (elements)', () => {
    const el = { el: 1 };
    expect(messageParts(en.popupOnSite!, [el])).toEqual(['On ', el]);
  });
  it('splits plural keys into base and category', () => {
    expect(pluralKeyParts('popupSavedCount_few')).toEqual({ base: 'popupSavedCount', category: 'few' });
    expect(pluralKeyParts('popupBack')).toBeNull();
  });
});

describe('t, tp and formats', () => {
  it('English by default, the key itself when the catalog lacks it', () => {
    setInterfaceText({ lang: 'en', messages: en });
    expect(t(key('popupOnSite'), 'example.com')).toBe('On example.com');
    expect(t(key('popupNoSuchKey'))).toBe('popupNoSuchKey');
  });
  it('falls back to English for a key the language lacks', () => {
    setInterfaceText({ lang: 'ru', messages: ru, fallback: en });
    expect(t(key('popupBack'))).toBe('Back');
    expect(t(key('popupOnSite'), 'example.com')).toBe('На example.com');
    expect(interfaceLanguage()).toBe('ru');
  });
  it('chooses plural forms by Intl.PluralRules of the language, and formats the count', () => {
    setInterfaceText({ lang: 'ru', messages: ru, fallback: en });
    expect([1, 3, 5, 21, 1.5].map((n) => tp(plural('popupSavedCount'), n))).toEqual([
      '1 фрагмент',
      '3 фрагмента',
      '5 фрагментов',
      '21 фрагмент',
      '1,5 фрагмента (дробь)',
    ]);
    setInterfaceText({ lang: 'en', messages: en });
    expect(tp(plural('popupSavedCount'), 1)).toBe('1 saved');
    expect(tp(plural('popupSavedCount'), 1200)).toBe('1,200 saved (many)');
  });
  it('numbers and dates in the interface language', () => {
    setInterfaceText({ lang: 'tr', messages: {} });
    expect(formatNumber(12345.5)).toBe('12.345,5');
    expect(formatDate(Date.UTC(2024, 4, 9), { day: 'numeric', month: 'long', timeZone: 'UTC' })).toBe('9 Mayıs');
    setInterfaceText({ lang: 'kk', messages: {} });
    expect(formatDate(Date.UTC(2024, 4, 9), { month: 'long', timeZone: 'UTC' })).toBe('Мамыр');
  });
  it('where the browser has no month names (Chromium in Kazakh and Uzbek), every date is digits', () => {
    // Chromium's ICU, imitated: Kazakh month names come out as "M05".
    const Real = Intl.DateTimeFormat;
    class ChromiumLike extends Real {
      constructor(locale?: string | string[], options?: Intl.DateTimeFormatOptions) {
        super(locale, options);
        const named = options?.month === 'short' || options?.month === 'long';
        const month = (d?: Date | number) => `M${String(new Date(d!).getUTCMonth() + 1).padStart(2, '0')}`;
        if (String(locale).startsWith('kk') && named)
          Object.defineProperty(this, 'format', {
            value: (d?: Date | number) =>
              this.formatToParts(d)
                .map((p) => (p.type === 'month' ? month(d) : p.value))
                .join(''),
          });
      }
    }
    Intl.DateTimeFormat = ChromiumLike as typeof Intl.DateTimeFormat;
    try {
      setInterfaceText({ lang: 'kk', messages: {} });
      const may28 = Date.UTC(2025, 4, 28, 9, 5);
      // The card and Explore (ISO prefixes at their precision), the popup's latest snippets, the library's dates.
      expect(formatIsoDate('2025-05-28')).toBe('28.05.2025');
      expect(formatIsoDate('2025-05', 'long')).toBe('05.2025');
      expect(formatIsoDate('2025')).toBe('2025');
      expect(formatDate(may28, { day: 'numeric', month: 'short', timeZone: 'UTC' })).toBe('28.05');
      expect(formatDate(may28, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })).toBe('28.05.2025, 09:05');
      // A language with month names keeps them.
      setInterfaceText({ lang: 'ru', messages: {} });
      expect(formatIsoDate('2025-05-28')).toBe('28 мая 2025 г.');
    } finally {
      Intl.DateTimeFormat = Real;
    }
    expect(digitDateOptions({ month: 'long' })).toEqual({ month: '2-digit', year: 'numeric' });
    expect(digitDateOptions({ year: 'numeric', month: 'numeric' })).toEqual({ year: 'numeric', month: 'numeric' });
  });
  it('tParts keeps elements as pieces', () => {
    setInterfaceText({ lang: 'en', messages: en });
    const span = { type: 'span' };
    expect(tParts(key('popupOnSite'), span)).toEqual(['On ', span]);
  });
});

describe('resolveLanguage', () => {
  it('the setting wins; else the first browser language the interface has; else English', () => {
    expect(resolveLanguage('kk', ['tr-TR'])).toBe('kk');
    expect(resolveLanguage('auto', ['de-DE', 'tr-TR'])).toBe('tr');
    expect(resolveLanguage('auto', ['uz-Latn-UZ'])).toBe('uz');
    expect(resolveLanguage('auto', ['ru_RU'])).toBe('ru');
    expect(resolveLanguage('auto', ['fr', undefined])).toBe('en');
    expect(resolveLanguage('auto', [])).toBe('en');
  });
  it('only the pseudo-locale is right-to-left', () => {
    expect(directionOf('ru')).toBe('ltr');
    expect(directionOf(PSEUDO)).toBe('rtl');
  });
});

describe('pseudo-locale', () => {
  it('accents, lengthens and brackets the text and keeps placeholders', () => {
    const p = pseudoMessage('Open $name$ in $1 now');
    expect(p).toMatch(/^\[Ø.*\]$/);
    expect(p).toContain('$name$');
    expect(p).toContain('$1');
    expect(p.length).toBeGreaterThan('Open $name$ in $1 now'.length * 1.3);
    expect(pseudoCatalog(en).popupOnSite!.placeholders).toEqual(en.popupOnSite!.placeholders);
  });
});
