/**
 * "Not this": the reader says the mark's words do not mean this entity, and chooses where that holds, this site or
 * every site. The host removes the mark and remembers the correction (Settings lists it, with Undo).
 */
import { useId, useState } from 'preact/hooks';
import { t } from '~/lib/i18n/translator';

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
        title={t('cardNotThisTitle', props.matched, props.name)}
        onClick={() => setOpen(!open)}
      >
        {t('cardNotThis')}
      </button>
      {open && (
        <div class="lens-more-row lens-not-this-row" id={rowId} role="group" aria-label={t('cardNotThisLabel')}>
          <span class="lens-not-this-what">{t('cardNotThisWhat', props.matched, props.name)}</span>
          <button type="button" onClick={() => props.onCorrect(false)}>
            {t('cardOnThisSite')}
          </button>
          <button type="button" onClick={() => props.onCorrect(true)}>
            {t('cardEverywhere')}
          </button>
        </div>
      )}
    </>
  );
}
