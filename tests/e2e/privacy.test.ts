/**
 * Zero network, in Chromium and Firefox: every request the browser makes goes through a recording proxy
 * (privacy-tools.ts explains why a proxy rather than automation events) while the extension scans a page, shows a
 * card, searches in the popup, saves a snippet and changes a setting. The test fails on any request other than the
 * ones the fixture page itself makes.
 *
 * First a canary: requests made from the extension's own contexts must show up in the record, or the record proves
 * nothing. Then the static half: the built bundles hold no network API beyond the bundler's module-preload helper,
 * no eval, and the manifest asks only for the permissions justified below.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browsersUnderTest, extensionDir, launchLensBrowser, PROJECT_ROOT } from '../../automation/browsers';
import type { ChromiumLensBrowser } from '../../automation/chromium';
import {
  hoverFirstMention,
  sleep,
  waitInPage,
  type BrowserName,
  type LensBrowser,
  type LensPage,
} from '../../automation/lens-browser';
import { startStaticServer, type StaticServer } from '../../automation/static-server';
import { browserNoise, startRecordingProxy, type ProxiedRequest, type RecordingProxy } from './privacy-tools';

/** What the fixture page requests by itself (its favicon is a data: URL, so none is fetched). */
const PAGE_OWN_PATHS = ['/article.html', '/article.css'];
/** Names the article mentions, to hover one. */
const ARTICLE_NAMES = ['Aktau', 'Kuryk', 'Azerbaijan', 'Georgia', 'Caspian'];
/**
 * The browsers' own services, which the proxy sees too: TLS tunnels to these hosts are the browser's (Chromium's
 * account check at start, Firefox's Remote Settings sync) and are told apart by exact host. The extension cannot be
 * behind them unnoticed: it has no host permission for them, and its bundles hold no https: URL at all (checked below).
 */
const BROWSER_SERVICE_TUNNELS: Record<BrowserName, string[]> = {
  chromium: ['accounts.google.com:443'],
  firefox: ['firefox.settings.services.mozilla.com:443'],
};
/** After the last action, keep recording this long for late requests (an idle service worker, a deferred save). */
const QUIET_PERIOD_MS = 2_000;

/**
 * Every permission the extension may ask for, with the reason (the README's "Permissions" section says the same).
 * A permission not listed here fails the test until someone justifies it.
 */
const JUSTIFIED_PERMISSIONS: Record<string, string> = {
  storage: 'settings in storage.local, read live by content scripts so every tab follows a change at once',
  unlimitedStorage: 'snippets in IndexedDB must not be evicted or capped by the default quota',
  contextMenus: '"Save snippet" on the selection context menu',
  scripting: "injects the card's code (card-stage.js) into the frame whose content script asks for it",
  '<all_urls>': 'host access for that injection (MV2 lists it here): the sites the content script already runs on',
};

describe.each(browsersUnderTest())('%s sends nothing anywhere', (browserName) => {
  let server: StaticServer;
  let proxy: RecordingProxy;
  let lens: LensBrowser;

  beforeAll(async () => {
    server = await startStaticServer();
    proxy = await startRecordingProxy(server.origin);
    lens = await launchLensBrowser(browserName, { proxy: proxy.address });
  });

  afterAll(async () => {
    await lens?.close();
    await proxy?.close();
    await server?.close();
  });

  it('the record catches requests made from extension contexts (canary)', async () => {
    const before = proxy.requests.length;
    const page = await lens.openExtensionPage('options.html');
    const canary = `http://canary.lens.invalid/from-extension-page-${browserName}`;
    await page.evaluate(
      (url) =>
        fetch(url).then(
          () => 'answered',
          () => 'refused',
        ),
      canary,
    );
    await page.evaluate(
      (url) =>
        fetch(url).then(
          () => 'answered',
          () => 'refused',
        ),
      `${server.origin}/canary-local`,
    );
    if (browserName === 'chromium') {
      // The service worker too, where extension code would most likely phone home from.
      const context = (lens as ChromiumLensBrowser).context;
      const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
      await worker?.evaluate(`fetch('http://canary.lens.invalid/from-service-worker').catch(() => null)`);
    }
    await sleep(500);
    const seen = proxy.requests.slice(before).map((r) => r.url);
    expect(seen).toContain(canary);
    expect(seen).toContain(`${server.origin}/canary-local`);
    if (browserName === 'chromium') expect(seen).toContain('http://canary.lens.invalid/from-service-worker');
    await page.close();
  });

  it('scanning, a card, a search, a saved snippet and a settings change request nothing', async () => {
    const from = proxy.requests.length;
    const fromServer = server.requests.length;
    const chromiumEvents: string[] = [];
    if (browserName === 'chromium') {
      // A second, independent record in Chromium: every request playwright sees in the context.
      (lens as ChromiumLensBrowser).context.on('request', (request) => chromiumEvents.push(request.url()));
    }

    // 1. Scan.
    const article = await lens.openPage(server.url('/article.html'));
    const report = await lens.scanReport(article);
    expect(report.mentions.length).toBeGreaterThan(0);

    // 2. A card: hover the first mark and wait for the card's dialog.
    expect(await hoverFirstMention(article, ARTICLE_NAMES)).not.toBeNull();
    await waitInPage(article, cardButton, 'the hover card', 15_000, 'save snippet');

    // 3. Save the snippet from the card.
    // With the mouse: the card refuses synthetic clicks.
    const button = await article.evaluate(() => {
      const root = document.querySelector('lens-card-host')?.shadowRoot;
      const found = [...(root?.querySelectorAll('button') ?? [])].find((b) =>
        /save snippet/i.test(b.textContent ?? ''),
      );
      const r = found?.getBoundingClientRect();
      return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
    });
    expect(button).not.toBeNull();
    await article.click(button!.x, button!.y);
    await waitInPage(article, cardButton, 'the snippet to be saved', 15_000, '^saved$');

    // 4. Search in the popup.
    const popup = await lens.openExtensionPage('popup.html');
    await search(popup, 'tokaev');
    await waitInPage(popup, () => /Tokayev/.test(document.body.innerText), 'search results', 15_000);

    // 5. Change a setting on the options page.
    const options = await lens.openExtensionPage('options.html');
    await waitInPage(options, () => document.querySelector('input[name="paused"]') !== null, 'the options page');
    await options.evaluate(() => (document.querySelector('input[name="paused"]') as HTMLInputElement).click());
    await options.evaluate(() => (document.querySelector('input[name="paused"]') as HTMLInputElement).click());

    await sleep(QUIET_PERIOD_MS);
    const recorded = proxy.requests.slice(from);
    const browserOwn = (r: ProxiedRequest) =>
      r.method === 'CONNECT' && BROWSER_SERVICE_TUNNELS[browserName].includes(r.url);
    const unexpected = recorded.filter((r) => !isPageOwn(r.url, server.origin) && !browserOwn(r));
    console.info(
      `[privacy] ${browserName}: ${recorded.length} requests recorded, ${recorded.filter(browserOwn).length} the browser's own`,
    );
    expect(unexpected).toEqual([]);
    // The page's own requests did go through the proxy (so the record was live), once each.
    const pageRequests = recorded.filter((r) => !browserOwn(r));
    expect(pageRequests.map((r) => new URL(r.url).pathname).sort()).toEqual([...PAGE_OWN_PATHS].sort());
    expect(
      server.requests
        .slice(fromServer)
        .map((r) => r.path)
        .sort(),
    ).toEqual([...PAGE_OWN_PATHS].sort());
    if (browserName === 'chromium') {
      const foreign = chromiumEvents.filter(
        (url) => !isPageOwn(url, server.origin) && !/^(chrome-extension|data|blob):/.test(url),
      );
      expect(foreign).toEqual([]);
    }
    for (const page of [popup, options, article]) await page.close();
  });

  it('nothing threw or logged an error (but the canary requests)', async () => {
    const errors = browserNoise(await lens.consoleErrors()).filter((line) => !/canary/.test(line));
    expect(errors).toEqual([]);
  });
});

describe('the built extension, read statically', () => {
  const builds: [BrowserName, string][] = browsersUnderTest().map((name) => [name, extensionDir(name, 'production')]);

  it.each(builds)('%s: no network API but the bundler preload helper, no eval', (_name, dir) => {
    for (const file of filesUnder(dir).filter((f) => f.endsWith('.js'))) {
      const code = readFileSync(file, 'utf8');
      for (const api of [
        'XMLHttpRequest',
        'WebSocket',
        'EventSource',
        'sendBeacon',
        'RTCPeerConnection',
        'importScripts(',
        'eval(',
        'new Function(',
      ]) {
        expect.soft(code.includes(api), `${api} in ${file}`).toBe(false);
      }
      // Vite's module-preload polyfill fetches <link rel=modulepreload> chunks of the extension itself, and the
      // interface catalogs are read from the extension's own package (browser/interface-text.ts): a `fetch` whose
      // argument is `runtime.getURL(…)` cannot leave the package. Any other fetch fails here.
      // A call of `fetch` itself, bare or as a property (`self.fetch(`): not a name that ends in it (`prefetch(`).
      const fetches = code.match(/(?<![\w$])fetch\(/g)?.length ?? 0;
      const preloads = code.match(/fetch\(\w+\.href,\w+\)/g)?.length ?? 0;
      const ownPackage = code.match(/fetch\([\w$]+\.runtime\.getURL\(/g)?.length ?? 0;
      expect.soft(fetches - preloads - ownPackage, `fetch( in ${file}`).toBe(0);
      expect.soft(/https:\/\//.test(code), `an https URL in ${file}`).toBe(false);
    }
  });

  it.each(builds)(
    '%s: the manifest asks only for justified permissions and no hosts beyond the content script',
    (_name, dir) => {
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
      const permissions = (manifest.permissions as string[] | undefined) ?? [];
      for (const p of permissions) expect(Object.keys(JUSTIFIED_PERMISSIONS), `permission ${p}`).toContain(p);
      // Host access only where the content script already runs, so the install warning stays the same.
      const matches = (manifest.content_scripts as { matches: string[] }[]).flatMap((c) => c.matches);
      for (const host of (manifest.host_permissions as string[] | undefined) ?? []) expect(matches).toContain(host);
      expect(manifest.optional_permissions ?? []).toEqual([]);
      expect(manifest.externally_connectable).toBeUndefined();
      // The default extension CSP (no remote script, no eval) is kept.
      expect(manifest.content_security_policy).toBeUndefined();
    },
  );

  it('the source sets no markup from data and evaluates no strings', () => {
    const sources = ['lib', 'page', 'components', 'entrypoints']
      .flatMap((d) => filesUnder(join(PROJECT_ROOT, d)))
      .filter((f) => /\.(ts|tsx)$/.test(f));
    for (const file of sources) {
      const code = readFileSync(file, 'utf8');
      expect
        .soft(
          /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|\beval\(|new Function\(/.test(
            code,
          ),
          file,
        )
        .toBe(false);
    }
  });
});

function isPageOwn(url: string, origin: string): boolean {
  try {
    const u = new URL(url);
    return u.origin === origin && PAGE_OWN_PATHS.includes(u.pathname);
  } catch {
    return false;
  }
}

/** Whether the hover card has a button whose text matches `pattern` (case-insensitive); runs in the page. */
function cardButton(pattern: string): boolean {
  const root = document.querySelector('lens-card-host')?.shadowRoot;
  const re = new RegExp(pattern, 'i');
  return [...(root?.querySelectorAll('button') ?? [])].some((b) => re.test(b.textContent?.trim() ?? ''));
}

/** Types a query into the popup's search box as input events. */
async function search(popup: LensPage, query: string): Promise<void> {
  await waitInPage(
    popup,
    () => document.querySelector('input[aria-label="Search the fact base"]') !== null,
    'the search box',
  );
  await popup.evaluate((q) => {
    const input = document.querySelector('input[aria-label="Search the fact base"]') as HTMLInputElement;
    input.focus();
    input.value = q;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, query);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
