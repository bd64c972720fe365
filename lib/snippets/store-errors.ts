/** Store failures as a code plus the sentence the user reads (toast, library banner). */
type SnippetStoreErrorCode = 'quota' | 'invalid' | 'unavailable' | 'unknown';

export class SnippetStoreError extends Error {
  constructor(
    readonly code: SnippetStoreErrorCode,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'SnippetStoreError';
  }
}

export const QUOTA_MESSAGE =
  'Not saved: the browser says the storage for Caspian Lens is full. Free disk space, or export and delete old snippets in the library, then try again.';

/** Chromium and Firefox name a full disk or origin quota differently, and some report it as the abort's cause. */
export function isQuotaError(err: unknown): boolean {
  const name = (err as { name?: unknown } | null)?.name;
  const inner = (err as { cause?: { name?: unknown }; error?: { name?: unknown } } | null) ?? null;
  return (
    name === 'QuotaExceededError' ||
    name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
    inner?.cause?.name === 'QuotaExceededError' ||
    inner?.error?.name === 'QuotaExceededError'
  );
}

/** Wraps whatever IndexedDB threw into a SnippetStoreError with a readable message. */
export function toStoreError(err: unknown, doing: string): SnippetStoreError {
  if (err instanceof SnippetStoreError) return err;
  if (isQuotaError(err)) return new SnippetStoreError('quota', QUOTA_MESSAGE, err);
  if (
    (err as { name?: unknown } | null)?.name === 'InvalidStateError' ||
    (err as { name?: unknown } | null)?.name === 'UnknownError'
  )
    return new SnippetStoreError(
      'unavailable',
      `Could not ${doing}: the browser's database is unavailable (private window, or storage disabled). Nothing was changed.`,
      err,
    );
  const detail = err instanceof Error ? err.message : String(err);
  return new SnippetStoreError('unknown', `Could not ${doing}: ${detail}. Nothing was changed.`, err);
}
