/**
 * The snippets library: every saved passage, newest first; search and filters; note and tag editing; delete with
 * undo; many-at-once selection; export (JSON, Markdown, CSV), import, and a one-click backup and restore of
 * everything the user owns. Reads and writes IndexedDB directly (an extension page shares the extension's origin).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import aliasIndexJson from '~/data/alias-index.json';
import type { AliasIndex } from '~/lib/factbase/types';
import { exportSnippetsCsv } from '~/lib/snippets/csv-codec';
import { entityLookupFromRows } from '~/lib/snippets/entity-names';
import { compareNewestFirst, facets, filterSnippets, searchHaystack, type SnippetQuery } from '~/lib/snippets/filter';
import { exportBackupJson, exportSnippetsJson, parseImportFile } from '~/lib/snippets/json-codec';
import { exportSnippetsMarkdown } from '~/lib/snippets/markdown-codec';
import { SNIPPET_LIMITS, type Snippet, type SnippetPatch } from '~/lib/snippets/types';
import { onSnippetsChanged } from '~/browser/snippets-db/change-events';
import {
  deleteSnippets,
  importSnippets,
  listSnippets,
  restore,
  updateSnippet,
} from '~/browser/snippets-db/snippet-store';
import { exportSettings, importSettings } from '~/browser/settings-storage';
import type { OwnMaterial } from '~/lib/own/types';
import { exportOwn, importOwn } from '~/browser/snippets-db/own-store';
import { ownToMarkdown } from '~/lib/own/own-markdown';
import { reindexOwnSources } from '~/components/own/own-api';
import { OwnViews, OwnTabs, initialOwnView, type LibraryView } from '~/components/own/OwnViews';
import { listNames } from '~/browser/snippets-db/own-store';
import { onOwnChanged } from '~/browser/snippets-db/own-events';
import { settingsFromImport } from '~/lib/settings/settings';
import { datedFilename, downloadText, pickFile } from './library-io';
import { snippetCount } from './format';
import { SnippetDetail } from './SnippetDetail';
import { ROW_HEIGHT, SnippetRow } from './SnippetRow';
import { StorageStatus } from './StorageStatus';
import { VirtualList } from './VirtualList';
import './library.css';
import { whenIdle } from '../when-idle';
import { formatNumber, t, tp, tParts } from '~/lib/i18n/translator';

const entityName = entityLookupFromRows((aliasIndexJson as unknown as AliasIndex).entities);
/** Long enough to notice a mistake and reach Undo. Milliseconds. */
const UNDO_MS = 10_000;

interface Banner {
  text: string;
  kind: 'ok' | 'error';
  undo?: () => void;
}

type Format = 'json' | 'md' | 'csv';

export function LibraryApp() {
  const [all, setAll] = useState<Snippet[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [query, setQuery] = useState<SnippetQuery>(() => {
    const entityId = new URLSearchParams(location.search).get('entity');
    return entityId ? { text: '', entityId } : { text: '' };
  });
  const [view, setView] = useState<LibraryView>(initialOwnView);
  /** The reader's own names, to label them in the entity filter. */
  const [ownLabels, setOwnLabels] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    const load = () => void listNames().then((names) => setOwnLabels(new Map(names.map((n) => [n.id, n.name]))));
    load();
    return onOwnChanged(load);
  }, []);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [activeId, setActiveId] = useState<string | null>(null);
  const [cursor, setCursor] = useState(-1);
  const [banner, setBanner] = useState<Banner | null>(null);
  const anchor = useRef(-1);
  const search = useRef<HTMLInputElement>(null);
  const haystacks = useRef(new WeakMap<Snippet, string>());
  const bannerTimer = useRef<ReturnType<typeof setTimeout>>();

  const show = useCallback((b: Banner | null, ms = b?.undo ? UNDO_MS : b?.kind === 'error' ? 15_000 : 6_000) => {
    clearTimeout(bannerTimer.current);
    setBanner(b);
    if (b) bannerTimer.current = setTimeout(() => setBanner(null), ms);
  }, []);

  const reload = useCallback(async () => {
    try {
      const list = await listSnippets();
      setAll(list.sort(compareNewestFirst));
      setLoadError(null);
    } catch (err) {
      setLoadError((err as Error).message);
    }
  }, []);

  useEffect(() => {
    void reload();
    // Saves from pages (the background) and edits in other library tabs.
    return onSnippetsChanged(() => void reload());
  }, [reload]);

  useEffect(() => {
    if (all === null) return;
    // For the benchmark and the end-to-end tests: the first paint with data.
    document.documentElement.dataset.libraryCount = String(all.length);
    if (!performance.getEntriesByName('lens-library-ready').length) performance.mark('lens-library-ready');
  }, [all]);

  const haystackOf = useCallback((s: Snippet) => {
    let h = haystacks.current.get(s);
    if (h === undefined) haystacks.current.set(s, (h = searchHaystack(s, entityName)));
    return h;
  }, []);

  // Search text for every snippet, built in idle slices after the first paint, so the first keystroke does not
  // pay for 10,000 of them at once.
  useEffect(() => {
    if (!all) return;
    let i = 0;
    let cancel = () => {};
    const step = (deadline?: IdleDeadline) => {
      const until = performance.now() + (deadline ? Math.max(4, deadline.timeRemaining()) : 8);
      while (i < all.length && performance.now() < until) haystackOf(all[i++]!);
      if (i < all.length) cancel = whenIdle(window, step, { fallbackMs: 16 });
    };
    cancel = whenIdle(window, step, { fallbackMs: 16 });
    return () => cancel();
  }, [all, haystackOf]);

  const shown = useMemo(() => (all ? filterSnippets(all, query, haystackOf) : []), [all, query, haystackOf]);
  // Filter menus are counted after the list has painted: they are not needed for the first frame.
  const [facetLists, setFacetLists] = useState<ReturnType<typeof facets>>({ entities: [], tags: [], sites: [] });
  useEffect(() => {
    if (!all) return;
    const t = setTimeout(() => setFacetLists(facets(all)), 0);
    return () => clearTimeout(t);
  }, [all]);
  const active = useMemo(() => (activeId ? (all?.find((s) => s.id === activeId) ?? null) : null), [all, activeId]);
  const selectedShown = useMemo(() => shown.filter((s) => selected.has(s.id)), [shown, selected]);

  const toggle = useCallback(
    (id: string, index: number, range: boolean) => {
      setSelected((prev) => {
        const next = new Set(prev);
        if (range && anchor.current >= 0) {
          const [a, b] = [Math.min(anchor.current, index), Math.max(anchor.current, index)];
          const on = !prev.has(id);
          for (let i = a; i <= b; i++) {
            const s = shown[i];
            if (s && on) next.add(s.id);
            else if (s) next.delete(s.id);
          }
        } else if (next.has(id)) next.delete(id);
        else next.add(id);
        anchor.current = index;
        return next;
      });
    },
    [shown],
  );

  const open = useCallback((id: string, index: number) => {
    setActiveId(id);
    setCursor(index);
  }, []);

  const remove = useCallback(
    async (ids: string[]) => {
      try {
        const removed = await deleteSnippets(ids);
        setSelected((prev) => new Set([...prev].filter((id) => !ids.includes(id))));
        if (activeId && ids.includes(activeId)) setActiveId(null);
        await reload();
        show({
          kind: 'ok',
          text: t('libraryDeleted', snippetCount(removed.length)),
          undo: async () => {
            try {
              await restore(removed);
              await reload();
              show({ kind: 'ok', text: t('libraryRestoredDeleted', snippetCount(removed.length)) });
            } catch (err) {
              show({ kind: 'error', text: (err as Error).message });
            }
          },
        });
      } catch (err) {
        show({ kind: 'error', text: (err as Error).message });
      }
    },
    [activeId, reload, show],
  );

  const save = useCallback(
    async (id: string, patch: SnippetPatch) => {
      try {
        await updateSnippet(id, patch);
        await reload();
        return true;
      } catch (err) {
        show({ kind: 'error', text: (err as Error).message });
        return false;
      }
    },
    [reload, show],
  );

  const exportAs = async (format: Format) => {
    const list = selectedShown.length ? selectedShown : (all ?? []);
    const kind = selectedShown.length ? 'selection' : 'snippets';
    // A selection exports those snippets only; "all" carries your notes, sources and names too. If they cannot be
    // read, nothing is downloaded: a file that quietly lacks them would pass for a complete copy.
    let own: Awaited<ReturnType<typeof exportOwn>> | undefined;
    try {
      own = selectedShown.length || format === 'csv' ? undefined : await exportOwn();
    } catch (err) {
      show({ kind: 'error', text: t('libraryExportFailed', (err as Error).message) });
      return;
    }
    if (format === 'json')
      downloadText(exportSnippetsJson(list, Date.now(), own), datedFilename(kind, 'json'), 'application/json');
    if (format === 'md') {
      const mine = own ? ownToMarkdown(own, entityName) : '';
      const text = exportSnippetsMarkdown(list, entityName) + (mine ? `\n---\n\n${mine}\n` : '');
      downloadText(text, datedFilename(kind, 'md'), 'text/markdown');
    }
    if (format === 'csv') downloadText(exportSnippetsCsv(list, entityName), datedFilename(kind, 'csv'), 'text/csv');
    show({
      kind: 'ok',
      text: t('libraryExported', snippetCount(list.length), format === 'md' ? 'Markdown' : format.toUpperCase()),
    });
  };

  const importFile = async (file: File | null, mode: 'import' | 'restore') => {
    if (!file) return;
    const result = await importOrRestore(file, mode);
    show(result);
    await reload();
  };

  const backup = async () => {
    try {
      const snippets = await listSnippets();
      downloadText(
        exportBackupJson(snippets, await exportSettings(), Date.now(), await exportOwn()),
        datedFilename('backup', 'json'),
        'application/json',
      );
      show({
        kind: 'ok',
        text: t('libraryBackedUp', snippetCount(snippets.length)),
      });
    } catch (err) {
      show({ kind: 'error', text: t('libraryBackupFailed', (err as Error).message) });
    }
  };

  const onKey = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (target.closest('input, textarea, select')) {
      if (e.key === 'Escape' && target === search.current) search.current?.blur();
      return;
    }
    const move = (to: number) => {
      const i = Math.max(0, Math.min(shown.length - 1, to));
      const s = shown[i];
      if (s) open(s.id, i);
      e.preventDefault();
    };
    if (e.key === '/') {
      search.current?.focus();
      e.preventDefault();
    } else if (e.key === 'ArrowDown' || e.key === 'j') move(cursor + 1);
    else if (e.key === 'ArrowUp' || e.key === 'k') move(cursor - 1);
    else if (e.key === 'x' && active) toggle(active.id, cursor, e.shiftKey);
    else if (e.key === 'Delete') {
      const ids = selected.size ? [...selected] : active ? [active.id] : [];
      if (ids.length) void remove(ids);
    } else if (e.key === 'Escape') {
      if (activeId) setActiveId(null);
      else setSelected(new Set());
    }
  };

  const allShownSelected = shown.length > 0 && selectedShown.length === shown.length;
  const filtersOn = Boolean(query.text || query.entityId || query.tag || query.site);

  return (
    <div class="library" onKeyDown={onKey}>
      <header class="top">
        <div class="brand">
          <h1>{t('libraryTitle')}</h1>
          <span class="count" data-testid="count">
            {all === null
              ? t('libraryLoading')
              : filtersOn
                ? t('libraryCountOf', shown.length, snippetCount(all.length))
                : snippetCount(all.length)}
          </span>
        </div>
        <OwnTabs view={view} onChange={setView} />
        <div class="top-actions">
          <button
            type="button"
            onClick={() => void pickFile('.json,application/json').then((f) => importFile(f, 'import'))}
          >
            {t('libraryImport')}
          </button>
          <button type="button" onClick={backup} title={t('libraryBackupTitle')}>
            {t('libraryBackup')}
          </button>
          <button
            type="button"
            onClick={() => void pickFile('.json,application/json').then((f) => importFile(f, 'restore'))}
          >
            {t('libraryRestore')}
          </button>
        </div>
      </header>

      {view !== 'snippets' ? (
        <OwnViews
          view={view}
          snippets={all}
          entityName={entityName}
          show={show}
          focusEntity={query.entityId}
          onShowSnippets={(entityId) => {
            setQuery({ text: '', entityId });
            setView('snippets');
          }}
        />
      ) : (
        <>
          <div class="filters" role="search">
            <input
              ref={search}
              type="search"
              class="search"
              placeholder={t('librarySearchPlaceholder')}
              aria-label={t('librarySearchLabel')}
              value={query.text}
              onInput={(e) => setQuery({ ...query, text: (e.currentTarget as HTMLInputElement).value })}
            />
            <FacetSelect
              label={t('libraryFilterEntity')}
              any={t('libraryAnyEntity')}
              value={query.entityId}
              options={facetLists.entities.map((f) => ({
                value: f.value,
                label: entityName(f.value)?.name ?? ownLabels.get(f.value) ?? f.value,
                count: f.count,
              }))}
              onChange={(entityId) => setQuery({ ...query, entityId })}
            />
            <FacetSelect
              label={t('libraryFilterTag')}
              any={t('libraryAnyTag')}
              value={query.tag}
              options={facetLists.tags.map((f) => ({ value: f.value, label: `#${f.value}`, count: f.count }))}
              onChange={(tag) => setQuery({ ...query, tag })}
            />
            <FacetSelect
              label={t('libraryFilterSite')}
              any={t('libraryAnySite')}
              value={query.site}
              options={facetLists.sites.map((f) => ({ value: f.value, label: f.value, count: f.count }))}
              onChange={(site) => setQuery({ ...query, site })}
            />
            {filtersOn && (
              <button type="button" class="link" onClick={() => setQuery({ text: '' })}>
                {t('libraryClearFilters')}
              </button>
            )}
          </div>

          {/* A named region: landmarks hold every part of the page (header, search, this bar, main, footer). */}
          <section class="bulk" aria-label={t('librarySelectionBar')}>
            <label class="select-all">
              <input
                type="checkbox"
                checked={allShownSelected}
                indeterminate={selectedShown.length > 0 && !allShownSelected}
                disabled={!shown.length}
                onChange={() =>
                  setSelected(allShownSelected ? new Set() : new Set([...selected, ...shown.map((s) => s.id)]))
                }
              />
              {selectedShown.length ? tp('librarySelectedCount', selectedShown.length) : t('librarySelectAllShown')}
            </label>
            <span class="spacer" />
            <span class="export-label">
              {selectedShown.length ? t('libraryExportSelection') : t('libraryExportAll')}
            </span>
            <button type="button" onClick={() => void exportAs('json')} disabled={!all?.length}>
              JSON
            </button>
            <button type="button" onClick={() => void exportAs('md')} disabled={!all?.length}>
              Markdown
            </button>
            <button type="button" onClick={() => void exportAs('csv')} disabled={!all?.length}>
              CSV
            </button>
            {selectedShown.length > 0 && (
              <button type="button" class="danger" onClick={() => void remove(selectedShown.map((s) => s.id))}>
                {t('libraryDeleteCount', selectedShown.length)}
              </button>
            )}
          </section>

          <main class={`panes${active ? ' with-detail' : ''}`}>
            <section class="list-pane">
              {loadError ? (
                <p class="empty error">{loadError}</p>
              ) : all === null ? (
                <p class="empty">{t('libraryLoading')}</p>
              ) : all.length === 0 ? (
                <EmptyLibrary />
              ) : shown.length === 0 ? (
                <p class="empty">{t('libraryNoMatch')}</p>
              ) : (
                <VirtualList
                  items={shown}
                  rowHeight={ROW_HEIGHT}
                  keyOf={(s) => s.id}
                  scrollToIndex={cursor}
                  label={t('libraryListLabel')}
                  renderRow={(s, i) => (
                    <SnippetRow
                      snippet={s}
                      index={i}
                      selected={selected.has(s.id)}
                      active={s.id === activeId}
                      entityName={entityName}
                      onToggle={toggle}
                      onOpen={open}
                    />
                  )}
                />
              )}
            </section>
            {active && (
              <SnippetDetail
                snippet={active}
                entityName={entityName}
                onSave={save}
                onDelete={(ids) => void remove(ids)}
                onFilterEntity={(entityId) => setQuery({ ...query, entityId })}
                onFilterTag={(tag) => setQuery({ ...query, tag })}
                onClose={() => setActiveId(null)}
              />
            )}
          </main>
        </>
      )}

      <footer class="bottom">
        <StorageStatus />
        <span class="muted">{t('libraryKeys')}</span>
      </footer>

      {banner && (
        <div class={`banner ${banner.kind}`} role={banner.kind === 'error' ? 'alert' : 'status'}>
          <span>{banner.text}</span>
          {banner.undo && (
            <button
              type="button"
              onClick={() => {
                const undo = banner.undo!;
                show(null);
                undo();
              }}
            >
              {t('libraryUndo')}
            </button>
          )}
          <button type="button" class="icon" aria-label={t('libraryDismiss')} onClick={() => show(null)}>
            ✕
          </button>
        </div>
      )}
    </div>
  );
}

function FacetSelect(props: {
  label: string;
  /** The first choice: no filter. */
  any: string;
  value: string | undefined;
  options: { value: string; label: string; count: number }[];
  onChange: (value: string | undefined) => void;
}) {
  return (
    <select
      class="facet"
      aria-label={props.label}
      value={props.value ?? ''}
      disabled={!props.options.length}
      onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value || undefined)}
    >
      <option value="">{props.any}</option>
      {props.options.map((o) => (
        <option key={o.value} value={o.value}>
          {t('libraryFacetOption', o.label, o.count)}
        </option>
      ))}
    </select>
  );
}

function EmptyLibrary() {
  return (
    <div class="empty">
      <p>
        <strong>{t('libraryEmptyTitle')}</strong>
      </p>
      <p>
        {tParts(
          'libraryEmptyText',
          <>
            <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>S</kbd>
          </>,
          t('menuSaveSelection'),
          t('cardSaveSnippet'),
        )}
      </p>
    </div>
  );
}

/**
 * Import (adds new ids, leaves existing ones alone) or restore (puts every snippet back as in the backup, and the
 * settings). The whole file is validated first; on any problem nothing is written.
 */
async function importOrRestore(file: File, mode: 'import' | 'restore'): Promise<Banner> {
  if (file.size > SNIPPET_LIMITS.importBytes) {
    const mb = (n: number) =>
      t('libraryMegabytes', formatNumber(n / 1024 / 1024, { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
    return {
      kind: 'error',
      text: t('libraryFileTooLarge', file.name, mb(file.size), mb(SNIPPET_LIMITS.importBytes)),
    };
  }
  const parsed = parseImportFile(await file.text(), file.size);
  if (!parsed.ok) return { kind: 'error', text: t('libraryFileProblem', file.name, parsed.error) };
  try {
    if (mode === 'import') {
      const { added, skipped } = await importSnippets(parsed.snippets);
      const items = [snippetCount(added), ...(await importOwnMaterial(parsed.own, false))].join(', ');
      return {
        kind: 'ok',
        text: skipped ? tp('libraryImportedSkipped', skipped, items) : t('libraryImported', items),
      };
    }
    // Restore: settings are checked before any write, so a bad settings record changes nothing at all.
    if (parsed.settings && !settingsFromImport(parsed.settings))
      return { kind: 'error', text: t('libraryBadBackupSettings', file.name) };
    const count = await restore(parsed.snippets);
    const items = [snippetCount(count), ...(await importOwnMaterial(parsed.own, true))].join(', ');
    if (parsed.settings) await importSettings(parsed.settings);
    return {
      kind: 'ok',
      text: parsed.settings ? t('libraryRestoredSettings', items, file.name) : t('libraryRestored', items, file.name),
    };
  } catch (err) {
    return { kind: 'error', text: (err as Error).message };
  }
}

/** Adds (or, restoring, puts back) notes, sources and names; sources' quotes are then derived again by the
 * background's matcher. Returns the banner's counts for it, none when the file had none. */
async function importOwnMaterial(own: OwnMaterial, replace: boolean): Promise<string[]> {
  const total = own.notes.length + own.sources.length + own.names.length;
  if (!total) return [];
  const { added } = await importOwn(own, replace);
  if (own.sources.length || own.names.length) await reindexOwnSources();
  const parts = [
    own.notes.length && tp('libraryNoteCount', own.notes.length),
    own.sources.length && tp('librarySourceCount', own.sources.length),
    own.names.length && tp('libraryNameCount', own.names.length),
  ].filter((p): p is string => !!p);
  return replace || added === total ? parts : [tp('libraryOwnCount', added)];
}
