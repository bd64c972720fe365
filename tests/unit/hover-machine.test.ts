import { describe, expect, it } from 'vitest';
import { GRACE_MS, initialHoverState, phaseOf, step, type HoverEvent, type HoverState } from '../../lib/hover/machine';

type Mark = { name: string };
type Details = { id: string };
const A: Mark = { name: 'A' };
const B: Mark = { name: 'B' };
const DA: Details = { id: 'a' };
const DB: Details = { id: 'b' };
const config = { dwellMs: 400, graceMs: GRACE_MS };

/** Runs events from a state; returns the final state and every effect, in order. */
function run(events: HoverEvent<Mark, Details>[], from: HoverState<Mark, Details> = initialHoverState()) {
  let state = from;
  const effects = [];
  for (const e of events) {
    const r = step(state, e, config);
    state = r.state;
    effects.push(...r.effects);
  }
  return { state, effects };
}

/** A pointer-opened card on A: dwell, details, dwell elapsed. Token 1. */
const openOnA = () =>
  run([
    { type: 'pointer', at: A },
    { type: 'details', token: 1, details: DA },
    { type: 'dwell-elapsed', token: 1 },
  ]).state;

describe('hover state machine', () => {
  it('starts idle', () => {
    expect(phaseOf(initialHoverState())).toBe('idle');
  });

  it('idle → dwelling: pointer on a mark fetches details at once and starts the dwell timer', () => {
    const { state, effects } = run([{ type: 'pointer', at: A }]);
    expect(phaseOf(state)).toBe('dwelling');
    expect(effects).toEqual([
      { type: 'fetch', token: 1, target: A },
      { type: 'start-dwell-timer', token: 1, ms: 400 },
    ]);
  });

  it('dwelling: the configured dwell is used', () => {
    const r = step(initialHoverState<Mark, Details>(), { type: 'pointer', at: A }, { dwellMs: 1200, graceMs: 300 });
    expect(r.effects).toContainEqual({ type: 'start-dwell-timer', token: 1, ms: 1200 });
  });

  it('dwelling → dwelling: moving within the same mark restarts nothing', () => {
    const s = run([{ type: 'pointer', at: A }]).state;
    expect(step(s, { type: 'pointer', at: A }, config).effects).toEqual([]);
    expect(step({ ...s, pointer: null }, { type: 'pointer', at: A }, config).effects).toEqual([]);
  });

  it('dwelling → open: dwell elapsed with details ready shows the card', () => {
    const { state, effects } = run([
      { type: 'pointer', at: A },
      { type: 'details', token: 1, details: DA },
      { type: 'dwell-elapsed', token: 1 },
    ]);
    expect(phaseOf(state)).toBe('open');
    expect(effects.at(-1)).toEqual({ type: 'show', token: 1, target: A, details: DA, openedBy: 'pointer' });
  });

  it('dwelling → open: details late still show the card at once (skeleton), then fill it in', () => {
    const first = run([
      { type: 'pointer', at: A },
      { type: 'dwell-elapsed', token: 1 },
    ]);
    expect(first.effects.at(-1)).toEqual({
      type: 'show',
      token: 1,
      target: A,
      details: undefined,
      openedBy: 'pointer',
    });
    const second = step(first.state, { type: 'details', token: 1, details: DA }, config);
    expect(second.effects).toEqual([{ type: 'show', token: 1, target: A, details: DA, openedBy: 'pointer' }]);
  });

  it('dwelling → idle: leaving before the dwell ends abandons it; its timer and fetch are then stale', () => {
    const left = run([
      { type: 'pointer', at: A },
      { type: 'pointer', at: null },
    ]);
    expect(phaseOf(left.state)).toBe('idle');
    const late = run(
      [
        { type: 'details', token: 1, details: DA },
        { type: 'dwell-elapsed', token: 1 },
      ],
      left.state,
    );
    expect(late.effects).toEqual([]);
    expect(phaseOf(late.state)).toBe('idle');
  });

  it('dwelling → dwelling: a new mark starts a new dwell; the old token is stale', () => {
    const s = run([
      { type: 'pointer', at: A },
      { type: 'pointer', at: B },
    ]);
    expect(s.state.dwell).toMatchObject({ token: 2, target: B });
    expect(run([{ type: 'dwell-elapsed', token: 1 }], s.state).effects).toEqual([]);
    expect(run([{ type: 'dwell-elapsed', token: 2 }], s.state).effects.at(-1)).toMatchObject({
      type: 'show',
      target: B,
    });
  });

  it('dwelling → idle: an unknown entity (details null) abandons the dwell silently', () => {
    const s = run([
      { type: 'pointer', at: A },
      { type: 'details', token: 1, details: null },
      { type: 'dwell-elapsed', token: 1 },
    ]);
    expect(phaseOf(s.state)).toBe('idle');
    expect(s.effects.some((e) => e.type === 'show')).toBe(false);
  });

  it('open → grace: leaving the mark (not to the card) starts the grace timer', () => {
    const r = step(openOnA(), { type: 'pointer', at: null }, config);
    expect(phaseOf(r.state)).toBe('grace');
    expect(r.effects).toEqual([{ type: 'start-grace-timer', token: 2, ms: GRACE_MS }]);
  });

  it('open → open: moving from the mark onto the card keeps it open', () => {
    const r = step(openOnA(), { type: 'pointer', at: 'card' }, config);
    expect(phaseOf(r.state)).toBe('open');
    expect(r.effects).toEqual([]);
  });

  it('grace → open: coming back to the card cancels the grace period', () => {
    const s = run(
      [
        { type: 'pointer', at: null },
        { type: 'pointer', at: 'card' },
      ],
      openOnA(),
    );
    expect(phaseOf(s.state)).toBe('open');
    expect(run([{ type: 'grace-elapsed', token: 2 }], s.state).effects).toEqual([]);
  });

  it('grace → open: coming back to the mark cancels the grace period', () => {
    const s = run(
      [
        { type: 'pointer', at: null },
        { type: 'pointer', at: A },
      ],
      openOnA(),
    );
    expect(phaseOf(s.state)).toBe('open');
    expect(s.effects.filter((e) => e.type === 'fetch')).toEqual([]);
  });

  it('grace → idle: the grace period ends and the card hides', () => {
    const s = run(
      [
        { type: 'pointer', at: null },
        { type: 'grace-elapsed', token: 2 },
      ],
      openOnA(),
    );
    expect(phaseOf(s.state)).toBe('idle');
    expect(s.effects.at(-1)).toEqual({ type: 'hide', reason: 'grace' });
  });

  it('open → grace + dwelling: another mark starts its dwell while the old card runs its grace period', () => {
    const r = step(openOnA(), { type: 'pointer', at: B }, config);
    expect(r.state.card?.grace).not.toBeNull();
    expect(r.state.dwell).toMatchObject({ target: B });
    expect(r.effects.map((e) => e.type)).toEqual(['fetch', 'start-dwell-timer', 'start-grace-timer']);
  });

  it('grace + dwelling → open on the new mark: its dwell ends and replaces the card', () => {
    const s = run(
      [
        { type: 'pointer', at: B },
        { type: 'details', token: 2, details: DB },
        { type: 'dwell-elapsed', token: 2 },
      ],
      openOnA(),
    );
    expect(s.state.card).toMatchObject({ target: B, details: DB, grace: null });
    // The old card's grace timer is now stale.
    expect(run([{ type: 'grace-elapsed', token: 3 }], s.state).effects).toEqual([]);
  });

  it('open → closed: Esc hides the card; resting on the same mark opens nothing', () => {
    const s = run([{ type: 'close', reason: 'escape' }], openOnA());
    expect(phaseOf(s.state)).toBe('closed');
    expect(s.effects).toEqual([{ type: 'hide', reason: 'escape' }]);
    // The pointer still rests on A (its moves within the mark report A again): no new dwell.
    const again = step({ ...s.state, pointer: null }, { type: 'pointer', at: A }, config);
    expect(again.effects).toEqual([]);
    expect(phaseOf(again.state)).toBe('closed');
  });

  it('closed → idle → dwelling: leaving the mark re-arms it', () => {
    const closed = run([{ type: 'close', reason: 'button' }], openOnA()).state;
    const s = run(
      [
        { type: 'pointer', at: null },
        { type: 'pointer', at: A },
      ],
      closed,
    );
    expect(phaseOf(s.state)).toBe('dwelling');
  });

  it('open → closed: scrolling the mark away hides the card', () => {
    const s = run([{ type: 'close', reason: 'scrolled' }], openOnA());
    expect(s.effects).toEqual([{ type: 'hide', reason: 'scrolled' }]);
  });

  it('idle → open: the keyboard opens a card at once, with no dwell, and fetches its details', () => {
    const r = step(initialHoverState<Mark, Details>(), { type: 'open', target: A, openedBy: 'keyboard' }, config);
    expect(phaseOf(r.state)).toBe('open');
    expect(r.effects).toEqual([
      { type: 'show', token: 1, target: A, details: undefined, openedBy: 'keyboard' },
      { type: 'fetch', token: 1, target: A },
    ]);
  });

  it('keyboard- and tap-opened cards ignore the pointer leaving: no grace period', () => {
    const opened = step(initialHoverState<Mark, Details>(), { type: 'open', target: A, openedBy: 'tap' }, config).state;
    const r = step(opened, { type: 'pointer', at: null }, config);
    expect(phaseOf(r.state)).toBe('open');
    expect(r.effects).toEqual([]);
  });

  it('open → open: the next keyboard target replaces the card; the previous fetch is stale', () => {
    const s = run([
      { type: 'open', target: A, openedBy: 'keyboard' },
      { type: 'open', target: B, openedBy: 'keyboard' },
    ]);
    expect(s.state.card).toMatchObject({ token: 2, target: B });
    expect(run([{ type: 'details', token: 1, details: DA }], s.state).effects).toEqual([]);
  });

  it('open → idle: details null for an open card hides it', () => {
    const opened = step(
      initialHoverState<Mark, Details>(),
      { type: 'open', target: A, openedBy: 'keyboard' },
      config,
    ).state;
    const r = step(opened, { type: 'details', token: 1, details: null }, config);
    expect(r.effects).toEqual([{ type: 'hide', reason: 'unknown-entity' }]);
  });

  it('dwelling → idle: close during a dwell drops it without a hide', () => {
    const s = run([
      { type: 'pointer', at: A },
      { type: 'close', reason: 'settings' },
    ]);
    expect(s.state.dwell).toBeNull();
    expect(s.effects.filter((e) => e.type === 'hide')).toEqual([]);
    expect(run([{ type: 'dwell-elapsed', token: 1 }], s.state).effects).toEqual([]);
  });

  it('idle: close with nothing open changes nothing', () => {
    const s0 = initialHoverState<Mark, Details>();
    expect(step(s0, { type: 'close', reason: 'escape' }, config).state).toBe(s0);
  });

  it('dwelling on the card-less gap: pointer on "card" with no card abandons the dwell', () => {
    const s = run([
      { type: 'pointer', at: A },
      { type: 'pointer', at: 'card' },
    ]);
    expect(phaseOf(s.state)).toBe('idle');
  });

  it('on demand: a mark that may not open (Alt not held) starts no dwell, and abandons one that was running', () => {
    const none = run([{ type: 'pointer', at: A, canOpen: false }]);
    expect(phaseOf(none.state)).toBe('idle');
    expect(none.effects).toEqual([]);
    const abandoned = run([
      { type: 'pointer', at: A, canOpen: true },
      { type: 'pointer', at: A, canOpen: false },
      { type: 'dwell-elapsed', token: 1 },
    ]);
    expect(phaseOf(abandoned.state)).toBe('idle');
    expect(abandoned.effects.filter((e) => e.type === 'show')).toEqual([]);
  });

  it('on demand: the open card stays while the pointer rests on its own mark without Alt; another mark starts grace', () => {
    const kept = run([{ type: 'pointer', at: A, canOpen: false }], openOnA());
    expect(phaseOf(kept.state)).toBe('open');
    expect(kept.effects).toEqual([]);
    const left = run([{ type: 'pointer', at: B, canOpen: false }], openOnA());
    expect(phaseOf(left.state)).toBe('grace');
    expect(left.effects).toEqual([{ type: 'start-grace-timer', token: 2, ms: GRACE_MS }]);
    // Back on the card's mark during the grace period: the card stays.
    expect(phaseOf(run([{ type: 'pointer', at: A, canOpen: false }], left.state).state)).toBe('open');
  });
});
