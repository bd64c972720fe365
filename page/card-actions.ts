/**
 * What the card's settings actions do beyond sending their message. Each changes settings beyond this page, so each
 * is confirmed with a toast that offers Undo: "Hide this name" applies on every site, and an unusual burst of hides
 * (lib/background/guards.ts) waits for the reader to confirm in that toast; "Off on this site" switches the whole
 * site off; "Not this" corrects a mark on this site or everywhere. Toast buttons answer real presses only
 * (page/lens-toast.ts).
 *
 * Part of the first stage, which carries the toast anyway (saved selections), and lent to the card's stage through
 * `SettingsActions`. The words come from the card's stage too (`ActionScope.t`): the background hands the card's
 * catalog to that stage's translator only, and the first stage carries none (a toast worded from it showed its keys).
 */
import type { EntityHidden, MarkCorrected, SendToBackground, SiteSwitchedOff } from '~/lib/messaging/messages';
import type { MessageKey, Sub } from '~/lib/i18n/translator';
import { showToast as show, type ToastOptions } from './lens-toast';

/** Where an action runs and speaks: the frame's document, its messages, its lifetime, and the card stage's words. */
interface ActionScope {
  doc: Document;
  send: SendToBackground;
  signal: AbortSignal;
  /** The card stage's `t`, which holds the card's catalog in the interface language. */
  t: (key: MessageKey, ...subs: Sub[]) => string;
}

/** A toast in the interface language (its close button included). */
const showToast = ({ doc, signal, t }: ActionScope, options: ToastOptions) =>
  show(doc, { dismissLabel: t('cardToastDismiss'), ...options }, signal);

/** A change beyond this page leaves its toast up longer than a save's, for the reader to notice it and reach Undo. */
const SETTINGS_TOAST_MS = 15_000;

async function hideEntity(scope: ActionScope, entity: { id: string; name: string }, confirmed = false): Promise<void> {
  const { send, t } = scope;
  let reply: EntityHidden;
  try {
    reply = await send({ type: 'hide-entity', id: entity.id, ...(confirmed ? { confirmed } : {}) });
  } catch {
    showToast(scope, { message: t('cardToastHideFailed', entity.name), kind: 'error' });
    return;
  }
  if (!reply?.hidden) {
    if (reply?.confirm)
      showToast(scope, {
        message: t('cardToastHideConfirm', entity.name),
        action: { label: t('cardToastHide'), run: () => void hideEntity(scope, entity, true) },
        durationMs: SETTINGS_TOAST_MS,
      });
    return;
  }
  const toast = showToast(scope, {
    message: t('cardToastHidden', entity.name),
    durationMs: SETTINGS_TOAST_MS,
    action: {
      label: t('cardUndo'),
      run: () =>
        void send({ type: 'unhide-entity', id: entity.id, undoToken: reply.undoToken }).then(
          (shown) =>
            toast.update({
              message: shown ? t('cardToastShownAgain', entity.name) : t('cardToastHideTooLate'),
              durationMs: 4_000,
            }),
          () => toast.update({ message: t('cardToastHideUndoFailed'), kind: 'error' }),
        ),
    },
  });
}

async function disableSite(scope: ActionScope): Promise<void> {
  const { send, t } = scope;
  let reply: SiteSwitchedOff;
  try {
    reply = await send({ type: 'disable-site' });
  } catch {
    reply = { disabled: false };
  }
  if (!reply?.disabled) {
    showToast(scope, { message: t('cardToastSiteOffFailed'), kind: 'error' });
    return;
  }
  const { site, undoToken } = reply;
  const toast = showToast(scope, {
    message: t('cardToastSiteOff', site),
    durationMs: SETTINGS_TOAST_MS,
    action: {
      label: t('cardUndo'),
      run: () =>
        void send({ type: 'undo-disable-site', undoToken }).then(
          (on) =>
            toast.update({
              message: on ? t('cardToastSiteOnAgain', site) : t('cardToastSiteTooLate'),
              durationMs: 4_000,
            }),
          () => toast.update({ message: t('cardToastSiteUndoFailed'), kind: 'error' }),
        ),
    },
  });
}

/**
 * "Not this" on a card: the mark's words are not this entity, on this frame's site or everywhere. The settings
 * change removes the mark (and the same words marked as the same entity) in every open tab; a toast says what
 * changed and offers Undo, and Settings lists the correction.
 */
async function correctMark(
  scope: ActionScope,
  mark: { id: string; name: string; text: string },
  everywhere: boolean,
): Promise<void> {
  const { send, t } = scope;
  let reply: MarkCorrected;
  try {
    reply = await send({ type: 'correct-mark', id: mark.id, text: mark.text, everywhere });
  } catch {
    reply = { corrected: false };
  }
  if (!reply?.corrected) {
    showToast(scope, { message: t('cardToastCorrectFailed'), kind: 'error' });
    return;
  }
  const toast = showToast(scope, {
    message: everywhere
      ? t('cardToastCorrectedEverywhere', mark.text, mark.name)
      : t('cardToastCorrectedHere', mark.text, mark.name),
    action: {
      label: t('cardUndo'),
      run: () =>
        void send({ type: 'uncorrect-mark', undoToken: reply.undoToken }).then(
          (undone) =>
            toast.update({
              message: undone ? t('cardToastMarkedAgain', mark.text) : t('cardToastCorrectTooLate'),
              durationMs: 4_000,
            }),
          () => toast.update({ message: t('cardToastCorrectUndoFailed'), kind: 'error' }),
        ),
    },
  });
}

/** What the card's stage borrows from the first stage (page/hover-card.ts). */
export const settingsActions = { hideEntity, disableSite, correctMark };
export type SettingsActions = typeof settingsActions;
