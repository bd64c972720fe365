/**
 * Esc closes a card in whichever frame of the tab it is open. Every frame runs its own content script and card, and
 * keys go only to the focused frame, while the pointer opens cards wherever it rests: a reader who hovers a name in
 * an embedded frame they never clicked into presses Esc in the top page. So an Esc seen in one frame is passed up to
 * its parent and down to its child frames with `postMessage` (which reaches cross-origin frames too); a frame that
 * receives it closes its own card and passes it on, away from where it came from. Pages can see these messages, as
 * they can see the card itself; they carry nothing but the word.
 */
const UP = 'lens-escape:up';
const DOWN = 'lens-escape:down';

export function relayEscape(win: Window, close: () => void, signal: AbortSignal): () => void {
  const parent = win.parent !== win ? win.parent : null;
  const down = (except?: MessageEventSource | null) => {
    for (let i = 0; i < win.length; i++) if (win[i] !== except) win[i]!.postMessage(DOWN, '*');
  };
  win.addEventListener(
    'message',
    (e) => {
      if (e.data === DOWN && e.source === parent) {
        close();
        down();
      } else if (e.data === UP && e.source && e.source !== parent && isChild(win, e.source)) {
        close();
        down(e.source);
        parent?.postMessage(UP, '*');
      }
    },
    { signal },
  );
  // An Esc pressed here.
  return () => {
    down();
    parent?.postMessage(UP, '*');
  };
}

function isChild(win: Window, source: MessageEventSource): boolean {
  for (let i = 0; i < win.length; i++) if (win[i] === source) return true;
  return false;
}
