/**
 * The Markdown export's part for the reader's own material: notes per entity, then own sources with their
 * metadata (not their full text: the JSON export and the backup keep that). Escaped like snippets, so nothing a
 * source says becomes a link, an image or a heading.
 */
import { escapeMarkdown } from '../snippets/markdown-codec';
import { isLinkableUrl, type EntityLookup } from '../snippets/entity-names';
import type { OwnMaterial } from './types';

const line = (s: string) => escapeMarkdown(s).replace(/\n/g, ' ');

export function ownToMarkdown(own: OwnMaterial, entityName: EntityLookup = () => undefined): string {
  const names = new Map(own.names.map((n) => [n.id, n.name]));
  const label = (id: string) => names.get(id) ?? entityName(id)?.name ?? id;
  const blocks: string[] = [];
  if (own.names.length) {
    const rows = own.names.map((n) => {
      const also = n.aliases.length ? ` (also ${n.aliases.map(line).join(', ')})` : '';
      return `- **${line(n.name)}**${also}, ${line(n.type)}${n.summary.trim() ? `: ${line(n.summary.trim())}` : ''}`;
    });
    blocks.push(['## Your names', '', ...rows].join('\n'));
  }
  if (own.notes.length) {
    const notes = [...own.notes]
      .sort((a, b) => label(a.entityId).localeCompare(label(b.entityId)))
      .map((n) => `### ${line(label(n.entityId))}\n\n${escapeMarkdown(n.text.trim())}`);
    blocks.push(['## Your notes', ...notes].join('\n\n'));
  }
  if (own.sources.length) {
    const sources = own.sources.map((s) => {
      const title = line(s.title);
      const head = isLinkableUrl(s.url) ? `[${title}](<${s.url.replace(/[\s<>]/g, encodeURIComponent)}>)` : title;
      const meta = [s.author && line(s.author), s.date && line(s.date), s.stance && `standpoint: ${line(s.stance)}`]
        .filter(Boolean)
        .join(' · ');
      const words = s.text.split(/\s+/).filter(Boolean).length;
      return `- ${head}${meta ? ` — ${meta}` : ''} (${words} words)`;
    });
    blocks.push(['## Your sources', '', ...sources].join('\n'));
  }
  return blocks.join('\n\n');
}
