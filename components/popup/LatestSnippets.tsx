/** The newest saved snippets, with the way to the library. */
import type { LatestSnippets as Latest } from './popup-api';
import { formatDate, t, tp, tParts } from '~/lib/i18n';

interface LatestSnippetsProps {
  latest: Latest | null;
  /** Set when the snippets could not be read (IndexedDB unavailable, e.g. in a private window). */
  failed: boolean;
  libraryUrl: string;
  onOpenLibrary(): void;
}

const hostOf = (url: string) => {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
};

const dateOf = (ms: number) => formatDate(ms, { day: 'numeric', month: 'short' });

export function LatestSnippets({ latest, failed, libraryUrl, onOpenLibrary }: LatestSnippetsProps) {
  const open = (e: MouseEvent) => {
    e.preventDefault();
    onOpenLibrary();
  };
  return (
    <section class="section snippets" aria-labelledby="lens-snippets">
      <h2 id="lens-snippets" class="section-title">
        {t('popupLatestSnippets')}
        {latest && latest.total > 0 && <span class="section-count">{tp('popupSavedCount', latest.total)}</span>}
      </h2>
      {failed ? (
        <p class="empty">{t('popupSnippetsUnreadable')}</p>
      ) : !latest ? (
        <p class="empty">…</p>
      ) : latest.snippets.length === 0 ? (
        <p class="empty">
          {tParts(
            'popupNoSnippets',
            <>
              <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>S</kbd>
            </>,
            t('cardSaveSnippet'),
          )}
        </p>
      ) : (
        <ul class="snippet-list">
          {latest.snippets.map((s) => (
            <li key={s.id} class="snippet-row">
              <p class="snippet-text">{s.text}</p>
              <p class="snippet-meta">
                {hostOf(s.url) || s.title} · {dateOf(s.createdAt)}
              </p>
            </li>
          ))}
        </ul>
      )}
      <a class="library-link" href={libraryUrl} onClick={open}>
        {t('popupOpenLibrary')} <span aria-hidden="true">→</span>
      </a>
    </section>
  );
}
