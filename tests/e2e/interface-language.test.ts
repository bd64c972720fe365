/**
 * Which interface language (issue 19): "the browser's, with an override in settings", in Chromium and Firefox with
 * the browser's own language setting changed as a reader changes it, not emulated.
 *
 * What the code reads (browser/interface-text.ts): the reader's preferred languages (`navigator.languages`), then the
 * browser's interface language (`i18n.getUILanguage()`). What really changes them:
 * - `navigator.languages`, in every context the extension has (pages and the background): the preferred-languages
 *   list, Chromium's `intl.accept_languages` profile preference (Settings → Languages), Firefox's
 *   `intl.accept_languages` pref (Settings → Language → "Choose your preferred language for displaying pages"). A
 *   new profile takes it from the interface language.
 * - `getUILanguage()` follows the browser's own interface language, which needs that language's resources installed:
 *   Debian's Chromium ships `en-US.pak` alone (chromium-l10n has the rest), Firefox ESR English alone (a language
 *   pack per language); with them missing, `--lang`, `LANGUAGE` and `intl.locale.requested` leave it `en-US`. Had it
 *   come first, an English browser with Turkish first among its languages would show English.
 *   Playwright's `locale` option is emulation: it reaches pages but not the service worker, so the card (worded by
 *   the background) would disagree with the popup; it is not used here.
 *
 * Each browser is launched on a profile that asks for Turkish first, then English. The options page, the popup and
 * an open card on a web page must speak Turkish with the setting on "auto"; the setting's Russian must win
 * everywhere; "auto" again brings Turkish back.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browsersUnderTest, launchLensBrowser, PROJECT_ROOT } from '../../automation/browsers';
import { waitInPage, type BrowserName, type LensBrowser, type LensPage } from '../../automation/lens-browser';
import { startStaticServer, type StaticServer } from '../../automation/static-server';
import { setLanguage, waitForLanguage } from './a11y-tools';
import { waitForCard } from './cards-driver';

/** The reader's languages, as each browser stores them: Turkish first. */
const PREFERRED = 'tr-TR,tr,en-US,en';

/** A new profile folder whose browser asks for Turkish first, set where the browser's own settings page sets it. */
function profileAskingForTurkish(browserName: BrowserName): string {
  const profile = mkdtempSync(join(tmpdir(), `lens-language-${browserName}-`));
  if (browserName === 'chromium') {
    mkdirSync(join(profile, 'Default'));
    writeFileSync(
      join(profile, 'Default', 'Preferences'),
      // Developer mode as the launcher writes it (an unpacked extension needs it), and the languages list.
      JSON.stringify({ extensions: { ui: { developer_mode: true } }, intl: { accept_languages: PREFERRED } }),
    );
  } else {
    // prefs.js, where Firefox keeps what its settings page changed (the launcher writes its own prefs to user.js).
    writeFileSync(join(profile, 'prefs.js'), `user_pref("intl.accept_languages", "${PREFERRED}");\n`);
  }
  return profile;
}

describe.each(browsersUnderTest())('%s: the interface language', (browserName) => {
  let server: StaticServer;
  let lens: LensBrowser;
  let profile = '';

  beforeAll(async () => {
    server = await startStaticServer({ roots: [join(PROJECT_ROOT, 'tests/e2e/fixtures')] });
    profile = profileAskingForTurkish(browserName);
    lens = await launchLensBrowser(browserName, { profileDir: profile });
  });
  afterAll(async () => {
    await lens?.close().catch(() => undefined);
    await server?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  const languagesOf = (page: LensPage) => page.evaluate(() => [...navigator.languages]);

  it('"auto" follows the browser: Turkish everywhere; the setting wins over it; "auto" again brings it back', async () => {
    const options = await lens.openExtensionPage('options.html');
    // The profile's setting really reached the browser (else this test would say nothing about our code).
    expect((await languagesOf(options))[0]).toBe('tr-TR');
    await waitForLanguage(options, 'tr');
    const menu = () =>
      options.evaluate(() => {
        const select = document.querySelector<HTMLSelectElement>('#lens-language')!;
        return { value: select.value, auto: select.options[0]!.text };
      });
    expect(await menu()).toEqual({ value: 'auto', auto: expect.stringContaining('Türkçe') });

    const popup = await lens.openExtensionPage('popup.html');
    await waitForLanguage(popup, 'tr');
    await popup.close();

    // The card on a web page is worded by the background: its context follows the browser too.
    const web = await lens.openPage(server.url('/article.html'));
    await lens.scanReport(web);
    await web.press('Alt+Shift+KeyM');
    await waitForCard(web, null);
    await waitForLanguage(web, 'tr', true);

    await setLanguage(options, 'ru');
    await waitForLanguage(options, 'ru');
    await waitForLanguage(web, 'ru', true);
    expect((await menu()).value).toBe('ru');

    await setLanguage(options, 'auto');
    await waitForLanguage(options, 'tr');
    await waitForLanguage(web, 'tr', true);
    await waitInPage(
      options,
      () => document.querySelector<HTMLSelectElement>('#lens-language')!.value === 'auto',
      'auto',
    );
    await web.close();
    await options.close();
  });
});
