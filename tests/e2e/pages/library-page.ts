/**
 * Page object for the snippets library (library.html). Selectors live here (and in snippets-driver.ts, which other
 * suites share), so the tests read as what a reader does and sees. Buttons are found by their English labels, the
 * names a reader and a screen reader get; the rest by the library's own classes and data attributes.
 */
import { waitInPage, type LensBrowser, type LensPage } from '../../../automation/lens-browser';
import type { Snippet } from '../../../lib/snippets/types';
import {
  bannerText,
  clickAndCaptureDownload,
  clickAndProvideFile,
  readAllRecords,
  waitForLibrary,
} from '../snippets-driver';
import { enText } from '../catalog-text';
import { clearStore, recreateVersion2, schemaOf, storeRecords, writeSnippets, type Row } from './extension-db';
import { OwnForm, pressButton } from './own-form';

export class LibraryPage {
  private constructor(readonly page: LensPage) {}

  /**
   * Opens the library once it has loaded. With `records`, the snippets store first holds exactly those (written
   * straight into the extension's database, then the page is reloaded): a test sets up what it needs.
   */
  static async open(lens: LensBrowser, options: { records?: readonly Snippet[] } = {}): Promise<LibraryPage> {
    const library = new LibraryPage(await lens.openExtensionPage('library.html'));
    await library.waitForCount();
    if (options.records) {
      await library.replaceRecords(options.records);
      await library.reload();
      await library.waitForCount(options.records.length);
    }
    return library;
  }

  close(): Promise<void> {
    return this.page.close();
  }

  /**
   * Deletes snippets a test seeded, as the library deletes them (telling the background): a shared browser with
   * snippets left in its database is unfit to lend to the next file.
   */
  static async deleteSeeded(lens: LensBrowser, ids: readonly string[]): Promise<void> {
    const library = await LibraryPage.open(lens);
    await library.writeSnippets([], ids);
    await library.close();
  }

  /** Waits for the library to show `count` snippets (any number, when left out); returns the count. */
  waitForCount(count?: number): Promise<string> {
    return waitForLibrary(this.page, count);
  }

  /** Every record in the snippets database, sorted by id (null when there is no database yet). */
  records(): Promise<Record<string, unknown>[] | null> {
    return readAllRecords(this.page);
  }

  async reload(): Promise<void> {
    // The old document forgets its count first, so waiting for a count sees the new one; the reload waits a task,
    // so this call returns before the page goes.
    await this.page.evaluate(() => {
      delete document.documentElement.dataset.libraryCount;
      setTimeout(() => location.reload(), 0);
    });
  }

  /** Empties the snippets store and puts `records` in it, in one transaction. */
  replaceRecords(records: readonly Snippet[]): Promise<void> {
    return this.page.evaluate(
      (records) =>
        new Promise<void>((done, fail) => {
          const open = indexedDB.open('caspian-lens-snippets');
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('snippets', 'readwrite');
            const store = tx.objectStore('snippets');
            store.clear();
            for (const r of records) store.put(r);
            tx.oncomplete = () => (open.result.close(), done());
            tx.onerror = () => fail(tx.error);
          };
        }),
      records as Snippet[],
    );
  }

  /** The texts of the rows, top to bottom. */
  rowTexts(): Promise<string[]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('.snippet-row .row-text')].map((p) => p.textContent ?? ''),
    );
  }

  waitForRows(count: number): Promise<unknown> {
    return waitInPage(
      this.page,
      (n) => document.querySelectorAll('.snippet-row').length === n,
      `${count} rows`,
      15_000,
      count,
    );
  }

  /** The answer to navigator.storage.persist() the library shows ('true' or 'false'). */
  storagePersisted(): Promise<string> {
    return waitInPage(
      this.page,
      () => document.documentElement.dataset.storagePersisted ?? null,
      'the persist() answer',
    );
  }

  search(text: string): Promise<void> {
    return this.setField('input.search', text);
  }

  /** Opens the row at `index` (0 = top) in the detail pane. */
  async openRow(index: number): Promise<void> {
    await this.page.evaluate((i) => (document.querySelectorAll('.snippet-row')[i] as HTMLElement).click(), index);
    await waitInPage(this.page, () => document.querySelector('.detail textarea') !== null, 'the detail pane');
  }

  setNote(text: string): Promise<void> {
    return this.setField('.detail textarea', text);
  }

  setTags(text: string): Promise<void> {
    return this.setField('.detail input[type=text]', text);
  }

  /** Leaves the field being edited (which saves it, as the Save button does) and waits for "Saved.". */
  async leaveFieldAndWaitSaved(): Promise<void> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement).blur());
    await waitInPage(
      this.page,
      (saved) => document.querySelector('.save-state')?.textContent === saved,
      'the save',
      10_000,
      enText('librarySaved'),
    );
  }

  /** How many tag chips the rows show. */
  tagChipsInList(): Promise<number> {
    return this.page.evaluate(() => document.querySelectorAll('.snippet-row .chip.tag').length);
  }

  /** The first row's note as shown in the list. */
  noteInList(): Promise<string | null> {
    return this.page.evaluate(() => document.querySelector('.row-note')?.textContent ?? null);
  }

  /** "Delete" in the detail pane. */
  deleteOpenSnippet(): Promise<void> {
    return this.clickButton(enText('libraryDelete'), '.detail');
  }

  /** "Undo" in the banner. */
  undo(): Promise<void> {
    return this.clickButton('Undo', '.banner');
  }

  /** Ticks "select all" and presses "Delete N" (N = the count the button names). */
  async deleteAll(count: number): Promise<void> {
    await this.page.evaluate(() => (document.querySelector('.select-all input') as HTMLInputElement).click());
    await this.clickButton(`Delete ${count}`);
  }

  /** The banner's text once one shows that differs from `previous`. */
  banner(previous = ''): Promise<string> {
    return bannerText(this.page, previous);
  }

  /** The banner's text now ('' without one). */
  currentBanner(): Promise<string> {
    return this.page.evaluate(() => document.querySelector('.banner')?.textContent ?? '');
  }

  /** Presses an export or backup button ("JSON", "Markdown", "CSV", "Back up everything") and reads its file. */
  download(label: string): Promise<{ name: string; text: string }> {
    return clickAndCaptureDownload(this.page, label);
  }

  /** Presses "Import…" or "Restore…" and hands it a file. */
  provideFile(label: string, name: string, text: string, padTo = 0): Promise<void> {
    return clickAndProvideFile(this.page, label, name, text, padTo);
  }

  /** A point inside the row whose text contains `text` (left of its middle, on its text), once it is listed. */
  rowPoint(text: string): Promise<{ x: number; y: number }> {
    return waitInPage(
      this.page,
      (text) => {
        const el = [...document.querySelectorAll('.snippet-row')].find((r) => r.textContent?.includes(text));
        const r = el?.getBoundingClientRect();
        return r ? { x: r.left + 40, y: r.top + r.height / 2 } : null;
      },
      `the row of ${text}`,
      10_000,
      text,
    );
  }

  /** The detail pane's title once it shows `text`: a point on it, and its link's address (null when it has none). */
  detailTitle(text: string): Promise<{ x: number; y: number; href: string | null }> {
    return waitInPage(
      this.page,
      (text) => {
        const h = document.querySelector('.detail-title');
        if (!h?.textContent?.includes(text)) return null;
        const r = h.getBoundingClientRect();
        return { x: r.left + 20, y: r.top + r.height / 2, href: h.querySelector('a')?.getAttribute('href') ?? null };
      },
      `the detail of ${text}`,
      10_000,
      text,
    );
  }

  /** The address of every link on the page. */
  linkAddresses(): Promise<string[]> {
    return this.page.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!));
  }

  /** A real mouse click at a point of the page. */
  click(x: number, y: number): Promise<void> {
    return this.page.click(x, y);
  }

  // ---- The reader's own material: names, notes and sources (the library's own views) ----

  /** Opens the names form as a link into the library does (`?track=…`, the context menu's), once it shows. */
  async trackForm(search: string): Promise<OwnForm> {
    await this.goTo(search, '[data-own-form="name"]');
    return new OwnForm(this.page, '[data-own-form="name"]');
  }

  /** The value of the focused field, once the field named `name` has the focus. */
  focusedFieldValue(name: string): Promise<string> {
    return waitInPage(
      this.page,
      (name) => {
        const el = document.activeElement as HTMLInputElement | null;
        return el?.name === name ? el.value : null;
      },
      `focus in the ${name} field`,
      10_000,
      name,
    );
  }

  /** Opens the sources view; returns its form to add a source. */
  async sourcesView(): Promise<OwnForm> {
    await this.goTo('?view=sources', '[data-own-form="source"]');
    return new OwnForm(this.page, '[data-own-form="source"]');
  }

  /** Presses "Remove" on the listed source (the first, or the one with `sourceId`); returns the banner that says what went. */
  async removeSource(sourceId?: string): Promise<string> {
    const before = await this.currentBanner();
    await pressButton(this.page, enText('ownRemove'), sourceId ? `[data-source-id="${sourceId}"]` : '[data-source-id]');
    return this.banner(before);
  }

  /** Removes every listed source, one "Remove" at a time, as a reader clearing the list would. */
  async removeEverySource(): Promise<void> {
    await this.sourcesView();
    for (let left = (await this.storeRecords('sources')).length; left > 0; left--) {
      await pressButton(this.page, enText('ownRemove'), '[data-source-id]');
      await this.waitForSourcesListed(left - 1);
    }
  }

  /** Presses "Stop tracking" on one of the reader's names in the names view, until it is no longer listed. */
  async stopTracking(nameId: string): Promise<void> {
    const row = `[data-name-id="${nameId}"]`;
    await this.goTo('?view=names', row);
    await pressButton(this.page, enText('ownStopTracking'), row);
    await waitInPage(this.page, (row) => !document.querySelector(row), 'the name no longer listed', 10_000, row);
  }

  /** Presses "Edit" on a listed source: the form above takes its fields. */
  editSource(sourceId: string): Promise<void> {
    return pressButton(this.page, enText('ownEdit'), `[data-source-id="${sourceId}"]`);
  }

  /** Until the sources view lists `count` sources. */
  waitForSourcesListed(count: number): Promise<unknown> {
    return waitInPage(
      this.page,
      (count) => document.querySelectorAll('[data-source-id]').length === count,
      `${count} sources listed`,
      15_000,
      count,
    );
  }

  waitForSourceListed(): Promise<unknown> {
    return waitInPage(this.page, () => !!document.querySelector('[data-source-id]'), 'the source in the list');
  }

  /** Writes a note on a name in the "By name & notes" view and saves it, until the banner says it is saved. */
  async writeNote(entityId: string, text: string): Promise<void> {
    const row = `[data-entity-id="${entityId}"]`;
    await this.goTo('?view=entities', row);
    await this.page.evaluate(
      ({ row, text }) => {
        const details = document.querySelector(`${row} details`) as HTMLDetailsElement;
        details.open = true;
        const area = details.querySelector('textarea')!;
        area.value = text;
        area.dispatchEvent(new Event('input', { bubbles: true }));
      },
      { row, text },
    );
    await pressButton(this.page, enText('cardOwnSaveNote'), row);
    await waitInPage(
      this.page,
      () => document.querySelector('.banner')?.textContent?.includes('saved'),
      'the note saved',
    );
  }

  /**
   * The "By name & notes" view: one row per entity with the reader's material, top to bottom, each as its id and
   * the text of its summary line (name, type and what the reader has on it).
   */
  async entityRows(): Promise<{ id: string; text: string }[]> {
    await this.goTo('?view=entities', '[data-entity-id]');
    return this.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-entity-id]')].map((row) => ({
        id: row.dataset.entityId!,
        text: (row.querySelector('summary')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      })),
    );
  }

  /** Presses "Show its snippets" on an entity's row of the "By name & notes" view. */
  showSnippetsOf(entityId: string): Promise<void> {
    return pressButton(this.page, enText('ownShowSnippets'), `[data-entity-id="${entityId}"]`);
  }

  /** The snippets view as it shows: its count line, entity filter and rows (once rows show). */
  async snippetsList(): Promise<LibraryList> {
    return (await waitInPage(this.page, libraryLists, 'the snippets list', 15_000, { which: 'self', since: 0 }))[0]!;
  }

  /**
   * The snippets views of the other library tabs opened since `since` (this page's clock, `now()`), once they show
   * rows: those the extension opened.
   */
  otherLibraryTabs(since: number): Promise<LibraryList[]> {
    return waitInPage(this.page, libraryLists, 'another library tab', 15_000, { which: 'others', since });
  }

  /** This page's clock (ms since the epoch), to tell tabs opened after a moment from those opened before. */
  now(): Promise<number> {
    return this.page.evaluate(() => performance.timeOrigin + performance.now());
  }

  /** Every record of one of the database's stores (snippets, notes, names, sources, sourceQuotes). */
  storeRecords(store: string): Promise<Row[]> {
    return storeRecords(this.page, store);
  }

  clearStore(store: string): Promise<void> {
    return clearStore(this.page, store);
  }

  /** Writes and deletes snippets underneath the UI, and tells the background as the library does. */
  writeSnippets(put: readonly Row[], remove: readonly string[] = []): Promise<void> {
    return writeSnippets(this.page, put, remove);
  }

  /** Replaces the database with one as versions 1 and 2 of the schema left it, holding `records`. */
  recreateVersion2(records: readonly Row[]): Promise<void> {
    return recreateVersion2(this.page, records);
  }

  /** The database's version, stores and source-quote indexes. */
  schema(): Promise<{ version: number; stores: string[]; quoteIndexes: string[] }> {
    return schemaOf(this.page);
  }

  /**
   * The reader's own material on an entity as the background gives it to a card (`get-entity`), asked from the
   * library: an extension page may ask what a card does.
   */
  ownMaterial(entityId: string): Promise<{ snippetCount: number; snippets: { id: string }[] } | undefined> {
    return this.page.evaluate(async (id) => {
      type Send = (m: unknown) => Promise<{ own?: { snippetCount: number; snippets: { id: string }[] } } | null>;
      const g = globalThis as unknown as {
        browser?: { runtime: { sendMessage: Send } };
        chrome: { runtime: { sendMessage: Send } };
      };
      return (await (g.browser ?? g.chrome).runtime.sendMessage({ type: 'get-entity', id }))?.own;
    }, entityId);
  }

  /** Reloads the library with a query string and waits until `ready` matches. */
  private async goTo(search: string, ready: string): Promise<void> {
    // The old document is marked, so that a page already at `search` is not taken for the new one.
    await this.page.evaluate((s) => {
      document.documentElement.dataset.leaving = '';
      location.search = s;
    }, search);
    await waitInPage(
      this.page,
      ({ s, ready }) =>
        !('leaving' in document.documentElement.dataset) &&
        location.search === s &&
        document.readyState === 'complete' &&
        !!document.querySelector(ready),
      `the library at ${search}`,
      15_000,
      { s: search, ready },
    );
  }

  private setField(selector: string, value: string): Promise<void> {
    return this.page.evaluate(
      ({ selector, value }) => {
        const el = document.querySelector(selector) as HTMLInputElement | HTMLTextAreaElement;
        el.focus();
        el.value = value;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      },
      { selector, value },
    );
  }

  private clickButton(label: string, scope = 'body'): Promise<void> {
    return this.page.evaluate(
      ({ label, scope }) => {
        const button = [...document.querySelectorAll(`${scope} button`)].find(
          (b) => b.textContent?.trim() === label,
        ) as HTMLButtonElement | undefined;
        if (!button) throw new Error(`no button "${label}"`);
        button.click();
      },
      { label, scope },
    );
  }
}

type LibraryList = { search: string; count: string; entity: string; rows: string[] };

/**
 * What library tabs show in their snippets view: the query string, the count line, the entity filter's value and the
 * rows' texts. `self`: this page (null until its rows show); `others`: every other library tab opened since `since`,
 * found through `extension.getViews` from this one (the way to read a tab the extension opened, in Chromium and
 * Firefox alike).
 */
function libraryLists({ which, since }: { which: 'self' | 'others'; since: number }): LibraryList[] | null {
  type Views = { extension: { getViews(filter: { type: 'tab' }): Window[] } };
  const g = globalThis as unknown as { browser?: Views; chrome?: Views };
  const views =
    which === 'self'
      ? [window]
      : (g.browser ?? g.chrome)!.extension
          .getViews({ type: 'tab' })
          .filter((v) => v !== window && v.location.pathname === '/library.html' && v.performance.timeOrigin >= since);
  // The entity filter lists its names a task after the rows show (until then it reads "" whatever is chosen).
  const ready = (v: Window) => (v.document.querySelector<HTMLSelectElement>('select.facet')?.options.length ?? 0) > 1;
  const lists = views.filter(ready).map((v) => ({
    search: v.location.search,
    count: v.document.querySelector('[data-testid="count"]')?.textContent ?? '',
    entity: v.document.querySelector<HTMLSelectElement>('select.facet')?.value ?? '',
    rows: [...v.document.querySelectorAll('.snippet-row .row-text')].map((p) => p.textContent ?? ''),
  }));
  return lists.length === views.length && lists.length && lists.every((l) => l.rows.length) ? lists : null;
}
