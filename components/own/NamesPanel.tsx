/**
 * Names you track, in the library: a name, its other spellings, a type and an optional summary. They are marked on
 * pages like the fact base's names (the background's matcher gains them) and their cards are built from your
 * notes, snippets and sources. Removing one can be undone.
 */
import { useEffect, useId, useState } from 'preact/hooks';
import type { EntityType } from '~/lib/factbase/types';
import { nameProblem } from '~/lib/own/source-file';
import { OWN_LIMITS, OWN_NAME_PREFIX, type OwnName } from '~/lib/own/types';
import { ENTITY_TYPES } from '~/lib/own/validate-own';
import { onOwnChanged } from '~/browser/snippets-db/own-events';
import { deleteName, listNames, putName, restoreName } from '~/browser/snippets-db/own-store';
import type { Notice } from './SourcesPanel';

interface Draft {
  id?: string;
  name: string;
  aliases: string;
  type: EntityType;
  summary: string;
}

const EMPTY: Draft = { name: '', aliases: '', type: 'person', summary: '' };

/** Other spellings, one per line or separated by commas or semicolons. */
const splitAliases = (text: string) => [
  ...new Set(
    text
      .split(/[\n,;]/)
      .map((a) => a.trim())
      .filter(Boolean),
  ),
];

export function NamesPanel(props: { show: (notice: Notice) => void; initialName?: string }) {
  const [names, setNames] = useState<OwnName[] | null>(null);
  const [draft, setDraft] = useState<Draft>({ ...EMPTY, name: props.initialName ?? '' });
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();

  const reload = () =>
    void listNames().then(setNames, (err: Error) => props.show({ kind: 'error', text: err.message }));
  useEffect(() => {
    reload();
    return onOwnChanged(() => reload());
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    const aliases = splitAliases(draft.aliases);
    const found = nameProblem(draft.name) ?? aliases.map((a) => nameProblem(a, 'The other spelling')).find(Boolean);
    if (found) return setProblem(found);
    if (aliases.length > OWN_LIMITS.aliases) return setProblem(`At most ${OWN_LIMITS.aliases} other spellings.`);
    setProblem(null);
    const now = Date.now();
    const old = draft.id ? names?.find((n) => n.id === draft.id) : undefined;
    const record: OwnName = {
      id: draft.id ?? `${OWN_NAME_PREFIX}${crypto.randomUUID()}`,
      name: draft.name.trim(),
      aliases,
      type: draft.type,
      summary: draft.summary.trim(),
      createdAt: old?.createdAt ?? now,
      updatedAt: now,
    };
    try {
      const previous = await putName(record);
      setDraft(EMPTY);
      reload();
      props.show({
        kind: 'ok',
        text: `${previous ? 'Updated' : 'Tracking'} “${record.name}”. Pages opened from now on mark it.`,
        undo: () =>
          void (previous ? putName(previous) : deleteName(record.id)).then(reload, (err: Error) =>
            props.show({ kind: 'error', text: err.message }),
          ),
      });
    } catch (err) {
      setProblem((err as Error).message);
    }
  };

  const remove = async (name: OwnName) => {
    try {
      const removed = await deleteName(name.id);
      reload();
      if (removed)
        props.show({
          kind: 'ok',
          text: `Stopped tracking “${name.name}”${removed.note ? ' (and removed your note on it)' : ''}.`,
          undo: () => void restoreName(removed).then(reload),
        });
    } catch (err) {
      props.show({ kind: 'error', text: (err as Error).message });
    }
  };

  return (
    <section class="own-panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Names you track</h2>
      <p class="muted">
        Marked on pages like the names of the fact base, with the same spelling, case-ending and word-boundary rules;
        their cards show your notes, snippets and the quotes from your sources.
      </p>
      <form class="own-form" onSubmit={submit}>
        <div class="own-row">
          <label class="own-field">
            <span>Name</span>
            <input
              type="text"
              value={draft.name}
              maxLength={OWN_LIMITS.name}
              onInput={(e) => setDraft({ ...draft, name: (e.currentTarget as HTMLInputElement).value })}
            />
          </label>
          <label class="own-field">
            <span>Type</span>
            <select
              value={draft.type}
              onChange={(e) => setDraft({ ...draft, type: (e.currentTarget as HTMLSelectElement).value as EntityType })}
            >
              {ENTITY_TYPES.map((t) => (
                <option key={t} value={t}>
                  {t.replace('-', ' ')}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label class="own-field">
          <span>Other spellings (comma-separated)</span>
          <input
            type="text"
            value={draft.aliases}
            onInput={(e) => setDraft({ ...draft, aliases: (e.currentTarget as HTMLInputElement).value })}
          />
        </label>
        <label class="own-field">
          <span>Summary (optional)</span>
          <textarea
            rows={2}
            value={draft.summary}
            maxLength={OWN_LIMITS.summary}
            onInput={(e) => setDraft({ ...draft, summary: (e.currentTarget as HTMLTextAreaElement).value })}
          />
        </label>
        <div class="own-row own-actions">
          <span class="spacer" />
          {draft.id && (
            <button type="button" onClick={() => setDraft(EMPTY)}>
              Cancel editing
            </button>
          )}
          <button type="submit" class="primary">
            {draft.id ? 'Save name' : 'Track this name'}
          </button>
        </div>
        {problem && (
          <p class="own-problem" role="alert">
            {problem}
          </p>
        )}
      </form>
      {names === null ? (
        <p class="muted">Loading…</p>
      ) : names.length === 0 ? (
        <p class="muted">No names yet.</p>
      ) : (
        <ul class="own-list" aria-label="Names you track">
          {names.map((n) => (
            <li key={n.id} class="own-item" data-name-id={n.id}>
              <div>
                <strong>{n.name}</strong>
                <span class="muted">
                  {' '}
                  {[n.type, n.aliases.length ? `also ${n.aliases.join(', ')}` : ''].filter(Boolean).join(' · ')}
                </span>
                {n.summary && <p class="own-summary">{n.summary}</p>}
              </div>
              <div class="own-item-actions">
                <button
                  type="button"
                  onClick={() =>
                    setDraft({
                      id: n.id,
                      name: n.name,
                      aliases: n.aliases.join(', '),
                      type: n.type,
                      summary: n.summary,
                    })
                  }
                >
                  Edit
                </button>
                <button type="button" class="danger" onClick={() => void remove(n)}>
                  Stop tracking
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
