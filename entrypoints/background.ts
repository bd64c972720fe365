import { browser } from 'wxt/browser';
import factBaseJson from '~/data/factbase.json';
import aliasIndexJson from '~/data/alias-index.json';
import type { AliasIndex, FactBase } from '~/lib/factbase/types';
import { createFactBaseStore } from '~/lib/factbase/factbase-store';
import { createBackgroundHandlers } from '~/lib/background/handlers';

export default defineBackground(() => {
  const store = createFactBaseStore(factBaseJson as unknown as FactBase);
  const handlers = createBackgroundHandlers({ store, aliasIndex: aliasIndexJson as unknown as AliasIndex });
  browser.runtime.onMessage.addListener((message, sender) => handlers.onContentMessage(message, sender, browser.runtime.id));
});
