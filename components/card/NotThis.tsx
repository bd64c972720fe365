/**
 * "Not this": the reader says the mark's words do not mean this entity, and chooses where that holds, this site or
 * every site. The host removes the mark and remembers the correction (Settings lists it, with Undo).
 */
import { useId, useState } from 'preact/hooks';

export function NotThis(props: { matched: string; name: string; onCorrect: (everywhere: boolean) => void }) {
  const [open, setOpen] = useState(false);
  const rowId = useId();
  return (
    <>
      <button
        type="button"
        class="lens-quiet lens-not-this"
        aria-expanded={open}
        aria-controls={rowId}
        title={`“${props.matched}” here is not ${props.name}: remove the mark`}
        onClick={() => setOpen(!open)}
      >
        Not this?
      </button>
      {open && (
        <div class="lens-more-row lens-not-this-row" id={rowId} role="group" aria-label="Not this">
          <span class="lens-not-this-what">
            “{props.matched}” is not {props.name}:
          </span>
          <button type="button" onClick={() => props.onCorrect(false)}>
            On this site
          </button>
          <button type="button" onClick={() => props.onCorrect(true)}>
            Everywhere
          </button>
        </div>
      )}
    </>
  );
}
