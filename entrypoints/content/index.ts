import { openGate } from '~/page/frame-gate';
import { documentGone } from '~/page/lifetime';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  // No start-up announcement a page can read or echo: WXT's context is not built in this bundle at all (wxt.config.ts,
  // page/lifetime.ts), and this keeps the announcement off should it ever be.
  noScriptStartedPostMessage: true,
  // Only the gate runs in every frame (the top page has its own: entrypoints/top.content.ts); the scanner stage is
  // injected where it lets a frame through.
  main() {
    // A frame removed or a tab closed while the gate works can make the browser's APIs fail: no error of ours, and
    // nothing the reader sees. Any other failure is still reported.
    openGate().catch((error: unknown) => {
      if (!documentGone()) throw error;
    });
  },
});
