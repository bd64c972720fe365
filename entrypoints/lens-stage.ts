import { startLens } from '~/page/start-lens';
import { LENS_STAGE_GLOBAL } from '~/page/lens-stage';

// The content script's scanner stage: injected into one frame by the background once the gate has found text worth
// scanning there (page/frame-gate.ts). Never web-accessible, so no page can load or probe it.
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[LENS_STAGE_GLOBAL] = startLens;
});
