/**
 * The floor for the card bench: the least a hover card can cost. Its content script waits for the pointer to rest on
 * text for the same dwell as ours, asks its background for the card's text (one message: in Chromium that wakes a
 * stopped service worker, as ours must), and shows it in a fixed box inside a shadow root, beside the pointer. No
 * matching, no layout rules, no framework. Written to a folder at bench time (Chromium MV3), never shipped.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The floor card's host element, for the bench's probe. */
export const FLOOR_CARD_HOST = 'lens-floor-card';

const content = (dwellMs: number, graceMs: number) => `(() => {
  let dwell = 0;
  let grace = 0;
  let frame = null;
  const overText = (x, y) => {
    const range = document.caretRangeFromPoint?.(x, y);
    if (!range || range.startContainer.nodeType !== Node.TEXT_NODE) return false;
    const word = document.createRange();
    word.selectNodeContents(range.startContainer);
    return [...word.getClientRects()].some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
  };
  const show = async (x, y) => {
    const reply = await chrome.runtime.sendMessage({ at: [x, y] });
    if (!frame) {
      const host = document.createElement('${FLOOR_CARD_HOST}');
      const root = host.attachShadow({ mode: 'open' });
      frame = document.createElement('div');
      frame.style.cssText = 'position:fixed;z-index:2147483647;width:400px';
      const card = document.createElement('div');
      card.style.cssText = 'background:#fff;color:#111;border:1px solid #999;padding:12px;font:14px/1.4 sans-serif';
      frame.append(card);
      root.append(frame);
      document.documentElement.append(host);
    }
    frame.firstElementChild.textContent = reply.text;
    frame.style.left = Math.max(0, Math.min(x, innerWidth - 410)) + 'px';
    frame.style.top = y + 16 + 'px';
    frame.hidden = false;
  };
  addEventListener('pointermove', (e) => {
    if (!e.isTrusted) return;
    clearTimeout(dwell);
    if (overText(e.clientX, e.clientY)) {
      clearTimeout(grace);
      dwell = setTimeout(() => void show(e.clientX, e.clientY), ${dwellMs});
    } else if (frame && !frame.hidden) {
      grace = setTimeout(() => (frame.hidden = true), ${graceMs});
    }
  }, { capture: true, passive: true });
})();
`;

const BACKGROUND = `chrome.runtime.onMessage.addListener((message, sender, reply) => {
  reply({ text: 'A card of the floor extension, for the text at ' + message.at.join(', ') + '.' });
});
`;

export function writeCardFloorExtension(dir: string, dwellMs: number, graceMs: number): string {
  mkdirSync(dir, { recursive: true });
  const manifest = {
    manifest_version: 3,
    name: 'Lens card floor',
    version: '1.0.0',
    background: { service_worker: 'background.js' },
    content_scripts: [{ matches: ['<all_urls>'], js: ['content.js'], run_at: 'document_idle' }],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'content.js'), content(dwellMs, graceMs));
  writeFileSync(join(dir, 'background.js'), BACKGROUND);
  return dir;
}
