/**
 * The seam between the content script's two stages. The first (every page and frame) walks the text, paints the marks
 * and watches the pointer and keys; the second (the card, its UI and Preact) is injected by the background into this
 * frame only when the reader first approaches a mark or presses the shortcut (page/card-triggers.ts), and hands its
 * entry point over on the content script's own global: both stages run in the extension's isolated world, which the
 * page cannot see.
 */
import type { HoverCardDeps, HoverCards } from './hover-card';

/** The property of the isolated world's global the second stage sets. */
export const CARD_STAGE_GLOBAL = 'lensCardStage';
/** Where the first stage leaves a callback for the injected files to call once they have all run. */
const CARD_STAGE_ARRIVED = 'lensCardStageArrived';

/** `text`: the card's words (lib/i18n/card-text.ts), which the first stage asked for while the stage was loading. */
type StartHoverCards = (deps: HoverCardDeps, text: unknown) => HoverCards;

/** The second stage's entry point, once the background has injected it into this frame. */
export function cardStageEntry(): StartHoverCards | undefined {
  return (globalThis as Record<string, unknown>)[CARD_STAGE_GLOBAL] as StartHoverCards | undefined;
}

/**
 * Resolves once the injected files have run in this frame (arrived(), called by the last of them). The background's
 * answer to the injection comes later: the browser first hands the result back to the background, which then
 * answers this frame, a round trip of 2-80 ms in Chromium on a busy machine during which the first shortcut's card
 * would wait. The answer still settles the load (page/card-triggers.ts): it is the only word of a failure.
 */
export function whenStageArrives(): Promise<void> {
  return new Promise((resolve) => {
    (globalThis as Record<string, unknown>)[CARD_STAGE_ARRIVED] = () => {
      delete (globalThis as Record<string, unknown>)[CARD_STAGE_ARRIVED];
      resolve();
    };
  });
}

/** Called by the last file the background injects with the card stage (entrypoints/card-extras.ts). */
export function arrived(): void {
  ((globalThis as Record<string, unknown>)[CARD_STAGE_ARRIVED] as (() => void) | undefined)?.();
}
