/**
 * The interface's catalogs as this context reads them: the packaged `_locales/<lang>/messages.json` files (the same
 * files the browser reads for the manifest), fetched from the extension's own package, never the network. Chooses
 * the language from the settings and the browser's, installs it for `t()` (lib/i18n/translator.ts) and follows the
 * setting when it changes.
 */
import { browser } from 'wxt/browser';
import type { Catalog } from '~/lib/i18n/catalog';
import { PSEUDO, resolveLanguage, type LanguageSetting } from '~/lib/i18n/languages';
import { pseudoCatalog } from '~/lib/i18n/pseudo';
import {
  interfaceDirection,
  interfaceLocale,
  setInterfaceText,
  t,
  type InterfaceText,
  type MessageKey,
} from '~/lib/i18n/translator';
import { loadSettings, watchSettings } from './settings-storage';

const catalogs = new Map<string, Promise<Catalog>>();

function fetchCatalog(lang: string): Promise<Catalog> {
  let catalog = catalogs.get(lang);
  if (!catalog) {
    // A read of the extension's own package (the privacy test allows `fetch` of `runtime.getURL(…)` only).
    catalog = fetch(browser.runtime.getURL(`/_locales/${lang}/messages.json` as '/')).then(
      (r) => r.json() as Promise<Catalog>,
    );
    catalog.catch(() => catalogs.delete(lang));
    catalogs.set(lang, catalog);
  }
  return catalog;
}

/**
 * The browser's languages: the reader's preferred ones first (`navigator.languages`: Settings → Languages in either
 * browser, which a new profile fills from the interface language), then the browser's interface language. The list
 * comes first because a reader sets it on any system, whereas the interface language follows the system and needs
 * its resources installed (a Chromium without `tr.pak`, a Firefox without the Turkish language pack, stay English).
 */
export function browserLanguages(): string[] {
  return [...(globalThis.navigator?.languages ?? []), browser.i18n.getUILanguage()];
}

/** The catalog for a language setting, with English beneath it for any key it lacks. */
async function interfaceTextFor(setting: LanguageSetting): Promise<InterfaceText> {
  let lang = resolveLanguage(setting, browserLanguages());
  // The pseudo-locale exists in the test build only; a production build reads the setting as English.
  if (lang === PSEUDO && !__LENS_TEST_BUILD__) lang = 'en';
  const english = fetchCatalog('en');
  if (lang === 'en') return { lang, messages: await english };
  if (lang === PSEUDO) return { lang, messages: pseudoCatalog(await english) };
  const [messages, fallback] = await Promise.all([fetchCatalog(lang), english]);
  return { lang, messages, fallback };
}

/** `<html lang dir>` for the interface language, so screen readers and hyphenation follow it. */
function applyLanguageToDocument(doc: Document): void {
  doc.documentElement.lang = interfaceLocale();
  doc.documentElement.dir = interfaceDirection();
}

/**
 * Installs the interface text for the stored language setting and again whenever it changes, calling `installed`
 * after each; resolves once the first is installed. The watch starts before the first read, so a change made
 * meanwhile is never missed.
 */
async function followLanguage(installed: () => void): Promise<void> {
  let setting: LanguageSetting | null = null;
  let latest = 0;
  const install = async (next: LanguageSetting) => {
    const mine = ++latest;
    const text = await interfaceTextFor(next);
    if (mine !== latest) return;
    setInterfaceText(text);
    installed();
  };
  watchSettings((next) => {
    if (next.language === setting) return;
    setting = next.language;
    void install(setting);
  });
  const stored = await loadSettings().catch(() => null);
  if (setting === null) {
    setting = stored?.language ?? 'auto';
    await install(setting);
  }
}

/** For the background: follows the language setting; `onChange` runs after each install (to retitle the menus). */
export const followInterfaceText = (onChange: () => void): Promise<void> => followLanguage(onChange);

/** The interface text installed now (the background hands the card's part of it to pages). */
export { currentInterfaceText } from '~/lib/i18n/translator';

/**
 * The interface text for the language stored now. A page that sees the setting change asks the background for its
 * card's words at once, possibly before the background's own change listener has run (or finished fetching the new
 * catalog): what it installed then is still the old language, and the page would keep it. The stored setting is
 * already the new one when any context hears of the change.
 */
export async function storedInterfaceText(): Promise<InterfaceText> {
  const stored = await loadSettings().catch(() => null);
  return interfaceTextFor(stored?.language ?? 'auto');
}

/**
 * For an extension page, before it renders: installs the interface text for the stored setting and marks the
 * document with its language and, given its key, its title (the static one in index.html is the English fallback);
 * afterwards follows the setting (the page re-renders through onInterfaceTextChange).
 */
export const startInterfaceText = (doc: Document, title?: MessageKey): Promise<void> =>
  followLanguage(() => {
    applyLanguageToDocument(doc);
    if (title) doc.title = t(title);
  });
