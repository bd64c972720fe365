/** The options page's building blocks: a titled section, a switch, and a radio group. Plain form controls, labelled. */
import type { ComponentChildren } from 'preact';

export function Section({ title, id, children }: { title: string; id: string; children: ComponentChildren }) {
  return (
    <section class="lens-section" aria-labelledby={`lens-${id}`}>
      <h2 id={`lens-${id}`}>{title}</h2>
      {children}
    </section>
  );
}

export function Switch(props: {
  label: string;
  hint?: string;
  checked: boolean;
  name: string;
  onChange: (checked: boolean) => void;
}) {
  const id = `lens-${props.name}`;
  return (
    <div class="lens-field lens-switch-row">
      <div>
        <label for={id} class="lens-label">
          {props.label}
        </label>
        {props.hint && (
          <p class="lens-hint" id={`${id}-hint`}>
            {props.hint}
          </p>
        )}
      </div>
      <input
        id={id}
        name={props.name}
        class="lens-switch"
        type="checkbox"
        role="switch"
        checked={props.checked}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
    </div>
  );
}

interface ChoiceOption<T extends string> {
  value: T;
  label: string;
  hint?: string;
  /** A sample name painted the way this mark style paints names on pages. */
  preview?: 'underline' | 'background';
}

export function Choice<T extends string>(props: {
  legend: string;
  name: string;
  value: T;
  options: ChoiceOption<T>[];
  onChange: (value: T) => void;
}) {
  return (
    <fieldset class="lens-field lens-choice">
      <legend class="lens-label">{props.legend}</legend>
      <div class="lens-choice__options">
        {props.options.map((o) => (
          <label key={o.value} class={`lens-choice__option${o.value === props.value ? ' is-checked' : ''}`}>
            <input
              type="radio"
              name={props.name}
              value={o.value}
              checked={o.value === props.value}
              onChange={() => props.onChange(o.value)}
            />
            <span class="lens-choice__text">
              <span>
                {o.label}
                {o.preview && (
                  <span class={`lens-preview lens-preview--${o.preview}`} aria-hidden="true">
                    Tokayev
                  </span>
                )}
              </span>
              {o.hint && <span class="lens-hint">{o.hint}</span>}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
