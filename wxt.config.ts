import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { inlineCss } from './scripts/vite-inline-css';
import { noHtmlSinks } from './scripts/vite-no-html-sinks';
import { pageChunks } from './scripts/vite-page-chunks';
import { localeFiles } from './scripts/locale-files';
import { buildFrameScreen } from './lib/screen/build-frame-screen';
import { AXE_FILE } from './automation/test-build-files';

/**
 * `LENS_TEST_BUILD=1` makes the test build (`npm run build:test`, in `.output-test/`): the same extension plus the
 * hooks tests, `npm run scan` and the benchmarks read (scan reports and card timings as page events, the background's
 * selection routes). `__LENS_TEST_BUILD__` is a compile-time constant, so a production bundle contains none of them
 * (tests/e2e/package.test.ts searches both browsers' bundles). See SECURITY.md.
 */
const testBuild = !!process.env.LENS_TEST_BUILD;
const require = createRequire(import.meta.url);

/**
 * The gate's screen (lib/screen/frame-screen.ts), built from the fact base's names and the matcher's rules with every
 * build, so it can never be older than they are; once per build (a second or two).
 */
let frameScreen: string | undefined;
const frameScreenFilter = () => {
  const read = (file: string) => JSON.parse(readFileSync(fileURLToPath(new URL(file, import.meta.url)), 'utf8'));
  return (frameScreen ??= buildFrameScreen(read('./data/alias-index.json'), read('./data/matching-rules.json')));
};

// The extension asks for as little as it can: see README "Permissions".
export default defineConfig({
  srcDir: '.',
  modules: ['@wxt-dev/webextension-polyfill'],
  // Builds for tests and benchmarks can be sent elsewhere so parallel runs never share an output folder.
  outDir: process.env.LENS_OUT_DIR ?? (testBuild ? '.output-test' : '.output'),
  vite: () => ({
    // The popup's and explore page's stylesheets go inside their HTML: first paint waits for no request
    // (scripts/vite-inline-css). No library we ship sets HTML from a string (scripts/vite-no-html-sinks).
    plugins: [noHtmlSinks(), preact(), inlineCss(['popup', 'explore']), pageChunks(['explore'])],
    build: { sourcemap: false, ...(process.env.LENS_NO_MINIFY ? { minify: false } : {}) },
    // JSON.parse of a string literal parses faster than the same data as an object literal (the fact base is 1.3 MB).
    json: { stringify: true },
    define: {
      __LENS_TEST_BUILD__: JSON.stringify(testBuild),
      __LENS_FRAME_SCREEN__: JSON.stringify(frameScreenFilter()),
    },
  }),
  hooks: {
    // The interface's catalogs (`_locales/<lang>/messages.json`) go into the package as the browser reads them,
    // without their translators' notes (scripts/locale-files.ts).
    'build:publicAssets': (_wxt, files) => {
      files.push(...localeFiles());
      // The test build carries axe-core for the accessibility tests, which load it into extension pages by URL
      // (tests/e2e/a11y-tools.ts): the browser then keeps its compiled code from page to page, as it cannot for
      // source sent through the automation protocol.
      if (testBuild) files.push({ absoluteSrc: require.resolve('axe-core/axe.min.js'), relativeDest: AXE_FILE });
    },
    // The content script (its gate and its scanner stage) runs in every page and frame, so it goes without the WebExtension polyfill (10 KB, and in
    // Chromium a wrapper built in every frame): what it uses (sendMessage, storage, onMessage answered as
    // browser/messages.ts does) is promise-based in both browsers. The rest of the extension keeps the polyfill.
    // Nor does it take WXT's ContentScriptContext, which WXT's wrapper builds in every frame: that one announces each
    // start with an event on the page's document (named with our id, so a page that knows the id hears it) and
    // watches for it; the content script keeps its own lifetime (page/lifetime.ts).
    // The card stage leaves the reader's own section to the card extras, which render with the stage's Preact, hooks
    // and words (page/card-extras/shared.ts).
    'vite:build:extendConfig': (entrypoints, config) => {
      const only = (name: string) => entrypoints.length === 1 && entrypoints[0]!.name === name;
      const path = (file: string) => fileURLToPath(new URL(file, import.meta.url));
      // The scanner stage (page/lens-stage.ts) is the content script's own code, injected later: built the same way.
      const contentScriptCode = entrypoints.every((e) => e.type === 'content-script') || only('lens-stage');
      const swaps = contentScriptCode
        ? [
            // The same API, looked up on first use (page/lazy-browser.ts): a frame the gate stops builds none of it.
            { find: /^wxt\/browser$/, replacement: path('./page/lazy-browser.ts') },
            { find: /^wxt\/utils\/content-script-context$/, replacement: path('./page/no-wxt-context.ts') },
          ]
        : only('card-stage')
          ? [{ find: /^\.\.\/own\/OwnSection$/, replacement: path('./page/card-extras/own-section-stand-in.ts') }]
          : only('card-extras')
            ? [
                { find: /^preact\/jsx-(dev-)?runtime$/, replacement: path('./page/card-extras/lent-jsx-runtime.ts') },
                { find: /^preact\/hooks$/, replacement: path('./page/card-extras/lent-hooks.ts') },
                { find: /^.*\/card\/Evidence$/, replacement: path('./page/card-extras/lent-evidence.ts') },
              ]
            : [];
      // The translator is imported as `~/lib/i18n/translator`, which WXT's `~` alias, applied before ours, has already
      // made a full path (and an alias is not applied twice): a resolver sees that path and swaps it.
      if (only('card-extras'))
        config.plugins = [
          ...(config.plugins ?? []),
          {
            name: 'lens-lent-translator',
            enforce: 'pre',
            resolveId: (source: string) =>
              /\/lib\/i18n\/translator(\.ts)?$/.test(source) ? path('./page/card-extras/lent-translator.ts') : null,
          },
        ];
      if (!swaps.length) return;
      const alias = config.resolve?.alias;
      config.resolve = {
        ...config.resolve,
        alias: Array.isArray(alias)
          ? [...swaps, ...alias]
          : [...swaps, ...Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement }))],
      };
    },
  },
  manifest: ({ browser }) => ({
    // In the browser's language, from _locales (lib/i18n); English where it has none of ours.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // `scripting` and the host permission let the background inject the card's code into a frame when the reader
    // first approaches a mark there (README "Content-script size"); both add nothing to the install warning, which
    // the content script on every site already gives ("read and change all your data on all websites").
    permissions: ['storage', 'contextMenus', 'unlimitedStorage', 'scripting'],
    host_permissions: ['<all_urls>'],
    // Suggested keys are assigned on install only when the browser does not use them itself: Chromium keeps
    // Alt+Shift+N and Alt+Shift+P for its own accelerators and leaves such commands unset, so we suggest keys it gives
    // out (checked on a fresh profile by tests/e2e/shortcuts.test.ts).
    commands: {
      'save-selection': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandSaveSelection__',
      },
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+M' },
        description: '__MSG_commandNextMention__',
      },
      'toggle-pause': {
        suggested_key: { default: 'Alt+Shift+O' },
        description: '__MSG_commandTogglePause__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'caspian-lens@caspian-lens.org',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads `data_collection_permissions` from 142 on (addons-linter warns otherwise).
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
