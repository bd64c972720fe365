/**
 * Esc closes a card in whichever frame of the tab it is open. Every frame runs its own content script and card, and
 * keys go only to the focused frame, while the pointer opens cards wherever it rests: a reader who hovers a name in
 * an embedded frame they never clicked into presses Esc in the top page.
 *
 * The relay goes through the background, never through the page: each frame tells the background when its card
 * opens and closes, and an Esc pressed in one frame (a trusted key press, while the lens is on there) is passed
 * only to the other frames of that tab that have a card open. Pages see no message, so none can forge an Esc, hear
 * the reader's keys, or learn that a frame has a card.
 */
import { answerExtension } from '~/browser/messages';
import type { SendToBackground } from '~/lib/messaging/messages';

export interface EscapeRelay {
  /** This frame's card opened or closed. */
  cardShown(open: boolean): void;
  /** The reader pressed Esc in this frame. */
  escaped(): void;
}

export function relayEscape(send: SendToBackground, close: () => void, signal: AbortSignal): EscapeRelay {
  answerExtension(
    {
      'close-card': () => {
        close();
        return undefined;
      },
    },
    signal,
  );
  let open = false;
  return {
    cardShown(next) {
      if (next === open) return;
      open = next;
      void send({ type: 'card-state', open }).catch(() => {});
    },
    escaped() {
      void send({ type: 'escape-pressed' }).catch(() => {});
    },
  };
}
