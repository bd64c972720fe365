/**
 * Two test projects: `unit` (pure logic in Node, fast, parallel) and `e2e` (the built extension in real Chromium and
 * Firefox). E2E files run one after another in a single worker; `npm run test:e2e` (automation/run-e2e.ts) starts one
 * such run per browser, side by side, so at most one Chromium and one Firefox are open (CI has 2 cores).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
/** The same import aliases WXT gives the extension code (see .wxt/tsconfig.json). */
const alias = { '~~': root, '@@': root, '~': root, '@': root };

/** Unit tests see the production build's value of the test-build constant (see wxt.config.ts). */
const define = { __LENS_TEST_BUILD__: 'false' };

export default defineConfig({
  resolve: { alias },
  define,
  test: {
    // The forks pool reads isolation from here, not from a project: without it every unit file still gets a fresh
    // worker (see the unit project's `isolate`). The e2e project runs in one fork of its own either way.
    poolOptions: { forks: { isolate: false } },
    projects: [
      {
        resolve: { alias },
        define,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          setupFiles: ['tests/unit/setup-i18n.ts'],
          environment: 'node',
          // Pure logic, but some tests build the whole search index or parse every component: 3 s on a quiet machine,
          // over vitest's 5 s default at load 30 (search-index's round trip failed for that alone). No test here
          // is about time; a hung one still fails.
          testTimeout: 30_000,
          // Files share their worker's modules instead of re-importing the fact base, Preact and the matcher per file:
          // the unit stage took 125 s isolated and 38 s shared at load 11 (same 710 tests). No unit file keeps state in
          // a module or stubs a global, and the files pass in shuffled order shared. The one failure seen shared, at
          // load 45, was the worker's 60 s reply timeout on a progress report ("Timeout calling onTaskUpdate"), which
          // a synchronous stretch of that length trips isolated or not; the longest here is 3–5 s at load 12.
          isolate: false,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // Rebuilds the test build when a source is newer than it: a stale extension is never what gets tested.
          globalSetup: ['tests/e2e/global-setup.ts'],
          // A browser launch is seconds, a Firefox one up to ten on a busy machine.
          testTimeout: 120_000,
          // Real browsers on a loaded 2-core machine: a card that misses its wait once is retried, not reported as a
          // regression; a test that fails every time still fails.
          retry: 2,
          hookTimeout: 120_000,
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
          // Files share one worker's modules, so automation/shared-browser.ts lends one browser of each kind to file
          // after file instead of a launch per file. No helper module of the e2e tests keeps state of its own.
          isolate: false,
          sequence: { concurrent: false, groupOrder: 1 },
        },
      },
    ],
  },
});
