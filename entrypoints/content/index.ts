import './style.css';
import { startLens } from '~/page/start-lens';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  // No start-up announcement a page can read or echo (page/lifetime.ts says what ends the content script instead).
  noScriptStartedPostMessage: true,
  main(ctx) {
    startLens(ctx);
  },
});
