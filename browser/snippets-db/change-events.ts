/**
 * "Snippets changed" between the extension's contexts (background saves, library tabs, popup), over a
 * BroadcastChannel on the extension's origin: pages never see it. Sender does not hear its own messages, so each
 * writer also refreshes itself.
 */
const CHANNEL = 'caspian-lens-snippets';

export function notifySnippetsChanged(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage('changed');
  channel.close();
}

/** Calls `onChange` after any other context writes snippets; returns the unsubscribe. */
export function onSnippetsChanged(onChange: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = () => onChange();
  return () => channel.close();
}
