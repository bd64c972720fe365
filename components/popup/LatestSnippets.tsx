/** The newest saved snippets, with the way to the library. */
import type { LatestSnippets as Latest } from './popup-api';

export interface LatestSnippetsProps {
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

const dateOf = (ms: number) => new Date(ms).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });

export function LatestSnippets({ latest, failed, libraryUrl, onOpenLibrary }: LatestSnippetsProps) {
  const open = (e: MouseEvent) => {
    e.preventDefault();
    onOpenLibrary();
  };
  return (
    <section class="section snippets" aria-labelledby="lens-snippets">
      <h2 id="lens-snippets" class="section-title">
        Latest snippets
        {latest && latest.total > 0 && <span class="section-count">{latest.total} saved</span>}
      </h2>
      {failed ? (
        <p class="empty">The saved snippets can't be read here.</p>
      ) : !latest ? (
        <p class="empty">…</p>
      ) : latest.snippets.length === 0 ? (
        <p class="empty">
          None yet. Select a passage on a page and press <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>S</kbd>, or use “Save
          snippet” in a card.
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
        Open the library <span aria-hidden="true">→</span>
      </a>
    </section>
  );
}
