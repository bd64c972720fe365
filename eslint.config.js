// ESLint flat config: ESLint's and typescript-eslint's recommended rules, the rules of hooks for the Preact UI, plus
// bans on the ways to turn strings into markup or code. Pages we scan are hostile input and the fact base is data:
// both reach the DOM only as text nodes.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const NO_HTML_STRINGS = 'Build DOM nodes (or Preact elements) and set textContent; never parse strings as HTML.';
const NO_CODE_STRINGS = 'Never run strings as code (also forbidden in extension pages by the MV3 CSP).';
// An import path into tests/ or scripts/ from any depth of relative path or the ~ alias.
const TESTS_OR_SCRIPTS = '^(~/|@/|(\\.\\.?/)+)(tests|scripts)(/|$)';
const NO_TEST_IMPORTS =
  'The extension, the commands and automation/ do not import from tests/ (nor the extension from scripts/).';

export default defineConfig(
  {
    ignores: [
      '.output/**',
      '.output-*/**',
      '.wxt/**',
      '.bench-out/**',
      '.tmp/**',
      '.scratch-*/**',
      'node_modules/**',
      'data/*.json',
      'test-results/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    // Hooks are called unconditionally and effects list what they read (preact/hooks follows React's rules). Only
    // these two: the plugin's React Compiler rules assume React's compiler, which Preact does not use.
    files: ['**/*.tsx', 'components/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    rules: {
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: NO_HTML_STRINGS },
        { property: 'outerHTML', message: NO_HTML_STRINGS },
        { property: 'insertAdjacentHTML', message: NO_HTML_STRINGS },
        { object: 'document', property: 'write', message: NO_HTML_STRINGS },
        { object: 'document', property: 'writeln', message: NO_HTML_STRINGS },
        { property: 'createContextualFragment', message: NO_HTML_STRINGS },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[computed=true][property.value=/^(innerHTML|outerHTML|insertAdjacentHTML)$/]',
          message: NO_HTML_STRINGS,
        },
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: NO_HTML_STRINGS },
        { selector: "CallExpression[callee.name='eval']", message: NO_CODE_STRINGS },
        { selector: "CallExpression[callee.property.name='eval']", message: NO_CODE_STRINGS },
        { selector: "NewExpression[callee.name='Function']", message: NO_CODE_STRINGS },
        { selector: "CallExpression[callee.name='Function']", message: NO_CODE_STRINGS },
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // lib/ is pure logic, unit-tested in Node: code that needs the browser's APIs, IndexedDB or the DOM lives in
    // browser/ (extension APIs and storage), page/ (the content script's DOM code) or components/ (Preact UI).
    files: ['lib/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['wxt/browser', 'idb', '#imports', 'preact', 'webextension-polyfill'].map((name) => ({
            name,
            message: 'lib/ is pure: put browser, IndexedDB and DOM code in browser/, page/ or components/.',
          })),
          patterns: [
            {
              // Any depth of relative path or the ~ alias, and any subpath of the browser-bound packages.
              regex: '^(~/|@/|(\\.\\./)+)(browser|page|components|entrypoints)(/|$)',
              message: 'lib/ is pure: it cannot import from browser/, page/, components/ or entrypoints/.',
            },
            { regex: '^(wxt|preact|idb|webextension-polyfill)/', message: 'lib/ is pure.' },
            { regex: TESTS_OR_SCRIPTS, message: NO_TEST_IMPORTS },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['browser', 'chrome', 'document', 'window', 'navigator', 'indexedDB', 'IDBKeyRange', 'BroadcastChannel'].map(
          (name) => ({
            name,
            message: 'lib/ is pure: take what you need as a parameter, or move the code out of lib/.',
          }),
        ),
      ],
    },
  },
  {
    // What ships and what serves the tests both stand on their own: tests import them, never the other way round.
    // lib/ has the same rule in its own block above (a later block would replace that block's options).
    files: ['entrypoints/**', 'page/**', 'browser/**', 'components/**', 'automation/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: TESTS_OR_SCRIPTS, message: NO_TEST_IMPORTS }] }],
    },
  },
  {
    // Commands may share code with one another (scripts/lib), but not with the tests.
    files: ['scripts/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(~/|@/|(\\.\\.?/)+)tests(/|$)', message: NO_TEST_IMPORTS }] },
      ],
    },
  },
  {
    // Scripts inside test pages run in a browser, unchecked by TypeScript; browser globals are not listed here.
    files: ['tests/**/fixtures/**/*.js', 'data/demo/**/*.js'],
    rules: { 'no-undef': 'off' },
  },
);
