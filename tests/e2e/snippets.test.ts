/**
 * Snippets end to end, in Chromium and Firefox with the built extension: save by the keyboard-command and
 * context-menu routes (called directly in the background: automation can neither press a browser-level shortcut
 * nor click a browser menu), find them in the library, edit, delete with undo, survive an extension reload and a
 * browser restart on the same profile, export from one profile and import into a fresh one, refuse bad files
 * without changing anything, upgrade a version-1 database, and back up and restore everything.
 * The hover card's "Save snippet" sends the same validated `save-snippet` message (covered by the card's tests and
 * by tests/unit/snippets-page-saves.test.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browsersUnderTest, launchLensBrowser } from '../../automation/browsers';
import { waitForScanReport, waitInPage, type LensBrowser, type LensPage } from '../../automation/lens-browser';
import { startStaticServer, type StaticServer } from '../../automation/static-server';
import {
  bannerText,
  clickAndCaptureDownload,
  clickAndProvideFile,
  saveVia,
  readAllRecords,
  selectText,
  waitForLibrary,
} from './snippets-driver';

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

const collapse = (s: unknown) => String(s).replace(/\s+/g, ' ');
const rowTexts = (page: LensPage) =>
  page.evaluate(() => [...document.querySelectorAll('.snippet-row .row-text')].map((p) => p.textContent ?? ''));

function setInput(page: LensPage, selector: string, value: string): Promise<void> {
  return page.evaluate(
    ({ selector, value }) => {
      const el = document.querySelector(selector) as HTMLInputElement | HTMLTextAreaElement;
      el.focus();
      el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    { selector, value },
  );
}

function clickButton(page: LensPage, label: string, scope = 'body'): Promise<void> {
  return page.evaluate(
    ({ label, scope }) => {
      const button = [...document.querySelectorAll(`${scope} button`)].find(
        (b) => b.textContent?.trim() === label,
      ) as HTMLButtonElement;
      if (!button) throw new Error(`no button "${label}"`);
      button.click();
    },
    { label, scope },
  );
}

describe.each(browsersUnderTest())('%s: snippets', (browserName) => {
  let server: StaticServer;
  const profiles: string[] = [];
  let lens: LensBrowser | null = null;
  let saved: Record<string, unknown>[] = [];
  const newProfile = () => {
    const dir = mkdtempSync(join(tmpdir(), `lens-snippets-${browserName}-`));
    profiles.push(dir);
    return dir;
  };

  beforeAll(async () => {
    server = await startStaticServer();
    lens = await launchLensBrowser(browserName, { profileDir: newProfile() });
  });

  afterAll(async () => {
    await lens?.close().catch(() => undefined);
    await server?.close();
    for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
  });

  it('saves a selection through the keyboard-command route, with its quote selector and entities', async () => {
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
    const lib = await lens!.openExtensionPage('library.html');
    await waitForLibrary(lib, 2);
    // The library asked for persistent storage and shows the answer (which one depends on the browser).
    const persisted = await waitInPage(
      lib,
      () => document.documentElement.dataset.storagePersisted ?? null,
      'the persist() answer',
    );
    expect(['true', 'false']).toContain(persisted);
    console.info(`[snippets] ${browserName}: navigator.storage.persist() → ${persisted}`);
    const texts = await rowTexts(lib);
    expect(texts[0]).toMatch(/^Ilham Aliyev and Kassym-Jomart Tokayev/);
    expect(texts[1]).toBe('The pipeline opened in 2018.');

    const records = (await readAllRecords(lib))!;
    const pipeline = records.find((r) => r.text === 'The pipeline opened in 2018.')!;
    const selector = pipeline.selector as { type: string; exact: string; prefix: string; suffix: string };
    expect(selector.type).toBe('TextQuoteSelector');
    expect(selector.exact).toBe('The pipeline opened in 2018.');
    expect(collapse(selector.prefix)).toMatch(/reaches Europe through TAP\. $/);
    expect(collapse(selector.suffix)).toMatch(/^ Critics said/);
    expect(pipeline.url).toBe(server.url('/snippets-article.html'));
    expect(pipeline.title).toBe('Middle Corridor cargo doubles | The Caspian Ledger');

    await setInput(lib, 'input.search', 'astana');
    await waitInPage(lib, () => document.querySelectorAll('.snippet-row').length === 1, 'one search result');
    await setInput(lib, 'input.search', '');

    // Open the pipeline snippet and give it a note and tags.
    await lib.evaluate(() => (document.querySelectorAll('.snippet-row')[1] as HTMLElement).click());
    await waitInPage(lib, () => document.querySelector('.detail textarea') !== null, 'the detail pane');
    await setInput(lib, '.detail textarea', 'Opened 2018 — check <b>this</b>');
    await setInput(lib, '.detail input[type=text]', 'energy, to verify');
    // Leaving a field saves it (the button does the same).
    await lib.evaluate(() => (document.activeElement as HTMLElement).blur());
    await waitInPage(lib, () => document.querySelector('.save-state')?.textContent === 'Saved.', 'the save');
    await waitInPage(
      lib,
      () => document.querySelectorAll('.snippet-row .chip.tag').length === 2,
      'the tags in the list',
    );
    const edited = (await readAllRecords(lib))!.find((r) => r.id === pipeline.id)!;
    expect(edited).toMatchObject({ note: 'Opened 2018 — check <b>this</b>', tags: ['energy', 'to verify'] });
    // Text, never markup: the note shows its angle brackets.
    expect(await lib.evaluate(() => document.querySelector('.row-note')?.textContent)).toContain('<b>this</b>');

    await clickButton(lib, 'Delete', '.detail');
    expect(await bannerText(lib)).toMatch(/Deleted 1 snippet/);
    await waitForLibrary(lib, 1);
    await clickButton(lib, 'Undo', '.banner');
    await waitForLibrary(lib, 2);
    saved = (await readAllRecords(lib))!;
    expect(saved.find((r) => r.id === pipeline.id)).toEqual(edited);
    await lib.close();
  });

  it('keeps the snippets through an extension reload', async () => {
    await lens!.reloadExtension();
    const lib = await lens!.openExtensionPage('library.html');
    await waitForLibrary(lib, 2);
    expect(await readAllRecords(lib)).toEqual(saved);
    await lib.close();
  });

  let exported = '';
  it('keeps the snippets through a browser restart on the same profile', async () => {
    await lens!.close();
    lens = await launchLensBrowser(browserName, { profileDir: profiles[0]! });
    const lib = await lens.openExtensionPage('library.html');
    await waitForLibrary(lib, 2);
    expect(await readAllRecords(lib)).toEqual(saved);
    const file = await clickAndCaptureDownload(lib, 'JSON');
    expect(file.name).toMatch(/^caspian-lens-snippets-\d{4}-\d\d-\d\d\.json$/);
    exported = file.text;
    const md = await clickAndCaptureDownload(lib, 'Markdown');
    expect(md.text).toContain('> The pipeline opened in 2018.');
    const csv = await clickAndCaptureDownload(lib, 'CSV');
    expect(csv.text.split('\r\n')[0]).toContain('id,created,title,url');
    await lib.close();
  });

  it('imports the export into a fresh profile, equal to the original, and importing twice doubles nothing', async () => {
    await lens!.close();
    lens = await launchLensBrowser(browserName, { profileDir: newProfile() });
    const lib = await lens.openExtensionPage('library.html');
    await waitForLibrary(lib, 0);
    await clickAndProvideFile(lib, 'Import…', 'export.json', exported);
    expect(await bannerText(lib)).toMatch(/Imported 2 snippets/);
    await waitForLibrary(lib, 2);
    expect(await readAllRecords(lib)).toEqual(saved);

    const before = await lib.evaluate(() => document.querySelector('.banner')?.textContent ?? '');
    await clickAndProvideFile(lib, 'Import…', 'export-again.json', exported);
    expect(await bannerText(lib, before)).toMatch(/Imported 0 snippets \(2 were already in the library\)/);
    expect(await readAllRecords(lib)).toEqual(saved);
    await lib.close();
  });

  it('refuses bad import files with a clear message and changes nothing', async () => {
    const lib = await lens!.openExtensionPage('library.html');
    await waitForLibrary(lib, 2);
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
    let previous = '';
    for (const [name, text, message, padTo] of table) {
      await clickAndProvideFile(lib, 'Import…', `${name}.json`, text, padTo ?? 0);
      previous = await bannerText(lib, previous);
      expect(previous, name).toMatch(message);
      expect(previous, name).toMatch(/nothing was (imported|changed)/i);
      expect(await readAllRecords(lib), name).toEqual(saved);
    }
    await lib.close();
  });

  it('upgrades a version-1 database in place', async () => {
    let lib = await lens!.openExtensionPage('library.html');
    await waitForLibrary(lib, 2);
    // What the first release left on disk: schema 1 (one store, a createdAt index) holding v1 records.
    await lib.evaluate(async (records) => {
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
    lib = await lens!.openExtensionPage('library.html');
    await waitForLibrary(lib, 2);
    const upgraded = (await readAllRecords(lib))!;
    expect(upgraded).toEqual(
      V1_RECORDS.map((r) => ({
        ...r,
        updatedAt: r.createdAt,
        tags: [],
        selector: { type: 'TextQuoteSelector', ...r.selector },
      })),
    );
    const schema = await lib.evaluate(
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
    expect(await rowTexts(lib)).toEqual([V1_RECORDS[1]!.text, V1_RECORDS[0]!.text]);
    await lib.close();
  });

  it('backs up and restores everything: snippets and settings', async () => {
    const lib = await lens!.openExtensionPage('library.html');
    await waitForLibrary(lib, 2);
    const setSettings = (paused: boolean) =>
      lib.evaluate(async (paused) => {
        const api = ((globalThis as { browser?: unknown }).browser ?? (globalThis as { chrome?: unknown }).chrome) as {
          storage: { local: { set(v: object): Promise<void> } };
        };
        await api.storage.local.set({ settings: { version: 1, paused, dwellMs: 650 } });
      }, paused);
    const readSettings = () =>
      lib.evaluate(async () => {
        const api = ((globalThis as { browser?: unknown }).browser ?? (globalThis as { chrome?: unknown }).chrome) as {
          storage: { local: { get(k: string): Promise<Record<string, unknown>> } };
        };
        return (await api.storage.local.get('settings')).settings as Record<string, unknown>;
      });
    await setSettings(true);
    const settingsBefore = await readSettings();
    const recordsBefore = await readAllRecords(lib);
    const backup = await clickAndCaptureDownload(lib, 'Back up everything');
    expect(backup.name).toMatch(/^caspian-lens-backup-/);
    expect(JSON.parse(backup.text)).toMatchObject({
      format: 'caspian-lens/backup',
      count: 2,
      settings: { settings: { paused: true } },
    });

    // Lose everything, then restore from the file.
    await lib.evaluate(() => (document.querySelector('.select-all input') as HTMLInputElement).click());
    await clickButton(lib, 'Delete 2');
    await waitForLibrary(lib, 0);
    await setSettings(false);
    const shownBefore = await lib.evaluate(() => document.querySelector('.banner')?.textContent ?? '');
    await clickAndProvideFile(lib, 'Restore…', 'backup.json', backup.text);
    expect(await bannerText(lib, shownBefore)).toMatch(/Restored 2 snippets and your settings/);
    await waitForLibrary(lib, 2);
    expect(await readAllRecords(lib)).toEqual(recordsBefore);
    expect(await readSettings()).toMatchObject({ paused: true, dwellMs: settingsBefore.dwellMs });
    await lib.close();
  });
});
