import type { ComponentChildren } from 'preact';
import { t } from '~/lib/i18n/translator';

/** The zoom buttons both explore charts show: in and out by `step`, then whatever view-specific buttons follow. */
export function ZoomControls(props: { step: number; onZoom: (factor: number) => void; children?: ComponentChildren }) {
  return (
    <span class="ex-zoom-controls" role="group" aria-label={t('exploreZoom')}>
      <button
        type="button"
        class="ex-button ex-icon-button"
        aria-label={t('exploreZoomIn')}
        title={t('exploreZoomInTitle')}
        onClick={() => props.onZoom(props.step)}
      >
        +
      </button>
      <button
        type="button"
        class="ex-button ex-icon-button"
        aria-label={t('exploreZoomOut')}
        title={t('exploreZoomOutTitle')}
        onClick={() => props.onZoom(1 / props.step)}
      >
        −
      </button>
      {props.children}
    </span>
  );
}
