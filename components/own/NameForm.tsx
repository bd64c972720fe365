/**
 * The form for a name the reader tracks: the name, its other spellings, a type and an optional summary. Used by the
 * library's "Your names" (add and edit) and by the popup's "Track this name". Checks the input before anything is
 * stored (empty, one letter, too many spellings) and says why in a sentence; stores the name in IndexedDB and hands
 * back the record and the version it replaced, so the caller can offer undo.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { EntityType } from '~/lib/factbase/types';
import { nameDraftProblem, splitAliases } from '~/lib/own/name-draft';
import { OWN_LIMITS, OWN_NAME_PREFIX, type OwnName } from '~/lib/own/types';
import { ENTITY_TYPES } from '~/lib/factbase/types';
import { putName } from '~/browser/snippets-db/own-store';
import { t } from '~/lib/i18n/translator';
import { typeLabel } from '~/lib/i18n/words';
import { problemText } from './problem-text';

/** The form's words, in the interface language when read (lib/i18n). */
const TEXT = {
  get name() {
    return t('ownFieldName');
  },
  get type() {
    return t('ownFieldType');
  },
  get aliases() {
    return t('ownFieldAliases');
  },
  get summary() {
    return t('ownFieldSummary');
  },
  get track() {
    return t('ownTrackTitle');
  },
  get save() {
    return t('ownSaveName');
  },
  get cancel() {
    return t('cardOwnCancel');
  },
  get cancelEdit() {
    return t('ownCancelEdit');
  },
};

export interface NameDraft {
  id?: string;
  name: string;
  aliases: string;
  type: EntityType;
  summary: string;
}

export const EMPTY_NAME: NameDraft = { name: '', aliases: '', type: 'person', summary: '' };

export const draftOf = (n: OwnName): NameDraft => ({
  id: n.id,
  name: n.name,
  aliases: n.aliases.join(', '),
  type: n.type,
  summary: n.summary,
});

/** The first problem with a draft, as a sentence for the reader; null when it can be stored. */
function problemOf(draft: NameDraft): string | null {
  const found = nameDraftProblem(draft.name, draft.aliases);
  return found && problemText(found);
}

export function NameForm(props: {
  draft: NameDraft;
  /** The stored version of the name being edited, if any. */
  existing?: OwnName;
  onSaved(record: OwnName, previous: OwnName | undefined): void;
  onCancel?: () => void;
  /** Focus the name field when the form appears (the popup, the "Track this name" menu item). */
  autoFocus?: boolean;
  compact?: boolean;
}) {
  const [draft, setDraft] = useState<NameDraft>(props.draft);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nameField = useRef<HTMLInputElement>(null);
  const id = useId();
  // A new draft from the parent (another name picked for editing) replaces the form's; the first render already shows
  // it, and resetting after mount too would wipe what the reader typed before the effect ran (Preact runs effects
  // after paint, up to 100 ms later in a busy popup).
  const shownDraft = useRef(props.draft);
  useEffect(() => {
    if (shownDraft.current === props.draft) return;
    shownDraft.current = props.draft;
    setDraft(props.draft);
    setProblem(null);
  }, [props.draft]);
  useEffect(() => {
    if (props.autoFocus) nameField.current?.focus();
  }, [props.autoFocus, props.draft]);

  const submit = async (e: Event) => {
    e.preventDefault();
    const found = problemOf(draft);
    setProblem(found);
    if (found) return nameField.current?.focus();
    const now = Date.now();
    const record: OwnName = {
      id: draft.id ?? `${OWN_NAME_PREFIX}${crypto.randomUUID()}`,
      name: draft.name.trim(),
      aliases: splitAliases(draft.aliases),
      type: draft.type,
      summary: draft.summary.trim(),
      createdAt: props.existing?.createdAt ?? now,
      updatedAt: now,
    };
    setBusy(true);
    try {
      props.onSaved(record, await putName(record));
    } catch (err) {
      setProblem((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const T = TEXT;
  return (
    <form
      class={`own-form${props.compact ? ' own-form-compact' : ''}`}
      onSubmit={submit}
      aria-describedby={problem ? `${id}-p` : undefined}
      data-own-form="name"
    >
      <div class="own-row">
        <label class="own-field">
          <span>{T.name}</span>
          <input
            ref={nameField}
            type="text"
            name="name"
            value={draft.name}
            maxLength={OWN_LIMITS.name}
            aria-invalid={problem ? 'true' : undefined}
            onInput={(e) => {
              const value = (e.currentTarget as HTMLInputElement).value;
              setDraft((d) => ({ ...d, name: value }));
            }}
          />
        </label>
        <label class="own-field">
          <span>{T.type}</span>
          <select
            name="type"
            value={draft.type}
            onChange={(e) => {
              const type = (e.currentTarget as HTMLSelectElement).value as EntityType;
              setDraft((d) => ({ ...d, type }));
            }}
          >
            {ENTITY_TYPES.map((type) => (
              <option key={type} value={type}>
                {typeLabel(type)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label class="own-field">
        <span>{T.aliases}</span>
        <input
          type="text"
          name="aliases"
          value={draft.aliases}
          onInput={(e) => {
            const value = (e.currentTarget as HTMLInputElement).value;
            setDraft((d) => ({ ...d, aliases: value }));
          }}
        />
      </label>
      <label class="own-field">
        <span>{T.summary}</span>
        <textarea
          name="summary"
          rows={2}
          value={draft.summary}
          maxLength={OWN_LIMITS.summary}
          onInput={(e) => {
            const value = (e.currentTarget as HTMLTextAreaElement).value;
            setDraft((d) => ({ ...d, summary: value }));
          }}
        />
      </label>
      <div class="own-row own-actions">
        <span class="spacer" />
        {props.onCancel && (
          <button type="button" onClick={props.onCancel}>
            {draft.id ? T.cancelEdit : T.cancel}
          </button>
        )}
        <button type="submit" class="primary" disabled={busy}>
          {draft.id ? T.save : T.track}
        </button>
      </div>
      {problem && (
        <p class="own-problem" id={`${id}-p`} role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
