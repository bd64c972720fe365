/**
 * The options page: every setting, each written the moment it changes (open tabs follow through storage.onChanged,
 * see page/apply-settings.ts). Renders from the stored settings and re-renders when another part of the extension
 * (the popup's switches, the pause command, a card's "hide") changes them, so the page never shows stale values.
 *
 * Talks to storage only through the `api` prop, so the page can be rendered with a fake in tests.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { EntityType } from '~/lib/factbase/types';
import {
  MAX_DWELL_MS,
  MIN_DWELL_MS,
  type MarkStyle,
  type MentionsMode,
  type OnDemandMode,
  type Settings,
  type SiteMode,
  type ThemeSetting,
} from '~/lib/settings/settings';
import type { SettingsImportResult } from '~/browser/settings-storage';
import { applyTheme } from '../apply-theme';
import { Choice, Section, Switch } from './controls';
import { SiteList } from './SiteList';
import { EntityTypePicker } from './EntityTypePicker';
import { HiddenEntities } from './HiddenEntities';
import { Corrections } from './Corrections';
import { BackupSection } from './BackupSection';
import { LanguageMenu } from './LanguageMenu';
import { formatNumber, t } from '~/lib/i18n';
import './options.css';

export interface SettingsApi {
  load(): Promise<Settings>;
  update(patch: Partial<Settings>): Promise<Settings>;
  /** Calls back on every stored change; returns the unsubscribe function. */
  watch(onChange: (s: Settings) => void): () => void;
  reset(): Promise<Settings>;
  exportSettings(): Promise<Record<string, unknown>>;
  importSettings(raw: unknown): Promise<SettingsImportResult>;
  /** The browser's keyboard shortcuts for our commands, where it can list them. */
  shortcuts?(): Promise<Shortcut[]>;
}

interface Shortcut {
  name: string;
  description: string;
  /** '' when the user removed the key. */
  shortcut: string;
}

/** `[id, name, type]` of every entity, for the hidden-entities list (the alias index's first table). */
export type EntityNames = readonly (readonly [string, string, EntityType])[];

interface OptionsAppProps {
  api: SettingsApi;
  entities: EntityNames;
  /** Where the browser lets people change shortcuts; null when it has no page for it. */
  shortcutsHelp: string | null;
}

export function OptionsApp({ api, entities, shortcutsHelp }: OptionsAppProps) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState('');
  const [shortcuts, setShortcuts] = useState<Shortcut[]>([]);

  useEffect(() => {
    let live = true;
    void api.load().then((s) => live && setSettings(s));
    const stop = api.watch((s) => setSettings(s));
    void api
      .shortcuts?.()
      .then((list) => live && setShortcuts(list))
      .catch(() => {});
    return () => {
      live = false;
      stop();
    };
  }, [api]);

  const theme = settings?.theme;
  useEffect(() => {
    if (theme) applyTheme(document, theme);
  }, [theme]);

  const save = (patch: Partial<Settings>) => {
    // Optimistic: the controls answer at once; the stored result (validated) replaces it a moment later.
    setSettings((s) => (s ? { ...s, ...patch } : s));
    api.update(patch).then(
      (stored) => {
        setSettings(stored);
        setStatus(t('optionsSaved'));
      },
      () => setStatus(t('optionsSaveFailed')),
    );
  };

  const names = useMemo(() => new Map(entities.map(([id, name, type]) => [id, { name, type }])), [entities]);

  if (!settings) return <main class="lens-options" aria-busy="true" />;
  const s = settings;
  const sites = s.mode === 'everywhere' ? s.disabledSites : s.allowedSites;

  return (
    <main class="lens-options">
      <header class="lens-options__header">
        <h1>{t('optionsTitle')}</h1>
        <p class="lens-muted">{t('optionsIntro')}</p>
      </header>
      {s.paused && (
        <div class="lens-paused" role="note">
          <span>{t('optionsPausedNote')}</span>
          <button type="button" class="lens-button" onClick={() => save({ paused: false })}>
            {t('optionsResume')}
          </button>
        </div>
      )}

      <Section title={t('optionsWhereItRuns')} id="where">
        <Switch
          label={t('optionsPauseEverywhere')}
          hint={t('optionsPauseHint')}
          checked={s.paused}
          onChange={(paused) => save({ paused })}
          name="paused"
        />
        <Choice<SiteMode>
          legend={t('optionsSites')}
          name="mode"
          value={s.mode}
          onChange={(mode) => save({ mode })}
          options={[
            { value: 'everywhere', label: t('optionsEverySite'), hint: t('optionsEverySiteHint') },
            { value: 'allow-list', label: t('optionsChosenSites'), hint: t('optionsChosenSitesHint') },
          ]}
        />
        <SiteList
          key={s.mode}
          label={s.mode === 'everywhere' ? t('optionsSitesOff') : t('optionsSitesOn')}
          empty={s.mode === 'everywhere' ? t('optionsSitesOffEmpty') : t('optionsSitesOnEmpty')}
          sites={sites}
          onChange={(list) => save(s.mode === 'everywhere' ? { disabledSites: list } : { allowedSites: list })}
        />
      </Section>

      <Section title={t('optionsWhatIsMarked')} id="what">
        <EntityTypePicker selected={s.entityTypes} onChange={(entityTypes) => save({ entityTypes })} />
        <Choice<MentionsMode>
          legend={t('optionsMentions')}
          name="mentions"
          value={s.mentions}
          onChange={(mentions) => save({ mentions })}
          options={[
            {
              value: 'calm',
              label: t('optionsCalm'),
              hint: t('optionsCalmHint'),
            },
            { value: 'every', label: t('optionsEveryMention') },
            { value: 'first', label: t('optionsFirstMention'), hint: t('optionsFirstMentionHint') },
          ]}
        />
        <HiddenEntities
          hidden={s.hiddenEntities}
          names={names}
          entities={entities}
          onChange={(hiddenEntities) => save({ hiddenEntities })}
        />
        <Corrections corrections={s.corrections} names={names} onChange={(corrections) => save({ corrections })} />
      </Section>

      <Section title={t('optionsMarksAndCards')} id="cards">
        <Choice<MarkStyle>
          legend={t('optionsMarkStyle')}
          name="markStyle"
          value={s.markStyle}
          onChange={(markStyle) => save({ markStyle })}
          options={[
            { value: 'underline', label: t('optionsUnderline'), preview: 'underline' },
            { value: 'background', label: t('optionsBackground'), preview: 'background' },
            { value: 'none', label: t('optionsNoMarks'), hint: t('optionsNoMarksHint') },
          ]}
        />
        <Choice<OnDemandMode>
          legend={t('optionsOpenCard')}
          name="onDemand"
          value={s.onDemand}
          onChange={(onDemand) => save({ onDemand })}
          options={[
            { value: 'off', label: t('optionsOnRest') },
            { value: 'alt', label: t('optionsOnAlt') },
            { value: 'click', label: t('optionsOnClick') },
          ]}
        />
        <DwellSlider value={s.dwellMs} disabled={s.onDemand === 'click'} onChange={(dwellMs) => save({ dwellMs })} />
      </Section>

      <Section title={t('optionsAppearance')} id="appearance">
        <LanguageMenu value={s.language} onChange={(language) => save({ language })} />
        <Choice<ThemeSetting>
          legend={t('optionsTheme')}
          name="theme"
          value={s.theme}
          onChange={(theme) => save({ theme })}
          options={[
            { value: 'auto', label: t('optionsThemeAuto') },
            { value: 'light', label: t('optionsThemeLight') },
            { value: 'dark', label: t('optionsThemeDark') },
          ]}
        />
        <Switch
          label={t('optionsHighlightSnippets')}
          hint={t('optionsHighlightSnippetsHint')}
          checked={s.highlightSnippets}
          onChange={(highlightSnippets) => save({ highlightSnippets })}
          name="highlightSnippets"
        />
      </Section>

      {shortcuts.length > 0 && (
        <Section title={t('optionsShortcuts')} id="shortcuts">
          <dl class="lens-shortcuts">
            {shortcuts.map((c) => (
              <div key={c.name}>
                <dt>{c.description}</dt>
                <dd>
                  {c.shortcut ? <kbd>{c.shortcut}</kbd> : <span class="lens-muted">{t('optionsShortcutNotSet')}</span>}
                </dd>
              </div>
            ))}
          </dl>
          {shortcutsHelp && <p class="lens-muted lens-small">{t('optionsShortcutsHelp', shortcutsHelp)}</p>}
        </Section>
      )}

      <BackupSection
        api={api}
        onStatus={setStatus}
        onReset={() =>
          api.reset().then((stored) => {
            setSettings(stored);
            setStatus(t('optionsResetDone'));
          })
        }
      />

      <Section title={t('optionsPrivacy')} id="privacy">
        <p class="lens-small">{t('optionsPrivacyText')}</p>
      </Section>

      <p class="lens-status" role="status" aria-live="polite">
        {status}
      </p>
    </main>
  );
}

function DwellSlider({
  value,
  disabled,
  onChange,
}: {
  value: number;
  disabled: boolean;
  onChange: (ms: number) => void;
}) {
  // The slider moves freely; the setting is written when it is let go, not on every pixel of the drag.
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  return (
    <div class={`lens-field${disabled ? ' lens-field--disabled' : ''}`}>
      <label for="lens-dwell" class="lens-label">
        {t('optionsDelay')}{' '}
        <output for="lens-dwell">
          {t('optionsSeconds', formatNumber(draft / 1000, { minimumFractionDigits: 2, maximumFractionDigits: 2 }))}
        </output>
      </label>
      <input
        id="lens-dwell"
        name="dwellMs"
        type="range"
        min={MIN_DWELL_MS}
        max={MAX_DWELL_MS}
        step={50}
        value={draft}
        disabled={disabled}
        onInput={(e) => setDraft(Number(e.currentTarget.value))}
        onChange={(e) => onChange(Number(e.currentTarget.value))}
      />
      <p class="lens-hint">{disabled ? t('optionsDelayClickHint') : t('optionsDelayHint')}</p>
    </div>
  );
}
