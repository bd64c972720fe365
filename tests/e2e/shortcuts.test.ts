/**
 * Keyboard shortcuts as the README documents them, on a fresh profile: the browser assigned every suggested key on
 * install (Chromium leaves a command unset when its key is one of its own accelerators, as Alt+Shift+N was), the
 * options page lists them, and moving through the names with Alt+Shift+M puts a visible focus mark on the active one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browsersUnderTest, PROJECT_ROOT } from '../../automation/browsers';
import { borrowLensBrowser } from '../../automation/shared-browser';
import { waitInPage, type LensBrowser, type LensPage } from '../../automation/lens-browser';
import { startStaticServer, type StaticServer } from '../../automation/static-server';
import { contentMessages } from './attacks-tools';

const README = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');

/** The name the `lens-active` focus mark covers, or null. */
const activeMark = (page: LensPage) =>
  page.evaluate(() => {
    const h = (CSS as unknown as { highlights: Map<string, Iterable<AbstractRange>> }).highlights.get('lens-active');
    const ranges = h ? [...h] : [];
    if (ranges.length !== 1) return ranges.length ? `${ranges.length} ranges` : null;
    const r = ranges[0]!;
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range.toString();
  });

describe.each(browsersUnderTest())('%s keyboard shortcuts', (browserName) => {
  let server: StaticServer;
  let lens: LensBrowser;

  beforeAll(async () => {
    server = await startStaticServer();
    lens = await borrowLensBrowser(browserName);
  });

  afterAll(async () => {
    await lens?.close();
    await server?.close();
  });

  it('every command has its key on a fresh profile, shown in options and documented in the README', async () => {
    const options = await lens.openExtensionPage('options.html');
    const shortcuts = await waitInPage(
      options,
      () => {
        const rows = [...document.querySelectorAll('.lens-shortcuts > div')];
        return rows.length
          ? rows.map((r) => ({ what: r.querySelector('dt')?.textContent, key: r.querySelector('kbd')?.textContent }))
          : null;
      },
      'the shortcuts list',
    );
    const keys = Object.fromEntries(shortcuts.map((s) => [s.what, s.key?.replace(/\s+/g, '') ?? 'not set']));
    expect(keys).toMatchObject({
      'Save the selected passage as a snippet': 'Alt+Shift+S',
      'Move to the next marked name on the page and open its card': 'Alt+Shift+M',
      'Pause or resume Caspian Lens everywhere': 'Alt+Shift+O',
    });
    for (const key of ['Alt+Shift+S', 'Alt+Shift+M', 'Alt+Shift+O']) expect(README).toContain(key);
    await options.close();
  });

  it('Alt+Shift+M puts a focus mark on the name whose card it opens; Esc takes it away', async () => {
    const page = await lens.openPage(server.url('/reader-article.html'));
    // Closed even when a check fails: a page left open would take the retry's browser command (the active tab's).
    try {
      await lens.scanReport(page);
      await page.hover(2, 2);
      expect(await activeMark(page)).toBeNull();
      const askedFor = async () => (await contentMessages(lens))['get-entity'] ?? 0;
      const asked = await askedFor();
      await page.press('Alt+Shift+KeyM');
      const first = await waitInPage(
        page,
        () => {
          const root = document.querySelector('lens-card-host')?.shadowRoot;
          const frame = root?.querySelector<HTMLElement>('.lens-frame');
          return frame && !frame.hidden ? (root!.querySelector('.lens-name')?.textContent ?? '') : null;
        },
        'a card',
      );
      expect(await activeMark(page)).toBe('Kassym-Jomart Tokayev');
      expect(first).toBe('Kassym-Jomart Tokayev');
      // The next name's details are asked for while this card is open, before the M that opens it.
      for (const until = Date.now() + 5_000; (await askedFor()) < asked + 2 && Date.now() < until;)
        await new Promise((r) => setTimeout(r, 50));
      expect(await askedFor()).toBeGreaterThanOrEqual(asked + 2);
      await page.press('Alt+Shift+KeyM');
      await waitInPage(
        page,
        () => {
          const h = (CSS as unknown as { highlights: Map<string, Iterable<AbstractRange>> }).highlights.get(
            'lens-active',
          );
          const r = h ? [...h][0] : undefined;
          return !!r && r.startContainer.textContent!.slice(r.startOffset, r.endOffset) !== 'Kassym-Jomart Tokayev';
        },
        'the focus mark to move',
      );
      expect(await activeMark(page)).toBe('Baku');
      await page.press('Escape');
      await waitInPage(
        page,
        () => !(CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('lens-active'),
        'the focus mark to go',
      );
    } finally {
      await page.close();
    }
  });
});
