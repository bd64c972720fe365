/** What "Save snippet" sends: the sentence around a mark, read from the DOM, as a snippet draft. */
import type { AliasIndex } from '~/lib/factbase/types';
import { sentenceAround } from '~/lib/hover/snippet';
import type { SnippetDraft } from '~/lib/messaging/messages';
import type { Mention, MentionStore } from './mention-store';

/** The sentence around a mark as a snippet draft, naming every entity marked inside that sentence. */
export function snippetFor(
  doc: Document,
  store: MentionStore,
  index: Pick<AliasIndex, 'entities'>,
  m: Mention,
): SnippetDraft {
  const container = m.container;
  const walker = doc.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  let text = '';
  const offsets = new Map<Node, number>();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    offsets.set(n, text.length);
    text += (n as Text).data;
  }
  const offsetOf = (node: Node, offset: number) => (offsets.get(node) ?? 0) + offset;
  const start = offsetOf(m.range.startContainer, m.range.startOffset);
  const end = offsetOf(m.range.endContainer, m.range.endOffset);
  const quote = sentenceAround(text, start, end, doc.documentElement.lang || 'en');
  const from = text.indexOf(quote.exact, Math.max(0, start - quote.exact.length));
  const ids = new Set<string>([index.entities[m.entity]![0]]);
  for (const other of store.all())
    if (other.container === container) {
      const s = offsetOf(other.range.startContainer, other.range.startOffset);
      if (s >= from && s < from + quote.exact.length) ids.add(index.entities[other.entity]![0]);
    }
  const exact = quote.exact.replace(/\s+/g, ' ');
  return { text: exact, url: location.href, title: doc.title, entityIds: [...ids], quote: { ...quote, exact } };
}
