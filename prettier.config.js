// Prettier for every file we write; `npm run format` rewrites them, `npm run format:check` is part of `npm test`.
// Options chosen to match the code as it was written, so that a reformatting stays small.
/** @type {import('prettier').Config} */
export default {
  printWidth: 120,
  singleQuote: true,
  trailingComma: 'all',
  arrowParens: 'always',
  // Leaves the inside of html`…` and css`…` templates as written: whitespace in a Lit template is rendered text.
  embeddedLanguageFormatting: 'off',
};
