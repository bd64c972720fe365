/**
 * The background's page contexts (lib/matcher/page-context.ts), one per page that sends text: by tab, frame and page
 * URL, the least recently used dropped beyond a bound, so a session of many tabs holds a few kilobytes at most.
 */
import { newPageContext, type PageContext } from './page-context';

/** Pages whose evidence is kept: more than a reader has open, each a few hundred bytes. */
const MAX_PAGES = 64;

interface PageKey {
  tab?: { id?: number };
  frameId?: number;
  url?: string;
}

export function createPageContexts(max = MAX_PAGES) {
  const contexts = new Map<string, { context: PageContext; scan: number | undefined }>();
  return {
    /**
     * The context of the sender's page: a new one after a navigation (another URL), for another full scan of the page
     * (`scan`, when it differs from the last one's), or for an unknown sender.
     */
    for(sender: PageKey, scan?: number): PageContext {
      if (sender.tab?.id === undefined) return newPageContext();
      const key = `${sender.tab.id}:${sender.frameId ?? 0}:${sender.url ?? ''}`;
      let entry = contexts.get(key);
      if (entry) contexts.delete(key);
      if (!entry || (scan !== undefined && scan !== entry.scan)) entry = { context: newPageContext(), scan };
      contexts.set(key, entry); // most recently used last
      if (contexts.size > max) contexts.delete(contexts.keys().next().value!);
      return entry.context;
    },
  };
}
