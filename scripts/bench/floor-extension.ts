/**
 * The floor for the page-cost bench: the least an extension that reads pages can cost. Its content script runs where
 * ours does (every frame, about:blank frames too, at document_idle) and only walks the page's text once, summing its
 * length. Written to a folder at bench time, as an MV3 extension for Chromium and an MV2 one for Firefox.
 *
 * The messaging floor (`roundTrip`): the same walk, keeping the text, then one `runtime.sendMessage` carrying it to a
 * background that answers at once. The least any design costs that keeps the fact base out of the page and asks the
 * background to match (issue 17): what ours costs beyond it is ours to cut, what it costs beyond the floor is not.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserName } from '../../automation/lens-browser';

/** The content script: one TreeWalker pass over the text nodes (what any page reader must do at least). */
const FLOOR_CONTENT_SCRIPT = `(() => {
  const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
  let chars = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) chars += n.data.length;
  globalThis.__floorChars = chars;
})();
`;

/** The messaging floor's content script: the same walk, then the text in one message, the answer awaited. */
const MESSAGE_CONTENT_SCRIPT = `(() => {
  const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
  const texts = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n.data);
  chrome.runtime.sendMessage({ text: texts.join('\\n') }, (reply) => {
    globalThis.__floorChars = reply && reply.chars;
  });
})();
`;

/** Its background: answers each message at once with the length of the text it carried. */
const MESSAGE_BACKGROUND = `chrome.runtime.onMessage.addListener((message, _sender, reply) => {
  reply({ chars: typeof message?.text === 'string' ? message.text.length : 0 });
});
`;

const FLOOR_GECKO_ID = 'lens-floor@caspian-lens.org';
const MESSAGE_FLOOR_GECKO_ID = 'lens-message-floor@caspian-lens.org';

export function writeFloorExtension(dir: string, browser: BrowserName, { roundTrip = false } = {}): string {
  mkdirSync(dir, { recursive: true });
  const contentScripts = [
    { matches: ['<all_urls>'], js: ['content.js'], all_frames: true, match_about_blank: true, run_at: 'document_idle' },
  ];
  const name = roundTrip ? 'Lens messaging floor' : 'Lens floor';
  const manifest =
    browser === 'chromium'
      ? {
          manifest_version: 3,
          name,
          version: '1.0.0',
          content_scripts: contentScripts,
          ...(roundTrip ? { background: { service_worker: 'background.js' } } : {}),
        }
      : {
          manifest_version: 2,
          name,
          version: '1.0.0',
          content_scripts: contentScripts,
          ...(roundTrip ? { background: { scripts: ['background.js'] } } : {}),
          browser_specific_settings: { gecko: { id: roundTrip ? MESSAGE_FLOOR_GECKO_ID : FLOOR_GECKO_ID } },
        };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'content.js'), roundTrip ? MESSAGE_CONTENT_SCRIPT : FLOOR_CONTENT_SCRIPT);
  if (roundTrip) writeFileSync(join(dir, 'background.js'), MESSAGE_BACKGROUND);
  return dir;
}
