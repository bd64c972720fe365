/**
 * "Not this" corrections (issue 15): the settings model (validation, on one site or everywhere, undo, backup) and
 * the background's handling (the site is the sender's own, undo by token only, a bound per tab).
 */
import { describe, expect, it, vi } from 'vitest';
import factBaseJson from '~/data/factbase.json';
import aliasIndexJson from '~/data/alias-index.json';
import { createMatcher } from '~/lib/matcher';
import type { AliasIndex, FactBase } from '~/lib/factbase/types';
import { createFactBaseStore } from '~/lib/factbase/factbase-store';
import { createBackgroundHandlers, type MessageSender } from '~/lib/background/handlers';
import { CORRECTIONS_PER_MINUTE, UNDO_HIDE_MS } from '~/lib/background/guards';
import {
  correctionText,
  defaultSettings,
  isCorrected,
  normalizeSettings,
  settingsFromImport,
  settingsToExport,
  withCorrection,
  withoutCorrection,
  type Settings,
} from '~/lib/settings/settings';

describe('corrections in the settings', () => {
  const onSite = { entity: 'ilham-aliyev', text: 'Алиев', site: 'sport.example' };
  const everywhere = { entity: 'bayraktar-tb2', text: 'Bayraktar', site: '' };

  it('compare the words as the page writes them, folded for case, accents and spaces', () => {
    expect(correctionText('  ERDOĞAN\u00a0 Said ')).toBe('erdogan said');
    expect(correctionText('Алиева')).not.toBe(correctionText('Алиев'));
  });

  it('apply on their site and its subdomains, or everywhere', () => {
    const s = withCorrection(withCorrection(defaultSettings(), onSite), everywhere);
    expect(isCorrected(s.corrections, 'ilham-aliyev', 'АЛИЕВ', 'sport.example')).toBe(true);
    expect(isCorrected(s.corrections, 'ilham-aliyev', 'Алиев', 'live.sport.example')).toBe(true);
    expect(isCorrected(s.corrections, 'ilham-aliyev', 'Алиев', 'news.example')).toBe(false);
    // Another entity, another word: untouched.
    expect(isCorrected(s.corrections, 'heydar-aliyev', 'Алиев', 'sport.example')).toBe(false);
    expect(isCorrected(s.corrections, 'ilham-aliyev', 'Ильхам Алиев', 'sport.example')).toBe(false);
    expect(isCorrected(s.corrections, 'bayraktar-tb2', 'bayraktar', 'any.example')).toBe(true);
    expect(isCorrected(s.corrections, 'bayraktar-tb2', 'bayraktar', '')).toBe(true);
  });

  it('are kept once, and undone one by one', () => {
    const s = withCorrection(withCorrection(defaultSettings(), onSite), { ...onSite, text: 'алиев ' });
    expect(s.corrections).toEqual([{ entity: 'ilham-aliyev', text: 'алиев', site: 'sport.example' }]);
    const both = withCorrection(s, everywhere);
    expect(withoutCorrection(both, onSite).corrections).toEqual([
      { entity: 'bayraktar-tb2', text: 'bayraktar', site: '' },
    ]);
  });

  it('drop what is not a correction, field by field', () => {
    const s = normalizeSettings({
      corrections: [
        onSite,
        { entity: 'Bad Id', text: 'x', site: '' },
        { entity: 'baku', text: '', site: '' },
        { entity: 'baku', text: 'x'.repeat(201), site: '' },
        { entity: 'baku', text: 'Baku', site: 'not a site!' },
        { entity: 'baku', text: 'Baku' },
        'baku',
        null,
        { entity: 'baku', text: 'Baku', site: 'https://www.News.example/path' },
      ],
    });
    expect(s.corrections).toEqual([
      { entity: 'ilham-aliyev', text: 'алиев', site: 'sport.example' },
      { entity: 'baku', text: 'baku', site: 'news.example' },
    ]);
    expect(normalizeSettings({ corrections: 'x' }).corrections).toEqual([]);
  });

  it('travel with a settings export and a backup', () => {
    const s: Settings = withCorrection(withCorrection(defaultSettings(), onSite), everywhere);
    const backup = { format: 'caspian-lens-backup', version: 1, snippets: [], settings: settingsToExport(s) };
    expect(settingsFromImport(JSON.parse(JSON.stringify(backup)))?.corrections).toEqual(s.corrections);
  });
});

const OWN_ID = 'lens';
const sender = (tab: number, url = 'https://sport.example.com/match', origin?: string): MessageSender => ({
  id: OWN_ID,
  tab: { id: tab },
  frameId: 0,
  url,
  ...(origin ? { origin } : {}),
});

function setup() {
  let clock = Date.UTC(2026, 0, 1);
  let settings: Settings = defaultSettings();
  const updateSettings = vi.fn(async (change: (s: Settings) => Settings) => (settings = change(settings)));
  const handlers = createBackgroundHandlers({
    store: createFactBaseStore(factBaseJson as unknown as FactBase),
    aliasIndex: aliasIndexJson as unknown as AliasIndex,
    matcher: () => createMatcher(aliasIndexJson as unknown as AliasIndex),
    updateSettings,
    now: () => new Date(clock),
  });
  const send = (message: unknown, from: MessageSender) => handlers.onContentMessage(message, from, OWN_ID);
  return { send, settings: () => settings, tick: (ms: number) => (clock += ms) };
}

describe('corrections in the background', () => {
  it('takes the site from the sender (its real origin first), never from the message', async () => {
    const { send, settings } = setup();
    const reply = await send(
      { type: 'correct-mark', id: 'ilham-aliyev', text: 'Алиев', everywhere: false, site: 'other.example' },
      sender(1, 'about:blank', 'https://www.sport.example.com'),
    );
    expect(reply).toMatchObject({ corrected: true });
    expect(settings().corrections).toEqual([{ entity: 'ilham-aliyev', text: 'алиев', site: 'sport.example.com' }]);
    await send({ type: 'correct-mark', id: 'bayraktar-tb2', text: 'Bayraktar', everywhere: true }, sender(1));
    expect(settings().corrections.at(-1)).toEqual({ entity: 'bayraktar-tb2', text: 'bayraktar', site: '' });
  });

  it('refuses an unknown entity, a page without a site, and more than a reader makes in a minute', async () => {
    const { send, settings, tick } = setup();
    expect(await send({ type: 'correct-mark', id: 'nobody', text: 'x', everywhere: true }, sender(1))).toEqual({
      corrected: false,
    });
    expect(
      await send({ type: 'correct-mark', id: 'baku', text: 'Baku', everywhere: false }, sender(1, 'about:blank')),
    ).toEqual({ corrected: false });
    const ids = (factBaseJson as unknown as FactBase).entities.map((e) => e.id);
    for (let i = 0; i < CORRECTIONS_PER_MINUTE + 5; i++)
      await send({ type: 'correct-mark', id: ids[i]!, text: 'word', everywhere: true }, sender(2));
    expect(settings().corrections).toHaveLength(CORRECTIONS_PER_MINUTE);
    // Another tab is not held back; the same tab again after a minute.
    expect(await send({ type: 'correct-mark', id: 'baku', text: 'x', everywhere: true }, sender(3))).toMatchObject({
      corrected: true,
    });
    tick(60_001);
    expect(await send({ type: 'correct-mark', id: 'baku', text: 'y', everywhere: true }, sender(2))).toMatchObject({
      corrected: true,
    });
  });

  it('undoes a correction with its token, once, for a while; no token, no undo', async () => {
    const { send, settings, tick } = setup();
    const reply = (await send(
      { type: 'correct-mark', id: 'ilham-aliyev', text: 'Алиев', everywhere: false },
      sender(1),
    )) as { undoToken: string };
    expect(await send({ type: 'uncorrect-mark', undoToken: 'guess' }, sender(1))).toBe(false);
    expect(await send({ type: 'uncorrect-mark', undoToken: reply.undoToken }, sender(1))).toBe(true);
    expect(settings().corrections).toEqual([]);
    expect(await send({ type: 'uncorrect-mark', undoToken: reply.undoToken }, sender(1))).toBe(false);
    const late = (await send(
      { type: 'correct-mark', id: 'ilham-aliyev', text: 'Алиев', everywhere: false },
      sender(1),
    )) as { undoToken: string };
    tick(UNDO_HIDE_MS + 1);
    expect(await send({ type: 'uncorrect-mark', undoToken: late.undoToken }, sender(1))).toBe(false);
    expect(settings().corrections).toHaveLength(1);
  });
});
