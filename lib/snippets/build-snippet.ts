/** Turns a save request into a complete record, or explains why it cannot be one. Pure. */
import { tidySelectionText } from './quote-selector';
import type { NewSnippet, Snippet } from './types';
import { recordProblems } from './validate-record';

export function buildSnippet(
  input: NewSnippet,
  id: string,
  now: number,
): { snippet: Snippet } | { problems: string[] } {
  const createdAt = input.createdAt ?? now;
  const snippet: Snippet = {
    id: input.id ?? id,
    text: tidySelectionText(input.text),
    url: input.url,
    title: input.title.trim(),
    createdAt,
    updatedAt: createdAt,
    selector: {
      type: 'TextQuoteSelector',
      exact: input.selector.exact,
      prefix: input.selector.prefix,
      suffix: input.selector.suffix,
    },
    entityIds: [...new Set(input.entityIds ?? [])],
    note: input.note ?? '',
    tags: [...new Set(input.tags ?? [])],
  };
  const problems = recordProblems(snippet, 2);
  return problems.length ? { problems } : { snippet };
}
