/**
 * Every message a content script can send, checked as the background checks it: well-formed messages pass with only
 * their known fields; hostile shapes (wrong types, oversized, extra fields, prototype keys, other senders) are refused
 * before any handler acts, so a page running code next to the content script cannot read or write user data.
 */
import { describe, expect, it, vi } from 'vitest';
import factBaseJson from '~/data/factbase.json';
import aliasIndexJson from '~/data/alias-index.json';
import { createMatcher } from '~/lib/matcher';
import { joinTexts, unpackMatches } from '~/lib/matcher/wire';
import type { AliasIndex, FactBase } from '~/lib/factbase/types';
import { createFactBaseStore } from '~/lib/factbase/factbase-store';
import { createBackgroundHandlers, type MessageSender } from '~/lib/background/handlers';
import { parseContentMessage } from '~/lib/messaging/validate';
import { GATE_TEXT_CHARS, type ContentToBackground } from '~/lib/messaging/messages';
import { defaultSettings, type Settings } from '~/lib/settings/settings';
import { SNIPPET_LIMITS } from '~/lib/snippets/types';

const OWN_ID = 'lens-extension-id';
const PAGE = 'https://news.example.com/article';
const sender: MessageSender = { id: OWN_ID, tab: { id: 7 }, url: PAGE };

const report = {
  url: PAGE,
  mentions: [{ entityId: 'baku', name: 'Baku', text: 'Baku', count: 2 }],
  scanMs: 3.5,
  longestSliceMs: 1,
};
const snippet = {
  text: 'Ilham Aliyev visited Baku.',
  url: PAGE,
  title: 'A page',
  entityIds: ['ilham-aliyev'],
  quote: { exact: 'Ilham Aliyev visited Baku.', prefix: 'Yesterday ', suffix: ' Then' },
};

type ContentType = ContentToBackground['type'];
/**
 * One valid example of every message type a content script sends, keyed by type: a type added to ContentToBackground
 * without an example here (or an example of a type it lacks) is a type error, so the list cannot fall behind.
 */
const EXAMPLES: { [T in ContentType]: Extract<ContentToBackground, { type: T }> } = {
  'start-lens': { type: 'start-lens', batch: { text: 'Summer sale', ends: [11] } },
  'load-card-stage': { type: 'load-card-stage' },
  'find-mentions': {
    type: 'find-mentions',
    batch: { text: 'Tokayev met Erdoğan.', ends: [20, 20] },
    date: '2024-05-14',
  },
  'get-entity': { type: 'get-entity', id: 'baku', asOf: '2024-05-14' },
  'save-snippet': { type: 'save-snippet', snippet },
  'undo-save-snippet': { type: 'undo-save-snippet', id: 'snip-1', undoToken: 'token' },
  'get-page-snippets': { type: 'get-page-snippets' },
  'open-search': { type: 'open-search', query: 'tokaev' },
  'open-explore': { type: 'open-explore', id: 'baku', view: 'timeline' },
  'hide-entity': { type: 'hide-entity', id: 'baku' },
  'unhide-entity': { type: 'unhide-entity', id: 'baku', undoToken: 'token' },
  'card-state': { type: 'card-state', open: true },
  'escape-pressed': { type: 'escape-pressed' },
  'disable-site': { type: 'disable-site' },
  'undo-disable-site': { type: 'undo-disable-site', undoToken: 'token' },
  'correct-mark': { type: 'correct-mark', id: 'ilham-aliyev', text: 'Алиев', everywhere: false },
  'uncorrect-mark': { type: 'uncorrect-mark', undoToken: 'token' },
  'set-note': { type: 'set-note', id: 'baku', text: 'my note' },
  'open-library': { type: 'open-library', id: 'baku' },
  'get-card-text': { type: 'get-card-text' },
};
/** Every example, and the variants a type also accepts. */
const VALID: ContentToBackground[] = [
  ...Object.values(EXAMPLES),
  { type: 'hide-entity', id: 'baku', confirmed: true },
  // The top page's text, numbered as a scan: as long as a find-mentions batch may be, not only a frame's.
  { type: 'start-lens', batch: { text: 'x'.repeat(GATE_TEXT_CHARS + 1), ends: [GATE_TEXT_CHARS + 1] }, scan: 1 },
  { type: 'start-lens', batch: { text: 'Baku', ends: [4] }, scan: 1, date: '2024-05-14' },
];

describe('parseContentMessage', () => {
  it.each(VALID.map((m) => [m.type, m] as const))('accepts a well-formed %s', (_type, message) => {
    expect(parseContentMessage(JSON.parse(JSON.stringify(message)))).toEqual(message);
  });

  it('has an example of every message type the union declares, each under its own type', () => {
    // Exhaustive by construction (EXAMPLES' type); this checks no example sits under another type's key.
    for (const [type, message] of Object.entries(EXAMPLES)) expect(message.type).toBe(type);
    expect(new Set(VALID.map((m) => m.type)).size).toBe(Object.keys(EXAMPLES).length);
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'get-page-snippets'],
    ['an array', [{ type: 'get-page-snippets' }]],
    ['no type', {}],
    ['a correction without its scope', { type: 'correct-mark', id: 'baku', text: 'Baku' }],
    ['a correction of nothing', { type: 'correct-mark', id: 'baku', text: '  ', everywhere: true }],
    ['a correction of a paragraph', { type: 'correct-mark', id: 'baku', text: 'x'.repeat(201), everywhere: true }],
    ['a numeric type', { type: 1 }],
    ['an unknown type', { type: 'list-snippets' }],
    ['a type with different case', { type: 'GET-ENTITY', id: 'baku' }],
    ['a prototype key as type', { type: '__proto__' }],
    ['find-mentions without a batch', { type: 'find-mentions' }],
    ['start-lens with a batch that is not one', { type: 'start-lens', batch: 'Baku' }],
    [
      'start-lens with more text than a gate sends',
      { type: 'start-lens', batch: { text: 'x'.repeat(GATE_TEXT_CHARS + 1), ends: [GATE_TEXT_CHARS + 1] } },
    ],
    ['start-lens with a scan number below zero', { type: 'start-lens', batch: { text: 'Baku', ends: [4] }, scan: -1 }],
    ['start-lens with a fractional scan number', { type: 'start-lens', batch: { text: 'Baku', ends: [4] }, scan: 1.5 }],
    [
      'start-lens with a date that is not a day',
      { type: 'start-lens', batch: { text: 'Baku', ends: [4] }, scan: 1, date: 'yesterday' },
    ],
    ['find-mentions with a text not a string', { type: 'find-mentions', batch: { text: 42, ends: [] } }],
    ['find-mentions with ends past the text', { type: 'find-mentions', batch: { text: 'Baku', ends: [2, 9] } }],
    ['find-mentions with ends not ascending', { type: 'find-mentions', batch: { text: 'Baku', ends: [3, 1, 4] } }],
    [
      'find-mentions with a date that is not a day',
      { type: 'find-mentions', batch: { text: 'Baku', ends: [4] }, date: '2024-05-14T09:00Z' },
    ],
    [
      'find-mentions with a number for a date',
      { type: 'find-mentions', batch: { text: 'Baku', ends: [4] }, date: 2024 },
    ],
    ['find-mentions with too many texts', { type: 'find-mentions', batch: { text: '', ends: Array(5_000).fill(0) } }],
    [
      'find-mentions with too much text',
      { type: 'find-mentions', batch: { text: 'x'.repeat(300_000), ends: [300_000] } },
    ],
    ['get-entity without id', { type: 'get-entity' }],
    ['get-entity with a number id', { type: 'get-entity', id: 42 }],
    ['get-entity with an object id', { type: 'get-entity', id: { toString: 'baku' } }],
    ['get-entity with a huge id', { type: 'get-entity', id: 'x'.repeat(10_000) }],
    ['get-entity with a date that is not a day', { type: 'get-entity', id: 'baku', asOf: '14 May 2024' }],
    // The background kept the top frame's report per tab and nothing read it; the popup asks the page itself.
    ['scan-report, a message the background no longer takes', { type: 'scan-report', report }],
    ['save-snippet without snippet', { type: 'save-snippet' }],
    ['save-snippet with blank text', { type: 'save-snippet', snippet: { ...snippet, text: '   ' } }],
    [
      'save-snippet with text over the limit',
      { type: 'save-snippet', snippet: { ...snippet, text: 'x'.repeat(SNIPPET_LIMITS.text + 1) } },
    ],
    [
      'save-snippet with markup as an object',
      { type: 'save-snippet', snippet: { ...snippet, text: { html: '<img onerror=alert(1)>' } } },
    ],
    ['save-snippet without quote', { type: 'save-snippet', snippet: { ...snippet, quote: undefined } }],
    [
      'save-snippet with an empty exact quote',
      { type: 'save-snippet', snippet: { ...snippet, quote: { ...snippet.quote, exact: '' } } },
    ],
    ['save-snippet with entityIds not an array', { type: 'save-snippet', snippet: { ...snippet, entityIds: 'baku' } }],
    [
      'save-snippet with a number among entityIds',
      { type: 'save-snippet', snippet: { ...snippet, entityIds: ['baku', 5] } },
    ],
    [
      'save-snippet with too many entityIds',
      { type: 'save-snippet', snippet: { ...snippet, entityIds: Array(10_000).fill('baku') } },
    ],
    ['save-snippet with a non-string note', { type: 'save-snippet', snippet: { ...snippet, note: ['x'] } }],
    ['undo without token', { type: 'undo-save-snippet', id: 'snip-1' }],
    ['undo with a huge id', { type: 'undo-save-snippet', id: 'x'.repeat(10_000), undoToken: 't' }],
    ['open-explore without a view', { type: 'open-explore', id: 'baku' }],
    ['open-explore with an unknown view', { type: 'open-explore', id: 'baku', view: 'graph' }],
    ['open-explore with a huge id', { type: 'open-explore', id: 'x'.repeat(10_000), view: 'map' }],
    ['open-explore with a number id', { type: 'open-explore', id: 7, view: 'map' }],
    ['open-search with a number query', { type: 'open-search', query: 5 }],
    ['open-search with a huge query', { type: 'open-search', query: 'x'.repeat(100_000) }],
    ['hide-entity without id', { type: 'hide-entity' }],
  ])('refuses %s', (_what, raw) => {
    expect(parseContentMessage(raw)).toBeNull();
  });

  it('copies only known fields of a snippet, so nothing a page slipped in reaches storage', () => {
    const parsed = parseContentMessage({
      type: 'save-snippet',
      snippet: {
        ...snippet,
        id: 'chosen-by-page',
        savedAt: '1999-01-01',
        tags: ['x'],
        quote: { ...snippet.quote, extra: 1 },
      },
      extra: true,
    });
    expect(parsed).toEqual({ type: 'save-snippet', snippet });
  });

  it('never throws, whatever arrives', () => {
    const hostile: unknown[] = [
      Object.create(null),
      { type: 'scan-report', report: Object.create(null) },
      { type: 'save-snippet', snippet: { ...snippet, quote: Object.create(null) } },
      { type: 'get-entity', id: '__proto__' },
      JSON.parse('{"type":"save-snippet","snippet":{"__proto__":{"text":"x"}}}'),
      { type: 'scan-report', report: { ...report, mentions: [null, undefined, 1, 'x'] } },
    ];
    for (const raw of hostile) expect(() => parseContentMessage(raw)).not.toThrow();
  });
});

describe('the background handlers refuse before acting', () => {
  const setup = () => {
    let settings: Settings = defaultSettings();
    const updateSettings = vi.fn(async (change: (s: Settings) => Settings) => (settings = change(settings)));
    const save = vi.fn(async () => ({ saved: true as const, id: 'snip-1', undoToken: 't', entityIds: [] }));
    const undo = vi.fn(async () => true);
    const openSearch = vi.fn(async () => undefined);
    const handlers = createBackgroundHandlers({
      store: createFactBaseStore(factBaseJson as unknown as FactBase),
      aliasIndex: aliasIndexJson as unknown as AliasIndex,
      matcher: () => createMatcher(aliasIndexJson as unknown as AliasIndex),
      updateSettings,
      snippets: { save, undo },
      openSearch,
    });
    return { handlers, updateSettings, save, undo, openSearch, settings: () => settings };
  };

  it('ignores messages from anyone but the extension itself', () => {
    const { handlers, save, updateSettings } = setup();
    for (const message of VALID) {
      expect(handlers.onContentMessage(message, { ...sender, id: 'another-extension' }, OWN_ID)).toBeUndefined();
      expect(handlers.onContentMessage(message, { ...sender, id: undefined }, OWN_ID)).toBeUndefined();
    }
    expect(save).not.toHaveBeenCalled();
    expect(updateSettings).not.toHaveBeenCalled();
  });

  it('ignores malformed messages (returns undefined, touches nothing)', () => {
    const { handlers, save, updateSettings, openSearch } = setup();
    for (const raw of [{ type: 'save-snippet', snippet: {} }, { type: 'hide-entity' }, { type: 'nope' }, null]) {
      expect(handlers.onContentMessage(raw, sender, OWN_ID)).toBeUndefined();
    }
    expect(save).not.toHaveBeenCalled();
    expect(updateSettings).not.toHaveBeenCalled();
    expect(openSearch).not.toHaveBeenCalled();
  });

  it('refuses a snippet filed under another site than the sender', async () => {
    const { handlers, save } = setup();
    const forged = { type: 'save-snippet', snippet: { ...snippet, url: 'https://bank.example/account' } };
    await expect(handlers.onContentMessage(forged, sender, OWN_ID)).rejects.toThrow();
    await expect(
      handlers.onContentMessage({ type: 'save-snippet', snippet }, { ...sender, url: undefined }, OWN_ID),
    ).rejects.toThrow();
    expect(save).not.toHaveBeenCalled();
    await handlers.onContentMessage({ type: 'save-snippet', snippet }, sender, OWN_ID);
    expect(save).toHaveBeenCalledOnce();
  });

  it('finds mentions for a page with the one matcher, as flat quadruples', async () => {
    const { handlers } = setup();
    const texts = ['Tokayev met Erdoğan in Baku.', 'Nothing here.', 'TANAP'];
    const batch = joinTexts(texts);
    const flat = await handlers.onContentMessage({ type: 'find-mentions', batch }, sender, OWN_ID);
    const index = aliasIndexJson as unknown as AliasIndex;
    const found = unpackMatches(flat, texts.length).map((matches, i) =>
      matches.map((m) => `${texts[i]!.slice(m.start, m.end)}=${index.entities[m.entity]![0]}`),
    );
    expect(found).toEqual([['Tokayev=tokayev', 'Erdoğan=erdogan', 'Baku=baku'], [], ['TANAP=tanap']]);
  });

  it('unknown entity ids are no-ops: nothing is hidden, nothing is returned', async () => {
    const { handlers, updateSettings } = setup();
    await handlers.onContentMessage({ type: 'hide-entity', id: 'not-an-entity' }, sender, OWN_ID);
    await handlers.onContentMessage({ type: 'hide-entity', id: '__proto__' }, sender, OWN_ID);
    expect(updateSettings).not.toHaveBeenCalled();
    expect(await handlers.onContentMessage({ type: 'get-entity', id: '__proto__' }, sender, OWN_ID)).toBeNull();
    expect(await handlers.onContentMessage({ type: 'get-entity', id: 'constructor' }, sender, OWN_ID)).toBeNull();
  });

  it('"off on this site" takes the site from the sender, never from the message', async () => {
    const { handlers, settings } = setup();
    await handlers.onContentMessage({ type: 'disable-site', site: 'victim.example' }, sender, OWN_ID);
    expect(settings().disabledSites).toEqual(['news.example.com']);
  });

  it('"off on this site" in allow-list mode takes the site off the list', async () => {
    const { handlers, updateSettings, settings } = setup();
    await updateSettings((s) => ({ ...s, mode: 'allow-list', allowedSites: ['example.com', 'other.org'] }));
    await handlers.onContentMessage({ type: 'disable-site' }, sender, OWN_ID);
    expect(settings().allowedSites).toEqual(['other.org']);
  });

  it('a page without a site (file:, data:) cannot switch anything off', async () => {
    const { handlers, updateSettings } = setup();
    await handlers.onContentMessage({ type: 'disable-site' }, { ...sender, url: 'data:text/html,x' }, OWN_ID);
    expect(updateSettings).not.toHaveBeenCalled();
  });
});
