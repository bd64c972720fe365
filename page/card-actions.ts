/**
 * What the card's settings actions do beyond sending their message. Both change settings beyond this page, so each
 * is confirmed with a toast that offers Undo: "Hide this name" applies on every site, and an unusual burst of hides
 * (lib/background/guards.ts) waits for the reader to confirm in that toast; "Off on this site" switches the whole
 * site off. Toast buttons answer real presses only (page/lens-toast.ts).
 */
import type { EntityHidden, SendToBackground, SiteSwitchedOff } from '~/lib/messaging/messages';
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
