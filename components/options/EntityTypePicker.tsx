/** Which kinds of names are marked: one checkbox per entity type, with all / none shortcuts. */
import type { EntityType } from '~/lib/factbase/types';
import { ALL_ENTITY_TYPES } from '~/lib/settings/settings';
import { t, type MessageKey } from '~/lib/i18n/translator';

const KIND_KEYS: Record<EntityType, MessageKey> = {
  person: 'optionsKindPerson',
  organization: 'optionsKindOrganization',
  company: 'optionsKindCompany',
  country: 'optionsKindCountry',
  region: 'optionsKindRegion',
  place: 'optionsKindPlace',
  agreement: 'optionsKindAgreement',
  pipeline: 'optionsKindPipeline',
  corridor: 'optionsKindCorridor',
  port: 'optionsKindPort',
  railway: 'optionsKindRailway',
  'gas-field': 'optionsKindGasField',
  'military-system': 'optionsKindMilitarySystem',
  event: 'optionsKindEvent',
  program: 'optionsKindProgram',
  idea: 'optionsKindIdea',
};

/** A kind of name in the plural, as a filter ("People", "Pipelines"). */
export const kindLabel = (type: EntityType): string => t(KIND_KEYS[type]);

export function EntityTypePicker(props: { selected: EntityType[]; onChange: (types: EntityType[]) => void }) {
  const toggle = (type: EntityType, on: boolean) =>
    props.onChange(ALL_ENTITY_TYPES.filter((t) => (t === type ? on : props.selected.includes(t))));
  return (
    <fieldset class="lens-field">
      <legend class="lens-label">{t('optionsKinds')}</legend>
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
            {kindLabel(type)}
          </label>
        ))}
      </div>
      <div class="lens-row">
        <button type="button" class="lens-link" onClick={() => props.onChange([...ALL_ENTITY_TYPES])}>
          {t('optionsSelectAll')}
        </button>
        <button type="button" class="lens-link" onClick={() => props.onChange([])}>
          {t('optionsClear')}
        </button>
      </div>
    </fieldset>
  );
}
