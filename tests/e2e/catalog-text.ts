/**
 * The interface's words as the extension shows them in English (the test browsers run in English): assertions on
 * what a reader sees read the catalog (`_locales/en/messages.json`) through the extension's own substitution rules,
 * so a message reworded in the catalog changes no test, and a view that shows anything but the catalog's sentence
 * fails.
 */
import { readFileSync } from 'node:fs';
import { messageParts, type Catalog } from '../../lib/i18n/catalog';
import type { MessageKey, PluralKey } from '../../lib/i18n/translator';

const EN = JSON.parse(readFileSync(new URL('../../_locales/en/messages.json', import.meta.url), 'utf8')) as Catalog;
const NUMBER = new Intl.NumberFormat('en');
const PLURAL = new Intl.PluralRules('en');
const sub = (s: string | number) => (typeof s === 'number' ? NUMBER.format(s) : s);

function entry(key: string) {
  const found = EN[key];
  if (!found) throw new Error(`no message ${key} in the English catalog`);
  return found;
}

/** The English message `key` with its placeholders filled, as `t()` gives it. */
export const enText = (key: MessageKey, ...subs: (string | number)[]): string =>
  messageParts(entry(key), subs.map(sub)).join('');

/** The English plural message `base` for `count`, as `tp()` gives it. */
export const enPlural = (base: PluralKey, count: number, ...subs: (string | number)[]): string =>
  messageParts(entry(`${base}_${PLURAL.select(count)}`), [count, ...subs].map(sub)).join('');

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A pattern for a text that contains `text`. */
export const containing = (text: string): RegExp => new RegExp(escape(text));
/** A pattern for exactly `text`. */
export const exactly = (text: string): RegExp => new RegExp(`^${escape(text)}$`);
