/**
 * Card timing as a DOM event, for benchmarks and end-to-end tests, in the test build only (wxt.config.ts): from the
 * moment the dwell ended (or the keyboard asked) to the frame the card was painted in. The detail is JSON text because Firefox does not let page code read
 * objects made by a content script.
 */
export const CARD_TIMING_EVENT = 'lens-card-shown';

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
