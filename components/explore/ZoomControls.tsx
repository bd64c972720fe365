import type { ComponentChildren } from 'preact';

/** The zoom buttons both explore charts show: in and out by `step`, then whatever view-specific buttons follow. */
export function ZoomControls(props: { step: number; onZoom: (factor: number) => void; children?: ComponentChildren }) {
  return (
    <span class="ex-zoom-controls" role="group" aria-label="Zoom">
      <button
        type="button"
        class="ex-button ex-icon-button"
        aria-label="Zoom in"
        title="Zoom in (+)"
        onClick={() => props.onZoom(props.step)}
      >
        +
      </button>
      <button
        type="button"
        class="ex-button ex-icon-button"
        aria-label="Zoom out"
        title="Zoom out (−)"
        onClick={() => props.onZoom(1 / props.step)}
      >
        −
      </button>
      {props.children}
    </span>
  );
}
