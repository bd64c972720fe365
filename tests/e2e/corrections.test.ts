/**
 * "Not this" (issue 15), in Chromium and Firefox: the reader's real click on a card removes that mark (and the same
 * words marked as the same entity) on that site, the page hears nothing of it, a page's synthetic click does
 * nothing, and the options page lists the correction with Undo, which brings the marks back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browsersUnderTest, launchLensBrowser } from '../../automation/browsers';
import { sleep, waitInPage, type LensBrowser, type LensPage } from '../../automation/lens-browser';
import { startStaticServer, type StaticServer } from '../../automation/static-server';
import { changeSettings, findMark, waitForCard, waitForNoCard } from './cards-driver';

/** The texts of the painted marks, in no particular order. */
const markTexts = (page: LensPage) =>
  page.evaluate(() => {
    const out: string[] = [];
    for (const [name, h] of (CSS as unknown as { highlights: Map<string, Iterable<AbstractRange>> }).highlights)
      if (name.startsWith('lens-mention'))
        for (const r of h) out.push(r.startContainer.textContent!.slice(r.startOffset, r.endOffset));
    return out;
  });

/** A button in the card (open root in the test build), clicked with the real mouse; false when there is none. */
async function clickInCard(page: LensPage, label: string): Promise<boolean> {
  const at = await page.evaluate((text) => {
    const root = document.querySelector('lens-card-host')?.shadowRoot;
    const button = [...(root?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === text);
    if (!button) return null;
    button.scrollIntoView({ block: 'nearest' });
    const r = button.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, label);
  if (at) await page.click(at.x, at.y);
  return !!at;
}

async function openCardOn(page: LensPage, text: string, name: string): Promise<void> {
  const mark = await findMark(page, text);
  await page.hover(mark.x, mark.y);
  await waitForCard(page, name);
}

describe.each(browsersUnderTest())('%s "Not this"', (browserName) => {
  let server: StaticServer;
  let lens: LensBrowser;

  beforeAll(async () => {
    server = await startStaticServer();
    lens = await launchLensBrowser(browserName);
    await changeSettings(lens, { mentions: 'every' });
  });

  afterAll(async () => {
    await lens?.close();
    await server?.close();
  });

  it('a synthetic click does nothing; the reader’s click removes the marks of those words on this site, silently', async () => {
    await changeSettings(lens, { mentions: 'every', corrections: [] });
    const page = await lens.openPage(server.url('/not-this.html'));
    await lens.scanReport(page);
    await waitInPage(page, () => (document.readyState === 'complete' ? true : null), 'the page to load');
    const before = await markTexts(page);
    expect(before.filter((t) => t === 'Baku')).toHaveLength(4);
    expect(before).toContain('Middle Corridor');
    await openCardOn(page, 'Baku', 'Baku');
    // The page presses the buttons itself: nothing opens, nothing changes.
    const forged = await page.evaluate(() => {
      const root = document.querySelector('lens-card-host')!.shadowRoot!;
      const toggle = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Not this?');
      toggle?.click();
      return {
        toggle: !!toggle,
        row: [...root.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'On this site'),
      };
    });
    expect(forged).toEqual({ toggle: true, row: false });
    await sleep(300);
    expect((await markTexts(page)).filter((t) => t === 'Baku')).toHaveLength(4);

    // From here on, the page listens for anything the extension might tell it of the correction (the test build's
    // own card-timing event, sent when a card opens, is not part of it).
    await page.evaluate(() => {
      const w = window as unknown as { heard: string[] };
      w.heard = [];
      for (const type of ['message', 'lens-correction'])
        window.addEventListener(
          type,
          (e) => w.heard.push(`${e.type} ${JSON.stringify((e as MessageEvent).data ?? (e as CustomEvent).detail)}`),
          true,
        );
      new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) w.heard.push(`added ${n.nodeName}`);
      }).observe(document.querySelector('main')!, { subtree: true, childList: true, characterData: true });
    });

    expect(await clickInCard(page, 'Not this?')).toBe(true);
    expect(await clickInCard(page, 'On this site')).toBe(true);
    await waitForNoCard(page);
    await waitInPage(
      page,
      () => {
        for (const [name, h] of (CSS as unknown as { highlights: Map<string, Iterable<AbstractRange>> }).highlights)
          if (name.startsWith('lens-mention'))
            for (const r of h)
              if (r.startContainer.textContent!.slice(r.startOffset, r.endOffset) === 'Baku') return false;
        return true;
      },
      'every "Baku" mark to go',
    );
    const after = await markTexts(page);
    expect(after).toContain('Middle Corridor');
    expect(after).toContain('Ilham Aliyev');
    expect((await page.evaluate(() => (window as unknown as { heard: string[] }).heard)).join(' | ')).toBe('');
    await page.close();
  });

  it('the correction holds on the site after a reload, is listed in Settings, and Undo there brings the marks back', async () => {
    const page = await lens.openPage(server.url('/not-this.html'));
    await lens.scanReport(page);
    await sleep(300);
    expect(await markTexts(page)).not.toContain('Baku');
    expect(await markTexts(page)).toContain('Middle Corridor');

    const options = await lens.openExtensionPage('options.html');
    const listed = await waitInPage(
      options,
      () => {
        const items = [...document.querySelectorAll('.lens-correction')].map((li) => li.textContent?.trim() ?? '');
        return items.length ? items : null;
      },
      'the corrections list',
    );
    expect(listed).toEqual([expect.stringMatching(/“baku” is not Baku\s*on 127\.0\.0\.1\s*Undo/)]);
    const undo = await options.evaluate(() => {
      const b = document.querySelector<HTMLButtonElement>('.lens-correction button')!;
      b.scrollIntoView({ block: 'center' });
      const r = b.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await options.click(undo.x, undo.y);
    await waitInPage(
      options,
      () => document.querySelectorAll('.lens-correction').length === 0 || null,
      'the list to empty',
    );
    await options.close();

    await waitInPage(
      page,
      () => {
        let n = 0;
        for (const [name, h] of (CSS as unknown as { highlights: Map<string, Iterable<AbstractRange>> }).highlights)
          if (name.startsWith('lens-mention'))
            for (const r of h) if (r.startContainer.textContent!.slice(r.startOffset, r.endOffset) === 'Baku') n++;
        return n === 4 || null;
      },
      'the "Baku" marks to come back without a reload',
    );
    await page.close();
  });

  it('"Everywhere" is stored without a site', async () => {
    const page = await lens.openPage(server.url('/not-this.html'));
    await lens.scanReport(page);
    await openCardOn(page, 'Middle Corridor', 'Middle Corridor');
    await clickInCard(page, 'Not this?');
    await clickInCard(page, 'Everywhere');
    await waitForNoCard(page);
    const options = await lens.openExtensionPage('options.html');
    const stored = await options.evaluate(async () => {
      type Api = { storage: { local: { get(k: string): Promise<Record<string, { corrections?: unknown }>> } } };
      const g = globalThis as unknown as { browser?: Api; chrome: Api };
      return ((await (g.browser ?? g.chrome).storage.local.get('settings')).settings ?? {}).corrections;
    });
    expect(stored).toEqual([{ entity: 'middle-corridor', text: 'middle corridor', site: '' }]);
    await options.close();
    await page.close();
  });

  it('nothing logged an error or threw', async () => {
    expect(await lens.consoleErrors()).toEqual([]);
  });
});
