/**
 * Namesakes the page did not tell apart (Ilham or Heydar Aliyev, Serdar or Gurbanguly Berdimuhamedov): the card says
 * so under its title and offers the others, so it never silently stands for the wrong person.
 */
import { formatListParts, t, tParts } from '~/lib/i18n/translator';
export function Namesakes(props: {
  matched: string;
  name: string;
  others: readonly { id: string; name: string }[];
  onSelect?: (id: string) => void;
}) {
  const { others } = props;
  return (
    <p class="lens-why lens-namesakes">
      <span class="lens-why-label">{t('cardWhichOne')}</span>{' '}
      {tParts(
        'cardNamesakes',
        props.matched,
        <>
          {formatListParts(
            [
              props.name,
              ...others.map((o) =>
                props.onSelect ? (
                  <button key={o.id} type="button" class="lens-inline" onClick={() => props.onSelect!(o.id)}>
                    {o.name}
                  </button>
                ) : (
                  o.name
                ),
              ),
            ],
            'disjunction',
          )}
        </>,
      )}
    </p>
  );
}
