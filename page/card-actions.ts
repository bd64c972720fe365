/**
 * What the card's settings actions do beyond sending their message: "Hide this name" applies on every site, so each
 * hide is confirmed with a toast that offers Undo, and an unusual burst of hides (lib/background/guards.ts) waits
 * for the reader to confirm in that toast. Toast buttons answer real presses only (page/lens-toast.ts).
 */
import type { EntityHidden, SendToBackground } from '~/lib/messaging/messages';
import { showToast } from './lens-toast';

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
          durationMs: 15_000,
        },
        signal,
      );
    return;
  }
  const toast = showToast(
    doc,
    {
      message: `${entity.name} will not be marked on any site.`,
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
