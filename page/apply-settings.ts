/**
 * Makes one document obey the settings, live: the options page, the popup's switches, the `toggle-pause` command and
 * the card's "hide" actions all write `browser.storage.local`, and every open tab follows through this class.
 *
 * - Off (paused, site switched off, not on the allow-list): marks are cleared and scanning and watching stop; on
 *   again: one full rescan and watching resumes. What runs while on is the caller's `start(signal)`.
 * - Entity types, hidden entities and the reader's "Not this" corrections (on this frame's site or everywhere):
 *   mentions stay known but are not painted (and are left out of the report).
 * - Mark style: the same Highlight object is registered under the name whose CSS paints the chosen style
 *   (page/marks.css), or under none for 'none', so switching repaints nothing by hand.
 * - 'calm' (the default): each name once per section of running text, nothing in navigation, headings, captions
 *   or bylines (./mark-density.ts); 'first' mention: only the first mention of each entity in document order is
 *   painted. Both leave the report counting every mention.
 *
 * No `browser` here: the caller reads and watches the settings and hands them in, so this is testable with a fixture
 * document.
 */
import type { AliasIndex, EntityType } from '~/lib/factbase/types';
import type { MentionCount } from '~/lib/messaging/messages';
import { ALL_ENTITY_TYPES, isCorrected, isSiteEnabled, type MarkStyle, type Settings } from '~/lib/settings/settings';
import { calmMentions } from './mark-density';
import { MENTION_HIGHLIGHT, type Mention, type MentionStore } from './mention-store';

/** Highlight names per mark style; their paint is in page/marks.css. */
const MARK_HIGHLIGHT_NAMES: Record<MarkStyle, string | null> = {
  underline: MENTION_HIGHLIGHT,
  background: 'lens-mention-bg',
  none: null,
};

interface LensLifecycle {
  /** Scan the document and watch it until `signal` aborts. Called when the lens turns on. */
  start(signal: AbortSignal): void;
  /** Called after the lens turned off and its marks were cleared (e.g. to publish an empty report). */
  stopped(): void;
}

export class SettingsApplier {
  private settings: Settings | null = null;
  private running: AbortController | null = null;
  private readonly highlight: Highlight | null;
  private readonly typeOf: (entity: number) => EntityType | undefined;
  /** The first mention of each entity seen so far, for the 'first' mode; rebuilt in document order after scans. */
  private firstOf = new Map<number, Mention>();

  constructor(
    private readonly doc: Document,
    private readonly store: MentionStore,
    private readonly index: Pick<AliasIndex, 'entities'>,
    private readonly hostname: string,
    private readonly lifecycle: LensLifecycle,
    private readonly signal: AbortSignal,
  ) {
    this.highlight = doc.defaultView?.CSS?.highlights?.get(MENTION_HIGHLIGHT) ?? null;
    this.typeOf = (entity) => index.entities[entity]?.[2];
    signal.addEventListener('abort', () => this.teardown(), { once: true });
  }

  get current(): Settings | null {
    return this.settings;
  }

  /** Whether the lens is on for this document under the current settings. */
  get enabled(): boolean {
    return this.running !== null;
  }

  apply(next: Settings): void {
    if (this.signal.aborted) return;
    const prev = this.settings;
    this.settings = next;
    this.setMarkStyle(next.markStyle);
    if (!prev || filterChanged(prev, next)) this.refilter();
    const on = isSiteEnabled(next, this.hostname);
    if (on && !this.running) {
      this.running = new AbortController();
      const stop = this.running;
      this.signal.addEventListener('abort', () => stop.abort(), { once: true });
      this.lifecycle.start(stop.signal);
    } else if (!on && this.running) {
      this.running.abort();
      this.running = null;
      this.store.clear();
      this.firstOf.clear();
      this.lifecycle.stopped();
    }
  }

  /** After a scan: in 'first' and 'calm' modes which mention of an entity is painted may have changed, so repaint. */
  afterScan(): void {
    if (this.settings && this.settings.mentions !== 'every') this.refilter();
  }

  /** The report's counts without hidden entities and types ('first' mode still counts every mention). */
  reportCounts(counts: MentionCount[]): MentionCount[] {
    const s = this.settings;
    if (!s) return counts;
    const types = new Map<string, EntityType>();
    // The page's table holds only the rows of the names it found: a sparse array, which forEach walks without holes.
    this.index.entities.forEach(([id, , type]) => types.set(id, type));
    const site = frameSite(this.doc);
    return counts.filter(
      (c) =>
        !s.hiddenEntities.includes(c.entityId) &&
        s.entityTypes.includes(types.get(c.entityId)!) &&
        !isCorrected(s.corrections, c.entityId, c.text, site),
    );
  }

  private refilter(): void {
    const s = this.settings!;
    const hidden = new Set<string>(s.hiddenEntities);
    const types = new Set<EntityType>(s.entityTypes);
    const allTypes = types.size === ALL_ENTITY_TYPES.length && hidden.size === 0 && s.corrections.length === 0;
    const site = frameSite(this.doc);
    const shown = (m: Mention) => {
      if (allTypes) return true;
      const entity = this.index.entities[m.entity];
      return (
        entity !== undefined &&
        !hidden.has(entity[0]) &&
        types.has(entity[2]) &&
        !isCorrected(s.corrections, entity[0], m.text, site)
      );
    };
    if (s.mentions === 'every') {
      this.store.setVisible(shown);
      return;
    }
    if (s.mentions === 'calm') {
      // Mentions added by a later scan wait for the refilter after it (afterScan) to be placed in their section. Before
      // the first scan (the settings applied at start) there is nothing to place, and no reason to query the page.
      if (this.store.size === 0) return this.store.setVisible(() => false);
      const kept = calmMentions(this.doc, this.store.all(), shown);
      this.store.setVisible((m) => kept.has(m));
      return;
    }
    // 'first': rebuild in document order, then let mentions added by later scans claim an entity not seen yet.
    this.firstOf = new Map();
    for (const m of this.store.all()) if (shown(m) && !this.firstOf.has(m.entity)) this.firstOf.set(m.entity, m);
    const firstOf = this.firstOf;
    this.store.setVisible((m) => {
      if (!shown(m)) return false;
      const first = firstOf.get(m.entity);
      if (first === undefined) firstOf.set(m.entity, m);
      return first === undefined || first === m;
    });
  }

  private setMarkStyle(style: MarkStyle): void {
    const registry = this.doc.defaultView?.CSS?.highlights;
    if (!registry || !this.highlight) return;
    const wanted = MARK_HIGHLIGHT_NAMES[style];
    for (const name of Object.values(MARK_HIGHLIGHT_NAMES))
      if (name && name !== wanted && registry.get(name) === this.highlight) registry.delete(name);
    if (wanted && registry.get(wanted) !== this.highlight) registry.set(wanted, this.highlight);
  }

  private teardown(): void {
    this.running?.abort();
    this.running = null;
    const registry = this.doc.defaultView?.CSS?.highlights;
    if (!registry) return;
    for (const name of Object.values(MARK_HIGHLIGHT_NAMES))
      if (name && registry.get(name) === this.highlight) registry.delete(name);
  }
}

function filterChanged(a: Settings, b: Settings): boolean {
  return (
    a.mentions !== b.mentions ||
    a.hiddenEntities.join('\n') !== b.hiddenEntities.join('\n') ||
    JSON.stringify(a.corrections) !== JSON.stringify(b.corrections) ||
    a.entityTypes.join('\n') !== b.entityTypes.join('\n')
  );
}

/**
 * The site a "Not this" correction made in this frame belongs to: the frame's own origin (about:blank and srcdoc
 * frames inherit their parent's), as the background records it from the sender's origin.
 */
function frameSite(doc: Document): string {
  const win = doc.defaultView;
  try {
    if (win?.origin && win.origin !== 'null') return new URL(win.origin).hostname;
  } catch {
    // Opaque origin.
  }
  return win?.location.hostname ?? '';
}

/**
 * The hostname the site rules apply to for this frame: the tab's own site where it can be known (same-origin frames,
 * `location.ancestorOrigins` in Chromium), so switching a site off quiets its embedded frames too; otherwise the
 * frame's origin (about:blank and srcdoc frames inherit their parent's). '' for pages without a host (data:, file:).
 */
export function pageHostname(win: Window): string {
  try {
    if (win.top && win.top !== win) return win.top.location.hostname;
  } catch {
    // Cross-origin parent: fall through.
  }
  try {
    const ancestors = win.location.ancestorOrigins;
    if (ancestors && ancestors.length) return new URL(ancestors[ancestors.length - 1]!).hostname;
  } catch {
    // Not available (Firefox) or an opaque origin.
  }
  try {
    if (win.origin && win.origin !== 'null') return new URL(win.origin).hostname;
  } catch {
    // Opaque origin.
  }
  return win.location.hostname;
}
