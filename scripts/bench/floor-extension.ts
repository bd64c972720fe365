/**
 * The floor for the page-cost bench: the least an extension that reads pages can cost. Its content script runs where
 * ours does (every frame, about:blank frames too, at document_idle) and only walks the page's text once, summing its
 * length. Written to a folder at bench time, as an MV3 extension for Chromium and an MV2 one for Firefox.
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

const FLOOR_GECKO_ID = 'lens-floor@caspian-lens.org';

export function writeFloorExtension(dir: string, browser: BrowserName): string {
  mkdirSync(dir, { recursive: true });
  const contentScripts = [
    { matches: ['<all_urls>'], js: ['content.js'], all_frames: true, match_about_blank: true, run_at: 'document_idle' },
  ];
  const manifest =
    browser === 'chromium'
      ? { manifest_version: 3, name: 'Lens floor', version: '1.0.0', content_scripts: contentScripts }
      : {
          manifest_version: 2,
          name: 'Lens floor',
          version: '1.0.0',
          content_scripts: contentScripts,
          browser_specific_settings: { gecko: { id: FLOOR_GECKO_ID } },
        };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'content.js'), FLOOR_CONTENT_SCRIPT);
  return dir;
}
