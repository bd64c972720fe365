/**
 * What the extension's pages (library, popup, explore) ask the background about the reader's own material: adding
 * a source and re-reading every source are done there, by the one matcher. Reads and note edits go to IndexedDB
 * directly (same origin).
 */
import { browser } from 'wxt/browser';
import type { AddedSource, SourceDraft } from '~/lib/own/own-background';
import type { ExtensionPageToBackground, ExtensionPageToBackgroundReplies } from '~/lib/own/own-messages';

function ask<T extends ExtensionPageToBackground>(message: T): Promise<ExtensionPageToBackgroundReplies[T['type']]> {
  return browser.runtime.sendMessage(message) as Promise<ExtensionPageToBackgroundReplies[T['type']]>;
}

export function addOwnSource(source: SourceDraft): Promise<AddedSource> {
  return ask({ type: 'own-add-source', source });
}

export function reindexOwnSources(): Promise<number> {
  return ask({ type: 'own-reindex' });
}
