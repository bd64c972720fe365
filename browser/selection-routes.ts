/**
 * The background's two ways to save the reader's selection: the "Save to Caspian Lens" context-menu item and the
 * `save-selection` keyboard command. Both ask the tab's content script to capture the selection with its context
 * and save it through the same validated `save-snippet` message the hover card uses (so the page shows its toast
 * with Undo). When no content script answers (a page it cannot run in, or one opened before the extension was
 * installed) the menu still saves the bare selection text the browser hands over.
 */
import type { browser as browserApi } from 'wxt/browser';

type Browser = typeof browserApi;
import type { SaveSelectionText, SnippetSaved } from '~/lib/messaging/messages';
import { SNIPPET_LIMITS } from '~/lib/snippets/types';
import { interfaceLocale, pluralForms, t } from '~/lib/i18n/translator';
import type { createPageSaves } from '~/lib/snippets/page-saves';
import { sendToTab } from './messages';

export const SAVE_MENU_ID = 'lens-save-selection';
const SAVE_COMMAND = 'save-selection';

interface MenuInfo {
  menuItemId: string | number;
  selectionText?: string;
  frameId?: number;
  pageUrl?: string;
  frameUrl?: string;
}
interface TabLike {
  id?: number;
  url?: string;
  title?: string;
}

export function createSelectionRoutes(browser: Browser, pageSaves: ReturnType<typeof createPageSaves>) {
  /**
   * The content script's answer: the receipt, null (nothing selected), or undefined when no content script
   * answered at all. A failed save is reported to the reader by the page's toast, and rejects here.
   */
  const ask = async (
    tabId: number,
    via: 'command' | 'context-menu',
    frameId?: number,
  ): Promise<SnippetSaved | null | undefined> => {
    let reply: SnippetSaved | null | undefined;
    try {
      reply = await sendToTab(tabId, { type: 'save-selection', via, text: saveSelectionText() }, frameId);
    } catch (err) {
      if (/receiving end|could not establish|no matching|message port closed/i.test(String(err))) return undefined;
      throw err;
    }
    // No frame answering at all resolves undefined: nothing was selected.
    return reply ?? null;
  };

  return {
    /** What the context-menu item does; also the route tests call, since automation cannot click browser menus. */
    async onMenuClick(info: MenuInfo, tab: TabLike | undefined): Promise<SnippetSaved | null> {
      if (info.menuItemId !== SAVE_MENU_ID || tab?.id === undefined) return null;
      const reply = await ask(tab.id, 'context-menu', info.frameId ?? 0);
      if (reply !== undefined) return reply;
      const text = info.selectionText?.trim();
      if (!text) return null;
      const url = info.frameUrl ?? info.pageUrl ?? tab.url ?? '';
      return pageSaves.save(
        { text, url, title: tab.title ?? '', entityIds: [], quote: { exact: text, prefix: '', suffix: '' } },
        { tab: { id: tab.id }, url },
      );
    },

    /** What the keyboard command does (and the tests' route for it). */
    async onCommand(command: string, tab: TabLike | undefined): Promise<SnippetSaved | null> {
      if (command !== SAVE_COMMAND) return null;
      const target = tab?.id !== undefined ? tab : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
      if (target?.id === undefined) return null;
      return (await ask(target.id, 'command')) ?? null;
    },
  };
}

/** The first stage's toast words, in the interface language (it carries no catalog; page/save-selection.ts). */
function saveSelectionText(): SaveSelectionText {
  return {
    locale: interfaceLocale(),
    saved: t('toastSaved'),
    savedLinked: pluralForms('toastSavedLinked', '#'),
    undo: t('cardUndo'),
    dismiss: t('cardToastDismiss'),
    removed: t('toastSnippetRemoved'),
    tooLate: t('toastSaveTooLate'),
    undoFailed: t('toastSaveUndoFailed'),
    tooLong: t('toastSelectionTooLong', SNIPPET_LIMITS.text),
    noAnswer: t('toastNoAnswer'),
    notSaved: t('toastNotSaved'),
  };
}

/** Creates the menu item. Menus persist across browser restarts, so this runs on install/update only. */
export function createSaveMenu(browser: Browser): void {
  browser.contextMenus.create(
    { id: SAVE_MENU_ID, title: t('menuSaveSelection'), contexts: ['selection'] },
    // A second create after an update reports a duplicate id; the existing item is the one we want.
    () => void browser.runtime.lastError,
  );
}
