/**
 * The background's handlers, one per request type, on in-memory ports for what the entrypoint hands in (the
 * snippets store behind the real page-saves rules, the reader's own material behind the real own-background, the
 * settings record, the tab and frame openers): each answers with its reply and acts only on what it may. Hostile
 * shapes are refused before any handler runs (validate.test.ts); rate limits and the Esc relay are in
 * background-guards.test.ts.
 */
import { describe, expect, it, vi } from 'vitest';
import factBaseJson from '~/data/factbase.json';
import aliasIndexJson from '~/data/alias-index.json';
import rulesJson from '~/data/matching-rules.json';
import { createMatcher } from '~/lib/matcher';
import { joinTexts, unpackMatches } from '~/lib/matcher/wire';
import type { AliasIndex, FactBase } from '~/lib/factbase/types';
import type { MatchingRules } from '~/lib/factbase/matching-rules';
import { createFactBaseStore } from '~/lib/factbase/factbase-store';
import { createBackgroundHandlers, type MessageSender } from '~/lib/background/handlers';
import { createExtensionPageHandlers } from '~/lib/background/extension-page-handlers';
import type { ContentToBackground, FoundMentions, SnippetDraft } from '~/lib/messaging/messages';
import { createOwnBackground, type OwnStorage } from '~/lib/own/own-background';
import type { OwnName, OwnSource, SourceQuote } from '~/lib/own/types';
import { createPageSaves } from '~/lib/snippets/page-saves';
import { buildSnippet } from '~/lib/snippets/build-snippet';
import type { Snippet } from '~/lib/snippets/types';
import { defaultSettings, type Settings } from '~/lib/settings/settings';

const OWN_ID = 'lens';
const PAGE = 'https://news.example.com/article';
const sender: MessageSender = { id: OWN_ID, tab: { id: 3 }, frameId: 2, url: PAGE };
const store = createFactBaseStore(factBaseJson as unknown as FactBase);
const baseIndex = aliasIndexJson as unknown as AliasIndex;
const draft: SnippetDraft = {
  text: 'TANAP reached the Greek border.',
  url: PAGE,
  title: 'A page',
  entityIds: ['tanap', 'not-an-entity'],
  quote: { exact: 'TANAP reached the Greek border.', prefix: '', suffix: '' },
};
const ownName: OwnName = {
  id: 'own-name-1',
  name: 'Rovshan Mammadli',
  aliases: [],
  type: 'person',
  summary: '',
  createdAt: 1,
  updatedAt: 1,
};

/** The reader's own material in memory: names, sources, their quotes and notes. */
function memoryOwnStorage(names: OwnName[]) {
  const sources = new Map<string, OwnSource>();
  const notes = new Map<string, string>();
  let quotes: SourceQuote[] = [];
  const storage: OwnStorage = {
    listNames: async () => names,
    sourceIds: async () => [...sources.keys()],
    getSource: async (id) => sources.get(id),
    putSource: async ({ source, quotes: q }) => {
      sources.set(source.id, source);
      quotes = [...quotes.filter((x) => x.sourceId !== source.id), ...q];
    },
    replaceQuotes: async (bySource) =>
      void (quotes = [
        ...quotes.filter((q) => !bySource.has(q.sourceId)),
        ...[...bySource.values()].flatMap((s) => [...s.quotes]),
      ]),
    ownForEntity: async (id) => ({ note: notes.get(id) ?? '', snippets: [], snippetCount: 0, quotes: [] }),
  };
  return { storage, notes, quotes: () => quotes };
}

/** The background as the entrypoint wires it, on in-memory ports, after the reader's names have loaded. */
async function setup() {
  let settings: Settings = defaultSettings();
  const snippets = new Map<string, Snippet>();
  let n = 0;
  const own = memoryOwnStorage([ownName]);
  const ownBackground = createOwnBackground({ store, baseIndex, storage: own.storage, newId: () => 'src-1' });
  const pageSaves = createPageSaves({
    save: async (input) => {
      const built = buildSnippet(input, `snip-${++n}`, 1_000);
      if ('problems' in built) throw new Error(built.problems.join());
      snippets.set(built.snippet.id, built.snippet);
      return built.snippet;
    },
    remove: async (ids) => ids.flatMap((id) => (snippets.delete(id) ? [{ id } as Snippet] : [])),
    forPage: async (url) => [...snippets.values()].filter((s) => s.url === url),
    findEntities: () => [],
    isKnownEntity: ownBackground.isKnownEntity,
    token: () => 'undo-token',
  });
  const ports = {
    updateSettings: vi.fn(async (change: (s: Settings) => Settings) => (settings = change(settings))),
    openSearch: vi.fn<(query: string) => Promise<void>>(async () => {}),
    openExplore: vi.fn<(id: string, view: 'map' | 'timeline') => Promise<void>>(async () => {}),
    openLibrary: vi.fn<(id: string) => Promise<void>>(async () => {}),
    injectCardStage: vi.fn<(tab: number, frame: number) => Promise<void>>(async () => {}),
    injectLensStage: vi.fn<(tab: number, frame: number) => Promise<void>>(async () => {}),
    loadSettings: vi.fn(async () => settings),
    closeCardIn: vi.fn<(tab: number, frame: number) => Promise<void>>(async () => {}),
    setNote: vi.fn(async (id: string, text: string) => void own.notes.set(id, text)),
  };
  const bg = createBackgroundHandlers({
    store,
    aliasIndex: baseIndex,
    matcher: () => ownBackground.matcherForPage(),
    snippets: pageSaves,
    own: ownBackground,
    ...ports,
  });
  await ownBackground.ready();
  const ask = <M extends ContentToBackground>(message: M, from: MessageSender = sender) => bg.answer(message, from);
  return { bg, ask, ports, snippets, own, ownBackground, settings: () => settings };
}

describe('background handlers: one per content-script request', () => {
  it('start-lens injects the scanner stage into the sender’s own tab and frame and answers the settings', async () => {
    const { ask, ports, settings } = await setup();
    expect(await ask({ type: 'start-lens' })).toEqual({ settings: settings(), quotes: [] });
    expect(ports.injectLensStage).toHaveBeenCalledWith(3, 2);
    await expect(ask({ type: 'start-lens' }, { id: OWN_ID, url: PAGE })).rejects.toThrow(/no frame/);
    expect(ports.injectLensStage).toHaveBeenCalledOnce();
  });

  it('start-lens with a small frame’s text injects the stage only where the matcher finds a name', async () => {
    const { ask, ports, settings } = await setup();
    expect(await ask({ type: 'start-lens', batch: joinTexts(['Summer sale:', ' 20% off running shoes.']) })).toBeNull();
    expect(ports.injectLensStage).not.toHaveBeenCalled();
    // A reader's own name counts as much as the fact base's.
    expect(await ask({ type: 'start-lens', batch: joinTexts(['Sale on.', 'Rovshan Mammadli']) })).toEqual({
      settings: settings(),
      quotes: [],
    });
    expect(ports.injectLensStage).toHaveBeenCalledWith(3, 2);
  });

  it('start-lens with the top page’s text answers its matches with the stage, and no stage where nothing is named', async () => {
    const { ask, ports, settings } = await setup();
    const top: MessageSender = { ...sender, frameId: 0 };
    const quiet = joinTexts(['A recipe for apple pie.', 'Bake for 40 minutes.']);
    expect(await ask({ type: 'start-lens', batch: quiet, scan: 1 }, top)).toBeNull();
    expect(ports.injectLensStage).not.toHaveBeenCalled();
    // The same answer find-mentions gives for the text, in the same round trip as the stage.
    const named = joinTexts(['Tashkent hosted the summit.', 'TANAP carries gas.']);
    const start = await ask({ type: 'start-lens', batch: named, scan: 1 }, top);
    expect(ports.injectLensStage).toHaveBeenCalledWith(3, 0);
    expect(start).toMatchObject({ settings: settings(), quotes: [] });
    expect(start?.found?.marks.length).toBeGreaterThanOrEqual(8);
    expect(start?.found?.entities.map(([, id]) => id).sort()).toEqual(['tanap', 'tashkent']);
    expect(await ask({ type: 'find-mentions', batch: named, scan: 2 }, top)).toEqual(start?.found);
  });

  it('start-lens does not read the top page’s text where the lens is off there: the stage comes without matches', async () => {
    const { ask, ports } = await setup();
    const top: MessageSender = { ...sender, frameId: 0 };
    const named = joinTexts(['Tashkent hosted the summit.']);
    for (const off of [
      (s: Settings) => ({ ...s, paused: true }),
      (s: Settings) => ({ ...s, paused: false, disabledSites: ['news.example.com'] }),
      (s: Settings) => ({ ...s, disabledSites: [], mode: 'allow-list' as const, allowedSites: ['elsewhere.example'] }),
    ]) {
      await ports.updateSettings(off);
      const start = await ask({ type: 'start-lens', batch: named, scan: 1 }, top);
      expect(start).not.toBeNull();
      expect(start?.found).toBeUndefined();
    }
    // Quiet text too: the stage is there to scan once the lens is switched on.
    expect(await ask({ type: 'start-lens', batch: joinTexts(['A recipe.']), scan: 1 }, top)).not.toBeNull();
    expect(ports.injectLensStage).toHaveBeenCalledTimes(4);
  });

  it('start-lens gives a top page that names nothing the stage when it has saved passages to paint', async () => {
    const { ask, ports } = await setup();
    const top: MessageSender = { ...sender, frameId: 0 };
    await ask({ type: 'save-snippet', snippet: draft }, top);
    const quiet = joinTexts(['A recipe for apple pie.']);
    expect(await ask({ type: 'start-lens', batch: quiet, scan: 1 }, top)).toMatchObject({ quotes: [draft.quote] });
    expect(ports.injectLensStage).toHaveBeenCalledWith(3, 0);
    await ports.updateSettings((s: Settings) => ({ ...s, highlightSnippets: false }));
    expect(await ask({ type: 'start-lens', batch: quiet, scan: 2 }, top)).toBeNull();
    expect(ports.injectLensStage).toHaveBeenCalledOnce();
  });

  it('load-card-stage injects into the sender’s own tab and frame, and refuses a sender without one', async () => {
    const { ask, ports } = await setup();
    expect(await ask({ type: 'load-card-stage' })).toBeUndefined();
    expect(ports.injectCardStage).toHaveBeenCalledWith(3, 2);
    await expect(ask({ type: 'load-card-stage' }, { id: OWN_ID, url: PAGE })).rejects.toThrow(/no frame/);
    expect(ports.injectCardStage).toHaveBeenCalledOnce();
  });

  it('find-mentions matches every text of a batch with the one matcher, the reader’s names included', async () => {
    const { ask, ownBackground } = await setup();
    const texts = ['Rovshan Mammadli toured TANAP.', '', 'Nothing here.'];
    const flat = await ask({ type: 'find-mentions', batch: joinTexts(texts) });
    const table = (await ownBackground.aliasIndex()).entities;
    const ids = unpackMatches(flat, texts.length).map((ms) => ms.map((m) => table[m.entity]![0]));
    expect(ids).toEqual([['own-name-1', 'tanap'], [], []]);
  });

  it('find-mentions answers the entity rows its matches name, the reader’s names and namesakes included', async () => {
    const { ask } = await setup();
    const rowsOf = (found: FoundMentions) => new Map(found.entities.map(([entity, ...row]) => [entity, row]));
    const mine = rowsOf(await ask({ type: 'find-mentions', batch: joinTexts(['Rovshan Mammadli toured TANAP.']) }));
    const tanap = baseIndex.entities.findIndex(([id]) => id === 'tanap');
    expect(mine).toEqual(
      new Map([
        [baseIndex.entities.length, ['own-name-1', 'Rovshan Mammadli', 'person']],
        [tanap, baseIndex.entities[tanap]],
      ]),
    );
    expect((await ask({ type: 'find-mentions', batch: joinTexts(['Nothing here.']) })).entities).toEqual([]);
    // Without a date the bare surname's card offers both namesakes: both rows come with the mark.
    const matcher = createMatcher(baseIndex, { rules: rulesJson as unknown as MatchingRules });
    const bg = createBackgroundHandlers({ store, aliasIndex: baseIndex, matcher: () => matcher });
    const found = await bg.answer({ type: 'find-mentions', batch: joinTexts(['President Aliyev said.']) }, sender);
    const ids = [...rowsOf(found).values()].map(([id]) => id).sort();
    expect(ids).toEqual(['heydar-aliyev', 'ilham-aliyev']);
  });

  it('find-mentions hands the page’s date to the page’s matcher context, which tells namesakes apart by it', async () => {
    const matcher = createMatcher(baseIndex, { rules: rulesJson as unknown as MatchingRules });
    const bg = createBackgroundHandlers({ store, aliasIndex: baseIndex, matcher: () => matcher });
    const entityOf = async (date: string | undefined, frameId: number) => {
      const message = { type: 'find-mentions' as const, batch: joinTexts(['President Aliyev said.']) };
      const flat = await bg.answer(date ? { ...message, date } : message, { ...sender, frameId });
      return unpackMatches(flat, 1)[0]!.map((m) => [baseIndex.entities[m.entity]![0], (m.or ?? []).length]);
    };
    expect(await entityOf('1998-10-29', 7)).toEqual([['heydar-aliyev', 0]]);
    expect(await entityOf('2024-05-14', 8)).toEqual([['ilham-aliyev', 0]]);
    // No date: the card offers both.
    expect(await entityOf(undefined, 9)).toEqual([['ilham-aliyev', 1]]);
  });

  it('find-mentions reads each full scan of a page afresh, and the batches of one scan together', async () => {
    const matcher = createMatcher(baseIndex, { rules: rulesJson as unknown as MatchingRules });
    const bg = createBackgroundHandlers({ store, aliasIndex: baseIndex, matcher: () => matcher });
    const father = 'President Heydar Aliyev founded the party, and for a decade Aliyev led the country through it.';
    const son = 'His son Ilham Aliyev became president in 2003.';
    // The bare "Aliyev" of the first text: who it meant, and how many namesakes its card offers besides.
    const bareAliyev = async (scan: number | undefined) => {
      const message = { type: 'find-mentions' as const, batch: joinTexts([father, son]) };
      const flat = await bg.answer(scan === undefined ? message : { ...message, scan }, { ...sender, frameId: 3 });
      const bare = unpackMatches(flat, 2)[0]!.find((m) => father.slice(m.start, m.end) === 'Aliyev')!;
      return [baseIndex.entities[bare.entity]![0], (bare.or ?? []).length];
    };
    expect(await bareAliyev(0)).toEqual(['heydar-aliyev', 0]);
    // The page's text again in the same scan (a subtree rescanned): both namesakes are now named on the page.
    expect(await bareAliyev(0)).toEqual(['heydar-aliyev', 1]);
    // The next full scan decides as the first did, not from what the last one left behind.
    expect(await bareAliyev(1)).toEqual(['heydar-aliyev', 0]);
    expect(await bareAliyev(1)).toEqual(['heydar-aliyev', 1]);
  });

  it('get-entity answers a card’s details with the reader’s note, an own name’s card, or null', async () => {
    const { ask, own } = await setup();
    own.notes.set('tanap', 'check the 2018 figure');
    const details = await ask({ type: 'get-entity', id: 'tanap' });
    expect(details?.entity.id).toBe('tanap');
    expect(details?.sources.length).toBeGreaterThan(0);
    expect(details?.own?.note).toBe('check the 2018 figure');
    // Formatted here for the card in the page (lib/i18n/card-text.ts), the article's date among its dates.
    const dated = await ask({ type: 'get-entity', id: 'tanap', asOf: '2024-05-14' });
    expect(dated?.formats?.dates['2024-05-14']).toBe('14 May 2024');
    expect(await ask({ type: 'get-entity', id: 'own-name-1' })).toMatchObject({ ownName: true });
    expect(await ask({ type: 'get-entity', id: 'nope' })).toBeNull();
  });

  it('save-snippet stores the draft with unknown entity ids dropped and answers the receipt; undo takes it back', async () => {
    const { ask, snippets, ports } = await setup();
    const receipt = await ask({ type: 'save-snippet', snippet: draft });
    expect(receipt).toEqual({ saved: true, id: 'snip-1', undoToken: 'undo-token', entityIds: ['tanap'] });
    expect(snippets.get('snip-1')).toMatchObject({ text: draft.text, url: PAGE, entityIds: ['tanap'] });
    expect(await ask({ type: 'get-page-snippets' })).toEqual([draft.quote]);
    // They come with the stage's start too, so a frame need not ask at scan; not when they are not to be painted.
    expect(await ask({ type: 'start-lens' })).toEqual({ settings: defaultSettings(), quotes: [draft.quote] });
    await ports.updateSettings((s: Settings) => ({ ...s, highlightSnippets: false }));
    expect((await ask({ type: 'start-lens' }))?.quotes).toEqual([]);
    expect(await ask({ type: 'undo-save-snippet', id: 'snip-1', undoToken: 'forged' })).toBe(false);
    expect(await ask({ type: 'undo-save-snippet', id: 'snip-1', undoToken: 'undo-token' })).toBe(true);
    expect(snippets.size).toBe(0);
  });

  it('save-snippet is refused without a snippets store, and nothing is kept aside', async () => {
    const bg = createBackgroundHandlers({ store, aliasIndex: baseIndex, matcher: () => createMatcher(baseIndex) });
    await expect(bg.answer({ type: 'save-snippet', snippet: draft }, sender)).rejects.toThrow(/Not saved/);
    expect(Object.keys(bg).sort()).toEqual(['answer', 'forgetTab', 'handlers', 'onContentMessage']);
  });

  it('open-search opens the search with the query trimmed; open-explore and open-library only for known names', async () => {
    const { ask, ports } = await setup();
    expect(await ask({ type: 'open-search', query: '  tokaev ' })).toBeUndefined();
    expect(ports.openSearch).toHaveBeenCalledWith('tokaev');
    await ask({ type: 'open-explore', id: 'nope', view: 'map' });
    await ask({ type: 'open-library', id: 'nope' });
    expect(ports.openExplore).not.toHaveBeenCalled();
    expect(ports.openLibrary).not.toHaveBeenCalled();
    await ask({ type: 'open-explore', id: 'tanap', view: 'timeline' });
    await ask({ type: 'open-library', id: 'own-name-1' });
    expect(ports.openExplore).toHaveBeenCalledWith('tanap', 'timeline');
    expect(ports.openLibrary).toHaveBeenCalledWith('own-name-1');
  });

  it('hide-entity hides a known name everywhere and its undo token shows it again; unknown names are no-ops', async () => {
    const { ask, settings, ports } = await setup();
    expect(await ask({ type: 'hide-entity', id: 'nope' })).toEqual({ hidden: false });
    expect(ports.updateSettings).not.toHaveBeenCalled();
    const hidden = await ask({ type: 'hide-entity', id: 'tanap' });
    expect(settings().hiddenEntities).toEqual(['tanap']);
    if (!hidden.hidden) throw new Error('not hidden');
    expect(await ask({ type: 'unhide-entity', id: 'tanap', undoToken: 'forged' })).toBe(false);
    expect(await ask({ type: 'unhide-entity', id: 'tanap', undoToken: hidden.undoToken })).toBe(true);
    expect(settings().hiddenEntities).toEqual([]);
    expect(await ask({ type: 'unhide-entity', id: 'tanap', undoToken: hidden.undoToken })).toBe(false);
  });

  it('set-note stores a note for a known name only, and answers whether it did', async () => {
    const { ask, own } = await setup();
    expect(await ask({ type: 'set-note', id: 'own-name-1', text: 'met him in 2025' })).toBe(true);
    expect(own.notes.get('own-name-1')).toBe('met him in 2025');
    expect(await ask({ type: 'set-note', id: 'nope', text: 'x' })).toBe(false);
    expect(own.notes.has('nope')).toBe(false);
  });

  it('card-state and escape-pressed relay Esc to the tab’s other frames with a card; forgetTab drops the tab', async () => {
    const { bg, ask, ports } = await setup();
    await ask({ type: 'card-state', open: true }, { ...sender, frameId: 5 });
    await ask({ type: 'escape-pressed' }, { ...sender, frameId: 0 });
    expect(ports.closeCardIn).toHaveBeenCalledWith(3, 5);
    bg.forgetTab(3);
    await ask({ type: 'escape-pressed' }, { ...sender, frameId: 0 });
    expect(ports.closeCardIn).toHaveBeenCalledOnce();
  });

  it('disable-site switches off the sender’s own site, and its undo token switches it on again', async () => {
    const { ask, settings } = await setup();
    const off = await ask({ type: 'disable-site' });
    expect(off).toMatchObject({ disabled: true, site: 'news.example.com' });
    expect(settings().disabledSites).toEqual(['news.example.com']);
    if (!off.disabled) throw new Error('not switched off');
    expect(await ask({ type: 'undo-disable-site', undoToken: 'forged' })).toBe(false);
    expect(await ask({ type: 'undo-disable-site', undoToken: off.undoToken })).toBe(true);
    expect(settings().disabledSites).toEqual([]);
  });

  it('the raw entry point validates, then dispatches to the handler of the message’s type', async () => {
    const { bg } = await setup();
    const reply = await bg.onContentMessage({ type: 'get-entity', id: 'tanap', extra: 1 }, sender, OWN_ID);
    expect((reply as { entity: { id: string } }).entity.id).toBe('tanap');
    expect(bg.onContentMessage({ type: 'scan-report', report: {} }, sender, OWN_ID)).toBeUndefined();
  });
});

describe('background handlers: extension pages', () => {
  const ORIGIN = 'chrome-extension://lens/';
  const library: MessageSender = { id: OWN_ID, url: `${ORIGIN}library.html` };
  const source = {
    title: 'Field notes',
    author: 'Me',
    date: '2026-11',
    url: '',
    stance: 'my reporting',
    text: 'Rovshan Mammadli visited the TANAP compressor station.',
    origin: 'paste',
    fileName: '',
  };

  it('own-add-source reads the source with the one matcher and answers what it added; own-reindex counts quotes', async () => {
    const { ownBackground, own } = await setup();
    const pages = createExtensionPageHandlers(ownBackground);
    const added = await pages.onPageMessage({ type: 'own-add-source', source }, library, OWN_ID, ORIGIN);
    expect(added).toMatchObject({ source: { id: 'src-1', title: 'Field notes' }, quotes: 2, entities: 2 });
    expect(
      own
        .quotes()
        .map((q) => q.entityId)
        .sort(),
    ).toEqual(['own-name-1', 'tanap']);
    expect(await pages.onPageMessage({ type: 'own-reindex' }, library, OWN_ID, ORIGIN)).toBe(2);
  });

  it('refuses a draft with its problems, and answers nobody but the extension’s own pages', async () => {
    const { ownBackground, own } = await setup();
    const pages = createExtensionPageHandlers(ownBackground);
    await expect(
      pages.onPageMessage({ type: 'own-add-source', source: { ...source, text: '' } }, library, OWN_ID, ORIGIN),
    ).rejects.toThrow(/^Not added: /);
    const message = { type: 'own-add-source', source };
    // A content script (its sender URL is the web page's), another extension, a page pretending with the path.
    expect(pages.onPageMessage(message, sender, OWN_ID, ORIGIN)).toBeUndefined();
    expect(pages.onPageMessage(message, { ...library, id: 'other' }, OWN_ID, ORIGIN)).toBeUndefined();
    expect(
      pages.onPageMessage(message, { id: OWN_ID, url: `https://evil.example/${ORIGIN}` }, OWN_ID, ORIGIN),
    ).toBeUndefined();
    expect(pages.onPageMessage({ type: 'get-entity', id: 'tanap' }, library, OWN_ID, ORIGIN)).toBeUndefined();
    expect(own.quotes()).toEqual([]);
  });
});
