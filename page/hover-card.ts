/**
 * Hover cards on one document: runs the pure state machine (lib/hover/machine.ts) against the pointer, the keyboard,
 * timers and fetched details, and carries out its effects on the one card host.
 *
 * This is the content script's second stage (entrypoints/card-stage.ts): a page loads it only when the reader first
 * approaches a mark or presses the shortcut. The first stage (page/card-triggers.ts) watches the pointer and keys
 * and passes them on here once it is loaded.
 */
import { h } from 'preact';
import { EntityCard, EntityCardSkeleton, type SavedPassage } from '~/components/card/EntityCard';
import type { AliasIndex } from '~/lib/factbase/types';
import {
  GRACE_MS,
  initialHoverState,
  phaseOf,
  step,
  type HoverEffect,
  type HoverEvent,
  type OpenedBy,
} from '~/lib/hover/machine';
import { placeCard } from '~/lib/hover/placement';
import type { EntityDetails, SendToBackground, SnippetSaved } from '~/lib/messaging/messages';
import type { Settings } from '~/lib/settings/settings';
import { whenIdle } from '~/components/when-idle';
import { CardHost, MAX_CARD_HEIGHT } from './card-host';
import { asked, createDetailsCache, type AskedDetails } from './hover-details';
import type { SettingsActions } from './card-actions';
import type { EscapeRelay } from './hover-frames';
import { mentionRange, type PointerSink } from './hover-pointer';
import { pageScheme } from './hover-page';
import { snippetFor } from './hover-snippet';
import { announceCardTiming, announceHoverStep, type CardTiming } from './hover-timing';
import { DOUBLE_TRIGGER_MS, nextMention } from './keyboard-nav';
import type { Mention, MentionStore } from './mention-store';
import { installFormats, setInterfaceText, t } from '~/lib/i18n/translator';
import { isInterfaceText } from '~/lib/i18n/card-text';
import { cardExtras } from './card-extras/shared';

export interface HoverCardDeps {
  doc: Document;
  win: Window;
  store: MentionStore;
  /** The entity table; read when a card opens (it is filled once the page's first names are found). */
  index: Pick<AliasIndex, 'entities'>;
  signal: AbortSignal;
  settings: () => Settings;
  /** Whether marks and cards are on for this page now (paused, site switched off). */
  active: () => boolean;
  send: SendToBackground;
  /** The Esc relay between the tab's frames (page/hover-frames.ts), kept by the first stage: told when a card opens
   * and closes. */
  escapeRelay: Pick<EscapeRelay, 'cardShown'>;
  /**
   * Hide this name, Off on this site and Not this, with their Undo toasts (page/card-actions.ts): lent by the first
   * stage, which carries the toast for saved selections anyway, so this stage does not carry a second copy.
   */
  settingsActions: SettingsActions;
  /**
   * Details the first stage asked for while this stage loaded (page/card-triggers.ts), by entity id: the first card
   * takes its answer instead of asking again.
   */
  prefetched?: Map<string, AskedDetails>;
  /** The article's date (page/hover-page.ts), read by the first stage: the card's timeline is headed with it. */
  asOf?: string;
}

type Ev = HoverEvent<Mention, EntityDetails>;

/** A card with one of everything, rendered invisibly once so the first real card finds styles and fonts ready. */
const WARM_UP_DETAILS: EntityDetails = {
  entity: {
    id: 'warm-up',
    name: 'Ağ Şəki Қазақ',
    type: 'place',
    aliases: [{ text: 'x', inCorpus: true }],
    summary: 'Türkiye, Қазақстан.',
    summarySentences: [],
    facts: [{ quote: 'Şuşa – «Шуша»', source: 's', where: { paragraph: 1, line: 1 } }],
    relations: [],
    views: [
      { source: 's', label: 'a', note: 'b' },
      { source: 's', label: 'c', note: 'd' },
    ],
  },
  sources: [{ id: 's', file: '', title: 't', authors: [], publisher: 'p', date: '2000', stance: 's' }],
  related: {},
  events: [{ id: 'e', date: '1999', title: 't', entities: [] }],
};

/** The highlight name of the focus mark on the name the keyboard opened. */
const ACTIVE_HIGHLIGHT = 'lens-active';

/** What the first stage passes on: the pointer (PointerSink), the keyboard, and settings changes. */
export interface HoverCards extends PointerSink {
  /**
   * `since`: when the pointer came to rest where it is (performance.now()), for a move the first stage held while
   * this stage was loading: the dwell counts from then.
   */
  pointer(
    at: Parameters<PointerSink['pointer']>[0],
    point: { x: number; y: number },
    canOpen: boolean,
    since?: number,
  ): void;
  /** Whether an event's path runs through the card. */
  inCard(event: Event): boolean;
  next(route: 'key' | 'command'): void;
  /** Pays the first card's one-off costs now (see warmUp): the shortcut's modifiers are down. */
  warmUp(): void;
  /** Esc pressed here or relayed from another frame: true when a card was open and is now closed. */
  escape(): boolean;
  close(): void;
  /** Settings changed: close a card whose entity or site was just switched off. */
  refresh(): void;
}

export function startHoverCards(deps: HoverCardDeps): HoverCards {
  const { doc, win, store, index, signal } = deps;
  let state = initialHoverState<Mention, EntityDetails>();
  // show() and hide() report to it.
  const frames = deps.escapeRelay;
  let host: CardHost | null = null;
  const asOf = deps.asOf;
  const details = createDetailsCache(
    (id) => asked(deps.send({ type: 'get-entity', id, ...(asOf ? { asOf } : {}) })),
    deps.prefetched,
  );
  // The card extras (the reader's own section) arrive with this stage, in the same injection: their stylesheet joins
  // the card's in every card host. Without them (they failed to run) cards show without that section.
  const extrasCss = cardExtras()?.css ?? '';
  const newHost = () => new CardHost(doc, extrasCss);
  // The settings actions are the first stage's; their toasts speak with this stage's catalog.
  const actionScope = { doc, send: deps.send, signal, t };

  /** What is on screen: the card's token, its mark, and the entities navigated through (chips, Back). */
  let shown: {
    token: number;
    target: Mention;
    openedBy: OpenedBy;
    stack: EntityDetails[];
    size: { width: number; height: number } | null;
  } | null = null;
  let pointer: { x: number; y: number } | null = null;
  /** When the pointer came to rest on what it is over now (see HoverCards.pointer). */
  let restingSince = 0;
  let returnFocus: Element | null = null;
  let keyboardAt: Mention | null = null;
  const lastNext = { key: -Infinity, command: -Infinity };
  /** Per token, for the timing event: when the dwell ended, and how long the details took. */
  const timing = new Map<number, number>();
  const fetchMs = new Map<number, number>();
  /** The language setting the card's words are in; another one asks the background for them again. */
  let language = deps.settings().language;

  const entityId = (m: Mention) => index.entities[m.entity]![0];
  const config = () => ({ dwellMs: deps.settings().dwellMs, graceMs: GRACE_MS });

  const dispatch = (event: Ev) => {
    const result = step(state, event, config());
    state = result.state;
    for (const effect of result.effects) run(effect);
    // Test build only: the page sees that a card host exists, nothing of what it is doing.
    if (__LENS_TEST_BUILD__ && host) host.element.dataset.phase = phaseOf(state);
    if (__LENS_TEST_BUILD__) announceStep(event, result.effects);
  };

  /** Test build only (page/hover-timing.ts): the step just taken, for tests that drive time by the machine's own timers. */
  const announceStep = (event: Ev, effects: HoverEffect<Mention, EntityDetails>[]) =>
    announceHoverStep(doc, {
      event: event.type,
      token: 'token' in event ? event.token : null,
      ...(event.type === 'pointer'
        ? { at: event.at === null ? null : event.at === 'card' ? 'card' : 'mark', canOpen: event.canOpen !== false }
        : {}),
      effects: effects.map((e) => ({
        type: e.type === 'start-dwell-timer' ? 'dwell' : e.type === 'start-grace-timer' ? 'grace' : e.type,
        token: 'token' in e ? e.token : null,
      })),
      phase: phaseOf(state),
      shown: !!shown,
    });

  const run = (effect: HoverEffect<Mention, EntityDetails>) => {
    switch (effect.type) {
      case 'fetch': {
        const { token } = effect;
        const asked = performance.now();
        details.get(entityId(effect.target)).then(
          (d) => {
            if (state.dwell?.token === token || state.card?.token === token)
              fetchMs.set(token, performance.now() - asked);
            dispatch({ type: 'details', token, details: d });
          },
          () => dispatch({ type: 'details', token, details: null }),
        );
        return;
      }
      case 'start-dwell-timer':
        win.setTimeout(
          () => {
            if (state.dwell?.token === effect.token) timing.set(effect.token, performance.now());
            dispatch({ type: 'dwell-elapsed', token: effect.token });
          },
          Math.max(0, effect.ms - (performance.now() - restingSince)),
        );
        return;
      case 'start-grace-timer':
        win.setTimeout(() => dispatch({ type: 'grace-elapsed', token: effect.token }), effect.ms);
        return;
      case 'show':
        return show(effect.token, effect.target, effect.details, effect.openedBy);
      case 'hide':
        return hide();
    }
  };

  function show(token: number, target: Mention, d: EntityDetails | undefined, openedBy: OpenedBy) {
    const isNew = shown?.token !== token;
    if (isNew) {
      if (!timing.has(token)) timing.set(token, performance.now());
      if (!host?.element.contains(doc.activeElement) && doc.activeElement !== host?.element)
        returnFocus = doc.activeElement;
      shown = { token, target, openedBy, stack: [], size: null };
      if (openedBy !== 'keyboard') markActive(null);
    }
    const s = shown!;
    // Details already at hand (asked for while the card's stage loaded, or cached) go into the card at once: it is
    // rendered once, not as a placeholder first and again a moment later (the first render in a page is the costly
    // one). Their arrival from the machine then changes nothing on screen.
    d ??= details.peek(entityId(target));
    if (!isNew && d && s.stack[0] === d) return;
    if (d && !s.stack.length) s.stack.push(d);
    host ??= newHost();
    if (isNew) frames.cardShown(true);
    paint();
    if (isNew && openedBy === 'keyboard') focusCard();
    // Timing (test build only): the first paint after the dwell (placeholder or full card), then the full card if it
    // came later.
    if (__LENS_TEST_BUILD__ && timing.has(token) && (isNew || d)) reportTiming(token, entityId(target), openedBy, !!d);
    if (d) {
      timing.delete(token);
      fetchMs.delete(token);
    }
    if (isNew) askAheadForNext();
  }

  /**
   * The details of the name Alt+Shift+M goes to next, asked for once the card on screen is painted: that card then
   * opens without a round trip to the background. Nothing changes on the page.
   */
  function askAheadForNext() {
    whenIdle(
      win,
      () => {
        if (signal.aborted || !deps.active()) return;
        const next = nextMention(doc, store, keyboardAt);
        if (next) details.get(entityId(next)).catch(() => {});
      },
      { timeout: 500, fallbackMs: 50 },
    );
  }

  function paint() {
    if (!shown || !host) return;
    const s = shown;
    const current = s.stack[s.stack.length - 1];
    const theme = deps.settings().theme;
    const scheme = theme === 'light' || theme === 'dark' ? theme : pageScheme(doc, win);
    const [id, name, type] = index.entities[s.target.entity]!;
    const close = () => dispatch({ type: 'close', reason: 'button' });
    // The skeleton and the full card are different elements: focus on one moves to the other.
    const focusOnCard = !!host.activeElement?.classList.contains('lens-card');
    // Its dates and lists as the background formatted them: no Intl object is made in the page for them.
    installFormats(current?.formats);
    host.render(
      current
        ? h(EntityCard, {
            details: current,
            matchedText: current.entity.id === id ? s.target.text : undefined,
            evidence: current.entity.id === id ? s.target.why : undefined,
            namesakes:
              current.entity.id === id
                ? (s.target.or ?? []).flatMap((e) => {
                    const other = index.entities[e];
                    return other ? [{ id: other[0], name: other[1] }] : [];
                  })
                : undefined,
            scheme,
            asOf,
            onSelectEntity: (next: string) => navigate(s.token, next),
            onBack: s.stack.length > 1 ? () => back(s.token) : undefined,
            actions: {
              onSave: () => saveSnippet(s.target),
              saveWhat: t('cardKeeps', s.target.text),
              onOpenSearch: () => {
                if (host?.gesture.recent()) void deps.send({ type: 'open-search', query: current.entity.name });
              },
              onOpenExplore: () => {
                if (host?.gesture.recent())
                  void deps.send({ type: 'open-explore', id: current.entity.id, view: 'map' });
              },
              // Settings for every site (and this site's switch) change only on the reader's own press in the card.
              onHideEntity: () => {
                if (!host?.gesture.recent()) return;
                void deps.settingsActions.hideEntity(actionScope, current.entity);
                dispatch({ type: 'close', reason: 'settings' });
              },
              onDisableSite: () => {
                if (!host?.gesture.recent()) return;
                void deps.settingsActions.disableSite(actionScope);
                dispatch({ type: 'close', reason: 'settings' });
              },
              // Only for the entity the mark was painted for, not one reached through a related chip.
              onNotThis:
                current.entity.id === id
                  ? (everywhere: boolean) => {
                      if (!host?.gesture.recent()) return;
                      const mark = { id, name: current.entity.name, text: s.target.text };
                      void deps.settingsActions.correctMark(actionScope, mark, everywhere);
                      dispatch({ type: 'close', reason: 'settings' });
                    }
                  : undefined,
              onClose: close,
            },
            // The reader's note and library link act only on their own press in the card, like every other action.
            own: {
              saveNote: async (entity: string, text: string) => {
                if (!host?.gesture.recent()) throw new Error(t('cardOwnPressToSave'));
                const stored = await deps.send({ type: 'set-note', id: entity, text });
                details.forget(entity);
                if (!stored) throw new Error(t('cardOwnNotStored'));
              },
              openLibrary: (entity: string) => {
                if (host?.gesture.recent()) void deps.send({ type: 'open-library', id: entity });
              },
            },
          })
        : h(EntityCardSkeleton, { name, type, scheme, onClose: close }),
    );
    if (focusOnCard && !host.activeElement) focusCard();
    const natural = host.measure();
    s.size = { width: natural.width, height: Math.min(natural.height, MAX_CARD_HEIGHT) };
    place();
  }

  /** Places the card beside its mark; closes it when the mark has scrolled out of view. */
  function place(): boolean {
    if (!shown || !host || !shown.size) return false;
    const range = mentionRange(doc, shown.target);
    const rects = [...range.getClientRects()].filter((r) => r.width || r.height);
    const vw = doc.documentElement.clientWidth || win.innerWidth;
    const vh = Math.min(win.innerHeight, doc.documentElement.clientHeight || win.innerHeight);
    const visible = rects.some((r) => r.bottom > 0 && r.top < vh && r.right > 0 && r.left < vw);
    if (!shown.target.range.startContainer.isConnected || !visible) return false;
    const parent = shown.target.range.startContainer.parentElement;
    const dir = parent && win.getComputedStyle(parent).direction === 'rtl' ? 'rtl' : 'ltr';
    host.place(
      placeCard({
        anchor: rects,
        pointer: shown.openedBy === 'pointer' ? (pointer ?? undefined) : undefined,
        card: shown.size,
        viewport: { width: vw, height: vh },
        dir,
      }),
    );
    return true;
  }

  /**
   * The focus mark on the page for the name the keyboard moved to (`::highlight(lens-active)` in the content
   * stylesheet): a reader moving with Alt+Shift+M sees which name the card is about. Null clears it.
   */
  function markActive(m: Mention | null) {
    const registry = doc.defaultView?.CSS?.highlights;
    if (!registry) return;
    if (!m) return void registry.delete(ACTIVE_HIGHLIGHT);
    registry.set(ACTIVE_HIGHLIGHT, new Highlight(m.range));
  }

  function hide() {
    markActive(null);
    const hadFocus = !!host && (doc.activeElement === host.element || !!host.activeElement);
    shown = null;
    host?.render(null);
    frames.cardShown(false);
    if (hadFocus) {
      const back = returnFocus as HTMLElement | null;
      if (back && back.isConnected && back !== doc.body && typeof back.focus === 'function')
        back.focus({ preventScroll: true });
      else (doc.activeElement as HTMLElement | null)?.blur?.();
    }
    returnFocus = null;
  }

  function focusCard() {
    const card = host?.root.querySelector<HTMLElement>('.lens-card');
    card?.focus({ preventScroll: true });
  }

  function navigate(token: number, id: string) {
    details.get(id).then(
      (d) => {
        if (!d || shown?.token !== token) return;
        const hadFocus = !!host?.activeElement;
        shown.stack.push(d);
        paint();
        if (hadFocus) focusCard();
      },
      () => {},
    );
  }

  function back(token: number) {
    if (shown?.token !== token || shown.stack.length < 2) return;
    shown.stack.pop();
    paint();
    focusCard();
  }

  /** Saves the sentence around the mark; the card shows what was kept, with Undo while the save is fresh. */
  async function saveSnippet(m: Mention): Promise<SavedPassage> {
    if (!host?.gesture.recent()) throw new Error('Not saved: press the button to save.');
    const snippet = snippetFor(doc, store, index, m);
    // Defensive: a background that did not answer leaves nothing to undo.
    const reply: Partial<SnippetSaved> | undefined = await deps.send({ type: 'save-snippet', snippet });
    // The card's "Your snippets" for this entity changes with the save: ask again next time.
    details.forget(entityId(m));
    const { id, undoToken } = reply ?? {};
    return {
      text: snippet.text,
      undo:
        id && undoToken
          ? async () => {
              if (!(await deps.send({ type: 'undo-save-snippet', id, undoToken }))) throw new Error('too late to undo');
            }
          : undefined,
    };
  }

  function reportTiming(token: number, id: string, openedBy: OpenedBy, complete: boolean) {
    const dwellEndedAt = timing.get(token)!;
    const detailsMs = fetchMs.get(token) ?? null;
    const renderedAt = performance.now();
    win.requestAnimationFrame(() => {
      // The frame this callback precedes is the one the card is painted in; a task queued now runs right after it.
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const paintedAt = performance.now();
        const t: CardTiming = { entityId: id, openedBy, complete, dwellEndedAt, renderedAt, paintedAt, detailsMs };
        announceCardTiming(doc, t);
      };
      channel.port2.postMessage(null);
    });
  }

  // The first card would pay for creating the host, parsing the stylesheet, resolving fonts and compiling its code:
  // done once, ahead of it. At idle when the reader first moves the pointer over a page that has marks (the dwell is
  // long enough for that); at once when the shortcut's modifiers loaded this stage (the M is a moment away), with the
  // card the shortcut will open.
  let warmed = false;
  const warmUp = (now = false) => {
    if (warmed || signal.aborted || store.size === 0) return;
    warmed = true;
    const render = () => {
      if (signal.aborted || host) return;
      host = newHost();
      // A real entity from the page exercises every path the first card takes (its alphabets included).
      const first = now ? nextMention(doc, store, null) : store.all()[0];
      const ready = first ? details.get(entityId(first)).catch(() => null) : Promise.resolve(null);
      void ready.then((d) => {
        if (signal.aborted || !host || shown) return;
        installFormats(d?.formats);
        host.warm(
          h(EntityCard, { details: d ?? WARM_UP_DETAILS, matchedText: first?.text, asOf, actions: { onClose() {} } }),
        );
      });
    };
    if (now) render();
    else whenIdle(win, render, { fallbackMs: 200 });
  };

  const onReposition = () => {
    if (!shown) return;
    if (!place()) dispatch({ type: 'close', reason: 'scrolled' });
  };
  let frame = 0;
  const schedule = () => (frame ||= win.requestAnimationFrame(() => ((frame = 0), onReposition())));
  doc.addEventListener('scroll', schedule, { capture: true, passive: true, signal });
  win.addEventListener('resize', schedule, { passive: true, signal });

  const next = (route: 'key' | 'command') => {
    const now = performance.now();
    const other = route === 'key' ? 'command' : 'key';
    if (now - lastNext[other] < DOUBLE_TRIGGER_MS || !deps.active()) return;
    lastNext[route] = now;
    const m = nextMention(doc, store, keyboardAt);
    if (!m) return;
    keyboardAt = m;
    markActive(m);
    const rect = mentionRange(doc, m).getBoundingClientRect();
    if (rect.top < 0 || rect.bottom > win.innerHeight)
      m.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    dispatch({ type: 'open', target: m, openedBy: 'keyboard' });
  };

  signal.addEventListener(
    'abort',
    () => {
      markActive(null);
      host?.destroy();
    },
    { once: true },
  );

  return {
    pointer: (at, point, canOpen, since) => {
      pointer = point;
      restingSince = since ?? performance.now();
      if (!warmed) warmUp();
      dispatch({ type: 'pointer', at, canOpen });
    },
    activate: (m, point) => {
      // Its card is already open: this tap is for the page (a name inside a link is followed on the second tap).
      if (shown?.target === m) return false;
      pointer = point;
      dispatch({ type: 'open', target: m, openedBy: 'tap' });
      return true;
    },
    downOutside: () => {
      if (shown && shown.openedBy !== 'pointer') dispatch({ type: 'close', reason: 'outside' });
    },
    inCard: (e) => !!host?.containsEvent(e),
    next,
    warmUp: () => warmUp(true),
    escape: () => {
      if (!shown) return false;
      // Esc in the card's note editor is the editor's: it leaves the editor, not the card (components/own/OwnSection.tsx).
      if (host?.activeElement?.tagName === 'TEXTAREA') return false;
      dispatch({ type: 'close', reason: 'escape' });
      return true;
    },
    close: () => dispatch({ type: 'close', reason: 'settings' }),
    refresh() {
      if (shown && (!deps.active() || !store.isVisible(shown.target))) dispatch({ type: 'close', reason: 'settings' });
      if (deps.settings().language !== language) {
        language = deps.settings().language;
        // The open card (if any) repaints in the new language; later ones open in it.
        void deps.send({ type: 'get-card-text' }).then(
          (text) => {
            if (!isInterfaceText(text)) return;
            setInterfaceText(text);
            paint();
          },
          () => {},
        );
      }
    },
  };
}
