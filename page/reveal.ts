/** Scrolls to an entity's first mention and flashes it, for the popup's "on this page" list. */
import type { AliasIndex } from '~/lib/factbase/types';
import type { MentionStore } from './mention-store';

const FLASH_HIGHLIGHT = 'lens-flash';
const FLASH_MS = 1_600;

export function revealEntity(
  doc: Document,
  store: MentionStore,
  index: Pick<AliasIndex, 'entities'>,
  entityId: string,
): boolean {
  // The page's table holds only the rows of the names it found (a sparse array).
  const entity = index.entities.findIndex((row) => row?.[0] === entityId);
  const mention = store.all().find((m) => m.entity === entity);
  if (!mention) return false;
  const range = doc.createRange();
  range.setStart(mention.range.startContainer, mention.range.startOffset);
  range.setEnd(mention.range.endContainer, mention.range.endOffset);
  const element = range.startContainer.parentElement;
  element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  const registry = doc.defaultView?.CSS?.highlights;
  if (registry) {
    registry.set(FLASH_HIGHLIGHT, new Highlight(range));
    doc.defaultView!.setTimeout(() => registry.delete(FLASH_HIGHLIGHT), FLASH_MS);
  }
  return true;
}
