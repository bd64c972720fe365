import { browser } from 'wxt/browser';
import { exploreHref } from '~/lib/explore/url-state';
import factBaseJson from '~/data/factbase.json';
import aliasIndexJson from '~/data/alias-index.json';
import matchingRulesJson from '~/data/matching-rules.json';
import type { AliasIndex, FactBase } from '~/lib/factbase/types';
import type { MatchingRules } from '~/lib/factbase/matching-rules';
import { createFactBaseStore } from '~/lib/factbase/factbase-store';
import { createBackgroundHandlers } from '~/lib/background/handlers';
import { createExtensionPageHandlers } from '~/lib/background/extension-page-handlers';
import type { Matcher } from '~/lib/matcher';
import { createPageSaves } from '~/lib/snippets/page-saves';
import { deleteSnippets, saveSnippet, snippetsForPage } from '~/browser/snippets-db/snippet-store';
import { sendToTab } from '~/browser/messages';
import { createSaveMenu, createSelectionRoutes, SAVE_MENU_ID } from '~/browser/selection-routes';
import { loadSettings, updateSettings, watchSettings } from '~/browser/settings-storage';
import { createOwnBackground } from '~/lib/own/own-background';
import * as ownStore from '~/browser/snippets-db/own-store';
import { onOwnChanged } from '~/browser/snippets-db/own-events';
import { flagOwnNames } from '~/browser/own-names-flag';
import { onSnippetsChanged } from '~/browser/snippets-db/change-events';
import marksCss from '~/page/marks.css?inline';
import { createTrackMenu, onTrackMenuClick, TRACK_MENU_ID } from '~/browser/own-menu';
import { followInterfaceText, storedInterfaceText } from '~/browser/interface-text';
import { cardText } from '~/lib/i18n/card-text';
import { t } from '~/lib/i18n/translator';

export default defineBackground(() => {
  // The interface language (the setting, else the browser's): menus, toasts and the card's words follow it.
  const textReady = followInterfaceText(() => void retitleMenus());
  const retitleMenus = async () => {
    await browser.contextMenus.update(SAVE_MENU_ID, { title: t('menuSaveSelection') }).catch(() => {});
    await browser.contextMenus.update(TRACK_MENU_ID, { title: t('menuTrackName') }).catch(() => {});
  };
  const store = createFactBaseStore(factBaseJson as unknown as FactBase);
  const aliasIndex = aliasIndexJson as unknown as AliasIndex;
  // The reader's own names join the fact base's index; the matcher is built on first use from both, kept while the
  // background lives (it matches the text of every page and frame, so no page builds an automaton on its own main
  // thread; it links saved snippets and own sources to their entities), and rebuilt when the names change.
  const own = createOwnBackground({
    store,
    baseIndex: aliasIndex,
    storage: ownStore,
    rules: matchingRulesJson as unknown as MatchingRules,
  });
  void own.ready();
  // The gate's screen knows the fact base's names only: while the reader has names of their own, every frame is
  // flagged to ask this background instead (browser/own-names-flag.ts).
  const flagFrames = () =>
    void ownStore
      .listNames()
      .then((names) => flagOwnNames(names.length > 0))
      .catch(() => {});
  flagFrames();
  onOwnChanged((what) => {
    own.materialChanged();
    if (what === 'names' || what === 'all') {
      void own.namesChanged().catch(() => {});
      flagFrames();
    }
  });
  onSnippetsChanged(() => own.materialChanged());
  const matcher = (): Matcher => own.matcherForPage();
  const pageSaves = createPageSaves({
    // A card asked right after a save must not get the material from before it (the broadcast comes a task later).
    save: (input) => saveSnippet(input).finally(own.materialChanged),
    remove: (ids) => deleteSnippets(ids).finally(own.materialChanged),
    forPage: (url) => snippetsForPage(url),
    findEntities: (text) => [...new Set(own.findNames(text).map((m) => m.entityId))],
    isKnownEntity: own.isKnownEntity,
  });
  const handlers = createBackgroundHandlers({
    store,
    aliasIndex,
    matcher,
    snippets: pageSaves,
    updateSettings,
    own,
    setNote: (id, text) => ownStore.setNote(id, text).finally(own.materialChanged),
    openLibrary: (id) =>
      browser.tabs.create({ url: `${browser.runtime.getURL('/library.html')}?entity=${encodeURIComponent(id)}` }),
    // The search lives in the popup. The toolbar popup cannot be opened from a content script's message in Firefox
    // (no user gesture reaches the background), so it opens in a small window of its own, sized like the popup
    // (popup.css widens the page to the window: `window=1`).
    openSearch: (query) =>
      browser.windows.create({
        url: `${browser.runtime.getURL('/popup.html')}?q=${encodeURIComponent(query)}&window=1`,
        type: 'popup',
        width: 460,
        height: 680,
      }),
    // The card's code, injected into one frame on the reader's first approach to a mark there (page/card-stage.ts):
    // not web-accessible, so no page can probe for it. Needs `scripting` and the host permission (README).
    // The card's words are not injected with it: the first stage asks for them (get-card-text) in the meantime.
    // The card extras right behind the stage, in the same call (page/card-extras/shared.ts): every card shows the
    // reader's own section (its note button at least), so they are there before the first card, never after it.
    // The content script's scanner stage, injected into a frame once its gate has found text there worth scanning
    // (page/frame-gate.ts): every other frame pays for a few lines only. Not web-accessible either. The marks' style
    // goes in with it, not into every frame as a content-script stylesheet would.
    injectLensStage: (tabId, frameId) =>
      Promise.all([
        browser.scripting.executeScript({
          target: { tabId, frameIds: [frameId] },
          files: ['/lens-stage.js'],
          injectImmediately: true,
        }),
        browser.scripting.insertCSS({ target: { tabId, frameIds: [frameId] }, css: marksCss }),
      ]),
    loadSettings,
    injectCardStage: (tabId, frameId) =>
      browser.scripting.executeScript({
        target: { tabId, frameIds: [frameId] },
        files: ['/card-stage.js', '/card-extras.js'],
        injectImmediately: true,
      }),
    cardText: () => storedInterfaceText().then(cardText),
    openExplore: (id, view) =>
      browser.tabs.create({ url: browser.runtime.getURL(`/${exploreHref(view, id)}` as `/explore.html${string}`) }),
    closeCardIn: (tabId, frameId) => sendToTab(tabId, { type: 'close-card' }, frameId),
  });
  const pageHandlers = createExtensionPageHandlers(own);
  // Test build only: how many messages of each type content scripts sent, which the attack tests read to see that
  // a page's synthetic input asked the background for nothing (tests/e2e/attacks*).
  const received: Record<string, number> = {};
  if (__LENS_TEST_BUILD__) (globalThis as { lensContentMessages?: unknown }).lensContentMessages = received;
  // Test build only: when the re-reads of own sources asked for so far are done (the own bench times adds after them).
  if (__LENS_TEST_BUILD__) (globalThis as { lensOwnSettled?: unknown }).lensOwnSettled = () => own.settled();
  // Test build only: each frame's start-lens by address, and whether the scanner stage went into it (the answer is the
  // settings once it was injected, null where the frame's text named nothing): tests/e2e/frame-gate.test.ts.
  const lensStarts: { url: string; stage: boolean }[] = [];
  if (__LENS_TEST_BUILD__) (globalThis as { lensStarts?: unknown }).lensStarts = lensStarts;
  browser.runtime.onMessage.addListener((message, sender) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (__LENS_TEST_BUILD__ && sender.tab && typeof type === 'string') received[type] = (received[type] ?? 0) + 1;
    const reply =
      pageHandlers.onPageMessage(message, sender, browser.runtime.id, browser.runtime.getURL('/')) ??
      handlers.onContentMessage(message, sender, browser.runtime.id);
    if (__LENS_TEST_BUILD__ && type === 'start-lens')
      void Promise.resolve(reply).then(
        (settings) => void lensStarts.push({ url: sender.url ?? '', stage: !!settings }),
        () => {},
      );
    return reply;
  });
  browser.tabs.onRemoved.addListener((tabId) => handlers.forgetTab(tabId));
  // Settings changes go to every tab's frames from here, the one place that watches storage: a frame's scanner stage
  // neither builds the storage API nor carries the settings' validation (page/start-lens.ts). A tab without our
  // content script (a browser page, one opened before the install) cannot take the message: nothing to do there.
  watchSettings((settings) => {
    void browser.tabs.query({}).then((tabs) => {
      for (const tab of tabs)
        if (tab.id !== undefined) sendToTab(tab.id, { type: 'settings-changed', settings }).catch(() => {});
    });
  });

  // Saving a selection: the context-menu item and the save-selection command.
  const selectionRoutes = createSelectionRoutes(browser, pageSaves);
  // Recreated on every start: Firefox drops menu items when the browser restarts; Chromium keeps them, and
  // removeAll first avoids its duplicate-id error.
  void Promise.all([browser.contextMenus.removeAll(), textReady.catch(() => {})]).then(() => {
    createSaveMenu(browser);
    createTrackMenu(browser);
  });
  browser.contextMenus.onClicked.addListener(
    (info, tab) => void selectionRoutes.onMenuClick(info, tab).catch(() => {}),
  );
  browser.contextMenus.onClicked.addListener((info, tab) => void onTrackMenuClick(browser, info, tab).catch(() => {}));
  browser.commands.onCommand.addListener(
    (command, tab) => void selectionRoutes.onCommand(command, tab).catch(() => {}),
  );
  // The same two routes for end-to-end tests, since automation can click neither a browser menu nor a browser-level
  // shortcut: in the test build only (wxt.config.ts), reachable from the extension's own background context.
  if (__LENS_TEST_BUILD__) {
    (globalThis as { lensSelectionRoutes?: unknown }).lensSelectionRoutes = selectionRoutes;
    (globalThis as { lensTrackMenu?: unknown }).lensTrackMenu = (text: string) =>
      onTrackMenuClick(browser, { menuItemId: 'lens-track-name', selectionText: text }, undefined);
  }

  // Keyboard commands: next-mention is relayed to the active tab's top frame; toggle-pause flips the setting.
  browser.commands.onCommand.addListener(async (command) => {
    if (command === 'toggle-pause') await updateSettings((s) => ({ ...s, paused: !s.paused }));
    if (command !== 'next-mention') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await sendToTab(tab.id, { type: 'next-mention' }, 0).catch(() => {});
  });
});
