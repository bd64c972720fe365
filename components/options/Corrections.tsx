/** The reader's "Not this" corrections (made on a card): which words are not which name, where; each can be undone. */
import type { EntityType } from '~/lib/factbase/types';
import type { Correction } from '~/lib/settings/settings';
import { t } from '~/lib/i18n/translator';

export function Corrections(props: {
  corrections: Correction[];
  names: Map<string, { name: string; type: EntityType }>;
  onChange: (corrections: Correction[]) => void;
}) {
  return (
    <div class="lens-field">
      <h3 class="lens-label" id="lens-corrections-label">
        {t('optionsCorrections')}
      </h3>
      {props.corrections.length === 0 ? (
        <p class="lens-hint">{t('optionsCorrectionsEmpty')}</p>
      ) : (
        <ul class="lens-corrections" aria-labelledby="lens-corrections-label">
          {props.corrections.map((c) => {
            const name = props.names.get(c.entity)?.name ?? c.entity;
            const what = t('optionsCorrectionWhat', c.text, name);
            const where = c.site ? t('optionsCorrectionOnSite', c.site) : t('optionsCorrectionEverywhere');
            return (
              <li key={`${c.entity} ${c.text} ${c.site}`} class="lens-correction">
                <span>
                  {what} <span class="lens-hint">{where}</span>
                </span>
                <button
                  type="button"
                  class="lens-button"
                  aria-label={t('optionsCorrectionUndo', c.text, name, where)}
                  onClick={() => props.onChange(props.corrections.filter((x) => x !== c))}
                >
                  {t('optionsUndo')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
