/**
 * The reader's own names and sources end to end, in Chromium and Firefox, with the built extension and its real
 * IndexedDB: "Track this name" from a selection (the context menu's route) and from the popup, with empty and
 * one-letter names refused; own names marked on a page by the same rules as the fact base's and their card built
 * from the reader's material; own sources added by paste and from the current page (Readability), bad files
 * refused without leaving anything behind, removal taking every quote a source gave, and undo.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browsersUnderTest, launchLensBrowser } from '../../automation/browsers';
import { waitForScanReport, waitInPage, type LensBrowser } from '../../automation/lens-browser';
import { FIXTURES_DIR, startStaticServer, type StaticServer } from '../../automation/static-server';
import { containing, enPlural, enText, exactly } from './catalog-text';
import { CardPage } from './pages/card-page';
import { ExplorePage } from './pages/explore-page';
import { LibraryPage } from './pages/library-page';
import type { PickedFile } from './pages/own-form';
import { PopupPage } from './pages/popup-page';

const NAME = 'Rovshan Mammadli';
const SOURCE_TEXT = [
  'Field notes from Eskişehir.',
  'Rovshan Mammadli met the TANAP operator on Monday. He asked about the metering units.',
  'Nobody else was named in the meeting.',
].join('\n\n');

describe.each(browsersUnderTest())('%s: your own names and sources', (browserName) => {
  let server: StaticServer;
  let lens: LensBrowser | null = null;
  let profile = '';
  let lib: LibraryPage;
  let ownId = '';

  beforeAll(async () => {
    server = await startStaticServer();
    profile = mkdtempSync(join(tmpdir(), `lens-own-names-${browserName}-`));
    lens = await launchLensBrowser(browserName, { profileDir: profile });
    lib = await LibraryPage.open(lens);
  });

  afterAll(async () => {
    await lens?.close().catch(() => undefined);
    await server?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  // Each test after the first builds on the name, source and note the ones before it add. Run alone (or after a
  // failure), a test adds what is missing itself, through the same forms, so that it checks the same thing.
  const NAME_FIELDS = {
    name: NAME,
    aliases: 'Мамедли Ровшан, Mammadli',
    type: 'person',
    summary: 'Deputy minister of energy since the autumn.',
  };
  const SOURCE_FIELDS = {
    title: 'My field notes',
    author: 'Me',
    date: '2026-11-30',
    stance: 'my own reporting',
    text: SOURCE_TEXT,
  };
  const ensureName = async () => {
    let names = await lib.storeRecords('names');
    if (!names.some((n) => n.name === NAME)) {
      const form = await lib.trackForm('?track=Rovshan%20Mammadli');
      await form.fill(NAME_FIELDS);
      await form.press(enText('ownTrackTitle'));
      await lib.banner();
      names = await lib.storeRecords('names');
    }
    ownId = names.find((n) => n.name === NAME)!.id as string;
  };
  const ensureSource = async () => {
    await ensureName();
    if ((await lib.storeRecords('sources')).length) return;
    const form = await lib.sourcesView();
    await form.fill(SOURCE_FIELDS);
    const before = await lib.currentBanner();
    await form.press(enText('ownAddSource'));
    await lib.banner(before);
  };

  it('"Track this name" on a selection opens the names form with it; empty and one-letter names are refused', async () => {
    // The name is tracked here afresh: if another test tracked it first, the reader stops tracking it.
    for (const n of await lib.storeRecords('names')) if (n.name === NAME) await lib.stopTracking(n.id as string);
    const namesBefore = await lib.storeRecords('names');
    // The context menu's own route (automation cannot click a browser menu), with a selection as a reader makes one.
    const url = await lens!.evaluateInBackground(
      (text, background) =>
        (background as unknown as { lensTrackMenu(t: string): Promise<string> }).lensTrackMenu(text),
      ' “Rovshan\n Mammadli”, ',
    );
    expect(url).toMatch(/\/library\.html\?track=Rovshan%20Mammadli$/);
    const form = await lib.trackForm('?track=Rovshan%20Mammadli');
    // The name field is filled in and has the focus: the reader goes on with the other spellings or the type.
    expect(await lib.focusedFieldValue('name')).toBe(NAME);

    const track = enText('ownTrackTitle');
    await form.fill({ name: '  ' });
    await form.press(track);
    let shown = await form.problem(exactly(enText('ownNameEmpty')));
    await form.fill({ name: 'R.' });
    await form.press(track);
    shown = await form.problem(exactly(enText('ownNameShort', 'R.')), shown);
    await form.fill({ name: NAME, aliases: 'M' });
    await form.press(track);
    await form.problem(exactly(enText('ownAliasShort', 'M')), shown);
    expect(await lib.storeRecords('names')).toEqual(namesBefore);

    await form.fill(NAME_FIELDS);
    await form.press(track);
    expect(await lib.banner()).toMatch(containing(enText('ownTracking', NAME)));
    const names = (await lib.storeRecords('names')).filter((n) => n.name === NAME);
    expect(names).toMatchObject([
      { name: NAME, aliases: ['Мамедли Ровшан', 'Mammadli'], type: 'person', summary: expect.stringMatching(/Deputy/) },
    ]);
    ownId = names[0]!.id as string;
    expect(ownId).toMatch(/^own-name-/);
  });

  it('adds a pasted source, refuses bad files without storing anything, and removes a source with undo', async () => {
    await ensureName();
    // The counts below are this test's: a source another test added first is removed, as a reader would.
    await lib.removeEverySource();
    const form = await lib.sourcesView();
    await form.fill(SOURCE_FIELDS);
    const before = await lib.currentBanner();
    await form.press(enText('ownAddSource'));
    expect(await lib.banner(before)).toMatch(
      containing(enText('ownAdded', 'My field notes', enPlural('ownQuoteCount', 2), enPlural('ownNameCount', 2))),
    );
    const quotes = await lib.storeRecords('sourceQuotes');
    expect(quotes.map((q) => q.entityId).sort()).toEqual([ownId, 'tanap'].sort());
    expect(quotes[0]).toMatchObject({ paragraph: 2, quote: 'Rovshan Mammadli met the TANAP operator on Monday.' });

    // Bad files: a sentence each, and nothing stored.
    let shown = '';
    const bad: [string, PickedFile, RegExp][] = [
      ['empty.txt', { bytes: [] }, exactly(enText('ownFileEmpty', 'empty.txt'))],
      ['scan.txt', { bytes: [0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02] }, exactly(enText('ownFileBinary', 'scan.txt'))],
      [
        'latin1.txt',
        { bytes: [0x43, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72] },
        exactly(enText('ownFileEncoding', 'latin1.txt')),
      ],
      ['huge.md', { size: 5 * 1024 * 1024 + 1 }, exactly(enText('ownFileTooLarge', 'huge.md', 5, 5))],
      ['report.pdf', { bytes: [0x25, 0x50, 0x44, 0x46] }, exactly(enText('ownFileNotText', 'report.pdf'))],
      [
        'blank.html',
        { bytes: [...new TextEncoder().encode('<html><body>   </body></html>')] },
        exactly(enText('ownFileNoText', 'blank.html')),
      ],
    ];
    for (const [name, file, message] of bad) {
      await form.pickFile(name, file);
      shown = await form.problem(message, shown);
    }
    expect(await lib.storeRecords('sources')).toHaveLength(1);
    expect(await lib.storeRecords('sourceQuotes')).toHaveLength(2);
    // The bad file left the form as it was: no text was taken from it.
    expect(await form.value('text')).toBe('');

    // Removal takes every quote the source gave; Undo puts them back.
    expect(await lib.removeSource()).toMatch(containing(enPlural('ownSourceRemoved', 2, 'My field notes')));
    expect(await lib.storeRecords('sources')).toEqual([]);
    expect(await lib.storeRecords('sourceQuotes')).toEqual([]);
    await lib.undo();
    await lib.waitForSourceListed();
    expect(await lib.storeRecords('sources')).toHaveLength(1);
    expect((await lib.storeRecords('sourceQuotes')).map((q) => q.quote).sort()).toEqual(
      quotes.map((q) => q.quote).sort(),
    );

    // A source longer than 50,000 characters shows a progress bar saying how many words it reads, while it is read;
    // its banner's Undo then takes it away again, so the tests below find one source.
    const sentence = 'Rovshan Mammadli met the TANAP operator on Monday.';
    const long = Array.from({ length: 1_200 }, () => sentence).join('\n\n');
    const words = long.split(/\s+/).length;
    await form.fill({ title: 'A long report', text: long });
    const added = await lib.currentBanner();
    expect(await form.pressWatchingProgress(enText('ownAddSource'))).toContain(enText('ownAddingLong', words));
    expect(await lib.banner(added)).toMatch(/A long report/);
    await lib.undo();
    await lib.waitForSourcesListed(1);
  });

  it('marks your name on pages by the same rules as the fact base’s, and builds its card from your material', async () => {
    await ensureSource();
    // A note on the name, written in the library's "By name & notes".
    await lib.writeNote(ownId, 'Ask him about the audit.');

    const page = await lens!.openPage(server.url('/own/names-article.html'));
    const report = await waitForScanReport(page);
    const mine = report.mentions.filter((m) => m.entityId === ownId);
    // The full name, the surname alone, the Russian alias in the genitive; never inside a longer word.
    expect(mine.map((m) => m.text).sort()).toEqual(['Mammadli', 'Rovshan Mammadli', 'Мамедли Ровшана'].sort());
    expect(report.mentions.some((m) => /mammadlish|Mammadliyev/i.test(m.text))).toBe(false);
    expect(report.mentions.some((m) => m.entityId === 'tanap')).toBe(true);

    const card = new CardPage(page);
    const mark = await card.markGeometry(NAME);
    await card.hover(mark.x, mark.y);
    const text = await card.waitForText('From your sources', 'the card of your name with your material');
    expect(text).toContain(NAME);
    expect(text).toContain('A name you track');
    expect(text).toContain('Deputy minister of energy since the autumn.');
    expect(text).toContain('Rovshan Mammadli met the TANAP operator on Monday.');
    expect(text).toContain('My field notes');
    expect(text).toContain('Ask him about the audit.');
    // Your material starts within the card's first screen: the card host measured and placed the card with all of it
    // (page/card-host.ts), so the card shows it whole, without scrolling.
    const layout = await card.ownLayout();
    expect(layout.top).toBeLessThan(560);
    expect(layout.scrolls).toBe(false);
    await card.close();
  });

  it('marks your name in a small frame that names nothing else: its gate asks the background, not the screen', async () => {
    // The gate's screen knows the fact base's names only (lib/screen/frame-screen.ts); with names of your own, every
    // frame carries the flag that sends its text to the background (page/own-names-flag.ts).
    await ensureName();
    const frame = server.url('/gate/own-name-frame.html');
    const page = await lens!.openPage(
      `${server.url('/gate/article-with-quiet-frame.html')}#frame=${encodeURIComponent(frame)}`,
    );
    await waitInPage(
      page,
      () => ((window as unknown as { __frameMarks: number | null }).__frameMarks ?? 0) > 0,
      'a mark of your name in the small frame',
    );
    await page.close();
  });

  it('explore: your material is a layer switched on and off, and its names open their cards', async () => {
    await ensureSource();
    const explore = await ExplorePage.open(lens!, 'view=timeline');
    const layerSwitch = enText('ownPopupHeading');
    if (await explore.ownLayerShown()) await explore.toggleOwnLayer(layerSwitch);
    expect(await explore.ownLayerShown()).toBe(false);
    await explore.toggleOwnLayer(layerSwitch);
    const sources = await explore.ownLayerPart('sources', /Anatolian/, 'your sources’ names');
    expect(sources).toMatch(/Trans-Anatolian Natural Gas Pipeline\s*1 quote/);
    await explore.ownLayerPart('names', /Rovshan Mammadli/, 'your names');
    await explore.openFromOwnLayer('sources', 'Trans-Anatolian');
    await explore.panelText(/Trans-Anatolian Natural Gas Pipeline/, 'TANAP’s card in the side panel');
    await explore.toggleOwnLayer(layerSwitch);
    await explore.waitForNoOwnLayer();
    await explore.close();
  });

  it('popup: marks names with your material, finds your names, tracks a typed name, adds the page as a source', async () => {
    await ensureSource();
    if (!(await lib.storeRecords('notes')).some((n) => n.entityId === ownId))
      await lib.writeNote(ownId, 'Ask him about the audit.');
    const articleUrl = server.url('/own/names-article.html');
    const article = await lens!.openPage(articleUrl);
    await waitForScanReport(article);
    const popup = await PopupPage.open(lens!);
    const tabId = await popup.tabIdOf(articleUrl);
    expect(tabId).toBeGreaterThan(-1);
    await popup.reopenWith(`?tab=${tabId}`);

    // "On this page": your name and TANAP carry what you have on them.
    expect(await popup.ownMarker(ownId, /note/, 'your marker')).toBe('note · 1 quote');
    // Your name says it is yours and what it is, as the fact base's names say what they are.
    expect(await popup.rowBadges(ownId)).toEqual({ own: 'yours', type: 'Person' });
    expect((await popup.rowBadges('tanap')).own).toBe(null);
    expect(await popup.ownMarker('tanap', /quote/, 'TANAP’s marker')).toBe('1 quote');
    expect(await popup.hasOwnMarker('shah-deniz')).toBe(false);

    // Search finds your name by its other spelling.
    await popup.setSearch('мамедли');
    await popup.resultText(ownId, /Rovshan Mammadli/, 'your name in the results');
    expect(await popup.resultBadge(ownId)).toBe('yours');

    // Track a typed name: refused when one letter, stored when right, undone (back to the names stored before, so a
    // retry after a half-run attempt checks the same thing).
    const namesBefore = (await popup.storeRecords('names')).map((n) => n.name);
    await popup.setSearch('Qaradag Logistics');
    const track = await popup.track('Qaradag Logistics');
    const nameForm = track.form('name');
    expect(await nameForm.value('name')).toBe('Qaradag Logistics');
    await nameForm.fill({ name: 'Q' });
    await nameForm.press(enText('ownTrackTitle'));
    await nameForm.problem(exactly(enText('ownNameShort', 'Q')));
    await nameForm.fill({ name: 'Qaradag Logistics', type: 'company' });
    await nameForm.press(enText('ownTrackTitle'));
    await track.status(/Tracking “Qaradag Logistics”/, 'tracking');
    expect((await popup.storeRecords('names')).map((n) => [n.name, n.type])).toContainEqual([
      'Qaradag Logistics',
      'company',
    ]);
    await track.press('Undo');
    await track.status(/Undone/, 'undone');
    expect((await popup.storeRecords('names')).map((n) => n.name)).toEqual(namesBefore);
    await track.press('Done');

    // Add this page as a source: its article text, not its navigation or footer; then undo.
    await popup.setSearch('');
    const panel = await popup.addPageAsSource();
    const sourceForm = panel.form('source');
    await sourceForm.textMatching(/words of main text from 127\.0\.0\.1/, 'the page read');
    const fields = await sourceForm.inputValues();
    expect(fields.title).toMatch(/A new deputy minister for the gas corridor/);
    expect(fields.author).toMatch(/Leyla Hasanova/);
    await sourceForm.fill({ stance: 'independent outlet' });
    await sourceForm.press('Add source');
    const added = await panel.status(/Added/, 'the page added');
    expect(added).toMatch(/quotes? about \d+ names?/);
    const sources = await popup.storeRecords('sources');
    const fromPage = sources.find((s) => s.origin === 'page')!;
    expect(fromPage).toMatchObject({ url: articleUrl, stance: 'independent outlet' });
    expect(fromPage.text).toContain('Rovshan Mammadli, the new deputy minister of energy');
    expect(fromPage.text).not.toContain('NAVIGATION-ONLY LINK');
    expect(fromPage.text).not.toContain('Footer text');
    const pageQuotes = (await popup.storeRecords('sourceQuotes')).filter((q) => q.sourceId === fromPage.id);
    // Paragraphs are the page's paragraphs: the HTML source's line breaks inside one are not.
    expect(pageQuotes.find((q) => q.entityId === ownId)).toMatchObject({
      paragraph: 2,
      quote: expect.stringMatching(/^Rovshan Mammadli, the new deputy minister .* near Eskişehir on Monday and said/),
    });
    await panel.press('Undo');
    await panel.status(/Undone/, 'undone');
    expect((await popup.storeRecords('sources')).map((s) => s.origin)).toEqual(['paste']);
    expect((await popup.storeRecords('sourceQuotes')).filter((q) => q.sourceId === fromPage.id)).toEqual([]);
    await popup.close();
    await article.close();
  });

  it('your person’s bare surname is marked after their full name, not after a different given name', async () => {
    await ensureName();
    const page = await lens!.openPage(server.url('/own/namesake-article.html'));
    const report = await waitForScanReport(page);
    // "Elnur Mammadli" (twice, before and after the minister is named) is someone else; the bare "Mammadli" after
    // "Rovshan Mammadli" is him: the fact base's rule for its people's surnames.
    const mine = report.mentions.filter((m) => m.entityId === ownId).map((m) => [m.text, m.count]);
    expect(mine.sort()).toEqual([
      ['Mammadli', 1],
      ['Rovshan Mammadli', 1],
    ]);
    await page.close();
  });

  it('editing a source changes what it gives the cards, and the old quotes go', async () => {
    await ensureName();
    const form = await lib.sourcesView();
    const title = 'Notes to edit';
    await form.fill({ title, author: '', date: '', stance: '', text: 'Shah Deniz gas reached Erzurum in the spring.' });
    let shown = await lib.currentBanner();
    await form.press(enText('ownAddSource'));
    shown = await lib.banner(shown);
    const id = (await lib.storeRecords('sources')).find((s) => s.title === title)!.id as string;
    const cardOf = async (mark: string, want: string) => {
      const page = await lens!.openPage(server.url('/own/names-article.html'));
      await waitForScanReport(page);
      const card = new CardPage(page);
      const at = await card.markGeometry(mark);
      await card.hover(at.x, at.y);
      const text = await card.waitForText(want, `the card of ${mark}`);
      await page.close();
      return text;
    };
    expect(await cardOf('Shah Deniz', 'From your sources')).toContain('Shah Deniz gas reached Erzurum in the spring.');

    // The edit: the same source now names TANAP, not Shah Deniz.
    await lib.editSource(id);
    expect(await form.value('title')).toBe(title);
    await form.fill({ text: 'The TANAP operator added two metering units in Erzurum.' });
    await form.press(enText('ownSaveSource'));
    expect(await lib.banner(shown)).toMatch(
      containing(enText('ownSourceUpdated', title, enPlural('ownQuoteCount', 1), enPlural('ownNameCount', 1))),
    );
    expect((await lib.storeRecords('sourceQuotes')).filter((q) => q.sourceId === id)).toMatchObject([
      { entityId: 'tanap', quote: 'The TANAP operator added two metering units in Erzurum.' },
    ]);
    expect(await cardOf('TANAP', 'From your sources')).toContain('The TANAP operator added two metering units');
    // Shah Deniz's card, complete (its fact-base sources shown), no longer quotes it.
    expect(await cardOf('Shah Deniz', 'Shah Deniz')).not.toContain('Erzurum');

    // Taken away again, so the other tests find the sources they expect.
    await lib.removeSource(id);
    await lib.waitForSourcesListed((await lib.storeRecords('sources')).length);
  });

  it('picks a .txt, a .md and an .html file into the source form, the page’s article only, and adds it', async () => {
    await ensureName();
    const form = await lib.sourcesView();
    const bytes = (text: string): PickedFile => ({ bytes: [...new TextEncoder().encode(text)] });
    const blank = { title: '', author: '', date: '', url: '', stance: '', text: '' };

    // Plain text and Markdown come in as written; the title is the file's name until the reader gives one.
    await form.fill(blank);
    await form.pickFile('meeting.txt', bytes('Rovshan Mammadli met the TANAP operator.\n\nNobody else came.'));
    await waitInPage(lib.page, () => document.querySelector<HTMLInputElement>('[name="title"]')?.value, 'txt read');
    expect(await form.value('title')).toBe('meeting');
    expect(await form.value('text')).toBe('Rovshan Mammadli met the TANAP operator.\n\nNobody else came.');
    await form.fill(blank);
    await form.pickFile('brief.md', bytes('# Brief\n\nShah Deniz *phase two* is running.'));
    await waitInPage(lib.page, () => document.querySelector<HTMLInputElement>('[name="title"]')?.value, 'md read');
    expect(await form.value('title')).toBe('brief');
    expect(await form.value('text')).toBe('# Brief\n\nShah Deniz *phase two* is running.');

    // HTML: the article's text, title and author (Readability), not the navigation or the footer.
    await form.fill(blank);
    const html = readFileSync(join(FIXTURES_DIR, 'own/names-article.html'), 'utf8');
    await form.pickFile('ledger.html', bytes(html));
    await waitInPage(lib.page, () => document.querySelector<HTMLInputElement>('[name="title"]')?.value, 'html read');
    const fields = await form.inputValues();
    expect(fields.title).toMatch(/A new deputy minister for the gas corridor/);
    expect(fields.author).toMatch(/Leyla Hasanova/);
    const text = (await form.value('text'))!;
    expect(text).toMatch(/^Rovshan Mammadli, the new deputy minister of energy, visited the TANAP compressor station/m);
    expect(text).not.toContain('NAVIGATION-ONLY LINK');
    expect(text).not.toContain('Footer text');

    const before = await lib.currentBanner();
    await form.press(enText('ownAddSource'));
    await lib.banner(before);
    const added = (await lib.storeRecords('sources')).find((s) => s.fileName === 'ledger.html')!;
    expect(added).toMatchObject({ origin: 'file', author: expect.stringMatching(/Leyla Hasanova/) });
    const quotes = (await lib.storeRecords('sourceQuotes')).filter((q) => q.sourceId === added.id);
    expect(new Set(quotes.map((q) => q.entityId))).toEqual(new Set([ownId, 'tanap', 'shah-deniz', 'ankara']));
    // Undone, so the other tests find the sources they expect.
    await lib.undo();
    await waitInPage(
      lib.page,
      (id) => !document.querySelector(`[data-source-id="${id}"]`),
      'the file’s source gone',
      10_000,
      added.id as string,
    );
  });

  it('the Markdown export carries your names, notes and sources after the snippets', async () => {
    await ensureSource();
    if (!(await lib.storeRecords('notes')).some((n) => n.entityId === ownId))
      await lib.writeNote(ownId, 'Ask him about the audit.');
    // The export needs a snippet; this one is taken away again at the end.
    const snippet = {
      id: 'own-names-md-snippet',
      text: 'TANAP carries gas to Europe.',
      url: 'https://ledger.example/md',
      title: 'Markdown export',
      createdAt: 1_750_000_000_000,
      updatedAt: 1_750_000_000_000,
      selector: { type: 'TextQuoteSelector', exact: 'TANAP carries gas', prefix: '', suffix: '' },
      entityIds: ['tanap'],
      note: '',
      tags: [],
    };
    await lib.writeSnippets([snippet]);
    const view = await LibraryPage.open(lens!);
    const md = (await view.download('Markdown')).text;
    await view.close();
    await lib.writeSnippets([], [snippet.id]);
    expect(md).toContain('TANAP carries gas to Europe.');
    const own = md.slice(md.indexOf('\n---\n'));
    expect(own).toContain('## Your names');
    expect(own).toContain(
      '- **Rovshan Mammadli** (also Мамедли Ровшан, Mammadli), person: Deputy minister of energy since the autumn.',
    );
    expect(own).toContain('## Your notes\n\n### Rovshan Mammadli\n\nAsk him about the audit.');
    expect(own).toMatch(
      /## Your sources\n\n(- .*\n)*- My field notes — Me · 2026-11-30 · standpoint: my own reporting \(\d+ words\)/,
    );
  });
});
