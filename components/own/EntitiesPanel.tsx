/**
 * Your material grouped by entity, in the library: every name with your snippets, a note or quotes from your
 * sources, with the note editable here as on its card, and a way to its snippets.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { EntityLookup } from '~/lib/snippets/entity-names';
import type { Snippet } from '~/lib/snippets/types';
import type { EntityNote, OwnName } from '~/lib/own/types';
import { onOwnChanged } from '~/browser/snippets-db/own-events';
import { entitiesWithOwnMaterial, listNames, listNotes, restoreNote, setNote } from '~/browser/snippets-db/own-store';
import type { Notice } from './SourcesPanel';
import { useLatest } from '../use-latest';
import { t, tp } from '~/lib/i18n/translator';
import { typeLabel } from '~/lib/i18n/words';

interface Row {
  id: string;
  name: string;
  type: string;
  snippets: number;
  quotes: number;
  note: string;
}

export function EntitiesPanel(props: {
  /**
   * Null while the library is still reading them: the rows wait for them, rather than showing the names with notes
   * first and then, with 10,000 snippets read, a different list.
   */
  snippets: readonly Snippet[] | null;
  entityName: EntityLookup;
  show: (notice: Notice) => void;
  onShowSnippets: (entityId: string) => void;
  focusEntity?: string;
}) {
  const [rows, setRows] = useState<Row[] | null>(null);

  const reload = async () => {
    if (!props.snippets) return;
    const [notes, names] = await Promise.all([listNotes(), listNames()]);
    const ids = new Set<string>([...notes.map((n) => n.entityId), ...names.map((n) => n.id)]);
    for (const s of props.snippets) for (const id of s.entityIds) ids.add(id);
    const markers = await entitiesWithOwnMaterial([...ids]);
    const byNote = new Map<string, EntityNote>(notes.map((n) => [n.entityId, n]));
    const own = new Map<string, OwnName>(names.map((n) => [n.id, n]));
    const list = [...ids].map((id) => {
      const label = own.get(id) ?? props.entityName(id);
      return {
        id,
        name: label?.name ?? id,
        type: label?.type ?? '',
        snippets: markers[id]?.snippets ?? 0,
        quotes: markers[id]?.quotes ?? 0,
        note: byNote.get(id)?.text ?? '',
      };
    });
    list.sort((a, b) => b.snippets + b.quotes - (a.snippets + a.quotes) || a.name.localeCompare(b.name));
    setRows(list);
  };

  // Loaded again when the snippets change and on every change to the reader's material, with the latest props.
  const latest = useLatest({ reload, show: props.show });
  useEffect(() => {
    void latest.current.reload().catch((err: Error) => latest.current.show({ kind: 'error', text: err.message }));
    return onOwnChanged(() => void latest.current.reload().catch(() => {}));
  }, [props.snippets, latest]);

  if (!rows) return <p class="muted">{t('libraryLoading')}</p>;
  if (!rows.length) return <p class="muted">{t('ownEntitiesEmpty')}</p>;
  return (
    <section class="own-panel" aria-label={t('ownEntitiesLabel')}>
      <h2>{t('ownEntitiesHeading')}</h2>
      <ul class="own-list">
        {rows.map((r) => (
          <EntityRow key={r.id} row={r} {...props} open={props.focusEntity === r.id} onSaved={() => void reload()} />
        ))}
      </ul>
    </section>
  );
}

function EntityRow(props: {
  row: Row;
  open: boolean;
  show: (notice: Notice) => void;
  onShowSnippets: (entityId: string) => void;
  onSaved: () => void;
}) {
  const { row } = props;
  const [draft, setDraft] = useState(row.note);
  // The draft follows the stored note when it changes (a save, an undo, another tab), not when the row mounts: the
  // mount's effect runs a frame late, and would wipe what the reader typed as the row appeared.
  const shownNote = useRef(row.note);
  useEffect(() => {
    if (shownNote.current === row.note) return;
    shownNote.current = row.note;
    setDraft(row.note);
  }, [row.note]);
  const save = async (text: string) => {
    try {
      const previous = await setNote(row.id, text);
      props.onSaved();
      props.show({
        kind: 'ok',
        text: text.trim() ? t('ownNoteSaved', row.name) : t('ownNoteRemoved', row.name),
        undo: () => void restoreNote(row.id, previous).then(props.onSaved),
      });
    } catch (err) {
      props.show({ kind: 'error', text: (err as Error).message });
    }
  };
  const details = [
    row.type && typeLabel(row.type),
    row.snippets && tp('ownSnippetCount', row.snippets),
    row.quotes && tp('ownSourceQuoteCount', row.quotes),
    row.note && t('ownNoteMarker'),
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <li class="own-item own-entity" data-entity-id={row.id}>
      <details open={props.open || undefined}>
        <summary>
          <strong>{row.name}</strong> <span class="muted">{details}</span>
        </summary>
        <label class="own-field">
          <span>{t('cardOwnNoteTitle', row.name)}</span>
          <textarea rows={3} value={draft} onInput={(e) => setDraft((e.currentTarget as HTMLTextAreaElement).value)} />
        </label>
        <div class="own-row own-actions">
          {row.snippets > 0 && (
            <button type="button" onClick={() => props.onShowSnippets(row.id)}>
              {t('ownShowSnippets')}
            </button>
          )}
          <span class="spacer" />
          {row.note && (
            <button type="button" class="danger" onClick={() => void save('')}>
              {t('cardOwnRemoveNote')}
            </button>
          )}
          <button type="button" class="primary" disabled={draft === row.note} onClick={() => void save(draft)}>
            {t('cardOwnSaveNote')}
          </button>
        </div>
      </details>
    </li>
  );
}
