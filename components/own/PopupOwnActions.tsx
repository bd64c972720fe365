/**
 * The popup's ways into the reader's own material (small, in the first bundle): "Add this page as a source" and
 * "Track a name" on the home view, "Track “…” as a name" under search results, and the marker on names that have
 * the reader's snippets, notes or quotes. The forms themselves load on demand (PopupOwnPanels.tsx).
 */
import type { OwnMarkers } from '~/browser/snippets-db/own-store';
import './own-popup.css';
import { formatList, t, tp } from '~/lib/i18n/translator';

/** The badge on a name the reader added (in the interface language). */
export const ownBadge = () => t('ownBadge');

/** The words, in the interface language when read (lib/i18n). */
const TEXT = {
  get heading() {
    return t('ownPopupHeading');
  },
  get addPage() {
    return t('ownAddPage');
  },
  get track() {
    return t('ownTrackName');
  },
  trackQuery: (q: string) => t('ownTrackQuery', q),
  snippets: (n: number) => tp('ownSnippetCount', n),
  quotes: (n: number) => tp('ownQuoteCount', n),
  get note() {
    return t('ownNoteMarker');
  },
  label: (parts: string[]) => t('ownMarkerLabel', formatList(parts)),
};

export function OwnActions(props: { canAddPage: boolean; onAddPage: () => void; onTrack: () => void }) {
  return (
    <section class="section own-actions-section" aria-labelledby="lens-own-actions">
      <h2 id="lens-own-actions" class="section-title">
        {TEXT.heading}
      </h2>
      <div class="own-popup-buttons">
        {props.canAddPage && (
          <button type="button" class="own-popup-button" onClick={props.onAddPage}>
            {TEXT.addPage}
          </button>
        )}
        <button type="button" class="own-popup-button" onClick={props.onTrack}>
          {TEXT.track}
        </button>
      </div>
    </section>
  );
}

export function TrackQuery(props: { query: string; onTrack: () => void }) {
  const q = props.query.trim();
  if (q.length < 2 || q.length > 200) return null;
  return (
    <p class="own-track-query">
      <button type="button" class="own-popup-link" onClick={props.onTrack}>
        {TEXT.trackQuery(q)}
      </button>
    </p>
  );
}

/** "2 snippets · note" beside a name on the page that has the reader's material; nothing for the others. */
export function OwnMarker(props: { markers: OwnMarkers | undefined }) {
  const m = props.markers;
  if (!m) return null;
  const parts = [
    m.snippets && TEXT.snippets(m.snippets),
    m.note && TEXT.note,
    m.quotes && TEXT.quotes(m.quotes),
  ].filter((p): p is string => !!p);
  if (!parts.length) return null;
  return (
    <span class="page-own" title={TEXT.label(parts)} aria-label={TEXT.label(parts)}>
      {parts.join(' · ')}
    </span>
  );
}
