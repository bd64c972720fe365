/**
 * Page object for one of the reader's own-material forms (`[data-own-form="name"]` to track a name,
 * `[data-own-form="source"]` to add a source), wherever it sits: the library's views or the popup's panels. The
 * library and popup page objects hand one out already scoped, so a test never spells the form's markup.
 */
import { waitInPage, type LensPage } from '../../../automation/lens-browser';

export type OwnFormKind = 'name' | 'source';

/** A file made in the page for the form's picker: `bytes` as numbers, or `size` bytes of `fill` (a char code). */
export interface PickedFile {
  bytes?: number[];
  size?: number;
  fill?: number;
}

export class OwnForm {
  /** `scope`: the selector of the form's container (its panel's, when there is one). */
  constructor(
    readonly page: LensPage,
    private readonly scope: string,
  ) {}

  /** Sets fields by their `name` as typing would (input and change events). */
  fill(values: Record<string, string>): Promise<void> {
    return this.page.evaluate(
      ({ scope, values }) => {
        const form = document.querySelector(scope);
        if (!form) throw new Error(`no ${scope}`);
        for (const [name, value] of Object.entries(values)) {
          const el = form.querySelector<HTMLInputElement>(`[name="${name}"]`);
          if (!el) throw new Error(`no field ${name} in ${scope}`);
          el.value = value;
          el.dispatchEvent(new Event('input', { bubbles: true }));
          el.dispatchEvent(new Event('change', { bubbles: true }));
        }
      },
      { scope: this.scope, values },
    );
  }

  /** The value of the field named `name` ('' when it is empty, null when the form has no such field). */
  value(name: string): Promise<string | null> {
    return this.page.evaluate(
      ({ scope, name }) => document.querySelector<HTMLInputElement>(`${scope} [name="${name}"]`)?.value ?? null,
      { scope: this.scope, name },
    );
  }

  /** Every input's value by its name. */
  inputValues(): Promise<Record<string, string>> {
    return this.page.evaluate(
      (scope) =>
        Object.fromEntries(
          [...document.querySelectorAll<HTMLInputElement>(`${scope} input`)].map((i) => [i.name, i.value]),
        ),
      this.scope,
    );
  }

  /** Presses the form's button whose whole text is `label` ("Track this name", "Add source"). */
  press(label: string): Promise<void> {
    return pressButton(this.page, label, this.scope);
  }

  /**
   * Presses the button `label` and watches the form until its progress bar has come and gone (or `timeoutMs` passed):
   * the texts shown beside the bar, in order.
   */
  pressWatchingProgress(label: string, timeoutMs = 30_000): Promise<string[]> {
    return this.page.evaluate(
      ({ scope, label, timeoutMs }) => {
        const form = document.querySelector(scope);
        if (!form) throw new Error(`no ${scope}`);
        const bar = () => form.querySelector('.own-progress');
        const seen: string[] = [];
        const note = () => {
          const text = bar()?.querySelector('progress') ? (bar()!.textContent?.trim() ?? '') : null;
          if (text !== null && seen[seen.length - 1] !== text) seen.push(text);
        };
        const watch = new MutationObserver(note);
        watch.observe(form, { childList: true, subtree: true, characterData: true });
        const button = [...form.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === label);
        if (!button) throw new Error(`no button ${label} in ${scope}`);
        button.click();
        const started = performance.now();
        return new Promise<string[]>((resolve) => {
          const poll = setInterval(() => {
            if ((seen.length && !bar()) || performance.now() - started > timeoutMs) {
              watch.disconnect();
              clearInterval(poll);
              resolve(seen);
            }
          }, 20);
        });
      },
      { scope: this.scope, label, timeoutMs },
    );
  }

  /** The form's refusal once it shows one matching `pattern` that differs from `previous`; returns its text. */
  problem(pattern: RegExp, previous = ''): Promise<string> {
    return waitInPage(
      this.page,
      ({ scope, source, previous }) => {
        const t = document.querySelector(`${scope} .own-problem`)?.textContent ?? '';
        return t && t !== previous && new RegExp(source).test(t) ? t : null;
      },
      `the message ${pattern}`,
      15_000,
      { scope: this.scope, source: pattern.source, previous },
    );
  }

  /** The form's whole text once it matches `pattern` (the source form says what it read from a page). */
  textMatching(pattern: RegExp, what: string): Promise<string> {
    return textMatching(this.page, this.scope, pattern, what);
  }

  /** Hands the form's file picker a file made in the page, as choosing one in the file dialog does. */
  pickFile(name: string, file: PickedFile): Promise<void> {
    return this.page.evaluate(
      ({ scope, name, file }) => {
        const input = document.querySelector<HTMLInputElement>(`${scope} input[type="file"]`);
        if (!input) throw new Error('no file input');
        const body = file.bytes ? new Uint8Array(file.bytes) : new Uint8Array(file.size!).fill(file.fill ?? 65);
        const transfer = new DataTransfer();
        transfer.items.add(new File([body], name));
        input.files = transfer.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      },
      { scope: this.scope, name, file },
    );
  }
}

/**
 * Clicks the first button inside `scope` whose trimmed text is `label` (or matches it, for a pattern): the
 * own-material views and panels are driven by their visible labels, the names a reader and a screen reader get.
 */
export function pressButton(page: LensPage, label: string | RegExp, scope = 'body'): Promise<void> {
  const pattern = typeof label === 'string' ? `^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$` : label.source;
  return page.evaluate(
    ({ pattern, scope }) => {
      const re = new RegExp(pattern);
      const button = [...document.querySelectorAll<HTMLButtonElement>(`${scope} button`)].find((b) =>
        re.test(b.textContent?.trim() ?? ''),
      );
      if (!button) throw new Error(`no button ${pattern} in ${scope}`);
      button.click();
    },
    { pattern, scope },
  );
}

/** Clicks the first element matching `selector` in the page, as a click on it would (its own handlers run). */
export function clickElement(page: LensPage, selector: string): Promise<void> {
  return page.evaluate((s) => {
    const el = document.querySelector<HTMLElement>(s);
    if (!el) throw new Error(`no ${s}`);
    el.click();
  }, selector);
}

/** The text of the first element matching `selector`, once it matches `pattern`. */
export function textMatching(page: LensPage, selector: string, pattern: RegExp, what: string): Promise<string> {
  return waitInPage(
    page,
    ({ selector, source }) => {
      const t = document.querySelector(selector)?.textContent ?? '';
      return new RegExp(source).test(t) ? t : null;
    },
    what,
    15_000,
    { selector, source: pattern.source },
  );
}

/** One of the popup's own-material panels (`track`: a name typed in the search; `source`: this page as a source). */
export class OwnPanel {
  private readonly scope: string;

  constructor(
    readonly page: LensPage,
    panel: 'track' | 'source',
  ) {
    this.scope = `[data-own-panel="${panel}"]`;
  }

  /** The panel's form. */
  form(kind: OwnFormKind): OwnForm {
    return new OwnForm(this.page, `${this.scope} [data-own-form="${kind}"]`);
  }

  /** The panel's whole text once it matches `pattern` (it has opened). */
  textMatching(pattern: RegExp, what: string): Promise<string> {
    return textMatching(this.page, this.scope, pattern, what);
  }

  /** The panel's status line once it matches `pattern` ("Tracking…", "Added…", "Undone"). */
  status(pattern: RegExp, what: string): Promise<string> {
    return textMatching(this.page, `${this.scope} [role="status"]`, pattern, what);
  }

  /** Presses the panel's button labelled `label` ("Undo", "Done"). */
  press(label: string): Promise<void> {
    return pressButton(this.page, label, this.scope);
  }
}
