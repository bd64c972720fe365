/**
 * The reader's own material end to end, in Chromium and Firefox with the built extension and its real IndexedDB:
 * the version-3 upgrade of a database of today's (version 2) shape, the card's own section (your snippets, your
 * note written on the card, removed and taken back), and backup and restore of notes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browsersUnderTest, launchLensBrowser } from '../../automation/browsers';
import { type LensBrowser } from '../../automation/lens-browser';
import { startStaticServer, type StaticServer } from '../../automation/static-server';
import { CardPage } from './pages/card-page';
import { LibraryPage } from './pages/library-page';
import { saveVia, selectText } from './snippets-driver';

/** Two snippets as today's release writes them (schema version 2). */
const V2_RECORDS = [
  {
    id: 'v2-0000-aaaa',
    text: 'Cargo on the Middle Corridor doubled last year.',
    url: 'https://ledger.example/corridor',
    title: 'Corridor cargo',
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_050_000,
    selector: { type: 'TextQuoteSelector', exact: 'Cargo on the Middle Corridor', prefix: '', suffix: ' doubled' },
    entityIds: ['middle-corridor'],
    note: 'check the 2024 figure',
    tags: ['freight'],
  },
  {
    id: 'v2-0000-bbbb',
    text: 'TANAP carries gas from Shah Deniz.',
    url: 'https://ledger.example/tanap',
    title: 'TANAP',
    createdAt: 1_700_000_100_000,
    updatedAt: 1_700_000_100_000,
    selector: { type: 'TextQuoteSelector', exact: 'TANAP carries gas', prefix: '', suffix: ' from' },
    entityIds: ['tanap', 'shah-deniz'],
    note: '',
    tags: [],
  },
];

/** The TANAP snippet of V2_RECORDS: the card tests build on it. */
const TANAP_V2 = V2_RECORDS[1]!;
/** A later snippet naming TANAP alone, from another page. */
const TANAP_NEWER = {
  ...TANAP_V2,
  id: 'v2-0000-cccc',
  text: 'TANAP reached full capacity this spring.',
  title: 'TANAP at capacity',
  createdAt: Date.UTC(2024, 2, 9, 12),
  updatedAt: Date.UTC(2024, 2, 9, 12),
  entityIds: ['tanap'],
};
/** An earlier one, the oldest of the three: a card showing two leaves it out. */
const TANAP_OLDEST = {
  ...TANAP_V2,
  id: 'v2-0000-0000',
  text: 'TANAP was first proposed in 2011.',
  title: 'Pipeline history',
  createdAt: Date.UTC(2023, 0, 5, 12),
  updatedAt: Date.UTC(2023, 0, 5, 12),
  entityIds: ['tanap'],
};

/** A snippet naming Karabakh, whose card is long: its own section starts below the card's first screen. */
const KARABAKH_SNIPPET = {
  ...TANAP_V2,
  id: 'v2-0000-dddd',
  text: 'Karabakh talks resumed in Almaty.',
  title: 'Karabakh talks',
  entityIds: ['karabakh'],
};

/** Leaves exactly `records` in the snippets store, as the library would (the background is told). */
async function keepOnly(lib: LibraryPage, records: readonly Record<string, unknown>[]): Promise<void> {
  const kept = new Set(records.map((r) => r.id));
  const stale = ((await lib.records()) ?? []).map((r) => r.id as string).filter((id) => !kept.has(id));
  await lib.writeSnippets(records, stale);
}

/** Opens a page, waits for its marks, and rests the real pointer on the mark reading `text` until its card shows. */
async function openCard(lens: LensBrowser, url: string, text: string): Promise<CardPage> {
  const card = await CardPage.open(lens, url, { recordSteps: false });
  await card.hoverUntilCard(await card.markGeometry(text));
  return card;
}

describe.each(browsersUnderTest())('%s: your own material', (browserName) => {
  let server: StaticServer;
  let lens: LensBrowser | null = null;
  let profile = '';

  beforeAll(async () => {
    server = await startStaticServer();
    profile = mkdtempSync(join(tmpdir(), `lens-own-${browserName}-`));
    lens = await launchLensBrowser(browserName, { profileDir: profile });
  });

  afterAll(async () => {
    await lens?.close().catch(() => undefined);
    await server?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('upgrades a database of today’s shape (version 2) to version 3, keeping every snippet', async () => {
    let lib = await LibraryPage.open(lens!);
    await lib.recreateVersion2(V2_RECORDS);
    await lib.close();
    lib = await LibraryPage.open(lens!);
    await lib.waitForCount(2);
    expect(await lib.records()).toEqual(V2_RECORDS);
    expect(await lib.schema()).toEqual({
      version: 3,
      stores: ['names', 'notes', 'snippets', 'sourceQuotes', 'sources'],
      quoteIndexes: ['entityId', 'sourceId'],
    });
    await lib.close();
  });

  it('a card with nothing of yours has no “Yours” section; “Add a note” behind “More” opens one', async () => {
    // No snippet, note or quote names Tokayev: the card's first screen spends nothing on an empty section.
    const card = await openCard(lens!, server.url('/snippets-article.html'), 'Kassym-Jomart Tokayev');
    expect(await card.ownSection()).toBe('');
    expect(await card.actionRows()).toBe(1);
    expect(await card.pressButton('More ▾')).toBe(true);
    expect(await card.pressButton('Add a note')).toBe(true);
    // The section appears with the editor open and focused.
    await card.waitForNoteEditor();
    expect(await card.ownSection()).toContain('Your note');
    // Leaving it with nothing written takes the section away again, and focus back to the button that opened it.
    await card.press('Escape');
    await card.waitForFocusOn('Add a note');
    expect(await card.ownSection()).toBe('');
    await card.close();
  });

  it('shows your snippets on the card, apart from the fact base, and keeps a note written on the card', async () => {
    // The upgraded TANAP snippet, written again so that the test passes alone (put: the same record, run after the
    // upgrade test).
    // No note yet, and no other snippet on TANAP (the notes store is emptied first: writing the snippets then tells the
    // background to read the reader's material afresh).
    const setup = await LibraryPage.open(lens!);
    await setup.clearStore('notes');
    await keepOnly(setup, [TANAP_V2]);
    await setup.close();
    const url = server.url('/snippets-article.html');
    const page = await lens!.openPage(url);
    await lens!.scanReport(page);
    await selectText(page, 'p2');
    await saveVia(lens!, 'command', url);
    await page.close();

    const again = await openCard(lens!, url, 'TANAP');
    // Two snippets name TANAP: the upgraded one and the passage just saved, newest first.
    const text = await again.waitForOwnSection('Your snippets', 'the card’s own section');
    expect(text).toContain('your own material, not from the fact base');
    expect(text).toContain('Your snippets (2)');
    expect(text.indexOf('Middle Corridor cargo doubles')).toBeLessThan(text.indexOf('TANAP carries gas'));
    // The section comes after the fact base's sections.
    const order = await again.sectionsOwn();
    expect(order.at(-1)).toBe(true);
    expect(order.filter(Boolean)).toHaveLength(1);

    expect(await again.pressButton('Add a note')).toBe(true);
    // The editor takes focus; the note is typed and saved from the keyboard.
    await again.waitForNoteEditor();
    await again.typeText('Ask about the 2026 expansion.');
    await again.press('Tab');
    await again.waitForFocusOn('Save note');
    await again.press('Enter');
    await again.waitForOwnStatus('Note saved', 'the note to be saved');
    const lib = await LibraryPage.open(lens!);
    expect(await lib.storeRecords('notes')).toEqual([
      {
        entityId: 'tanap',
        text: 'Ask about the 2026 expansion.',
        createdAt: expect.any(Number),
        updatedAt: expect.any(Number),
      },
    ]);

    // Removing the note can be undone.
    // After saving, focus is on "Edit note"; the next Tab reaches "Remove note" (a keyboard walk, no focus() call).
    await again.waitForFocusOn('Edit note');
    await again.press('Tab');
    await again.waitForFocusOn('Remove note');
    expect(await again.pressButton('Remove note')).toBe(true);
    await again.waitForOwnStatus('Note removed', 'the removal');
    expect(await lib.storeRecords('notes')).toEqual([]);
    await again.waitForFocusOn('Undo');
    expect(await again.pressButton('Undo')).toBe(true);
    await again.waitForOwnNote('Ask about the 2026 expansion.', 'the note back on the card');
    expect((await lib.storeRecords('notes')).map((n) => n.text)).toEqual(['Ask about the 2026 expansion.']);
    await again.close();

    // A card opened afresh shows the stored note.
    const third = await openCard(lens!, url, 'TANAP');
    await third.waitForOwnNote('Ask about the 2026 expansion.', 'the stored note on a new card');
    expect(await third.ownSection()).toContain('Your note');
    await third.close();
    await lib.close();
  });

  it('the card’s “Your snippets” shows the latest two passages, each with its page’s title and the day it was saved', async () => {
    const lib = await LibraryPage.open(lens!);
    await keepOnly(lib, [TANAP_OLDEST, TANAP_V2, TANAP_NEWER]);
    await lib.close();
    const card = await openCard(lens!, server.url('/snippets-article.html'), 'TANAP');
    await card.waitForOwnSection('Your snippets (3)', 'the card’s three snippets');
    // Newest first; the oldest is left to the library ("All 3 in the library").
    expect(await card.ownSnippets()).toEqual([
      { text: TANAP_NEWER.text, meta: 'TANAP at capacity · Mar 9, 2024', dateTime: '2024-03-09T12:00:00.000Z' },
      { text: TANAP_V2.text, meta: 'TANAP · Nov 14, 2023', dateTime: new Date(TANAP_V2.createdAt).toISOString() },
    ]);
    expect(await card.ownSection()).toContain('All 3 in the library');
    await card.close();
  });

  it('on a long card your material below its first screen is laid out after the card is on screen, and shows', async () => {
    const lib = await LibraryPage.open(lens!);
    await keepOnly(lib, [KARABAKH_SNIPPET]);
    await lib.close();
    const card = await openCard(lens!, server.url('/cards-news.html'), 'Karabakh');
    await card.waitForOwnSection('Your snippets (1)', 'the card’s snippet');
    // The section starts below the card's first 560 px, so the card host left its body for after the card's first
    // paint (page/card-host.ts); then it is shown, with the card at its height cap, scrolling down to it.
    const layout = await card.ownLayout();
    expect(layout.top).toBeGreaterThanOrEqual(560);
    expect(layout.scrolls).toBe(true);
    expect((await card.ownSnippets()).map((s) => s.text)).toEqual([KARABAKH_SNIPPET.text]);
    await card.close();
  });

  it('the card’s “Open in the library” opens the library filtered to that entity', async () => {
    // Exactly three snippets: two name TANAP, one only the Middle Corridor.
    const lib = await LibraryPage.open(lens!);
    await keepOnly(lib, [V2_RECORDS[0]!, TANAP_V2, TANAP_NEWER]);
    const card = await openCard(lens!, server.url('/snippets-article.html'), 'TANAP');
    expect(await card.waitForOwnSection('Your snippets (2)', 'the card’s two snippets')).toContain(
      'Open in the library',
    );
    // Library tabs that were open before (Firefox still lists one an earlier test closed) are not the one it opens.
    const pressedAt = await lib.now();
    expect(await card.pressButton('Open in the library')).toBe(true);
    // The tab it opened, as the reader sees it: TANAP's two snippets, newest first, under TANAP's filter.
    const [opened, ...more] = await lib.otherLibraryTabs(pressedAt);
    expect(more).toEqual([]);
    expect(opened).toEqual({
      search: '?entity=tanap',
      count: '2 of 3 snippets',
      entity: 'tanap',
      rows: [TANAP_NEWER.text, TANAP_V2.text],
    });
    await card.close();
    await lens!.closeTabs();
  });

  it('the library groups your material by name, and a name’s row leads to its snippets', async () => {
    const lib = await LibraryPage.open(lens!);
    await keepOnly(lib, [V2_RECORDS[0]!, TANAP_V2, TANAP_NEWER]);
    // The card test's note, and no other.
    await lib.clearStore('notes');
    await lib.writeNote('tanap', 'Ask about the 2026 expansion.');
    // One row per name the snippets and notes are about, most material first: TANAP (two snippets and a note), then
    // the Middle Corridor and Shah Deniz (one snippet each, by name).
    const rows = await lib.entityRows();
    expect(rows.map((r) => r.id)).toEqual(['tanap', 'middle-corridor', 'shah-deniz']);
    expect(rows[0]!.text).toMatch(/^Trans-Anatolian Natural Gas Pipeline .*· 2 snippets · note$/);
    expect(rows[1]!.text).toMatch(/^Middle Corridor .*· 1 snippet$/);
    expect(rows[2]!.text).toMatch(/^Shah Deniz gas field .*· 1 snippet$/);
    // "Show its snippets" on the Middle Corridor's row: the snippets view, filtered to it.
    await lib.showSnippetsOf('middle-corridor');
    expect(await lib.snippetsList()).toEqual({
      search: '?view=entities',
      count: '1 of 3 snippets',
      entity: 'middle-corridor',
      rows: [V2_RECORDS[0]!.text],
    });
    await lib.close();
  });

  it('backs up and restores your notes with the snippets', async () => {
    // The note the card test wrote, written here when this test runs alone.
    const setup = await LibraryPage.open(lens!);
    await setup.writeSnippets([TANAP_V2]);
    if (!(await setup.storeRecords('notes')).some((n) => n.entityId === 'tanap'))
      await setup.writeNote('tanap', 'Ask about the 2026 expansion.');
    await setup.close();
    const lib = await LibraryPage.open(lens!);
    const backup = await lib.download('Back up everything');
    const file = JSON.parse(backup.text) as { version: number; own: { notes: { entityId: string }[] } };
    expect(file.version).toBe(3);
    expect(file.own.notes.map((n) => n.entityId)).toEqual(['tanap']);
    await lib.clearStore('notes');
    expect(await lib.storeRecords('notes')).toEqual([]);
    const before = await lib.banner();
    await lib.provideFile('Restore…', 'backup.json', backup.text);
    expect(await lib.banner(before)).toMatch(/Restored \d+ snippets?, 1 note/);
    expect((await lib.storeRecords('notes')).map((n) => n.text)).toEqual(['Ask about the 2026 expansion.']);
    await lib.close();
  });
  it('a name in more than 40 snippets shows its newest two, found through the date index', async () => {
    // 45 snippets name the Baku–Supsa pipeline, saved a minute apart among 400 others; the newest snippets of all
    // name something else, so a path that forgot the name, or walked the dates the wrong way, shows another two.
    const minute = 60_000;
    const t0 = 1_750_000_000_000;
    const record = (id: string, at: number, entityIds: string[]) => ({
      id,
      text: `Passage ${id}.`,
      url: `https://ledger.example/${id}`,
      title: id,
      createdAt: at,
      updatedAt: at,
      selector: { type: 'TextQuoteSelector', exact: `Passage ${id}`, prefix: '', suffix: '' },
      entityIds,
      note: '',
      tags: [],
    });
    const named = Array.from({ length: 45 }, (_, i) =>
      record(`supsa-${i}`, t0 + (i * 9 + 3) * minute, ['baku-supsa-pipeline']),
    );
    const others = Array.from({ length: 400 }, (_, i) => record(`other-${i}`, t0 + (i + 10) * minute, ['baku']));
    const lib = await LibraryPage.open(lens!);
    await lib.writeSnippets([...named, ...others]);
    // What a card asks the background for, asked from the library (an extension page may ask what a card does).
    const own = await lib.ownMaterial('baku-supsa-pipeline');
    expect(own?.snippetCount).toBe(45);
    expect(own?.snippets.map((s) => s.id)).toEqual(['supsa-44', 'supsa-43']);
    await lib.writeSnippets(
      [],
      [...named, ...others].map((r) => r.id),
    );
    await lib.close();
  });
});
