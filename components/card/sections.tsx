/** The card's sections below the summary: why it matched, differing views, timeline, related entities. */
import type { Source, TimelineEvent } from '~/lib/factbase/types';
import type { EntityDetails } from '~/lib/messaging/messages';
import {
  eventsAround,
  formatDate,
  groupViews,
  languageName,
  relatedChips,
  shortSourceName,
  type MatchReason,
} from './card-model';
import { Attribution } from './Evidence';

export function WhyMatched({ reason, name }: { reason: MatchReason; name: string }) {
  const names = reason.langs.map((l) => languageName(l)!);
  const lang = names.length ? names.join(' and ') : undefined;
  const what = lang ? `the ${lang} spelling of ${name}` : `a name for ${name}`;
  let text: string;
  if (reason.inflected && reason.alias) text = `an inflected form of “${reason.alias.text}”, ${what}`;
  else if (reason.inflected) text = `an inflected form of ${name}`;
  else if (reason.usedBy.length)
    text = `the name ${reason.usedBy.join(' and ')} ${reason.usedBy.length > 1 ? 'use' : 'uses'} for ${name}`;
  else text = lang ? what : `another name for ${name}`;
  const ours = reason.alias && !reason.alias.inCorpus && !reason.usedBy.length;
  return (
    <p class="lens-why">
      <span class="lens-why-label">Why this matched</span> “{reason.matched}” is {text}
      {ours ? ' (a known spelling, not from the sources)' : ''}.
    </p>
  );
}

export function Views({ details }: { details: EntityDetails }) {
  const groups = groupViews(details.entity.views);
  if (!groups.length) return null;
  return (
    <section class="lens-section" aria-label="How sources differ">
      <h3>How sources name or frame it</h3>
      <div class={`lens-views${groups.length > 1 ? ' lens-views-split' : ''}`}>
        {groups.map((g) => (
          <div class="lens-view" key={g.label}>
            <p class="lens-view-label">{g.label}</p>
            {g.views.map((v, i) => (
              <div class="lens-view-source" key={i}>
                <p class="lens-view-by">
                  {shortSourceName(v.source, details.sources, v.evidence?.where.chapterAuthor)}
                </p>
                <p class="lens-view-note">{v.note}</p>
                {v.evidence && (
                  <details class="lens-view-quote">
                    <summary>Quote</summary>
                    <blockquote>{v.evidence.quote}</blockquote>
                    <Attribution evidence={v.evidence} sources={details.sources} />
                  </details>
                )}
              </div>
            ))}
          </div>
        ))}
      </div>
    </section>
  );
}

export function Timeline({ events, asOf, sources }: { events: TimelineEvent[]; asOf: string; sources: Source[] }) {
  if (!events.length) return null;
  const { previous, next } = eventsAround(events, asOf);
  const rows = [previous && { label: 'Before', event: previous }, next && { label: 'After', event: next }].filter(
    (r): r is { label: string; event: TimelineEvent } => !!r,
  );
  if (!rows.length) return null;
  return (
    <section class="lens-section" aria-label="Timeline">
      <h3>Timeline around {formatDate(asOf)}</h3>
      <ol class="lens-events">
        {rows.map(({ label, event }) => (
          <li key={event.id}>
            <span class="lens-event-when">
              <span class="lens-event-rel">{label}</span>
              <time dateTime={event.date}>{formatDate(event.date)}</time>
            </span>
            <span class="lens-event-title">
              {event.title}
              {event.evidence && (
                <span class="lens-event-src">
                  {' '}
                  — {shortSourceName(event.evidence.source, sources, event.evidence.where.chapterAuthor)}
                </span>
              )}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function Related({ details, onSelect }: { details: EntityDetails; onSelect?: (id: string) => void }) {
  const chips = relatedChips(details);
  if (!chips.length) return null;
  return (
    <section class="lens-section" aria-label="Related">
      <h3>Related</h3>
      <ul class="lens-chips">
        {chips.map((c) => (
          <li key={c.id}>
            {onSelect ? (
              <button type="button" class="lens-chip" title={c.relation} onClick={() => onSelect(c.id)}>
                {c.name}
              </button>
            ) : (
              <span class="lens-chip" title={c.relation}>
                {c.name}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
