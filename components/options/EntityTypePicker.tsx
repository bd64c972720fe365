/** Which kinds of names are marked: one checkbox per entity type, with all / none shortcuts. */
import type { EntityType } from '~/lib/factbase/types';
import { ALL_ENTITY_TYPES } from '~/lib/settings/settings';

export const ENTITY_TYPE_LABELS: Record<EntityType, string> = {
  person: 'People',
  organization: 'Organisations',
  company: 'Companies',
  country: 'Countries',
  region: 'Regions',
  place: 'Places',
  agreement: 'Agreements',
  pipeline: 'Pipelines',
  corridor: 'Corridors',
  port: 'Ports',
  railway: 'Railways',
  'gas-field': 'Gas fields',
  'military-system': 'Military systems',
  event: 'Events',
  program: 'Programmes',
  idea: 'Ideas',
};

export function EntityTypePicker(props: { selected: EntityType[]; onChange: (types: EntityType[]) => void }) {
  const toggle = (type: EntityType, on: boolean) =>
    props.onChange(ALL_ENTITY_TYPES.filter((t) => (t === type ? on : props.selected.includes(t))));
  return (
    <fieldset class="lens-field">
      <legend class="lens-label">Kinds of names</legend>
      <div class="lens-types">
        {ALL_ENTITY_TYPES.map((type) => (
          <label key={type} class="lens-check">
            <input
              type="checkbox"
              name="entityTypes"
              value={type}
              checked={props.selected.includes(type)}
              onChange={(e) => toggle(type, e.currentTarget.checked)}
            />
            {ENTITY_TYPE_LABELS[type]}
          </label>
        ))}
      </div>
      <div class="lens-row">
        <button type="button" class="lens-link" onClick={() => props.onChange([...ALL_ENTITY_TYPES])}>
          Select all
        </button>
        <button type="button" class="lens-link" onClick={() => props.onChange([])}>
          Clear
        </button>
      </div>
    </fieldset>
  );
}
