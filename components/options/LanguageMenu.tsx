/**
 * The interface language: the browser's (named with the language that gives) or one of the six, each named in
 * itself. The change applies everywhere at once: this page, the popup, every open card and the context menu.
 */
import { LANGUAGES, LANGUAGE_NAMES, PSEUDO, resolveLanguage, t, type LanguageSetting } from '~/lib/i18n';
import { browserLanguages } from '~/browser/interface-text';

export function LanguageMenu({ value, onChange }: { value: LanguageSetting; onChange: (v: LanguageSetting) => void }) {
  const browsers = resolveLanguage('auto', browserLanguages());
  const auto = browsers === PSEUDO ? 'English' : LANGUAGE_NAMES[browsers];
  return (
    <div class="lens-field">
      <label for="lens-language" class="lens-label">
        {t('optionsLanguage')}
      </label>
      <select
        id="lens-language"
        name="language"
        value={value}
        aria-describedby="lens-language-hint"
        onChange={(e) => onChange(e.currentTarget.value as LanguageSetting)}
      >
        <option value="auto">{t('optionsLanguageAuto', auto)}</option>
        {LANGUAGES.map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {LANGUAGE_NAMES[lang]}
          </option>
        ))}
        {/* The pseudo-locale, for layout checks (scripts/screenshots.ts), exists in the test build only. */}
        {__LENS_TEST_BUILD__ && <option value={PSEUDO}>[Ƥšëüðö]</option>}
      </select>
      <p class="lens-hint" id="lens-language-hint">
        {t('optionsLanguageHint')}
      </p>
    </div>
  );
}
