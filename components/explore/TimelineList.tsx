/**
 * The timeline as a list: the same events as the chart (same filters), grouped under year headings, each with its
 * date as precise as the source gives it, its quote and attribution, and buttons for the entities it involves.
 * This is the view for screen readers and keyboards; it is also the quickest to read end to end.
 */
import { useEffect, useRef } from 'preact/hooks';
import { eventEvidence } from '~/lib/factbase/types';
import { formatEventDate, precisionLabel, yearOf } from '~/lib/explore/dates';
import type { Family } from '~/lib/explore/entity-families';
import type { ExploreModel } from '~/lib/explore/model';
import type { TimelineItem } from '~/lib/explore/timeline-model';
import { EntityChips, EventQuote } from './event-parts';
import { PrecisionGlyph } from './glyphs';
import { t, tp } from '~/lib/i18n/translator';

interface Props {
  model: ExploreModel;
  items: readonly TimelineItem[];
  familyOf: (item: TimelineItem) => Family;
  selectedId?: string;
  cardId?: string;
  onSelect: (id: string) => void;
  onOpenEntity: (id: string) => void;
}

export function TimelineList({ model, items, familyOf, selectedId, cardId, onSelect, onOpenEntity }: Props) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const years: { year: number; items: TimelineItem[] }[] = [];
  for (const item of items) {
    const year = yearOf(item.span.start);
    const last = years[years.length - 1];
    if (last && last.year === year) last.items.push(item);
    else years.push({ year, items: [item] });
  }

  // Bring the selected event into view when the list opens on it (only then: later selections are the reader's).
  const openedOn = useRef(selectedId);
  useEffect(() => {
    const id = openedOn.current;
    if (!id) return;
    wrapRef.current?.querySelector(`[data-event-id="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'center' });
  }, []);

  if (!items.length) return <p class="ex-list-wrap ex-empty">{t('exploreNoEvents')}</p>;
  return (
    <div class="ex-list-wrap" ref={wrapRef}>
      {years.map(({ year, items: inYear }) => (
        <section key={year} aria-labelledby={`ex-y-${year}`}>
          <h3 class="ex-year" id={`ex-y-${year}`}>
            {year} <span class="ex-sr">({tp('exploreEventCount', inYear.length)})</span>
          </h3>
          <ol class="ex-events">
            {inYear.map((item) => {
              const { event } = item;
              return (
                <li
                  class="ex-event"
                  key={event.id}
                  data-event-id={event.id}
                  aria-current={event.id === selectedId ? 'true' : undefined}
                >
                  <div class="ex-event-date">
                    <PrecisionGlyph precision={item.span.precision} family={familyOf(item)} />
                    <span>
                      <time dateTime={event.date} aria-label={formatEventDate(event.date, event.to, true)}>
                        {item.dateLabel}
                      </time>
                      <span class="ex-event-precision">{precisionLabel(item.span.precision)}</span>
                    </span>
                  </div>
                  <div class="ex-event-body">
                    <h4 class="ex-event-title">
                      <button type="button" onClick={() => onSelect(event.id)}>
                        {event.title}
                      </button>
                    </h4>
                    {eventEvidence(event).map((e, i) => (
                      <EventQuote key={i} evidence={e} sources={model.base.sources} />
                    ))}
                    <EntityChips
                      ids={event.entities}
                      model={model}
                      onOpen={onOpenEntity}
                      activeId={cardId}
                      label={t('exploreInvolves')}
                    />
                  </div>
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </div>
  );
}
