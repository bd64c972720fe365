/** "Centre on…": a combobox over entity names and aliases (ARIA 1.2 combobox with a listbox popup). */
import { useId, useMemo, useState } from 'preact/hooks';
import { typeLabel } from '~/components/card/card-model';
import { familyOf } from '~/lib/explore/entity-families';
import type { EntitySearch as Search } from '~/lib/explore/model';
import { FamilyGlyph } from './glyphs';
import { t } from '~/lib/i18n/translator';

export function EntitySearch({
  search,
  onChoose,
  label,
}: {
  search: Search;
  onChoose: (id: string) => void;
  label: string;
}) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const id = useId();
  const hits = useMemo(() => search.search(query, 8), [search, query]);
  const expanded = open && hits.length > 0;

  const choose = (i: number) => {
    const hit = hits[i];
    if (!hit) return;
    onChoose(hit.id);
    setQuery('');
    setOpen(false);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(hits.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter') {
      if (expanded) {
        e.preventDefault();
        choose(active);
      }
    } else if (e.key === 'Escape') {
      if (expanded) {
        e.preventDefault();
        setOpen(false);
      } else setQuery('');
    }
  };

  return (
    <div class="ex-field ex-search">
      <label for={`${id}-input`}>{label}</label>
      <input
        id={`${id}-input`}
        type="search"
        role="combobox"
        autocomplete="off"
        spellcheck={false}
        placeholder={t('exploreSearchPlaceholder')}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={`${id}-list`}
        aria-activedescendant={expanded ? `${id}-opt-${active}` : undefined}
        value={query}
        onInput={(e) => {
          setQuery((e.target as HTMLInputElement).value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onFocus={() => setOpen(true)}
      />
      <ul
        class="ex-search-list"
        id={`${id}-list`}
        role="listbox"
        aria-label={t('exploreMatchingEntities')}
        hidden={!expanded}
      >
        {hits.map((hit, i) => (
          <li
            key={hit.id}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            data-entity-id={hit.id}
            onMouseDown={(e) => {
              e.preventDefault();
              choose(i);
            }}
            onMouseEnter={() => setActive(i)}
          >
            <FamilyGlyph family={familyOf(hit.type)} />
            <span>
              {hit.name}
              {hit.alias && <span class="ex-hit-meta"> “{hit.alias}”</span>}
            </span>
            <span class="ex-hit-meta">{typeLabel(hit.type)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
