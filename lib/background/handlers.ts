/**
 * The background's one handler object: every request from content scripts lands here after validation.
 * No browser globals: the entrypoint hands in what it needs, so this is testable in Node.
 */
import type { AliasIndex } from '../factbase/types';
import type { FactBaseStore } from '../factbase/factbase-store';
import type { ScanReport } from '../messaging/messages';
import { parseContentMessage } from '../messaging/validate';

export interface MessageSender {
  id?: string;
  tab?: { id?: number };
  url?: string;
}

export interface BackgroundDeps {
  store: FactBaseStore;
  aliasIndex: AliasIndex;
}

export function createBackgroundHandlers({ store, aliasIndex }: BackgroundDeps) {
  const reports = new Map<number, ScanReport>();

  return {
    reports,
    /** Answers a content-script message, or returns undefined so other listeners may answer. */
    onContentMessage(raw: unknown, sender: MessageSender, ownId: string): Promise<unknown> | undefined {
      if (sender.id !== ownId) return undefined;
      const message = parseContentMessage(raw);
      if (!message) return undefined;
      switch (message.type) {
        case 'get-alias-index':
          return Promise.resolve(aliasIndex);
        case 'get-entity':
          return Promise.resolve(store.details(message.id));
        case 'scan-report':
          if (sender.tab?.id !== undefined) reports.set(sender.tab.id, message.report);
          return Promise.resolve();
      }
    },
  };
}
