import { describe, expect, it } from 'vitest';
import { parseContentMessage } from '../../lib/messaging/validate';
import type { SnippetDraft } from '../../lib/messaging/messages';
import { buildSnippet } from '../../lib/snippets/build-snippet';
import { createPageSaves, MAX_SAVES_PER_MINUTE, trustedUrl, UNDO_WINDOW_MS } from '../../lib/snippets/page-saves';
import type { NewSnippet, Snippet } from '../../lib/snippets/types';

const draft: SnippetDraft = {
  text: 'TANAP reached the Greek border in 2018.',
  url: 'https://news.example/tanap',
  title: 'TANAP',
  entityIds: ['tanap', 'made-up'],
  quote: { exact: 'TANAP reached the Greek border', prefix: 'x ', suffix: ' in 2018' },
};

function setup() {
  let clock = 1_000_000;
  const stored = new Map<string, Snippet>();
  let n = 0;
  const saves = createPageSaves({
    save: async (input: NewSnippet) => {
      const built = buildSnippet(input, `id-${++n}`, clock);
      if ('problems' in built) throw new Error(built.problems.join());
      stored.set(built.snippet.id, built.snippet);
      return built.snippet;
    },
    remove: async (ids) => ids.flatMap((id) => (stored.delete(id) ? [{ id } as Snippet] : [])),
    forPage: async (url) => [...stored.values()].filter((s) => s.url.split('#')[0] === url.split('#')[0]),
    findEntities: (text) => (text.includes('Greek') ? ['greece'] : []),
    isKnownEntity: (id) => id !== 'made-up',
    now: () => clock,
    token: () => `token-${n}`,
  });
  return { saves, stored, tick: (ms: number) => (clock += ms) };
}
const tab = { tab: { id: 7 }, url: 'https://news.example/tanap#top' };

describe('saving from pages', () => {
  it('stores the draft with known and found entities, and answers with an undo token', async () => {
    const { saves, stored } = setup();
    const receipt = await saves.save(draft, tab);
    expect(receipt).toEqual({ saved: true, id: 'id-1', undoToken: 'token-1', entityIds: ['tanap', 'greece'] });
    expect(stored.get('id-1')).toMatchObject({
      text: draft.text,
      selector: { type: 'TextQuoteSelector', ...draft.quote },
      tags: [],
      note: '',
    });
  });

  it('undoes only with the right token, from the same tab, in time', async () => {
    const { saves, stored, tick } = setup();
    const { id, undoToken } = await saves.save(draft, tab);
    expect(await saves.undo(id, 'guess', tab)).toBe(false);
    expect(await saves.undo(id, undoToken, { tab: { id: 8 } })).toBe(false);
    expect(await saves.undo(id, undoToken, tab)).toBe(true);
    expect(stored.size).toBe(0);
    expect(await saves.undo(id, undoToken, tab)).toBe(false);

    const again = await saves.save(draft, tab);
    tick(UNDO_WINDOW_MS + 1);
    expect(await saves.undo(again.id, again.undoToken, tab)).toBe(false);
    expect(stored.size).toBe(1);
  });

  it('refuses saves without a tab, and too many from one tab', async () => {
    const { saves } = setup();
    await expect(saves.save(draft, { url: draft.url })).rejects.toThrow(/from a page/);
    for (let i = 0; i < MAX_SAVES_PER_MINUTE; i++) await saves.save(draft, tab);
    await expect(saves.save(draft, tab)).rejects.toThrow(/too many/);
    await expect(saves.save(draft, { tab: { id: 9 }, url: draft.url })).resolves.toMatchObject({ saved: true });
  });

  it('gives a page only the quote selectors saved from its own address', async () => {
    const { saves } = setup();
    await saves.save({ ...draft, note: 'private note' }, tab);
    await saves.save({ ...draft, url: 'https://other.example/' }, { tab: { id: 7 }, url: 'https://other.example/' });
    expect(await saves.pageQuotes({ tab: { id: 3 }, url: 'https://news.example/tanap' })).toEqual([draft.quote]);
    expect(await saves.pageQuotes({ url: 'https://news.example/tanap' })).toEqual([]);
  });

  it('files a snippet under the sender when the draft claims another origin', () => {
    expect(trustedUrl('https://bank.example/', 'https://evil.example/a')).toBe('https://evil.example/a');
    expect(trustedUrl('https://news.example/a#x', 'https://news.example/a')).toBe('https://news.example/a#x');
  });
});

describe('save-snippet message validation', () => {
  it('accepts a well-formed draft and copies only known fields', () => {
    const parsed = parseContentMessage({
      type: 'save-snippet',
      snippet: { ...draft, extra: 1, quote: { ...draft.quote, x: 2 } },
    });
    expect(parsed).toEqual({ type: 'save-snippet', snippet: draft });
  });

  it.each([
    ['no text', { ...draft, text: '' }],
    ['text not a string', { ...draft, text: 42 }],
    ['huge text', { ...draft, text: 'x'.repeat(60_000) }],
    ['no quote', { ...draft, quote: undefined }],
    ['empty exact', { ...draft, quote: { ...draft.quote, exact: '' } }],
    ['long prefix', { ...draft, quote: { ...draft.quote, prefix: 'p'.repeat(500) } }],
    ['entity ids not strings', { ...draft, entityIds: [1, 2] }],
    ['note not a string', { ...draft, note: { toString: 'x' } }],
  ])('rejects a draft with %s', (_name, snippet) => {
    expect(parseContentMessage({ type: 'save-snippet', snippet })).toBeNull();
  });

  it('has no message that lists or deletes snippets', () => {
    for (const type of ['list-snippets', 'delete-snippets', 'get-snippets', 'export-snippets'])
      expect(parseContentMessage({ type })).toBeNull();
    expect(parseContentMessage({ type: 'undo-save-snippet', id: 'a', undoToken: 'b' })).toEqual({
      type: 'undo-save-snippet',
      id: 'a',
      undoToken: 'b',
    });
    expect(parseContentMessage({ type: 'undo-save-snippet', id: 5, undoToken: 'b' })).toBeNull();
  });
});
