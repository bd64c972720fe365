import { render } from 'preact';
import { browser } from 'wxt/browser';
import aliasIndexJson from '~/data/alias-index.json';
import type { AliasIndex } from '~/lib/factbase/types';
import { OptionsApp, type SettingsApi } from '~/components/options/OptionsApp';
import {
  exportSettings,
  importSettings,
  loadSettings,
  resetSettings,
  updateSettings,
  watchSettings,
} from '~/browser/settings-storage';
import '~/components/theme.css';

const api: SettingsApi = {
  load: loadSettings,
  update: updateSettings,
  watch: (onChange) => watchSettings(onChange),
  reset: resetSettings,
  exportSettings,
  importSettings,
  shortcuts: async () =>
    (await browser.commands.getAll()).map((c) => ({
      name: c.name ?? '',
      // The toolbar button's own command has no description of ours.
      description: c.name?.startsWith('_execute') ? 'Open the Caspian Lens popup' : (c.description ?? c.name ?? ''),
      shortcut: c.shortcut ?? '',
    })),
};

const isFirefox = browser.runtime.getURL('').startsWith('moz-extension:');
render(
  <OptionsApp
    api={api}
    entities={(aliasIndexJson as unknown as AliasIndex).entities}
    shortcutsHelp={isFirefox ? 'about:addons → ⚙ → Manage Extension Shortcuts' : 'chrome://extensions/shortcuts'}
  />,
  document.getElementById('app')!,
);
