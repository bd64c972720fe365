/** Pieces the timeline's list and the side panel share: a quote with its attribution, and entity chips. */
import type { Evidence, Source } from '~/lib/factbase/types';
import { attribute, byline } from '~/components/card/card-model';
import { t, tParts } from '~/lib/i18n/translator';
import { familyOf } from '~/lib/explore/entity-families';
import type { ExploreModel } from '~/lib/explore/model';
import { FamilyGlyph } from './glyphs';

export function EventQuote({ evidence, sources }: { evidence: Evidence; sources: readonly Source[] }) {
  const a = attribute(evidence, sources);
  return (
    <figure class="ex-quote">
      <blockquote dir="auto">{evidence.quote}</blockquote>
      <figcaption>
        {a ? (
          <>
            {a.author && `${byline(a)}, `}
            {a.chapter ? <>{tParts('exploreChapterIn', a.chapter, <cite>{a.title}</cite>)}</> : <cite>{a.title}</cite>}
            {[a.publisher, a.date].filter(Boolean).length
              ? `, ${[a.publisher, a.date].filter(Boolean).join(', ')}`
              : ''}
            {` · ¶${a.paragraph}`}
            {a.stance && ` · ${a.stance}`}
          </>
        ) : (
          t('exploreSourceId', evidence.source)
        )}
      </figcaption>
    </figure>
  );
}

export function EntityChips({
  ids,
  model,
  onOpen,
  activeId,
  label,
}: {
  ids: readonly string[];
  model: ExploreModel;
  onOpen: (id: string) => void;
  activeId?: string;
  label: string;
}) {
  const entities = ids.flatMap((id) => model.store.entity(id) ?? []);
  if (!entities.length) return null;
  return (
    <ul class="ex-chips" aria-label={label}>
      {entities.map((e) => (
        <li key={e.id}>
          <button
            type="button"
            class="ex-chip"
            data-entity-chip={e.id}
            aria-pressed={e.id === activeId}
            title={t('exploreOpenCardFor', e.name)}
            onClick={() => onOpen(e.id)}
          >
            <FamilyGlyph family={familyOf(e.type)} size={11} />
            {e.name}
          </button>
        </li>
      ))}
    </ul>
  );
}
