/**
 * The "Track this name" context-menu item on a selection: opens the library's "Your names" form with the selected
 * text as the name, where the reader gives its other spellings, type and an optional summary. Uses the
 * `contextMenus` permission the extension already has for "Save to Caspian Lens"; nothing is read from the page
 * beyond the selection text the browser hands over.
 */
import type { browser as browserApi } from 'wxt/browser';
import { trackNameUrl } from '~/lib/own/track-name';
import { t } from '~/lib/i18n/translator';

type Browser = typeof browserApi;

export const TRACK_MENU_ID = 'lens-track-name';

export function createTrackMenu(browser: Browser): void {
  browser.contextMenus.create(
    { id: TRACK_MENU_ID, title: t('menuTrackName'), contexts: ['selection'] },
    () => void browser.runtime.lastError,
  );
}

/** What the menu item does; also the route end-to-end tests call (automation cannot click browser menus). */
export async function onTrackMenuClick(
  browser: Browser,
  info: { menuItemId: string | number; selectionText?: string },
  tab: { index?: number; windowId?: number } | undefined,
): Promise<string | null> {
  if (info.menuItemId !== TRACK_MENU_ID) return null;
  const url = trackNameUrl(browser.runtime.getURL('/library.html'), info.selectionText ?? '');
  await browser.tabs.create({ url, ...(tab?.index !== undefined ? { index: tab.index + 1 } : {}) });
  return url;
}
