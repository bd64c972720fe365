/**
 * The hover card's state machine, pure: events in, next state and effects out. The page wiring (page/hover-card.ts)
 * feeds it pointer positions, timer expiries and fetched details, and carries out the effects it returns.
 *
 *   idle ──pointer on mark──▶ dwelling ──dwell elapsed──▶ open ──pointer leaves mark and card──▶ grace
 *     ▲                          │ pointer leaves                ▲  pointer back on mark or card   │
 *     │                          ▼ (stale: nothing shows)        └─────────────────────────────────┘
 *     └───────────── idle ◀── closed (Esc, ×, scrolled away: no new dwell until the pointer leaves that mark)
 *                     ▲                                                                           │ grace elapsed
 *                     └───────────────────────────────────────────────────────────────────────────┘
 *
 * Every dwell and every grace period gets a fresh token; a timer or a fetch answer carrying an older token is
 * dropped, so a dwell that was abandoned can never show its card late.
 * `T` is whatever identifies a mark (the page uses its Mention objects; compared with ===), `D` the card's data.
 */

/** About 300 ms: enough to cross the gap from the mark into the card (or to wobble off and back), short enough
 * that a card the reader has left does not hang about. */
export const GRACE_MS = 300;

export type OpenedBy = 'pointer' | 'keyboard' | 'tap';
type CloseReason = 'escape' | 'button' | 'scrolled' | 'settings' | 'outside' | 'unknown-entity';

interface Dwell<T, D> {
  token: number;
  target: T;
  /** undefined: not fetched yet; null: the background knows no such entity. */
  details: D | null | undefined;
}

interface OpenCard<T, D> {
  token: number;
  target: T;
  details: D | undefined;
  openedBy: OpenedBy;
  /** Token of the running grace period, or null while the pointer is on the mark or the card. */
  grace: number | null;
}

/** Where the pointer is: on a mark, on the card, or elsewhere. */
type PointerAt<T> = T | 'card' | null;

export interface HoverState<T, D> {
  lastToken: number;
  pointer: PointerAt<T>;
  dwell: Dwell<T, D> | null;
  card: OpenCard<T, D> | null;
  /** The mark a card was just closed on while the pointer rests there: it opens nothing until the pointer leaves. */
  closedOn: T | null;
}

export type HoverEvent<T, D> =
  /** `canOpen: false` (on-demand modes: Alt not held, or click-only): a mark under the pointer starts no dwell, but
   * the pointer on the mark of the open card still keeps that card. */
  | { type: 'pointer'; at: PointerAt<T>; canOpen?: boolean }
  | { type: 'dwell-elapsed'; token: number }
  | { type: 'grace-elapsed'; token: number }
  | { type: 'details'; token: number; details: D | null }
  /** Keyboard navigation and taps open a card at once, with no dwell. */
  | { type: 'open'; target: T; openedBy: Exclude<OpenedBy, 'pointer'> }
  | { type: 'close'; reason: CloseReason };

export type HoverEffect<T, D> =
  /** Ask for the details now, so they are ready when the dwell ends. */
  | { type: 'fetch'; token: number; target: T }
  | { type: 'start-dwell-timer'; token: number; ms: number }
  | { type: 'start-grace-timer'; token: number; ms: number }
  /** Render (or re-render) the card; details undefined means they are still on the way. */
  | { type: 'show'; token: number; target: T; details: D | undefined; openedBy: OpenedBy }
  | { type: 'hide'; reason: CloseReason | 'grace' };

interface HoverConfig {
  dwellMs: number;
  graceMs: number;
}

type Phase = 'idle' | 'dwelling' | 'open' | 'grace' | 'closed';

interface Step<T, D> {
  state: HoverState<T, D>;
  effects: HoverEffect<T, D>[];
}

export function initialHoverState<T, D>(): HoverState<T, D> {
  return { lastToken: 0, pointer: null, dwell: null, card: null, closedOn: null };
}

/** The named phase, for tests, logs and the page's `data-phase` attribute. */
export function phaseOf<T, D>(s: HoverState<T, D>): Phase {
  if (s.card) return s.card.grace === null ? 'open' : 'grace';
  if (s.dwell) return 'dwelling';
  return s.closedOn !== null ? 'closed' : 'idle';
}

export function step<T, D>(s: HoverState<T, D>, event: HoverEvent<T, D>, config: HoverConfig): Step<T, D> {
  switch (event.type) {
    case 'pointer': {
      const { at } = event;
      const opens = event.canOpen !== false || at === null || at === 'card' || s.card?.target === at;
      return onPointer(s, opens ? at : null, config);
    }
    case 'dwell-elapsed': {
      const dwell = s.dwell;
      if (!dwell || dwell.token !== event.token) return unchanged(s);
      const card: OpenCard<T, D> = {
        token: dwell.token,
        target: dwell.target,
        details: dwell.details ?? undefined,
        openedBy: 'pointer',
        grace: null,
      };
      return {
        state: { ...s, dwell: null, card },
        effects: [{ type: 'show', token: card.token, target: card.target, details: card.details, openedBy: 'pointer' }],
      };
    }
    case 'grace-elapsed':
      if (!s.card || s.card.grace !== event.token) return unchanged(s);
      return { state: { ...s, card: null }, effects: [{ type: 'hide', reason: 'grace' }] };
    case 'details': {
      if (s.dwell?.token === event.token) {
        // Unknown entity: abandon the dwell quietly rather than open an empty card.
        if (event.details === null) return { state: { ...s, dwell: null }, effects: [] };
        return { state: { ...s, dwell: { ...s.dwell, details: event.details } }, effects: [] };
      }
      const card = s.card;
      if (card?.token === event.token) {
        if (event.details === null)
          return { state: { ...s, card: null }, effects: [{ type: 'hide', reason: 'unknown-entity' }] };
        const next = { ...card, details: event.details };
        return {
          state: { ...s, card: next },
          effects: [
            { type: 'show', token: next.token, target: next.target, details: next.details, openedBy: next.openedBy },
          ],
        };
      }
      return unchanged(s);
    }
    case 'open': {
      const token = s.lastToken + 1;
      const card: OpenCard<T, D> = {
        token,
        target: event.target,
        details: undefined,
        openedBy: event.openedBy,
        grace: null,
      };
      return {
        state: { ...s, lastToken: token, dwell: null, card, closedOn: null },
        effects: [
          { type: 'show', token, target: event.target, details: undefined, openedBy: event.openedBy },
          { type: 'fetch', token, target: event.target },
        ],
      };
    }
    case 'close': {
      if (!s.card && !s.dwell) return unchanged(s);
      const closedOn = s.pointer !== null && s.pointer !== 'card' ? s.pointer : null;
      const effects: HoverEffect<T, D>[] = s.card ? [{ type: 'hide', reason: event.reason }] : [];
      return { state: { ...s, card: null, dwell: null, closedOn }, effects };
    }
  }
}

function onPointer<T, D>(s: HoverState<T, D>, at: PointerAt<T>, config: HoverConfig): Step<T, D> {
  if (at === s.pointer) return unchanged(s);
  const moved: HoverState<T, D> = { ...s, pointer: at };

  if (at === 'card') {
    // On the card: it stays, and a dwell on a mark crossed on the way there is abandoned.
    if (!s.card) return { state: { ...moved, dwell: null }, effects: [] };
    return { state: { ...moved, dwell: null, card: { ...s.card, grace: null } }, effects: [] };
  }

  if (at === null) {
    // Off every mark and the card: a dwell in progress is abandoned (stale), an open card starts its grace period.
    const next: HoverState<T, D> = { ...moved, dwell: null, closedOn: null };
    return startGrace(next, config);
  }

  // On a mark.
  if (s.closedOn === at) return { state: moved, effects: [] };
  if (s.card?.target === at) return { state: { ...moved, dwell: null, card: { ...s.card, grace: null } }, effects: [] };
  if (s.dwell?.target === at) return { state: moved, effects: [] };
  const token = s.lastToken + 1;
  const dwelling: HoverState<T, D> = {
    ...moved,
    lastToken: token,
    closedOn: null,
    dwell: { token, target: at, details: undefined },
  };
  // A card left open for another mark gets its grace period while this dwell runs; whichever ends first wins.
  const graced = startGrace(dwelling, config);
  return {
    state: graced.state,
    effects: [
      { type: 'fetch', token, target: at },
      { type: 'start-dwell-timer', token, ms: config.dwellMs },
      ...graced.effects,
    ],
  };
}

/** Starts the grace period of a pointer-opened card, unless one is already running. Keyboard- and tap-opened
 * cards ignore the pointer: they close on Esc, the close button, a tap elsewhere, or scrolling away. */
function startGrace<T, D>(s: HoverState<T, D>, config: HoverConfig): Step<T, D> {
  const card = s.card;
  if (!card || card.grace !== null || card.openedBy !== 'pointer') return { state: s, effects: [] };
  const token = s.lastToken + 1;
  return {
    state: { ...s, lastToken: token, card: { ...card, grace: token } },
    effects: [{ type: 'start-grace-timer', token, ms: config.graceMs }],
  };
}

const unchanged = <T, D>(s: HoverState<T, D>): Step<T, D> => ({ state: s, effects: [] });
