/**
 * The reader's own names and sources end to end, in Chromium and Firefox, with the built extension and its real
 * IndexedDB: "Track this name" from a selection (the context menu's route) and from the popup, with empty and
 * one-letter names refused; own names marked on a page by the same rules as the fact base's and their card built
 * from the reader's material; own sources added by paste and from the current page (Readability), bad files
 * refused without leaving anything behind, removal taking every quote a source gave, and undo.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findMark } from './cards-driver';
import { browsersUnderTest, launchLensBrowser } from '../../automation/browsers';
import { waitForScanReport, waitInPage, type LensBrowser, type LensPage } from '../../automation/lens-browser';
import { startStaticServer, type StaticServer } from '../../automation/static-server';
import { bannerText, waitForLibrary } from './snippets-driver';
import { containing, enPlural, enText, exactly } from './catalog-text';

const NAME = 'Rovshan Mammadli';
const SOURCE_TEXT = [
  'Field notes from Eskişehir.',
  'Rovshan Mammadli met the TANAP operator on Monday. He asked about the metering units.',
  'Nobody else was named in the meeting.',
].join('\n\n');

type Row = Record<string, unknown>;

function readStore(page: LensPage, store: string): Promise<Row[]> {
  return page.evaluate(
    (store) =>
      new Promise<Row[]>((resolve, reject) => {
        const open = indexedDB.open('caspian-lens-snippets');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction(store).objectStore(store).getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result as Row[]);
          };
          all.onerror = () => reject(all.error);
        };
      }),
    store,
  );
}

/** Reloads an extension page with a query string and waits for it to load. */
async function goTo(page: LensPage, search: string, ready: string): Promise<void> {
  await page.evaluate((s) => {
    location.search = s;
  }, search);
  await waitInPage(
    page,
    ({ s, ready }) => location.search === s && document.readyState === 'complete' && !!document.querySelector(ready),
    `the page at ${search}`,
    15_000,
    { s: search, ready },
  );
}

/** Sets form fields by their `name` as typing would (input and change events), inside `scope`. */
function fill(page: LensPage, scope: string, values: Record<string, string>): Promise<void> {
  return page.evaluate(
    ({ scope, values }) => {
      const form = document.querySelector(scope);
      if (!form) throw new Error(`no ${scope}`);
      for (const [name, value] of Object.entries(values)) {
        const el = form.querySelector<HTMLInputElement>(`[name="${name}"]`);
        if (!el) throw new Error(`no field ${name} in ${scope}`);
        el.value = value;
        el.dispatchEvent(new Event('input', { bubbles: true }));
        el.dispatchEvent(new Event('change', { bubbles: true }));
      }
    },
    { scope, values },
  );
}

function clickButton(page: LensPage, label: string | RegExp, scope = 'body'): Promise<void> {
  const pattern = typeof label === 'string' ? `^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$` : label.source;
  return page.evaluate(
    ({ pattern, scope }) => {
      const re = new RegExp(pattern);
      const button = [...document.querySelectorAll<HTMLButtonElement>(`${scope} button`)].find((b) =>
        re.test(b.textContent?.trim() ?? ''),
      );
      if (!button) throw new Error(`no button ${pattern} in ${scope}`);
      button.click();
    },
    { pattern, scope },
  );
}

const textOf = (page: LensPage, selector: string, what: string, pattern: RegExp) =>
  waitInPage(
    page,
    ({ selector, source }) => {
      const t = document.querySelector(selector)?.textContent ?? '';
      return new RegExp(source).test(t) ? t : null;
    },
    what,
    15_000,
    { selector, source: pattern.source },
  );

/** Hands the library's file picker a file made in the page: `bytes` as numbers, or `size` bytes of `fill`. */
function pickFile(page: LensPage, name: string, file: { bytes?: number[]; size?: number; fill?: number }) {
  return page.evaluate(
    ({ name, file }) => {
      const input = document.querySelector<HTMLInputElement>('[data-own-form="source"] input[type="file"]');
      if (!input) throw new Error('no file input');
      const body = file.bytes ? new Uint8Array(file.bytes) : new Uint8Array(file.size!).fill(file.fill ?? 65);
      const transfer = new DataTransfer();
      transfer.items.add(new File([body], name));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    { name, file },
  );
}

const problemIs = (page: LensPage, pattern: RegExp, previous: string) =>
  waitInPage(
    page,
    ({ source, previous }) => {
      const t = document.querySelector('[data-own-form] .own-problem')?.textContent ?? '';
      return t && t !== previous && new RegExp(source).test(t) ? t : null;
    },
    `the message ${pattern}`,
    15_000,
    { source: pattern.source, previous },
  );

describe.each(browsersUnderTest())('%s: your own names and sources', (browserName) => {
  let server: StaticServer;
  let lens: LensBrowser | null = null;
  let profile = '';
  let lib: LensPage;
  let ownId = '';

  beforeAll(async () => {
    server = await startStaticServer();
    profile = mkdtempSync(join(tmpdir(), `lens-own-names-${browserName}-`));
    lens = await launchLensBrowser(browserName, { profileDir: profile });
    lib = await lens.openExtensionPage('library.html');
    await waitForLibrary(lib);
  });

  afterAll(async () => {
    await lens?.close().catch(() => undefined);
    await server?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('"Track this name" on a selection opens the names form with it; empty and one-letter names are refused', async () => {
    // The context menu's own route (automation cannot click a browser menu), with a selection as a reader makes one.
    const url = await lens!.evaluateInBackground(
      (text, background) =>
        (background as unknown as { lensTrackMenu(t: string): Promise<string> }).lensTrackMenu(text),
      ' “Rovshan\n Mammadli”, ',
    );
    expect(url).toMatch(/\/library\.html\?track=Rovshan%20Mammadli$/);
    await goTo(lib, '?track=Rovshan%20Mammadli', '[data-own-form="name"]');
    const form = '[data-own-form="name"]';
    // The name field is filled in and has the focus: the reader goes on with the other spellings or the type.
    expect(
      await waitInPage(
        lib,
        () => {
          const el = document.activeElement as HTMLInputElement | null;
          return el?.name === 'name' ? el.value : null;
        },
        'focus in the filled-in name field',
      ),
    ).toBe(NAME);

    const track = enText('ownTrackTitle');
    await fill(lib, form, { name: '  ' });
    await clickButton(lib, track, form);
    let shown = await problemIs(lib, exactly(enText('ownNameEmpty')), '');
    await fill(lib, form, { name: 'R.' });
    await clickButton(lib, track, form);
    shown = await problemIs(lib, exactly(enText('ownNameShort', 'R.')), shown);
    await fill(lib, form, { name: NAME, aliases: 'M' });
    await clickButton(lib, track, form);
    await problemIs(lib, exactly(enText('ownAliasShort', 'M')), shown);
    expect(await readStore(lib, 'names')).toEqual([]);

    await fill(lib, form, {
      name: NAME,
      aliases: 'Мамедли Ровшан, Mammadli',
      type: 'person',
      summary: 'Deputy minister of energy since the autumn.',
    });
    await clickButton(lib, track, form);
    expect(await bannerText(lib)).toMatch(containing(enText('ownTracking', NAME)));
    const names = await readStore(lib, 'names');
    expect(names).toMatchObject([
      { name: NAME, aliases: ['Мамедли Ровшан', 'Mammadli'], type: 'person', summary: expect.stringMatching(/Deputy/) },
    ]);
    ownId = names[0]!.id as string;
    expect(ownId).toMatch(/^own-name-/);
  });

  it('adds a pasted source, refuses bad files without storing anything, and removes a source with undo', async () => {
    await goTo(lib, '?view=sources', '[data-own-form="source"]');
    const form = '[data-own-form="source"]';
    await fill(lib, form, {
      title: 'My field notes',
      author: 'Me',
      date: '2026-11-30',
      stance: 'my own reporting',
      text: SOURCE_TEXT,
    });
    const before = await lib.evaluate(() => document.querySelector('.banner')?.textContent ?? '');
    await clickButton(lib, enText('ownAddSource'), form);
    expect(await bannerText(lib, before)).toMatch(
      containing(enText('ownAdded', 'My field notes', enPlural('ownQuoteCount', 2), enPlural('ownNameCount', 2))),
    );
    const quotes = await readStore(lib, 'sourceQuotes');
    expect(quotes.map((q) => q.entityId).sort()).toEqual([ownId, 'tanap'].sort());
    expect(quotes[0]).toMatchObject({ paragraph: 2, quote: 'Rovshan Mammadli met the TANAP operator on Monday.' });

    // Bad files: a sentence each, and nothing stored.
    let shown = '';
    const bad: [string, { bytes?: number[]; size?: number }, RegExp][] = [
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
      await pickFile(lib, name, file);
      shown = await problemIs(lib, message, shown);
    }
    expect(await readStore(lib, 'sources')).toHaveLength(1);
    expect(await readStore(lib, 'sourceQuotes')).toHaveLength(2);
    // The bad file left the form as it was: no text was taken from it.
    expect(await lib.evaluate(() => document.querySelector<HTMLTextAreaElement>('[name="text"]')!.value)).toBe('');

    // Removal takes every quote the source gave; Undo puts them back.
    const removedBanner = await (async () => {
      const prev = await lib.evaluate(() => document.querySelector('.banner')?.textContent ?? '');
      await clickButton(lib, enText('ownRemove'), '[data-source-id]');
      return bannerText(lib, prev);
    })();
    expect(removedBanner).toMatch(containing(enPlural('ownSourceRemoved', 2, 'My field notes')));
    expect(await readStore(lib, 'sources')).toEqual([]);
    expect(await readStore(lib, 'sourceQuotes')).toEqual([]);
    await clickButton(lib, 'Undo', '.banner');
    await waitInPage(lib, () => !!document.querySelector('[data-source-id]'), 'the source back in the list');
    expect(await readStore(lib, 'sources')).toHaveLength(1);
    expect((await readStore(lib, 'sourceQuotes')).map((q) => q.quote).sort()).toEqual(
      quotes.map((q) => q.quote).sort(),
    );
  });

  it('marks your name on pages by the same rules as the fact base’s, and builds its card from your material', async () => {
    // A note on the name, written in the library's "By name & notes".
    await goTo(lib, '?view=entities', `[data-entity-id="${ownId}"]`);
    await lib.evaluate((id) => {
      const row = document.querySelector(`[data-entity-id="${id}"] details`) as HTMLDetailsElement;
      row.open = true;
      const area = row.querySelector('textarea')!;
      area.value = 'Ask him about the audit.';
      area.dispatchEvent(new Event('input', { bubbles: true }));
    }, ownId);
    await clickButton(lib, enText('cardOwnSaveNote'), `[data-entity-id="${ownId}"]`);
    await waitInPage(lib, () => document.querySelector('.banner')?.textContent?.includes('saved'), 'the note saved');

    const page = await lens!.openPage(server.url('/own/names-article.html'));
    const report = await waitForScanReport(page);
    const mine = report.mentions.filter((m) => m.entityId === ownId);
    // The full name, the surname alone, the Russian alias in the genitive; never inside a longer word.
    expect(mine.map((m) => m.text).sort()).toEqual(['Mammadli', 'Rovshan Mammadli', 'Мамедли Ровшана'].sort());
    expect(report.mentions.some((m) => /mammadlish|Mammadliyev/i.test(m.text))).toBe(false);
    expect(report.mentions.some((m) => m.entityId === 'tanap')).toBe(true);

    const mark = await findMark(page, NAME);
    await page.hover(mark.x, mark.y);
    const card = await waitInPage(
      page,
      () => {
        const root = document.querySelector('lens-card-host')?.shadowRoot;
        const t = root?.querySelector('.lens-card:not(.lens-loading)')?.textContent ?? '';
        return t.includes('From your sources') ? t : null;
      },
      'the card of your name with your material',
    );
    expect(card).toContain(NAME);
    expect(card).toContain('A name you track');
    expect(card).toContain('Deputy minister of energy since the autumn.');
    expect(card).toContain('Rovshan Mammadli met the TANAP operator on Monday.');
    expect(card).toContain('My field notes');
    expect(card).toContain('Ask him about the audit.');
    await page.close();
  });

  it('explore: your material is a layer switched on and off, and its names open their cards', async () => {
    const page = await lens!.openExtensionPage('library.html');
    await page.evaluate(() => {
      location.href = '/explore.html';
    });
    await waitInPage(page, () => document.documentElement.dataset.timelineReady === 'true', 'the timeline');
    const layerShown = () => page.evaluate(() => !!document.querySelector('[data-own-layer]'));
    const layerSwitch = enText('ownPopupHeading');
    if (await layerShown()) await clickButton(page, layerSwitch, '.ex-top-tools');
    expect(await layerShown()).toBe(false);
    await clickButton(page, layerSwitch, '.ex-top-tools');
    const sources = await textOf(page, '[data-own-layer] [data-part="sources"]', 'your sources’ names', /Anatolian/);
    expect(sources).toMatch(/Trans-Anatolian Natural Gas Pipeline\s*1 quote/);
    await textOf(page, '[data-own-layer] [data-part="names"]', 'your names', /Rovshan Mammadli/);
    await clickButton(page, /^Trans-Anatolian/, '[data-own-layer] [data-part="sources"]');
    await textOf(page, '.ex-panel', 'TANAP’s card in the side panel', /Trans-Anatolian Natural Gas Pipeline/);
    await clickButton(page, layerSwitch, '.ex-top-tools');
    await waitInPage(page, () => !document.querySelector('[data-own-layer]'), 'the layer switched off');
    await page.close();
  });

  it('popup: marks names with your material, finds your names, tracks a typed name, adds the page as a source', async () => {
    const articleUrl = server.url('/own/names-article.html');
    const article = await lens!.openPage(articleUrl);
    await waitForScanReport(article);
    const popup = await lens!.openExtensionPage('popup.html');
    const tabId = await popup.evaluate(async (url) => {
      type Api = {
        tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(...a: unknown[]): Promise<unknown> };
      };
      const g = globalThis as unknown as { browser?: Api; chrome: Api };
      const api = g.browser ?? g.chrome;
      for (const tab of await api.tabs.query({})) {
        const r = (await api.tabs
          .sendMessage(tab.id!, { type: 'get-scan-report' }, { frameId: 0 })
          .catch(() => null)) as {
          url?: string;
        } | null;
        if (r?.url === url) return tab.id!;
      }
      return -1;
    }, articleUrl);
    expect(tabId).toBeGreaterThan(-1);
    await goTo(popup, `?tab=${tabId}`, `.page-row[data-entity="${ownId}"]`);

    // "On this page": your name and TANAP carry what you have on them.
    const marker = await textOf(popup, `.page-row[data-entity="${ownId}"] .page-own`, 'your marker', /note/);
    expect(marker).toBe('note · 1 quote');
    // Your name says it is yours and what it is, as the fact base's names say what they are.
    expect(
      await popup.evaluate((id) => {
        const row = document.querySelector(`.page-row[data-entity="${id}"]`)!;
        return [row.querySelector('.own-badge')?.textContent, row.querySelector('.page-type')?.textContent];
      }, ownId),
    ).toEqual(['yours', 'Person']);
    expect(await popup.evaluate(() => document.querySelector('.page-row[data-entity="tanap"] .own-badge'))).toBe(null);
    expect(await textOf(popup, '.page-row[data-entity="tanap"] .page-own', 'TANAP’s marker', /quote/)).toBe('1 quote');
    expect(await popup.evaluate(() => document.querySelector('.page-row[data-entity="shah-deniz"] .page-own'))).toBe(
      null,
    );

    // Search finds your name by its other spelling.
    await popup.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('.search-input')!;
      input.value = 'мамедли';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await textOf(popup, `.result[data-entity="${ownId}"]`, 'your name in the results', /Rovshan Mammadli/);
    expect(
      await popup.evaluate(
        (id) => document.querySelector(`.result[data-entity="${id}"] .own-badge`)?.textContent,
        ownId,
      ),
    ).toBe('yours');

    // Track a typed name: refused when one letter, stored when right, undone (back to the names stored before, so a
    // retry after a half-run attempt checks the same thing).
    const namesBefore = (await readStore(popup, 'names')).map((n) => n.name);
    await popup.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('.search-input')!;
      input.value = 'Qaradag Logistics';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await textOf(popup, '.own-track-query', 'the track button', /Qaradag/);
    await clickButton(popup, 'Track “Qaradag Logistics” as a name');
    const nameForm = '[data-own-panel="track"] [data-own-form="name"]';
    await textOf(popup, '[data-own-panel="track"]', 'the track panel', /Track this name/);
    expect(
      await popup.evaluate((f) => document.querySelector<HTMLInputElement>(`${f} [name="name"]`)?.value, nameForm),
    ).toBe('Qaradag Logistics');
    await fill(popup, nameForm, { name: 'Q' });
    await clickButton(popup, enText('ownTrackTitle'), nameForm);
    await textOf(popup, `${nameForm} .own-problem`, 'the refusal', exactly(enText('ownNameShort', 'Q')));
    await fill(popup, nameForm, { name: 'Qaradag Logistics', type: 'company' });
    await clickButton(popup, enText('ownTrackTitle'), nameForm);
    await textOf(popup, '[data-own-panel="track"] [role="status"]', 'tracking', /Tracking “Qaradag Logistics”/);
    expect((await readStore(popup, 'names')).map((n) => [n.name, n.type])).toContainEqual([
      'Qaradag Logistics',
      'company',
    ]);
    await clickButton(popup, 'Undo', '[data-own-panel="track"]');
    await textOf(popup, '[data-own-panel="track"] [role="status"]', 'undone', /Undone/);
    expect((await readStore(popup, 'names')).map((n) => n.name)).toEqual(namesBefore);
    await clickButton(popup, 'Done', '[data-own-panel="track"]');

    // Add this page as a source: its article text, not its navigation or footer; then undo.
    await popup.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('.search-input')!;
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await clickButton(popup, 'Add this page as a source');
    const sourceForm = '[data-own-panel="source"] [data-own-form="source"]';
    await textOf(popup, sourceForm, 'the page read', /words of main text from 127\.0\.0\.1/);
    const fields = await popup.evaluate(
      (f) =>
        Object.fromEntries(
          [...document.querySelectorAll<HTMLInputElement>(`${f} input`)].map((i) => [i.name, i.value]),
        ),
      sourceForm,
    );
    expect(fields.title).toMatch(/A new deputy minister for the gas corridor/);
    expect(fields.author).toMatch(/Leyla Hasanova/);
    await fill(popup, sourceForm, { stance: 'independent outlet' });
    await clickButton(popup, 'Add source', sourceForm);
    const added = await textOf(popup, '[data-own-panel="source"] [role="status"]', 'the page added', /Added/);
    expect(added).toMatch(/quotes? about \d+ names?/);
    const sources = await readStore(popup, 'sources');
    const fromPage = sources.find((s) => s.origin === 'page')!;
    expect(fromPage).toMatchObject({ url: articleUrl, stance: 'independent outlet' });
    expect(fromPage.text).toContain('Rovshan Mammadli, the new deputy minister of energy');
    expect(fromPage.text).not.toContain('NAVIGATION-ONLY LINK');
    expect(fromPage.text).not.toContain('Footer text');
    const pageQuotes = (await readStore(popup, 'sourceQuotes')).filter((q) => q.sourceId === fromPage.id);
    // Paragraphs are the page's paragraphs: the HTML source's line breaks inside one are not.
    expect(pageQuotes.find((q) => q.entityId === ownId)).toMatchObject({
      paragraph: 2,
      quote: expect.stringMatching(/^Rovshan Mammadli, the new deputy minister .* near Eskişehir on Monday and said/),
    });
    await clickButton(popup, 'Undo', '[data-own-panel="source"]');
    await textOf(popup, '[data-own-panel="source"] [role="status"]', 'undone', /Undone/);
    expect((await readStore(popup, 'sources')).map((s) => s.origin)).toEqual(['paste']);
    expect((await readStore(popup, 'sourceQuotes')).filter((q) => q.sourceId === fromPage.id)).toEqual([]);
    await popup.close();
    await article.close();
  });
});
