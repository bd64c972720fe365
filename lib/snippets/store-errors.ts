/**
 * Store failures as a code plus the sentence the user reads (toast, library banner): a catalog key and its
 * substitutions, said in the interface language where the message is read (lib/i18n PhraseError). Pure.
 */
import { phrase, PhraseError, type MessageKey, type Phrase } from '../i18n/translator';

type SnippetStoreErrorCode = 'quota' | 'invalid' | 'unavailable' | 'unknown';

export class SnippetStoreError extends PhraseError {
  constructor(
    readonly code: SnippetStoreErrorCode,
    sentence: Phrase,
    cause?: unknown,
  ) {
    super(sentence, cause === undefined ? undefined : { cause });
    this.name = 'SnippetStoreError';
  }
}

export const QUOTA_PHRASE = phrase('snippetStoreQuota');

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

/**
 * Wraps whatever IndexedDB threw into a SnippetStoreError with a readable message; `doing` names what failed
 * ("Saving the snippet": a `store…` key).
 */
export function toStoreError(err: unknown, doing: MessageKey): SnippetStoreError {
  if (err instanceof SnippetStoreError) return err;
  if (isQuotaError(err)) return new SnippetStoreError('quota', QUOTA_PHRASE, err);
  if (
    (err as { name?: unknown } | null)?.name === 'InvalidStateError' ||
    (err as { name?: unknown } | null)?.name === 'UnknownError'
  )
    return new SnippetStoreError('unavailable', phrase('snippetStoreUnavailable', phrase(doing)), err);
  const detail = err instanceof Error ? err.message : String(err);
  return new SnippetStoreError('unknown', phrase('snippetStoreFailed', phrase(doing), detail), err);
}
