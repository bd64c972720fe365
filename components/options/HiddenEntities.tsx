/** Names the reader never wants marked: hidden from a card ("Hide this name") or added here by name. */
import { useState } from 'preact/hooks';
import type { EntityType } from '~/lib/factbase/types';
import type { EntityNames } from './OptionsApp';
import { kindLabel } from './EntityTypePicker';
import { t } from '~/lib/i18n/translator';

export function HiddenEntities(props: {
  hidden: string[];
  names: Map<string, { name: string; type: EntityType }>;
  entities: EntityNames;
  onChange: (ids: string[]) => void;
}) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState('');
  const byName = new Map(props.entities.map(([id, name]) => [name.toLowerCase(), id]));

  const add = (e: Event) => {
    e.preventDefault();
    const id = byName.get(draft.trim().toLowerCase());
    if (!id) {
      setError(t('optionsPickName'));
      return;
    }
    setError('');
    setDraft('');
    if (!props.hidden.includes(id)) props.onChange([...props.hidden, id]);
  };

  return (
    <div class="lens-field">
      <h3 class="lens-label" id="lens-hidden-label">
        {t('optionsHiddenNames')}
      </h3>
      {props.hidden.length === 0 ? (
        <p class="lens-hint">{t('optionsHiddenEmpty')}</p>
      ) : (
        <ul class="lens-chips" aria-labelledby="lens-hidden-label">
          {props.hidden.map((id) => {
            const entity = props.names.get(id);
            return (
              <li key={id} class="lens-chip">
                <span>
                  {entity?.name ?? id}
                  {entity && <span class="lens-chip__type"> · {kindLabel(entity.type)}</span>}
                </span>
                <button
                  type="button"
                  class="lens-chip__remove"
                  aria-label={t('optionsShowAgainName', entity?.name ?? id)}
                  title={t('optionsShowAgain')}
                  onClick={() => props.onChange(props.hidden.filter((h) => h !== id))}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <form class="lens-inline-form" onSubmit={add}>
        <input
          type="text"
          name="hide-entity"
          list="lens-entity-names"
          autoComplete="off"
          placeholder={t('optionsHidePlaceholder')}
          aria-label={t('optionsNameToHide')}
          aria-invalid={error ? true : undefined}
          value={draft}
          onInput={(e) => setDraft(e.currentTarget.value)}
        />
        <datalist id="lens-entity-names">
          {props.entities
            .filter(([id]) => !props.hidden.includes(id))
            .map(([id, name]) => (
              <option key={id} value={name} />
            ))}
        </datalist>
        <button type="submit" class="lens-button">
          {t('optionsHideName')}
        </button>
      </form>
      {error && (
        <p class="lens-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
