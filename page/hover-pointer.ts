/**
 * Which mark is under the pointer, found without touching the page's DOM: the caret position under the point gives a
 * text node, the mention store says which mentions touch that node, and only that candidate's client rects are
 * checked (caret hit-testing snaps to the nearest character, so a point in the margin beside a line would else count).
 * Pointer moves are passive and coalesced to one hit test per animation frame. Only the reader's own input counts:
 * every listener here ignores events a page made up (`isTrusted`, page/trusted-input.ts).
 */
import type { OnDemandMode } from '~/lib/settings/settings';
import type { Mention, MentionStore } from './mention-store';

/** Slack around a mark's rects, in px, so the underline and the pixel between lines still count as the mark. */
const HIT_SLOP = 1;
/** A touch that moves further than this, or lasts longer, is a scroll or a press, not a tap. */
const TAP_MAX_MOVE = 10;
const TAP_MAX_MS = 600;
/** The click a browser sends after a tap's pointerup comes within this long (ms). */
const CLICK_AFTER_TAP_MS = 1_000;

export type PointerAt = Mention | 'card' | null;

export interface PointerSink {
  /**
   * Where the pointer rests now (mouse and pen), at most once per frame, and whether a mark there may open its card
   * (false in the on-demand modes while Alt is not held, or in click-only mode).
   */
  pointer(at: PointerAt, point: { x: number; y: number }, canOpen: boolean): void;
  /**
   * A tap, or a click in click-to-open mode, on a mark. Returns true when it opened the card, and then the click that
   * follows does nothing else (a name inside a link shows its card first; a second tap follows the link).
   */
  activate(mention: Mention, point: { x: number; y: number }): boolean;
  /** A pointer went down outside the card (and not on a mark being activated). */
  downOutside(): void;
}

interface PointerOptions {
  /** Whether cards may open at all now (settings). */
  enabled(): boolean;
  mode(): OnDemandMode;
  /** Whether an event happened inside the card. */
  inCard(event: Event): boolean;
}

function mentionAt(doc: Document, store: MentionStore, x: number, y: number): Mention | null {
  if (store.size === 0) return null;
  const node = textNodeAt(doc, x, y);
  if (!node) return null;
  for (const m of store.at(node)) if (store.isVisible(m) && pointInMention(doc, m, x, y)) return m;
  return null;
}

function textNodeAt(doc: Document, x: number, y: number): Node | null {
  const caret = doc.caretPositionFromPoint?.(x, y);
  if (caret) return caret.offsetNode?.nodeType === Node.TEXT_NODE ? caret.offsetNode : null;
  // Chromium before 128 has only the older, non-standard API.
  const range = (
    doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null }
  ).caretRangeFromPoint?.(x, y);
  return range?.startContainer.nodeType === Node.TEXT_NODE ? range.startContainer : null;
}

export function mentionRange(doc: Document, m: Mention): Range {
  const range = doc.createRange();
  range.setStart(m.range.startContainer, m.range.startOffset);
  range.setEnd(m.range.endContainer, m.range.endOffset);
  return range;
}

function pointInMention(doc: Document, m: Mention, x: number, y: number): boolean {
  for (const r of mentionRange(doc, m).getClientRects())
    if (x >= r.left - HIT_SLOP && x <= r.right + HIT_SLOP && y >= r.top - HIT_SLOP && y <= r.bottom + HIT_SLOP)
      return true;
  return false;
}

export function trackPointer(
  doc: Document,
  win: Window,
  store: MentionStore,
  sink: PointerSink,
  options: PointerOptions,
  signal: AbortSignal,
): void {
  let last: PointerEvent | null = null;
  /** Read while the event is dispatched: `composedPath()` is empty once it is over. */
  let lastInCard = false;
  /** Whether Alt is held: from the latest pointer move, or the latest Alt key press or release. */
  let alt = false;
  /** Alt mode: the Alt press now held was used for a card (a mark was under the pointer while it was down). */
  let altUsed = false;
  let frame = 0;
  const listen = { passive: true, capture: true, signal } as const;

  const evaluate = () => {
    frame = 0;
    const e = last;
    if (!e) return;
    const point = { x: e.clientX, y: e.clientY };
    const mode = options.mode();
    const canOpen = mode === 'off' || (mode === 'alt' && alt);
    if (lastInCard) return sink.pointer('card', point, canOpen);
    const at = options.enabled() ? mentionAt(doc, store, point.x, point.y) : null;
    if (at && mode === 'alt' && alt) altUsed = true;
    sink.pointer(at, point, canOpen);
  };
  const schedule = () => (frame ||= win.requestAnimationFrame(evaluate));

  doc.addEventListener(
    'pointermove',
    (e) => {
      if (!e.isTrusted || e.pointerType === 'touch') return;
      last = e;
      alt = e.altKey;
      lastInCard = options.inCard(e);
      schedule();
    },
    listen,
  );
  // Into an embedded frame: its document gets the moves from now on, this one only this event.
  doc.addEventListener(
    'pointerover',
    (e) => {
      const tag = (e.target as Element).localName;
      if (
        !e.isTrusted ||
        e.pointerType === 'touch' ||
        !(tag === 'iframe' || tag === 'frame' || tag === 'embed' || tag === 'object')
      )
        return;
      last = null;
      sink.pointer(null, { x: e.clientX, y: e.clientY }, false);
    },
    listen,
  );
  // Alt mode: pressing Alt over a mark asks for its card without moving the pointer.
  const onAlt = (e: KeyboardEvent) => {
    if (!e.isTrusted || e.key !== 'Alt') return;
    const down = e.type === 'keydown';
    // A press that was for a card: let go, it must not also open the browser's menu bar (Firefox, Chrome on
    // Windows). A plain Alt press elsewhere keeps doing that.
    if (!down && altUsed) e.preventDefault();
    if (down && !alt) altUsed = false;
    if (alt === down) return;
    alt = down;
    if (last && options.mode() === 'alt') schedule();
  };
  doc.addEventListener('keydown', onAlt, { capture: true, signal });
  doc.addEventListener('keyup', onAlt, { capture: true, signal });
  // Leaving the window: nothing is under the pointer any more.
  doc.documentElement.addEventListener(
    'pointerleave',
    (e) => {
      if (!e.isTrusted || e.pointerType === 'touch') return;
      last = null;
      sink.pointer(null, { x: e.clientX, y: e.clientY }, false);
    },
    { passive: true, signal },
  );

  let down: { x: number; y: number; t: number; id: number } | null = null;
  /** A tap that opened a card: the click the browser sends after it is not passed on to the page's default action. */
  let opened: { x: number; y: number; t: number } | null = null;
  doc.addEventListener(
    'pointerdown',
    (e) => {
      if (!e.isTrusted) return;
      down = { x: e.clientX, y: e.clientY, t: e.timeStamp, id: e.pointerId };
      if (options.inCard(e)) return;
      const tapLike = e.pointerType === 'touch' || options.mode() === 'click';
      // A press on a mark that will open its card is not "outside"; anything else closes a tapped card.
      if (!(tapLike && options.enabled() && mentionAt(doc, store, e.clientX, e.clientY))) sink.downOutside();
    },
    listen,
  );
  doc.addEventListener(
    'pointerup',
    (e) => {
      if (!e.isTrusted) return;
      const start = down;
      down = null;
      if (!start || start.id !== e.pointerId || options.inCard(e) || !options.enabled()) return;
      const tapLike = e.pointerType === 'touch' || options.mode() === 'click';
      if (!tapLike || e.button > 0) return;
      if (Math.hypot(e.clientX - start.x, e.clientY - start.y) > TAP_MAX_MOVE || e.timeStamp - start.t > TAP_MAX_MS)
        return;
      // A click that ends a text selection is not a request for a card.
      if (!(doc.getSelection()?.isCollapsed ?? true)) return;
      const m = mentionAt(doc, store, e.clientX, e.clientY);
      if (m && sink.activate(m, { x: e.clientX, y: e.clientY }))
        opened = { x: e.clientX, y: e.clientY, t: e.timeStamp };
    },
    listen,
  );
  doc.addEventListener(
    'click',
    (e) => {
      if (!e.isTrusted) return;
      const tap = opened;
      opened = null;
      if (
        tap &&
        e.timeStamp - tap.t < CLICK_AFTER_TAP_MS &&
        Math.hypot(e.clientX - tap.x, e.clientY - tap.y) <= TAP_MAX_MOVE
      )
        e.preventDefault();
    },
    { capture: true, signal },
  );
  signal.addEventListener('abort', () => frame && win.cancelAnimationFrame(frame), { once: true });
}
