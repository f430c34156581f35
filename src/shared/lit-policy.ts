// Also first: Lit's global names, claimed from markup that shadows them.
import './lit-globals.js';

/**
 * dist/hydrate.js carries its own copy of lit-html, and so does dist/lede.js, loaded after it. Each copy creates
 * the Trusted Types policy `lit-html` when it loads, and a page whose CSP says `trusted-types lit-html lede`
 * (without 'allow-duplicates') refuses a second policy of the same name: dist/lede.js would fail to load.
 *
 * Both copies ask for the same policy (`createHTML: (s) => s`, Lit's own), so the second request is answered
 * with the first one's policy. No new policy name is allowed and the
 * page's CSP stays as strict as it was. This module must run before lit-html's (it is imported first).
 */
type Factory = { createPolicy: (this: unknown, name: string, rules: object) => unknown };
const factory = (globalThis as { trustedTypes?: Factory }).trustedTypes;

if (factory) {
  const create = factory.createPolicy;
  let lit: unknown;
  factory.createPolicy = function (name: string, rules: object) {
    return name === 'lit-html' ? (lit ||= create.call(this, name, rules)) : create.call(this, name, rules);
  };
}
