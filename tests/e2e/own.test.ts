/**
 * The reader's own material end to end, in Chromium and Firefox with the built extension and its real IndexedDB:
 * the version-3 upgrade of a database of today's (version 2) shape, the card's own section (your snippets, your
 * note written on the card, removed and taken back), and backup and restore of notes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findMark } from './cards-driver';
import { browsersUnderTest, launchLensBrowser } from '../../automation/browsers';
import { waitForScanReport, waitInPage, type LensBrowser, type LensPage } from '../../automation/lens-browser';
import { startStaticServer, type StaticServer } from '../../automation/static-server';
import {
  bannerText,
  clickAndCaptureDownload,
  clickAndProvideFile,
  readAllRecords,
  saveVia,
  selectText,
  waitForLibrary,
} from './snippets-driver';

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

/** The card's shadow root text, or '' while no full card is open. */
const ownSectionText = (page: LensPage) =>
  page.evaluate(() => {
    const root = document.querySelector('lens-card-host')?.shadowRoot;
    return root?.querySelector('[data-own-section]')?.textContent ?? '';
  });

/** Clicks a button of the card by its text with the real mouse (the card acts only on real input). */
async function clickCardButton(page: LensPage, label: string): Promise<void> {
  const at = await page.evaluate((label) => {
    const root = document.querySelector('lens-card-host')?.shadowRoot;
    const button = [...(root?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === label);
    if (!button) return null;
    // The card's action row is sticky at its foot: bring the button to the middle of the card's scroll area.
    button.scrollIntoView({ block: 'center' });
    const r = button.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, label);
  if (!at) throw new Error(`no card button "${label}"`);
  await page.click(at.x, at.y);
}

/** Types into the focused field key by key, as a person does (synthetic input is refused by the card). */
async function typeText(page: LensPage, text: string): Promise<void> {
  for (const ch of text) await page.press(ch);
}

const waitForCardFocus = (page: LensPage, label: string) =>
  waitInPage(
    page,
    (label) => document.querySelector('lens-card-host')?.shadowRoot?.activeElement?.textContent?.trim() === label,
    `focus on "${label}"`,
    5_000,
    label,
  );

async function openCard(page: LensPage, text: string): Promise<void> {
  const mark = await findMark(page, text);
  await page.hover(mark.x, mark.y);
  await waitInPage(
    page,
    () => !!document.querySelector('lens-card-host')?.shadowRoot?.querySelector('.lens-card:not(.lens-loading)'),
    'the card to open',
  );
}

function readStore(page: LensPage, store: string): Promise<Record<string, unknown>[]> {
  return page.evaluate(
    (store) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const open = indexedDB.open('caspian-lens-snippets');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction(store).objectStore(store).getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result as Record<string, unknown>[]);
          };
          all.onerror = () => reject(all.error);
        };
      }),
    store,
  );
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
    let lib = await lens!.openExtensionPage('library.html');
    await waitForLibrary(lib);
    await lib.evaluate(async (records) => {
      // The extension's own pages and background reopen the database as soon as it is deleted, at the current version;
      // a v2 open that loses that race gets a VersionError, so delete and try again until the v2 database stands.
      const recreate = () =>
        new Promise<boolean>((resolve, reject) => {
          const del = indexedDB.deleteDatabase('caspian-lens-snippets');
          del.onerror = () => reject(del.error);
          del.onsuccess = () => {
            // Exactly what versions 1 and 2 of the schema leave on disk.
            const open = indexedDB.open('caspian-lens-snippets', 2);
            open.onupgradeneeded = () => {
              const store = open.result.createObjectStore('snippets', { keyPath: 'id' });
              store.createIndex('createdAt', 'createdAt');
              store.createIndex('url', 'url');
              store.createIndex('tags', 'tags', { multiEntry: true });
              store.createIndex('entityIds', 'entityIds', { multiEntry: true });
              for (const r of records) store.put(r);
            };
            open.onsuccess = () => {
              open.result.close();
              resolve(true);
            };
            open.onerror = () => (open.error?.name === 'VersionError' ? resolve(false) : reject(open.error));
          };
        });
      for (let attempt = 0; attempt < 20; attempt++) if (await recreate()) return;
      throw new Error('could not recreate the version 2 database');
    }, V2_RECORDS);
    await lib.close();
    lib = await lens!.openExtensionPage('library.html');
    await waitForLibrary(lib, 2);
    expect(await readAllRecords(lib)).toEqual(V2_RECORDS);
    const schema = await lib.evaluate(
      () =>
        new Promise<{ version: number; stores: string[]; quoteIndexes: string[] }>((resolve) => {
          const open = indexedDB.open('caspian-lens-snippets');
          open.onsuccess = () => {
            const db = open.result;
            const quoteIndexes = [...db.transaction('sourceQuotes').objectStore('sourceQuotes').indexNames].sort();
            resolve({ version: db.version, stores: [...db.objectStoreNames].sort(), quoteIndexes });
            db.close();
          };
        }),
    );
    expect(schema).toEqual({
      version: 3,
      stores: ['names', 'notes', 'snippets', 'sourceQuotes', 'sources'],
      quoteIndexes: ['entityId', 'sourceId'],
    });
    await lib.close();
  });

  it('shows your snippets on the card, apart from the fact base, and keeps a note written on the card', async () => {
    const url = server.url('/snippets-article.html');
    const page = await lens!.openPage(url);
    await waitForScanReport(page);
    await selectText(page, 'p2');
    await saveVia(lens!, 'command', url);
    await page.close();

    const again = await lens!.openPage(url);
    await waitForScanReport(again);
    await openCard(again, 'TANAP');
    // Two snippets name TANAP: the upgraded one and the passage just saved, newest first.
    const text = await waitInPage(
      again,
      () => {
        const t = document
          .querySelector('lens-card-host')
          ?.shadowRoot?.querySelector('[data-own-section]')?.textContent;
        return t?.includes('Your snippets') ? t : null;
      },
      'the card’s own section',
    );
    expect(text).toContain('your own material, not from the fact base');
    expect(text).toContain('Your snippets (2)');
    expect(text.indexOf('Middle Corridor cargo doubles')).toBeLessThan(text.indexOf('TANAP carries gas'));
    // The section comes after the fact base's sections.
    const order = await again.evaluate(() => {
      const root = document.querySelector('lens-card-host')!.shadowRoot!;
      const sections = [...root.querySelectorAll('.lens-card section')];
      return sections.map((s) => s.hasAttribute('data-own-section'));
    });
    expect(order.at(-1)).toBe(true);
    expect(order.filter(Boolean)).toHaveLength(1);

    await clickCardButton(again, 'Add a note');
    // The editor takes focus; the note is typed and saved from the keyboard.
    await waitInPage(
      again,
      () => document.querySelector('lens-card-host')?.shadowRoot?.activeElement?.tagName === 'TEXTAREA',
      'focus in the note editor',
    );
    await typeText(again, 'Ask about the 2026 expansion.');
    await again.press('Tab');
    await waitForCardFocus(again, 'Save note');
    await again.press('Enter');
    await waitInPage(
      again,
      () =>
        document
          .querySelector('lens-card-host')
          ?.shadowRoot?.querySelector('.lens-own-status')
          ?.textContent?.includes('Note saved'),
      'the note to be saved',
    );
    const lib = await lens!.openExtensionPage('library.html');
    await waitForLibrary(lib);
    expect(await readStore(lib, 'notes')).toEqual([
      {
        entityId: 'tanap',
        text: 'Ask about the 2026 expansion.',
        createdAt: expect.any(Number),
        updatedAt: expect.any(Number),
      },
    ]);

    // Removing the note can be undone.
    // After saving, focus is on "Edit note"; the next Tab reaches "Remove note" (a keyboard walk, no focus() call).
    await waitForCardFocus(again, 'Edit note');
    await again.press('Tab');
    await waitForCardFocus(again, 'Remove note');
    await clickCardButton(again, 'Remove note');
    await waitInPage(
      again,
      () =>
        document
          .querySelector('lens-card-host')
          ?.shadowRoot?.querySelector('.lens-own-status')
          ?.textContent?.includes('Note removed'),
      'the removal',
    );
    expect(await readStore(lib, 'notes')).toEqual([]);
    await waitForCardFocus(again, 'Undo');
    await clickCardButton(again, 'Undo');
    await waitInPage(
      again,
      () =>
        document.querySelector('lens-card-host')?.shadowRoot?.querySelector('.lens-own-note')?.textContent ===
        'Ask about the 2026 expansion.',
      'the note back on the card',
    );
    expect((await readStore(lib, 'notes')).map((n) => n.text)).toEqual(['Ask about the 2026 expansion.']);
    await again.close();

    // A card opened afresh shows the stored note.
    const third = await lens!.openPage(url);
    await waitForScanReport(third);
    await openCard(third, 'TANAP');
    await waitInPage(
      third,
      () =>
        document.querySelector('lens-card-host')?.shadowRoot?.querySelector('.lens-own-note')?.textContent ===
        'Ask about the 2026 expansion.',
      'the stored note on a new card',
    );
    expect(await ownSectionText(third)).toContain('Your note');
    await third.close();
    await lib.close();
  });

  it('backs up and restores your notes with the snippets', async () => {
    const lib = await lens!.openExtensionPage('library.html');
    await waitForLibrary(lib);
    const backup = await clickAndCaptureDownload(lib, 'Back up everything');
    const file = JSON.parse(backup.text) as { version: number; own: { notes: { entityId: string }[] } };
    expect(file.version).toBe(3);
    expect(file.own.notes.map((n) => n.entityId)).toEqual(['tanap']);
    await lib.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('caspian-lens-snippets');
          open.onsuccess = () => {
            const tx = open.result.transaction('notes', 'readwrite');
            tx.objectStore('notes').clear();
            tx.oncomplete = () => (open.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    expect(await readStore(lib, 'notes')).toEqual([]);
    const before = await bannerText(lib);
    await clickAndProvideFile(lib, 'Restore…', 'backup.json', backup.text);
    expect(await bannerText(lib, before)).toMatch(/Restored \d+ snippets, 1 note/);
    expect((await readStore(lib, 'notes')).map((n) => n.text)).toEqual(['Ask about the 2026 expansion.']);
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
    const lib = await lens!.openExtensionPage('library.html');
    await waitForLibrary(lib);
    const write = (put: unknown[], remove: string[]) =>
      lib.evaluate(
        ({ put, remove }) =>
          new Promise<void>((resolve, reject) => {
            const open = indexedDB.open('caspian-lens-snippets');
            open.onsuccess = () => {
              const tx = open.result.transaction('snippets', 'readwrite');
              for (const r of put) tx.objectStore('snippets').put(r);
              for (const id of remove) tx.objectStore('snippets').delete(id);
              tx.oncomplete = () => {
                open.result.close();
                // As the library does after writing snippets: the background reads cards' material afresh.
                new BroadcastChannel('caspian-lens-snippets').postMessage('changed');
                resolve();
              };
              tx.onerror = () => reject(tx.error);
            };
          }),
        { put, remove },
      );
    await write([...named, ...others], []);
    // What a card asks the background for, asked from the library (an extension page may ask what a card does).
    const own = await lib.evaluate(async () => {
      type Send = (m: unknown) => Promise<{ own?: { snippetCount: number; snippets: { id: string }[] } } | null>;
      const g = globalThis as unknown as {
        browser?: { runtime: { sendMessage: Send } };
        chrome: { runtime: { sendMessage: Send } };
      };
      return (await (g.browser ?? g.chrome).runtime.sendMessage({ type: 'get-entity', id: 'baku-supsa-pipeline' }))
        ?.own;
    });
    expect(own?.snippetCount).toBe(45);
    expect(own?.snippets.map((s) => s.id)).toEqual(['supsa-44', 'supsa-43']);
    await write(
      [],
      [...named, ...others].map((r) => r.id),
    );
    await lib.close();
  });
});
