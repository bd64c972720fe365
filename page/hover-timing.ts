/**
 * Card timing as a DOM event, for benchmarks and end-to-end tests, in the test build only (wxt.config.ts): from the
 * moment the dwell ended (or the keyboard asked) to the frame the card was painted in. The detail is JSON text because Firefox does not let page code read
 * objects made by a content script.
 */
const CARD_TIMING_EVENT = 'lens-card-shown';

export interface CardTiming {
  entityId: string;
  openedBy: string;
  /** False for the placeholder painted while the details are still on the way; a second event follows. */
  complete: boolean;
  /** performance.now() values in the content script's clock. */
  dwellEndedAt: number;
  renderedAt: number;
  paintedAt: number;
  /** From asking the background for the entity's details to having them (the dwell hides this when it is shorter);
   * null while they have not arrived. */
  detailsMs: number | null;
}

export function announceCardTiming(doc: Document, timing: CardTiming): void {
  doc.dispatchEvent(new CustomEvent(CARD_TIMING_EVENT, { detail: JSON.stringify(timing) }));
}

/**
 * Each step of the hover state machine as a DOM event, in the test build only: what came in, the timers and fetches it
 * started, the phase it left, and whether a card is on screen. End-to-end tests read the machine's own transitions
 * instead of sleeping inside the dwell and grace windows: a negative check ("nothing opens") is read once every timer
 * the machine started has fired.
 */
const HOVER_STEP_EVENT = 'lens-hover-step';

export interface HoverStep {
  event: string;
  /** The token of a timer expiry or fetch answer coming in. */
  token: number | null;
  /** For pointer events: on a mark, on the card, or elsewhere; and whether a dwell may start there. */
  at?: 'mark' | 'card' | null;
  canOpen?: boolean;
  /** What the step started ('dwell', 'grace', 'fetch') and what it showed or hid, each with its token. */
  effects: { type: string; token: number | null }[];
  phase: string;
  shown: boolean;
}

export function announceHoverStep(doc: Document, step: HoverStep): void {
  doc.dispatchEvent(new CustomEvent(HOVER_STEP_EVENT, { detail: JSON.stringify(step) }));
}
