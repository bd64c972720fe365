import '~/browser/page-leaving';
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
import { startInterfaceText } from '~/browser/interface-text';
import { renderLocalized } from '~/components/localized';
import { t } from '~/lib/i18n';
import '~/components/theme.css';

/** Our commands in the interface language (the browser lists them in its own, from the manifest). */
const commandText = (name: string): string | undefined =>
  ({
    'save-selection': t('commandSaveSelection'),
    'next-mention': t('commandNextMention'),
    'toggle-pause': t('commandTogglePause'),
  })[name];

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
      // In the interface language (the browser gives the manifest's, in its own); the toolbar button's own command
      // has no description of ours.
      description: c.name?.startsWith('_execute')
        ? t('commandOpenPopup')
        : (commandText(c.name ?? '') ?? c.description ?? c.name ?? ''),
      shortcut: c.shortcut ?? '',
    })),
};

const isFirefox = browser.runtime.getURL('').startsWith('moz-extension:');
// The root is taken before the catalog's wait, so the app never looks it up in a document changed meanwhile.
const root = document.getElementById('app')!;
void startInterfaceText(document, 'titleSettings').then(() =>
  renderLocalized(root, () => (
    <OptionsApp
      api={api}
      entities={(aliasIndexJson as unknown as AliasIndex).entities}
      shortcutsHelp={isFirefox ? t('optionsFirefoxShortcuts') : 'chrome://extensions/shortcuts'}
    />
  )),
);
