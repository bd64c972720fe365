import { startHoverCards } from '~/page/hover-card';
import { CARD_STAGE_GLOBAL } from '~/page/card-stage';

// The content script's second stage: injected into one frame by the background on the reader's first approach to a
// mark (page/card-triggers.ts). Never web-accessible, so no page can load or probe it.
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[CARD_STAGE_GLOBAL] = startHoverCards;
});
