/**
 * Settings export and import as a small JSON file. The full backup (snippets and settings together) lives in the
 * library page and calls the same `exportSettings` / `importSettings`.
 */
import { useRef, useState } from 'preact/hooks';
import type { SettingsApi } from './OptionsApp';
import { Section } from './controls';
import { t } from '~/lib/i18n/translator';

const SETTINGS_FILE_FORMAT = 'caspian-lens-settings';
/** A settings file is a few kilobytes; anything far larger is not one, and is not read into memory. */
const MAX_IMPORT_BYTES = 2_000_000;

export function BackupSection(props: { api: SettingsApi; onStatus: (s: string) => void; onReset: () => void }) {
  const file = useRef<HTMLInputElement>(null);
  const [confirmReset, setConfirmReset] = useState(false);

  const exportFile = async () => {
    const body = {
      format: SETTINGS_FILE_FORMAT,
      exportedAt: new Date().toISOString(),
      ...(await props.api.exportSettings()),
    };
    const url = URL.createObjectURL(new Blob([JSON.stringify(body, null, 2) + '\n'], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `caspian-lens-settings-${new Date().toISOString().slice(0, 10)}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    props.onStatus(t('optionsExported'));
  };

  const importFile = async (f: File | undefined) => {
    if (!f) return;
    if (f.size > MAX_IMPORT_BYTES) {
      props.onStatus(t('optionsFileTooLarge'));
      return;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(await f.text());
    } catch {
      props.onStatus(t('optionsFileNotJson'));
      return;
    }
    const result = await props.api.importSettings(raw);
    props.onStatus(result.ok ? t('optionsImported') : result.error);
  };

  return (
    <Section title={t('optionsExportImport')} id="backup">
      <p class="lens-hint">{t('optionsExportHint')}</p>
      <div class="lens-row">
        <button type="button" class="lens-button" onClick={() => void exportFile()}>
          {t('optionsExport')}
        </button>
        <button type="button" class="lens-button" onClick={() => file.current?.click()}>
          {t('optionsImport')}
        </button>
        <input
          ref={file}
          type="file"
          accept="application/json,.json"
          hidden
          aria-label={t('optionsImportFile')}
          onChange={(e) => {
            void importFile(e.currentTarget.files?.[0]);
            e.currentTarget.value = '';
          }}
        />
        {confirmReset ? (
          <span class="lens-row lens-confirm">
            <span>{t('optionsResetConfirm')}</span>
            <button
              type="button"
              class="lens-button lens-button--danger"
              onClick={() => {
                setConfirmReset(false);
                props.onReset();
              }}
            >
              {t('optionsReset')}
            </button>
            <button type="button" class="lens-link" onClick={() => setConfirmReset(false)}>
              {t('optionsCancel')}
            </button>
          </span>
        ) : (
          <button type="button" class="lens-link lens-push" onClick={() => setConfirmReset(true)}>
            {t('optionsResetToDefaults')}
          </button>
        )}
      </div>
    </Section>
  );
}
