/**
 * dist/hydrate-support.js: hydration on the same Lit as the elements of the static build (dist/<element>.js and
 * dist/chunks/), so that a server-rendered page loads one copy of Lit. dist/autoloader.js loads it before any element
 * when the page has server-rendered (declarative) shadow roots; a page that loads the element modules itself loads
 * this first:
 *
 *   <script type="module" src="/dist/hydrate-support.js"></script>
 *   <script type="module" src="/dist/figure.js"></script>
 *
 * LitElement is patched here directly rather than through its `litElementHydrateSupport` hook, which it calls only
 * while its module evaluates: both are in the shared chunk, which evaluates before this module's body. The patch
 * works the same as long as it comes before any element is defined, which the order above guarantees.
 */
import '../shared/lit-policy.js';
import { LitElement } from 'lit';
import { hydrateSupport } from './support.js';

const patched = Symbol.for('lede.hydrate');
const scope = globalThis as { [patched]?: boolean };
if (!scope[patched]) {
  scope[patched] = true;
  hydrateSupport({ LitElement });
}
