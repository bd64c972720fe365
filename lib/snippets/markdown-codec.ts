/**
 * Markdown export: a readable document for notes apps and reports. Each snippet is a block quote followed by its
 * citation (title linked to the page, site, date saved), the entities it mentions, tags and the reader's note.
 * Page text is escaped so it reads as text: a snippet cannot inject links, images or headings into the document.
 */
import { isLinkableUrl, siteOf, type EntityLookup } from './entity-names';
import type { Snippet } from './types';

/** Characters that start Markdown constructs anywhere in a line. */
const INLINE_SPECIAL = /[\\`*_[\]<>~|!]/g;
/**
 * Every line break a Markdown reader (or the editor it opens in) may honour: CRLF, CR and LF, vertical tab, form
 * feed, NEL, and the Unicode line and paragraph separators. Each becomes a plain LF, so each line start is escaped.
 */
const LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/;

export function escapeMarkdown(text: string): string {
  return text
    .replace(INLINE_SPECIAL, (ch) => `\\${ch}`)
    .split(LINE_BREAK)
    .map((line) =>
      line
        // Line starts that make headings, lists, quotes, rules or setext underlines.
        .replace(/^(\s*)([#>+\-=])/, '$1\\$2')
        .replace(/^(\s*\d+)([.)])/, '$1\\$2'),
    )
    .join('\n');
}

/** A URL as a Markdown link destination: angle-bracketed, with the characters that could end it percent-encoded. */
function linkDestination(url: string): string {
  return `<${url.replace(/[\s<>]/g, (ch) => encodeURIComponent(ch))}>`;
}

function isoDay(ms: number): string {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? 'unknown date' : d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

function snippetToMarkdown(s: Snippet, entityName: EntityLookup = () => undefined): string {
  const lines: string[] = [];
  const title = s.title.trim() || siteOf(s.url);
  lines.push(`### ${escapeMarkdown(title).replace(/\n/g, ' ')}`, '');
  for (const line of escapeMarkdown(s.text).split('\n')) lines.push(line ? `> ${line}` : '>');
  lines.push('');
  const cite = isLinkableUrl(s.url)
    ? `[${escapeMarkdown(title).replace(/\n/g, ' ')}](${linkDestination(s.url)})`
    : `${escapeMarkdown(title)} (${escapeMarkdown(s.url)})`;
  lines.push(`— ${cite}, ${escapeMarkdown(siteOf(s.url))}, saved ${isoDay(s.createdAt)}`);
  if (s.entityIds.length) {
    const names = s.entityIds.map((id) => {
      const label = entityName(id);
      return label ? `${escapeMarkdown(label.name)} (${escapeMarkdown(label.type)})` : `\`${id.replace(/`/g, '')}\``;
    });
    lines.push('', `**Entities:** ${names.join(', ')}`);
  }
  if (s.tags.length) lines.push('', `**Tags:** ${s.tags.map((t) => escapeMarkdown(t)).join(', ')}`);
  if (s.note.trim()) {
    lines.push('', '**Note:**', '');
    lines.push(escapeMarkdown(s.note.trim()));
  }
  return lines.join('\n');
}

export function exportSnippetsMarkdown(
  snippets: readonly Snippet[],
  entityName: EntityLookup = () => undefined,
  now = Date.now(),
): string {
  const head = [
    '# Caspian Lens snippets',
    '',
    `${snippets.length} snippet${snippets.length === 1 ? '' : 's'}, exported ${isoDay(now)}.`,
  ];
  const blocks = snippets.map((s) => snippetToMarkdown(s, entityName));
  return [head.join('\n'), ...blocks].join('\n\n---\n\n') + '\n';
}
