/**
 * A verbatim quote under a one-line citation that says who and from which standpoint first ("Shaffer · Western
 * analyst · Silk Road Paper 2024, ¶8"); the full citation (chapter, volume, publisher, section) opens from it.
 */
import type { Evidence, Source } from '~/lib/factbase/types';
import { attribute, byline, shortCitation } from './card-model';
import { t, tParts } from '~/lib/i18n/translator';

export function Quote({
  evidence,
  sources,
  claim,
}: {
  evidence: Evidence;
  sources: readonly Source[];
  claim?: string;
}) {
  return (
    <figure class="lens-quote">
      {claim && <p class="lens-claim">{claim}</p>}
      {/* Who says so, before what they say. */}
      <Citation evidence={evidence} sources={sources} />
      {/* The source's words keep their own direction inside a right-to-left interface. */}
      <blockquote dir="auto">{evidence.quote}</blockquote>
    </figure>
  );
}

function Citation({ evidence, sources }: { evidence: Evidence; sources: readonly Source[] }) {
  const c = shortCitation(evidence, sources);
  if (!c) return <Attribution evidence={evidence} sources={sources} />;
  return (
    <details class="lens-cite">
      <summary title={t('cardCitationTitle')}>
        <span class="lens-cite-who">{c.who}</span>
        {c.stance && <span class="lens-stance"> · {c.stance}</span>}
        <span class="lens-cite-where">
          {' '}
          · {c.work ? `${c.work}, ` : ''}¶{c.paragraph}
        </span>
      </summary>
      <Attribution evidence={evidence} sources={sources} />
    </details>
  );
}

export function Attribution({ evidence, sources }: { evidence: Evidence; sources: readonly Source[] }) {
  const a = attribute(evidence, sources);
  if (!a) return <figcaption class="lens-attribution">{t('cardSourceOnly', evidence.source)}</figcaption>;
  const place = [a.section && t('cardSection', a.section), t('cardParagraph', a.paragraph)].filter(Boolean).join(', ');
  return (
    <figcaption class="lens-attribution">
      <span class="lens-attr-work">
        {a.author && <span class="lens-attr-author">{byline(a)}, </span>}
        {a.chapter ? <>{tParts('cardChapterIn', a.chapter, <cite>{a.title}</cite>)}</> : <cite>{a.title}</cite>}
      </span>
      <span class="lens-attr-meta">
        {[a.publisher, a.date].filter(Boolean).join(', ')}
        {(a.publisher || a.date) && ' · '}
        {place}
        {a.stance && <span class="lens-stance"> · {a.stance}</span>}
      </span>
    </figcaption>
  );
}
