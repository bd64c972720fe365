/**
 * The interface languages and how the one in use is chosen: the reader's setting, else the browser's language, else
 * English. Pure: the caller passes the browser's languages in.
 */

/** The languages the interface is written in (`_locales/<code>/messages.json`); English is the fallback. */
export const LANGUAGES = ['en', 'tr', 'ru', 'az', 'kk', 'uz'] as const;
type Language = (typeof LANGUAGES)[number];

/**
 * The pseudo-locale: English made longer, accented and right-to-left, to show layouts that break on another
 * language. Offered in the test build only (the options page and scripts/screenshots.ts); see pseudo.ts.
 */
export const PSEUDO = 'x-pseudo';

/** What the settings store: follow the browser, or one language. */
export type LanguageSetting = 'auto' | Language | typeof PSEUDO;
export const LANGUAGE_SETTINGS: readonly LanguageSetting[] = ['auto', ...LANGUAGES, PSEUDO];

/** Each language's name in itself, for the language menu (never translated: a reader finds their own). */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  tr: 'Türkçe',
  ru: 'Русский',
  az: 'Azərbaycanca',
  kk: 'Қазақша',
  uz: 'O‘zbekcha',
};

const isLanguage = (s: string): s is Language => (LANGUAGES as readonly string[]).includes(s);

/**
 * The interface language for `setting`: the chosen one, or the first of the browser's `preferred` languages
 * (BCP 47 tags as `i18n.getUILanguage()` and `navigator.languages` give them, `tr-TR`, `uz-Latn-UZ`, `en_US`) that
 * the interface is written in, else English.
 */
export function resolveLanguage(
  setting: LanguageSetting,
  preferred: readonly (string | undefined)[],
): Language | typeof PSEUDO {
  if (setting !== 'auto') return setting;
  for (const tag of preferred) {
    const primary = tag?.toLowerCase().split(/[-_]/)[0] ?? '';
    // Uzbek in Cyrillic is a different written language from the Latin interface: English is nearer to nobody, so
    // the Latin one is still the better guess for a reader who asked for Uzbek.
    if (isLanguage(primary)) return primary;
  }
  return 'en';
}

/** The writing direction of an interface language: all six are left-to-right; the pseudo-locale is not. */
export const directionOf = (lang: string): 'ltr' | 'rtl' => (lang === PSEUDO ? 'rtl' : 'ltr');
