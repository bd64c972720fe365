import { describe, expect, it } from 'vitest';
import { isQuotaError, SnippetStoreError, toStoreError } from '~/lib/snippets/store-errors';
import { currentInterfaceText, phrase, setInterfaceText, t } from '~/lib/i18n/translator';
import turkish from '~/_locales/tr/messages.json';
import { buildSnippet } from '../../lib/snippets/build-snippet';

const domError = (name: string) => Object.assign(new Error(`${name} happened`), { name });

describe('snippet store errors', () => {
  it.each([
    ['Chromium', domError('QuotaExceededError')],
    ['Firefox (legacy name)', domError('NS_ERROR_DOM_QUOTA_REACHED')],
    ['an abort caused by quota', Object.assign(domError('AbortError'), { cause: domError('QuotaExceededError') })],
  ])('turns a full disk in %s into the quota message', (_name, err) => {
    expect(isQuotaError(err)).toBe(true);
    const wrapped = toStoreError(err, 'storeSaveSnippet');
    expect(wrapped).toBeInstanceOf(SnippetStoreError);
    expect(wrapped.code).toBe('quota');
    expect(wrapped.message).toBe(t('snippetStoreQuota'));
    expect(wrapped.message).toMatch(/full.*export and delete old snippets/i);
  });

  it('says when the database is unavailable, and passes its own errors through', () => {
    expect(toStoreError(domError('InvalidStateError'), 'storeSaveSnippet')).toMatchObject({ code: 'unavailable' });
    const own = new SnippetStoreError('invalid', phrase('snippetInvalidNotChanged', 'x'));
    expect(toStoreError(own, 'storeSaveSnippet')).toBe(own);
    expect(toStoreError('weird', 'storeReadSnippets').message).toBe(
      t('snippetStoreFailed', t('storeReadSnippets'), 'weird'),
    );
    expect(toStoreError('weird', 'storeReadSnippets').message).toMatch(/^Reading the snippets failed: weird\./);
  });

  it('says it in the interface language of the context that throws it', () => {
    const english = currentInterfaceText();
    setInterfaceText({ lang: 'tr', messages: turkish, fallback: english.messages });
    try {
      expect(toStoreError('weird', 'storeReadSnippets').message).toBe(
        'Pasajları okuma başarısız oldu: weird. Hiçbir şey değişmedi.',
      );
    } finally {
      setInterfaceText(english);
    }
  });
});

describe('buildSnippet', () => {
  const input = {
    text: '  Baku   port\n\n\n\nexpands ',
    url: 'https://x.example/a',
    title: ' Port news ',
    selector: { exact: 'Baku port', prefix: '', suffix: '' },
    entityIds: ['baku', 'baku'],
  };
  it('tidies the text, fills defaults and de-duplicates entities', () => {
    const built = buildSnippet(input, 'id-1', 1_000);
    expect(built).toEqual({
      snippet: {
        id: 'id-1',
        text: 'Baku port\n\nexpands',
        url: 'https://x.example/a',
        title: 'Port news',
        createdAt: 1_000,
        updatedAt: 1_000,
        selector: { type: 'TextQuoteSelector', exact: 'Baku port', prefix: '', suffix: '' },
        entityIds: ['baku'],
        note: '',
        tags: [],
      },
    });
  });
  it('refuses what cannot be a snippet', () => {
    expect(buildSnippet({ ...input, text: '   ' }, 'id-1', 1)).toEqual({ problems: ['text is empty'] });
    expect('problems' in buildSnippet(input, 'bad id!', 1)).toBe(true);
  });
});
