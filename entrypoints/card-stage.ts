import { Fragment, jsx, jsxs } from 'preact/jsx-runtime';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { startHoverCards, type HoverCardDeps } from '~/page/hover-card';
import { CARD_STAGE_GLOBAL } from '~/page/card-stage';
import { lend } from '~/page/card-extras/shared';
import { Quote } from '~/components/card/Evidence';
import { isInterfaceText } from '~/lib/i18n/card-text';
import { formatDate, setInterfaceText, t, tp } from '~/lib/i18n/translator';

// The content script's second stage: injected into one frame by the background on the reader's first approach to a
// mark (page/card-triggers.ts). Never web-accessible, so no page can load or probe it.
export default defineUnlistedScript(() => {
  const global = globalThis as Record<string, unknown>;
  // What the card extras render with, should a card need them (page/card-extras/shared.ts).
  lend({ jsx, jsxs, Fragment, useEffect, useId, useRef, useState, t, tp, formatDate, Quote });
  // The card's words come from the first stage, which asked for them while this stage was being injected
  // (lib/i18n/card-text.ts): one injection instead of two in a row.
  global[CARD_STAGE_GLOBAL] = (deps: HoverCardDeps, text: unknown) => {
    if (isInterfaceText(text)) setInterfaceText(text);
    return startHoverCards(deps);
  };
});
