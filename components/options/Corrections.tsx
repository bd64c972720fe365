/** The reader's "Not this" corrections (made on a card): which words are not which name, where; each can be undone. */
import type { EntityType } from '~/lib/factbase/types';
import type { Correction } from '~/lib/settings/settings';

export function Corrections(props: {
  corrections: Correction[];
  names: Map<string, { name: string; type: EntityType }>;
  onChange: (corrections: Correction[]) => void;
}) {
  return (
    <div class="lens-field">
      <h3 class="lens-label" id="lens-corrections-label">
        Corrected marks
      </h3>
      {props.corrections.length === 0 ? (
        <p class="lens-hint">None. “Not this?” on a card removes a wrong mark, on its site or everywhere.</p>
      ) : (
        <ul class="lens-corrections" aria-labelledby="lens-corrections-label">
          {props.corrections.map((c) => {
            const name = props.names.get(c.entity)?.name ?? c.entity;
            const what = `“${c.text}” is not ${name}`;
            const where = c.site ? `on ${c.site}` : 'everywhere';
            return (
              <li key={`${c.entity} ${c.text} ${c.site}`} class="lens-correction">
                <span>
                  {what} <span class="lens-hint">{where}</span>
                </span>
                <button
                  type="button"
                  class="lens-button"
                  aria-label={`Undo: mark “${c.text}” as ${name} ${where} again`}
                  onClick={() => props.onChange(props.corrections.filter((x) => x !== c))}
                >
                  Undo
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
