/**
 * Whose selection a save-selection message may save: one the reader made, in the frame that has the focus. Apart from
 * the rest of saving (page/save-selection.ts) because the top page's gate watches it too where it has not loaded the
 * stage (page/top-gate.ts): the reader's last release must be seen before the save is asked for.
 */

export interface ReaderSelection {
  isReaderMade(): boolean;
}

/** Where the selection stands: its boundary points, or a text field's selected span. */
type SelectionMark = readonly unknown[];

function selectionMark(doc: Document): SelectionMark {
  const field = doc.activeElement;
  if (field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement)
    return [field, field.selectionStart, field.selectionEnd, field.value.length];
  const s = doc.getSelection();
  return [s?.anchorNode, s?.anchorOffset, s?.focusNode, s?.focusOffset, s?.rangeCount];
}

/**
 * Whether the selection is one the reader made: it is where it stood at the reader's last real key or pointer release
 * in this document (drags, double and triple clicks, Shift+arrows, Ctrl+A all end in one). A selection a script made
 * or moved afterwards, as an ad frame's script does with its own text, is not the reader's.
 */
export function watchReaderSelection(doc: Document, signal: AbortSignal): ReaderSelection {
  let mark: SelectionMark | null = null;
  const note = (e: Event) => {
    if (e.isTrusted) mark = selectionMark(doc);
  };
  for (const type of ['pointerup', 'keyup'] as const) doc.addEventListener(type, note, { capture: true, signal });
  return {
    isReaderMade() {
      const now = selectionMark(doc);
      return !!mark && mark.length === now.length && mark.every((v, i) => v === now[i]);
    },
  };
}

/**
 * Whether the keyboard command is this frame's to answer: an embedded frame only while it has focus; the top page
 * unless focus is inside one of its frames (its active element is then that frame).
 */
export function hasCommandFocus(doc: Document): boolean {
  const win = doc.defaultView;
  if (win && win !== win.top) return doc.hasFocus();
  const active = doc.activeElement?.localName;
  return !(doc.hasFocus() && (active === 'iframe' || active === 'frame' || active === 'object' || active === 'embed'));
}
