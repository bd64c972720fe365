/**
 * Only the reader acts. A page can dispatch any event it likes (`el.click()`, `new KeyboardEvent(...)`), and the
 * content script runs in every frame of every site, ad frames included: so every listener that opens a card, moves
 * focus or triggers an action first asks `event.isTrusted`, which is true only for input the browser itself made
 * from a real device (and for what it synthesises from that, like the click after Enter on a button).
 */

/** Input a page could forge to press our buttons, type into our fields or submit our forms. */
const FORGEABLE_INPUT = [
  'click',
  'dblclick',
  'auxclick',
  'contextmenu',
  'pointerdown',
  'pointerup',
  'mousedown',
  'mouseup',
  'touchstart',
  'touchend',
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'change',
  'submit',
] as const;

/**
 * Stops every synthetic input event at `root` (a shadow root we own), before it reaches any element inside: the
 * capture listener on the root runs before the listeners on its buttons. Defence in depth for a closed shadow root,
 * which a page cannot reach anyway.
 */
export function refuseSyntheticInput(root: EventTarget, signal?: AbortSignal): void {
  const refuse = (e: Event) => {
    if (e.isTrusted) return;
    e.stopImmediatePropagation();
    e.preventDefault();
  };
  for (const type of FORGEABLE_INPUT) root.addEventListener(type, refuse, { capture: true, signal });
}

/** How long after the reader's own press inside our UI an action may still count as theirs (ms). */
const GESTURE_WINDOW_MS = 1_500;

/**
 * Remembers the reader's last real press (pointer or key) inside a root, so actions that change settings for every
 * site can require one: a page that found a way to call the action without a press still gets nothing.
 */
export function watchGestures(root: EventTarget, signal?: AbortSignal): { recent(now?: number): boolean } {
  let last = -Infinity;
  const note = (e: Event) => {
    if (e.isTrusted) last = performance.now();
  };
  for (const type of ['pointerdown', 'keydown'] as const) root.addEventListener(type, note, { capture: true, signal });
  return { recent: (now = performance.now()) => now - last <= GESTURE_WINDOW_MS };
}
