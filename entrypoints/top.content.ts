import { openTopGate } from '~/page/top-gate';
import { documentGone } from '~/page/lifetime';

export default defineContentScript({
  matches: ['<all_urls>'],
  // The top page's gate, apart from the frames' (entrypoints/content): a page's many frames do not parse its code.
  allFrames: false,
  runAt: 'document_idle',
  // No start-up announcement a page can read or echo (entrypoints/content/index.ts).
  noScriptStartedPostMessage: true,
  main() {
    openTopGate().catch((error: unknown) => {
      if (!documentGone()) throw error;
    });
  },
});
