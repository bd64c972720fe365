/**
 * The popup's own-material panels, loaded when the reader opens one: "Track this name" (the library's name form,
 * compact) and "Add this page as a source" (the page's main text through Readability, with title, author, date and
 * a standpoint to give it). Both end with what was done and an Undo.
 */
import { useEffect, useState } from 'preact/hooks';
import type { AddedSource, SourceDraft } from '~/lib/own/own-background';
import { PROGRESS_ABOVE_CHARS, OWN_LIMITS, type OwnName } from '~/lib/own/types';
import { deleteName, deleteSources, putName } from '~/browser/snippets-db/own-store';
import { EMPTY_NAME, NameForm, type NameDraft } from './NameForm';
import { addOwnSource } from './own-api';
import { mainTextOfHtml } from './html-text';
import { MAX_PAGE_HTML, popupOwnApi } from './popup-own-api';
import './own-library.css';
import { t, tp } from '~/lib/i18n/translator';

/** The words, in the interface language when read (lib/i18n). */
const TEXT = {
  get back() {
    return t('ownBack');
  },
  get trackTitle() {
    return t('ownTrackTitle');
  },
  get trackIntro() {
    return t('ownTrackIntro');
  },
  tracking: (name: string, updated: boolean) => (updated ? t('ownUpdated', name) : t('ownTracking', name)),
  get undo() {
    return t('ownUndo');
  },
  get undone() {
    return t('ownUndone');
  },
  get done() {
    return t('ownDone');
  },
  get sourceTitle() {
    return t('ownSourceTitle');
  },
  get reading() {
    return t('ownReadingPage');
  },
  found: (words: number, site: string) => t('ownFoundText', words, site),
  get noText() {
    return t('ownNoText');
  },
  get tooLarge() {
    return t('ownTooLarge');
  },
  unreadable: (why: string) => t('ownUnreadable', why),
  get title() {
    return t('ownFieldTitle');
  },
  get author() {
    return t('ownFieldAuthor');
  },
  get date() {
    return t('ownFieldDate');
  },
  get dateHint() {
    return t('ownDateHint');
  },
  get stance() {
    return t('ownFieldStance');
  },
  get stanceHint() {
    return t('ownStanceHint');
  },
  get noTitle() {
    return t('ownNoTitle');
  },
  get add() {
    return t('ownAddSource');
  },
  get adding() {
    return t('ownAdding');
  },
  addingLong: (words: number) => t('ownAddingLong', words),
  get progressLabel() {
    return t('ownProgressLabel');
  },
  added: (title: string, quotes: number, entities: number) =>
    t('ownAdded', title, tp('ownQuoteCount', quotes), tp('ownNameCount', entities)),
};

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
const siteOf = (url: string) => {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return t('ownThisPage');
  }
};

function PanelHead(props: { title: string; onBack: () => void }) {
  return (
    <div class="card-bar own-popup-bar">
      <button type="button" class="back" onClick={props.onBack}>
        <span aria-hidden="true">←</span> {TEXT.back}
      </button>
      <h2 class="own-popup-title">{props.title}</h2>
    </div>
  );
}

/** What was done, with its undo; the undo runs once. */
function Done(props: { text: string; undo: () => Promise<unknown>; onClose: () => void }) {
  const [state, setState] = useState<'done' | 'undone' | string>('done');
  return (
    <div class="own-popup-done">
      <p role="status">{state === 'done' ? props.text : state === 'undone' ? TEXT.undone : state}</p>
      <div class="own-row own-actions">
        {state === 'done' && (
          <button
            type="button"
            onClick={() =>
              void props.undo().then(
                () => setState('undone'),
                (err: Error) => setState(err.message),
              )
            }
          >
            {TEXT.undo}
          </button>
        )}
        <span class="spacer" />
        <button type="button" class="primary" onClick={props.onClose}>
          {TEXT.done}
        </button>
      </div>
    </div>
  );
}

export function TrackNamePanel(props: { name: string; onClose: () => void }) {
  const [draft] = useState<NameDraft>(() => ({ ...EMPTY_NAME, name: props.name.trim() }));
  const [saved, setSaved] = useState<{ record: OwnName; previous?: OwnName } | null>(null);
  return (
    <section class="own-popup" aria-label={TEXT.trackTitle} data-own-panel="track">
      <PanelHead title={TEXT.trackTitle} onBack={props.onClose} />
      <div class="own-popup-body">
        {saved ? (
          <Done
            text={TEXT.tracking(saved.record.name, !!saved.previous)}
            undo={() => (saved.previous ? putName(saved.previous) : deleteName(saved.record.id))}
            onClose={props.onClose}
          />
        ) : (
          <>
            <p class="own-popup-intro">{TEXT.trackIntro}</p>
            <NameForm
              compact
              autoFocus
              draft={draft}
              onSaved={(record, previous) => setSaved({ record, previous })}
              onCancel={props.onClose}
            />
          </>
        )}
      </div>
    </section>
  );
}

type SourceState =
  | { kind: 'reading' }
  | { kind: 'failed'; error: string }
  | { kind: 'form'; draft: SourceDraft; problem?: string; busy?: string }
  | { kind: 'added'; added: AddedSource };

export function PageSourcePanel(props: { tabId: number; onClose: () => void }) {
  const [state, setState] = useState<SourceState>({ kind: 'reading' });
  useEffect(() => {
    let live = true;
    void (async (): Promise<SourceState> => {
      let page;
      try {
        page = await popupOwnApi.pageHtml(props.tabId);
      } catch (err) {
        return { kind: 'failed', error: TEXT.unreadable(String((err as Error).message ?? err)) };
      }
      if (page.html.length > MAX_PAGE_HTML) return { kind: 'failed', error: TEXT.tooLarge };
      const main = await mainTextOfHtml(page.html, page.url);
      if (!main.text) return { kind: 'failed', error: TEXT.noText };
      if (main.text.length > OWN_LIMITS.sourceText) return { kind: 'failed', error: TEXT.tooLarge };
      return {
        kind: 'form',
        draft: {
          title: (main.title || page.title).slice(0, OWN_LIMITS.title),
          author: main.author.slice(0, OWN_LIMITS.author),
          date: main.date,
          url: page.url.slice(0, OWN_LIMITS.url),
          stance: '',
          text: main.text,
          origin: 'page',
          fileName: '',
        },
      };
    })().then((next) => live && setState(next));
    return () => {
      live = false;
    };
  }, [props.tabId]);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (state.kind !== 'form') return;
    const { draft } = state;
    if (!draft.title.trim()) return setState({ ...state, problem: TEXT.noTitle });
    const busy = draft.text.length > PROGRESS_ABOVE_CHARS ? TEXT.addingLong(words(draft.text)) : TEXT.adding;
    setState({ kind: 'form', draft, busy });
    try {
      setState({ kind: 'added', added: await addOwnSource(draft) });
    } catch (err) {
      setState({ kind: 'form', draft, problem: (err as Error).message });
    }
  };

  const field = (key: 'title' | 'author' | 'date' | 'stance', label: string, max: number, hint?: string) =>
    state.kind === 'form' && (
      <label class="own-field">
        <span>{label}</span>
        <input
          type="text"
          name={key}
          value={state.draft[key]}
          maxLength={max}
          placeholder={hint}
          onInput={(e) => {
            const value = (e.currentTarget as HTMLInputElement).value;
            setState((st) => (st.kind === 'form' ? { ...st, draft: { ...st.draft, [key]: value } } : st));
          }}
        />
      </label>
    );

  return (
    <section class="own-popup" aria-label={TEXT.sourceTitle} data-own-panel="source">
      <PanelHead title={TEXT.sourceTitle} onBack={props.onClose} />
      <div class="own-popup-body">
        {state.kind === 'reading' && (
          <p class="own-progress" role="status">
            <progress aria-label={TEXT.reading} /> {TEXT.reading}
          </p>
        )}
        {state.kind === 'failed' && (
          <p class="own-problem" role="alert">
            {state.error}
          </p>
        )}
        {state.kind === 'added' && (
          <Done
            text={TEXT.added(state.added.source.title, state.added.quotes, state.added.entities)}
            undo={() => deleteSources([state.added.source.id])}
            onClose={props.onClose}
          />
        )}
        {state.kind === 'form' && (
          <form class="own-form own-form-compact" onSubmit={submit} data-own-form="source">
            <p class="own-popup-intro" data-words={words(state.draft.text)}>
              {TEXT.found(words(state.draft.text), siteOf(state.draft.url))}
            </p>
            <p class="own-popup-excerpt">{state.draft.text.slice(0, 240).replace(/\s+/g, ' ')}…</p>
            {field('title', TEXT.title, OWN_LIMITS.title)}
            <div class="own-row">
              {field('author', TEXT.author, OWN_LIMITS.author)}
              {field('date', TEXT.date, OWN_LIMITS.date, TEXT.dateHint)}
            </div>
            {field('stance', TEXT.stance, OWN_LIMITS.stance, TEXT.stanceHint)}
            <div class="own-row own-actions">
              <span class="spacer" />
              <button type="submit" class="primary" disabled={!!state.busy}>
                {TEXT.add}
              </button>
            </div>
            {state.busy && (
              <p class="own-progress" role="status">
                <progress aria-label={TEXT.progressLabel} /> {state.busy}
              </p>
            )}
            {state.problem && (
              <p class="own-problem" role="alert">
                {state.problem}
              </p>
            )}
          </form>
        )}
      </div>
    </section>
  );
}
