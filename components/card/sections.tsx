/** The card's sections below the summary: why it matched, differing views, timeline, related entities. */
import { eventEvidence, type Source, type TimelineEvent } from '~/lib/factbase/types';
import type { EntityDetails } from '~/lib/messaging/messages';
import {
  eventsAround,
  evidenceWords,
  formatDate,
  groupViews,
  languageName,
  missingStandpointsSentence,
  relatedChips,
  shortCitation,
  shortSourceName,
  singularStance,
  type MatchReason,
} from './card-model';
import { Attribution } from './Evidence';
import { formatList, t, tp } from '~/lib/i18n/translator';
import { standpointWords } from '~/lib/i18n/standpoints';

/** One quiet line under the title, only when the page's word is not plainly the title (see `whyMatched`). */
export function WhyMatched({ reason, name, evidence }: { reason: MatchReason; name: string; evidence?: string }) {
  const names = reason.langs.map((l) => languageName(l)!);
  // The title is right above: the line says only how the page's word relates to it.
  let text: string;
  if (reason.usedBy.length) text = tp('cardWhyUsedBy', reason.usedBy.length, formatList(reason.usedBy));
  else if (names.length) text = t('cardWhySpelling', formatList(names));
  else if (reason.respelling) text = t('cardWhyRespelling');
  else text = t('cardWhyOtherName', name);
  if (reason.inflected && reason.alias) text = t('cardWhyForm', reason.alias.text, text);
  const ours = reason.alias && !reason.alias.inCorpus && !reason.usedBy.length;
  if (ours) text += ` ${t('cardWhyNotFromSources')}`;
  if (evidence) text += t('cardWhyEvidence', evidenceWords(evidence));
  return (
    <p class="lens-why">
      <span class="lens-why-label">{t('cardWhyLabel')}</span> {t('cardWhyLine', reason.matched, text)}
    </p>
  );
}

/** At most this many framings show at first; the rest sit behind "N more". */
const VIEWS_SHOWN = 2;

/**
 * How sources name or frame it: one line per source, the name or framing first and who uses it with their standpoint
 * after; the source's note and its quote open from the line.
 */
export function Views({ details }: { details: EntityDetails }) {
  const groups = groupViews(details.entity.views);
  const missing = details.entity.missingStandpoints ?? [];
  if (!groups.length && !missing.length) return null;
  const rows = groups.flatMap((g) => g.views.map((v) => ({ label: g.label, view: v })));
  const first = rows.slice(0, VIEWS_SHOWN);
  const rest = rows.slice(VIEWS_SHOWN);
  const row = ({ label, view }: (typeof rows)[number], i: number) => {
    const cite = view.evidence ? shortCitation(view.evidence, details.sources) : null;
    const who = cite?.who ?? shortSourceName(view.source, details.sources, view.evidence?.where.chapterAuthor);
    const stance =
      cite?.stance ?? standpointWords(singularStance(details.sources.find((s) => s.id === view.source)?.stance ?? ''));
    return (
      <li class="lens-view" key={i}>
        <details class="lens-view-more">
          <summary>
            <span class="lens-view-label">{label}</span>
            <span class="lens-view-by">
              {' '}
              · {who}
              {stance && <span class="lens-stance"> · {stance}</span>}
            </span>
          </summary>
          <p class="lens-view-note">{view.note}</p>
          {view.evidence && (
            <figure class="lens-view-quote">
              <blockquote dir="auto">{view.evidence.quote}</blockquote>
              <Attribution evidence={view.evidence} sources={details.sources} />
            </figure>
          )}
        </details>
      </li>
    );
  };
  return (
    <section class="lens-section lens-framing" aria-label={t('cardViewsLabel')}>
      <h3>{t('cardViewsHeading')}</h3>
      {first.length > 0 && <ul class="lens-views">{first.map(row)}</ul>}
      {rest.length > 0 && (
        <details class="lens-views-rest">
          <summary>{tp('cardViewsMore', rest.length)}</summary>
          <ul class="lens-views">{rest.map((r, i) => row(r, i + VIEWS_SHOWN))}</ul>
        </details>
      )}
      {missing.length > 0 && <p class="lens-views-missing">{missingStandpointsSentence(missing)}</p>}
    </section>
  );
}

/**
 * The events either side of the article's date (`asOf`, read from the page), or of today when the page gives none:
 * the heading says which.
 */
export function Timeline({ events, asOf, sources }: { events: TimelineEvent[]; asOf?: string; sources: Source[] }) {
  if (!events.length) return null;
  const today = new Date().toISOString().slice(0, 10);
  const { previous, next } = eventsAround(events, asOf ?? today);
  const rows = [
    previous && { label: t('cardBefore'), event: previous },
    next && { label: t('cardAfter'), event: next },
  ].filter((r): r is { label: string; event: TimelineEvent } => !!r);
  if (!rows.length) return null;
  return (
    <section class="lens-section" aria-label={t('cardTimeline')}>
      <h3>{asOf ? t('cardTimelineAroundDate', formatDate(asOf)) : t('cardTimelineAroundToday')}</h3>
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
                  —{' '}
                  {[
                    ...new Set(
                      eventEvidence(event).map((e) => shortSourceName(e.source, sources, e.where.chapterAuthor)),
                    ),
                  ].join('; ')}
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
    <section class="lens-section" aria-label={t('cardRelated')}>
      <h3>{t('cardRelated')}</h3>
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
