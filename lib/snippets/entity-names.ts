/** How codecs and the library name an entity id; built from the alias index by the caller, so codecs stay pure. */
interface EntityLabel {
  name: string;
  type: string;
}
export type EntityLookup = (id: string) => EntityLabel | undefined;

/** A lookup from the alias index's `[id, name, type]` rows. */
export function entityLookupFromRows(rows: readonly (readonly [string, string, string, ...unknown[]])[]): EntityLookup {
  const byId = new Map(rows.map(([id, name, type]) => [id, { name, type }] as const));
  return (id) => byId.get(id);
}

/**
 * URLs the library and exports may turn into links: web pages only. Anything else (javascript:, data:, file: from an
 * imported backup that points at /etc/passwd, ...) stays plain text.
 */
export function isLinkableUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return (protocol === 'http:' || protocol === 'https:') && /^https?:\/\//i.test(url.trim());
  } catch {
    return false;
  }
}

/** The site a snippet came from, for filters and citations: host without `www.`, or the scheme for hostless pages. */
export function siteOf(url: string): string {
  try {
    const u = new URL(url);
    if (u.hostname) return u.hostname.replace(/^www\./, '');
    return u.protocol.replace(/:$/, '');
  } catch {
    return 'unknown';
  }
}
