/** Finds the text at the top of the viewport, so scanning starts with what the reader sees. */
export function firstVisibleText(doc: Document): Node | null {
  const win = doc.defaultView;
  if (!win || win.scrollY < 50) return null; // At the top of the page document order already is reading order.
  const x = Math.round(win.innerWidth / 2);
  for (const y of [10, 60, 120, 240]) {
    const caret = doc.caretPositionFromPoint?.(x, y);
    if (caret?.offsetNode) return caret.offsetNode;
  }
  return null;
}
