/** A verbatim quote with its full attribution: who, where in the work, which work, publisher, date, paragraph. */
import type { Evidence, Source } from '~/lib/factbase/types';
import { attribute } from './card-model';

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
      <blockquote>{evidence.quote}</blockquote>
      <Attribution evidence={evidence} sources={sources} />
    </figure>
  );
}

export function Attribution({ evidence, sources }: { evidence: Evidence; sources: readonly Source[] }) {
  const a = attribute(evidence, sources);
  if (!a) return <figcaption class="lens-attribution">Source: {evidence.source}</figcaption>;
  const place = [a.section && `section “${a.section}”`, `paragraph ${a.paragraph}`].filter(Boolean).join(', ');
  return (
    <figcaption class="lens-attribution">
      <span class="lens-attr-work">
        {a.author && <span class="lens-attr-author">{a.author}, </span>}
        {a.chapter ? (
          <>
            “{a.chapter}”, in <cite>{a.title}</cite>
          </>
        ) : (
          <cite>{a.title}</cite>
        )}
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
