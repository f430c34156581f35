// ESLint for everything we write: TypeScript and JavaScript, type-aware. `npm run lint` must report 0 warnings.
// typescript-eslint comes from scripts/eslint-typescript, a local package that pins the TypeScript 6 compiler API it
// needs: the project's `tsc` is TypeScript 7, which has no JavaScript API (typescript-eslint#10940).
import js from '@eslint/js';
import tseslint from 'lede-eslint-typescript';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import { defineConfig } from 'eslint/config';

export default defineConfig(
  {
    ignores: [
      'dist/',
      'build/',
      'storybook-static/',
      'custom-elements.json',
      'test/consumers/*/',
      'scripts/eslint-typescript/node_modules/',
      'data/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // The first project that holds a file gives its types: the checked ones before tsconfig.lint.json.
        project: ['./tsconfig.json', './tsconfig.node.json', './tsconfig.lint.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          // @open-wc/semantic-dom-diff declares chai's `equal` as returning a promise (for `.dom.equal`), which would
          // flag every `expect(x).to.equal(y)`. Unawaited `accessible()` and other promises are still reported.
          // node:test's `test()` and `describe()` return promises that the runner itself awaits.
          allowForKnownSafeCalls: [
            { from: 'package', name: 'Equal', package: '@open-wc/semantic-dom-diff' },
            { from: 'package', name: ['test', 'describe', 'it', 'suite'], package: 'node:test' },
          ],
        },
      ],
      // `() => element.remove()` as a callback reads as a statement; the rule still checks every other void value.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // Without `noUncheckedIndexedAccess`, TypeScript types `list[index]` and `match[1]` as always present, so this
      // rule asks to remove the guards against a real out-of-range read.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // A public property's type does not bind what a script assigns to it (a Date, a number, an object), nor a
      // JavaScript caller's arguments: `${value ?? ''}`, String(text) and `navigator.onLine !== false` make text and
      // booleans of them on purpose. These three rules would remove that, and their autofix changes behaviour.
      '@typescript-eslint/no-unnecessary-template-expression': 'off',
      '@typescript-eslint/no-unnecessary-type-conversion': 'off',
      '@typescript-eslint/no-unnecessary-boolean-literal-compare': 'off',
      // A number in a template prints as the reader expects; objects, null and undefined are still reported.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'stories/**/*.ts', '.storybook/**/*.ts', 'bench/pages/*.js', 'demo/*.js'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['**/*.{js,mjs}'],
    ignores: ['bench/pages/*.js', 'demo/*.js'],
    languageOptions: { globals: globals.node },
  },
  {
    // Node scripts that drive Chromium: the functions they pass to `page.evaluate` run in the page.
    files: [
      'bench/browser.js',
      'bench/downloads.js',
      'bench/ssr-fcp.js',
      'test/stories/run.js',
      'test/consumers/run.js',
      'test/node/layout-shift.test.js',
      'test/node/manifest.test.js',
      'test/server/admin-page.test.js',
      'scripts/screenshots.js',
    ],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'stories/**/*.ts'],
    extends: [lit.configs['flat/recommended'], wc.configs['flat/recommended']],
  },
  {
    files: ['test/**', 'stories/**'],
    rules: {
      // A test that meets null fails at that line, which is what a test wants; `el.shadowRoot!` keeps it short.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // chai asserts through property reads: `expect(input.disabled).to.be.true`.
      '@typescript-eslint/no-unused-expressions': 'off',
      // Query helpers take the element type as the DOM's `querySelector<E>()` does.
      '@typescript-eslint/no-unnecessary-type-parameters': 'off',
      // Tests read parsed JSON (JSON-LD, drafts, request bodies, values from the page) and assert on its fields: a
      // wrong field fails the assertion, and typing every payload would only restate it.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Fixtures are elements the browser built from markup: a cast to their class is how a test reaches their API.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
    },
  },
  {
    files: ['server/**', 'test/support/*.js', 'test/server/**'],
    rules: {
      // `return send(res, 404, …)` ends a request handler in one line; the rule would split every one in two.
      '@typescript-eslint/no-confusing-void-expression': 'off',
    },
  },
  {
    files: ['server/store-*.js'],
    rules: {
      // pg and better-sqlite3 type every row as `any`: the row's shape is the SQL's, next to it.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/restrict-plus-operands': 'off',
    },
  },
  {
    // JavaScript that tsc does not check yet: every value is `any` there, so the rules about `any` would only repeat
    // that. Type-check a folder (tsconfig.node.json) and it leaves this list.
    files: [
      'test/node/**',
      'test/server/**',
      'test/stories/**',
      'test/consumers/run.js',
      'ssr/**',
      'demo/**',
      '*.{js,mjs}',
    ],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
      '@typescript-eslint/restrict-plus-operands': 'off',
    },
  },
);
