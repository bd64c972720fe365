/**
 * Tests about the scanner and the marks' mechanics compare painted marks with the mentions found, so they switch the
 * calm default density (page/mark-density.ts) to "Every mention" first, as a reader would on the options page.
 */
import { waitInPage, type LensBrowser } from '../../automation/lens-browser';

export async function markEveryMention(lens: LensBrowser): Promise<void> {
  const options = await lens.openExtensionPage('options.html');
  await waitInPage(options, () => !!document.querySelector('input[name="mentions"]'), 'the options page');
  await options.evaluate(() => document.querySelector<HTMLElement>('input[name="mentions"][value="every"]')!.click());
  await waitInPage(
    options,
    async () => {
      type Api = { storage: { local: { get(key: string): Promise<{ settings?: { mentions?: string } }> } } };
      const g = globalThis as unknown as { browser?: Api; chrome: Api };
      return (await (g.browser ?? g.chrome).storage.local.get('settings')).settings?.mentions === 'every';
    },
    '"Every mention" to be stored',
  );
  await options.close();
}
