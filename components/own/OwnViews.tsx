/** The library's views of your own material beside its snippets: by name (with notes), your sources, your names. */
import type { EntityLookup } from '~/lib/snippets/entity-names';
import type { Snippet } from '~/lib/snippets/types';
import { EntitiesPanel } from './EntitiesPanel';
import { NamesPanel } from './NamesPanel';
import { SourcesPanel, type Notice } from './SourcesPanel';
import { t, type MessageKey } from '~/lib/i18n/translator';
import './own-library.css';

export type LibraryView = 'snippets' | 'entities' | 'sources' | 'names';

const VIEWS: [LibraryView, MessageKey][] = [
  ['snippets', 'ownViewSnippets'],
  ['entities', 'ownViewEntities'],
  ['sources', 'ownViewSources'],
  ['names', 'ownViewNames'],
];

/** `?view=sources`, `?track=Name` (the "Track this name" menu item) or the snippets. */
export function initialOwnView(): LibraryView {
  const params = new URLSearchParams(location.search);
  if (params.has('track')) return 'names';
  const view = params.get('view');
  return VIEWS.some(([v]) => v === view) ? (view as LibraryView) : 'snippets';
}

export function OwnTabs(props: { view: LibraryView; onChange: (view: LibraryView) => void }) {
  return (
    <nav class="own-tabs" aria-label={t('ownViewsLabel')}>
      {VIEWS.map(([v, label]) => (
        <button
          key={v}
          type="button"
          aria-current={props.view === v ? 'page' : undefined}
          onClick={() => props.onChange(v)}
        >
          {t(label)}
        </button>
      ))}
    </nav>
  );
}

export function OwnViews(props: {
  view: Exclude<LibraryView, 'snippets'>;
  /** Null while the library is still reading them. */
  snippets: readonly Snippet[] | null;
  entityName: EntityLookup;
  show: (notice: Notice) => void;
  onShowSnippets: (entityId: string) => void;
  focusEntity?: string;
}) {
  return (
    <main class="own-view">
      {props.view === 'sources' && <SourcesPanel show={props.show} />}
      {props.view === 'names' && (
        <NamesPanel show={props.show} initialName={new URLSearchParams(location.search).get('track') ?? undefined} />
      )}
      {props.view === 'entities' && (
        <EntitiesPanel
          snippets={props.snippets}
          entityName={props.entityName}
          show={props.show}
          onShowSnippets={props.onShowSnippets}
          focusEntity={props.focusEntity}
        />
      )}
    </main>
  );
}
