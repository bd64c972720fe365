/**
 * Names you track, in the library: a name, its other spellings, a type and an optional summary. They are marked on
 * pages like the fact base's names (the background's matcher gains them) and their cards are built from your
 * notes, snippets and sources. Removing one can be undone.
 */
import { useEffect, useId, useState } from 'preact/hooks';
import type { OwnName } from '~/lib/own/types';
import { onOwnChanged } from '~/browser/snippets-db/own-events';
import { deleteName, listNames, putName, restoreName } from '~/browser/snippets-db/own-store';
import { EMPTY_NAME, NameForm, draftOf, type NameDraft } from './NameForm';
import type { Notice } from './SourcesPanel';
import { useLatest } from '../use-latest';
import { t } from '~/lib/i18n/translator';
import { typeLabel } from '~/lib/i18n/words';

/** The words, in the interface language when read (lib/i18n). */
const TEXT = {
  get heading() {
    return t('ownNamesHeading');
  },
  get intro() {
    return t('ownNamesIntro');
  },
  saved: (name: string, updated: boolean) => (updated ? t('ownUpdated', name) : t('ownTracking', name)),
  removed: (name: string, note: boolean) => (note ? t('ownStoppedTrackingNote', name) : t('ownStoppedTracking', name)),
  get loading() {
    return t('libraryLoading');
  },
  get none() {
    return t('ownNamesNone');
  },
  get edit() {
    return t('ownEdit');
  },
  get remove() {
    return t('ownStopTracking');
  },
  also: (aliases: string[]) => t('ownAlso', aliases.join(', ')),
};

export function NamesPanel(props: { show: (notice: Notice) => void; initialName?: string }) {
  const [names, setNames] = useState<OwnName[] | null>(null);
  const [draft, setDraft] = useState<NameDraft>(() => ({ ...EMPTY_NAME, name: props.initialName ?? '' }));
  const id = useId();

  const reload = () =>
    void listNames().then(setNames, (err: Error) => props.show({ kind: 'error', text: err.message }));
  // Loaded once and again on every change, with the latest props.
  const reloadRef = useLatest(reload);
  useEffect(() => {
    reloadRef.current();
    return onOwnChanged(() => reloadRef.current());
  }, [reloadRef]);

  const saved = (record: OwnName, previous: OwnName | undefined) => {
    setDraft({ ...EMPTY_NAME });
    reload();
    props.show({
      kind: 'ok',
      text: TEXT.saved(record.name, !!previous),
      undo: () =>
        void (previous ? putName(previous) : deleteName(record.id)).then(reload, (err: Error) =>
          props.show({ kind: 'error', text: err.message }),
        ),
    });
  };

  const remove = async (name: OwnName) => {
    try {
      const removed = await deleteName(name.id);
      reload();
      if (removed)
        props.show({
          kind: 'ok',
          text: TEXT.removed(name.name, !!removed.note),
          undo: () => void restoreName(removed).then(reload),
        });
    } catch (err) {
      props.show({ kind: 'error', text: (err as Error).message });
    }
  };

  return (
    <section class="own-panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{TEXT.heading}</h2>
      <p class="muted">{TEXT.intro}</p>
      <NameForm
        draft={draft}
        existing={draft.id ? names?.find((n) => n.id === draft.id) : undefined}
        onSaved={saved}
        onCancel={draft.id ? () => setDraft({ ...EMPTY_NAME }) : undefined}
        autoFocus={!!props.initialName || !!draft.id}
      />
      {names === null ? (
        <p class="muted">{TEXT.loading}</p>
      ) : names.length === 0 ? (
        <p class="muted">{TEXT.none}</p>
      ) : (
        <ul class="own-list" aria-label={TEXT.heading}>
          {names.map((n) => (
            <li key={n.id} class="own-item" data-name-id={n.id}>
              <div>
                <strong>{n.name}</strong>
                <span class="muted">
                  {' '}
                  {[typeLabel(n.type), n.aliases.length ? TEXT.also(n.aliases) : ''].filter(Boolean).join(' · ')}
                </span>
                {n.summary && <p class="own-summary">{n.summary}</p>}
              </div>
              <div class="own-item-actions">
                <button type="button" onClick={() => setDraft(draftOf(n))}>
                  {TEXT.edit}
                </button>
                <button type="button" class="danger" onClick={() => void remove(n)}>
                  {TEXT.remove}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
