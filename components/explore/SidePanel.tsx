/**
 * The side panel: the selected event (date as precise as given, quote, attribution, the entities involved) above
 * the entity card, with links between the two views. The card is the shared EntityCard; this only hosts it.
 */
import { eventEvidence, type TimelineEvent } from '~/lib/factbase/types';
import type { EntityCard } from '~/components/card/EntityCard';
import { datedTo, datePrecision, formatEventDate } from '~/lib/explore/dates';
import type { ExploreModel } from '~/lib/explore/model';
import type { ExploreView } from '~/lib/explore/url-state';
import { EntityChips, EventQuote } from './event-parts';
import { t, tp } from '~/lib/i18n/translator';

interface Props {
  model: ExploreModel;
  /** The card component, loaded with the details after the first render (components/card/card-chunk.ts). */
  Card?: typeof EntityCard;
  view: ExploreView;
  event?: TimelineEvent;
  cardId?: string;
  onOpenEntity: (id: string) => void;
  onBack?: () => void;
  onShowOnMap: (id: string) => void;
  onShowOnTimeline: (id: string) => void;
  scheme?: 'light' | 'dark';
}

export function SidePanel({
  model,
  Card,
  view,
  event,
  cardId,
  onOpenEntity,
  onBack,
  onShowOnMap,
  onShowOnTimeline,
  scheme,
}: Props) {
  // Until the full fact base is loaded (just after the first render) a card says so instead of showing a bare name.
  const ready = model.hasDetails && !!Card;
  const details = cardId && ready ? model.store.details(cardId) : null;
  const loading = !!cardId && !ready && !!model.store.entity(cardId);
  if (!event && !details && !loading) return null;
  const precision = event ? datePrecision(event.date) : null;
  return (
    <aside class="ex-panel" aria-label={t('exploreSelection')} data-testid="side-panel">
      {event && (
        <>
          <h2 class="ex-panel-heading">{t('explorePanelEvent')}</h2>
          <article class="ex-event-card" data-event={event.id} aria-labelledby="ex-event-title">
            <p class="ex-kicker">
              <time dateTime={event.date}>{formatEventDate(event.date, event.to)}</time>
              {precision && <span> · {datedTo(precision)}</span>}
            </p>
            <h3 id="ex-event-title">{event.title}</h3>
            {event.dateNote && <p class="ex-dialog-caption">{event.dateNote}</p>}
            {event.evidence ? (
              eventEvidence(event).map((e, i) => <EventQuote key={i} evidence={e} sources={model.base.sources} />)
            ) : (
              <p class="ex-dialog-caption">{t('exploreNoQuote')}</p>
            )}
            <EntityChips
              ids={event.entities}
              model={model}
              onOpen={onOpenEntity}
              activeId={cardId}
              label={t('exploreEntitiesInvolved')}
            />
          </article>
        </>
      )}
      {details && Card ? (
        <>
          <h2 class="ex-panel-heading">{t('explorePanelCard')}</h2>
          <Card
            details={details}
            role="article"
            onSelectEntity={onOpenEntity}
            onBack={onBack}
            scheme={scheme}
            asOf={event?.date}
          />
          <div class="ex-panel-actions">
            {view !== 'map' && (
              <button type="button" class="ex-button" onClick={() => onShowOnMap(details.entity.id)}>
                {t('exploreShowOnMap', details.entity.name)}
              </button>
            )}
            {view === 'map' && (
              <button type="button" class="ex-button" onClick={() => onShowOnMap(details.entity.id)}>
                {t('exploreCentreHere')}
              </button>
            )}
            {details.events.length > 0 && (
              <button type="button" class="ex-button" onClick={() => onShowOnTimeline(details.entity.id)}>
                {tp('exploreEventsOnTimeline', details.events.length)}
              </button>
            )}
          </div>
        </>
      ) : loading ? (
        <>
          <h2 class="ex-panel-heading">{t('explorePanelCard')}</h2>
          <p class="ex-dialog-caption" role="status" data-testid="card-loading">
            {t('exploreLoadingCard', model.store.entity(cardId!)?.name ?? cardId!)}
          </p>
        </>
      ) : null}
    </aside>
  );
}
