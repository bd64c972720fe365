/**
 * The reader's own material on a card, in a section of its own, set apart from the fact base and marked as theirs:
 * their snippets naming the entity (the latest two, and a way to all of them in the library), quotes from their own
 * sources with the same citation line as the fact base's, and their note, editable here.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Evidence, Source } from '~/lib/factbase/types';
import type { OwnOnCard } from '~/lib/own/types';
import { siteOf } from '~/lib/snippets/entity-names';
import { Quote } from '../card/Evidence';
import { formatDate, t, tp } from '~/lib/i18n/translator';

export interface OwnCardActions {
  /** Stores the note (empty removes it); rejects with a sentence when it could not be stored. */
  saveNote(entityId: string, text: string): Promise<unknown>;
  /** The library, filtered to the entity. */
  openLibrary(entityId: string): void;
}

/** A snippet on a card is a reminder, not the passage: about two lines. Characters. */
const SNIPPET_CHARS = 180;
/**
 * A quote from an own source on a card: about five lines. Stored quotes run to 600 characters (the library shows
 * them whole); three of those made the section 650–930 px tall, below a card of 560, and laying it out took most of
 * the card's layout time (scripts/bench/own-card-profile.ts). Characters.
 */
const QUOTE_CHARS = 300;

const clip = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
};

/**
 * A stored quote cut to `max` characters. One that begins with "… " was already cut around the name at its middle
 * (lib/own/source-quotes.ts), so its middle is kept; any other keeps its start.
 */
function clipQuote(quote: string, max: number): string {
  if (quote.length <= max || !quote.startsWith('… ')) return clip(quote, max);
  const from = Math.floor((quote.length - max) / 2);
  return `… ${quote.slice(from, from + max - 4).trim()} …`;
}

/** An own source as the fact base's citation line expects a source: its site stands where a publisher would. */
function asCitation(q: OwnOnCard['quotes'][number]): { evidence: Evidence; source: Source } {
  const s = q.source;
  return {
    evidence: {
      quote: clipQuote(q.quote, QUOTE_CHARS),
      source: `own:${s.id}`,
      where: { paragraph: q.paragraph, line: 0 },
    },
    source: {
      id: `own:${s.id}`,
      file: '',
      title: s.title,
      authors: s.author ? [s.author] : [],
      publisher: s.url ? siteOf(s.url) : null,
      date: s.date || null,
      stance: s.stance ? t('cardOwnYourLabel', s.stance) : '',
    },
  };
}

export function OwnSection(props: {
  entityId: string;
  name: string;
  own: OwnOnCard;
  actions?: OwnCardActions;
  /** Opens with the note editor (the card's action row asked for a note on an entity with nothing of the reader's). */
  startEditing?: boolean;
  /** The editor was left with nothing of the reader's in the section: the card takes the section away again. */
  onLeave?: () => void;
  /**
   * In a hover card (page/card-extras/own-section-stand-in.ts): the section's body is laid out after the card's first
   * paint. The card host shows it before that when the section starts within the card's first screen, and measures
   * the card with it (page/card-host.ts); below that screen the card is at its height cap with or without it.
   */
  later?: boolean;
}) {
  const { entityId, name, own, actions, startEditing = false, onLeave, later = false } = props;
  const [note, setNote] = useState(own.note);
  const [editing, setEditing] = useState(startEditing);
  const [status, setStatus] = useState<{ text: string; undo?: string } | null>(null);
  const [draft, setDraft] = useState('');
  const area = useRef<HTMLTextAreaElement>(null);
  /** Where keyboard focus goes after the editor closes, so it never falls back to the page. */
  const edit = useRef<HTMLButtonElement>(null);
  const undo = useRef<HTMLButtonElement>(null);
  const [focusNext, setFocusNext] = useState<'edit' | 'undo' | null>(null);
  const headingId = useId();
  const noteId = useId();
  /** The entity whose card has had its first paint with this section (effects run after the paint). */
  const [paintedFor, setPaintedFor] = useState<string | null>(null);
  useEffect(() => setPaintedFor(entityId), [entityId]);
  useEffect(() => {
    setNote(own.note);
    setEditing(startEditing);
    setStatus(null);
    // Only a new entity or a new note starts the section afresh; startEditing is read as it is then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [entityId, own.note]);
  useEffect(() => {
    if (editing) area.current?.focus();
  }, [editing]);
  useEffect(() => {
    if (!focusNext) return;
    (focusNext === 'undo' ? undo : edit).current?.focus();
    setFocusNext(null);
  }, [focusNext]);

  const quotes = own.quotes.map(asCitation);
  const hasAny = own.snippetCount > 0 || quotes.length > 0 || !!note;
  /** Closes the editor: focus to the section's note button, or, with nothing left in the section, back to the card. */
  const leaveEditor = () => {
    setEditing(false);
    if (!hasAny && !status && onLeave) onLeave();
    else setFocusNext('edit');
  };

  const store = async (text: string, previous: string) => {
    if (!actions) return;
    // No note before and none now: nothing to store.
    if (!text.trim() && !previous) return leaveEditor();
    try {
      await actions.saveNote(entityId, text);
      setNote(text.trim() ? text : '');
      setEditing(false);
      const removed = !text.trim() && !!previous;
      setStatus(
        text.trim()
          ? { text: t('cardOwnNoteSaved') }
          : removed
            ? { text: t('cardOwnNoteRemoved'), undo: previous }
            : null,
      );
      setFocusNext(removed ? 'undo' : 'edit');
    } catch (err) {
      setStatus({ text: t('cardOwnNoteFailed', (err as Error).message) });
    }
  };

  if (!hasAny && !editing && !status && !startEditing) return null;
  const waiting = later && !editing && paintedFor !== entityId;

  return (
    <section class="lens-section lens-own" aria-labelledby={headingId} data-own-section="">
      <h3 id={headingId}>
        {t('cardOwnHeading')} <span class="lens-own-tag">{t('cardOwnTag')}</span>
      </h3>

      {/* In a hover card the body waits for the card's first paint unless the host shows it sooner (see `later`). */}
      <div class="lens-own-body" hidden={waiting} data-lens-later={waiting ? '' : undefined}>
        {own.snippetCount > 0 && (
          <div class="lens-own-part">
            <h4>{t('cardOwnSnippets', own.snippetCount)}</h4>
            <ul class="lens-own-snippets">
              {own.snippets.map((s) => (
                <li key={s.id}>
                  <p class="lens-own-snippet">{clip(s.text, SNIPPET_CHARS)}</p>
                  <p class="lens-own-meta">
                    {s.title.trim() || siteOf(s.url)} ·{' '}
                    <time dateTime={new Date(s.createdAt).toISOString()}>
                      {formatDate(s.createdAt, { day: 'numeric', month: 'short', year: 'numeric' })}
                    </time>
                  </p>
                </li>
              ))}
            </ul>
            {actions && (
              <button type="button" class="lens-own-link" onClick={() => actions.openLibrary(entityId)}>
                {own.snippetCount > own.snippets.length
                  ? tp('cardOwnAllInLibrary', own.snippetCount)
                  : t('cardOwnOpenLibrary')}
              </button>
            )}
          </div>
        )}

        {quotes.length > 0 && (
          <div class="lens-own-part">
            <h4>{t('cardOwnFromSources')}</h4>
            {quotes.map((q, i) => (
              <Quote key={i} evidence={q.evidence} sources={[q.source]} />
            ))}
          </div>
        )}

        <div class="lens-own-part">
          {(note || editing) && <h4 id={noteId}>{t('cardOwnNote')}</h4>}
          {editing ? (
            <form
              class="lens-own-note-form"
              onSubmit={(e) => {
                e.preventDefault();
                void store(draft, note);
              }}
            >
              <textarea
                ref={area}
                aria-labelledby={noteId}
                value={draft}
                rows={3}
                maxLength={20_000}
                onInput={(e) => setDraft((e.currentTarget as HTMLTextAreaElement).value)}
                onKeyDown={(e) => {
                  // Esc leaves the editor without closing the card.
                  if (e.key === 'Escape') {
                    e.stopPropagation();
                    leaveEditor();
                  }
                }}
              />
              <div class="lens-own-row">
                <button type="submit">{t('cardOwnSaveNote')}</button>
                <button type="button" class="lens-quiet" onClick={leaveEditor}>
                  {t('cardOwnCancel')}
                </button>
              </div>
            </form>
          ) : (
            <>
              {note && <p class="lens-own-note">{note}</p>}
              {actions && (
                <div class="lens-own-row">
                  <button
                    type="button"
                    ref={edit}
                    onClick={() => {
                      setDraft(note);
                      setStatus(null);
                      setEditing(true);
                    }}
                    title={t('cardOwnNoteTitle', name)}
                  >
                    {note ? t('cardOwnEditNote') : t('cardOwnAddNote')}
                  </button>
                  {note && (
                    <button type="button" class="lens-quiet" onClick={() => void store('', note)}>
                      {t('cardOwnRemoveNote')}
                    </button>
                  )}
                </div>
              )}
            </>
          )}
          <p class="lens-own-status" role="status">
            {status?.text}
            {status?.undo !== undefined && (
              <>
                {' '}
                <button type="button" ref={undo} class="lens-own-link" onClick={() => void store(status.undo!, '')}>
                  {t('cardUndo')}
                </button>
              </>
            )}
          </p>
        </div>
      </div>
    </section>
  );
}
