/**
 * One entity, with its sources: the same component renders the hover card, popup results and the library.
 * It only renders; where it is placed, how it opens and what its actions do belong to whoever hosts it.
 * Styles: `cardCss` (./styles.ts) inside a shadow root, or `./card.css` on an extension page.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { EntityDetails } from '~/lib/messaging/messages';
import { keyFacts, nameInLanguage, summaryLead, typeLabel, whyMatched } from './card-model';
import { Quote } from './Evidence';
import { Related, Timeline, Views, WhyMatched } from './sections';
import { OwnSection, type OwnCardActions } from '../own/OwnSection';
import { NotThis } from './NotThis';
import { evidenceIsNews, RuleEvidence } from './RuleEvidence';
import { Namesakes } from './Namesakes';
import { interfaceDirection, interfaceLanguage, interfaceLocale, t } from '~/lib/i18n/translator';

/** What a save kept, for the confirmation: the passage itself, and a way to take the save back. */
export interface SavedPassage {
  text: string;
  undo?: () => Promise<unknown>;
}

interface EntityCardActions {
  /**
   * Save the passage around the mark; a returned promise lets the card say "Saved" (showing the passage, with Undo
   * when the host can take it back) or report a failure.
   */
  onSave?: () => void | Promise<SavedPassage | void>;
  /** What "Save snippet" keeps, said beside the button before it is pressed ("Keeps the sentence around “Shushi”."). */
  saveWhat?: string;
  onOpenSearch?: () => void;
  /** Shows the entity on the explore page's relationship map and timeline. */
  onOpenExplore?: () => void;
  onHideEntity?: () => void;
  onDisableSite?: () => void;
  /** "Not this": the mark's words are not this entity, on this site or everywhere (shown with `matchedText`). */
  onNotThis?: (everywhere: boolean) => void;
  onClose?: () => void;
}

interface EntityCardProps {
  details: EntityDetails;
  /** The words on the page that matched, to explain a match that is not the entity's name. */
  matchedText?: string;
  /** The evidence a disambiguation rule used to choose this entity ("after “President”"), from the matcher. */
  evidence?: string;
  /** Namesakes the page did not tell apart from this entity: the card offers them (through `onSelectEntity`). */
  namesakes?: readonly { id: string; name: string }[];
  /** A related-entity chip was chosen; the host loads that entity and re-renders. */
  onSelectEntity?: (id: string) => void;
  actions?: EntityCardActions;
  /** Name, type, summary and one fact only: for result lists. */
  compact?: boolean;
  /** Shown as "Back" when the card was switched to a related entity. */
  onBack?: () => void;
  /** Force a colour scheme; by default the card follows `prefers-color-scheme`. */
  scheme?: 'light' | 'dark';
  /** Reference date for the timeline (the article's date), ISO prefix; defaults to today. */
  asOf?: string;
  /** A dialog for the hover card (default); an article inside lists. */
  role?: 'dialog' | 'article';
  /** What the reader can do with their own material on the card (note, library); without it the section is read-only. */
  own?: OwnCardActions;
}

type SaveState = 'idle' | 'saving' | 'saved' | 'failed' | 'undone';

export function EntityCard(props: EntityCardProps) {
  const { details, matchedText, onSelectEntity, actions, compact, onBack, scheme, role = 'dialog' } = props;
  const { entity, sources } = details;
  const headingId = useId();
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [saved, setSaved] = useState<SavedPassage | null>(null);
  const [fullSummary, setFullSummary] = useState(false);
  /** The rarely used actions (a first note, hide this name, off on this site) sit behind "More": the row stays one line. */
  const [more, setMore] = useState(false);
  const moreId = useId();
  // The reader's own section shows only when something of theirs is in it, or once they ask to write a note (under
  // "More"): a fresh profile's card spends no first-screen space on an empty "Yours".
  const own = details.own;
  const ownHasAny = !!own && (own.snippetCount > 0 || own.quotes.length > 0 || !!own.note);
  /** The entity the reader pressed the action row's note button for (so another entity's card starts without it). */
  const [noteFor, setNoteFor] = useState<string | null>(null);
  const noteAsked = noteFor === entity.id;
  const noteButton = useRef<HTMLButtonElement>(null);
  const [noteButtonFocus, setNoteButtonFocus] = useState(false);
  useEffect(() => {
    if (noteButtonFocus && !noteAsked) noteButton.current?.focus();
    setNoteButtonFocus(false);
  }, [noteButtonFocus, noteAsked]);
  // With nothing of the reader's on the card, writing a note is offered behind "More": the row stays one line in every
  // language, and the first screen spends nothing on it.
  const noteOffered = !!props.own && !!own && !compact && !ownHasAny && !noteAsked;
  const facts = keyFacts(entity, compact ? 1 : undefined);
  const reason = whyMatched(matchedText, details);
  const { lead, rest } = summaryLead(entity);
  // The name as the fact base writes it in the interface language, beside the English one.
  const local = nameInLanguage(entity, interfaceLanguage());
  const undo = saved?.undo
    ? () => {
        setSaveState('saving');
        saved.undo!().then(
          () => setSaveState('undone'),
          () => setSaveState('saved'),
        );
      }
    : undefined;

  const save = actions?.onSave
    ? () => {
        const result = actions.onSave!();
        if (!result) return setSaveState('saved');
        setSaveState('saving');
        result.then(
          (passage) => {
            setSaved(passage ?? null);
            setSaveState('saved');
          },
          () => setSaveState('failed'),
        );
      }
    : undefined;

  return (
    <div
      class={`lens-card${compact ? ' lens-compact' : ''}`}
      lang={interfaceLocale()}
      dir={interfaceDirection()}
      role={role}
      aria-labelledby={headingId}
      data-scheme={scheme}
      data-entity={entity.id}
      tabIndex={-1}
    >
      <div class="lens-head">
        <div class="lens-head-row">
          {onBack && (
            <button type="button" class="lens-back" onClick={onBack}>
              <span aria-hidden="true">←</span> {t('cardBack')}
            </button>
          )}
          <p class="lens-type">
            {typeLabel(entity.type)}
            {entity.country?.length ? (
              <span class="lens-country"> · {entity.country.map(countryName(details)).join(', ')}</span>
            ) : null}
          </p>
          {actions?.onClose && <CloseButton onClose={actions.onClose} />}
        </div>
        <h2 id={headingId} class="lens-name">
          {entity.name}
          {local && (
            <span class="lens-name-local" lang={interfaceLocale()}>
              {' '}
              · {local}
            </span>
          )}
        </h2>
        {matchedText && props.namesakes?.length ? (
          <Namesakes matched={matchedText} name={entity.name} others={props.namesakes} onSelect={onSelectEntity} />
        ) : (
          <>
            {reason && <WhyMatched reason={reason} name={entity.name} evidence={props.evidence} />}
            {!reason && matchedText && props.evidence && evidenceIsNews(matchedText, entity.name, props.evidence) && (
              <RuleEvidence matched={matchedText} evidence={props.evidence} />
            )}
          </>
        )}
      </div>

      {details.ownName && <p class="lens-own-tag lens-own-name">{t('cardOwnName')}</p>}
      {/* The first screen: what it is in a sentence or two, how sources frame it, then what they say. */}
      <p class="lens-summary" dir="auto">
        {compact || fullSummary || !rest ? entity.summary : lead}
        {!compact && rest && (
          <>
            {' '}
            <button
              type="button"
              class="lens-inline"
              aria-expanded={fullSummary}
              onClick={() => setFullSummary(!fullSummary)}
            >
              {fullSummary ? t('cardLess') : t('cardMore')}
            </button>
          </>
        )}
      </p>

      {!compact && <Views details={details} />}

      {facts.length > 0 && (
        <section class="lens-section lens-facts" aria-label={t('cardKeyFacts')}>
          {!compact && <h3>{t('cardFromSources')}</h3>}
          {facts.map((f, i) => (
            // The claim (our gloss) only in lists: on the card the summary says it, and the quote comes sooner.
            <Quote key={i} evidence={f} sources={sources} claim={compact ? f.claim : undefined} />
          ))}
        </section>
      )}

      {!compact && (
        <>
          <Timeline events={details.events} asOf={props.asOf} sources={sources} />
          <Related details={details} onSelect={onSelectEntity} />
          {own && (ownHasAny || noteAsked) && (
            <OwnSection
              entityId={entity.id}
              name={entity.name}
              own={own}
              actions={props.own}
              startEditing={noteAsked && !ownHasAny}
              // Left without writing anything: the section goes again, and focus returns to the row's note button.
              onLeave={() => {
                setNoteFor(null);
                setNoteButtonFocus(true);
              }}
            />
          )}
        </>
      )}

      {actions &&
        (save ||
          props.own ||
          actions.onOpenSearch ||
          actions.onOpenExplore ||
          actions.onHideEntity ||
          actions.onDisableSite ||
          actions.onNotThis) && (
          <div class="lens-actions">
            {save && (
              <button
                type="button"
                onClick={save}
                disabled={saveState === 'saving' || saveState === 'saved'}
                aria-describedby={actions.saveWhat ? `${moreId}-save` : undefined}
              >
                {saveState === 'saved'
                  ? t('cardSaved')
                  : saveState === 'saving'
                    ? t('cardSaving')
                    : saveState === 'failed'
                      ? t('cardRetrySave')
                      : t('cardSaveSnippet')}
              </button>
            )}
            {actions.onOpenSearch && (
              <button type="button" onClick={actions.onOpenSearch} title={t('cardSearchTitle', entity.name)}>
                {t('cardSearch')}
              </button>
            )}
            {actions.onOpenExplore && (
              <button type="button" onClick={actions.onOpenExplore} title={t('cardMapTitle', entity.name)}>
                {t('cardMap')}
              </button>
            )}
            {actions.onNotThis && matchedText && (
              <NotThis matched={matchedText} name={entity.name} onCorrect={actions.onNotThis} />
            )}
            {(noteOffered || actions.onHideEntity || actions.onDisableSite) && (
              <button
                type="button"
                class="lens-more lens-quiet"
                aria-expanded={more}
                aria-controls={moreId}
                title={t('cardMoreActionsTitle', entity.name)}
                onClick={() => setMore(!more)}
              >
                {t('cardMoreActions')} <span aria-hidden="true">{more ? '▴' : '▾'}</span>
              </button>
            )}
            {more && (
              <div class="lens-more-row" id={moreId} role="group" aria-label={t('cardMoreActionsLabel')}>
                {noteOffered && (
                  <button
                    type="button"
                    ref={noteButton}
                    onClick={() => setNoteFor(entity.id)}
                    title={t('cardOwnNoteTitle', entity.name)}
                  >
                    {t('cardOwnAddNote')}
                  </button>
                )}
                {actions.onHideEntity && (
                  <button type="button" onClick={actions.onHideEntity} title={t('cardHideNameTitle', entity.name)}>
                    {t('cardHideName')}
                  </button>
                )}
                {actions.onDisableSite && (
                  <button type="button" onClick={actions.onDisableSite} title={t('cardSiteOffTitle')}>
                    {t('cardSiteOff')}
                  </button>
                )}
              </div>
            )}
            {save && actions.saveWhat && saveState === 'idle' && (
              <p class="lens-save-what" id={`${moreId}-save`}>
                {actions.saveWhat}
              </p>
            )}
            <div class="lens-status" role="status">
              {saveState === 'saved' && (
                <>
                  <p class="lens-saved-head">
                    {saved ? t('cardSavedToLibrary') : t('cardSavedToLibraryPlain')}
                    {undo && (
                      <button type="button" class="lens-undo" onClick={undo}>
                        {t('cardUndo')}
                      </button>
                    )}
                  </p>
                  {saved && <blockquote class="lens-saved-text">{saved.text}</blockquote>}
                </>
              )}
              {saveState === 'undone' && <p>{t('cardSaveUndone')}</p>}
              {saveState === 'failed' && <p>{t('cardSaveFailed')}</p>}
            </div>
          </div>
        )}
    </div>
  );
}

/** Country ids resolved to names where the details know them. */
const countryName = (details: EntityDetails) => (id: string) =>
  details.related[id]?.name ?? id.charAt(0).toUpperCase() + id.slice(1).replace(/-/g, ' ');

/** What the hover card shows for the moment between the dwell ending and the details arriving. */
/** The card's × in its head row: the full card's and the placeholder's, so both close the same way. */
function CloseButton(props: { onClose: () => void }) {
  return (
    <button
      type="button"
      class="lens-close"
      aria-label={t('cardClose')}
      title={t('cardCloseTitle')}
      onClick={props.onClose}
    >
      ×
    </button>
  );
}

export function EntityCardSkeleton(props: {
  name: string;
  type: string;
  scheme?: 'light' | 'dark';
  onClose?: () => void;
}) {
  const headingId = useId();
  return (
    <div
      class="lens-card lens-loading"
      lang={interfaceLocale()}
      dir={interfaceDirection()}
      role="dialog"
      aria-labelledby={headingId}
      aria-busy="true"
      data-scheme={props.scheme}
      tabIndex={-1}
    >
      <div class="lens-head">
        <div class="lens-head-row">
          <p class="lens-type">{typeLabel(props.type)}</p>
          {props.onClose && <CloseButton onClose={props.onClose} />}
        </div>
        <h2 id={headingId} class="lens-name">
          {props.name}
        </h2>
      </div>
      <p class="lens-summary lens-placeholder">{t('cardLoadingSources')}</p>
    </div>
  );
}
