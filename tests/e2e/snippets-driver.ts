/**
 * What the snippets end-to-end tests need beyond the automation module: the background's save routes (the context
 * menu and the keyboard command cannot be clicked or pressed by automation, so the tests call the very functions
 * those listeners call), and helpers that read the database and drive the library's file buttons.
 * A browser restart on the same data is `launchLensBrowser(name, { profileDir })` with the same folder.
 */
import { waitInPage, type LensBrowser, type LensPage } from '../../automation/lens-browser';

/** Calls the background's context-menu or keyboard-command route for the web page used last (showing `pageUrl`). */
export function saveVia(lens: LensBrowser, route: 'menu' | 'command', pageUrl: string): Promise<unknown> {
  return lens.evaluateInBackground(
    async ({ route, pageUrl, browserName }, background) => {
      type Tab = { id: number; url?: string; lastAccessed?: number };
      type Api = { tabs: { query(q: object): Promise<Tab[]>; getCurrent(): Promise<Tab | undefined> } };
      const g = globalThis as unknown as { browser?: Api; chrome: Api };
      const api = g.browser ?? g.chrome;
      const routes = (
        background as unknown as {
          lensSelectionRoutes: {
            onMenuClick(info: object, tab: object): Promise<unknown>;
            onCommand(command: string, tab: object | undefined): Promise<unknown>;
          };
        }
      ).lensSelectionRoutes;
      // The extension has no "tabs" permission, so tabs carry no URL. Chromium runs this in the service worker: the
      // page under test is the active tab. Firefox runs it in a helper tab: the page is the tab used last before it.
      const me = browserName === 'firefox' ? await api.tabs.getCurrent() : undefined;
      const [tab] =
        browserName === 'chromium'
          ? await api.tabs.query({ active: true, lastFocusedWindow: true })
          : (await api.tabs.query({}))
              .filter((t) => t.id !== me?.id)
              .sort((x, y) => (y.lastAccessed ?? 0) - (x.lastAccessed ?? 0));
      if (!tab) throw new Error(`no tab for ${pageUrl}`);
      // Firefox: a plain copy, as the background belongs to another window. In Chromium the command gets no tab,
      // like a real key press without one: the route finds the active tab itself.
      const copy = { id: tab.id, url: tab.url };
      return route === 'menu'
        ? routes.onMenuClick(
            { menuItemId: 'lens-save-selection', frameId: 0, pageUrl },
            browserName === 'chromium' ? tab : copy,
          )
        : routes.onCommand('save-selection', browserName === 'chromium' ? undefined : copy);
    },
    { route, pageUrl, browserName: lens.name },
  );
}

// ---- Helpers run inside pages (serialised with their source: no closures over Node values). ----

/**
 * Selects the text of the element with `id` (from `from` to `to` characters into its text), as a reader would: the
 * range is set by script, then a real key press and release (Shift) confirms it as the reader's; the extension saves
 * only a selection standing where it stood at the reader's last key or pointer release (page/save-selection.ts).
 */
export async function selectText(page: LensPage, id: string, from = 0, to?: number): Promise<string> {
  const text = await selectTextByScript(page, id, from, to);
  await page.press('Shift');
  return text;
}

/** The same selection made by the page's own script alone, with no real input: not the reader's. */
function selectTextByScript(page: LensPage, id: string, from = 0, to?: number): Promise<string> {
  return page.evaluate(
    ({ id, from, to }) => {
      const el = document.getElementById(id)!;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      const total = nodes.reduce((sum, n) => sum + n.data.length, 0);
      const point = (offset: number): [Text, number] => {
        for (const n of nodes) {
          if (offset <= n.data.length) return [n, offset];
          offset -= n.data.length;
        }
        const last = nodes[nodes.length - 1]!;
        return [last, last.data.length];
      };
      const range = document.createRange();
      range.setStart(...point(from));
      range.setEnd(...point(to ?? total));
      const selection = getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return selection.toString();
    },
    { id, from, to: to ?? null },
  ) as Promise<string>;
}

/** Every record in the snippets database, sorted by id; null when there is no database yet. */
export function readAllRecords(page: LensPage): Promise<Record<string, unknown>[] | null> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown>[] | null>((resolve, reject) => {
        const request = indexedDB.open('caspian-lens-snippets');
        request.onerror = () => reject(request.error);
        request.onupgradeneeded = () => {
          request.transaction!.abort();
          resolve(null);
        };
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains('snippets')) return (db.close(), resolve(null));
          const all = db.transaction('snippets').objectStore('snippets').getAll();
          all.onsuccess = () => {
            db.close();
            const list = all.result as Record<string, unknown>[];
            resolve(list.sort((a, b) => String(a.id).localeCompare(String(b.id))));
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

/** Waits for the library to render `count` snippets (its root carries the count once loaded). */
export function waitForLibrary(page: LensPage, count?: number): Promise<string> {
  return waitInPage(
    page,
    (expected) => {
      const n = document.documentElement.dataset.libraryCount;
      return n !== undefined && (expected === null || n === String(expected)) ? n : null;
    },
    `the library to show ${count ?? 'its'} snippets`,
    15_000,
    count ?? null,
  );
}

/** Clicks a library button by its text and captures the file it downloads (through the Blob URL it clicks). */
export function clickAndCaptureDownload(page: LensPage, label: string): Promise<{ name: string; text: string }> {
  return page.evaluate(async (label) => {
    const captured = new Promise<{ name: string; text: string }>((resolve) => {
      const original = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        HTMLAnchorElement.prototype.click = original;
        void fetch(this.href)
          .then((r) => r.text())
          .then((text) => resolve({ name: this.download, text }));
      };
    });
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === label);
    if (!button) throw new Error(`no button "${label}"`);
    button.click();
    return captured;
  }, label);
}

/** Clicks a library button that asks for a file, and hands it `text` as a file named `name`. */
export function clickAndProvideFile(
  page: LensPage,
  label: string,
  name: string,
  text: string,
  padTo = 0,
): Promise<void> {
  return page.evaluate(
    ({ label, name, text, padTo }) => {
      const original = HTMLInputElement.prototype.click;
      HTMLInputElement.prototype.click = function (this: HTMLInputElement) {
        HTMLInputElement.prototype.click = original;
        const body = padTo > text.length ? text + ' '.repeat(padTo - text.length) : text;
        const transfer = new DataTransfer();
        transfer.items.add(new File([body], name, { type: 'application/json' }));
        this.files = transfer.files;
        this.dispatchEvent(new Event('change'));
      };
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === label);
      if (!button) throw new Error(`no button "${label}"`);
      button.click();
    },
    { label, name, text, padTo },
  );
}

/** The library's banner text, once one shows (and differs from `previous`). */
export function bannerText(page: LensPage, previous = ''): Promise<string> {
  return waitInPage(
    page,
    (prev) => {
      const text = document.querySelector('.banner')?.textContent ?? '';
      return text && text !== prev ? text : null;
    },
    `a banner other than "${previous}"`,
    15_000,
    previous,
  );
}
