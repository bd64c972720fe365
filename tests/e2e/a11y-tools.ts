/**
 * axe-core in the built extension's pages: puts the engine in a page's own world and lists each violation with the
 * elements it found, one line each, so a failing test says what to fix and where.
 *
 * An extension page loads the test build's copy of the engine with a `<script src>` of its own origin, which its CSP
 * allows. A web page (the hover card's) gets the engine's source as the function `LensPage.evaluate` runs (its
 * `toString`): the harness evaluates source through the browser's automation protocol, which the page's CSP does not
 * stop, and a web page cannot load the extension's files.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { waitInPage, type LensPage } from '../../automation/lens-browser';
import { AXE_FILE } from '../../automation/test-build-files';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** One selector path per element (a path through shadow roots is joined with ` >> `). */
  targets: string[];
}

/**
 * axe-core 4.14's rules that read colours and run by default (tagged `cat.color`; `color-contrast-enhanced`, AAA, is
 * off by default). The only rules a colour scheme can change the answer of: a scheme changes colours, not elements.
 */
export const COLOUR_RULES: readonly string[] = ['color-contrast', 'link-in-text-block'];

/** Which of axe's default rules a run takes: all of them, or the colour rules alone. */
export type AxeRules = 'all' | 'colour';

/**
 * Puts axe-core in an extension page once per document, from the test build's own copy (AXE_FILE) by URL, which the
 * page's CSP allows ('self'). Loaded that way, the browser keeps the engine's compiled code from one page to the
 * next; sent as source (550 kB) through the automation protocol it was parsed and compiled afresh in every page.
 * Over four pages each, loading and a first audit took 1.2–1.7 s by URL against 2.1–3.4 s as source (Chromium and
 * Firefox, same load). The script element goes once the engine is in: the audited DOM is the page's own.
 * A language switch re-renders the page without replacing its document, so one load serves every language's audit.
 * Resolves to 'source' in a web page (not allowed to load the extension's files), which gets the source instead.
 */
const LOAD_IN_EXTENSION_PAGE = `() => new Promise((done, fail) => {
  if (window.axe) return done(true);
  if (!/^(chrome|moz)-extension:$/.test(location.protocol)) return done('source');
  const script = document.createElement('script');
  script.src = '/${AXE_FILE}';
  script.onload = () => {
    script.remove();
    done(!!window.axe);
  };
  script.onerror = () => fail(new Error('the test build has no /${AXE_FILE}: npm run build:test'));
  document.head.append(script);
})`;

/** The same for a web page (the hover card's): the engine's source, sent with the call. */
const INJECT_IN_PAGE = `() => {
  if (!window.axe) { ${AXE_SOURCE}\n }
  return !!window.axe;
}`;

/**
 * What `runAxe` runs in the page: `axe.run` on the context given, violations only, with every default rule or with
 * those `only` names; null when the document has no axe yet (a new page, or one that navigated).
 */
const RUN_IN_PAGE = `async ({ include, only }) => {
  if (!window.axe) return null;
  const context = include ? { include } : document;
  const options = only ? { runOnly: { type: 'rule', values: only } } : {};
  const result = await window.axe.run(context, { resultTypes: ['violations'], ...options });
  const path = (target) => (Array.isArray(target) ? target.map(path).join(' >> ') : String(target));
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact ?? null,
    help: v.help,
    // Contrast failures say which colours they measured.
    targets: v.nodes.map((n) => path(n.target) + (v.id === 'color-contrast' && n.any[0] ? ' (' + n.any[0].message + ')' : '')),
  }));
}`;

/** A function whose source, as `LensPage.evaluate` sends it, is `source`. */
const pageFunction = <A, R>(source: string) =>
  Object.assign(() => null, { toString: () => source }) as unknown as (arg: A) => R;

/**
 * The violations on the page, or within the elements `include` names: each entry a selector, or for an element in a
 * shadow root a list of selectors (the host, then the element inside it), as axe takes them. `rules` says which of
 * axe's default rules run. The engine is injected first when the document does not have it yet.
 */
export async function runAxe(
  page: LensPage,
  include?: (string | string[])[],
  rules: AxeRules = 'all',
): Promise<AxeViolation[]> {
  const run = pageFunction<{ include: (string | string[])[] | null; only: string[] | null }, AxeViolation[] | null>(
    RUN_IN_PAGE,
  );
  const arg = { include: include ?? null, only: rules === 'colour' ? [...COLOUR_RULES] : null };
  const found = await page.evaluate(run, arg);
  if (found) return found;
  let loaded = await page.evaluate(pageFunction<undefined, boolean | 'source'>(LOAD_IN_EXTENSION_PAGE));
  if (loaded === 'source') loaded = await page.evaluate(pageFunction<undefined, boolean>(INJECT_IN_PAGE));
  if (!loaded) throw new Error('axe-core did not load');
  const after = await page.evaluate(run, arg);
  if (!after) throw new Error('axe-core is gone from the page right after it was injected');
  return after;
}

/** One line per element: `impact rule-id: help — target`. An empty list when there is nothing to fix. */
export function describeViolations(violations: readonly AxeViolation[]): string[] {
  return violations.flatMap((v) => v.targets.map((target) => `${v.impact ?? '-'} ${v.id}: ${v.help} — ${target}`));
}

/** Sets the interface language in the settings record, through an extension page's storage API (`via`). */
export function setLanguage(via: LensPage, language: string): Promise<void> {
  return via.evaluate(async (language) => {
    type Api = {
      storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } };
    };
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    const api = g.browser ?? g.chrome;
    const current = ((await api.storage.local.get('settings')).settings ?? {}) as Record<string, unknown>;
    await api.storage.local.set({ settings: { version: 1, ...current, language } });
  }, language);
}

/**
 * Waits until the page speaks `language` (its `<html lang>`, or with `inCard` the hover card's own `lang`) and a frame
 * after that has been painted, so the re-render is complete before anything reads it.
 */
export async function waitForLanguage(page: LensPage, language: string, inCard = false): Promise<void> {
  await waitInPage(
    page,
    ({ language, inCard }) => {
      const root = inCard
        ? document.querySelector('lens-card-host')?.shadowRoot?.querySelector('.lens-card')
        : document.documentElement;
      return root?.getAttribute('lang')?.split('-')[0] === language;
    },
    `the page in ${language}`,
    10_000,
    { language, inCard },
  );
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
}

/**
 * Month stand-ins a reader would see: "M05" is what Chromium's Intl writes for a month it has no name for (Kazakh,
 * Uzbek), in the page's text, its open shadow roots (the test build's card) and its labels.
 */
export function monthStandIns(page: LensPage): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const standIn = /\bM(0[1-9]|1[0-2])\b/;
    const visit = (root: Document | ShadowRoot) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n.nodeType === Node.TEXT_NODE) {
          const code = /^(SCRIPT|STYLE)$/.test(n.parentElement?.tagName ?? '');
          if (!code && standIn.test(n.textContent ?? '')) found.push(n.textContent!.trim().slice(0, 80));
          continue;
        }
        const el = n as Element;
        for (const name of ['aria-label', 'title'])
          if (standIn.test(el.getAttribute(name) ?? '')) found.push(`${name}="${el.getAttribute(name)}"`);
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(document);
    return found;
  });
}
