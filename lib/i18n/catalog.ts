/**
 * Message catalogs in the browser's own format (`_locales/<lang>/messages.json`, the format `browser.i18n` and the
 * manifest's `__MSG_…__` read), so one file per language is the only source of the interface's words: the
 * manifest and commands are read from it by the browser, everything else by `t()` (translator.ts), which can follow
 * the reader's language setting where `browser.i18n.getMessage` cannot.
 *
 * Plurals: a message counted by a number is a group of keys `<base>_<category>`, one per Intl.PluralRules category
 * of the language (`snippetCount_one`, `snippetCount_other`; Russian adds `_few` and `_many`).
 */

interface CatalogPlaceholder {
  /** `$1`…`$9`: the substitution it stands for. */
  content: string;
  example?: string;
}

interface CatalogEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, CatalogPlaceholder>;
}

export type Catalog = Record<string, CatalogEntry>;

const PLURAL_KEY = /^(.+)_(zero|one|two|few|many|other)$/;

/** `snippetCount_few` → `{ base: 'snippetCount', category: 'few' }`; null for a key that is not a plural form. */
export function pluralKeyParts(key: string): { base: string; category: Intl.LDMLPluralRule } | null {
  const m = PLURAL_KEY.exec(key);
  return m ? { base: m[1]!, category: m[2] as Intl.LDMLPluralRule } : null;
}

/**
 * A message with its substitutions, as the browser does it (Chrome's messages.json rules): `$name$` is the named
 * placeholder's content, in which `$1`…`$9` are the substitutions; `$$` is a dollar sign. Returns the pieces so a
 * substitution may be anything (a string, or an element for a component that renders the pieces); a string-only
 * caller joins them.
 */
export function messageParts<T>(entry: CatalogEntry, subs: readonly T[]): (string | T)[] {
  const out: (string | T)[] = [];
  let text = '';
  const expand = (content: string) => {
    // A placeholder's content is "$1" (a substitution) or fixed text.
    const m = /^\$([1-9])$/.exec(content);
    if (!m) return void (text += content);
    const sub = subs[Number(m[1]) - 1];
    if (sub === undefined) return;
    if (typeof sub === 'string') return void (text += sub);
    if (text) out.push(text);
    text = '';
    out.push(sub);
  };
  const re = /\$\$|\$([A-Za-z0-9_@]+)\$|\$([1-9])/g;
  let last = 0;
  for (let m = re.exec(entry.message); m; m = re.exec(entry.message)) {
    text += entry.message.slice(last, m.index);
    last = re.lastIndex;
    if (m[0] === '$$') text += '$';
    else if (m[2]) expand(`$${m[2]}`);
    else {
      const name = m[1]!.toLowerCase();
      const found = Object.entries(entry.placeholders ?? {}).find(([k]) => k.toLowerCase() === name);
      expand(found ? found[1].content : '');
    }
  }
  text += entry.message.slice(last);
  if (text || !out.length) out.push(text);
  return out;
}

/** The placeholder names a message uses (`$name$`), lower case as the browser compares them. */
export function placeholdersUsed(message: string): string[] {
  return [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase());
}
