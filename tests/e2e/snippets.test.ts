/**
 * Snippets end to end, in Chromium and Firefox with the built extension: save by the keyboard-command and
 * context-menu routes (called directly in the background: automation can neither press a browser-level shortcut
 * nor click a browser menu), find them in the library, edit, delete with undo, survive an extension reload and a
 * browser restart on the same profile, export from one profile and import into a fresh one, refuse bad files
 * without changing anything, upgrade a version-1 database, and back up and restore everything.
 * The hover card's "Save snippet" sends the same validated `save-snippet` message (covered by the card's tests and
 * by tests/unit/snippets-page-saves.test.ts).
 *
 * Each test sets up what it needs (the default settings, and the snippets it works on written into the store), so
 * any one runs alone (`-t`) and in any order.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { browsersUnderTest, launchLensBrowser } from '../../automation/browsers';
import { waitForScanReport, waitInPage, type LensBrowser } from '../../automation/lens-browser';
import { startStaticServer, type StaticServer } from '../../automation/static-server';
import { defaultSettings } from '../../lib/settings/settings';
import type { Snippet } from '../../lib/snippets/types';
import { changeSettings } from './cards-driver';
import { LibraryPage } from './pages/library-page';
import { saveVia, selectText } from './snippets-driver';

const V1_RECORDS = [
  {
    id: 'v1-0000-aaaa',
    text: 'Cargo on the Middle Corridor doubled last year.',
    url: 'https://ledger.example/corridor',
    title: 'Corridor cargo',
    createdAt: 1_700_000_000_000,
    selector: { exact: 'Cargo on the Middle Corridor doubled', prefix: '', suffix: ' last year' },
    entityIds: ['middle-corridor'],
    note: 'from the v1 days',
  },
  {
    id: 'v1-0000-bbbb',
    text: 'Ilham Aliyev spoke in Astana.',
    url: 'https://ledger.example/astana',
    title: 'Astana',
    createdAt: 1_700_000_100_000,
    selector: { exact: 'Ilham Aliyev spoke', prefix: '', suffix: ' in Astana' },
    entityIds: [],
    note: '',
  },
];

/** Two snippets as the save routes write them (current schema): the older one names no place called Astana. */
const SEEDED: readonly Snippet[] = [
  {
    id: 'seed-0000-pipeline',
    text: 'The pipeline opened in 2018.',
    url: 'https://ledger.example/snippets-article.html',
    title: 'Middle Corridor cargo doubles | The Caspian Ledger',
    createdAt: 1_760_000_000_000,
    updatedAt: 1_760_000_000_000,
    selector: {
      type: 'TextQuoteSelector',
      exact: 'The pipeline opened in 2018.',
      prefix: 'reaches Europe through TAP. ',
      suffix: ' Critics said',
    },
    entityIds: [],
    note: '',
    tags: [],
  },
  {
    id: 'seed-0000-declaration',
    text: 'Ilham Aliyev and Kassym-Jomart Tokayev signed a declaration on strategic partnership in Astana.',
    url: 'https://ledger.example/snippets-article.html',
    title: 'Middle Corridor cargo doubles | The Caspian Ledger',
    createdAt: 1_760_000_100_000,
    updatedAt: 1_760_000_100_000,
    selector: {
      type: 'TextQuoteSelector',
      exact: 'Ilham Aliyev and Kassym-Jomart Tokayev signed a declaration',
      prefix: '',
      suffix: ' on strategic partnership in Astana.',
    },
    entityIds: ['ilham-aliyev', 'tokayev', 'astana'],
    note: '',
    tags: [],
  },
];
const SEEDED_SORTED = [...SEEDED].sort((a, b) => a.id.localeCompare(b.id));

const collapse = (s: unknown) => String(s).replace(/\s+/g, ' ');

describe.each(browsersUnderTest())('%s: snippets', (browserName) => {
  let server: StaticServer;
  const profiles: string[] = [];
  /** The browser the tests use, and its profile (a test that restarts or changes profile replaces both). */
  let lens: LensBrowser | null = null;
  let profile = '';
  const newProfile = () => {
    const dir = mkdtempSync(join(tmpdir(), `lens-snippets-${browserName}-`));
    profiles.push(dir);
    return dir;
  };
  const relaunch = async (dir: string) => {
    await lens?.close();
    profile = dir;
    lens = await launchLensBrowser(browserName, { profileDir: profile });
    return lens;
  };
  /** The library holding exactly the two seeded snippets. */
  const seededLibrary = () => LibraryPage.open(lens!, { records: SEEDED });

  beforeAll(async () => {
    server = await startStaticServer();
    await relaunch(newProfile());
  });

  // Every test starts from the default settings, whatever the one before changed (a restore pauses the lens).
  beforeEach(() => changeSettings(lens!, { ...defaultSettings() }));

  afterAll(async () => {
    await lens?.close().catch(() => undefined);
    await server?.close();
    for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
  });

  it('saves a selection through the keyboard-command route, with its quote selector and entities', async () => {
    await (await LibraryPage.open(lens!, { records: [] })).close();
    const url = server.url('/snippets-article.html');
    const page = await lens!.openPage(url);
    await waitForScanReport(page);
    const p2 = await page.evaluate(() => document.getElementById('p2')!.textContent!);
    const from = p2.indexOf('The pipeline opened in 2018.');
    expect(await selectText(page, 'p2', from, from + 'The pipeline opened in 2018.'.length)).toBe(
      'The pipeline opened in 2018.',
    );
    const receipt = (await saveVia(lens!, 'command', url)) as { saved: boolean; id: string };
    expect(receipt).toMatchObject({ saved: true, id: expect.any(String), undoToken: expect.any(String) });
    // The in-page confirmation (a closed shadow root: only its host is visible to the page).
    await waitInPage(page, () => document.querySelector('lens-toast') !== null, 'the saved toast');

    await selectText(page, 'p3');
    const second = (await saveVia(lens!, 'menu', url)) as { saved: boolean; entityIds: string[] };
    expect(second).toMatchObject({ saved: true });
    expect(second.entityIds.length).toBeGreaterThan(0);
    await page.close();

    // What was stored: the passage with its W3C quote selector, the page's URL and title.
    const lib = await LibraryPage.open(lens!);
    await lib.waitForCount(2);
    const records = (await lib.records())!;
    const pipeline = records.find((r) => r.text === 'The pipeline opened in 2018.')!;
    const selector = pipeline.selector as { type: string; exact: string; prefix: string; suffix: string };
    expect(selector.type).toBe('TextQuoteSelector');
    expect(selector.exact).toBe('The pipeline opened in 2018.');
    expect(collapse(selector.prefix)).toMatch(/reaches Europe through TAP\. $/);
    expect(collapse(selector.suffix)).toMatch(/^ Critics said/);
    expect(pipeline.url).toBe(url);
    expect(pipeline.title).toBe('Middle Corridor cargo doubles | The Caspian Ledger');
    // Newest first.
    const texts = await lib.rowTexts();
    expect(texts[0]).toMatch(/^Ilham Aliyev and Kassym-Jomart Tokayev/);
    expect(texts[1]).toBe('The pipeline opened in 2018.');
    await lib.close();

    // Visiting the page again paints both saved passages (setting "highlightSnippets", on by default).
    const again = await lens!.openPage(url);
    await waitForScanReport(again);
    const painted = await waitInPage(
      again,
      () => {
        const h = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.get('lens-snippet');
        if (!h || h.size < 2) return null;
        return [...h].map((r) => {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          return range.toString().replace(/\s+/g, ' ').trim();
        });
      },
      'the saved passages to be painted',
    );
    expect(painted.sort()).toEqual([
      'Ilham Aliyev and Kassym-Jomart Tokayev signed a declaration on strategic partnership in Astana.',
      'The pipeline opened in 2018.',
    ]);
    await again.close();
  });

  it('lists snippets newest first, searches, edits note and tags, deletes with undo', async () => {
    const lib = await seededLibrary();
    // The library asked for persistent storage and shows the answer (which one depends on the browser).
    const persisted = await lib.storagePersisted();
    expect(['true', 'false']).toContain(persisted);
    console.info(`[snippets] ${browserName}: navigator.storage.persist() → ${persisted}`);
    const texts = await lib.rowTexts();
    expect(texts[0]).toMatch(/^Ilham Aliyev and Kassym-Jomart Tokayev/);
    expect(texts[1]).toBe('The pipeline opened in 2018.');
    const pipeline = SEEDED[0]!;

    await lib.search('astana');
    await lib.waitForRows(1);
    expect(await lib.rowTexts()).toEqual([SEEDED[1]!.text]);
    await lib.search('');
    await lib.waitForRows(2);

    // Open the pipeline snippet and give it a note and tags.
    await lib.openRow(1);
    await lib.setNote('Opened 2018 — check <b>this</b>');
    await lib.setTags('energy, to verify');
    // Leaving a field saves it (the button does the same).
    await lib.leaveFieldAndWaitSaved();
    await waitInPage(lib.page, () => document.querySelectorAll('.snippet-row .chip.tag').length === 2, 'the tags');
    expect(await lib.tagChipsInList()).toBe(2);
    const edited = (await lib.records())!.find((r) => r.id === pipeline.id)!;
    expect(edited).toMatchObject({ note: 'Opened 2018 — check <b>this</b>', tags: ['energy', 'to verify'] });
    // Text, never markup: the note shows its angle brackets.
    expect(await lib.noteInList()).toContain('<b>this</b>');

    await lib.deleteOpenSnippet();
    expect(await lib.banner()).toMatch(/Deleted 1 snippet/);
    await lib.waitForCount(1);
    expect((await lib.records())!.map((r) => r.id)).toEqual([SEEDED[1]!.id]);
    await lib.undo();
    await lib.waitForCount(2);
    expect((await lib.records())!.find((r) => r.id === pipeline.id)).toEqual(edited);
    await lib.close();
  });

  it('keeps the snippets through an extension reload', async () => {
    // Saved from the article this server serves, so the reloaded background shows it has them by painting them there.
    const url = server.url('/snippets-article.html');
    const records = SEEDED.map((r) => ({ ...r, url }));
    const sorted = [...records].sort((a, b) => a.id.localeCompare(b.id));
    const before = await LibraryPage.open(lens!, { records });
    expect(await before.records()).toEqual(sorted);
    await before.close();
    await lens!.reloadExtension();
    const page = await lens!.openPage(url);
    await waitForScanReport(page);
    await waitInPage(
      page,
      () =>
        (CSS as unknown as { highlights: Map<string, { size: number }> }).highlights.get('lens-snippet')?.size === 2,
      'the two saved passages to be painted',
    );
    await page.close();
    const lib = await LibraryPage.open(lens!);
    await lib.waitForCount(2);
    expect(await lib.records()).toEqual(sorted);
    await lib.close();
  });

  it('keeps the snippets through a browser restart on the same profile, and exports them', async () => {
    await (await seededLibrary()).close();
    await relaunch(profile);
    const lib = await LibraryPage.open(lens!);
    await lib.waitForCount(2);
    expect(await lib.records()).toEqual(SEEDED_SORTED);
    const file = await lib.download('JSON');
    expect(file.name).toMatch(/^caspian-lens-snippets-\d{4}-\d\d-\d\d\.json$/);
    expect((JSON.parse(file.text) as { snippets: unknown[] }).snippets).toHaveLength(2);
    const md = await lib.download('Markdown');
    expect(md.text).toContain('> The pipeline opened in 2018.');
    const csv = await lib.download('CSV');
    expect(csv.text.split('\r\n')[0]).toContain('id,created,title,url');
    expect(csv.text).toContain('seed-0000-declaration');
    await lib.close();
  });

  it('imports the export into a fresh profile, equal to the original, and importing twice doubles nothing', async () => {
    const source = await seededLibrary();
    const exported = (await source.download('JSON')).text;
    await source.close();
    await relaunch(newProfile());
    const lib = await LibraryPage.open(lens!);
    await lib.waitForCount(0);
    await lib.provideFile('Import…', 'export.json', exported);
    expect(await lib.banner()).toMatch(/Imported 2 snippets/);
    await lib.waitForCount(2);
    expect(await lib.records()).toEqual(SEEDED_SORTED);

    const before = await lib.currentBanner();
    await lib.provideFile('Import…', 'export-again.json', exported);
    expect(await lib.banner(before)).toMatch(/Imported 0 snippets \(2 were already in the library\)/);
    expect(await lib.records()).toEqual(SEEDED_SORTED);
    await lib.close();
  });

  it('refuses bad import files with a clear message and changes nothing', async () => {
    const lib = await seededLibrary();
    const exported = (await lib.download('JSON')).text;
    const good = JSON.parse(exported) as { snippets: Record<string, unknown>[] };
    const withRecord = (patch: Record<string, unknown>) =>
      JSON.stringify({ ...good, snippets: [{ ...good.snippets[0], ...patch }, good.snippets[1]] });
    const table: [string, string, RegExp, number?][] = [
      ['malformed JSON', '{"format": "caspian-lens/snippets",, }', /not valid JSON/],
      ['truncated export', exported.slice(0, Math.floor(exported.length * 0.6)), /truncated/],
      ['foreign JSON', JSON.stringify({ version: 2, items: [1, 2] }), /not a Caspian Lens export/],
      ['newer version', exported.replace('"version": 3', '"version": 7'), /newer Caspian Lens/],
      ['count mismatch', exported.replace('"count": 2', '"count": 5'), /says it holds 5/],
      ['record with markup id', withRecord({ id: '<img src=x onerror=alert(1)>' }), /id is missing or malformed/],
      ['record with a number for text', withRecord({ text: 42 }), /text is missing or not text/],
      ['too large (21 MB)', exported, /too large \(21\.0 MB\)/, 21 * 1024 * 1024],
    ];
    let previous = await lib.currentBanner();
    for (const [name, text, message, padTo] of table) {
      await lib.provideFile('Import…', `${name}.json`, text, padTo ?? 0);
      previous = await lib.banner(previous);
      expect(previous, name).toMatch(message);
      expect(previous, name).toMatch(/nothing was (imported|changed)/i);
      expect(await lib.records(), name).toEqual(SEEDED_SORTED);
    }
    await lib.close();
  });

  it('upgrades a version-1 database in place', async () => {
    let lib = await LibraryPage.open(lens!);
    // What the first release left on disk: schema 1 (one store, a createdAt index) holding v1 records.
    await lib.page.evaluate(async (records) => {
      await new Promise<void>((resolve, reject) => {
        const del = indexedDB.deleteDatabase('caspian-lens-snippets');
        del.onsuccess = () => resolve();
        del.onerror = () => reject(del.error);
      });
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('caspian-lens-snippets', 1);
        open.onupgradeneeded = () => {
          const store = open.result.createObjectStore('snippets', { keyPath: 'id' });
          store.createIndex('createdAt', 'createdAt');
          for (const r of records) store.put(r);
        };
        open.onsuccess = () => {
          open.result.close();
          resolve();
        };
        open.onerror = () => reject(open.error);
      });
    }, V1_RECORDS);
    await lib.close();
    lib = await LibraryPage.open(lens!);
    await lib.waitForCount(2);
    const upgraded = (await lib.records())!;
    expect(upgraded).toEqual(
      V1_RECORDS.map((r) => ({
        ...r,
        updatedAt: r.createdAt,
        tags: [],
        selector: { type: 'TextQuoteSelector', ...r.selector },
      })),
    );
    const schema = await lib.page.evaluate(
      () =>
        new Promise<{ version: number; indexes: string[] }>((resolve) => {
          const open = indexedDB.open('caspian-lens-snippets');
          open.onsuccess = () => {
            const db = open.result;
            const indexes = [...db.transaction('snippets').objectStore('snippets').indexNames].sort();
            resolve({ version: db.version, indexes });
            db.close();
          };
        }),
    );
    expect(schema).toEqual({ version: 3, indexes: ['createdAt', 'entityIds', 'tags', 'url'] });
    expect(await lib.rowTexts()).toEqual([V1_RECORDS[1]!.text, V1_RECORDS[0]!.text]);
    await lib.close();
  });

  it('backs up and restores everything: snippets and settings', async () => {
    const lib = await seededLibrary();
    const setSettings = (paused: boolean) =>
      lib.page.evaluate(async (paused) => {
        const api = ((globalThis as { browser?: unknown }).browser ?? (globalThis as { chrome?: unknown }).chrome) as {
          storage: { local: { set(v: object): Promise<void> } };
        };
        await api.storage.local.set({ settings: { version: 1, paused, dwellMs: 650 } });
      }, paused);
    const readSettings = () =>
      lib.page.evaluate(async () => {
        const api = ((globalThis as { browser?: unknown }).browser ?? (globalThis as { chrome?: unknown }).chrome) as {
          storage: { local: { get(k: string): Promise<Record<string, unknown>> } };
        };
        return (await api.storage.local.get('settings')).settings as Record<string, unknown>;
      });
    await setSettings(true);
    const settingsBefore = await readSettings();
    const backup = await lib.download('Back up everything');
    expect(backup.name).toMatch(/^caspian-lens-backup-/);
    expect(JSON.parse(backup.text)).toMatchObject({
      format: 'caspian-lens/backup',
      count: 2,
      settings: { settings: { paused: true } },
    });

    // Lose everything, then restore from the file.
    await lib.deleteAll(2);
    await lib.waitForCount(0);
    await setSettings(false);
    const shownBefore = await lib.currentBanner();
    await lib.provideFile('Restore…', 'backup.json', backup.text);
    expect(await lib.banner(shownBefore)).toMatch(/Restored 2 snippets and your settings/);
    await lib.waitForCount(2);
    expect(await lib.records()).toEqual(SEEDED_SORTED);
    expect(await readSettings()).toMatchObject({ paused: true, dwellMs: settingsBefore.dwellMs });
    await lib.close();
  });
});
