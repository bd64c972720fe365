/** The entities found on the page, in order of first appearance; choosing one scrolls the page to it. */
import { typeLabel } from '~/components/card/card-model';
import type { PageState } from './popup-api';
import type { PageEntity } from './tab-target';
import type { OwnMarkers } from '~/browser/snippets-db/own-store';
import { ownBadge, OwnMarker } from '~/components/own/PopupOwnActions';
import { isOwnNameId } from '~/lib/own/types';
import { t, tp } from '~/lib/i18n';

interface OnThisPageProps {
  page: PageState;
  entities: readonly PageEntity[] | null;
  /** False when the lens is paused or off on this site: the list would be empty for that reason, not for lack of names. */
  active: boolean;
  typeOf(id: string): string | undefined;
  onReveal(entityId: string): void;
  onOpenCard(entityId: string): void;
  /** The reader's snippets, note and quotes per entity id, for the names that have any. */
  own?: Readonly<Record<string, OwnMarkers>>;
}

export function OnThisPage({ page, entities, active, typeOf, onReveal, onOpenCard, own }: OnThisPageProps) {
  if (page.kind === 'restricted' || page.kind === 'unreachable') return null;
  const mentions = entities?.reduce((n, e) => n + e.count, 0) ?? 0;
  return (
    <section class="section page-entities" aria-labelledby="lens-on-page">
      <h2 id="lens-on-page" class="section-title">
        {t('popupOnThisPage')}
        {active && entities && entities.length > 0 && (
          <span class="section-count">
            {tp('popupNameCount', entities.length)} · {tp('popupMentionCount', mentions)}
          </span>
        )}
      </h2>
      {!active ? (
        <p class="empty">{t('popupMarksOff')}</p>
      ) : page.kind === 'loading' || !entities ? (
        <p class="empty">{t('popupReadingPage')}</p>
      ) : entities.length === 0 ? (
        <p class="empty">{t('popupNoNames')}</p>
      ) : (
        <ul class="page-list">
          {entities.map((e) => (
            <li key={e.entityId} class="page-row" data-entity={e.entityId}>
              <button
                type="button"
                class="page-reveal"
                title={t('popupShowOnPage')}
                onClick={() => onReveal(e.entityId)}
              >
                <span class="page-name">{e.name}</span>
                {/* A name the reader tracks says so, with the type they gave it, as in the search results. */}
                {isOwnNameId(e.entityId) && <span class="own-badge">{ownBadge()}</span>}
                {typeOf(e.entityId) && <span class="page-type">{typeLabel(typeOf(e.entityId)!)}</span>}
                <OwnMarker markers={own?.[e.entityId]} />
                <span class="page-count" aria-label={tp('popupOnPage', e.count)}>
                  {e.count}
                </span>
              </button>
              <button
                type="button"
                class="page-card"
                aria-label={t('popupCardFor', e.name)}
                title={t('popupOpenCard')}
                onClick={() => onOpenCard(e.entityId)}
              >
                <svg viewBox="0 0 16 16" aria-hidden="true" width="14" height="14">
                  <path
                    d="M6 3.5 10.5 8 6 12.5"
                    fill="none"
                    stroke="currentColor"
                    stroke-width="1.6"
                    stroke-linecap="round"
                    stroke-linejoin="round"
                  />
                </svg>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** What the popup shows where the page cannot be read at all. */
export function PageUnavailable({ page }: { page: PageState }) {
  if (page.kind === 'restricted')
    return (
      <section class="section state-card" data-state="restricted">
        <h2 class="state-title">{t('popupRestrictedTitle')}</h2>
        <p class="state-text">{t('popupRestrictedText')}</p>
      </section>
    );
  if (page.kind === 'unreachable')
    return (
      <section class="section state-card" data-state="unreachable">
        <h2 class="state-title">{t('popupUnreachableTitle')}</h2>
        <p class="state-text">{t('popupUnreachableText')}</p>
      </section>
    );
  return null;
}
