/**
 * Settings take effect at once in an open tab, in Chromium and Firefox: the options page (driven as a person would,
 * through its controls) changes a setting, and the marks on an article already open in another tab follow without a
 * reload. Also: export and import of the settings file, and the reset.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { browsersUnderTest, launchLensBrowser } from '../../automation/browsers';
import { sleep, waitInPage, type LensBrowser, type LensPage } from '../../automation/lens-browser';
import { startStaticServer, type StaticServer } from '../../automation/static-server';
import { clickAndCaptureDownload, clickAndProvideFile } from './snippets-driver';
import { browserNoise } from './privacy-tools';
import type { ScanReport } from '../../lib/messaging/messages';
import { defaultSettings } from '../../lib/settings/settings';

const CHANGE_TIMEOUT_MS = 10_000;

interface Marks {
  /** Ranges under the underline highlight name, or -1 when that name is not registered. */
  underline: number;
  /** Ranges under the background highlight name, or -1. */
  background: number;
}

const readMarks = (page: LensPage): Promise<Marks> =>
  page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, { size: number }> }).highlights;
    return {
      underline: registry.get('lens-mention')?.size ?? -1,
      background: registry.get('lens-mention-bg')?.size ?? -1,
    };
  });

/** Polls the article's marks until `ok` holds; returns them, or fails with the last ones seen. */
async function marksBecome(page: LensPage, what: string, ok: (m: Marks) => boolean): Promise<Marks> {
  const started = Date.now();
  let last: Marks = { underline: -1, background: -1 };
  while (Date.now() - started < CHANGE_TIMEOUT_MS) {
    last = await readMarks(page);
    if (ok(last)) return last;
    await sleep(100);
  }
  throw new Error(`marks did not become ${what}: ${JSON.stringify(last)}`);
}

const painted = (m: Marks) => Math.max(m.underline, 0) + Math.max(m.background, 0);

/** Options-page actions, run in the options page. */
const click = (options: LensPage, selector: string) =>
  options.evaluate((s) => {
    const el = document.querySelector<HTMLElement>(s);
    if (!el) throw new Error(`no ${s}`);
    el.click();
  }, selector);

const clickButton = (options: LensPage, label: string) =>
  options.evaluate((text) => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);
    if (!button) throw new Error(`no button "${text}"`);
    button.click();
  }, label);

/** Types into a text box and submits its form (two steps: the component re-renders with the typed value between). */
async function typeAndSubmit(options: LensPage, name: string, value: string): Promise<void> {
  await options.evaluate(
    ({ name, value }) => {
      const input = document.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    { name, value },
  );
  await sleep(50);
  await options.evaluate(
    (name) => document.querySelector<HTMLInputElement>(`input[name="${name}"]`)!.form!.requestSubmit(),
    name,
  );
}

/** "Reset to defaults", then the confirmation that appears in its place. */
async function resetAll(options: LensPage): Promise<void> {
  await clickButton(options, 'Reset to defaults');
  await waitInPage(
    options,
    () => [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Reset'),
    'the confirmation',
  );
  await clickButton(options, 'Reset');
}

/** The part of the extension API these tests read, in Firefox (`browser`) and Chromium (`chrome`). */
interface StorageApi {
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
}

const storedSettings = (options: LensPage) =>
  options.evaluate(async () => {
    const g = globalThis as unknown as { browser?: StorageApi; chrome: StorageApi };
    const api = g.browser ?? g.chrome;
    return ((await api.storage.local.get('settings')) as { settings?: Record<string, unknown> }).settings ?? null;
  });

describe.each(browsersUnderTest())('%s settings apply at once', (browserName) => {
  let server: StaticServer;
  let lens: LensBrowser;
  let article: LensPage;
  let options: LensPage;
  let report: ScanReport;
  /** Marks on the article with the default settings (calm), and with every mention marked. */
  let calm: number;
  let all: number;

  beforeAll(async () => {
    server = await startStaticServer();
    lens = await launchLensBrowser(browserName);
    article = await lens.openPage(server.url('/article.html'));
    report = await lens.scanReport(article);
    calm = (await marksBecome(article, 'painted', (m) => m.underline > 0)).underline;
    options = await lens.openExtensionPage('options.html');
    await waitInPage(options, () => document.querySelector('input[name="paused"]') !== null, 'the options page');
    await click(options, 'input[name="mentions"][value="every"]');
    all = report.mentions.reduce((sum, m) => sum + m.count, 0);
    await marksBecome(article, 'every mention', (m) => m.underline === all);
  });

  beforeEach(async () => {
    // Every test starts from the defaults (and checks the reset button on the way), with every mention marked so
    // that counts of mentions and of marks agree.
    await resetAll(options);
    await marksBecome(article, 'calm', (m) => m.underline === calm && m.background <= 0);
    await click(options, 'input[name="mentions"][value="every"]');
    await marksBecome(article, 'all underlined', (m) => m.underline === all && m.background <= 0);
  });

  afterAll(async () => {
    await lens?.close();
    await server?.close();
  });

  it('the article starts with marks and the options page with the defaults', async () => {
    expect(all).toBeGreaterThan(3);
    // The calm default marks fewer than every mention (tests/e2e/mark-density.test.ts says which).
    expect(calm).toBeLessThan(all);
    expect(report.mentions.length).toBeGreaterThan(1);
    // After "Reset to defaults" (beforeEach), what is stored and what the form shows are the documented defaults,
    // but for "every mention", which beforeEach chose since.
    const defaults = { ...defaultSettings(), mentions: 'every' };
    expect(await storedSettings(options)).toEqual(defaults);
    const form = await options.evaluate(() => {
      const shown: Record<string, unknown> = {};
      for (const input of document.querySelectorAll<HTMLInputElement>('input[name]')) {
        if (input.name === 'site' || input.name === 'hide-entity' || input.name === 'viewport') continue;
        if (input.type === 'radio') {
          if (input.checked) shown[input.name] = input.value;
        } else if (input.name === 'entityTypes') {
          if (input.checked) shown.entityTypes = [...((shown.entityTypes as string[]) ?? []), input.value];
        } else if (input.type === 'checkbox') shown[input.name] = input.checked;
        else shown[input.name] = Number(input.value);
      }
      return shown;
    });
    expect(form).toEqual({
      mode: defaults.mode,
      paused: defaults.paused,
      markStyle: defaults.markStyle,
      mentions: defaults.mentions,
      entityTypes: defaults.entityTypes,
      dwellMs: defaults.dwellMs,
      onDemand: defaults.onDemand,
      theme: defaults.theme,
      highlightSnippets: defaults.highlightSnippets,
    });
  });

  it('pause clears the marks; resume brings them back', async () => {
    await click(options, 'input[name="paused"]');
    await marksBecome(article, 'none', (m) => painted(m) === 0);
    expect((await storedSettings(options))?.paused).toBe(true);
    await click(options, 'input[name="paused"]');
    await marksBecome(article, 'all again', (m) => m.underline === all);
  });

  it('mark style: background swaps the highlight, none paints nothing', async () => {
    await click(options, 'input[name="markStyle"][value="background"]');
    await marksBecome(article, 'background', (m) => m.background === all && m.underline === -1);
    await click(options, 'input[name="markStyle"][value="none"]');
    await marksBecome(article, 'unpainted', (m) => m.background === -1 && m.underline === -1);
    await click(options, 'input[name="markStyle"][value="underline"]');
    await marksBecome(article, 'underlined', (m) => m.underline === all);
  });

  it('first mention only: one mark per entity, while the report still counts every mention', async () => {
    const entities = new Set(report.mentions.map((m) => m.entityId)).size;
    const mentions = report.mentions.reduce((sum, m) => sum + m.count, 0);
    await click(options, 'input[name="mentions"][value="first"]');
    await marksBecome(article, `${entities} (one per entity)`, (m) => m.underline === entities);
    // Reports are published at most every 500 ms: wait for one that counts again after the reset's rescan.
    let counted = -1;
    for (
      const started = Date.now();
      Date.now() - started < CHANGE_TIMEOUT_MS && counted !== mentions;
      await sleep(100)
    ) {
      counted = (await lens.scanReport(article)).mentions.reduce((sum, m) => sum + m.count, 0);
    }
    expect(counted).toBe(mentions);
    expect((await readMarks(article)).underline).toBe(entities);
  });

  it('entity types and hidden names filter the marks', async () => {
    await clickButton(options, 'Clear');
    await marksBecome(article, 'none (no types)', (m) => m.underline === 0);
    await clickButton(options, 'Select all');
    await marksBecome(article, 'all again', (m) => m.underline === all);

    // Hide the entity with most mentions, by its name, as a person would pick it from the list.
    const top = [...report.mentions].sort((a, b) => b.count - a.count)[0]!;
    const hiddenCount = report.mentions.filter((m) => m.entityId === top.entityId).reduce((s, m) => s + m.count, 0);
    await typeAndSubmit(options, 'hide-entity', top.name);
    await marksBecome(article, `${all - hiddenCount}`, (m) => m.underline === all - hiddenCount);
    expect((await storedSettings(options))?.hiddenEntities).toEqual([top.entityId]);
    await clickButton(options, '×');
    await marksBecome(article, 'all again', (m) => m.underline === all);
  });

  it('a site switched off loses its marks; the allow-list mode marks only listed sites', async () => {
    await typeAndSubmit(options, 'site', `${server.origin}/article.html`);
    await marksBecome(article, 'none (site off)', (m) => painted(m) === 0);
    expect((await storedSettings(options))?.disabledSites).toEqual(['127.0.0.1']);
    await clickButton(options, '×');
    await marksBecome(article, 'all again', (m) => m.underline === all);

    await click(options, 'input[name="mode"][value="allow-list"]');
    await marksBecome(article, 'none (not allowed)', (m) => painted(m) === 0);
    await typeAndSubmit(options, 'site', '127.0.0.1');
    await marksBecome(article, 'all (allowed)', (m) => m.underline === all);
  });

  it('the dwell delay and on-demand mode are stored for the cards', async () => {
    await click(options, 'input[name="onDemand"][value="alt"]');
    await options.evaluate(() => {
      const slider = document.querySelector<HTMLInputElement>('input[name="dwellMs"]')!;
      slider.value = '900';
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      slider.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await waitInPage(
      options,
      async () => {
        const g = globalThis as unknown as { browser?: StorageApi; chrome: StorageApi };
        const s = (
          (await (g.browser ?? g.chrome).storage.local.get('settings')) as {
            settings?: { dwellMs?: number; onDemand?: string };
          }
        ).settings;
        return s?.dwellMs === 900 && s.onDemand === 'alt';
      },
      'dwell 900 ms and Alt mode stored',
    );
  });

  it('settings export to a file and import back', async () => {
    await click(options, 'input[name="theme"][value="dark"]');
    await click(options, 'input[name="paused"]');
    await marksBecome(article, 'none', (m) => painted(m) === 0);
    const file = await clickAndCaptureDownload(options, 'Export settings…');
    expect(file.name).toMatch(/^caspian-lens-settings-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(file.text) as { format: string; settings: Record<string, unknown> };
    expect(exported.format).toBe('caspian-lens-settings');
    expect(exported.settings).toMatchObject({ version: 1, theme: 'dark', paused: true });
    expect(await options.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');

    await resetAll(options);
    await marksBecome(article, 'calm again (the defaults)', (m) => m.underline === calm);
    expect(await options.evaluate(() => document.documentElement.dataset.theme ?? null)).toBeNull();

    await clickAndProvideFile(options, 'Import settings…', file.name, file.text);
    await marksBecome(article, 'none (imported pause)', (m) => painted(m) === 0);
    expect(await storedSettings(options)).toEqual(exported.settings);

    // A file that is not ours changes nothing and says so.
    await clickAndProvideFile(options, 'Import settings…', 'other.json', '{"snippets": []}');
    await waitInPage(options, () => /no Caspian Lens settings/.test(document.body.innerText), 'the refusal message');
    expect(await storedSettings(options)).toEqual(exported.settings);
  });

  it('nothing threw or logged an error', async () => {
    expect(browserNoise(await lens.consoleErrors())).toEqual([]);
  });
});
