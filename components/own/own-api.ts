/**
 * What the extension's pages (library, popup, explore) ask the background about the reader's own material: adding
 * a source and re-reading every source are done there, by the one matcher. Reads and note edits go to IndexedDB
 * directly (same origin).
 */
import { sendToBackground } from '~/browser/messages';
import type { AddedSource, SourceDraft } from '~/lib/own/own-background';

export function addOwnSource(source: SourceDraft): Promise<AddedSource> {
  return sendToBackground({ type: 'own-add-source', source });
}

export function reindexOwnSources(): Promise<number> {
  return sendToBackground({ type: 'own-reindex' });
}
