/**
 * Page object for the options page (options.html), driven as a person would, through its controls: radio buttons
 * and switches by their form names and values, buttons by their English labels, the "Not this" corrections list,
 * and the settings file's export and import. Selectors live here, so the tests read as what a reader does and sees.
 */
import { waitInPage, type LensBrowser, type LensPage } from '../../../automation/lens-browser';
import { clickAndCaptureDownload, clickAndProvideFile } from '../snippets-driver';
import { clickElement } from './own-form';

/** The part of the extension API read from inside the page (Firefox: `browser`; Chromium: `chrome`). */
interface StorageApi {
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
}

/** What the form shows: each radio group's chosen value, each switch, the entity types ticked, the dwell slider. */
export type FormValues = Record<string, unknown>;

export class OptionsPage {
  private constructor(readonly page: LensPage) {}

  /** Opens the options page once its controls have rendered. */
  static async open(lens: LensBrowser): Promise<OptionsPage> {
    const options = new OptionsPage(await lens.openExtensionPage('options.html'));
    await waitInPage(options.page, () => document.querySelector('input[name="paused"]') !== null, 'the options page');
    return options;
  }

  close(): Promise<void> {
    return this.page.close();
  }

  /** Chooses `value` in the radio group `name` ("markStyle", "mentions", "mode", "onDemand", "theme"). */
  choose(name: string, value: string): Promise<void> {
    return this.click(`input[name="${name}"][value="${value}"]`);
  }

  /** Flips the switch `name` ("paused"). */
  toggle(name: string): Promise<void> {
    return this.click(`input[name="${name}"]`);
  }

  /** Presses the button whose whole text is `label` ("Clear", "Select all", "×"). */
  pressButton(label: string): Promise<void> {
    return this.page.evaluate((text) => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);
      if (!button) throw new Error(`no button "${text}"`);
      button.click();
    }, label);
  }

  /**
   * Types into the text box `name` ("site", "hide-entity") and submits its form, in two evaluations: Preact renders
   * the typed value into the component's state in a microtask, so it is there before the second one submits.
   */
  async typeAndSubmit(name: string, value: string): Promise<void> {
    await this.page.evaluate(
      ({ name, value }) => {
        const input = document.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      },
      { name, value },
    );
    await this.page.evaluate(
      (name) => document.querySelector<HTMLInputElement>(`input[name="${name}"]`)!.form!.requestSubmit(),
      name,
    );
  }

  /** Moves the dwell slider to `ms`, as dragging it and letting go does. */
  setDwell(ms: number): Promise<void> {
    return this.page.evaluate((ms) => {
      const slider = document.querySelector<HTMLInputElement>('input[name="dwellMs"]')!;
      slider.value = String(ms);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      slider.dispatchEvent(new Event('change', { bubbles: true }));
    }, ms);
  }

  /** "Reset to defaults", then the confirmation that appears in its place. */
  async resetAll(): Promise<void> {
    await this.pressButton('Reset to defaults');
    await waitInPage(
      this.page,
      () => [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Reset'),
      'the confirmation',
    );
    await this.pressButton('Reset');
  }

  /** What the form shows, by setting name (the site, hide-entity and viewport boxes left out). */
  formValues(): Promise<FormValues> {
    return this.page.evaluate(() => {
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
  }

  /** The stored settings record (null before anything was stored). */
  storedSettings(): Promise<Record<string, unknown> | null> {
    return this.page.evaluate(async () => {
      const g = globalThis as unknown as { browser?: StorageApi; chrome: StorageApi };
      const api = g.browser ?? g.chrome;
      return ((await api.storage.local.get('settings')) as { settings?: Record<string, unknown> }).settings ?? null;
    });
  }

  /** Waits until the stored settings hold every field of `expected`. */
  waitForStored(expected: Record<string, unknown>, what: string): Promise<unknown> {
    return waitInPage(
      this.page,
      async (expected) => {
        const g = globalThis as unknown as { browser?: StorageApi; chrome: StorageApi };
        const s = ((await (g.browser ?? g.chrome).storage.local.get('settings')) as { settings?: object }).settings;
        return !!s && Object.entries(expected).every(([k, v]) => (s as Record<string, unknown>)[k] === v);
      },
      what,
      10_000,
      expected,
    );
  }

  /** The theme the page shows (its root's data-theme), null when it follows the system. */
  theme(): Promise<string | null> {
    return this.page.evaluate(() => document.documentElement.dataset.theme ?? null);
  }

  /** "Export settings…": the file it downloads. */
  exportSettings(): Promise<{ name: string; text: string }> {
    return clickAndCaptureDownload(this.page, 'Export settings…');
  }

  /** "Import settings…", handed a file. */
  importSettings(name: string, text: string): Promise<void> {
    return clickAndProvideFile(this.page, 'Import settings…', name, text);
  }

  /** Waits until the page's text says something matching `pattern` (a refusal, a confirmation). */
  waitForMessage(pattern: RegExp, what: string): Promise<unknown> {
    return waitInPage(
      this.page,
      (source) => new RegExp(source).test(document.body.innerText),
      what,
      10_000,
      pattern.source,
    );
  }

  /** The "Not this" corrections as listed (each row's text), once there are some. */
  corrections(): Promise<string[]> {
    return waitInPage(
      this.page,
      () => {
        const items = [...document.querySelectorAll('.lens-correction')].map((li) => li.textContent?.trim() ?? '');
        return items.length ? items : null;
      },
      'the corrections list',
    );
  }

  /** Presses the first correction's Undo with the mouse, and waits until the list is empty. */
  async undoFirstCorrection(): Promise<void> {
    const undo = await this.page.evaluate(() => {
      const b = document.querySelector<HTMLButtonElement>('.lens-correction button')!;
      b.scrollIntoView({ block: 'center' });
      const r = b.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await this.page.click(undo.x, undo.y);
    await waitInPage(
      this.page,
      () => document.querySelectorAll('.lens-correction').length === 0 || null,
      'the list to empty',
    );
  }

  private click(selector: string): Promise<void> {
    return clickElement(this.page, selector);
  }
}
