/**
 * Namesakes the page did not tell apart (Ilham or Heydar Aliyev, Serdar or Gurbanguly Berdimuhamedov): the card says
 * so under its title and offers the others, so it never silently stands for the wrong person.
 */
export function Namesakes(props: {
  matched: string;
  name: string;
  others: readonly { id: string; name: string }[];
  onSelect?: (id: string) => void;
}) {
  const { others } = props;
  return (
    <p class="lens-why lens-namesakes">
      <span class="lens-why-label">Which one?</span> The page does not say whose “{props.matched}” this is: {props.name}
      {others.map((o, i) => (
        <span key={o.id}>
          {i === others.length - 1 ? ' or ' : ', '}
          {props.onSelect ? (
            <button type="button" class="lens-inline" onClick={() => props.onSelect!(o.id)}>
              {o.name}
            </button>
          ) : (
            o.name
          )}
        </span>
      ))}
      ?
    </p>
  );
}
