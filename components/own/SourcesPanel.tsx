/**
 * Your own sources, in the library: add one by pasting text or picking a .txt, .md or .html file, record what it is
 * (title, author, date, URL, the standpoint you give it), edit or remove it (with undo). The background's matcher
 * reads each source into quotes per entity; a bad file is refused before anything is stored.
 */
import { useEffect, useId, useState } from 'preact/hooks';
import type { AddedSource, SourceDraft } from '~/lib/own/own-background';
import { readSourceFile, SOURCE_FILE_ACCEPT, sourceFileSizeProblem } from '~/lib/own/source-file';
import { EMPTY_SOURCE_DRAFT, PROGRESS_ABOVE_CHARS, OWN_LIMITS, type OwnSource } from '~/lib/own/types';
import { onOwnChanged } from '~/browser/snippets-db/own-events';
import { deleteSources, listSources, putSource } from '~/browser/snippets-db/own-store';
import { addOwnSource } from './own-api';
import { mainTextOfHtml } from './html-text';
import { useLatest } from '../use-latest';
import { t, tp } from '~/lib/i18n/translator';
import { isoDate } from '../library/format';
import { problemText } from './problem-text';

export interface Notice {
  text: string;
  kind: 'ok' | 'error';
  undo?: () => void;
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/**
 * Word counts of the listed sources, by id and version: counting 200 sources of 50 KB splits 10 MB of text, which every
 * render of the panel (each keystroke in the form, each step of an add) did again.
 */
const wordCounts = new Map<string, number>();
function wordsOf(s: OwnSource): number {
  const key = `${s.id}\u0000${s.updatedAt}`;
  let n = wordCounts.get(key);
  if (n === undefined) wordCounts.set(key, (n = words(s.text)));
  return n;
}

export function SourcesPanel(props: { show: (notice: Notice) => void }) {
  const [sources, setSources] = useState<OwnSource[] | null>(null);
  const [draft, setDraft] = useState<SourceDraft>(EMPTY_SOURCE_DRAFT);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const formId = useId();

  const reload = () =>
    void listSources().then(setSources, (err: Error) => props.show({ kind: 'error', text: err.message }));
  // Loaded once and again on every change to sources, with the latest props (notes and names are not listed here). Adds, removals and undos here are changes too, and
  // every one of them is announced (own-store.ts; the background's for an add), so they do not read again themselves:
  // with 200 sources of 50 KB each read is 10 MB, and an add read them twice.
  const reloadRef = useLatest(reload);
  useEffect(() => {
    reloadRef.current();
    return onOwnChanged((what) => (what === 'sources' || what === 'all') && reloadRef.current());
  }, [reloadRef]);

  const field = (key: keyof SourceDraft, label: string, max: number, hint?: string) => (
    <label class="own-field">
      <span>{label}</span>
      <input
        type={key === 'url' ? 'url' : 'text'}
        name={key}
        value={draft[key] as string}
        maxLength={max}
        placeholder={hint}
        onInput={(e) => {
          const value = (e.currentTarget as HTMLInputElement).value;
          setDraft((d) => ({ ...d, [key]: value }));
        }}
      />
    </label>
  );

  const pickFile = async (file: File | undefined) => {
    if (!file) return;
    setProblem(null);
    // Size first: a 500 MB file is never read into memory.
    const tooBig = sourceFileSizeProblem(file.name, file.size);
    if (tooBig) return setProblem(problemText(tooBig));
    const read = readSourceFile(file.name, new Uint8Array(await file.arrayBuffer()));
    if (!read.ok) return setProblem(problemText(read.error));
    let text = read.text;
    let meta: Partial<SourceDraft> = {};
    if (read.kind === 'html') {
      const page = await mainTextOfHtml(read.text);
      if (!page.text) return setProblem(t('ownFileNoText', file.name));
      text = page.text;
      meta = { title: page.title, author: page.author, date: page.date };
    }
    const title = draft.title || meta.title || file.name.replace(/\.[a-z]+$/i, '');
    setDraft({
      ...draft,
      ...Object.fromEntries(Object.entries(meta).filter(([k, v]) => v && !draft[k as keyof SourceDraft])),
      title,
      text,
      origin: 'file',
      fileName: file.name,
    });
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setProblem(null);
    if (!draft.text.trim()) return setProblem(t('ownSourceNoText'));
    if (!draft.title.trim()) return setProblem(t('ownNoTitle'));
    if (draft.text.length > OWN_LIMITS.sourceText)
      return setProblem(t('ownSourceTooLong', OWN_LIMITS.sourceText / (1024 * 1024)));
    setBusy(draft.text.length > PROGRESS_ABOVE_CHARS ? t('ownAddingLong', words(draft.text)) : t('ownAdding'));
    try {
      const previous = draft.id ? sources?.find((s) => s.id === draft.id) : undefined;
      const added: AddedSource = await addOwnSource(draft);
      setDraft(EMPTY_SOURCE_DRAFT);
      props.show({
        kind: 'ok',
        text: t(
          previous ? 'ownSourceUpdated' : 'ownAdded',
          added.source.title,
          tp('ownQuoteCount', added.quotes),
          tp('ownNameCount', added.entities),
        ),
        undo: previous
          ? undefined
          : () => void deleteSources([added.source.id]).catch((err: Error) => setProblem(err.message)),
      });
    } catch (err) {
      setProblem((err as Error).message);
    } finally {
      setBusy(null);
    }
  };

  const remove = async (source: OwnSource) => {
    try {
      const removed = await deleteSources([source.id]);
      props.show({
        kind: 'ok',
        text: tp('ownSourceRemoved', removed[0]?.quotes.length ?? 0, source.title),
        undo: () =>
          void Promise.all(removed.map((r) => putSource(r))).catch((err: Error) =>
            props.show({ kind: 'error', text: err.message }),
          ),
      });
    } catch (err) {
      props.show({ kind: 'error', text: (err as Error).message });
    }
  };

  return (
    <section class="own-panel" aria-labelledby={`${formId}-h`}>
      <h2 id={`${formId}-h`}>{t('ownViewSources')}</h2>
      <p class="muted">{t('ownSourcesIntro', t('cardOwnFromSources'))}</p>
      <form
        class="own-form"
        data-own-form="source"
        onSubmit={submit}
        aria-describedby={problem ? `${formId}-p` : undefined}
      >
        <div class="own-row">
          {field('title', t('ownFieldTitle'), OWN_LIMITS.title)}
          {field('author', t('ownFieldAuthor'), OWN_LIMITS.author)}
          {field('date', t('ownFieldDate'), OWN_LIMITS.date, t('ownDateHint'))}
        </div>
        <div class="own-row">
          {field('url', t('ownFieldUrl'), OWN_LIMITS.url, t('ownUrlHint'))}
          {field('stance', t('ownFieldStance'), OWN_LIMITS.stance, t('ownStanceHint'))}
        </div>
        <label class="own-field own-text">
          <span>{t('ownFieldText')}</span>
          <textarea
            name="text"
            rows={6}
            value={draft.text}
            onInput={(e) => {
              const text = (e.currentTarget as HTMLTextAreaElement).value;
              setDraft((d) => ({ ...d, text }));
            }}
            placeholder={t('ownTextHint')}
          />
        </label>
        <div class="own-row own-actions">
          <label class="own-file button">
            {t('ownPickFile')}
            <input
              type="file"
              class="visually-hidden"
              accept={SOURCE_FILE_ACCEPT}
              onChange={(e) => {
                const input = e.currentTarget as HTMLInputElement;
                void pickFile(input.files?.[0]).finally(() => (input.value = ''));
              }}
            />
          </label>
          {draft.fileName && <span class="muted">{draft.fileName}</span>}
          <span class="spacer" />
          {draft.id && (
            <button type="button" onClick={() => setDraft(EMPTY_SOURCE_DRAFT)}>
              {t('ownCancelEdit')}
            </button>
          )}
          <button type="submit" class="primary" disabled={!!busy}>
            {draft.id ? t('ownSaveSource') : t('ownAddSource')}
          </button>
        </div>
        {busy && (
          <p class="own-progress" role="status">
            <progress aria-label={t('ownProgressLabel')} /> {busy}
          </p>
        )}
        {problem && (
          <p class="own-problem" id={`${formId}-p`} role="alert">
            {problem}
          </p>
        )}
      </form>

      {sources === null ? (
        <p class="muted">{t('libraryLoading')}</p>
      ) : sources.length === 0 ? (
        <p class="muted">{t('ownSourcesNone')}</p>
      ) : (
        <ul class="own-list" aria-label={t('ownViewSources')}>
          {sources.map((s) => (
            <li key={s.id} class="own-item" data-source-id={s.id}>
              <div>
                <strong>{s.title}</strong>
                <span class="muted">
                  {' '}
                  {[
                    s.author,
                    isoDate(s.date),
                    s.stance && t('ownStandpointMeta', s.stance),
                    tp('ownWordCount', wordsOf(s)),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </div>
              <div class="own-item-actions">
                <button type="button" onClick={() => setDraft({ ...s })}>
                  {t('ownEdit')}
                </button>
                <button type="button" class="danger" onClick={() => void remove(s)}>
                  {t('ownRemove')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
