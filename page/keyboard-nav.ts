/**
 * Keyboard access to the marks: Alt+Shift+M (the `next-mention` command, assigned on install; the page also listens
 * for its default keys, for a browser that left the command unset or delivers it late) moves through the marks in
 * reading order and opens each card, with a focus ring on the active name; Esc closes the card wherever focus is.
 */
import type { Mention, MentionStore } from './mention-store';
import { mentionRange } from './hover-pointer';

interface KeyboardSink {
  next(route: 'key' | 'command'): void;
  /** Returns true when a card was open and is now closed. */
  escape(): boolean;
}

/**
 * One Alt+Shift+M can arrive twice: as the page's own key press and as the browser command relayed through the
 * background, whose message may take hundreds of milliseconds on a busy machine. A trigger from one route within
 * this long after the other route's is the same press.
 */
export const DOUBLE_TRIGGER_MS = 1_000;

/** The `next-mention` command's default key with Alt+Shift (wxt.config.ts), as `KeyboardEvent.code`. */
export const NEXT_MENTION_KEY = 'KeyM';

export function watchKeys(doc: Document, sink: KeyboardSink, signal: AbortSignal): void {
  doc.addEventListener(
    'keydown',
    (e) => {
      // A page's synthetic key press neither opens cards nor moves focus (page/trusted-input.ts).
      if (!e.isTrusted || e.isComposing) return;
      if (e.key === 'Escape') {
        if (sink.escape()) e.stopPropagation();
        return;
      }
      if (e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === NEXT_MENTION_KEY) {
        e.preventDefault();
        sink.next('key');
      }
    },
    { capture: true, signal },
  );
}

/**
 * The mark after `current` in reading order, wrapping at the end; without a current one (or when it is gone), the
 * first mark at or below the top of the viewport, so the reader starts where they are reading.
 */
export function nextMention(doc: Document, store: MentionStore, current: Mention | null): Mention | null {
  const list = store.all().filter((m) => store.isVisible(m) && m.range.startContainer.isConnected);
  if (!list.length) return null;
  const at = current ? list.indexOf(current) : -1;
  if (at >= 0) return list[(at + 1) % list.length]!;
  // A rescan of its block (the page re-rendered, or text changed) replaced the current mark's object: continue after
  // the place it stood, while its text is still in the document.
  if (current?.range.startContainer.isConnected) return firstAfter(list, current.range) ?? list[0]!;
  for (const m of list) {
    const rect = mentionRange(doc, m).getBoundingClientRect();
    if (rect.bottom >= 0 && (rect.width || rect.height)) return m;
  }
  return list[0]!;
}

/** The first mention starting after `range` starts: a binary search over the list, which is in reading order. */
function firstAfter(list: readonly Mention[], range: StaticRange): Mention | undefined {
  const isAfter = (m: Mention) => {
    const node = m.range.startContainer;
    if (node === range.startContainer) return m.range.startOffset > range.startOffset;
    return (range.startContainer.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  };
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (isAfter(list[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return list[lo];
}
