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

export interface Shortcut {
  name: string;
  description: string;
  /** '' when the user removed the key. */
  shortcut: string;
}

/** `[id, name, type]` of every entity, for the hidden-entities list (the alias index's first table). */
export type EntityNames = readonly (readonly [string, string, EntityType])[];

export interface OptionsAppProps {
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
        setStatus('Saved. Open tabs have been updated.');
      },
      () => setStatus('Could not save this change. Please try again.'),
    );
  };

  const names = useMemo(() => new Map(entities.map(([id, name, type]) => [id, { name, type }])), [entities]);

  if (!settings) return <main class="lens-options" aria-busy="true" />;
  const s = settings;
  const sites = s.mode === 'everywhere' ? s.disabledSites : s.allowedSites;

  return (
    <main class="lens-options">
      <header class="lens-options__header">
        <h1>Caspian Lens settings</h1>
        <p class="lens-muted">Changes are saved as you make them and apply at once in every open tab.</p>
      </header>
      {s.paused && (
        <div class="lens-paused" role="note">
          <span>Caspian Lens is paused: nothing is marked on any page.</span>
          <button type="button" class="lens-button" onClick={() => save({ paused: false })}>
            Resume
          </button>
        </div>
      )}

      <Section title="Where it runs" id="where">
        <Switch
          label="Pause everywhere"
          hint="No marks and no cards on any page until you turn this off (also from the toolbar and with the shortcut)."
          checked={s.paused}
          onChange={(paused) => save({ paused })}
          name="paused"
        />
        <Choice<SiteMode>
          legend="Sites"
          name="mode"
          value={s.mode}
          onChange={(mode) => save({ mode })}
          options={[
            { value: 'everywhere', label: 'On every site', hint: 'except the sites listed below' },
            { value: 'allow-list', label: 'Only on sites I choose', hint: 'listed below' },
          ]}
        />
        <SiteList
          key={s.mode}
          label={s.mode === 'everywhere' ? 'Sites where Caspian Lens is off' : 'Sites where Caspian Lens is on'}
          empty={
            s.mode === 'everywhere'
              ? 'None. Turn a site off from the toolbar popup, a card, or add it here.'
              : 'None yet: Caspian Lens is off everywhere until you add a site.'
          }
          sites={sites}
          onChange={(list) => save(s.mode === 'everywhere' ? { disabledSites: list } : { allowedSites: list })}
        />
      </Section>

      <Section title="What is marked" id="what">
        <EntityTypePicker selected={s.entityTypes} onChange={(entityTypes) => save({ entityTypes })} />
        <Choice<MentionsMode>
          legend="Mentions"
          name="mentions"
          value={s.mentions}
          onChange={(mentions) => save({ mentions })}
          options={[
            {
              value: 'calm',
              label: 'Calm',
              hint: 'each name once per section of the text; none in menus, headlines, captions or bylines',
            },
            { value: 'every', label: 'Every mention' },
            { value: 'first', label: 'First mention of each name', hint: 'the popup still counts them all' },
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

      <Section title="Marks and cards" id="cards">
        <Choice<MarkStyle>
          legend="Mark style"
          name="markStyle"
          value={s.markStyle}
          onChange={(markStyle) => save({ markStyle })}
          options={[
            { value: 'underline', label: 'Dotted underline', preview: 'underline' },
            { value: 'background', label: 'Tinted background', preview: 'background' },
            { value: 'none', label: 'No marks', hint: 'cards on demand only: hold Alt or click on a name' },
          ]}
        />
        <Choice<OnDemandMode>
          legend="Open a card"
          name="onDemand"
          value={s.onDemand}
          onChange={(onDemand) => save({ onDemand })}
          options={[
            { value: 'off', label: 'When the pointer rests on a name' },
            { value: 'alt', label: 'Only while Alt is held' },
            { value: 'click', label: 'Only on click' },
          ]}
        />
        <DwellSlider value={s.dwellMs} disabled={s.onDemand === 'click'} onChange={(dwellMs) => save({ dwellMs })} />
      </Section>

      <Section title="Appearance" id="appearance">
        <Choice<ThemeSetting>
          legend="Theme"
          name="theme"
          value={s.theme}
          onChange={(theme) => save({ theme })}
          options={[
            { value: 'auto', label: 'Follow the system' },
            { value: 'light', label: 'Light' },
            { value: 'dark', label: 'Dark' },
          ]}
        />
        <Switch
          label="Highlight saved snippets"
          hint="When you revisit a page, passages you saved from it are tinted."
          checked={s.highlightSnippets}
          onChange={(highlightSnippets) => save({ highlightSnippets })}
          name="highlightSnippets"
        />
      </Section>

      {shortcuts.length > 0 && (
        <Section title="Keyboard shortcuts" id="shortcuts">
          <dl class="lens-shortcuts">
            {shortcuts.map((c) => (
              <div key={c.name}>
                <dt>{c.description}</dt>
                <dd>{c.shortcut ? <kbd>{c.shortcut}</kbd> : <span class="lens-muted">not set</span>}</dd>
              </div>
            ))}
          </dl>
          {shortcutsHelp && <p class="lens-muted lens-small">Change them at {shortcutsHelp}.</p>}
        </Section>
      )}

      <BackupSection
        api={api}
        onStatus={setStatus}
        onReset={() =>
          api.reset().then((stored) => {
            setSettings(stored);
            setStatus('Settings are back to their defaults.');
          })
        }
      />

      <Section title="Privacy" id="privacy">
        <p class="lens-small">
          Caspian Lens reads pages on your computer and sends nothing anywhere: no requests, no analytics, no remote
          code. Its fact base ships inside the extension; your snippets and settings stay in this browser profile.
        </p>
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
        Delay before a card opens <output for="lens-dwell">{(draft / 1000).toFixed(2)} s</output>
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
      <p class="lens-hint">
        {disabled
          ? 'Cards open on click, so there is no delay.'
          : 'Shorter opens faster; longer avoids cards you did not want.'}
      </p>
    </div>
  );
}
