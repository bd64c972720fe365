/**
 * What the card's settings actions do beyond sending their message. Each changes settings beyond this page, so each
 * is confirmed with a toast that offers Undo: "Hide this name" applies on every site, and an unusual burst of hides
 * (lib/background/guards.ts) waits for the reader to confirm in that toast; "Off on this site" switches the whole
 * site off; "Not this" corrects a mark on this site or everywhere. Toast buttons answer real presses only
 * (page/lens-toast.ts).
 *
 * Part of the first stage, which carries the toast anyway (saved selections), and lent to the card's stage through
 * `SettingsActions`.
 */
import type { EntityHidden, MarkCorrected, SendToBackground, SiteSwitchedOff } from '~/lib/messaging/messages';
import { showToast as show, type ToastOptions } from './lens-toast';
import { t } from '~/lib/i18n/translator';

/** A toast in the interface language (its close button included). */
const showToast = (doc: Document, options: ToastOptions, signal: AbortSignal) =>
  show(doc, { dismissLabel: t('cardToastDismiss'), ...options }, signal);

/** A change beyond this page leaves its toast up longer than a save's, for the reader to notice it and reach Undo. */
const SETTINGS_TOAST_MS = 15_000;

export async function hideEntity(
  doc: Document,
  send: SendToBackground,
  entity: { id: string; name: string },
  signal: AbortSignal,
  confirmed = false,
): Promise<void> {
  let reply: EntityHidden;
  try {
    reply = await send({ type: 'hide-entity', id: entity.id, ...(confirmed ? { confirmed } : {}) });
  } catch {
    showToast(doc, { message: t('cardToastHideFailed', entity.name), kind: 'error' }, signal);
    return;
  }
  if (!reply?.hidden) {
    if (reply?.confirm)
      showToast(
        doc,
        {
          message: t('cardToastHideConfirm', entity.name),
          action: { label: t('cardToastHide'), run: () => void hideEntity(doc, send, entity, signal, true) },
          durationMs: SETTINGS_TOAST_MS,
        },
        signal,
      );
    return;
  }
  const toast = showToast(
    doc,
    {
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
    },
    signal,
  );
}

export async function disableSite(doc: Document, send: SendToBackground, signal: AbortSignal): Promise<void> {
  let reply: SiteSwitchedOff;
  try {
    reply = await send({ type: 'disable-site' });
  } catch {
    reply = { disabled: false };
  }
  if (!reply?.disabled) {
    showToast(doc, { message: t('cardToastSiteOffFailed'), kind: 'error' }, signal);
    return;
  }
  const { site, undoToken } = reply;
  const toast = showToast(
    doc,
    {
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
    },
    signal,
  );
}

/**
 * "Not this" on a card: the mark's words are not this entity, on this frame's site or everywhere. The settings
 * change removes the mark (and the same words marked as the same entity) in every open tab; a toast says what
 * changed and offers Undo, and Settings lists the correction.
 */
export async function correctMark(
  doc: Document,
  send: SendToBackground,
  mark: { id: string; name: string; text: string },
  everywhere: boolean,
  signal: AbortSignal,
): Promise<void> {
  let reply: MarkCorrected;
  try {
    reply = await send({ type: 'correct-mark', id: mark.id, text: mark.text, everywhere });
  } catch {
    reply = { corrected: false };
  }
  if (!reply?.corrected) {
    showToast(doc, { message: t('cardToastCorrectFailed'), kind: 'error' }, signal);
    return;
  }
  const toast = showToast(
    doc,
    {
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
    },
    signal,
  );
}

/** What the card's stage borrows from the first stage (page/hover-card.ts). */
export const settingsActions = { hideEntity, disableSite, correctMark };
export type SettingsActions = typeof settingsActions;
