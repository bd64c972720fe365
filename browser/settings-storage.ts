/**
 * Settings in `browser.storage.local`: read, write, follow changes made by any part of the extension (options page,
 * popup, background command, another tab). The storage half of lib/settings/settings.ts.
 *
 * Content scripts may read and watch (storage.local is extension storage, not the page's); writes come from extension
 * pages and the background, so a page can never change what the user chose.
 */
import { browser } from 'wxt/browser';
import {
  applySettingsPatch,
  normalizeSettings,
  sameSettings,
  SETTINGS_KEY,
  settingsFromImport,
  settingsToExport,
  type Settings,
} from '~/lib/settings/settings';
import { t } from '~/lib/i18n/translator';

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return normalizeSettings(stored[SETTINGS_KEY]);
}

/** Stores `settings` after validating them; returns what was stored. */
async function saveSettings(settings: Settings): Promise<Settings> {
  const clean = normalizeSettings(settings);
  await browser.storage.local.set({ [SETTINGS_KEY]: clean });
  return clean;
}

/** The tail of this context's queue of settings updates (see updateSettings). */
let updates: Promise<unknown> = Promise.resolve();

/**
 * Read-modify-write with either a partial patch (`{ paused: true }`) or a function of the current settings.
 * Skips the write when nothing changes, so watchers are not woken for nothing.
 */
export function updateSettings(change: Partial<Settings> | ((s: Settings) => Settings)): Promise<Settings> {
  // One read-modify-write at a time in this context: two quick clicks (theme, then pause) must not both read the old
  // record and the second write lose the first.
  const run = updates.then(async () => {
    const current = await loadSettings();
    const next =
      typeof change === 'function' ? normalizeSettings(change(current)) : applySettingsPatch(current, change);
    if (sameSettings(current, next)) return current;
    return saveSettings(next);
  });
  updates = run.catch(() => undefined);
  return run;
}

/** Back to the defaults (one write; every open tab follows). */
export async function resetSettings(): Promise<Settings> {
  return saveSettings(normalizeSettings(undefined));
}

/**
 * Calls `onChange` with the new, validated settings whenever they change, until `signal` aborts or the returned
 * function is called.
 */
export function watchSettings(onChange: (s: Settings) => void, signal?: AbortSignal): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    onChange(normalizeSettings(changes[SETTINGS_KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  const stop = () => browser.storage.onChanged.removeListener(listener);
  signal?.addEventListener('abort', stop, { once: true });
  return stop;
}

/**
 * The settings as a record keyed as stored (`{ settings: {...} }`): what the options page's export file and the
 * snippets backup carry.
 */
export async function exportSettings(): Promise<Record<string, unknown>> {
  return settingsToExport(await loadSettings());
}

export type SettingsImportResult = { ok: true; settings: Settings } | { ok: false; error: string };

/**
 * Replaces the settings with those in `raw` (an export record, a backup's `settings` record, or a bare settings
 * object), field by field validated. Refuses input with nothing settings-like in it instead of resetting.
 */
export async function importSettings(raw: unknown): Promise<SettingsImportResult> {
  const parsed = settingsFromImport(raw);
  if (!parsed) return { ok: false, error: t('optionsNoSettingsInFile') };
  return { ok: true, settings: await saveSettings(parsed) };
}
