/**
 * The background's handlers for the extension's own pages (library, popup): one per request type, typed by the
 * request→reply map (lib/messaging/messages.ts). Content scripts never reach them: only a sender on the extension's
 * own origin is answered, and its message is checked like any other (lib/messaging/validate.ts).
 */
import { dispatch, type ExtensionPageToBackground, type HandlerMap } from '../messaging/messages';
import { parseExtensionPageMessage } from '../messaging/validate';
import type { OwnBackground } from '../own/own-background';
import { phrase, PhraseError } from '../i18n/translator';

type ExtensionPageHandlers = HandlerMap<ExtensionPageToBackground, ExtensionPageSender>;

interface ExtensionPageSender {
  id?: string;
  url?: string;
}

export function createExtensionPageHandlers(own: Pick<OwnBackground, 'addSource' | 'reindex'>) {
  const handlers: ExtensionPageHandlers = {
    'own-add-source': (message) => own.addSource(message.source),
    'own-reindex': () => own.reindex(),
  };
  return {
    handlers,
    /**
     * Answers a request from an extension page, or returns undefined for anything else (content-script messages go
     * to the content handlers). `extensionOrigin` is `runtime.getURL('/')`.
     */
    onPageMessage(
      raw: unknown,
      sender: ExtensionPageSender,
      ownId: string,
      extensionOrigin: string,
    ): Promise<unknown> | undefined {
      if (sender.id !== ownId || !sender.url?.startsWith(extensionOrigin)) return undefined;
      const message = parseExtensionPageMessage(raw);
      if (!message) return undefined;
      if ('problems' in message)
        return Promise.reject(new PhraseError(phrase('ownNotAdded', message.problems.join('; '))));
      return dispatch(handlers, message, sender);
    },
  };
}
