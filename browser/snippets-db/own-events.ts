/**
 * "Own material changed" between the extension's contexts, as ./change-events.ts does for snippets: the
 * background rebuilds its matcher when names change and re-reads sources' quotes; library, popup and explore
 * refresh. Extension origin only: pages never see it.
 */
const CHANNEL = 'caspian-lens-own';

type OwnChange = 'notes' | 'sources' | 'names' | 'all';

export function notifyOwnChanged(what: OwnChange): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage(what);
  channel.close();
}

/** Calls `onChange` after another context changes own material; returns the unsubscribe. */
export function onOwnChanged(onChange: (what: OwnChange) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (e: MessageEvent<OwnChange>) => onChange(e.data);
  return () => channel.close();
}
