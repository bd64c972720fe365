/** Search results as a listbox driven from the search box (aria-activedescendant): the focus never leaves the box. */
import { useEffect, useRef } from 'preact/hooks';
import { typeLabel } from '~/components/card/card-model';
import type { SearchHit } from '~/lib/search/search';
import { Highlighted } from './Highlighted';
import { isOwnNameId } from '~/lib/own/types';
import { ownBadge } from '~/components/own/PopupOwnActions';
import { t } from '~/lib/i18n';

export const RESULTS_ID = 'lens-results';
export const resultId = (i: number) => `lens-result-${i}`;

interface ResultListProps {
  hits: readonly SearchHit[];
  selected: number;
  onHover(i: number): void;
  onOpen(i: number): void;
}

export function ResultList({ hits, selected, onHover, onOpen }: ResultListProps) {
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    list.current?.querySelector(`#${resultId(selected)}`)?.scrollIntoView({ block: 'nearest' });
  }, [selected, hits]);
  return (
    <ul id={RESULTS_ID} class="results" role="listbox" aria-label={t('popupResultsLabel')} ref={list}>
      {hits.map((hit, i) => (
        <li
          key={hit.id}
          id={resultId(i)}
          class="result"
          role="option"
          aria-selected={i === selected}
          data-entity={hit.id}
          onMouseMove={() => i !== selected && onHover(i)}
          onClick={() => onOpen(i)}
        >
          <div class="result-head">
            <span class="result-name">
              <Highlighted text={hit.title.text} ranges={hit.title.ranges} />
            </span>
            <span class="result-type">
              {isOwnNameId(hit.id) && <span class="own-badge">{ownBadge()}</span>}
              {typeLabel(hit.type)}
            </span>
          </div>
          {hit.alias && (
            <div class="result-alias">
              <span class="result-alias-label">{t('popupAlso')} </span>
              {hit.alias.clippedStart && '…'}
              <Highlighted text={hit.alias.text} ranges={hit.alias.ranges} />
              {hit.alias.clippedEnd && '…'}
            </div>
          )}
          <div class={`result-context result-${hit.context.kind}`}>
            {hit.context.kind === 'quote' && '“'}
            {hit.context.clippedStart && '…'}
            <Highlighted text={hit.context.text} ranges={hit.context.ranges} />
            {hit.context.clippedEnd && '…'}
            {hit.context.kind === 'quote' && '”'}
          </div>
        </li>
      ))}
    </ul>
  );
}
