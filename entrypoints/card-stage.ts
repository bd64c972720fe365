import { startHoverCards } from '~/page/hover-card';
import { CARD_STAGE_GLOBAL } from '~/page/card-stage';
import { CARD_TEXT_GLOBAL, isInterfaceText } from '~/lib/i18n/card-text';
import { setInterfaceText } from '~/lib/i18n/translator';

// The content script's second stage: injected into one frame by the background on the reader's first approach to a
// mark (page/card-triggers.ts). Never web-accessible, so no page can load or probe it.
export default defineUnlistedScript(() => {
  const global = globalThis as Record<string, unknown>;
  // The card's words, which the background put here just before (lib/i18n/card-text.ts).
  const text = global[CARD_TEXT_GLOBAL];
  if (isInterfaceText(text)) setInterfaceText(text);
  global[CARD_STAGE_GLOBAL] = startHoverCards;
});
