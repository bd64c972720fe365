/** The open snippet: full text, its citation, linked entities, and the editable note and tags. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { isLinkableUrl, siteOf, type EntityLookup } from '~/lib/snippets/entity-names';
import { parseTags } from '~/lib/snippets/filter';
import type { Snippet, SnippetPatch } from '~/lib/snippets/types';
import { fullDate } from './format';
import { t } from '~/lib/i18n/translator';
import { typeLabel } from '~/lib/i18n/words';

interface SnippetDetailProps {
  snippet: Snippet;
  entityName: EntityLookup;
  onSave: (id: string, patch: SnippetPatch) => Promise<boolean>;
  onDelete: (ids: string[]) => void;
  onFilterEntity: (id: string) => void;
  onFilterTag: (tag: string) => void;
  onClose: () => void;
}

export function SnippetDetail({
  snippet: s,
  entityName,
  onSave,
  onDelete,
  onFilterEntity,
  onFilterTag,
  onClose,
}: SnippetDetailProps) {
  const [note, setNote] = useState(s.note);
  const [tags, setTags] = useState(s.tags.join(', '));
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  // Another snippet opened: start from what is stored. The same snippet changed (a save here, an edit in another
  // tab): take the stored value only for fields the reader has not been editing, so no typing is lost.
  const stored = useRef({ id: s.id, note: s.note, tags: s.tags.join(', ') });
  const tagText = s.tags.join(', ');
  useEffect(() => {
    const before = stored.current;
    if (before.id !== s.id) {
      setNote(s.note);
      setTags(tagText);
      setState('idle');
    } else {
      setNote((current) => (current === before.note ? s.note : current));
      setTags((current) => (current === before.tags ? tagText : current));
    }
    stored.current = { id: s.id, note: s.note, tags: tagText };
    // Compared by value: a reload that brings the same snippet back as a new object changes nothing.
  }, [s.id, s.updatedAt, s.note, tagText]);

  const dirty = note !== s.note || parseTags(tags).join('\u0000') !== s.tags.join('\u0000');
  const save = async () => {
    if (!dirty) return;
    setState('saving');
    setState((await onSave(s.id, { note, tags: parseTags(tags) })) ? 'saved' : 'failed');
  };

  const title = s.title || siteOf(s.url);
  return (
    <aside class="detail" aria-label={t('librarySnippetLabel')}>
      <div class="detail-head">
        <h2 class="detail-title">
          {isLinkableUrl(s.url) ? (
            <a href={s.url} target="_blank" rel="noopener noreferrer">
              {title}
            </a>
          ) : (
            title
          )}
        </h2>
        <button type="button" class="icon" aria-label={t('cardClose')} onClick={onClose}>
          ✕
        </button>
      </div>
      <p class="detail-meta">
        {[
          siteOf(s.url),
          t('librarySavedOn', fullDate(s.createdAt)),
          s.updatedAt !== s.createdAt && t('libraryEditedOn', fullDate(s.updatedAt)),
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <blockquote class="detail-text" dir="auto">
        {s.text}
      </blockquote>
      {s.url && <p class="detail-url">{s.url}</p>}

      <h3>{t('libraryEntities')}</h3>
      {s.entityIds.length ? (
        <ul class="chips">
          {s.entityIds.map((id) => {
            const label = entityName(id);
            return (
              <li key={id}>
                <button
                  type="button"
                  class="chip entity"
                  title={t('libraryShowMentioning', label?.name ?? id)}
                  onClick={() => onFilterEntity(id)}
                >
                  {label?.name ?? id}
                  {label && <span class="chip-type">{typeLabel(label.type)}</span>}
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p class="muted">{t('libraryNoNames')}</p>
      )}

      <label class="field">
        <span>{t('libraryTags')}</span>
        <input
          type="text"
          value={tags}
          placeholder={t('libraryTagsHint')}
          onInput={(e) => setTags((e.currentTarget as HTMLInputElement).value)}
          onBlur={save}
          onKeyDown={(e) => e.key === 'Enter' && void save()}
        />
      </label>
      {s.tags.length > 0 && (
        <ul class="chips">
          {s.tags.map((t) => (
            <li key={t}>
              <button type="button" class="chip tag" onClick={() => onFilterTag(t)}>
                #{t}
              </button>
            </li>
          ))}
        </ul>
      )}
      <label class="field">
        <span>{t('libraryNote')}</span>
        <textarea
          rows={4}
          value={note}
          placeholder={t('libraryNoteHint')}
          onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)}
          onBlur={save}
          onKeyDown={(e) => (e.ctrlKey || e.metaKey) && e.key === 'Enter' && void save()}
        />
      </label>
      <div class="detail-actions">
        <button type="button" class="primary" disabled={!dirty || state === 'saving'} onClick={save}>
          {state === 'saving' ? t('librarySaving') : t('librarySaveNoteTags')}
        </button>
        <span class="save-state" role="status">
          {state === 'saved' && !dirty ? t('librarySaved') : state === 'failed' ? t('libraryNotSaved') : ''}
        </span>
        <button type="button" class="danger" onClick={() => onDelete([s.id])}>
          {t('libraryDelete')}
        </button>
      </div>
    </aside>
  );
}
