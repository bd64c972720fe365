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
