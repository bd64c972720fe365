/**
 * The first stage's side of the hover card. It watches the pointer and the keys from the start (cheap: one hit test
 * per frame of pointer movement, against the marks this frame has) and loads the card's stage (page/card-stage.ts)
 * on the first approach to a mark, the first tap on one or the first shortcut. What arrives while it loads is held
 * and passed on once it is there; the dwell counts from when the pointer came to rest, so the load hides inside it.
 * While the background injects the stage, this stage asks for the card's words and for the details of the name the
 * first card will show, so none of the three waits for another (the first shortcut has no dwell to hide them in).
 * A frame nobody points at never loads it.
 */
import { settingsActions } from './card-actions';
import { cardStageEntry, whenStageArrives } from './card-stage';
import type { HoverCardDeps, HoverCards } from './hover-card';
import { asked, type AskedDetails } from './hover-details';
import { pageDate } from './hover-page';
import { relayEscape } from './hover-frames';
import { trackPointer, type PointerAt } from './hover-pointer';
import { nextMention, watchKeys } from './keyboard-nav';
import type { Mention } from './mention-store';

interface CardTriggers {
  next(route: 'key' | 'command'): void;
  /** Settings changed: close a card whose entity or site was just switched off. */
  refresh(): void;
}

/** `load` asks the background to inject the card's stage into this frame and resolves once it has run. */
export function startCardTriggers(
  deps: Omit<HoverCardDeps, 'escapeRelay' | 'settingsActions' | 'prefetched' | 'asOf'>,
  load: () => Promise<unknown>,
): CardTriggers {
  const { doc, win, store, signal } = deps;
  let cards: HoverCards | null = null;
  let loading: Promise<void> | null = null;
  /** What arrived while the stage was loading, passed on when it is there. */
  let heldPointer: { at: PointerAt; point: { x: number; y: number }; canOpen: boolean; since: number } | null = null;
  let heldTap: { m: Mention; point: { x: number; y: number } } | null = null;
  let heldNext: ('key' | 'command')[] = [];
  let restingOn: PointerAt = null;
  let restingSince = 0;

  // Esc closes a card in whichever frame of the tab it is open (page/hover-frames.ts).
  const relay = relayEscape(deps.send, () => cards?.escape(), signal);
  /** `first`: the mark the first card will be for, whose details are asked for alongside the stage. */
  const ensure = (first: () => Mention | null, warm = false) => {
    if (cards || loading || signal.aborted) return;
    // The injection is asked for first: it is the long pole (the browser reads, sends and compiles the stage: 25-55
    // ms in Chromium on a busy machine, where the words and details take 2-15 once they reach the background), and
    // each message costs this thread a few milliseconds before the next can leave. Whichever comes first: the stage's
    // own word that it has run, or the background's answer (which also brings a failure).
    const stage = Promise.race([whenStageArrives(), load()]);
    const words = deps.send({ type: 'get-card-text' }).catch(() => null);
    const prefetched = new Map<string, AskedDetails>();
    // The article's date heads the card's timeline: the background formats it with the details.
    const asOf = pageDate(doc);
    const m = first();
    const id = m ? deps.index.entities[m.entity]?.[0] : undefined;
    // The stage now often runs before the first card's details are back: it waits for them (or their failure), so
    // that card is rendered once, with them, not first as a placeholder (the costly first render) and again.
    let details: Promise<unknown> = Promise.resolve();
    if (id) {
      const early = deps.send({ type: 'get-entity', id, ...(asOf ? { asOf } : {}) });
      details = early.catch(() => {}); // the card that takes it handles a failure; one for another name never does
      prefetched.set(id, asked(early));
    }
    loading = Promise.all([stage, words, details])
      .then(([, text]) => {
        const start = cardStageEntry();
        if (!start || signal.aborted) throw new Error('the card stage did not register');
        cards = start({ ...deps, escapeRelay: relay, settingsActions, prefetched, asOf }, text);
        if (heldPointer) cards.pointer(heldPointer.at, heldPointer.point, heldPointer.canOpen, heldPointer.since);
        if (heldTap) cards.activate(heldTap.m, heldTap.point);
        for (const route of heldNext) cards.next(route);
        // Only the shortcut's modifiers so far: its M is on the way, and finds the card's first render done.
        if (warm && !heldPointer && !heldTap && !heldNext.length) cards.warmUp();
      })
      .catch((err: unknown) => {
        // The background restarting mid-call, say: the next approach to a mark tries again.
        console.debug('[lens] card stage not loaded', err);
        loading = null;
      })
      .finally(() => {
        heldPointer = null;
        heldTap = null;
        heldNext = [];
      });
  };

  trackPointer(
    doc,
    win,
    store,
    {
      pointer: (at, point, canOpen) => {
        if (at !== restingOn) {
          restingOn = at;
          restingSince = performance.now();
        }
        if (cards) return cards.pointer(at, point, canOpen);
        heldPointer = { at, point, canOpen, since: restingSince };
        if (at && at !== 'card') ensure(() => at);
      },
      activate: (m, point) => {
        if (cards) return cards.activate(m, point);
        heldTap = { m, point };
        ensure(() => m);
        return true;
      },
      downOutside: () => cards?.downOutside(),
    },
    { enabled: deps.active, mode: () => deps.settings().onDemand, inCard: (e) => cards?.inCard(e) ?? false },
    signal,
  );

  const next = (route: 'key' | 'command') => {
    if (cards) return cards.next(route);
    if (!deps.active() || store.size === 0) return;
    heldNext.push(route);
    ensure(() => nextMention(doc, store, null));
  };
  watchKeys(
    doc,
    {
      next,
      escape: () => {
        const closed = cards?.escape() ?? false;
        // Nothing leaves a frame where the lens is off (paused, site switched off) and no card was open.
        if (deps.active() || closed) relay.escaped();
        return closed;
      },
    },
    signal,
  );
  // The shortcut's modifiers go down before its M, a tenth of a second or more for a person: start loading on the
  // first of them, so the stage is there, or nearly, when the M comes. Shift alone starts it only outside text fields,
  // where it is a capital letter far more often than a shortcut.
  doc.addEventListener(
    'keydown',
    (e) => {
      if (!e.isTrusted || store.size === 0 || !deps.active()) return;
      if (e.altKey || (e.shiftKey && !isTyping(e.target))) ensure(() => nextMention(doc, store, null), true);
    },
    { capture: true, passive: true, signal },
  );

  return { next, refresh: () => cards?.refresh() };
}

/** Whether a key press goes into text the reader is writing (a field, an editable region). */
function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || el.localName === 'input' || el.localName === 'textarea');
}
