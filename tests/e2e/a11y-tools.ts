/**
 * axe-core in the built extension's pages: injects the engine into a page's own world and lists each violation with
 * the elements it found, one line each, so a failing test says what to fix and where.
 *
 * The engine is sent as the source of the function `LensPage.evaluate` runs (its `toString`): the harness evaluates
 * source through the browser's automation protocol, which an extension page's CSP does not stop, whereas a `<script>`
 * element or `eval` in the page would be refused.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { LensPage } from '../../automation/lens-browser';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** One selector path per element (a path through shadow roots is joined with ` >> `). */
  targets: string[];
}

/** What `runAxe` runs in the page: axe-core, then `axe.run` on the context given, violations only. */
const RUN_IN_PAGE = `async (include) => {
  if (!window.axe) { ${AXE_SOURCE}\n }
  const context = include ? { include } : document;
  const result = await window.axe.run(context, { resultTypes: ['violations'] });
  const path = (target) => (Array.isArray(target) ? target.map(path).join(' >> ') : String(target));
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact ?? null,
    help: v.help,
    // Contrast failures say which colours they measured.
    targets: v.nodes.map((n) => path(n.target) + (v.id === 'color-contrast' && n.any[0] ? ' (' + n.any[0].message + ')' : '')),
  }));
}`;

/**
 * The violations on the page, or within the elements `include` names: each entry a selector, or for an element in a
 * shadow root a list of selectors (the host, then the element inside it), as axe takes them.
 */
export function runAxe(page: LensPage, include?: (string | string[])[]): Promise<AxeViolation[]> {
  const run = Object.assign(() => null, { toString: () => RUN_IN_PAGE }) as unknown as (
    include: (string | string[])[] | null,
  ) => AxeViolation[];
  return page.evaluate(run, include ?? null);
}

/** One line per element: `impact rule-id: help — target`. An empty list when there is nothing to fix. */
export function describeViolations(violations: readonly AxeViolation[]): string[] {
  return violations.flatMap((v) => v.targets.map((target) => `${v.impact ?? '-'} ${v.id}: ${v.help} — ${target}`));
}
