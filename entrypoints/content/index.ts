import './style.css';
import { startLens } from '~/page/start-lens';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  main(ctx) {
    startLens(ctx);
  },
});
