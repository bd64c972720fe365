/**
 * The background's limits on what a content script may ask for (issue 22), in case a page finds a way to drive one:
 * tabs opened per tab, a burst of global hides that waits for confirmation and can be undone, "Off on this site" that
 * can be undone, the Esc relay reaching
 * only frames with a card, and saved passages painted only for a web page whose real origin is its URL's.
 */
import { describe, expect, it, vi } from 'vitest';
import factBaseJson from '~/data/factbase.json';
import aliasIndexJson from '~/data/alias-index.json';
import { createMatcher } from '~/lib/matcher';
import type { AliasIndex, FactBase } from '~/lib/factbase/types';
import { createFactBaseStore } from '~/lib/factbase/factbase-store';
import { createBackgroundHandlers, type MessageSender } from '~/lib/background/handlers';
import {
  createRateLimit,
  HIDES_BEFORE_CONFIRM,
  TAB_OPENS_PER_MINUTE,
  UNDO_HIDE_MS,
  UNDO_SITE_OFF_MS,
} from '~/lib/background/guards';
import { paintablePage } from '~/lib/snippets/page-saves';
import { parseContentMessage } from '~/lib/messaging/validate';
import { defaultSettings, type Settings } from '~/lib/settings/settings';

const OWN_ID = 'lens';
const PAGE = 'https://news.example.com/article';
const from = (tab: number, frameId = 0): MessageSender => ({ id: OWN_ID, tab: { id: tab }, frameId, url: PAGE });

function setup() {
  let clock = Date.UTC(2026, 0, 1);
  let settings: Settings = defaultSettings();
  const updateSettings = vi.fn(async (change: (s: Settings) => Settings) => (settings = change(settings)));
  const openSearch = vi.fn(async () => undefined);
  const openExplore = vi.fn(async () => undefined);
  const closeCardIn = vi.fn(async () => undefined);
  const handlers = createBackgroundHandlers({
    store: createFactBaseStore(factBaseJson as unknown as FactBase),
    aliasIndex: aliasIndexJson as unknown as AliasIndex,
    matcher: () => createMatcher(aliasIndexJson as unknown as AliasIndex),
    updateSettings,
    openSearch,
    openExplore,
    closeCardIn,
    now: () => new Date(clock),
  });
  const send = (message: unknown, sender: MessageSender) => handlers.onContentMessage(message, sender, OWN_ID);
  return {
    send,
    openSearch,
    openExplore,
    closeCardIn,
    settings: () => settings,
    updateSettings,
    tick: (ms: number) => (clock += ms),
  };
}

const ENTITIES = (factBaseJson as unknown as FactBase).entities.map((e) => e.id);

describe('rate limit', () => {
  it('allows `limit` events per window per key, and again once the window has passed', () => {
    let t = 0;
    const limit = createRateLimit(2, 1_000, () => t);
    expect([limit.take('a'), limit.take('a'), limit.take('a'), limit.take('b')]).toEqual([true, true, false, true]);
    t = 1_001;
    expect(limit.take('a')).toBe(true);
    expect(limit.count('a')).toBe(1);
  });
});

describe('tabs opened from cards', () => {
  it(`at most ${TAB_OPENS_PER_MINUTE} a minute per sending tab; other tabs are not held back`, async () => {
    const { send, openSearch, openExplore, tick } = setup();
    for (let i = 0; i < 10; i++) await send({ type: 'open-search', query: 'baku' }, from(1));
    for (let i = 0; i < 5; i++) await send({ type: 'open-explore', id: 'baku', view: 'map' }, from(1));
    expect(openSearch.mock.calls.length + openExplore.mock.calls.length).toBe(TAB_OPENS_PER_MINUTE);
    await send({ type: 'open-search', query: 'baku' }, from(2));
    expect(openSearch.mock.calls.length + openExplore.mock.calls.length).toBe(TAB_OPENS_PER_MINUTE + 1);
    tick(60_001);
    await send({ type: 'open-explore', id: 'baku', view: 'map' }, from(1));
    expect(openExplore.mock.calls.length + openSearch.mock.calls.length).toBe(TAB_OPENS_PER_MINUTE + 2);
  });
});

describe('hiding names everywhere', () => {
  it(`after ${HIDES_BEFORE_CONFIRM} hides within a minute, the next waits for confirmation`, async () => {
    const { send, settings, tick } = setup();
    for (const id of ENTITIES.slice(0, HIDES_BEFORE_CONFIRM))
      expect(await send({ type: 'hide-entity', id }, from(1))).toMatchObject({ hidden: true });
    const next = ENTITIES[HIDES_BEFORE_CONFIRM]!;
    expect(await send({ type: 'hide-entity', id: next }, from(1))).toEqual({ hidden: false, confirm: true });
    expect(settings().hiddenEntities).not.toContain(next);
    expect(await send({ type: 'hide-entity', id: next, confirmed: true }, from(1))).toMatchObject({ hidden: true });
    expect(settings().hiddenEntities).toContain(next);
    // A minute later, hides are ordinary again.
    tick(60_001);
    expect(await send({ type: 'hide-entity', id: ENTITIES[20]! }, from(1))).toMatchObject({ hidden: true });
  });

  it('a hide can be undone with its token, once, for a while; no token, no unhide', async () => {
    const { send, settings, tick } = setup();
    const reply = (await send({ type: 'hide-entity', id: 'baku' }, from(1))) as { undoToken: string };
    expect(settings().hiddenEntities).toContain('baku');
    expect(await send({ type: 'unhide-entity', id: 'baku', undoToken: 'guess' }, from(1))).toBe(false);
    expect(await send({ type: 'unhide-entity', id: 'tanap', undoToken: reply.undoToken }, from(1))).toBe(false);
    expect(await send({ type: 'unhide-entity', id: 'baku', undoToken: reply.undoToken }, from(1))).toBe(true);
    expect(settings().hiddenEntities).not.toContain('baku');
    expect(await send({ type: 'unhide-entity', id: 'baku', undoToken: reply.undoToken }, from(1))).toBe(false);
    const late = (await send({ type: 'hide-entity', id: 'baku' }, from(1))) as { undoToken: string };
    tick(UNDO_HIDE_MS + 1);
    expect(await send({ type: 'unhide-entity', id: 'baku', undoToken: late.undoToken }, from(1))).toBe(false);
  });

  it('refuses malformed confirmations and unhides', () => {
    for (const raw of [
      { type: 'hide-entity', id: 'baku', confirmed: 'yes' },
      { type: 'hide-entity', id: 'baku', confirmed: false },
      { type: 'unhide-entity', id: 'baku' },
      { type: 'unhide-entity', id: 'baku', undoToken: 'x'.repeat(101) },
      { type: 'card-state', open: 'yes' },
      { type: 'card-state' },
    ])
      expect(parseContentMessage(raw)).toBeNull();
  });
});

describe('"Off on this site" and its Undo', () => {
  it("switches the sender's site off and back on with its token, once, from that site, for a while", async () => {
    const { send, settings, tick } = setup();
    const reply = (await send({ type: 'disable-site' }, from(1))) as {
      disabled: true;
      site: string;
      undoToken: string;
    };
    expect(reply).toMatchObject({ disabled: true, site: 'news.example.com' });
    expect(settings().disabledSites).toEqual(['news.example.com']);
    expect(await send({ type: 'undo-disable-site', undoToken: 'guess' }, from(1))).toBe(false);
    // Another site cannot take it back, even with the token.
    const elsewhere = { ...from(2), url: 'https://other.example.org/' };
    expect(await send({ type: 'undo-disable-site', undoToken: reply.undoToken }, elsewhere)).toBe(false);
    expect(await send({ type: 'undo-disable-site', undoToken: reply.undoToken }, from(1))).toBe(true);
    expect(settings().disabledSites).toEqual([]);
    expect(await send({ type: 'undo-disable-site', undoToken: reply.undoToken }, from(1))).toBe(false);
    const late = (await send({ type: 'disable-site' }, from(1))) as { undoToken: string };
    tick(UNDO_SITE_OFF_MS + 1);
    expect(await send({ type: 'undo-disable-site', undoToken: late.undoToken }, from(1))).toBe(false);
    expect(settings().disabledSites).toEqual(['news.example.com']);
  });

  it('in allow-list mode, Undo puts back the broader entry the switch took off, and nothing else', async () => {
    const { send, settings, updateSettings } = setup();
    const allowed = ['example.com', 'other.org'];
    await send({ type: 'hide-entity', id: 'baku' }, from(1));
    await updateSettings((s) => ({ ...s, mode: 'allow-list', allowedSites: allowed }));
    const reply = (await send({ type: 'disable-site' }, from(1))) as { undoToken: string };
    expect(settings().allowedSites).toEqual(['other.org']);
    expect(await send({ type: 'undo-disable-site', undoToken: reply.undoToken }, from(1))).toBe(true);
    expect([...settings().allowedSites].sort()).toEqual(allowed);
    expect(settings().hiddenEntities).toEqual(['baku']);
  });

  it('a page without a site gets no switch and no token; malformed undos are refused', async () => {
    const { send } = setup();
    expect(await send({ type: 'disable-site' }, { ...from(1), url: 'about:blank' })).toEqual({ disabled: false });
    for (const raw of [
      { type: 'undo-disable-site' },
      { type: 'undo-disable-site', undoToken: 7 },
      { type: 'undo-disable-site', undoToken: 'x'.repeat(101) },
    ])
      expect(parseContentMessage(raw)).toBeNull();
  });
});

describe('the Esc relay', () => {
  it('reaches only the frames of the same tab that have a card open, not the one that pressed Esc', async () => {
    const { send, closeCardIn } = setup();
    await send({ type: 'card-state', open: true }, from(1, 3));
    await send({ type: 'card-state', open: true }, from(1, 5));
    await send({ type: 'card-state', open: false }, from(1, 5));
    await send({ type: 'card-state', open: true }, from(2, 4));
    await send({ type: 'escape-pressed' }, from(1, 0));
    expect(closeCardIn.mock.calls).toEqual([[1, 3]]);
    closeCardIn.mockClear();
    await send({ type: 'escape-pressed' }, from(1, 3));
    expect(closeCardIn).not.toHaveBeenCalled();
    await send({ type: 'escape-pressed' }, from(9, 0));
    expect(closeCardIn).not.toHaveBeenCalled();
  });
});

describe('pages whose saved passages may be painted', () => {
  it.each([
    ['a web page', 'https://news.example.com/a', undefined, 'https://news.example.com/a'],
    [
      'a web page, origin as reported',
      'https://news.example.com/a',
      'https://news.example.com',
      'https://news.example.com/a',
    ],
    ['about:blank', 'about:blank', undefined, null],
    ['about:blank with its creator’s origin', 'about:blank', 'https://news.example.com', null],
    ['about:srcdoc', 'about:srcdoc', undefined, null],
    ['a data: frame', 'data:text/html,<p>x</p>', undefined, null],
    ['a blob: frame', 'blob:https://news.example.com/1', undefined, null],
    ['a file', 'file:///home/me/a.html', undefined, null],
    ['a sandboxed frame (opaque origin)', 'https://news.example.com/a', 'null', null],
    ['a frame whose origin is not its URL’s', 'https://news.example.com/a', 'https://ads.example', null],
    ['no URL', undefined, undefined, null],
  ])('%s', (_case, url, origin, expected) => {
    expect(paintablePage(url, origin)).toBe(expected);
  });
});
