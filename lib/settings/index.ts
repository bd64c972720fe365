/**
 * The user's settings: one record under one key in `browser.storage.local`, read with defaults filled in.
 * Pure: the storage calls live in ./storage.ts, so parsing and the per-site rules are testable in Node.
 */

/** The single storage key all settings live under, so one `storage.onChanged` entry carries every change. */
export const SETTINGS_KEY = 'lens-settings';

/** How cards open: after a dwell (false), only while Alt is held, or only on click. */
export type OnDemandMode = false | 'alt' | 'click';

export interface Settings {
  /** Hostnames where marks and cards are off. */
  disabledSites: string[];
  /** Entity ids the user never wants marked. */
  hiddenEntities: string[];
  /** Off everywhere (toolbar, `toggle-pause` command). */
  paused: boolean;
  /** How long the pointer must rest on a mark before its card opens, in milliseconds. */
  dwellMs: number;
  onDemand: OnDemandMode;
}

/**
 * About 400 ms: long enough that a pointer passing over a name on its way elsewhere opens nothing, short enough to
 * feel immediate to a reader who stops on it (Wikipedia's page previews settled on a similar figure).
 */
export const DEFAULT_DWELL_MS = 400;
/** Bounds for the dwell setting: below 100 ms cards open by accident, above 3 s nobody waits. */
export const MIN_DWELL_MS = 100;
export const MAX_DWELL_MS = 3_000;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  disabledSites: [],
  hiddenEntities: [],
  paused: false,
  dwellMs: DEFAULT_DWELL_MS,
  onDemand: false,
});

const MAX_LIST = 10_000;
const isStringList = (v: unknown): v is string[] =>
  Array.isArray(v) && v.length <= MAX_LIST && v.every((s) => typeof s === 'string' && s.length <= 300);

/** Reads whatever is stored (nothing, an older shape, garbage) as complete settings. */
export function parseSettings(raw: unknown): Settings {
  const r = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const dwell = typeof r.dwellMs === 'number' && Number.isFinite(r.dwellMs) ? r.dwellMs : DEFAULT_DWELL_MS;
  return {
    disabledSites: isStringList(r.disabledSites) ? [...r.disabledSites] : [],
    hiddenEntities: isStringList(r.hiddenEntities) ? [...r.hiddenEntities] : [],
    paused: r.paused === true,
    dwellMs: Math.min(MAX_DWELL_MS, Math.max(MIN_DWELL_MS, Math.round(dwell))),
    onDemand: r.onDemand === 'alt' || r.onDemand === 'click' ? r.onDemand : false,
  };
}

/** The site a URL belongs to for the per-site switch: its hostname, `www.` dropped; null for non-web URLs. */
export function siteOf(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.hostname.replace(/^www\./, '').toLowerCase();
  } catch {
    return null;
  }
}

/** Whether marks and cards are on for a page. */
export function activeOn(settings: Settings, url: string): boolean {
  if (settings.paused) return false;
  const site = siteOf(url);
  return site === null || !settings.disabledSites.includes(site);
}

export function withHiddenEntity(settings: Settings, id: string): Settings {
  if (settings.hiddenEntities.includes(id)) return settings;
  return { ...settings, hiddenEntities: [...settings.hiddenEntities, id] };
}

export function withDisabledSite(settings: Settings, site: string): Settings {
  if (settings.disabledSites.includes(site)) return settings;
  return { ...settings, disabledSites: [...settings.disabledSites, site] };
}
