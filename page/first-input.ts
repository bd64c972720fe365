/**
 * What only a reader's input can need (the card's triggers, saving a selection) is set up on the first pointer
 * movement, press or key in this frame, not when the page loads: a page that is only read never pays for it.
 *
 * The listeners sit on the window, in the capture phase: the window is the first stop of every event's path, and a
 * target's listeners are read when the event reaches that target, so the listeners `start` adds to the document
 * still hear the very event that started them (the pointer's first move, the shortcut's first modifier).
 */
const INPUT_EVENTS = ['pointermove', 'pointerdown', 'keydown'] as const;

/** Calls `start` once, on the first input in `win` (never if `signal` aborts first); the result calls it at once. */
export function onFirstInput(win: Window, signal: AbortSignal, start: () => void): () => void {
  let started = false;
  const run = () => {
    if (started || signal.aborted) return;
    started = true;
    for (const type of INPUT_EVENTS) win.removeEventListener(type, run, true);
    start();
  };
  for (const type of INPUT_EVENTS) win.addEventListener(type, run, { capture: true, passive: true, signal });
  return run;
}
