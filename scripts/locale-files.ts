/**
 * The interface's catalogs as the package carries them: each `_locales/<lang>/messages.json` with its messages and
 * placeholders only (the descriptions are notes for translators), minified. Read by wxt.config.ts's
 * `build:publicAssets` hook; the browser reads them for the manifest and commands, the extension for everything else
 * (browser/interface-text.ts).
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Catalog } from '../lib/i18n/catalog';

const LOCALES_DIR = fileURLToPath(new URL('../_locales', import.meta.url));

export function localeFiles(): { relativeDest: string; contents: string }[] {
  return readdirSync(LOCALES_DIR)
    .filter((lang) => existsSync(join(LOCALES_DIR, lang, 'messages.json')))
    .map((lang) => {
      const catalog = JSON.parse(readFileSync(join(LOCALES_DIR, lang, 'messages.json'), 'utf8')) as Catalog;
      const shipped: Catalog = {};
      for (const [key, { message, placeholders }] of Object.entries(catalog))
        shipped[key] = placeholders ? { message, placeholders } : { message };
      return { relativeDest: `_locales/${lang}/messages.json`, contents: JSON.stringify(shipped) };
    });
}
