/**
 * What the card's settings actions do beyond sending their message. Each changes settings beyond this page, so each
 * is confirmed with a toast that offers Undo: "Hide this name" applies on every site, and an unusual burst of hides
 * (lib/background/guards.ts) waits for the reader to confirm in that toast; "Off on this site" switches the whole
 * site off; "Not this" corrects a mark on this site or everywhere. Toast buttons answer real presses only
 * (page/lens-toast.ts).
 */
import type { EntityHidden, MarkCorrected, SendToBackground, SiteSwitchedOff } from '~/lib/messaging/messages';
import { showToast } from './lens-toast';

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
    showToast(
      doc,
      { message: `Could not hide ${entity.name}: try again from the options page.`, kind: 'error' },
      signal,
    );
    return;
  }
  if (!reply?.hidden) {
    if (reply?.confirm)
      showToast(
        doc,
        {
          message: `You have hidden several names in the last minute. Hide ${entity.name} on every site too?`,
          action: { label: 'Hide', run: () => void hideEntity(doc, send, entity, signal, true) },
          durationMs: SETTINGS_TOAST_MS,
        },
        signal,
      );
    return;
  }
  const toast = showToast(
    doc,
    {
      message: `${entity.name} will not be marked on any site.`,
      durationMs: SETTINGS_TOAST_MS,
      action: {
        label: 'Undo',
        run: () =>
          void send({ type: 'unhide-entity', id: entity.id, undoToken: reply.undoToken }).then(
            (shown) =>
              toast.update({
                message: shown ? `${entity.name} is marked again.` : 'Too late to undo here: show it again in Options.',
                durationMs: 4_000,
              }),
            () => toast.update({ message: 'Could not undo: show it again in Options.', kind: 'error' }),
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
    showToast(
      doc,
      { message: 'Could not switch Caspian Lens off here: use the toolbar button or the options page.', kind: 'error' },
      signal,
    );
    return;
  }
  const { site, undoToken } = reply;
  const toast = showToast(
    doc,
    {
      message: `Caspian Lens is off on ${site}.`,
      durationMs: SETTINGS_TOAST_MS,
      action: {
        label: 'Undo',
        run: () =>
          void send({ type: 'undo-disable-site', undoToken }).then(
            (on) =>
              toast.update({
                message: on
                  ? `Caspian Lens is on again on ${site}.`
                  : 'Too late to undo here: switch it on in the toolbar.',
                durationMs: 4_000,
              }),
            () => toast.update({ message: 'Could not undo: switch it on in the toolbar.', kind: 'error' }),
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
    showToast(doc, { message: `Could not remove the mark: try again in a minute.`, kind: 'error' }, signal);
    return;
  }
  const where = everywhere ? 'on any site' : 'on this site';
  const toast = showToast(
    doc,
    {
      message: `“${mark.text}” will not be marked as ${mark.name} ${where}.`,
      action: {
        label: 'Undo',
        run: () =>
          void send({ type: 'uncorrect-mark', undoToken: reply.undoToken }).then(
            (undone) =>
              toast.update({
                message: undone ? `“${mark.text}” is marked again.` : 'Too late to undo here: undo it in Settings.',
                durationMs: 4_000,
              }),
            () => toast.update({ message: 'Could not undo: undo it in Settings.', kind: 'error' }),
          ),
      },
    },
    signal,
  );
}
