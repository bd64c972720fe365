/**
 * What the popup asks about the reader's own material: which names on the page have their snippets, notes or
 * quotes; their own names (for search); and the current page's HTML for "Add this page as a source". IndexedDB is
 * imported on first use, so the popup's first paint does not wait for it.
 */
import { browser } from 'wxt/browser';
import type { OwnMarkers } from '~/browser/snippets-db/own-store';
import type { OwnName } from '~/lib/own/types';
import { t } from '~/lib/i18n/translator';

/** A page's HTML above this is refused before it is parsed (a source keeps at most 5 MB of text). Characters. */
export const MAX_PAGE_HTML = 20 * 1024 * 1024;

interface PageHtml {
  html: string;
  url: string;
  title: string;
}

const store = () => import('~/browser/snippets-db/own-store');

export const popupOwnApi = {
  async markers(ids: readonly string[]): Promise<Record<string, OwnMarkers>> {
    return ids.length ? (await store()).entitiesWithOwnMaterial(ids) : {};
  },
  async names(): Promise<OwnName[]> {
    return (await store()).listNames();
  },
  watch(onChange: () => void): () => void {
    let stop = () => {};
    let stopped = false;
    void import('~/browser/snippets-db/own-events').then((m) => {
      if (!stopped) stop = m.onOwnChanged(onChange);
    });
    return () => {
      stopped = true;
      stop();
    };
  },
  /**
   * The top frame's rendered HTML, read in the extension's isolated world (the page's scripts neither run it nor see
   * it). Uses the `scripting` permission and host access the extension has for loading its card code into frames.
   */
  async pageHtml(tabId: number): Promise<PageHtml> {
    const [first] = await browser.scripting.executeScript({
      target: { tabId, frameIds: [0] },
      // A serialisation of the rendered page, parsed again only in the popup's detached document (html-text.ts).
      func: () => ({
        html: new XMLSerializer().serializeToString(document),
        url: location.href,
        title: document.title,
      }),
    });
    const page = first?.result as PageHtml | undefined;
    // The reason goes into ownUnreadable's sentence ("The page could not be read: … Nothing was added.").
    if (!page || typeof page.html !== 'string') throw new Error(t('ownNoPageReply'));
    return page;
  },
};
