/** One snippet in the list: fixed height, text clamped; everything is Preact text, never markup. */
import { memo } from 'preact/compat';
import type { EntityLookup } from '~/lib/snippets/entity-names';
import { siteOf } from '~/lib/snippets/entity-names';
import type { Snippet } from '~/lib/snippets/types';
import { fullDate, shortDate } from './format';
import { t } from '~/lib/i18n/translator';

/** Pixels. Title, two lines of text, one line of chips, and breathing room; the list's arithmetic depends on it. */
export const ROW_HEIGHT = 112;
/** Chips shown in a row; the detail pane shows them all. */
const MAX_ROW_CHIPS = 4;

interface SnippetRowProps {
  snippet: Snippet;
  index: number;
  selected: boolean;
  active: boolean;
  entityName: EntityLookup;
  onToggle: (id: string, index: number, range: boolean) => void;
  onOpen: (id: string, index: number) => void;
}

/** Memoised: scrolling moves rows but rarely changes them, so most rows skip rendering entirely. */
export const SnippetRow = memo(SnippetRowView);

function SnippetRowView({ snippet: s, index, selected, active, entityName, onToggle, onOpen }: SnippetRowProps) {
  const chips = s.entityIds.slice(0, MAX_ROW_CHIPS).map((id) => entityName(id)?.name ?? id);
  const more = s.entityIds.length - chips.length;
  return (
    <article
      class={`snippet-row${active ? ' active' : ''}${selected ? ' selected' : ''}`}
      data-snippet-id={s.id}
      onClick={(e) => {
        if ((e.target as HTMLElement).closest('input')) return;
        onOpen(s.id, index);
      }}
    >
      <input
        type="checkbox"
        class="row-check"
        checked={selected}
        aria-label={t('librarySelectSnippet', s.title || siteOf(s.url))}
        onClick={(e) => {
          e.stopPropagation();
          onToggle(s.id, index, e.shiftKey);
        }}
      />
      <div class="row-body">
        <header class="row-head">
          <button type="button" class="row-title" onClick={() => onOpen(s.id, index)} title={s.title}>
            {s.title || siteOf(s.url)}
          </button>
          <span class="row-meta" title={fullDate(s.createdAt)}>
            {siteOf(s.url)} · {shortDate(s.createdAt)}
          </span>
        </header>
        <p class="row-text">{s.text}</p>
        <footer class="row-chips">
          {chips.map((name) => (
            <span class="chip entity" key={name}>
              {name}
            </span>
          ))}
          {more > 0 && <span class="chip more">+{more}</span>}
          {s.tags.map((t) => (
            <span class="chip tag" key={`#${t}`}>
              #{t}
            </span>
          ))}
          {s.note.trim() && (
            <span class="row-note" title={s.note}>
              ✎ {s.note}
            </span>
          )}
        </footer>
      </div>
    </article>
  );
}
