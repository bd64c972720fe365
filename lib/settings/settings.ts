/**
 * The user's settings: ONE versioned record under ONE key in `browser.storage.local`, read through
 * `normalizeSettings` so whatever is stored (nothing, an older shape, a hand-edited import, garbage) becomes complete,
 * valid settings. Pure: no `browser`, no DOM; the storage calls live in browser/settings-storage.ts.
 *
 * One key (not one per setting) so a single `storage.onChanged` entry carries every change and an import or reset is
 * one atomic write.
 */
import type { EntityType } from '../factbase/types';
import { LANGUAGE_SETTINGS, type LanguageSetting } from '../i18n/languages';

/** The storage key. */
export const SETTINGS_KEY = 'settings';
const SETTINGS_VERSION = 1;

/** How cards open: after a dwell ('off' = no modifier needed), only while Alt is held, or only on click. */
export type OnDemandMode = 'off' | 'alt' | 'click';
export type SiteMode = 'everywhere' | 'allow-list';
export type MarkStyle = 'underline' | 'background' | 'none';
/** 'calm': each name once per section of running text (page/mark-density.ts); 'every'; 'first' on the page. */
export type MentionsMode = 'calm' | 'every' | 'first';
export type ThemeSetting = 'auto' | 'light' | 'dark';

export interface Settings {
  version: 1;
  /** 'everywhere' = on for all sites except `disabledSites`; 'allow-list' = only on `allowedSites`. */
  mode: SiteMode;
  /** Sites (hostnames, subdomains included) where marks and cards are off in 'everywhere' mode. */
  disabledSites: string[];
  /** Sites where the lens runs in 'allow-list' mode. */
  allowedSites: string[];
  /** Off everywhere (popup switch, `toggle-pause` command). */
  paused: boolean;
  /** Entity ids never marked. */
  hiddenEntities: string[];
  /** Entity types that are marked; the rest are left alone. */
  entityTypes: EntityType[];
  markStyle: MarkStyle;
  /** How long the pointer must rest on a mark before its card opens, in milliseconds. */
  dwellMs: number;
  onDemand: OnDemandMode;
  /**
   * How many mentions are marked: calmly (once per section, none in navigation, headings, captions or bylines),
   * every one, or only the first of each entity on a page. The popup still counts them all.
   */
  mentions: MentionsMode;
  theme: ThemeSetting;
  /** Paint the passages saved as snippets when their page is visited again. */
  highlightSnippets: boolean;
  /** Marks the reader said were not this entity ("Not this" on a card), on one site or everywhere. */
  corrections: Correction[];
  /** The interface language: the browser's ('auto') or one chosen in Options (lib/i18n/languages.ts). */
  language: LanguageSetting;
}

/**
 * "This word is not this entity": the word as the page wrote it, folded (case, diacritics, white space), so
 * "ALIYEV" and "Aliyev" are one correction but an inflected form is its own; on one site (subdomains included) or
 * on every site (`site: ''`).
 */
export interface Correction {
  entity: string;
  text: string;
  site: string;
}

/** Every entity type, in the order the options page lists them. Checked against `EntityType` at compile time. */
const ENTITY_TYPE_SET: Record<EntityType, true> = {
  person: true,
  organization: true,
  company: true,
  country: true,
  region: true,
  place: true,
  agreement: true,
  pipeline: true,
  corridor: true,
  port: true,
  railway: true,
  'gas-field': true,
  'military-system': true,
  event: true,
  program: true,
  idea: true,
};
export const ALL_ENTITY_TYPES: readonly EntityType[] = Object.freeze(Object.keys(ENTITY_TYPE_SET) as EntityType[]);

/**
 * About 400 ms: long enough that a pointer passing over a name on its way elsewhere opens nothing, short enough to
 * feel immediate to a reader who stops on it (Wikipedia's page previews settled on a similar figure).
 */
export const DEFAULT_DWELL_MS = 400;
/** Bounds for the dwell setting: below 100 ms cards open by accident, above 3 s nobody waits. */
export const MIN_DWELL_MS = 100;
export const MAX_DWELL_MS = 3_000;

/** Lists longer than this are not something a person typed; the excess is dropped rather than trusted. */
export const MAX_LIST_LENGTH = 5_000;
/** Longest hostname DNS allows (253) plus slack; longest entity id we would ever mint. */
const MAX_ITEM_LENGTH = 300;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  version: 1,
  mode: 'everywhere',
  disabledSites: [],
  allowedSites: [],
  paused: false,
  hiddenEntities: [],
  entityTypes: [...ALL_ENTITY_TYPES],
  markStyle: 'underline',
  dwellMs: DEFAULT_DWELL_MS,
  onDemand: 'off',
  mentions: 'calm',
  theme: 'auto',
  highlightSnippets: true,
  corrections: [],
  language: 'auto',
} satisfies Settings);

/** A fresh, mutable copy of the defaults. */
export function defaultSettings(): Settings {
  return normalizeSettings(undefined);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** Strings only, trimmed, deduplicated, bounded; anything else in the array is dropped, not the whole list. */
function stringList(value: unknown, clean: (s: string) => string | null): string[] {
  if (!Array.isArray(value)) return [];
  const out = new Set<string>();
  for (let i = 0; i < value.length && out.size < MAX_LIST_LENGTH; i++) {
    const item: unknown = value[i];
    if (typeof item !== 'string' || item.length > MAX_ITEM_LENGTH) continue;
    const c = clean(item);
    if (c) out.add(c);
  }
  return [...out];
}

const ENTITY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const cleanEntityId = (s: string): string | null => (ENTITY_ID.test(s.trim()) ? s.trim() : null);

/**
 * Whatever a person types or pastes for a site ("https://www.Example.com/path", "example.com:8080", "*.example.com")
 * as the hostname the site rules compare: lower case, no scheme, path, port, `www.` or wildcard. Null when nothing
 * host-like is left.
 */
export function normalizeSite(input: string): string | null {
  let s = input.trim().toLowerCase();
  if (!s) return null;
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, ''); // scheme
  s = s.replace(/^[^@/]*@/, ''); // credentials
  s = s.split(/[/?#]/, 1)[0] ?? '';
  if (s.startsWith('[')) return null; // IPv6 literals: not worth a site rule
  s = s.replace(/:\d*$/, ''); // port
  s = s
    .replace(/^\*\./, '')
    .replace(/^www\./, '')
    .replace(/\.$/, '');
  if (!s || s.length > 253 || !(ASCII_HOST.test(s) || (!ASCII.test(s) && unicodeHost().test(s)))) return null;
  return s;
}

// A page's hostname is ASCII (punycode), so the Unicode form, whose \p{…} classes cost every frame that parsed and
// compiled it a noticeable part of a millisecond, is made (from a string, so not even parsed before) only for what a
// person typed in their own script.
const ASCII_HOST = /^[a-z0-9_-]+(?:\.[a-z0-9_-]+)*$/;
const ASCII = /^[ -~]*$/;
let unicodeHostPattern: RegExp | null = null;
const unicodeHost = () => (unicodeHostPattern ??= new RegExp('^[\\p{L}\\p{N}_-]+(?:\\.[\\p{L}\\p{N}_-]+)*$', 'u'));

function dwell(value: unknown): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? value : DEFAULT_DWELL_MS;
  return Math.min(MAX_DWELL_MS, Math.max(MIN_DWELL_MS, Math.round(n)));
}

/**
 * Complete, valid settings from anything: each field is checked on its own and falls back to its default, so one
 * bad field never costs the others. Never throws (getters that throw, proxies, cycles are all survived).
 */
export function normalizeSettings(raw: unknown): Settings {
  let r: Record<string, unknown>;
  try {
    // A plain copy first: reading a hostile object once, inside the try, means no getter runs later.
    r = isRecord(raw) ? { ...raw } : {};
  } catch {
    r = {};
  }
  try {
    // The first draft stored `onDemand: false` for "no modifier".
    const onDemand = r.onDemand === false ? 'off' : oneOf(r.onDemand, ['off', 'alt', 'click'] as const, 'off');
    const types = Array.isArray(r.entityTypes)
      ? stringList(r.entityTypes, (s) => (s in ENTITY_TYPE_SET ? s : null))
      : [...ALL_ENTITY_TYPES];
    return {
      version: SETTINGS_VERSION,
      mode: oneOf(r.mode, ['everywhere', 'allow-list'] as const, 'everywhere'),
      disabledSites: stringList(r.disabledSites, normalizeSite),
      allowedSites: stringList(r.allowedSites, normalizeSite),
      paused: r.paused === true,
      hiddenEntities: stringList(r.hiddenEntities, cleanEntityId),
      // Kept in the canonical order so equal choices compare equal.
      entityTypes: ALL_ENTITY_TYPES.filter((t) => types.includes(t)),
      markStyle: oneOf(r.markStyle, ['underline', 'background', 'none'] as const, 'underline'),
      dwellMs: dwell(r.dwellMs),
      onDemand,
      mentions: oneOf(r.mentions, ['calm', 'every', 'first'] as const, DEFAULT_SETTINGS.mentions),
      theme: oneOf(r.theme, ['auto', 'light', 'dark'] as const, 'auto'),
      highlightSnippets: typeof r.highlightSnippets === 'boolean' ? r.highlightSnippets : true,
      corrections: correctionList(r.corrections),
      language: oneOf(r.language, LANGUAGE_SETTINGS, 'auto'),
    };
  } catch {
    return { ...DEFAULT_SETTINGS, entityTypes: [...ALL_ENTITY_TYPES] };
  }
}

/** Longest word a correction keeps: a name, not a paragraph. */
export const MAX_CORRECTION_TEXT = 200;

/** Folds a mark's words the way corrections compare them: case, accents, and runs of white space. */
export function correctionText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase().replace(/\s+/gu, ' ').trim();
}

function cleanCorrection(raw: unknown): Correction | null {
  if (!isRecord(raw)) return null;
  const entity = typeof raw.entity === 'string' ? cleanEntityId(raw.entity) : null;
  const text = typeof raw.text === 'string' && raw.text.length <= MAX_CORRECTION_TEXT ? correctionText(raw.text) : '';
  const site = raw.site === '' ? '' : typeof raw.site === 'string' ? normalizeSite(raw.site) : null;
  return entity && text && site !== null ? { entity, text, site } : null;
}

/** Valid corrections only, each once, bounded like the other lists. */
function correctionList(value: unknown): Correction[] {
  if (!Array.isArray(value)) return [];
  const out = new Map<string, Correction>();
  for (let i = 0; i < value.length && out.size < MAX_LIST_LENGTH; i++) {
    const c = cleanCorrection(value[i]);
    if (c) out.set(correctionKey(c), c);
  }
  return [...out.values()];
}

const correctionKey = (c: Correction) => `${c.entity}\u0000${c.text}\u0000${c.site}`;

/** Settings with one more correction (the same one twice is one). */
export function withCorrection(settings: Settings, correction: Correction): Settings {
  const c = cleanCorrection(correction);
  if (!c || settings.corrections.some((x) => correctionKey(x) === correctionKey(c))) return settings;
  return { ...settings, corrections: [...settings.corrections, c] };
}

/** Settings without a correction (its Undo). */
export function withoutCorrection(settings: Settings, correction: Correction): Settings {
  const c = cleanCorrection(correction);
  if (!c) return settings;
  return { ...settings, corrections: settings.corrections.filter((x) => correctionKey(x) !== correctionKey(c)) };
}

/**
 * Whether a mark of `entity` reading `text` on a page of `hostname` was corrected away: everywhere, or on that
 * site or a site it is under. `text` is the mark's words as the page has them.
 */
export function isCorrected(corrections: readonly Correction[], entity: string, text: string, hostname: string) {
  if (!corrections.length) return false;
  const folded = correctionText(text);
  return corrections.some(
    (c) => c.entity === entity && c.text === folded && (c.site === '' || matchingSite([c.site], hostname) !== null),
  );
}

/** Whether `hostname` is `site` or one of its subdomains. */
function withinSite(hostname: string, site: string): boolean {
  return hostname === site || hostname.endsWith('.' + site);
}

/** Any of `sites` that covers `hostname` (so the options page can say which rule applies), or null. */
export function matchingSite(sites: readonly string[], hostname: string): string | null {
  if (!sites.length) return null;
  const host = normalizeSite(hostname);
  if (host === null) return null;
  return sites.find((s) => withinSite(host, s)) ?? null;
}

/**
 * Whether marks and cards are on for a page on `hostname` (pass `location.hostname`; '' for about:, data:, file:).
 * Paused beats everything; in allow-list mode a page without a hostname is never on.
 */
export function isSiteEnabled(settings: Settings, hostname: string): boolean {
  if (settings.paused) return false;
  if (settings.mode === 'allow-list') return matchingSite(settings.allowedSites, hostname) !== null;
  return matchingSite(settings.disabledSites, hostname) === null;
}

/** The site a URL belongs to for the per-site switch: its hostname, `www.` dropped; null for non-web URLs. */
export function siteOf(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return normalizeSite(u.hostname);
  } catch {
    return null;
  }
}

/** Whether marks and cards are on for a page at `url` (the URL form of `isSiteEnabled`). */
export function activeOn(settings: Settings, url: string): boolean {
  let host = '';
  try {
    host = new URL(url).hostname;
  } catch {
    // Not a URL: treat as a page without a host.
  }
  return isSiteEnabled(settings, host);
}

/**
 * Settings with the site switched on or off, whichever mode is active: in 'everywhere' mode the site is removed from
 * or added to `disabledSites` (subdomain rules covering it are removed too, or it would stay off); in 'allow-list'
 * mode it is added to or removed from `allowedSites`.
 */
export function withSiteEnabled(settings: Settings, hostname: string, enabled: boolean): Settings {
  const site = normalizeSite(hostname);
  if (site === null) return settings;
  const covering = (list: readonly string[]) => list.filter((s) => !withinSite(site, s));
  if (settings.mode === 'allow-list') {
    const allowedSites = enabled
      ? settings.allowedSites.includes(site) || matchingSite(settings.allowedSites, site)
        ? settings.allowedSites
        : [...settings.allowedSites, site]
      : covering(settings.allowedSites);
    return { ...settings, allowedSites };
  }
  const disabledSites = enabled
    ? covering(settings.disabledSites)
    : matchingSite(settings.disabledSites, site)
      ? settings.disabledSites
      : [...settings.disabledSites, site];
  return { ...settings, disabledSites };
}

/**
 * What switching a site changed in the active mode's site list, so an Undo restores exactly that: a broader entry
 * the switch took off the allow-list (example.com, for news.example.com) comes back, and nothing else changes.
 */
export interface SiteListChange {
  mode: Settings['mode'];
  added: string[];
  removed: string[];
}

export function siteListChange(before: Settings, after: Settings): SiteListChange {
  const key = before.mode === 'allow-list' ? 'allowedSites' : 'disabledSites';
  return {
    mode: before.mode,
    added: after[key].filter((s) => !before[key].includes(s)),
    removed: before[key].filter((s) => !after[key].includes(s)),
  };
}

/** Takes back a `SiteListChange`; a no-op once the reader has switched modes. */
export function undoSiteListChange(settings: Settings, change: SiteListChange): Settings {
  if (settings.mode !== change.mode) return settings;
  const key = change.mode === 'allow-list' ? 'allowedSites' : 'disabledSites';
  const kept = settings[key].filter((s) => !change.added.includes(s));
  return { ...settings, [key]: [...kept, ...change.removed.filter((s) => !kept.includes(s))] };
}

export function withDisabledSite(settings: Settings, site: string): Settings {
  const s = normalizeSite(site);
  if (s === null || settings.disabledSites.includes(s)) return settings;
  return { ...settings, disabledSites: [...settings.disabledSites, s] };
}

export function withHiddenEntity(settings: Settings, id: string): Settings {
  if (settings.hiddenEntities.includes(id) || !cleanEntityId(id)) return settings;
  return { ...settings, hiddenEntities: [...settings.hiddenEntities, id] };
}

/**
 * Applies a partial change and re-validates the result, so a patch can never store an invalid value.
 * Keys not in `Settings` are ignored.
 */
export function applySettingsPatch(settings: Settings, patch: Partial<Settings>): Settings {
  return normalizeSettings({ ...settings, ...patch });
}

/** Whether two normalized settings are the same (to skip no-op writes and re-applies). */
export function sameSettings(a: Settings, b: Settings): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The entity filter a page applies: whether mentions of an entity of this type and id are marked. */
export function entityShown(settings: Settings, id: string, type: EntityType | undefined): boolean {
  if (settings.hiddenEntities.includes(id)) return false;
  return type === undefined || settings.entityTypes.includes(type);
}

/** The portable form of the settings (what an export file or a backup carries): keyed as stored. */
export function settingsToExport(settings: Settings): Record<string, unknown> {
  return { [SETTINGS_KEY]: normalizeSettings(settings) };
}

/**
 * Settings from an export: accepts the keyed form `{ settings: {...} }` (also a whole snippets backup, whose
 * `settings` record holds the keyed form) or a bare settings object. Null when nothing in it looks like settings, so
 * an unrelated file is refused rather than silently resetting everything to defaults.
 */
export function settingsFromImport(raw: unknown): Settings | null {
  try {
    // Unwrap at most twice: a backup's `settings` record may itself hold the keyed form.
    let inner: unknown = raw;
    for (let depth = 0; depth < 2 && isRecord(inner); depth++) {
      const next = inner[SETTINGS_KEY];
      if (!isRecord(next)) break;
      inner = next;
    }
    if (!isRecord(inner)) return null;
    const known = Object.keys(DEFAULT_SETTINGS);
    if (!Object.keys(inner).some((k) => known.includes(k))) return null;
    return normalizeSettings(inner);
  } catch {
    return null;
  }
}
