/**
 * `t(key, ...subs)`: the interface's words in the interface language, from the catalog the context installed
 * (setInterfaceText). Each context has its own: an extension page loads its catalog before it renders
 * (browser/interface-text.ts), the background keeps one for menus and toasts, and the card's stage in a page gets
 * the card's part of it from the background with the stage itself. Pure: no `browser`, no DOM.
 *
 * A key missing from the language falls back to English, then to the key itself, so a gap shows rather than blanks.
 */
import type enMessages from '~/_locales/en/messages.json';
import { messageParts, type Catalog } from './catalog';
import { directionOf, PSEUDO } from './languages';

type AnyKey = keyof typeof enMessages & string;
type PluralSuffix = '_zero' | '_one' | '_two' | '_few' | '_many' | '_other';
/** A message's key (checked against the English catalog at compile time). */
export type MessageKey = Exclude<AnyKey, `${string}${PluralSuffix}`>;
/** The base of a plural group (`snippetCount` for `snippetCount_one`, `snippetCount_other`…). */
export type PluralKey = AnyKey extends infer K ? (K extends `${infer B}_other` ? B : never) : never;
/** What a message's `$1`…`$9` may be: numbers are formatted for the language. */
export type Sub = string | number;

/** What a context installs: the language's catalog and, unless it is English, English for what it lacks. */
export interface InterfaceText {
  lang: string;
  messages: Catalog;
  fallback?: Catalog;
}

interface State {
  text: InterfaceText;
  /** The locale Intl formats with (the pseudo-locale formats as English). */
  locale: string;
  /**
   * Whether Intl knows the locale's month names (see digitDateOptions), asked on the first date: a date formatter
   * costs tens of milliseconds to make, and the content script loads this module in every frame.
   */
  monthNames?: boolean;
  /** Made on first use, like the date formatters: each costs milliseconds to make (tens for the first in a page's
   * content script, which the card's stage would otherwise pay when it loads and again when its words arrive). */
  plural?: Intl.PluralRules;
  number?: Intl.NumberFormat;
  /** Date and list formatters by options, made once per language (see dateFormat and listFormat). */
  dateFormats: Map<string, Intl.DateTimeFormat>;
  listFormats: Map<string, Intl.ListFormat>;
  /** What another context formatted for this language (installFormats), consulted before Intl. */
  prepared?: Prepared;
}

interface Prepared {
  dates: Map<string, string>;
  languages: Map<string, string>;
  lists?: PreparedFormats['lists'];
}

const stateFor = (text: InterfaceText): State => ({
  text,
  locale: text.lang === PSEUDO ? 'en' : text.lang,
  dateFormats: new Map(),
  listFormats: new Map(),
});
const plural = () => (state.plural ??= new Intl.PluralRules(state.locale));
const number = () => (state.number ??= new Intl.NumberFormat(state.locale));

let state = stateFor({ lang: 'en', messages: {} });
const listeners = new Set<() => void>();

/** Installs this context's catalog and tells whoever listens (a page re-renders). */
export function setInterfaceText(text: InterfaceText): void {
  state = stateFor(text);
  for (const listener of listeners) listener();
}

/** The text installed now. */
export const currentInterfaceText = (): InterfaceText => state.text;

/** Calls `listener` after each setInterfaceText; returns the way to stop. */
export function onInterfaceTextChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The interface language now (`en`, `tr`…, or the pseudo-locale): for `lang` attributes and formatting. */
export const interfaceLanguage = (): string => state.text.lang;
/** The locale for Intl and `lang` attributes (the pseudo-locale is English underneath). */
export const interfaceLocale = (): string => state.locale;
export const interfaceDirection = (): 'ltr' | 'rtl' => directionOf(state.text.lang);

const entryFor = (key: string) => state.text.messages[key] ?? state.text.fallback?.[key];
/**
 * Below a thousand, a whole number is its plain digits in every interface language (all six write Latin digits and
 * group only from four digits; tests/unit/i18n-prepared.test.ts checks each against Intl): a card's counts and
 * paragraph numbers need no NumberFormat, the first of which costs a page's renderer tens of milliseconds.
 */
const plainDigits = (n: number) => Number.isInteger(n) && n >= 0 && n < 1000;
const subText = (s: Sub) => (typeof s === 'number' ? (plainDigits(s) ? String(s) : number().format(s)) : s);

/** The message `key` with `subs` as its `$1`…`$9`. */
export function t(key: MessageKey, ...subs: Sub[]): string {
  const entry = entryFor(key);
  return entry ? messageParts(entry, subs.map(subText)).join('') : key;
}

/**
 * The plural form of `base` for `count` (its `$1`, formatted for the language), with `subs` as `$2`…: the category
 * comes from Intl.PluralRules in the interface language.
 */
export function tp(base: PluralKey, count: number, ...subs: Sub[]): string {
  const category = plural().select(count);
  const entry = entryFor(`${base}_${category}`) ?? entryFor(`${base}_other`);
  return entry ? messageParts(entry, [count, ...subs].map(subText)).join('') : base;
}

/**
 * Every plural form of `base` with `marker` standing for the count, keyed by plural category: for a context without
 * a catalog (the content script's first stage) to choose from with Intl.PluralRules in `interfaceLocale()`.
 */
export function pluralForms(base: PluralKey, marker: string): Partial<Record<Intl.LDMLPluralRule, string>> {
  const forms: Partial<Record<Intl.LDMLPluralRule, string>> = {};
  for (const category of plural().resolvedOptions().pluralCategories) {
    const entry = entryFor(`${base}_${category}`) ?? entryFor(`${base}_other`);
    if (entry) forms[category] = messageParts(entry, [marker]).join('');
  }
  return forms;
}

/**
 * The message as pieces, for a component that puts elements into it (`On $site$` with the site in a span): strings
 * and numbers are substituted as text, anything else comes back as a piece of its own.
 */
export function tParts<T extends object>(key: MessageKey, ...subs: (Sub | T)[]): (string | T)[] {
  const entry = entryFor(key);
  if (!entry) return [key];
  return messageParts(
    entry,
    subs.map((s) => (typeof s === 'object' ? s : subText(s))),
  );
}

/** tParts for a plural group: the form for `count` (its `$1`), with elements among `subs` (`$2`…) as pieces. */
export function tpParts<T extends object>(base: PluralKey, count: number, ...subs: (Sub | T)[]): (string | T)[] {
  const entry = entryFor(`${base}_${plural().select(count)}`) ?? entryFor(`${base}_other`);
  if (!entry) return [base];
  return messageParts(
    entry,
    [count, ...subs].map((s) => (typeof s === 'object' ? s : subText(s))),
  );
}

/**
 * A sentence as a key and its substitutions, for pure code that has no catalog to read (lib/snippets' import
 * checks) or whose words travel to another context (the background's errors): whoever shows it says it with `say`.
 */
export interface Phrase {
  key: MessageKey;
  /** A phrase among them is said first ("Saving the snippet" inside "… failed: …"). */
  subs?: (Sub | Phrase)[];
}
export const phrase = (key: MessageKey, ...subs: (Sub | Phrase)[]): Phrase => ({ key, subs });
export const say = (p: Phrase): string => t(p.key, ...(p.subs ?? []).map((s) => (typeof s === 'object' ? say(s) : s)));

/**
 * An error whose sentence is a phrase, said in the interface language of the context that throws it (an extension
 * page, or the background, whose interface text follows the setting too), so the message a content script's toast
 * or a page shows is the reader's. A plain message: browsers pass only that across messaging.
 */
export class PhraseError extends Error {
  constructor(
    readonly phrase: Phrase,
    options?: { cause?: unknown },
  ) {
    super(say(phrase), options);
  }
}

/** A number in the interface language (digit grouping, decimal sign). */
export const formatNumber = (n: number, options?: Intl.NumberFormatOptions): string =>
  options ? new Intl.NumberFormat(state.locale, options).format(n) : number().format(n);

/**
 * `options` with the month as digits, for a language whose month names Intl lacks: "28.05.2025" reads the same in
 * every language, where "2025 M05 28" reads in none. A month without a day keeps its year ("05.2025", not "05"),
 * and a date or time style becomes the digits it stands for.
 */
export function digitDateOptions(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormatOptions {
  const { dateStyle, timeStyle, ...rest } = options;
  const digits: Intl.DateTimeFormatOptions = { ...rest };
  if (dateStyle) Object.assign(digits, { year: 'numeric', month: '2-digit', day: '2-digit' });
  if (timeStyle) Object.assign(digits, { hour: '2-digit', minute: '2-digit' });
  if (!digits.month || digits.month === 'numeric' || digits.month === '2-digit') return digits;
  digits.month = '2-digit';
  if (digits.day) digits.day = '2-digit';
  else digits.year ??= 'numeric';
  return digits;
}

/**
 * The interface language's date format for `options`, made once per language: a list of a few hundred dates (the
 * explore timeline's) would otherwise build a formatter for each. Every date the interface shows goes through here,
 * so a language without month names gets digits everywhere (card, popup, library, explore, exports).
 */
export function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const { dateFormats } = state;
  const key = JSON.stringify(options);
  let format = dateFormats.get(key);
  if (!format) {
    // Chromium's ICU has no Kazakh or Uzbek month names: it writes the month as "M05" ("2025 M05 28").
    state.monthNames ??= !/M\d/.test(
      new Intl.DateTimeFormat(state.locale, { month: 'short', timeZone: 'UTC' }).format(0),
    );
    const shown = state.monthNames ? options : digitDateOptions(options);
    dateFormats.set(key, (format = new Intl.DateTimeFormat(state.locale, shown)));
  }
  return format;
}

/** A date in the interface language. */
export const formatDate = (date: Date | number, options: Intl.DateTimeFormatOptions): string =>
  dateFormat(options).format(date);

/**
 * A date the fact base writes as an ISO prefix (`2022`, `2022-08`, `2022-08-16`) at its own precision, in the
 * interface language: "16 Aug 2022", "16 авг. 2022 г.", "16 Ağu 2022". English keeps the day first, as the sources
 * write it (Intl's plain English would say "Aug 16, 2022"). Anything else is returned as given.
 */
export function formatIsoDate(iso: string | null | undefined, month: 'short' | 'long' = 'short'): string {
  if (!iso) return '';
  const prepared = month === 'short' ? state.prepared?.dates.get(iso) : undefined;
  if (prepared !== undefined) return prepared;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  if (!mo || Number(mo) < 1 || Number(mo) > 12) return y!;
  const date = Date.UTC(Number(y), Number(mo) - 1, d ? Number(d) : 1);
  const options: Intl.DateTimeFormatOptions = {
    timeZone: 'UTC',
    year: 'numeric',
    month,
    ...(d ? { day: 'numeric' } : {}),
  };
  const format = dateFormat(options);
  if (state.locale !== 'en') return format.format(date);
  const part = (type: string) => format.formatToParts(date).find((p) => p.type === type)?.value ?? '';
  return [d ? part('day') : '', part('month'), part('year')].filter(Boolean).join(' ');
}

/** Lists in English without the serial comma ("A, B or C"), as the interface writes them. */
const listLocale = () => (state.locale === 'en' ? 'en-GB' : state.locale);

/**
 * One formatter per language and kind of list: building an Intl.ListFormat loads its locale data each time, and a
 * card joins several lists while the reader waits for it (2.7–23 ms of a slow card's own time, issue 18's profile).
 */
function listFormat(type: 'conjunction' | 'disjunction'): Intl.ListFormat {
  let format = state.listFormats.get(type);
  if (!format) state.listFormats.set(type, (format = new Intl.ListFormat(listLocale(), { type })));
  return format;
}

type ListKind = 'conjunction' | 'disjunction';

/** The text around `count` items, when it is prepared (see PreparedFormats). */
function preparedList(count: number, type: ListKind): string[] | undefined {
  const between = count ? state.prepared?.lists?.[type][count - 1] : undefined;
  return between?.length === count + 1 ? between : undefined;
}

/** A list ("A, B and C") in the interface language. */
export const formatList = (items: readonly string[], type: ListKind = 'conjunction'): string =>
  preparedList(items.length, type) ? formatListParts(items, type).join('') : listFormat(type).format(items);

/** The same list as pieces, for items that are elements ("A, B or C" with each name a button). */
export function formatListParts<T>(items: readonly T[], type: ListKind = 'conjunction'): (string | T)[] {
  const between = preparedList(items.length, type);
  if (between) return between.flatMap((text, i) => [...(text ? [text] : []), ...(i < items.length ? [items[i]!] : [])]);
  // Intl lays out stand-ins; each is swapped for its item.
  const stand = items.map((_, i) => `\u0000${i}\u0000`);
  return listFormat(type)
    .formatToParts(stand)
    .map((p) => (p.type === 'element' ? items[Number(p.value.slice(1, -1))]! : p.value));
}

/** A language's name in the interface language ("Kazakh", "казахский", "Kazakça"), from the platform's own list. */
export function languageName(code: string): string {
  const prepared = state.prepared?.languages.get(code);
  if (prepared !== undefined) return prepared;
  try {
    return new Intl.DisplayNames([state.locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * Formatting done in another context, whose Intl is warm, for this one to show as is: the background prepares it with
 * a card's details, so the card's stage in a page makes no DateTimeFormat, ListFormat or DisplayNames for it. The
 * first of those a page's renderer makes costs 45-195 ms in Chromium (issue 17), which the first card would wait for.
 * The same strings Intl gives here: a date, list or language not among them is formatted with Intl as before.
 */
export interface PreparedFormats {
  /** The interface language they are in: another one's are ignored. */
  lang: string;
  /** formatIsoDate(iso) (short months), by ISO prefix. */
  dates: Record<string, string>;
  /** languageName(code), by code. */
  languages: Record<string, string>;
  /**
   * The text around the items of a list of 1, 2, 3… items, by kind: `["", ", ", " and ", ""]` for three. A list's
   * words depend only on how many items it has in these languages (not so in Spanish, whose "y" becomes "e").
   */
  lists: Record<ListKind, string[][]>;
}

/** Lists up to this long are prepared: a card's lists (sources, spellings, namesakes) are short. */
const PREPARED_LIST_ITEMS = 4;

/** The formats a context with Intl at hand prepares for another: `dates` as ISO prefixes, `languages` as codes. */
export function prepareFormats(dates: Iterable<string>, languages: Iterable<string>): PreparedFormats {
  const lists = (type: ListKind) =>
    Array.from({ length: PREPARED_LIST_ITEMS }, (_, n) => {
      const between = [''];
      for (const part of formatListParts(
        Array.from({ length: n + 1 }, () => ({})),
        type,
      ))
        if (typeof part === 'string') between[between.length - 1] += part;
        else between.push('');
      return between;
    });
  const saved = state.prepared;
  state.prepared = undefined; // what is prepared is Intl's own output, never an earlier preparation
  try {
    return {
      lang: state.text.lang,
      dates: Object.fromEntries([...dates].map((iso) => [iso, formatIsoDate(iso)])),
      languages: Object.fromEntries([...languages].map((code) => [code, languageName(code)])),
      lists: { conjunction: lists('conjunction'), disjunction: lists('disjunction') },
    };
  } finally {
    state.prepared = saved;
  }
}

/** Takes formats another context prepared (prepareFormats) for what it shows next, when they are in this language. */
export function installFormats(formats: PreparedFormats | undefined): void {
  if (!formats || formats.lang !== state.text.lang) return;
  const prepared: Prepared = (state.prepared ??= { dates: new Map(), languages: new Map() });
  for (const [iso, text] of Object.entries(formats.dates)) prepared.dates.set(iso, text);
  for (const [code, name] of Object.entries(formats.languages)) prepared.languages.set(code, name);
  prepared.lists = formats.lists;
}
