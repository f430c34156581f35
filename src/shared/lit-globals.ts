/**
 * Lit keeps its state on `globalThis` (`litHtmlVersions.push(…)`, `litPropertyMetadata`, the `…Support` hooks it
 * calls when present). A page's `<a id="litHtmlVersions">` shadows those names through named access, and Lit
 * then throws while loading ("push is not a function"): no element is defined. Before Lit reads them, a name the
 * page's markup holds is claimed with an own property of `globalThis`, which wins over named access; Lit then
 * creates its own value as on any page. Names that hold a real value (a hydrate hook, another copy's versions)
 * are left alone. This module must run before Lit's (lit-policy.ts imports it first).
 */
const NAMES = [
  'litHtmlVersions',
  'litElementVersions',
  'reactiveElementVersions',
  'litPropertyMetadata',
  'litHtmlPolyfillSupport',
  'litElementPolyfillSupport',
  'reactiveElementPolyfillSupport',
  'litElementHydrateSupport',
];

const scope = globalThis as Record<string, unknown>;
for (const name of NAMES) {
  const value = scope[name];
  // Lit keeps arrays, a WeakMap and functions there; anything else is the page's (an element, a collection of
  // them, or the window of an `<iframe name>`).
  if (
    value !== undefined &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof WeakMap) &&
    typeof value !== 'function'
  )
    scope[name] = undefined;
}

// A module, not a script: its names stay its own.
export {};
