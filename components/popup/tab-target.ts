/**
 * Which tab the popup speaks about, and whether an extension can read it. Pure: the browser calls are in
 * popup-api.ts, so these rules are unit-tested.
 */
import type { MentionCount } from '~/lib/messaging/messages';

interface TabLike {
  id?: number;
  url?: string;
  active?: boolean;
  lastAccessed?: number;
}

/**
 * The tab "on this page" is about when popup.html is itself open as a tab (the card's "Open in search", tests, a
 * reader who pinned it): not the popup's own tab, but the one used just before it in the same window. As a real
 * toolbar popup there is no own tab and the window's active tab is the page.
 */
export function pickTargetTab<T extends TabLike>(tabs: readonly T[], ownTabId: number | undefined): T | undefined {
  if (ownTabId === undefined) return tabs.find((t) => t.active) ?? tabs[0];
  const others = tabs.filter((t) => t.id !== ownTabId && !isExtensionPage(t.url));
  return others.reduce<T | undefined>(
    (best, t) => (!best || (t.lastAccessed ?? 0) > (best.lastAccessed ?? 0) ? t : best),
    undefined,
  );
}

const isExtensionPage = (url: string | undefined) => !!url && /^(chrome|moz)-extension:/.test(url);

/** Where content scripts never run: the browser's own pages, other extensions, and the add-on stores. */
const RESTRICTED_SCHEMES =
  /^(chrome|chrome-extension|chrome-search|chrome-untrusted|edge|brave|opera|vivaldi|about|moz-extension|resource|view-source|devtools|data|blob|javascript):/i;
const STORES: readonly [host: string, path: string][] = [
  ['chromewebstore.google.com', '/'],
  ['chrome.google.com', '/webstore'],
  ['addons.mozilla.org', '/'],
  ['microsoftedge.microsoft.com', '/addons'],
];

/** 'restricted' when no extension may read the page, 'web' when one may, 'unknown' when the URL is not known. */
export function classifyUrl(url: string | undefined): 'web' | 'restricted' | 'unknown' {
  if (!url) return 'unknown';
  if (RESTRICTED_SCHEMES.test(url)) return 'restricted';
  try {
    const u = new URL(url);
    if (STORES.some(([host, path]) => u.hostname === host && u.pathname.startsWith(path))) return 'restricted';
    return u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'file:' ? 'web' : 'restricted';
  } catch {
    return 'unknown';
  }
}

export interface PageEntity {
  entityId: string;
  name: string;
  count: number;
  /** The spellings found on the page, most frequent first. */
  texts: string[];
}

/**
 * The report's rows (one per entity and spelling, in order of first appearance) as one row per entity, still in
 * order of first appearance, with the counts summed.
 */
export function entitiesOnPage(mentions: readonly MentionCount[]): PageEntity[] {
  const byId = new Map<string, PageEntity & { counts: Map<string, number> }>();
  for (const m of mentions) {
    let row = byId.get(m.entityId);
    if (!row) {
      row = { entityId: m.entityId, name: m.name, count: 0, texts: [], counts: new Map() };
      byId.set(m.entityId, row);
    }
    row.count += m.count;
    row.counts.set(m.text, (row.counts.get(m.text) ?? 0) + m.count);
  }
  return [...byId.values()].map(({ counts, ...row }) => ({
    ...row,
    texts: [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([t]) => t),
  }));
}
