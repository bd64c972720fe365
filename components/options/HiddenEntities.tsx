/** Names the reader never wants marked: hidden from a card ("Hide this name") or added here by name. */
import { useState } from 'preact/hooks';
import type { EntityType } from '~/lib/factbase/types';
import type { EntityNames } from './OptionsApp';
import { ENTITY_TYPE_LABELS } from './EntityTypePicker';

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
      setError('Pick a name from the list.');
      return;
    }
    setError('');
    setDraft('');
    if (!props.hidden.includes(id)) props.onChange([...props.hidden, id]);
  };

  return (
    <div class="lens-field">
      <h3 class="lens-label" id="lens-hidden-label">
        Hidden names
      </h3>
      {props.hidden.length === 0 ? (
        <p class="lens-hint">None. A card's “Hide” action adds a name here.</p>
      ) : (
        <ul class="lens-chips" aria-labelledby="lens-hidden-label">
          {props.hidden.map((id) => {
            const entity = props.names.get(id);
            return (
              <li key={id} class="lens-chip">
                <span>
                  {entity?.name ?? id}
                  {entity && <span class="lens-chip__type"> · {ENTITY_TYPE_LABELS[entity.type]}</span>}
                </span>
                <button
                  type="button"
                  class="lens-chip__remove"
                  aria-label={`Show ${entity?.name ?? id} again`}
                  title="Show again"
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
          placeholder="A name, e.g. Baku–Tbilisi–Ceyhan"
          aria-label="Name to hide"
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
          Hide name
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
